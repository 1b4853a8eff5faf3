"""Dates as intervals at their precision (SEMANTICS.md section 2), resolved against publication.

2021年 is the whole year, 2021年5月 the month, 2022年年初 the first quarter, 7月9日 takes its year
from the paragraph or the publication date, 去年11月 and 下周 are relative to publication. Without a
publication date a relative date stays unresolved and says so: never the clock.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache

from factcheck.extract.mention import Mention
from factcheck.extract.patterns import norm
from factcheck.extract.scan import finditer
from factcheck.lang import load_lexicon
from factcheck.lang.loader import alternation

_SP = r"[ ]*"
_Y = r"(?P<y>(?:19|20)\d{2})"
_M = r"(?P<m>1[0-2]|0?[1-9]|[一二三四五六七八九十]{1,2})"
_D = r"(?P<d>3[01]|[12]\d|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_CN_SMALL = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _small(text: str) -> int:
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_SMALL.get(tens, 1) if tens else 1) * 10 + (_CN_SMALL.get(ones, 0) if ones else 0)
    return _CN_SMALL.get(text, 0)


@cache
def _compiled():
    d = load_lexicon().dates
    periods = alternation(norm(k) for k in d.periods)
    parts = alternation(norm(k) for k in d.month_parts)
    rel = alternation([norm(k) for k in d.relative_years] + [norm(k) for k in d.same_year.words])
    weeks = alternation(norm(k) for k in d.relative_weeks)
    cents = alternation(norm(k) for k in d.centuries)
    md = rf"{_M}{_SP}月{_SP}{_D}{_SP}[日号]"
    rules = [
        ("ymd", re.compile(rf"{_Y}{_SP}年{_SP}{md}")),
        ("iso", re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})[-/.](?P<m>1[0-2]|0?[1-9])[-/.](?P<d>3[01]|[12]\d|0?[1-9])(?![\d.])")),
        ("ym", re.compile(rf"{_Y}{_SP}年{_SP}{_M}{_SP}月份?(?P<part>{parts})?")),
        ("yp", re.compile(rf"{_Y}{_SP}年?{_SP}(?P<period>{periods})")),
        ("y", re.compile(rf"{_Y}{_SP}年(?![代级度龄薪])")),
        ("rel", re.compile(rf"(?P<rel>{rel})(?:{_SP}{_M}{_SP}月份?(?:{_SP}{_D}{_SP}[日号])?(?P<part>{parts})?|(?P<period>{periods}))?")),
        ("md", re.compile(rf"(?<![\d.年])(?<!\d )(?<!第){md}")),
        ("m", re.compile(rf"(?<![\d.个年第])(?<!\d )(?P<m>1[0-2]|0?[1-9]){_SP}月份?(?P<part>{parts})?(?![\d])")),
        ("week", re.compile(rf"(?P<week>{weeks})")),
        ("century", re.compile(rf"(?P<c>\d{{1,2}}|[一二三四五六七八九十]{{1,3}}){_SP}(?:{cents})")),
    ]
    return rules, {norm(k): v for k, v in d.periods.items()}, {norm(k): v for k, v in d.month_parts.items()}, {
        norm(k): v for k, v in d.relative_years.items()}, {norm(k): v for k, v in d.relative_weeks.items()}


def _month_span(y: int, m: int, part) -> tuple[date, date]:
    last = calendar.monthrange(y, m)[1]
    if part:
        a, b = part
        return date(y, m, a), date(y, m, last if b == 0 else b)
    return date(y, m, 1), date(y, m, last)


def _anchor_year(m: int, d: int | None, pub: date | None, context_year: int | None) -> int | None:
    if context_year:
        return context_year
    if pub is None:
        return None
    y = pub.year
    candidate = date(y, m, min(d or 1, 28))
    if (candidate - pub).days > 183:
        y -= 1
    elif (pub - candidate).days > 300:
        y += 1
    return y


def find_dates(text: str, blocked, pub: date | None, paragraph_years) -> list[Mention]:
    """Every date expression in text that is not blocked; blocked(start, end) says if a span is masked."""
    rules, periods, parts, rel_years, rel_weeks = _compiled()
    taken = bytearray(len(text))
    found: list[Mention] = []
    for name, rx in rules:
        for m in finditer(rx, text):
            s, e = m.span()
            if any(taken[s:e]) or blocked(s, e):
                continue
            mention = Mention(start=s, end=e, kind="date", num_start=s)
            try:
                _resolve(name, m, mention, pub, paragraph_years(s), periods, parts, rel_years, rel_weeks)
            except (ValueError, OverflowError):  # 2月30日, 13月, or past 9999 from a far-future publication date
                mention.reason = "invalid date"
            taken[s:e] = b"\x01" * (e - s)
            found.append(mention)
    found.sort(key=lambda x: x.start)
    return _merge_ranges(text, found)


def _resolve(name, m, out: Mention, pub, context_year, periods, parts, rel_years, rel_weeks) -> None:
    g = m.groupdict()
    part = parts.get(g.get("part")) if g.get("part") else None
    if name in ("ymd", "iso"):
        day = date(int(g["y"]), _small(g["m"]), _small(g["d"]))
        _set(out, day, day, "day")
    elif name == "ym":
        a, b = _month_span(int(g["y"]), _small(g["m"]), part)
        _set(out, a, b, "month")
    elif name == "yp":
        y = int(g["y"])
        p = periods[g["period"]]
        _set(out, date(y, p[0], 1), _month_span(y, p[1], None)[1], "quarter" if p[1] - p[0] == 2 else "half" if p[1] - p[0] == 5 else "month")
    elif name == "y":
        y = int(g["y"])
        _set(out, date(y, 1, 1), date(y, 12, 31), "year")
    elif name == "rel":
        out.relative = True
        if g["rel"] in rel_years:
            if pub is None:
                out.reason = "relative date without a publication date"
                return
            y = pub.year + rel_years[g["rel"]]
        elif context_year:  # 同年: the year named last in the paragraph
            y = context_year
        else:
            out.reason = "same year as an earlier date, but none is named"
            return
        if g.get("m"):
            mo = _small(g["m"])
            if g.get("d"):
                day = date(y, mo, _small(g["d"]))
                _set(out, day, day, "day")
            else:
                a, b = _month_span(y, mo, part)
                _set(out, a, b, "month")
        elif g.get("period"):
            p = periods[g["period"]]
            _set(out, date(y, p[0], 1), _month_span(y, p[1], None)[1], "quarter" if p[1] - p[0] == 2 else "half")
        else:
            _set(out, date(y, 1, 1), date(y, 12, 31), "year")
    elif name in ("md", "m"):
        mo = _small(g["m"])
        d = _small(g["d"]) if g.get("d") else None
        y = _anchor_year(mo, d, pub, context_year)
        out.relative = context_year is None
        if y is None:
            out.reason = "date without a year and no publication date"
            return
        if d:
            day = date(y, mo, d)
            _set(out, day, day, "day")
        else:
            a, b = _month_span(y, mo, part)
            _set(out, a, b, "month")
    elif name == "week":
        out.relative = True
        if pub is None:
            out.reason = "relative date without a publication date"
            return
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=rel_weeks[g["week"]])
        _set(out, monday, monday + timedelta(days=6), "week")
    elif name == "century":
        c = _small(g["c"])
        if not 1 <= c <= 30:
            raise ValueError("century out of range")
        _set(out, date((c - 1) * 100 + 1, 1, 1), date(c * 100, 12, 31), "century")


def _set(out: Mention, a: date, b: date, precision: str) -> None:
    out.date_start, out.date_end, out.date_precision = a.isoformat(), b.isoformat(), precision


_RANGE_SEP = re.compile(r"^[ ]*(?:-|~|至|到|—|–)[ ]*$")


def _merge_ranges(text: str, found: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if (
            prev and prev.reason is None and m.reason is None and prev.date_start and m.date_start
            and _RANGE_SEP.match(text[prev.end : m.start]) and prev.date_start <= m.date_start
        ):
            prev.end = m.end
            prev.date_end = m.date_end
            prev.date_precision = "range"
            prev.qualifier = "range"
            continue
        out.append(m)
    return out
