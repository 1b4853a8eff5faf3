"""Do two subjects name the same entity?

Subjects link when they name the same entity, not when their strings look alike (SEMANTICS.md §4).
A key is split into its distinctive part and its generic head (智算中心, 实验室, 大会 …); heads must
agree, places named in the distinctive parts must agree, and only then does rapidfuzz score the
distinctive parts. 武汉人工智能计算中心 and 成都人工智能计算中心 never link; 成都人工智能计算中心 and
成都智算中心 fold to one key.

rapidfuzz is imported where a score is made: the rules import split_key from here, and a command
that only extracts (it runs the rules' imports, not the linking) need not pay for it.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.extract.patterns import norm
from factcheck.lang import load_lexicon
from factcheck.lang.loader import alternation


@cache
def _fuzz():
    from rapidfuzz import fuzz

    return fuzz


@cache
def _lex():
    e = load_lexicon().entities
    heads = [norm(h).lower() for cls in ("facility", "organisation", "program", "region") for h in getattr(e.heads, cls)]
    heads += [norm(h).lower() for h in load_lexicon().heads.fold]
    places = [norm(p).lower() for p in e.places.names] + [norm(w).lower() for w in e.national.words]
    return re.compile(rf"(?:{alternation(heads)})$"), re.compile(alternation(places))


WRAPPED = 90.0  # the similarity shown for a name and the same name with a place or owner before it


@cache
def _wrappers():
    """A leading place or body's name (广东韶关…, 中国电信…), and the words that never make a name
    distinctive on their own."""
    lex = load_lexicon()
    e = lex.entities
    from factcheck.lang import load_gazetteer

    bodies = [norm(n).lower() for n in e.organisations.names] + [norm(n).lower() for n in load_gazetteer().names]
    places = [norm(p).lower() for p in e.places.names]
    suffixes = [norm(x).lower() for x in e.places.suffixes]
    lead = re.compile(rf"^(?:(?:{alternation(places)})(?:{alternation(suffixes)})?|(?:{alternation(bodies)}))")
    generic = [norm(w).lower() for w in e.generic_prefix.words] + [norm(w).lower() for w in lex.heads.wrapping.modifiers]
    return lead, re.compile(alternation(generic))


@cache
def _admin_rx():
    e = load_lexicon().entities
    places = alternation(norm(p).lower() for p in e.places.names)
    suffixes = alternation(norm(x).lower() for x in e.places.suffixes)
    return re.compile(rf"({places})(?:{suffixes})")


def without_admin(distinctive: str) -> str:
    """柳州市河西 scores as 柳州河西: a place's administrative suffix inside a name is wrapping."""
    return _admin_rx().sub(r"\1", distinctive) if distinctive else distinctive


def _names_one(rest: str) -> bool:
    """A name part that still names one thing: a place, or two letters beyond generic words."""
    if places_in(rest):
        return True
    _, generic = _wrappers()
    left = generic.sub("", rest)
    return len(left) >= (3 if left.isascii() else 2)


def unwrapped(key: str) -> list[str]:
    """The shorter keys a key still names when its leading places or owners are dropped one by one:
    中国电信武汉智算中心 -> 武汉智算中心; 广东韶关华南智算中心 -> 韶关华南智算中心 -> 华南智算中心."""
    d, h = split_key(key)
    if not h:
        return []
    lead, _ = _wrappers()
    out = []
    while True:
        m = lead.match(d)
        if not m or m.end() >= len(d):
            return out
        d = d[m.end() :]
        if not _names_one(d):
            return out
        out.append(d + h)


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


_LATIN = re.compile(r"[a-z]")


def _latin_name(distinctive: str) -> str:
    """九江庐山 -> 九江lushan: the Chinese letters of a name part the place list does not know, in
    pinyin, so a name written in Latin letters (Jiujiang Lushan) scores against it."""
    from factcheck.link.places import syllables

    out = []
    for ch in distinctive:
        out.append(syllables(ch) if "\u4e00" <= ch <= "\u9fff" else ch)
    return "".join(out)


def _cross_script(da: str, db: str) -> tuple[str, str]:
    """The distinctive parts to score: as they are, or both with their Chinese letters in pinyin when
    one of them is written in Latin letters and the other is not."""
    if bool(_LATIN.search(da)) == bool(_LATIN.search(db)):
        return da, db
    keep = places_in(da) | places_in(db)

    return _latin_name(_without(da, keep)), _latin_name(_without(db, keep))


def _without(distinctive: str, places) -> str:
    """The name part with its places marked, not spelt: they are already one form in both keys."""
    for p in sorted(places, key=len, reverse=True):
        distinctive = distinctive.replace(p, "\0")
    return distinctive


@cache
def _owners() -> re.Pattern:
    """Companies that own and name centres (data/subjects/gazetteer.toml [names]), in key form."""
    from factcheck.lang import load_gazetteer

    return re.compile(rf"^(?:{alternation(norm(n).lower() for n in load_gazetteer().names)})")


def _unowned(distinctive: str) -> str:
    """中国移动绍兴滨海 -> 绍兴滨海: an owner's name before a centre's is wrapping (China Mobile's Shaoxing
    Binhai AI Computing Centre is the Shaoxing Binhai centre, SEMANTICS.md section 4)."""
    m = _owners().match(distinctive)
    rest = distinctive[m.end() :] if m else distinctive
    return rest if m and len(rest) >= 2 else distinctive


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
    pa, pb = places_in(_unowned(da)), places_in(_unowned(db))  # 中国移动's 中国 is no place
    if (pa or pb) and pa != pb:
        # 中国电信湛江智算中心 and 湛江智算中心: one is the other wrapped (cluster_keys links them only
        # when the block wraps the shorter name one way)
        scores = [subject_similarity(u, b) for u in unwrapped(a)] + [subject_similarity(a, u) for u in unwrapped(b)]
        return min(WRAPPED, max(scores, default=0.0))
    if not da or not db:
        return 0.0
    ua, ub = _unowned(da), _unowned(db)
    if ua == ub and (ua == da or ub == db):
        return 100.0  # 中国移动绍兴滨海 and 绍兴滨海; two owners' centres of one name are not one
    da, db = _cross_script(without_admin(da), without_admin(db))
    return float(_fuzz().ratio(da, db))


def cluster_keys(keys: list[str], threshold: float) -> dict[str, str]:
    """Each key mapped to a representative of the keys it links with (transitively).

    Cost grows with the corpus, not its square: keys are bucketed by generic head and named
    places, which must agree anyway, and each name is scored against its bucket in one rapidfuzz call.
    """
    from collections import defaultdict

    from rapidfuzz import fuzz, process

    parent = {k: k for k in keys}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    buckets: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    by_distinctive: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        d, h = split_key(k)
        buckets[(h, frozenset(places_in(_unowned(d))))].append((k, without_admin(d)))
        if _distinctive_name(d):
            by_distinctive[d].append(k)
    for (_, places), members in buckets.items():
        if len(members) < 2:
            continue
        names = [d for _, d in members]
        latin = [bool(_LATIN.search(d)) for d in names]
        if any(latin) and not all(latin):  # 九江lushan and 九江庐山 in one bucket: score them in pinyin
            names = [_latin_name(_without(d, places)) if d else d for d in names]
        for i, name in enumerate(names):
            if not name:
                continue
            for _, _, j in process.extract(name, names[i + 1 :], scorer=fuzz.ratio, score_cutoff=threshold, limit=None):
                if names[i + 1 + j]:
                    union(members[i][0], members[i + 1 + j][0])
    # a wrapped name and the name alone (中国电信武汉智算中心 and 武汉智算中心): one entity when the
    # name alone is wrapped one way only in the block; two operators' centres in one city stay apart
    present = set(keys)
    wrapped_by: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        for short in unwrapped(k):
            if short in present:
                wrapped_by[short].add(find(k))
    for short, roots in sorted(wrapped_by.items()):
        if len(roots) == 1:
            union(short, next(iter(roots)))
    for (head, _places), members in buckets.items():  # 中国移动绍兴滨海 and 绍兴滨海: an owner is wrapping
        if len(members) < 2 or not head:
            continue
        by_unowned: dict[str, list[str]] = defaultdict(list)
        for k, d in members:
            by_unowned[_unowned(d)].append(k)
        for same in by_unowned.values():
            owned = {k for k in same if _unowned(split_key(k)[0]) != split_key(k)[0]}
            if len(owned) <= 1:  # one owner's name, or none: one centre; two owners: two centres
                for other in same[1:]:
                    union(same[0], other)
    for same in by_distinctive.values():  # 华为全联接2021 and 华为全联接2021大会: a head left out
        heads = {split_key(k)[1] for k in same}
        if "" in heads:
            for other in same[1:]:
                union(same[0], other)
    return {k: find(k) for k in keys}
