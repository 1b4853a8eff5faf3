"""Chinese dates relative to publication: days (昨日, 后天), weeks and weekdays (下周六, 上上周), days of a
relative month (上个月15号), offsets (3年后, 近30天, 未来三年), clock times and "now" words.

An offset is also a duration (三年内 is a quantity of 3 years): it is kept as a mention whose span a
quantity may share, never as a dated claim of its own. A clock time with no date, and 现在, are mentions
at the publication day, never claims.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import cache

from factcheck.extract.patterns import norm
from factcheck.extract.zh_numbers import count, small
from factcheck.lang import load_lexicon

_NUM = r"\d+(?:\.\d+)?|[零一二两三四五六七八九十百千几仨俩]+|半"


@cache
def _words():
    from factcheck.extract.dates import alternation

    d = load_lexicon().dates
    return d, alternation(norm(w) for w in d.week_words.words), alternation(norm(w) for w in d.clock_words.words)


@cache
def _clock_tails() -> frozenset:
    return frozenset(norm(w) for w in load_lexicon().dates.clock_tails.words)


def rules():
    from factcheck.extract.dates import alternation, lex

    d, weeks, clock = _words()
    lx = lex()
    wd = alternation(lx.weekdays)
    return [
        ("relday", re.compile(rf"(?P<rd>{alternation(lx.relative_days)})")),
        ("week", re.compile(rf"(?<!每)(?:(?P<pre>{alternation(lx.week_prefixes)})[ ]*(?:{weeks})(?:[ ]*(?:{weeks})?(?P<wd>{wd}))?"
                            rf"|(?:{weeks})(?P<wd2>{wd}))(?![年岁次期边围刊报转])")),
        # 第三天: the n-th day counting publication day as the first
        ("ordinal", re.compile(r"(?<![年月])第(?P<n>\d{1,3}|[零一二两三四五六七八九十百千]{1,4})个?(?P<unit>天|年)(?!级|度|代)")),
        ("offset", re.compile(rf"(?:(?P<pre>{alternation(lx.offset_before)})[ ]*)?(?P<n>{_NUM})(?P<h1>个半|半)?(?P<more>多)?(?:个(?=多))?(?P<more1>多)?"
                              rf"(?P<unit>{alternation(lx.offset_units)})(?P<h2>半)?(?P<more2>多)?(?P<post>{alternation(lx.offset_after)})?")),
        ("clock", re.compile(rf"(?P<cw>{clock})?[ ]*(?:(?<![\d.:])(?P<h>[01]?\d|2[0-4])[:：](?P<mi>[0-5]\d)(?:[:：][0-5]\d)?(?![\d.:])"
                             rf"|(?<![零〇一二两三四五六七八九十百千万\d])(?P<hc>\d{{1,2}}|[零一二两三四五六七八九十]{{1,3}})[点时](?P<tail>{alternation(_clock_tails())}|"
                             rf"(?:\d{{1,2}}|[零一二三四五六七八九十]{{1,3}})分?)?)")),
        ("now", re.compile(rf"(?P<now>{alternation(norm(w) for w in d.now_mentions.words)})")),
        ("daypart", re.compile(rf"(?P<dp>{alternation(norm(w) for w in d.day_parts.words)})")),
        ("recent", re.compile(rf"(?P<recent>{alternation(norm(w) for w in d.vague_recent)})")),
    ]


def _value(*args, **kw):
    from factcheck.extract.dates import Value

    return Value(*args, **kw)


def _relday(m, text, ctx):
    from factcheck.extract.dates import lex

    pub = ctx.need("day")
    a = pub + timedelta(days=lex().relative_days[m.group("rd")])
    return m.end(), _value(a, a, "day")


def _week(m, text, ctx):
    from factcheck.extract.dates import lex

    lx = lex()
    pub = ctx.need("day")
    off = lx.week_prefixes.get(m.group("pre"), 0) if m.group("pre") else 0
    monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=off)
    wd = m.group("wd") or m.group("wd2")
    if wd:
        a = monday + timedelta(days=lx.weekdays[wd])
        return m.end(), _value(a, a, "day")
    return m.end(), _value(monday, monday + timedelta(days=6), "week")


def _shift(pub: date, unit: str, amount: float, sign: int, clock) -> date:
    from factcheck.extract.dates import add_months

    if unit in ("year", "month"):
        months = amount * (12 if unit == "year" else 1)
        whole = int(months)
        d = add_months(pub, sign * whole)
        return d + timedelta(days=sign * round((months - whole) * 30))
    if unit == "workday":
        d, left = pub, round(amount)
        while left > 0:
            d += timedelta(days=sign)
            left -= d.weekday() < 5
        return d
    if unit in ("hour", "minute", "second"):
        hours = amount if unit == "hour" else amount / 60 if unit == "minute" else amount / 3600
        start = datetime.combine(pub, clock) if clock else datetime(pub.year, pub.month, pub.day, 12)
        return (start + timedelta(hours=sign * hours)).date()
    days = amount * (7 if unit == "week" else 1)
    return pub + timedelta(days=sign * round(days))


def _offset(m, text, ctx):
    from factcheck.extract.dates import lex

    lx = lex()
    pre, post = m.group("pre"), m.group("post")
    if not pre and not post:
        return None
    if pre and _not_offset(text, m.start("pre") + len(pre)):
        return None  # 提前4个月投产: ahead of schedule, a duration and no date
    if m.group("n").startswith("0"):
        return None  # 07年以后: a two-digit year
    unit, per = lx.offset_units[m.group("unit")]
    n = count(m.group("n"))
    if unit == "year" and n >= 1000:
        return None  # 2025年后: a year, not an offset
    if m.group("h1") or m.group("h2"):
        n += 0.5
    if n == 0:
        from factcheck.extract.dates import Unresolved

        raise Unresolved("a vague count (几年) from publication")
    amount = n * per
    if pre == "前" and not post and unit == "month" and per == 1 and 1 <= n <= 12 and n == int(n):
        # 前11个月 in a report: the first eleven months of the publication year
        from factcheck.extract.dates import months_span

        y = ctx.need("year").year
        return m.end(), _value(*months_span(y, 1, int(n)), "range", shared=False)  # a period, no duration
    kind = lx.offset_before[pre] if pre else None
    after = lx.offset_after[post] if post else None
    if kind is None:
        kind = {"before": "past_point", "after": "ahead", "since": "past", "within": "future"}[after]
    level = "year" if unit == "year" and amount == int(amount) else "month" if unit in ("year", "month") else "day"
    pub = ctx.need(level)
    sign = 1 if kind in ("future", "ahead") else -1
    other = _shift(pub, unit, amount, sign, ctx.clock)
    if unit in ("year", "month") and (m.group("more") or m.group("more1") or m.group("more2")
                                      or (unit == "year" and amount != int(amount))):
        # 3个多月以来, 一年半后: only the month is known (3年多: only the year)
        other = date(other.year, 1 if unit == "year" and amount == int(amount) else other.month, 1)
    reason = "offset from publication (a duration too)"
    if ctx.precision == "year" or (ctx.precision == "month" and level == "month"):
        # at the publication date's precision: 3年后 in a piece dated 2024 is 2027
        if level == "year":
            other = date(other.year, 1, 1)
            point = (other, date(other.year, 12, 31), "year")
        else:
            other = date(other.year, other.month, 1)
            point = (other, date(other.year, other.month, calendar.monthrange(other.year, other.month)[1]), "month")
        if kind in ("past_point", "ahead"):
            return m.end(), _value(*point, reason=reason, shared=True)
    if kind in ("past_point", "ahead"):
        return m.end(), _value(other, other, "day", reason=reason, shared=True)
    a, b = sorted((pub, other))
    return m.end(), _value(a, b, "range", reason=reason, shared=True)


def _clock(m, text, ctx):
    cw, tail = m.group("cw"), m.group("tail")
    if m.group("hc") is not None:
        if not cw and not tail:
            return None  # 3点: a count of points as much as a time
        if tail and tail[-1] != "分" and tail not in _clock_tails() and not cw:
            return None  # 十点五, 零点一: a decimal (一刻 and 三刻 are quarters of an hour, a bare 一 is not)
        h = small(m.group("hc"))
        if h > 24:
            return None
    elif int(m.group("h")) > 24:
        return None
    pub = ctx.need("day")
    return m.end(), _value(pub, pub, "day", reason="time of day without a date (publication day)")


def _now(m, text, ctx):
    pub = ctx.need("day")
    return m.end(), _value(pub, pub, "day", reason="the time of publication")


def in_month(text: str, e: int, first: date, ctx):
    """A relative month (its first day) and what narrows it: 15号, 初, 第2周, 前两天, 最后五天."""
    from factcheck.extract.dates import _day, lex, month_span, month_week, tails

    t, lx = tails(), lex()
    y, mo = first.year, first.month
    dm = t.day.match(text, e)
    if dm and dm.group("unit"):
        a = _day(y, mo, small(dm.group("d")), dm.end())
        return dm.end(), _value(a, a, "day")
    pm = t.mpart.match(text, e)
    if pm:
        a, b = month_span(y, mo, lx.month_parts[pm.group("part")])
        return pm.end(), _value(a, b, "range")
    wm = t.mweek.match(text, e)
    if wm:
        return wm.end(), month_week(wm, y, mo)
    fm = _FIRST_LAST.match(text, e)
    if fm:
        n = int(count(fm.group("n")))
        last = calendar.monthrange(y, mo)[1]
        if fm.group("which") == "前":
            return fm.end(), _value(date(y, mo, 1), date(y, mo, min(n, last)), "range")
        return fm.end(), _value(date(y, mo, max(1, last - n + 1)), date(y, mo, last), "range")
    a, b = month_span(y, mo)
    return e, _value(a, b, "month")


_FIRST_LAST = re.compile(r"[ ]*(?:的)?(?P<which>前|最后)(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,2})[天日]")

def _ordinal(m, text, ctx):
    n = int(count(m.group("n")))
    if n < 1:
        return None
    reason = "n-th day or year counted from publication"
    if m.group("unit") == "年":
        y = ctx.need("year").year + n - 1
        return m.end(), _value(date(y, 1, 1), date(y, 12, 31), "year", reason=reason, shared=True)
    a = ctx.need("day") + timedelta(days=n - 1)
    return m.end(), _value(a, a, "day", reason=reason, shared=True)


@cache
def _recent_days() -> dict[str, int]:
    """The vague recent words (日前, 近日) and their windows in days, normalised once per process."""
    return {norm(k): v for k, v in load_lexicon().dates.vague_recent.items()}


def _recent(m, text, ctx):
    """日前, 近日: some day in a window before publication (a mention: no day to check against)."""
    pub = ctx.need("day")
    days = _recent_days()[m.group("recent")]
    return m.end(), _value(pub - timedelta(days=days), pub, "range", reason="a vague recent time (a window before publication)")


def _daypart(m, text, ctx):
    pub = ctx.need("day")
    return m.end(), _value(pub, pub, "day", reason="a part of a day without a date (publication day)")


RESOLVE = {"relday": _relday, "week": _week, "offset": _offset, "clock": _clock, "now": _now, "daypart": _daypart, "ordinal": _ordinal, "recent": _recent}


@cache
def _not_offsets() -> tuple[str, ...]:
    return tuple(norm(w) for w in load_lexicon().dates.not_offsets.words)


def _not_offset(text: str, end: int) -> bool:
    """Whether the offset word ending at end closes a longer word that is no offset (提前, 超前)."""
    return any(text.startswith(w, end - len(w)) for w in _not_offsets())
