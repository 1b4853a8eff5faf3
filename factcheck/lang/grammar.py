"""data/grammar.toml: the function words shared by the subject finder, claims and checks."""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, ConfigDict

from factcheck.lang.loader import _read, alternation


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Subjects(_Strict):
    np_trim_start: list[str]
    np_cut: list[str]
    anaphor: list[str]
    not_a_topic: list[str]
    anaphor_head: list[str]
    scope_whole: list[str]
    place_nouns: list[str]
    system_nouns: list[str]
    company_pointers: list[str]
    measuring_verbs: list[str]
    count_joiners: list[str]
    measured_nouns: list[str]
    points_back: list[str]
    describing_clause: list[str]
    respectively: list[str]
    list_separators: list[str]
    shared_heads: list[str]
    beneficiaries: list[str] = []
    share_words: list[str] = []


class Dates(_Strict):
    since_before: list[str]
    since_after: list[str]
    event_of_date: list[str]


class Quantities(_Strict):
    qualifier_tails: list[str]
    noun_particles: list[str]


class Checks(_Strict):
    part_of: list[str]
    growth_base: list[str]


class GrammarFile(_Strict):
    subjects: Subjects
    dates: Dates
    quantities: Quantities
    checks: Checks


@cache
def grammar() -> GrammarFile:
    return _read(GrammarFile, "grammar.toml")


def words(*names: str) -> str:
    """One alternation of the listed words of grammar.toml, e.g. words("subjects", "np_cut")."""
    section, key = names
    return alternation(getattr(getattr(grammar(), section), key))


@cache
def rx(pattern: str, flags: int = 0) -> re.Pattern:
    """A compiled pattern in which {section.key} stands for that list's alternation."""
    expanded = re.sub(r"\{(\w+)\.(\w+)\}", lambda m: f"(?:{words(m.group(1), m.group(2))})", pattern)
    return re.compile(expanded, flags)


__all__ = ["grammar", "rx", "words"]
