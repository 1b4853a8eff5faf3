from datetime import datetime

from pydantic import BaseModel


class Document(BaseModel):
    """One input article as reported in JSON (its text stays out of the output)."""

    id: str
    path: str | None = None
    title: str | None = None
    published: datetime | None = None
    lang: str = "zh"
    encoding: str | None = None
