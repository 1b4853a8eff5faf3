"""The country a page's national words name: 全國 / 我國 on a Taiwan page is Taiwan, not China.

A page is known by its own markers (data/zh/units.toml [document_currency]: 新台幣, 國科會, 年增 …);
data/zh/entities.toml [page_nation] says which national words name which territory there. An explicit
中國 keeps its meaning.
"""

from __future__ import annotations

from functools import cache

from factcheck.extract.entities import Entity
from factcheck.extract.patterns import norm, norm_all, patterns
from factcheck.lang import load_lexicon


@cache
def _table() -> dict[str, tuple[str, frozenset]]:
    return {cur: (norm(d.name), frozenset(norm_all(d.words))) for cur, d in load_lexicon().entities.page_nation.items()}


@cache
def _places() -> frozenset:
    return frozenset(w for d in load_lexicon().entities.page_nation.values() for w in norm_all(d.places))




def page_nation(text: str, entities: list[Entity]) -> list[Entity]:
    """entities with the national words renamed for the page's territory (in place; returned)."""
    table = _table()
    if not table or not any(e.cls == "national" for e in entities):
        return entities
    places = _places()
    if places and not any(e.cls == "place" and e.text in places for e in entities):
        return entities  # no place of the territory named: its markers are not looked for
    from factcheck.extract.quantities import page_currency

    p = patterns()
    if p.currency_markers is None:
        return entities
    cur = page_currency(text)
    if cur not in table:
        return entities
    name, words = table[cur]
    for e in entities:
        if e.cls == "national" and text[e.start : e.end] in words:
            e.cls, e.text = "place", name
    return entities
