"""A table's unit declared once (单位：亿元, （单位：万千瓦）) for the bare figures in its rows.

Statistics pages, company reports and stock sites print a table of bare numbers under a caption that
names the unit; each such figure is a claim in that unit (| 营业收入 | 286.4 | 254.3 | under 单位：亿元
is 254.3亿元). Only bare figures in table rows after the declaration take it: a row is a line with
cell separators (| or a tab) or a short label followed by figures; the table ends at the first line
of prose.
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import cache

from factcheck.extract.intervals import apply_qualifier
from factcheck.extract.mention import Mention
from factcheck.extract.patterns import norm_all, patterns
from factcheck.extract.units import canonical
from factcheck.lang import load_lexicon
from factcheck.lang.loader import alternation

_ROW = re.compile(r"[^\n]*[|\t][^\n]*|[^\n。；;，,]{1,30}?(?:[ \u3000]+[-+\d.,%]+)+[ \u3000]*")


@cache
def _declaration() -> re.Pattern | None:
    words = load_lexicon().units.table_unit
    if words is None or not words.words:
        return None
    return re.compile(rf"(?:{alternation(norm_all(words.words))})[ ]?[:：][ ]?([^\s)）|，,。;；]{{1,8}})")


@cache
def declared_words() -> tuple[str, ...]:
    """The declaration words, for a cheap test before the search (most texts hold none)."""
    words = load_lexicon().units.table_unit
    return tuple(norm_all(words.words)) if words else ()


def _unit_of(word: str) -> tuple[str, Fraction] | None:
    """The unit a declaration names, with its scale: 亿元 -> (CNY, 10^8), 万千瓦 -> (megawatt, 10)."""
    p = patterns()
    mult = load_lexicon().units.multipliers
    scale, rest = Fraction(1), word
    while rest:
        if rest in p.unit_map:
            name, factor = p.unit_map[rest]
            return name, scale * Fraction(str(factor))
        if rest[0] not in mult:
            return None
        scale, rest = scale * 10 ** mult[rest[0]], rest[1:]
    return None


def apply_table_units(text: str, out: list[Mention], tolerance: Fraction) -> None:
    """Give the bare figures in a declared table's rows the declared unit (in place)."""
    rx = _declaration()
    if rx is None:
        return
    bare = [m for m in out if m.reason == "bare number" and m.value is not None]
    if not bare:
        return
    for d in rx.finditer(text):
        unit = _unit_of(d.group(1))
        if unit is None:
            continue
        start, end = text.find("\n", d.end()), d.end()
        pos = len(text) if start < 0 else start + 1
        end = pos
        while pos < len(text):  # the rows after the declaration line, blank lines between them allowed
            nl = text.find("\n", pos)
            line_end = len(text) if nl < 0 else nl
            line = text[pos:line_end]
            if line.strip() and not _ROW.fullmatch(line.strip()):
                break
            end, pos = line_end, line_end + 1
        for m in bare:
            if start >= 0 and start < m.start < end:
                _give(m, *unit, tolerance)


def _give(m: Mention, unit: str, scale: Fraction, tolerance: Fraction) -> None:
    target, to_canon, dimension = canonical(unit)
    factor = scale * to_canon
    m.value, m.resolution = m.value * factor, (m.resolution or Fraction(1)) * factor
    m.unit, m.dimension, m.reason, m.qualifier = target, dimension, None, "exact"
    m.lower = m.upper = m.value
    apply_qualifier(m, tolerance)
