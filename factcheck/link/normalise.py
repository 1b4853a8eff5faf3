"""Keys for matching: script, width, case and spaces folded, generic heads folded, aliases applied."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from factcheck.extract.patterns import norm
from factcheck.lang import load_gazetteer, load_lexicon
from factcheck.lang.loader import alternation
from factcheck.link.places import romanised

_SPACE = re.compile(r"[\s·・“”\"'‘’「」『』《》()（）]+")


@cache
def _tables():
    lex = load_lexicon()
    aliases = {}
    for a in lex.aliases.alias:
        for form in a.forms:
            aliases[_plain(form)] = _plain(a.canonical)
    fold = {}
    for canonical, forms in lex.heads.fold.items():
        for f in forms:
            fold[_plain(f)] = _plain(canonical)
    head_rx = re.compile(rf"(?:{alternation(fold)})$")
    # 苏州市 = 苏州, 广东省 = 广东: a known place with its administrative suffix is the place
    e = lex.entities
    admin_rx = re.compile(rf"^({alternation(_plain(p) for p in e.places.names)})(?:{alternation(_plain(x) for x in e.places.suffixes)})$")
    # 广东韶关华南智算中心 = 韶关华南智算中心: a province before another place is wrapping, not identity
    cities = [_plain(p) for p in e.places.names if p not in e.places.provinces]
    province_rx = re.compile(
        rf"^(?:{alternation(_plain(p) for p in e.places.provinces)})(?:{alternation(_plain(x) for x in e.places.suffixes)})?"
        rf"(?=(?:{alternation(cities)}))"
    )
    return aliases, fold, head_rx, admin_rx, province_rx


@cache
def _wrapping():
    """Trailing plan words, and what may stand before them: a centre's head or a place."""
    lex = load_lexicon()
    e = lex.entities
    trailing = sorted({_plain(w) for w in lex.heads.wrapping.trailing}, key=len, reverse=True)
    heads = [_plain(h) for h in e.heads.facility] + [_plain(h) for forms in lex.heads.fold.values() for h in forms]
    heads += [_plain(c) for c in lex.heads.fold]
    places = [_plain(p) for p in e.places.names] + [_plain(w) for w in e.national.words]
    suffixes = [_plain(x) for x in e.places.suffixes]
    before = re.compile(
        rf"(?:(?:{alternation(heads)})|^(?:{alternation(places)})(?:{alternation(suffixes)})?)$"
    )
    return trailing, before


# a wire dateline the extractor left in front of a name (贵阳8月1日电云谷智算中心, 长江网7月30日讯):
# where and when the story was filed, not part of the name
_DATELINE = re.compile(r"^[^\s，。]{0,12}?\d{1,2}月\d{1,2}日(?:电|讯)")


def _unwrap(plain: str) -> str:
    """Dateline before, plan words after: 鲲鹏智算中心计划 names 鲲鹏智算中心."""
    dated = _DATELINE.sub("", plain, count=1)
    if dated:
        plain = dated
    trailing, before = _wrapping()
    changed = True
    while changed:
        changed = False
        for w in trailing:
            if len(plain) > len(w) and plain.endswith(w) and before.search(plain[: -len(w)]):
                plain = plain[: -len(w)]
                changed = True
                break
    return plain


def _is_word(ch: str) -> bool:
    """re's \\w for one character of a str pattern (Unicode letters and digits, and _)."""
    return ch.isalnum() or ch == "_"


def _boundary(text: str, i: int) -> bool:
    """re's \\b at position i of text."""
    return (i > 0 and _is_word(text[i - 1])) != (i < len(text) and _is_word(text[i]))


class _LatinPlaces:
    """Every romanised place, company name and name word in a lowered name -> its Chinese.

    ``sub(text)`` is ``re.sub(r"\\b(?:form|…)\\b", lambda m: places[m.group()], text)`` with the
    forms longest first (tests/test_linking.py checks the two agree), done by hand: that pattern
    alternates 1,200 forms, and compiling it took 0.01 s of every process's start-up, while the names it
    is used on are few and short. At each word boundary the forms that start with the character
    there are tried longest first; the first one that ends on a word boundary is replaced.
    """

    def __init__(self, places: dict[str, str]):
        self.places = places
        self._by_first: dict[str, list[str]] = {}
        for form in sorted(places, key=len, reverse=True):
            if form:
                self._by_first.setdefault(form[0], []).append(form)

    def sub(self, text: str) -> str:
        out, last, i = [], 0, 0
        while i < len(text):
            forms = self._by_first.get(text[i])
            if forms and _boundary(text, i):
                form = next((f for f in forms if text.startswith(f, i) and _boundary(text, i + len(f))), None)
                if form is not None:
                    out += (text[last:i], self.places[form])
                    i = last = i + len(form)
                    continue
            i += 1
        out.append(text[last:])
        return "".join(out)


@cache
def _latin_places() -> _LatinPlaces:
    """Romanised places, company names and name words -> Chinese, for names written in Latin letters only."""
    places = {form.lower(): chinese for form, chinese in romanised().items()}
    gazetteer = load_gazetteer()
    for table in (gazetteer.names, gazetteer.words):
        for chinese, forms in table.items():
            for f in forms:
                places[f.lower()] = norm(chinese)
    return _LatinPlaces(places)


def _plain(text: str) -> str:
    return _SPACE.sub("", norm(text)).lower().replace("ⅱ", "ii").replace("ⅲ", "iii").replace("ⅰ", "i")


@lru_cache(maxsize=65536)
def subject_key(text: str) -> str:
    """The matching key of a subject name: 成都人工智能计算中心 and 成都智算中心 give one key.

    Cached: a pure function of the name, and the same names recur through a corpus.
    """
    aliases, fold, head_rx, admin_rx, province_rx = _tables()
    plain = _plain(text)
    if plain in aliases:
        return aliases[plain]
    plain = _unwrap(plain)
    if plain in aliases:
        return aliases[plain]
    admin = admin_rx.match(plain)
    if admin:
        return admin.group(1)
    if text.isascii():
        # Wuhan AI Computing Center -> 武汉 + the folded head, the key of 武汉人工智能计算中心
        lowered = re.sub(r"^the\s+", "", text.strip().lower())
        # Wuhan's Ascend-based AI computing centre: the possessive and "-based" describe, they do not name
        lowered = re.sub(r"['’]s\b|\b[\w-]+-(?:based|backed|built|run)\b", " ", lowered)
        plain = _unwrap(_plain(_latin_places().sub(lowered)))
        if plain in aliases:
            return aliases[plain]
    wrapped = province_rx.match(plain)
    if wrapped and len(plain) > wrapped.end():
        plain = plain[wrapped.end() :]
    m = head_rx.search(plain)
    if m:
        plain = plain[: m.start()] + fold[m.group()]
    return aliases.get(plain, plain)


def metric_key(key: str, varies: bool, cumulative: bool) -> str:
    """base key, then flags: |fixed for time-invariant metrics, |cumulative for running totals."""
    parts = [key]
    if not varies:
        parts.append("fixed")
    if cumulative:
        parts.append("cumulative")
    return "|".join(parts)
