"""Do two subjects name the same entity?

Subjects link when they name the same entity, not when their strings look alike (SEMANTICS.md §4).
A key is split into its distinctive part and its generic head (智算中心, 实验室, 大会 …); heads must
agree, places named in the distinctive parts must agree, and only then does rapidfuzz score the
distinctive parts. 武汉人工智能计算中心 and 成都人工智能计算中心 never link; 成都人工智能计算中心 and
成都智算中心 fold to one key.
"""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz

from factcheck.extract.patterns import norm
from factcheck.lang import load_lexicon
from factcheck.lang.loader import alternation


@cache
def _lex():
    e = load_lexicon().entities
    heads = [norm(h).lower() for cls in ("facility", "organisation", "program", "region") for h in getattr(e.heads, cls)]
    heads += [norm(h).lower() for h in load_lexicon().heads.fold]
    places = [norm(p).lower() for p in e.places.names] + [norm(w).lower() for w in e.national.words]
    return re.compile(rf"(?:{alternation(heads)})$"), re.compile(alternation(places))


def split_key(key: str) -> tuple[str, str]:
    """(distinctive part, generic head) of a subject key."""
    head_rx, _ = _lex()
    m = head_rx.search(key)
    if not m or m.start() == 0:
        return key, ""
    return key[: m.start()], m.group()


def places_in(text: str) -> set[str]:
    _, place_rx = _lex()
    return set(place_rx.findall(text))


def _distinctive_name(text: str) -> bool:
    """More than a place or a known body's name alone (成都 is not 成都智算中心)."""
    _, place_rx = _lex()
    rest = place_rx.sub("", text)
    return len(rest) >= 3


def subject_similarity(a: str, b: str) -> float:
    """0..100: 100 for the same key; 0 when heads or named places differ."""
    if a == b:
        return 100.0
    da, ha = split_key(a)
    db, hb = split_key(b)
    if ha != hb:
        # 华为全联接2021 and 华为全联接2021大会: the head was left out, the name is the same
        if (not ha or not hb) and da == db and _distinctive_name(da):
            return 100.0
        return 0.0
    pa, pb = places_in(da), places_in(db)
    if (pa or pb) and pa != pb:
        return 0.0
    if not da or not db:
        return 0.0
    return float(fuzz.ratio(da, db))
