"""The extractor's working record of one value found in the analysis text."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(slots=True)  # slots: a long article makes tens of thousands of these
class Mention:
    start: int  # analysis offsets of the whole expression: qualifier, number, unit
    end: int
    kind: str  # quantity | date
    num_start: int = 0
    value: Fraction | None = None
    unit: str | None = None
    dimension: str | None = None
    lower: Fraction | None = None
    upper: Fraction | None = None
    lower_open: bool = False
    upper_open: bool = False
    resolution: Fraction | None = None
    qualifier: str = "exact"
    counted: str | None = None  # the measure word or counted noun that follows
    counted_end: int = 0
    precision: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    relative: bool = False
    shared: bool = False  # a date whose span may also hold a quantity (三年内 is a duration as well)
    reason: str | None = None  # set when the value is not a claim
    range_end: tuple[int, int] | None = None  # the span of a range's upper number (10至20: 20)
