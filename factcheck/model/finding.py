from typing import Literal

from pydantic import BaseModel

Severity = Literal["error", "warning", "info"]


class Finding(BaseModel):
    """A judgement over one or more claims, with the rule that made it and why (SEMANTICS.md section 3)."""

    id: str
    rule: str
    kind: str
    severity: Severity
    claims: list[str]
    why: str
    fingerprint: str
    similarity: float | None = None
