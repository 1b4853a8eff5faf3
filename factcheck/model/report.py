from pydantic import BaseModel, Field

from factcheck.model.claim import Claim
from factcheck.model.document import Document
from factcheck.model.finding import Finding


class ToolInfo(BaseModel):
    name: str = "factcheck"
    version: str


class Problem(BaseModel):
    """An input that could not be read, or was read only in part: one line for the user."""

    path: str
    line: int | None = None
    reason: str
    fatal: bool = True
    warning: bool = Field(default=False, description="Read, but with something the user should know (no publication date).")

    def message(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


class Summary(BaseModel):
    documents: int
    claims: int
    findings: dict[str, int] = Field(default_factory=dict)


class Report(BaseModel):
    schema_version: str = "2"
    tool: ToolInfo
    documents: list[Document]
    claims: list[Claim]
    mentions: list[Claim] | None = None
    findings: list[Finding] | None = None
    summary: Summary
    problems: list[Problem] = Field(default_factory=list)
