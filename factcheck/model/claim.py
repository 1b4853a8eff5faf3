from typing import Literal

from pydantic import BaseModel


class Span(BaseModel):
    start: int
    end: int


class Named(BaseModel):
    """A subject or metric: the words of the article and the key used for matching.

    type says what kind of name a subject is (facility, organisation, program, title, place,
    national, region, known, phrase); None for metrics."""

    text: str
    key: str
    type: str | None = None


class DateSpan(BaseModel):
    start: str
    end: str
    precision: Literal["day", "week", "month", "quarter", "half", "year", "range", "century"]


Qualifier = Literal["exact", "approx", "at_least", "at_most", "range"]


class Claim(BaseModel):
    """One statement of fact (SEMANTICS.md section 1), as OUTPUT.md prints it.

    A mention has the same fields; its subject and metric may be null and ``reason`` says why it
    is not a claim.
    """

    id: str
    document: str
    path: str | None
    span: Span
    line: int
    column: int
    text: str
    sentence: str
    kind: Literal["quantity", "date"]
    subject: Named | None
    metric: Named | None
    # int when whole, so a value reads back from JSON exactly as it was written (100, not 100.0)
    value: int | float | None = None
    unit: str | None = None
    lower: int | float | None = None
    upper: int | float | None = None
    lower_open: bool = False
    upper_open: bool = False
    resolution: int | float | None = None
    qualifier: Qualifier = "exact"
    precision: str | None = None
    counted: str | None = None
    date: DateSpan | None = None
    as_of: str | None = None
    modality: Literal["actual", "plan", "forecast"] = "actual"
    confidence: float = 0.9
    reason: str | None = None
