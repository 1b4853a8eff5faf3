"""The Chinese lunar calendar and the solar terms, through lunar-python.

lunar-python (PyPI ``lunar_python``, kept up to date, no dependencies) converts lunar dates with leap
months and gives each year's 24 solar terms. It is slower per call than ``lunardate`` (about 1 ms
against 10 µs) but is the one kept library that does both jobs; dates in the lunar calendar are rare
in news, so a call per such date costs nothing measurable. It is imported on the first lunar date.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import cache


def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> date:
    """The Gregorian day of lunar year/month/day; day 0 is the month's last day (除夕).
    ValueError when the lunar year has no such month or day."""
    from lunar_python import Lunar, LunarMonth

    m = -month if leap else month
    info = LunarMonth.fromYm(year, m)
    if info is None:
        raise ValueError(f"lunar {year} has no month {m}")
    if day == 0:
        day = info.getDayCount()
    if not 1 <= day <= info.getDayCount():
        raise ValueError(f"lunar {year}/{m} has no day {day}")
    s = Lunar.fromYmd(year, m, day).getSolar()
    return date(s.getYear(), s.getMonth(), s.getDay())


def lunar_month_span(year: int, month: int, leap: bool = False) -> tuple[date, date]:
    a = lunar_to_solar(year, month, 1, leap)
    return a, lunar_to_solar(year, month, 0, leap)


@cache
def _terms(year: int) -> dict[str, date]:
    """The solar terms that fall in Gregorian year ``year``, by name."""
    from lunar_python import Lunar

    out = {}
    for lunar_year in (year, year + 1):  # the lunar year's table names its own terms in Chinese
        for name, s in Lunar.fromYmd(lunar_year, 6, 1).getJieQiTable().items():
            if s.getYear() == year and not name.isascii():
                out.setdefault(name, date(s.getYear(), s.getMonth(), s.getDay()))
    return out


def solar_term(year: int, name: str, order: list[str]) -> date:
    """The day of a solar term in a year that runs from its 立春 to the next 大寒 (order: the
    terms from 立春): 2017年大寒 falls in January 2018."""
    y = year + 1 if order.index(name) >= order.index("立春") + 22 else year
    if name in _terms(y):
        return _terms(y)[name]
    raise ValueError(f"no solar term {name} in {y}")


def season_span(year: int, start_term: str, order: list[str]) -> tuple[date, date]:
    """A season from its starting term (立夏) to the day before the next season's (立秋)."""
    i = order.index(start_term)
    a = solar_term(year, start_term, order)
    nxt = order[(i + 6) % 24]
    b = solar_term(year + 1 if i + 6 >= 24 else year, nxt, order) - timedelta(days=1)
    return a, b


def nth_weekday(year: int, month: int, n: int, weekday: int) -> date:
    """The n-th weekday (Monday = 0) of a month; n = -1 is the last."""
    if n < 0:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    d = first + timedelta(days=(weekday - first.weekday()) % 7) + timedelta(weeks=n - 1)
    if d.month != month:
        raise ValueError("no such weekday in the month")
    return d
