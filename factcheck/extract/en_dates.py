"""English dates as intervals: July 9, 2021; 9 July 2021; in May 2022; in 2021; the first half of 2024;
by the end of 2023; last November; March this year; next week; as of June 2024 (sets as_of). Relative dates resolve
against publication, never the clock."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache

from factcheck.extract.mention import Mention
from factcheck.extract.scan import finditer
from factcheck.lang import load_english
from factcheck.lang.loader import alternation


@cache
def _rules():
    d = load_english().dates
    months = {k.lower(): v for k, v in d.months.items()}
    mon = alternation([k.capitalize() for k in months] + [k.upper() for k in months if len(k) == 3])
    periods = {k.lower(): v for k, v in d.periods.items()}
    per = alternation(periods)
    rel_years = {k.lower(): v for k, v in d.relative_years.items()}
    rel_weeks = {k.lower(): v for k, v in d.relative_weeks.items()}
    preps = alternation(d.year_prepositions.words)
    y = r"(?P<y>(?:19|20)\d{2})(?![\d])"
    rules = [
        ("mdy", re.compile(rf"\b(?P<m>{mon})\.?\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?,?\s+{y}")),
        ("dmy", re.compile(rf"\b(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?P<m>{mon})\.?,?\s+{y}")),
        ("iso", re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})-(?P<mm>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9])(?![\d])")),
        ("py", re.compile(rf"\b(?P<period>{per})(?:\s+of)?[\s-]+{y}", re.I)),
        ("prel", re.compile(rf"\b(?P<period>{per})\s+of\s+(?P<rel>{alternation(rel_years)})", re.I)),
        ("my", re.compile(rf"\b(?P<m>{mon})\.?\s+(?:of\s+)?{y}")),
        ("mrel", re.compile(rf"\b(?P<m>{mon})\.?\s+(?:of\s+)?(?P<rel>{alternation(rel_years)})\b", re.I)),
        ("relm", re.compile(rf"\b(?P<dir>(?i:last|this|next))\s+(?P<m>{mon})\b")),
        ("md", re.compile(rf"\b(?P<m>{mon})\.?\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?\d)")),
        ("rely", re.compile(rf"\b(?P<rel>{alternation(rel_years)})\b", re.I)),
        ("relw", re.compile(rf"\b(?P<week>{alternation(rel_weeks)})\b", re.I)),
        ("y", re.compile(rf"\b(?:{preps})\s+(?:the\s+(?:year\s+)?)?{y}", re.I)),
    ]
    return rules, months, periods, rel_years, rel_weeks


def _month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def find_dates_en(text: str, blocked, pub: date | None) -> list[Mention]:
    rules, months, periods, rel_years, rel_weeks = _rules()
    taken = bytearray(len(text))
    out: list[Mention] = []
    for name, rx in rules:
        for m in finditer(rx, text):
            s, e = m.span()
            if name == "y":
                s = m.start("y") if not re.match(r"(?i)(?:in|by|since|before|after|until|during|through)\b", m.group()) else s
            if any(taken[s:e]) or blocked(s, e):
                continue
            mention = Mention(start=s, end=e, kind="date", num_start=s)
            try:
                _resolve(name, m, mention, pub, months, periods, rel_years, rel_weeks)
            except ValueError:
                mention.reason = "invalid date"
            taken[s:e] = b"\x01" * (e - s)
            out.append(mention)
    out.sort(key=lambda x: x.start)
    return out


def _set(out: Mention, a: date, b: date, precision: str) -> None:
    out.date_start, out.date_end, out.date_precision = a.isoformat(), b.isoformat(), precision


def _resolve(name, m, out, pub, months, periods, rel_years, rel_weeks) -> None:
    g = m.groupdict()
    if name in ("mdy", "dmy"):
        day = date(int(g["y"]), months[g["m"].lower()], int(g["d"]))
        _set(out, day, day, "day")
    elif name == "iso":
        day = date(int(g["y"]), int(g["mm"]), int(g["d"]))
        _set(out, day, day, "day")
    elif name == "my":
        _set(out, *_month_span(int(g["y"]), months[g["m"].lower()]), "month")
    elif name in ("py", "prel"):
        if name == "prel":
            out.relative = True
            if pub is None:
                out.reason = "relative date without a publication date"
                return
            y = pub.year + rel_years[g["rel"].lower()]
        else:
            y = int(g["y"])
        a, b = periods[g["period"].lower()]
        _set(out, date(y, a, 1), _month_span(y, b)[1], "half" if b - a == 5 else "quarter" if b - a == 2 else "month")
    elif name == "y":
        y = int(g["y"])
        _set(out, date(y, 1, 1), date(y, 12, 31), "year")
    else:
        out.relative = True
        if pub is None:
            out.reason = "relative date without a publication date"
            return
        if name == "mrel":  # March this year, May of last year
            _set(out, *_month_span(pub.year + rel_years[g["rel"].lower()], months[g["m"].lower()]), "month")
        elif name == "relm":
            mo = months[g["m"].lower()]
            y = pub.year + {"last": -1, "this": 0, "next": 1}[g["dir"].lower()]
            if g["dir"].lower() == "last" and mo < pub.month:
                y = pub.year
            _set(out, *_month_span(y, mo), "month")
        elif name == "md":
            mo, d = months[g["m"].lower()], int(g["d"])
            y = pub.year
            if (date(y, mo, min(d, 28)) - pub).days > 183:
                y -= 1
            day = date(y, mo, d)
            _set(out, day, day, "day")
        elif name == "rely":
            y = pub.year + rel_years[g["rel"].lower()]
            _set(out, date(y, 1, 1), date(y, 12, 31), "year")
        elif name == "relw":
            monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=rel_weeks[g["week"].lower()])
            _set(out, monday, monday + timedelta(days=6), "week")
