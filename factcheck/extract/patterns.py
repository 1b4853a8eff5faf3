"""Compiled regular expressions built once from the data files (normalised like the text)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.ingest.textmap import _WIDTH, to_simplified
from factcheck.lang import load_lexicon
from factcheck.lang.loader import alternation


def norm(word: str) -> str:
    """A data word folded the way the analysis text is (width, traditional to simplified)."""
    return to_simplified(word.translate(_WIDTH))


def norm_all(words) -> list[str]:
    return [norm(w) for w in words]


ARABIC = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@dataclass(frozen=True)
class Patterns:
    number: re.Pattern
    qual_before: re.Pattern
    qual_after: re.Pattern
    qual_before_map: dict
    qual_after_map: dict
    unit: re.Pattern
    unit_map: dict
    measure: re.Pattern
    filters: list[tuple[str, re.Pattern, re.Pattern | None]]
    idioms: re.Pattern
    ordinal_prefix: re.Pattern
    rank_verb: re.Pattern
    cn_chars: str


@cache
def patterns() -> Patterns:
    lex = load_lexicon()
    n = lex.numerals
    cn_chars = "".join(sorted(set(n.digits) | set(n.units) | set(n.sections) | set(n.aliases)))
    mult = "".join(sorted(lex.units.multipliers))
    number = re.compile(
        # Arabic digits never start right after a digit, '.', ',' or an exponent (1..5, 1,,000, 1.79e+308)
        rf"(?:(?<!\d)(?<!\.)(?<![\d,],)(?<!\d[eE])(?<!\d[eE][+-])(?:{ARABIC})(?:[ ]?[{mult}]+)?(?:(?:{ARABIC})[{mult}]*)?"
        rf"|[{cn_chars}]+(?:点[{cn_chars}]+)?|半)"
    )
    qb = {norm(k): v for k, v in lex.qualifiers.before.items()}
    qa = {norm(k): v for k, v in lex.qualifiers.after.items()}
    units = {norm(k): v for k, v in lex.units.units.items()}
    return Patterns(
        number=number,
        qual_before=re.compile(rf"(?:{alternation(qb)})[ ]?$"),
        qual_after=re.compile(rf"[ ]?(?:{alternation(qa)})"),
        qual_before_map=qb,
        qual_after_map=qa,
        unit=re.compile(rf"[ ]?(?:{alternation(units)})(?![A-Za-z])"),
        unit_map=units,
        measure=re.compile(rf"[ ]?(?:{alternation(norm_all(lex.units.measure_words.words))})"),
        filters=[
            (name, re.compile(rx), re.compile(lex.filters.pattern_hints[name]) if name in lex.filters.pattern_hints else None)
            for name, rx in lex.filters.patterns.items()
        ],
        # an idiom (一家, 一个) never starts inside a longer numeral (二十一家, 十一个)
        idioms=re.compile(rf"(?<![{cn_chars}])(?:{alternation(norm_all(lex.filters.idioms.words))})"),
        ordinal_prefix=re.compile(rf"(?:{alternation(norm_all(lex.filters.ordinal.prefixes))})$"),
        rank_verb=re.compile(rf"(?:{alternation(norm_all(lex.filters.rank_verbs.words))})[^,。;]{{0,4}}$"),
        cn_chars=cn_chars,
    )
