"""actual, plan or forecast: the last modality word before a figure in its sentence wins."""

from __future__ import annotations

import re
from functools import cache

from factcheck.extract.patterns import norm_all
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


def modality(text: str, sentence_start: int, start: int, inside_name=None) -> str:
    """inside_name(pos) tells if a position is inside an entity name (昇腾众智计划 is no plan)."""
    rx, table = _rx()
    last = "actual"
    for m in rx.finditer(text, sentence_start, start):
        if inside_name is None or not inside_name(m.start()):
            last = table[m.group().lower() if m.group().isascii() else m.group()]
    return last
