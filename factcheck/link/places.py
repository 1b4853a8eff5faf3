"""Romanised spellings of the places factcheck knows, so an English name links to the Chinese one
(Qingyuan data center = 清远数据中心, SEMANTICS.md section 4).

The spellings are derived with pypinyin from the Chinese place list (data/zh/entities.toml) and the
gazetteer keys, so a place added there is known in English too; the gazetteer lists only the
spellings no rule derives (Hong Kong, Harbin, Inner Mongolia). A derived spelling that two places
share (山西 and 陕西 are both "shanxi") names neither, unless only one of them has it by its
characters' usual readings (Shenyang is 沈阳, not 信阳); the gazetteer's spellings decide the rest.
"""

from __future__ import annotations

import itertools
import os
from functools import cache

from factcheck.extract.patterns import norm
from factcheck.lang import load_gazetteer, load_lexicon

_VOWELS = "aeiouv"


def _readings(name: str) -> list[list[str]]:
    """Every reading of every character (重 is zhong or chong), from pypinyin's character table only:
    its phrase table costs 0.5 s and 40 MiB to load, and every combination of readings covers the
    one a phrase would pick (重庆 -> Chongqing among them)."""
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")  # documented pypinyin switch; must precede the import
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    from pypinyin import Style, pinyin

    return pinyin(name, style=Style.NORMAL, heteronym=True, errors="ignore")


def syllables(ch: str) -> str:
    """The first reading of one Chinese character in pinyin without tones ('' if it has none)."""
    readings = _readings(ch)
    return readings[0][0] if readings and readings[0] and readings[0][0].isascii() else ""


def _spellings(name: str) -> list[tuple[str, bool]]:
    """Pengcheng, Peng Cheng; Gui'an, Guian: one place written joined, spaced or with an apostrophe,
    each with whether it comes from the characters' first readings (the usual spelling)."""
    readings = _readings(name)
    if len(readings) != len(name) or len(readings) < 2:
        return []  # a Latin letter or an unknown character: no reliable spelling
    forms: dict[str, bool] = {}
    for n, syllables in enumerate(itertools.islice(itertools.product(*readings), 16)):
        if not all(s.isascii() and s.isalpha() for s in syllables):
            continue
        joined = "".join(syllables)
        marked = syllables[0] + "".join(("'" + s) if s[0] in _VOWELS else s for s in syllables[1:])
        for form in (joined.capitalize(), marked.capitalize(), " ".join(s.capitalize() for s in syllables)):
            forms[form] = forms.get(form, False) or n == 0
    return sorted(forms.items())


@cache
def romanised() -> dict[str, str]:
    """Every romanised form (as written, capitalised) -> the normalised Chinese place name."""
    gazetteer = load_gazetteer()
    explicit: dict[str, str] = {}
    for chinese, forms in gazetteer.places.items():
        for f in forms:
            explicit[f] = norm(chinese)
    derived: dict[str, dict[str, bool]] = {}
    names = list(load_lexicon().entities.places.names) + list(gazetteer.places)
    for chinese in names:
        for f, primary in _spellings(norm(chinese)):
            derived.setdefault(f, {})[norm(chinese)] = primary
    out = {}
    for f, places in derived.items():
        usual = [zh for zh, primary in places.items() if primary]
        if len(places) == 1:
            out[f] = next(iter(places))
        elif len(usual) == 1:  # Shenyang: 沈阳 by its usual reading, 信阳 only by a rare one
            out[f] = usual[0]
    out.update(explicit)
    return out
