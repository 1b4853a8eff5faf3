"""Publication time: front matter, a header line (发布时间), JSON Lines, or --published.

Chinese press without a zone is China time (UTC+8); a zoned time is converted to it, so a piece
stamped 2021-07-08 20:33 GMT was published on 9 July in Beijing. Never the clock.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

CHINA = timezone(timedelta(hours=8))
_HEADER = re.compile(
    r"(?:发布时间|发布日期|发表时间|发稿时间|时间|日期|Published|Date)\s*[:：]?\s*"
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[:：]\s*(\d{2}))?"
)


def parse_timestamp(value, default_zone=CHINA) -> datetime | None:
    """A datetime from a front-matter value, ISO text or RFC 2822 text; None if it is not a date.

    Only text, numbers, dates and datetimes are looked at: a list or mapping (however large, as a
    YAML alias bomb can make it) is not a date. A time that cannot be moved to China time without
    leaving the calendar (9999-12-31T23:00-05:00) keeps its own zone.
    """
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    elif isinstance(value, str | int | float):
        text = str(value).strip()[:200]
        dt = None
        try:
            dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            try:
                dt = parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError, OverflowError):
                m = _HEADER.search("发布时间:" + text)
                if m:
                    dt = _from_match(m)
        if dt is None:
            return None
    else:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=default_zone)
    try:
        return dt.astimezone(default_zone)
    except OverflowError:
        return dt


def describe(value, limit: int = 60) -> str:
    """A short quotation of a bad value for an error message (never the whole of a huge value)."""
    if isinstance(value, list | tuple):
        return f"a list of {len(value)} items"
    if isinstance(value, dict):
        return f"a mapping of {len(value)} keys"
    text = str(value)
    return repr(text[:limit] + ("…" if len(text) > limit else ""))


def _from_match(m: re.Match) -> datetime | None:
    y, mo, d, hh, mm = m.groups()
    try:
        return datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0))
    except (ValueError, OverflowError):
        return None


def find_header_date(text: str) -> datetime | None:
    """A publication stamp in the first lines of the page (作者:… 发布时间:2025-02-06)."""
    m = _HEADER.search(text[:3000])
    if not m:
        return None
    dt = _from_match(m)
    return dt.replace(tzinfo=CHINA) if dt else None

