"""actual, plan or forecast: the last modality word before a figure in its sentence wins."""

from __future__ import annotations

import re
from functools import cache

from factcheck.extract.patterns import norm_all
from factcheck.extract.scan import finditer
from factcheck.lang import load_english, load_lexicon
from factcheck.lang.loader import alternation


@cache
def _rx():
    m = load_lexicon().modality
    table = {}
    for kind in ("plan", "forecast", "actual"):
        for w in norm_all(getattr(m, kind).words):
            table.setdefault(w, kind)
    en = load_english().modality
    en_table = {}
    for kind in ("plan", "forecast", "actual"):
        for w in getattr(en, kind).words:
            en_table.setdefault(w.lower(), kind)
    table.update(en_table)
    zh = alternation([w for w in table if w not in en_table])
    return re.compile(rf"{zh}|(?i:\b(?:{alternation(en_table)})\b)"), table


def markers(text: str, start: int, end: int, inside_name=None) -> list[tuple[int, str]]:
    """(position, modality) of every modality word in text[start:end] outside entity names."""
    rx, table = _rx()
    out = []
    for m in finditer(rx, text, start, end):
        if inside_name is None or not inside_name(m.start()):
            out.append((m.start(), table[m.group().lower() if m.group().isascii() else m.group()]))
    return out


def modality(text: str, sentence_start: int, start: int, inside_name=None, found=None) -> str:
    """The last modality word before start; inside_name(pos) tells if a position is inside an entity
    name (昇腾众智计划 is no plan). found: the sentence's markers, computed once."""
    items = found if found is not None else markers(text, sentence_start, start, inside_name)
    last = "actual"
    for pos, kind in items:
        if pos >= start:
            break
        if pos >= sentence_start:
            last = kind
    return last
