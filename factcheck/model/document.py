from datetime import datetime

from pydantic import BaseModel


class Document(BaseModel):
    """One input article as reported in JSON (its text stays out of the output)."""

    id: str
    path: str | None = None
    title: str | None = None
    source: str | None = None  # the outlet: front matter source, publisher, site_name or author; JSON Lines "source"
    published: datetime | None = None
    lang: str = "zh"
    encoding: str | None = None
