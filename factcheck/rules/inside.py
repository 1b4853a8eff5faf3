"""The checks inside one document (SEMANTICS.md §5): rules over one document's claims, run after
extraction and before any cross-document comparison."""

from __future__ import annotations

from factcheck.model import Claim, Finding
from factcheck.rules import DOCUMENT_RULES
from factcheck.rules.base import make_finding


def document_findings(claims: list[Claim]) -> list[Finding]:
    """Checks inside one document (FC2xx)."""
    out = []
    if len(claims) < 2:  # every FC2xx check relates two claims or more
        return out
    for module in DOCUMENT_RULES:
        for rule, members, why in module.check(claims):
            out.append(make_finding(rule, members, why))
    return out
