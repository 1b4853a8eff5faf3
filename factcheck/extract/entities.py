"""Entities a figure can be about: named facilities and bodies (a distinctive prefix plus a generic
head), known organisations, places, and the country. The words live in data/zh/entities.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from factcheck.extract.patterns import norm, norm_all
from factcheck.lang import load_lexicon
from factcheck.lang.loader import alternation, trie_alternation

# a generation number after a name (鹏城云脑Ⅱ, 云脑2), never the first digit of a date or a count
# (昆明呈贡智算中心1月6日, 集群3台)
_SUFFIX = re.compile(r"[ ]?(?:[ⅠⅡⅢⅣⅤ]|I{1,3}|IV|V)(?![A-Za-z])|[ ]?[0-9](?![\d.／/\-:：年月日号时期个台张家万亿千百余多％%])")
_SUFFIX_FIRSTS = frozenset(" ⅠⅡⅢⅣⅤIV0123456789")  # the characters a _SUFFIX match can start with
RANK = {"facility": 5, "organisation": 4, "program": 4, "region": 3, "known": 3, "place": 2, "national": 2, "title": 4}


@dataclass
class Entity:
    start: int
    end: int
    cls: str
    text: str  # normalised text of the name
    bare: bool = False  # a generic head with no distinctive prefix (人工智能计算中心)
    head: str = ""

    @property
    def rank(self) -> int:
        return 0 if self.bare else RANK[self.cls]


@dataclass(frozen=True)
class _Lex:
    heads: re.Pattern
    head_class: dict
    known: re.Pattern
    places: re.Pattern
    place_set: frozenset
    national: re.Pattern
    national_canonical: str
    stop: frozenset
    max_prefix: int
    generic: re.Pattern
    book: re.Pattern
    stop_words: re.Pattern
    wrapping: frozenset
    not_heads: re.Pattern | None


@cache
def _lex() -> _Lex:
    e = load_lexicon().entities
    head_class = {}
    for cls in ("facility", "organisation", "program", "region"):
        for h in getattr(e.heads, cls):
            head_class.setdefault(norm(h), cls)
    places = norm_all(e.places.names)
    suffix = alternation(norm_all(e.places.suffixes))
    return _Lex(
        heads=re.compile(alternation(head_class)),
        head_class=head_class,
        known=re.compile(alternation(norm_all(e.organisations.names))),
        places=re.compile(rf"(?:{trie_alternation(places)})(?:{suffix})?"),
        place_set=frozenset(places),
        national=re.compile(alternation(norm_all(e.national.words))),
        national_canonical=norm(e.national.canonical),
        stop=frozenset(norm(e.stop_chars.chars)),
        max_prefix=e.max_prefix.chars,
        generic=re.compile(rf"^(?:{alternation(norm_all(e.generic_prefix.words))}|\s|\d)*$"),
        book=re.compile(r"《([^《》\n]{2,40})》"),
        stop_words=re.compile(alternation(norm_all(e.stop_words.words))),
        wrapping=frozenset(norm_all(load_lexicon().heads.wrapping.trailing)),
        not_heads=re.compile(alternation(norm_all(e.heads.not_heads))) if e.heads.not_heads else None,
    )


@lru_cache(maxsize=16384)
def _distinctive(prefix: str) -> tuple[str, bool]:
    """What is left of the text before a head as its name's prefix, and whether the name is bare.

    A pure function of the text, cached: the same names recur through an article and a corpus.
    """
    lx = _lex()
    for sw in lx.stop_words.finditer(prefix):
        prefix = prefix[sw.end() :]
    prefix = prefix.lstrip("0123456789 ")
    pm = lx.places.search(prefix)
    km = lx.known.search(prefix)
    cut = min([x.start() for x in (pm, km) if x is not None], default=0)
    prefix = prefix[cut:].lstrip()
    bare = (bool(lx.generic.match(prefix)) or len(prefix.strip()) < 2) and not (pm or km)
    return prefix, bare


def find_entities(text: str) -> list[Entity]:
    """All entities in text, longest first where they overlap, sorted by position."""
    lx = _lex()
    stop, max_prefix, head_class = lx.stop, lx.max_prefix, lx.head_class
    found: list[Entity] = []
    for m in lx.book.finditer(text):
        found.append(Entity(m.start(), m.end(), "title", m.group(1)))
    in_place = bytearray(len(text))
    place_matches = list(lx.places.finditer(text))
    known_matches = list(lx.known.finditer(text))
    # a stop character inside a place or a known body's name (华为: 为) does not end a prefix
    for m in place_matches + known_matches:
        in_place[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    facility_ends = set()
    for m in lx.heads.finditer(text):
        hs, he = m.span()
        if lx.not_heads is not None and lx.not_heads.match(text, hs):
            continue  # 地区生产总值: a measure's name, not a region
        if hs in facility_ends and m.group() in lx.wrapping:
            continue  # 鲲鹏智算中心计划: the centre's plan or project is about the centre, and 计划 stays a plan word
        if head_class[m.group()] == "facility":
            facility_ends.add(he)
        i, lo = hs, hs - max_prefix
        while i > 0 and i > lo:  # walk left over the prefix, never across a stop character outside a place name
            c = text[i - 1]
            if c in ")）":
                # 中国移动长三角（常州）智算中心: a place in brackets belongs to the name
                opening = max(text.rfind("(", lo, i - 1), text.rfind("（", lo, i - 1))
                if opening >= 0 and all(in_place[opening + 1 : i - 1]) and i - 1 > opening + 1:
                    lo -= i - opening  # the bracketed place does not use up the prefix's length
                    i = opening
                    continue
            if c in stop and not in_place[i - 1]:
                break
            if c == " " and (i < 2 or text[i - 2] in stop or text[i - 2] == " "):
                break
            i -= 1
        while i < hs and i > 0 and text[i].isascii() and text[i].isalnum() and text[i - 1].isascii() and text[i - 1].isalnum():
            i += 1  # never start a name inside a Latin word cut by the length limit
        prefix, bare = _distinctive(text[i:hs])
        if text[he : he + 1] in _SUFFIX_FIRSTS:  # most heads end a name with no number after them
            sfx = _SUFFIX.match(text, he)
            if sfx:
                he = sfx.end()
        start = hs - len(prefix)
        head = m.group()
        found.append(Entity(start, he, head_class[head], text[start:he].replace(" ", ""), bare, head))
    for m in known_matches:
        found.append(Entity(m.start(), m.end(), "known", m.group()))
    for m in place_matches:
        found.append(Entity(m.start(), m.end(), "place", m.group()))
    for m in lx.national.finditer(text):
        found.append(Entity(m.start(), m.end(), "national", lx.national_canonical))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Entity] = []
    for ent in found:
        s, e = ent.start, ent.end
        for k in kept[-6:]:
            if k.start <= s and e <= k.end and (k.end - k.start) > (e - s):
                break  # inside a longer name kept just before
        else:
            if not (kept and kept[-1].start == s and kept[-1].end == e):
                kept.append(ent)
    return kept
