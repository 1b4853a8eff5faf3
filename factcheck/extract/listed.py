"""A name followed by its stock code in brackets is a listed company: 竹科晶創（6987）, 寧德時代(300750).

Financial pages name a company once with its code and then by name alone; a name with no generic head
(科技, 集团 …) is otherwise no entity, and the page's place (a byline's 新竹) would be taken for the
subject of its results. The description before the name (晶圆代工厂, 电池龙头) is cut off at the last
word of data/zh/entities.toml [listed].
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from factcheck.extract.entities import Entity
from factcheck.extract.patterns import norm_all
from factcheck.lang import load_lexicon
from factcheck.lang.loader import alternation

# a code of four to six digits, an exchange suffix allowed (300750.SZ, 0700.HK), right after a Chinese
# character; a year in brackets is no code. The name is read back from the bracket (a search from the
# bracket is cheaper than a pattern that tries every character as a name's start)
_CODE = re.compile(r"[(（][ ]?(?!(?:19|20)\d\d[)）])\d{4,6}(?:\.(?:SH|SZ|HK|TW|BJ))?[ ]?[)）]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,14}$")


@cache
def _descriptions() -> re.Pattern | None:
    words = load_lexicon().entities.listed
    return re.compile(alternation(norm_all(words.words))) if words and words.words else None


@cache
def _stops() -> frozenset:
    return frozenset(load_lexicon().entities.stop_chars.chars)


def _codes(text: str):
    """The bracketed codes, found from the brackets (str.find is much faster than a pattern's scan)."""
    for bracket in "(（":
        at = text.find(bracket)
        while at >= 0:
            m = _CODE.match(text, at)
            if m:
                yield m
            at = text.find(bracket, at + 1)


def listed_companies(text: str, entities: list[Entity]) -> list[Entity]:
    """entities with the names before stock codes added as organisations (sorted by start)."""
    if "(" not in text and "（" not in text:
        return entities
    found = []
    stops, rx = _stops(), _descriptions()
    for m in _codes(text):
        if not m.start() or not "\u4e00" <= text[m.start() - 1] <= "\u9fff":
            continue
        run = _CJK_RUN.search(text, max(0, m.start() - 14), m.start())
        if run is None:
            continue
        name, start = run.group(), run.start()
        cut = max((i for i, ch in enumerate(name) if ch in stops), default=-1) + 1
        if rx is not None:
            for d in rx.finditer(name, cut):
                cut = max(cut, d.end())
        name, start = name[cut:], start + cut
        if not 2 <= len(name) <= 8 or any(e.start <= start < e.end or start <= e.start < start + len(name) for e in entities):
            continue
        found.append(Entity(start, start + len(name), "organisation", name))
    if not found:
        return entities
    names = {e.text for e in found}
    for name in names:  # the name alone, further on (竹科晶創預估第四季…)
        for m in re.finditer(re.escape(name), text):
            if not any(e.start < m.end() and m.start() < e.end for e in entities + found):
                found.append(Entity(m.start(), m.end(), "organisation", name))
    out = list(entities)
    for e in found:
        out.insert(bisect.bisect_left([x.start for x in out], e.start), e)
    return out
