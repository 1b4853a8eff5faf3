"""Publication time: front matter, a header line (发布时间), JSON Lines, or --published.

Chinese press without a zone is China time (UTC+8); a zoned time is converted to it, so a piece
stamped 2021-07-08 20:33 GMT was published on 9 July in Beijing. Never the clock.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

CHINA = timezone(timedelta(hours=8))
_HEADER_LINE = re.compile(
    r"(?m)^[ \t]*(?:(?:发布时间|发布日期|发表时间|发稿时间|Published|Date)[ \t]*[:：]|(?:Published|Posted)(?:[ \t]+on)?[ \t]*[:：]?|发布于)"
    r"[ \t]*([^\r\n]{4,40}?)"
    r"(?=[ \t]*$|[ \t]{2,}|[ \t]*[|｜丨]|[ \t]+(?:来源|作者|编辑|责任编辑|Source|By)\b)")
_HEADER = re.compile(
    r"(?:发布时间|发布日期|发表时间|发稿时间|时间|日期|Published|Date)\s*[:：]?\s*"
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[:：]\s*(\d{2}))?"
)


Precision = str  # "day" (a date or a time), "month" or "year"
UNKNOWN = frozenset({"unknown", "n/a", "na", "none", "null", "tbd", "未知", "不详", "-", "—"})
_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], 1) for m in names}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR_ONLY = re.compile(r"(\d{4})\s*年?")
_YEAR_MONTH = re.compile(r"(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?")
_EN_DAY = re.compile(rf"(?:(\d{{1,2}})\s+{_MONTH},?\s+(\d{{4}})|{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}))", re.I)
_EN_MONTH = re.compile(rf"{_MONTH},?\s+(\d{{4}})", re.I)


class PartialDatetime(datetime):
    """The first instant of a publication year or month given with --published (2024-09): a
    datetime everywhere, with its precision kept for the documents it stamps."""

    precision: Precision = "day"

    def __reduce__(self):  # worker processes get the precision too
        return (_partial, (datetime(self.year, self.month, self.day, tzinfo=self.tzinfo), self.precision))


def _partial(dt: datetime, precision: Precision) -> datetime:
    if precision == "day":
        return dt
    out = PartialDatetime(dt.year, dt.month, dt.day, tzinfo=dt.tzinfo)
    out.precision = precision
    return out


def precision_of(when: datetime | None) -> Precision | None:
    return None if when is None else getattr(when, "precision", "day")


def is_unknown(value) -> bool:
    """An explicit "no date": unknown, n/a, 未知, empty."""
    return value is None or (isinstance(value, str) and value.strip().lower() in UNKNOWN | {""})


def parse_published(value, default_zone=CHINA) -> tuple[datetime, Precision] | None:
    """(first instant of the period in China time, precision) from a front-matter, JSON Lines or
    header value, or None if it is not a date.

    Read: a date or datetime (YAML), a year as a number, ISO dates and times with or without a
    zone, 2024-09 and 2024, 2021/07/08, 2021年10月, 2021年10月8日, RFC 2822 (Thu, 08 Jul 2021
    20:33:00 GMT), and English "8 July 2021", "July 8, 2021", "September 2024". Only text, numbers,
    dates and datetimes are looked at: a list or mapping (however large, as a YAML alias bomb can
    make it) is not a date. A time that cannot be moved to China time without leaving the calendar
    (9999-12-31T23:00-05:00) keeps its own zone.
    """
    if value is None or value == "" or isinstance(value, bool):
        return None
    precision = "day"
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    elif isinstance(value, int) and 1 <= value <= 9999:
        dt, precision = datetime(value, 1, 1), "year"
    elif isinstance(value, str | int | float):
        found = _from_text(str(value).strip()[:200])
        if found is None:
            return None
        dt, precision = found
    else:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=default_zone)
    if precision != "day":
        return dt, precision
    try:
        return dt.astimezone(default_zone), precision
    except OverflowError:
        return dt, precision


def _from_text(text: str) -> tuple[datetime, Precision] | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")), "day"
    except ValueError:
        pass
    try:
        if m := _YEAR_ONLY.fullmatch(text):
            return datetime(int(m.group(1)), 1, 1), "year"
        if m := _YEAR_MONTH.fullmatch(text):
            return datetime(int(m.group(1)), int(m.group(2)), 1), "month"
        if m := _EN_DAY.fullmatch(text):
            d1, mon1, y1, mon2, d2, y2 = m.groups()
            return datetime(int(y1 or y2), _MONTHS[(mon1 or mon2).lower()], int(d1 or d2)), "day"
        if m := _EN_MONTH.fullmatch(text):
            return datetime(int(m.group(2)), _MONTHS[m.group(1).lower()], 1), "month"
    except (ValueError, OverflowError):
        return None
    try:
        return parsedate_to_datetime(text), "day"
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    m = _HEADER.search("发布时间:" + text)
    if m and m.start(1) == len("发布时间:") and m.end() >= len(text) + len("发布时间:") - 1:
        dt = _from_match(m)
        return (dt, "day") if dt else None
    return None


def parse_timestamp(value, default_zone=CHINA) -> datetime | None:
    """The first instant of the publication period (see parse_published); a year or a month
    comes back as a PartialDatetime that keeps its precision."""
    parsed = parse_published(value, default_zone)
    return None if parsed is None else _partial(*parsed)


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
    found = find_header_published(text)
    return found[0] if found else None


def find_header_published(text: str) -> tuple[datetime, Precision] | None:
    """A publication stamp in the first lines of the page, at its precision: 发布时间:2025-02-06
    10:30, Published: 2021/07/08, 日期：2021年10月 (a month), Date: Thu, 08 Jul 2021 20:33:00 GMT."""
    head = text[:3000]
    m = _HEADER.search(head)
    if m:
        dt = _from_match(m)
        return (dt.replace(tzinfo=CHINA), "day") if dt else None
    for m in _HEADER_LINE.finditer(head):
        found = parse_published(m.group(1).strip())
        if found is not None:
            return found
    return None

