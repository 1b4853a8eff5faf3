"""Pydantic models only, no behaviour: the shapes every stage passes on (OUTPUT.md)."""

from factcheck.model.claim import Claim, DateSpan, Named, Span
from factcheck.model.document import Document
from factcheck.model.finding import Finding, FindingValue
from factcheck.model.report import Problem, Report, Summary, ToolInfo

__all__ = ["Claim", "DateSpan", "Document", "Finding", "FindingValue", "Named", "Problem", "Report", "Span", "Summary", "ToolInfo"]
