"""Taiwan's Minguo years written bare: 預計117年完工 on a Taiwan page is 2028, not 117 years.

Taiwan's government and press date events by the Minguo era (民國114年 = 2025) and usually drop the
era's name. A three-digit 1xx年 is read as such a year only on a page the Taiwan markers name (the
document-currency markers of data/zh/units.toml: 新台幣, 國科會, 行政院, 年增 …) and only where the
words around it date something (至119年, 自108年起, 117年啟用); 建校117年 stays a duration.
"""

from __future__ import annotations

import re
from datetime import date

from factcheck.extract.mention import Mention
from factcheck.lang import load_lexicon

_BARE = re.compile(r"1\d\d年")
# 114年11月, 113年2月5日: a month (and a day) right after the year narrow it
_MONTH_DAY = re.compile(r"(1[0-2]|0?[1-9])月(?:(3[01]|[12]\d|0?[1-9])[日号])?")


def roc_years(text: str, out: list[Mention], p, page: str | None = None) -> None:
    """Turn the bare Minguo years among the duration mentions into year dates (in place); page: the
    text whose markers count (a headline's page), when it is not text itself."""
    rule = load_lexicon().dates.roc_year
    if rule is None or p.currency_markers is None:
        return
    found = [m for m in out if m.reason is None and m.unit == "year" and m.qualifier == "exact"
             and _BARE.fullmatch(text, m.num_start, m.end)]
    if not found or {p.currency_marker_map[w.group()] for w in p.currency_markers.finditer(page or text)} != {"TWD"}:
        return
    for m in found:
        before = text[m.num_start - 1] if m.num_start > 0 else "\n"  # the text's start is a clause's
        after = text[m.end] if m.end < len(text) else ""
        md = _MONTH_DAY.match(text, m.end)
        if (before and before in rule.before) or (after and after in rule.after) or md:
            y = rule.first + int(text[m.num_start : m.end - 1]) - 1
            m.kind, m.value, m.unit, m.dimension = "date", None, None, None
            m.lower = m.upper = m.resolution = None
            m.date_start, m.date_end, m.date_precision = date(y, 1, 1).isoformat(), date(y, 12, 31).isoformat(), "year"
            if md:
                _narrow(m, md, y)
            else:
                _period(text, m, y)
    stretched = [(m.start, m.end) for m in found if m.kind == "date" and m.end > m.start + len("000年")]
    if stretched:  # what the year now covers (半年 in 115年上半年) is no mention of its own
        own = {id(m) for m in found}
        out[:] = [o for o in out if id(o) in own or not any(a <= o.start and o.end <= b for a, b in stretched)]


def _narrow(m: Mention, md: re.Match, y: int) -> None:
    """The Minguo year's mention stretched over the month (and day) after it: 114年11月 is 2025-11."""
    mo = int(md.group(1))
    last = (date(y + (mo == 12), mo % 12 + 1, 1) - date.resolution)
    if md.group(2):
        try:
            day = date(y, mo, int(md.group(2)))
        except ValueError:
            return  # 2月30日: no such day; the year stands alone
        m.date_start = m.date_end = day.isoformat()
        m.date_precision = "day"
    else:
        m.date_start, m.date_end, m.date_precision = date(y, mo, 1).isoformat(), last.isoformat(), "month"
    m.end = md.end()


def _period(text: str, m: Mention, y: int) -> None:
    """A part of the year right after it (113年底, 115年上半年: data/zh/dates.toml [periods]) narrows it."""
    periods = load_lexicon().dates.periods
    word = max((w for w in periods if text.startswith(w, m.end)), key=len, default=None)
    if word is None:
        return
    first, last = periods[word]
    m.date_start = date(y, first, 1).isoformat()
    m.date_end = (date(y + (last == 12), last % 12 + 1, 1) - date.resolution).isoformat()
    span = last - first
    m.date_precision = "quarter" if span == 2 else "half" if span == 5 else "month" if span == 0 else "range"
    m.end += len(word)
