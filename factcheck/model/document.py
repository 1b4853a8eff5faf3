from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, WithJsonSchema, field_serializer, field_validator

_PUBLISHED_SCHEMA = {
    "anyOf": [
        {"type": "string", "format": "date-time"},
        {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2})?$", "description": "a year or a month (see published_precision)"},
        {"type": "null"},
    ],
    "description": "Publication time; a year (2024) or a month (2024-09) when the article gives no more.",
}


class Document(BaseModel):
    """One input article as reported in JSON (its text stays out of the output).

    published is the first instant of the publication period in China time; in JSON it is written
    at its precision: "2024", "2024-09", or the full ISO time for a day.
    """

    id: str
    path: str | None = None
    title: str | None = None
    source: str | None = None  # the outlet: front matter source, publisher, site_name or author; JSON Lines "source"
    published: Annotated[datetime | None, WithJsonSchema(_PUBLISHED_SCHEMA)] = None
    lang: str = "zh"
    encoding: str | None = None
    published_precision: Literal["day", "month", "year"] | None = Field(
        default=None, description="How precise published is: day (a date or a time), month or year.")
    published_from: str | None = Field(
        default=None, description="Where published came from (front matter, JSON Lines, header line, --published), "
                                  "or why there is none.")

    @field_validator("published", mode="before")
    @classmethod
    def _partial(cls, value):
        """A year or a month written back as JSON ("2024", "2024-09") is read as its first day."""
        if isinstance(value, str) and len(value) in (4, 7) and value[:4].isdigit():
            from factcheck.ingest.published import parse_published

            parsed = parse_published(value)
            return parsed[0] if parsed else value
        return value

    @field_serializer("published", when_used="json")
    def _at_precision(self, value: datetime | None) -> datetime | str | None:
        if value is None or self.published_precision in (None, "day"):
            return value
        return f"{value.year:04d}" if self.published_precision == "year" else f"{value.year:04d}-{value.month:02d}"
