from typing import Literal

from pydantic import BaseModel, Field

from factcheck.model.claim import Named

Severity = Literal["error", "warning", "info"]


class FindingValue(BaseModel):
    """One distinct value inside a finding, with the claims that state it and who they are (OUTPUT.md).

    ``value``, ``lower`` and ``upper`` are numbers for quantities and ISO dates for date claims.
    ``documents`` counts the documents behind the value, ``origins`` the independent origins among
    them (copies of one story and claims attributed to one source count once; SEMANTICS.md section 3).
    """

    value: int | float | str | None = None
    unit: str | None = None
    lower: int | float | str | None = None
    upper: int | float | str | None = None
    as_of: str | None = None
    claims: list[str] = Field(default_factory=list)
    documents: int = 0
    origins: int = 0
    # added fields (OUTPUT.md allows additions): what a reader needs to tell the values apart
    precision: str | None = None
    modality: str | None = None


class Finding(BaseModel):
    """A judgement over one fact or one step of a series (SEMANTICS.md section 3), with the rule
    that made it and why; or a failed check inside one document (section 5)."""

    id: str
    rule: str
    kind: str
    severity: Severity
    subject: Named | None = None
    metric: Named | None = None
    as_of: str | None = None
    claims: list[str]
    values: list[FindingValue] = Field(default_factory=list)
    documents: int = 0
    origins: int = 0
    basis_change: bool = False
    why: str
    fingerprint: str
    similarity: float | None = None
