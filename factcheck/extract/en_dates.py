"""English dates as intervals: July 9, 2021; Dec. 31, 1994; 9 July 2021; the 3rd of May; 1/31/2021;
2015-12; in May 2022; april 2017; in 2021; between 2019 and 2021; April 12-19; from March to May; the
first half of 2024; 2024 Q1; by the end of 2023; last November; March this year; yesterday; on Friday;
next Monday; two years ago; in three months; next week; Christmas. Relative dates resolve against
publication, never the clock, and only as far as the publication date's own precision allows (this
year under a piece dated 2024-09 is 2024; yesterday under it stays unresolved).

Fiscal years: FY2027, FY28, fiscal 2026 and FY2025/26 are the calendar year they are named for (FY2025/26
is 2026, as FY26 is): a company's fiscal months are not in the text, and a label read as its year keeps
FY27 and FY28 apart. The year to March 2026 (the year ended 30 June 2025) is the twelve months ending
then. A part of a fiscal year (1H FY20, Q3 FY26) is no date: its months are unknown."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache

from factcheck.extract.en_entities import chrome_lines, datelines, page_date
from factcheck.extract.mention import Mention
from factcheck.extract.scan import finditer
from factcheck.lang import load_english
from factcheck.lang.loader import alternation, trie_alternation

_TODAY = re.compile(r"(?i)today")
_RANK = {"day": 0, "week": 0, "month": 1, "quarter": 2, "half": 2, "year": 3}
_RANGE_SEP = re.compile(r"(?i)\s*(?:-|–|—|to|through|thru|till|until|and)\s*(?:the\s+)?$")
_RANGE_OPEN = re.compile(r"(?i)\b(?:from|between)\s+(?:the\s+)?$")


# a half or a quarter with no year is a date after these words: any after "for", "its", "their" (for the
# first half), only plural, hyphenated and letter ones after "in" (in the first three quarters, in Q3)
_PERIOD_BEFORE = re.compile(r"(?i)\b(?:(?P<any>for|its|their)|in|during|over|through)\s+$")
_PERIOD_IN = re.compile(r"(?i)quarters|-|^[qh][1-4]$")


class _Lazy:
    """A rule's pattern, compiled the first time a text holds its key word: most pages never need
    most rules, and compiling them all costs more than reading a short English line."""

    __slots__ = ("_args", "_rx")

    def __init__(self, *args):
        self._args, self._rx = args, None

    def compiled(self) -> re.Pattern:
        if self._rx is None:
            self._rx = re.compile(*self._args)
        return self._rx


class _Literals:
    """A gate that is a few plain substrings: str.find is many times faster than a regex search
    over a page, and the rare rules it guards need one of them."""

    __slots__ = ("_words",)

    def __init__(self, *words: str):
        self._words = words

    def search(self, text: str, a: int, b: int) -> bool:
        return any(text.find(w, a, b) >= 0 for w in self._words)


@cache
def _rules():
    d = load_english().dates
    n = load_english().numbers
    months = {k.lower(): v for k, v in d.months.items()}
    abbr_m = [k for k in months if any(o != k and o.startswith(k) for o in months)]  # dec, sept: may take a dot
    mon = rf"(?P<m>(?i:{alternation(k for k in months if k not in abbr_m)})(?![a-z])|(?i:{alternation(abbr_m)})(?![a-z])\.?)"
    months.update({k + ".": months[k] for k in abbr_m})
    periods = {k.lower(): v for k, v in d.periods.items()}
    per = alternation(periods)
    per_bare = trie_alternation(k for k in periods if re.search(r"quarter|half|^[qh][1-4]$", k) and not re.search(r"last|final", k))
    rel_years = {k.lower(): v for k, v in d.relative_years.items()}
    rel_weeks = {k.lower(): v for k, v in d.relative_weeks.items()}
    weekdays = {k.lower(): v for k, v in d.weekdays.items()}
    full_wd = alternation(w for w in weekdays if len(w) > 4)
    abbr_wd = alternation(w.capitalize() for w in weekdays if len(w) <= 4)
    wd = rf"(?P<wd>(?i:{full_wd})|(?:{abbr_wd})(?![a-z])\.?)(?![a-z])"
    wd_before = re.compile(rf"\b(?:(?i:{full_wd})|{abbr_wd})\.?,?\s+(?:the\s+)?$")
    dirs = {k.lower(): v for k, v in d.directions.items()}
    units = {k.lower(): v for k, v in d.units.items()}
    offsets = {k.lower(): v for k, v in d.offsets_after.items()}
    holidays = {k.lower(): ("fixed", v) for k, v in d.holidays.items()}
    holidays.update({k.lower(): ("easter", v) for k, v in d.easter_holidays.items()})
    holidays.update({k.lower(): ("nth", v) for k, v in d.nth_weekday_holidays.items()})
    day_words = {k.lower(): v for k, v in d.day_ordinals.items()}
    counts = {k.lower(): v for k, v in n.words.items() if 0 < v <= 100}
    counts.update({"a": 1, "an": 1, "a couple of": 2, "couple of": 2, "a couple": 2, "couple": 2, "a few": 3})
    rel_days = {k.lower(): v for k, v in d.relative_days.items()}
    preps = alternation(d.year_prepositions.words)
    day = r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
    dayw = rf"(?:{day}|(?P<dw>(?i:{alternation(day_words)}))\b)"
    y = r"(?P<y>(?:1[0-9]|20)\d{2})(?![\d])"
    by = r"(?P<y>(?:19|20)\d{2})(?![\d%])"
    num = rf"(?P<n>\d{{1,3}}|(?i:{alternation(counts)}))"
    unit = rf"(?P<unit>(?i:{alternation(units)}))\b"
    dirw = rf"(?P<dir>(?i:{alternation(dirs)}))"
    i = re.I
    nth = rf"(?P<nth>(?i:{alternation(day_words)}|last|final)|(?:[1-9]|1[0-2])(?:st|nd|rd|th))"
    parts = {k.lower(): v for k, v in d.parts.items()}
    words = {k.lower(): v for k, v in n.words.items() if 0 <= v < 100}
    units_w = alternation(k for k, v in words.items() if 1 <= v <= 9)
    tens_w = alternation(k for k, v in words.items() if v >= 20 and v % 10 == 0)
    teens_w = alternation(k for k, v in words.items() if 10 <= v <= 19)
    below100 = rf"(?:(?:{tens_w})(?:[\s-]+(?:{units_w}))?|{teens_w})"
    century = alternation(k for k, v in words.items() if 11 <= v <= 20)
    # nineteen eighty six, seventeen hundred thirty three, two thousand and five, twenty twenty
    yw = (rf"(?P<yw>(?:two\s+thousand(?:\s+(?:and\s+)?(?:{below100}|{units_w}))?(?![\s-]+(?:{units_w}|{below100}|hundred)\b)"
          rf"|(?:{century})\s+(?:hundred(?:\s+(?:and\s+)?(?:{below100}|{units_w}))?|(?:oh\s+(?:{units_w}))|{below100}))(?![\w-]))")
    cardinal_day = alternation(k for k, v in words.items() if 1 <= v <= 31)
    yw_next = r"(?=\s*(?:[.,;:!?)]|$)|\s+(?i:and|or|to|when|until|but|the|a|an|was|were|is|he|she|they|we|it|i)\b)"
    fw = alternation(w.lower() for w in d.fiscal.words)
    fy_tail = r"(?:\s*[/–-]\s*(?P<y2>(?:19|20)\d{2}|\d{2}))?(?![\w%]|[/–-]\d|[.,]\d)"
    rules = [
        # FY2027, FY28, FY 2025/26, fiscal 2026, financial year 2025-26, the 2026 fiscal year
        ("fy", _Lazy(rf"(?<![\w.])(?:{alternation(d.fiscal_abbr.words)})\s?['’]?(?P<y>(?:19|20)\d{{2}}|\d{{2}}){fy_tail}")),
        ("fy", _Lazy(rf"\b(?i:{fw})(?:[\s-]+(?i:year))?[\s-]+(?P<y>(?:19|20)\d{{2}}){fy_tail}")),
        ("fy", _Lazy(rf"(?<![\w.,/-])(?P<y>(?:19|20)\d{{2}})(?:\s*[/–-]\s*(?P<y2>(?:19|20)\d{{2}}|\d{{2}}))?[\s-]+(?i:{fw})[\s-]+(?i:year)\b")),
        # October two thousand and five; January twenty five nineteen eighty six; 13 Sept nineteen seventy two
        ("dmyw", _Lazy(rf"(?<![\w.,])(?:the\s+)?(?:{day}|(?P<dw>{alternation(day_words)})|(?P<dc>{cardinal_day}))\s+(?:of\s+)?{mon}\s+{yw}", i)),
        ("myw", _Lazy(rf"\b{mon}\s+(?:{dayw}\s+)?{yw}", i)),
        ("yw", _Lazy(rf"\b(?:in|since|by|before|after|until|during|from|through|of)\s+{yw}{yw_next}", i)),
        # the first week of May, the last two weeks of 2021, the third month of next year
        ("nthof", _Lazy(rf"\b(?:(?i:the)\s+)?{nth}(?:\s+{num})?\s+(?P<u>(?i:weeks?|months?))\s+(?i:of)\s+(?:(?i:the\s+year\s+)?(?P<y2>(?:19|20)\d{{2}})(?![\d%])|{mon}(?:,?\s+{y})?(?!\s*\d)|(?P<rel>(?i:this|next|last|the|the\s+current|the\s+next|the\s+last|the\s+previous|previous))\s+(?P<ru>(?i:month|year))\b)")),
        # later this week, earlier in the year
        ("part", _Lazy(rf"\b(?P<part>{alternation(parts)})\s+(?:this|in\s+the)\s+(?P<pu>week|month|year)\b", i)),
        # April 12-19, 2021; 12-19 April
        ("mdd", _Lazy(rf"(?<![\w-])(?:(?i:from|between)\s+)?{mon}\s*(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:-|–|to|through|until|and)\s*(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:/])(?:,?\s+{y})?")),
        ("ddm", _Lazy(rf"(?:(?P<between>(?i:between))\s+)?(?<![\w-])(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?P<sep>-|–|to|until|till|through|and)\s*(?:the\s+)?(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?{mon}(?:,?\s+{y})?")),
        # between 2019 and 2021, 2014 to 2018, 2019-2021, 2021-25
        ("yy", _Lazy(rf"\bbetween\s+(?:the\s+years\s+)?{by}\s+and\s+(?P<y2>(?:19|20)\d{{2}})(?![\d%\w])", i)),
        ("yy", _Lazy(rf"(?:\bfrom\s+)?(?<![\w.,/-]){by}\s*(?:-|–|~|/|to|through|until)\s*(?P<y2>(?:19|20)\d{{2}}|\d{{2}})(?![\d%\w]|[-–/]\d)", i)),
        # April of '87, 15 April '87: a two-digit year, the nearest to publication
        ("dmy2", _Lazy(rf"(?<![\d.,])(?:the\s+)?{day}\s*(?:of\s+)?{mon}\s+(?:(?i:of)\s+)?['’](?P<yy>\d{{2}})(?![\d%\w'’])")),
        ("my2", _Lazy(rf"\b{mon}\s+(?:(?i:of)\s+)?['’](?P<yy>\d{{2}})(?![\d%\w'’])")),
        # the 21st century, the nineteenth century
        ("cent", _Lazy(rf"\b(?:the\s+)?(?:(?P<c>[1-9]|1\d|2[0-2])(?:st|nd|rd|th)|(?P<cw>{alternation(k for k, v in day_words.items() if v <= 22)}))[\s-]+century\b", i)),
        ("mdy", _Lazy(rf"\b{mon}(?:\s*|-){dayw}(?:,?\s*,?\s+(?:of\s+|in\s+)?|-){y}")),
        ("dmy", _Lazy(rf"(?<![\d.,])(?:the\s+)?{day}\s*(?:of\s+|-|/)?{mon}(?:,\s*|\s+|-|/)(?:of\s+|in\s+)?{y}")),
        ("dmw", _Lazy(rf"\b(?P<dw>(?i:{alternation(day_words)}))\s+(?:of\s+)?{mon}(?:(?:,\s*|\s+)(?:of\s+|in\s+)?{y}|(?!\s*,?\s*\d))")),
        ("iso", _Lazy(r"(?<![\d./])(?P<y>(?:19|20)\d{2})[-/.](?P<mm>1[0-2]|0?[1-9])[-/.](?P<d>3[01]|[12]\d|0?[1-9])(?![\d])")),
        ("ymd_mon", _Lazy(rf"(?<![\d/])(?P<y>(?:19|20)\d{{2}})[/-]{mon}[/-](?P<d>3[01]|[12]\d|0?[1-9])(?![\d])")),
        ("us", _Lazy(r"(?<![\d./-])(?P<a>[0-3]?\d)[/.-](?P<b>[0-3]?\d)[/.-](?P<y>(?:19|20)\d{2}|\d{2})(?![\d/.-]\d)")),
        ("ym", _Lazy(r"(?<![\d./-])(?P<y>(?:19|20)\d{2})-(?P<mm>1[0-2]|0?[1-9])(?![\d-])")),
        ("ym", _Lazy(r"(?<![\w./-])(?P<mm>1[0-2]|0?[1-9])[-/](?P<y>(?:19|20)\d{2})(?![\d-])")),
        ("mm", _Lazy(rf"(?:\b(?i:from|between)\s+)?\b{mon}\s*(?:-(?:to|through)-|-|–|to|through|until|till|and)\s*(?P<m2>(?i:{alternation(months)}))(?![a-z])\.?(?:,?\s+(?:in\s+|of\s+)?{y})?(?!\s*\d)")),
        ("my", _Lazy(rf"\b{mon}[-/]{y}")),
        ("my", _Lazy(rf"(?<![\w.,]){y}\s+{mon}(?!\s*\d)")),
        ("hol", _Lazy(rf"\b(?P<hol>(?i:{alternation(holidays)}))\b(?:,?\s+(?:of\s+)?{by})?")),
        ("py", _Lazy(rf"\b(?P<period>{per})(?:\s+of)?[\s-]+(?:the\s+year\s+)?{by}", i)),
        ("yp", _Lazy(rf"(?<![\w.,]){by}[\s-]*(?P<period>q[1-4]|h[12])\b", i)),
        # 1Q2019, 3Q24, 2H-2026, 2Q 2025: the number before the letter (analysts' and trade press's order)
        ("nq", _Lazy(r"(?<![\w.,])(?P<n>[1-4])(?P<k>[QqHh])[ -]?(?:(?P<y>(?:19|20)\d{2})|(?P<yy>\d{2}))(?![\w%-])")),
        ("prel", _Lazy(rf"\b(?P<period>{per})\s+of\s+(?P<rel>{alternation(rel_years)}|the\s+(?:current\s+)?year)\b", i)),
        # in the first three quarters, for the first half, its third-quarter revenue: no year, the nearest one
        ("pb", _Lazy(rf"\b(?P<period>{per_bare})\b(?![\s-]*(?:of\b|(?:the\s+)?(?:year\s+)?(?:19|20)\d\d|['’]\d\d|[1-4]\b))", i)),
        ("my", _Lazy(rf"\b{mon},?\s+(?:of\s+|in\s+)?{y}")),
        ("mrel", _Lazy(rf"\b{mon}\s+(?:of\s+)?(?P<rel>{alternation(rel_years)})\b", i)),
        ("relm", _Lazy(rf"\b(?P<dir>(?i:last|this|next))\s+{mon}")),
        ("md", _Lazy(rf"\b{mon}(?:,?\s*|/){dayw}(?!\s*(?:,\s*)?\d)")),
        ("dm", _Lazy(rf"(?<![\d.,])(?:the\s+)?{day}\s*(?:of\s+)?{mon}(?!\s*,?\s*\d)")),
        ("md_num", _Lazy(rf"(?:\b(?i:on|from|by|until|since)\s+|\b(?P<dir>(?i:this|next|last))\s+|{wd}\s+)(?P<a>[12]\d|3[01]|0?[1-9])/(?P<b>[12]\d|3[01]|0?[1-9])(?![\d/])")),
        ("isow", _Lazy(rf"\b(?i:week)\s+(?P<w>[1-4]\d|5[0-3]|0?[1-9])(?![\d:])(?:\s+of\s+(?:{by}|(?P<rel>{alternation(rel_years)})))?")),
        ("wkend", _Lazy(rf"\b(?:(?P<dir>(?i:this|next|last|the|that|coming|past))\s+)?(?i:{alternation(d.weekend.words)})\b")),
        ("wdd", _Lazy(rf"\b{wd},?\s+(?:the\s+)?{dayw}(?!\s*(?:[:/.\-–]\d|[ap]\.?m\b|(?i:percent|per cent|%|{alternation(units)})\b))")),
        ("dd", _Lazy(r"\b(?i:on|by|until|till|since)\s+the\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?!\s+(?:of\b|[A-Za-z]+\s+of\b))")),
        ("wdrel", _Lazy(rf"\b{wd}\s+(?:of\s+)?(?:the\s+)?{dirw}\s+week")),
        ("wdrel", _Lazy(rf"\b{dirw}\s+week(?:'s)?\s*(?:-\s*|on\s+)?{wd}")),
        ("wdrel", _Lazy(rf"\b{dirw}\s+{wd}")),
        ("wd", _Lazy(rf"\b{wd}")),
        ("ago", _Lazy(rf"\b{unit}\s+(?P<off>(?i:{alternation(offsets)}))\b")),
        ("inn", _Lazy(rf"\b(?:(?P<prep>(?i:in))|(?P<within>(?i:within))(?:\s+(?i:the))?(?:\s+(?i:next))?)\s+{num}\s+{unit}")),
        ("dirn", _Lazy(rf"\b{dirw}\s+{num}\s+{unit}")),
        ("dirn", _Lazy(rf"\b{num}\s+{dirw}\s+{unit}")),
        ("reld", _Lazy(rf"\b(?P<rd>(?i:{alternation(rel_days)}))\b")),
        ("rely", _Lazy(rf"\b(?P<rel>{alternation(rel_years)})\b", i)),
        ("relw", _Lazy(rf"\b(?P<week>{alternation(rel_weeks)})\b", i)),
        ("relu", _Lazy(rf"\b{dirw}\s+{unit}")),
        ("bm", _Lazy(r"\b(?i:in|since|until|till|by|from|to|through|before|after|during|early|late|mid|since|and|(?:end|beginning|start|middle)\s+of)[\s-]+(?-i:(?P<m>(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?))(?!\s*\d)")),
        ("dec", _Lazy(r"(?<![\w.,])(?P<y>(?:1[0-9]|20)\d0)['’]?s\b")),
        ("y", _Lazy(rf"\b(?:{preps})\s+(?:the\s+(?:year\s+)?)?{by}", i)),
    ]
    gates = {  # what a span must hold for a rule to be tried there (a cheap search saves a costly scan)
        "month": re.compile(rf"(?i:{alternation(months)})(?![a-z])"),
        "weekday": re.compile(rf"(?i:{full_wd})|{abbr_wd}"),
        "digit": re.compile(r"\d"),
        "slash": re.compile(r"\d/\d"),
        "dayword": re.compile(rf"(?i:{alternation(day_words)})(?![a-z])"),
        "offset": re.compile(rf"\b(?i:{alternation(offsets)})\b"),
        "holiday": re.compile(rf"\b(?i:{alternation(holidays)})\b"),
        "direction": re.compile(rf"\b(?i:{alternation(dirs)})\b"),
        "inn": re.compile(r"\b(?i:in|within)\s"),
        "week": re.compile(r"(?i:week)"),
        "year": re.compile(r"(?i:year)"),
        "period": _Literals("quarter", "half", "Quarter", "Half", "QUARTER", "HALF", "Q1", "Q2", "Q3", "Q4", "H1", "H2"),
        "relday": re.compile(rf"\b(?i:{alternation(rel_days)})\b"),
        # a spelled year needs one of these (nineteen eighty, two thousand, twenty twenty, seventeen hundred)
        "yearword": _Literals("teen ", "wenty ", "two thousand", "Two thousand", "TEEN ", "WENTY ", "TWO THOUSAND"),
        "year2": re.compile(r"['’]\d\d(?![\d%\w'’])"),
        "century": _Literals("entury", "ENTURY"),
        "of_unit": _Literals("eek of", "eeks of", "onth of", "onths of", "EEK OF", "EEKS OF", "ONTH OF", "ONTHS OF"),
        "fiscal": _Literals(*d.fiscal_abbr.words, *(w[1:] for w in d.fiscal.words), *(w[1:].upper() for w in d.fiscal.words)),
        "part": _Literals(*(w[1:] + t for w in parts for t in (" this", " in the")),
                          *(w[1:].upper() + t.upper() for w in parts for t in (" this", " in the"))),
    }
    needs = {"fy": "fiscal", "mdd": "month", "ddm": "month", "mdy": "month", "dmy": "month", "ymd_mon": "month", "my": "month",
             "mrel": "month", "relm": "month", "md": "month", "dm": "month", "mm": "month", "bm": "month",
             "dmw": "dayword",
             "wdd": "weekday", "wdrel": "weekday", "wd": "weekday",
             "yy": "digit", "iso": "digit", "us": "digit", "ym": "digit", "py": "digit", "pb": "period", "yp": "digit", "nq": "digit", "y": "digit",
             "isow": "week", "dd": "digit", "dec": "digit", "md_num": "slash", "ago": "offset", "inn": "inn", "dirn": "direction",
             "relu": "direction", "hol": "holiday", "wkend": "week", "relw": "week", "rely": "year", "prel": "year",
             "reld": "relday", "nthof": "of_unit", "cent": "century", "my2": "year2", "dmy2": "year2", "myw": "yearword", "dmyw": "yearword", "yw": "yearword", "part": "part"}
    num_before = re.compile(rf"\b{num}\s+$")
    dir_before = re.compile(rf"\b{dirw}\s+$")
    the_before = re.compile(r"\b(?i:the)\s+$")
    anchor = re.compile(rf"\b{num}\s+{unit}\s+(?P<rel>(?i:before|after|from|prior\s+to))\s+$")
    lex = dict(num_before=num_before, dir_before=dir_before, the_before=the_before, wd_before=wd_before, gates=gates, needs=needs, anchor=anchor, months=months, periods=periods, rel_years=rel_years, rel_weeks=rel_weeks, weekdays=weekdays,
               dirs=dirs, units=units, offsets=offsets, holidays=holidays, day_words=day_words, counts=counts,
               rel_days=rel_days, parts=parts, words=words, open_after=re.compile(
                   rf"(?<![\w-])(?P<after>{alternation(d.open_after.words)})\s+(?:the\s+(?:year\s+)?)?$", re.I),
               month_parts={k.lower(): v for k, v in d.month_parts.items()},
               part_head=re.compile(rf"(?P<p>{alternation(d.month_parts)})[\s-]+", re.I),
               part_back=re.compile(rf"\b(?P<p>{alternation(d.month_parts)})[\s-]+$", re.I),
               weekend_after=re.compile(rf"[\s-]+(?:{by}\s+)?(?:{alternation(d.weekend.words)})\b", re.I),
               weekend_before=re.compile(rf"\b(?:the\s+)?(?:{alternation(d.weekend.words)})\s+of\s+(?:the\s+)?$", re.I),
               week_of=re.compile(rf"(?<![\w/])(?:(?P<of>{alternation(d.week_of.words)})|(?P<from>{alternation(d.week_from.words)}))\s+(?:the\s+)?$", re.I),
               from_now=re.compile(r"\b(?:between\s+now\s+and|from\s+now(?P<to>\s+(?:until|till|to|through))?)\s+$", re.I),
               from_now_to=re.compile(r"(?:until|till|to|through)\s", re.I),
               open_head=re.compile(rf"(?:{alternation(d.open_after.words)})\s", re.I),
               open_not=re.compile(rf"\b(?:{alternation(d.open_after_not.words)})\s+$", re.I),
               fiscal_abbr=tuple(d.fiscal_abbr.words),
               fy_part=re.compile(rf"(?i)(?:\b[1-4][qh]|\b[qh][1-4]|\b(?:{alternation(periods)})|\bhalf|\bquarter)"
                                  r"[\s-]*(?:of\s+)?(?:the\s+|its\s+)?$"),
               year_to=re.compile(rf"\b(?:{alternation(d.year_to.words)})\s+(?:on\s+)?$", re.I),
               nearest=frozenset(w.lower() for w in d.nearest.words))
    return rules, lex


def _month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, k: int) -> date:
    m = d.month - 1 + k
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def find_dates_en(text: str, blocked, pub: date | None, pub_precision: str = "day",
                  spans: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Every English date in text (only within spans, the English parts, when given). pub is the
    first day of the publication date's period at pub_precision ("day", "month" or "year")."""
    rules, lex = _rules()
    taken = bytearray(len(text))
    out: list[Mention] = []
    spans = [(0, len(text))] if spans is None else spans
    present: dict[str, list] = {}
    for name, rx in rules:
        need = lex["needs"].get(name)
        if need is not None and need not in present:
            gate = lex["gates"][need]
            present[need] = [sp for sp in spans if gate.search(text, *sp)]
        usable = spans if need is None else present[need]
        if not usable:
            continue
        rx = rx.compiled()
        for m in (m for a, b in usable for m in finditer(rx, text, a, b)):
            s, e = m.span()
            if name == "y":
                s = m.start("y") if not re.match(r"(?i)(?:in|by|since|before|after|until|during|through|between|from)\b", m.group()) else s
            elif name == "bm":
                s = m.start("m") if re.match(r"(?i)(?:to|and)\b", m.group()) else s
            if name in ("mdy", "dmy", "md", "dm", "dmw"):
                if name == "dmw" and (t := lex["the_before"].search(text, max(0, s - 5), s)):
                    s = t.start()
                if w := lex["wd_before"].search(text, max(0, s - 16), s):
                    s = w.start()  # Friday, March 3: the weekday belongs to the date
            elif name == "ago":  # two years ago: the count is read back from the unit
                c = lex["num_before"].search(text, max(0, s - 16), s)
                if c is None:
                    continue
                s = c.start()
            elif name == "hol" and (dm := lex["dir_before"].search(text, max(0, s - 16), s)):
                s = dm.start()  # next Christmas
            if any(taken[s:e]):
                continue
            if name in ("py", "yp") and re.fullmatch(r"(?i)[qh][1-4]", m.group("period")):
                if blocked(m.start("y"), m.end("y")):  # Q3, H2 read as codes by the filters
                    continue
            elif name == "pb" and not _PERIOD_BEFORE.search(text, max(0, s - 9), s):
                continue
            elif name == "pb" and not _PERIOD_BEFORE.search(text, max(0, s - 9), s).group("any") and not _PERIOD_IN.search(m.group()):
                continue  # "in the third quarter" is as often a game's; "in the first three quarters", "in Q3" are a year's
            elif name == "pb" and re.fullmatch(r"(?i)[qh][1-4]", m.group()):
                pass  # in Q3: the filters read Q3 as a code, the preposition makes it a period
            elif name == "fy" and lex["fy_part"].search(text, max(0, s - 30), s):
                continue  # 1H FY20, the third quarter of fiscal 2026: a part of a fiscal year whose months are unknown
            elif name == "fy" and text.startswith(lex["fiscal_abbr"], s):
                pass  # FY2027 has the shape of a product code, and is a fiscal year
            elif blocked(s, e):
                continue
            mention = Mention(start=s, end=e, kind="date", num_start=s)
            extra = {}
            if name == "ago":
                extra["n"] = c.group("n")
            elif name == "hol" and s < m.start():
                extra["dir"] = lex["dir_before"].search(text, s, m.start()).group("dir")
            try:
                ok = _resolve(name, m, mention, pub, pub_precision, lex, extra)
            except (ValueError, OverflowError):
                mention.reason = "invalid date"
                ok = True
            if ok is False:
                continue
            taken[s:e] = b"\x01" * (e - s)
            out.append(mention)
    for a, b in (d for sa, sb in spans for d in datelines(text, sa, sb)):
        for m in out:
            if a <= m.start < b or (b <= m.start < b + 80 and m.relative and _TODAY.fullmatch(text, m.start, m.end)
                                    and "\n" not in text[b : m.start]):
                m.reason = "dateline"  # DALIAN, March 3 (Wire) -; IT Home May 21 news, X today ...: it dates the story
    chrome = [c for sa, sb in spans for c in chrome_lines(text, sa, sb)]
    for m in out:
        if any(a <= m.start < b for a, b in chrome):
            m.reason = "page chrome"  # Also read: ... (another story)
    for m in out:
        if m.reason is None and page_date(text, m.start):
            m.reason = "page date"  # Posted: 2025-02-18
    out.sort(key=lambda x: x.start)
    out = _weeks_of(text, _holiday_weekends(text, _month_parts(text, out, lex), lex), lex)
    out = _open_after(text, _ranges(text, _anchored(text, out, lex)), lex)
    out = _years_to(text, out, lex)
    return _from_now(text, out, lex, pub, pub_precision)


def _from_now(text: str, found: list[Mention], lex, pub, pub_precision: str) -> list[Mention]:
    """between now and November 15, from now until 2030: from publication to that date's end (a
    month and day without a year is the next one)."""
    if pub is None or _RANK.get(pub_precision, 0) > 0:
        return found
    for m in found:
        if m.reason is not None or not m.date_end:
            continue
        if "now" not in text[max(0, m.start - 24) : m.start].lower():
            continue
        w = lex["from_now"].search(text, max(0, m.start - 24), m.start)
        if w is None or (w.group(0).lower().startswith("from") and not w.group("to")
                         and not lex["from_now_to"].match(text, m.start)):
            continue
        end = date.fromisoformat(m.date_end)
        if end < pub and m.relative and m.date_precision in ("day", "month"):
            end = end.replace(year=end.year + 1) if (end.month, end.day) != (2, 29) else date(end.year + 1, 3, 1)
        if pub <= end:
            m.start = m.num_start = w.start()
            m.date_start, m.date_end, m.date_precision = pub.isoformat(), end.isoformat(), "range"
    return found
    return found


def _years_to(text: str, found: list[Mention], lex) -> list[Mention]:
    """the year to March 2026, the fiscal year ended Sept. 30, 2025: the twelve months that end with
    that month or day (a company's fiscal year, named by its last month)."""
    for m in found:
        if m.reason is not None or not m.date_end or m.date_precision not in ("day", "month"):
            continue
        w = lex["year_to"].search(text, max(0, m.start - 40), m.start)
        if w is None:
            continue
        end = date.fromisoformat(m.date_end)
        first = _add_months(date(end.year, end.month, 1), -11)
        start = first if m.date_precision == "month" or end.day == calendar.monthrange(end.year, end.month)[1] \
            else _add_months(end, -12) + timedelta(days=1)
        m.start = m.num_start = w.start()
        m.date_start, m.date_end, m.date_precision = start.isoformat(), end.isoformat(), "range"
    return found


def _fiscal_year(g) -> tuple[int, int] | None:
    """The years a fiscal-year label names: FY28 is 2028, FY2025/26 one year labelled by its end
    (2026, as FY26 is), FY2024-27 the years 2024 to 2027."""
    y = int(g["y"])
    if y < 100:
        y += 2000 if y < 70 else 1900
    if not g.get("y2"):
        return y, y
    y2 = int(g["y2"])
    if y2 < 100:
        y2 += y // 100 * 100
        if y2 < y:
            y2 += 100
    if y2 <= y or y2 - y > 30:
        return None
    return (y2, y2) if y2 == y + 1 else (y, y2)


def _weeks_of(text: str, found: list[Mention], lex) -> list[Mention]:
    """the week of April 10 (Monday to Sunday around it); the week beginning May 6 (seven days from it)."""
    for m in found:
        if m.reason is not None or m.date_precision != "day" or m.start < 4:
            continue
        before = text[max(0, m.start - 28) : m.start].lower()
        if "week" not in before and "w/c" not in before:
            continue
        w = lex["week_of"].search(text, max(0, m.start - 28), m.start)
        if w is None:
            continue
        day = date.fromisoformat(m.date_start)
        start = day - timedelta(days=day.weekday()) if w.group("of") else day
        m.start = m.num_start = w.start()
        _set(m, start, start + timedelta(days=6), "week")
    return found


def _holiday_weekends(text: str, found: list[Mention], lex) -> list[Mention]:
    """Labor Day weekend, the weekend of Halloween: the weekend next to that day, from its Saturday;
    a long weekend takes in a Monday holiday after it, a Thursday or Friday one before it."""
    out: list[Mention] = []
    drop = set()
    for i, m in enumerate(found):
        if i in drop:
            continue
        if (m.reason is None and m.date_precision == "day" and "eekend" in text[max(0, m.start - 20) : m.end + 12]
                and lex["gates"]["holiday"].search(text, m.start, m.end)):
            after = lex["weekend_after"].match(text, m.end)
            before = None if after else lex["weekend_before"].search(text, max(0, m.start - 20), m.start)
            if after or before:
                if after:
                    drop.update(j for j in range(i + 1, len(found)) if found[j].start < after.end())
                    m.end = after.end()
                    if after.group("y"):
                        day = date.fromisoformat(m.date_start)
                        if day.year != int(after.group("y")):
                            continue  # Labor Day 2021 weekend: the rule read the year already
                else:
                    m.start = m.num_start = before.start()
                    while out and out[-1].end > m.start:
                        out.pop()  # "the weekend", read on its own as the coming one
                day = date.fromisoformat(m.date_start)
                wd = day.weekday()
                if wd in (3, 4):  # Thanksgiving weekend: from the Thursday to the Sunday
                    _set(m, day, day + timedelta(days=6 - wd), "range")
                else:
                    sat = day - timedelta(days=wd + 2) if wd < 2 else day + timedelta(days=5 - wd)
                    _set(m, sat, day if wd == 0 else sat + timedelta(days=1), "range")
        out.append(m)
    return out


def _month_parts(text: str, found: list[Mention], lex) -> list[Mention]:
    """mid-November, late July 2021, in early March: the part of the month named."""
    for m in found:
        if (m.reason is not None or m.date_precision != "month" or m.date_start[:7] != m.date_end[:7]
                or not lex["gates"]["month"].search(text, m.start, m.end)):
            continue  # the end of 2023 is its December, read by the period rules
        p = lex["part_head"].match(text, m.start, m.end)
        if p is None:
            p = lex["part_back"].search(text, max(0, m.start - 16), m.start)
            if p is None:
                continue
            m.start = m.num_start = p.start()
        a, b = lex["month_parts"][re.sub(r"\s+", " ", p.group("p").lower())]
        first = date.fromisoformat(m.date_start)
        last = calendar.monthrange(first.year, first.month)[1]
        m.date_start, m.date_end = first.replace(day=a).isoformat(), first.replace(day=min(b, last)).isoformat()
        m.date_precision = "range"
    return found


def _open_after(text: str, found: list[Mention], lex) -> list[Mention]:
    """after 2018, later than March 2020: a span open from the end of that year or month on. It bounds
    the figure's time, it is no date of it: kept as a mention (end date.max), never a claim."""
    for m in found:
        if m.reason is not None or not m.date_end or m.date_precision not in ("year", "half", "quarter", "month"):
            continue  # after March 3 (a day) reads as from that day: the day stays
        near = text[max(0, m.start - 24) : m.start + 6].lower()
        if "after" not in near and "than" not in near:
            continue
        head = lex["open_head"].match(text, m.start, m.end)  # the rule took "after" into its span
        back = None if head else lex["open_after"].search(text, max(0, m.start - 24), m.start)
        at = head.start() if head else back.start("after") if back else None
        if at is None or lex["open_not"].search(text, max(0, at - 12), at):
            continue
        start = date.fromisoformat(m.date_end) + timedelta(days=1)
        m.start = m.num_start = at
        m.date_start, m.date_end, m.date_precision = start.isoformat(), date.max.isoformat(), "range"
        m.reason = "open span"
    return found


def _anchored(text: str, found: list[Mention], lex) -> list[Mention]:
    """Two weeks before Christmas, 3 days after January 12th, four months from tomorrow: the
    date moved by the offset."""
    out: list[Mention] = []
    for m in found:
        a = lex["anchor"].search(text, max(0, m.start - 40), m.start) if m.reason is None and m.date_start else None
        if a is None:
            out.append(m)
            continue
        unit, per = lex["units"][a.group("unit").lower()]
        sign = -1 if a.group("rel").lower() in ("before", "prior to") or a.group("rel").lower().startswith("prior") else 1
        base = date.fromisoformat(m.date_start)
        day = _shift(base, unit, sign * _count(a.groupdict(), lex) * per)
        while out and out[-1].end > a.start():
            out.pop()  # "two weeks before", read on its own as a date relative to publication
        m.start = m.num_start = a.start()
        _set(m, day, day, "day")
        out.append(m)
    return out


def _ranges(text: str, found: list[Mention]) -> list[Mention]:
    """from March to May, 2 July to 10 July, between 2007 and the end of 2008: one range from the
    first date's start to the second's end (the first takes the second's year when it has none)."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.reason is None and m.reason is None and prev.date_start and m.date_start
                and _RANGE_SEP.match(text[prev.end : m.start]) and m.start - prev.end <= 12):
            between = text[prev.end : m.start].strip().lower()
            opened = _RANGE_OPEN.search(text, max(0, prev.start - 12), prev.start)
            if between in ("-", "–", "—", "to", "through", "thru", "till", "until") or (opened and between.startswith(("and", "to"))):
                start = prev.date_start
                if prev.relative and not m.relative and prev.date_start[:4] != m.date_start[:4] and prev.date_precision in ("month", "day"):
                    start = m.date_start[:4] + prev.date_start[4:]  # from January to April 2015
                if start <= m.date_end:
                    if opened:
                        prev.start = opened.start()
                    prev.end, prev.date_start, prev.date_end = m.end, start, m.date_end
                    prev.date_precision = "range"
                    continue
        out.append(m)
    return out


def _set(out: Mention, a: date, b: date, precision: str) -> None:
    out.date_start, out.date_end, out.date_precision = a.isoformat(), b.isoformat(), precision


def _day(g, lex) -> int:
    return int(g["d"]) if g.get("d") else lex["day_words"][re.sub(r"\s+", " ", g["dw"].lower())]


def _near_year(pub: date, mo: int, d: int = 15) -> int:
    """The year of a month (and day) given without one: the nearest to publication, looking back
    further than forward (a report mostly tells what happened)."""
    y = pub.year
    if (date(y, mo, min(d, 28)) - pub).days > 183:
        y -= 1
    elif (pub - date(y, mo, min(d, 28))).days > 183 + 90:
        y += 1
    return y


def _relative(out: Mention, pub, pub_precision: str, need: str) -> bool:
    """Marks a relative date; False (with the reason set) when it cannot resolve: no publication
    date, or one coarser than the date needs."""
    out.relative = True
    if pub is None:
        out.reason = "relative date without a publication date"
        return False
    if _RANK.get(pub_precision, 0) > _RANK[need]:
        out.reason = f"relative date finer than the publication date ({pub_precision})"
        return False
    return True


def _count(g, lex) -> int:
    n = g["n"].lower()
    return int(n) if n.isdigit() else lex["counts"][re.sub(r"\s+", " ", n)]


def _shift(pub: date, unit: str, k: int) -> date:
    if unit == "day":
        return pub + timedelta(days=k)
    if unit == "week":
        return pub + timedelta(weeks=k)
    if unit == "month":
        return _add_months(pub, k)
    if unit == "quarter":
        return _add_months(pub, 3 * k)
    return _add_months(pub, 12 * k)


def _unit_span(pub: date, unit: str, k: int) -> tuple[date, date, str]:
    """The calendar unit k units from publication's: next week, last month, this quarter."""
    if unit == "day":
        d = pub + timedelta(days=k)
        return d, d, "day"
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=k)
        return monday, monday + timedelta(days=6), "week"
    if unit == "month":
        first = _add_months(pub.replace(day=1), k)
        return *_month_span(first.year, first.month), "month"
    if unit == "quarter":
        q0 = date(pub.year, 3 * ((pub.month - 1) // 3) + 1, 1)
        first = _add_months(q0, 3 * k)
        return first, _month_span(*_add_months(first, 2).timetuple()[:2])[1], "quarter"
    y = pub.year + k
    return date(y, 1, 1), date(y, 12, 31), "year"


def _resolve(name, m, out, pub, pub_precision, lex, extra=None) -> bool | None:
    g = {**m.groupdict(), **(extra or {})}
    months = lex["months"]
    if name in ("mdy", "dmy") or (name == "dmw" and g.get("y")):
        day = date(int(g["y"]), months[g["m"].lower()], _day(g, lex))
        _set(out, day, day, "day")
    elif name in ("mdd", "ddm"):
        mo, a, b = months[g["m"].lower()], int(g["d"]), int(g["d2"])
        if b <= a or (g.get("sep") == "and" and not g.get("between")):
            return False  # "18 and 19 June" lists two days
        if g.get("y"):
            y = int(g["y"])
        else:
            if not _relative(out, pub, pub_precision, "year"):
                return None
            y = _near_year(pub, mo, a)
        _set(out, date(y, mo, a), date(y, mo, b), "range")
    elif name == "mm":  # Jan-Feb 2017, from March to May, Nov-Feb 2017
        a, b = months[g["m"].lower()], months[g["m2"].lower()]
        if g.get("y"):
            y2 = int(g["y"])
        else:
            if not _relative(out, pub, pub_precision, "year"):
                return None
            # the range's last month is the nearest: January-September in an October report is this year's
            y2 = _near_year(pub, a) + 1 if b < a else _near_year(pub, b, 28)
        y1 = y2 - 1 if b < a else y2
        _set(out, date(y1, a, 1), _month_span(y2, b)[1], "range")
    elif name == "yy":
        a, b = int(g["y"]), g["y2"]
        if len(b) == 2 and not re.search(r"\d[-–/]\d{2}$", m.group()):
            return False  # 2021-25 is a span; 2015-32 or "2015 - 32" is some other figure
        b = int(b) if len(b) == 4 else a // 100 * 100 + int(b)
        if b <= a or b - a > 50 or (len(g["y2"]) == 2 and b - a > 15):
            return False
        _set(out, date(a, 1, 1), date(b, 12, 31), "range")
    elif name == "iso":
        day = date(int(g["y"]), int(g["mm"]), int(g["d"]))
        _set(out, day, day, "day")
    elif name == "ymd_mon":
        day = date(int(g["y"]), months[g["m"].lower()], int(g["d"]))
        _set(out, day, day, "day")
    elif name == "us":
        if len(set(re.findall(r"[/.-]", m.group()))) > 1:
            return False  # one separator throughout: 30/4.85 is a ratio, no date (no backreference: it would slow the scan)
        a, b, yt = int(g["a"]), int(g["b"]), g["y"]
        y = int(yt) if len(yt) == 4 else (2000 + int(yt) if int(yt) < 50 else 1900 + int(yt))
        mo, d = (a, b) if a <= 12 else (b, a)  # US order, unless the first cannot be a month
        day = date(y, mo, d)
        _set(out, day, day, "day")
    elif name == "ym":
        _set(out, *_month_span(int(g["y"]), int(g["mm"])), "month")
    elif name == "my":
        _set(out, *_month_span(int(g["y"]), months[g["m"].lower()]), "month")
    elif name == "nq":
        n, k = int(g["n"]), g["k"].lower()
        if k == "h" and n > 2:
            return False
        y = int(g["y"]) if g.get("y") else 2000 + int(g["yy"])
        a, b = lex["periods"][f"{k}{n}"]
        _set(out, date(y, a, 1), _month_span(y, b)[1], "half" if k == "h" else "quarter")
    elif name in ("py", "prel", "yp"):
        if name == "prel":
            if not _relative(out, pub, pub_precision, "year"):
                return None
            y = pub.year + lex["rel_years"].get(re.sub(r"\s+", " ", g["rel"].lower()), 0)  # of the year: this one
        else:
            y = int(g["y"])
        a, b = lex["periods"][g["period"].lower()]
        _set(out, date(y, a, 1), _month_span(y, b)[1], "half" if b - a == 5 else "quarter" if b - a == 2 else "month")
    elif name == "pb":
        if not _relative(out, pub, pub_precision, "year"):
            return None
        a, b = lex["periods"][g["period"].lower()]
        y = _near_year(pub, b, 28)
        _set(out, date(y, a, 1), _month_span(y, b)[1], "half" if b - a == 5 else "quarter" if b - a == 2 else "range")
    elif name == "fy":  # a fiscal year is read as the year it is named for (its months differ by company)
        years = _fiscal_year(g)
        if years is None:
            return False
        _set(out, date(years[0], 1, 1), date(years[1], 12, 31), "year" if years[0] == years[1] else "range")
    elif name == "y":
        y = int(g["y"])
        _set(out, date(y, 1, 1), date(y, 12, 31), "year")
    elif name == "dec":  # the 1990s
        y = int(g["y"])
        _set(out, date(y, 1, 1), date(y + 9, 12, 31), "range")
    elif name == "hol":
        kind, rule = lex["holidays"][re.sub(r"\s+", " ", g["hol"].lower())]
        if g.get("y"):
            y = int(g["y"])
        else:
            if not _relative(out, pub, pub_precision, "year"):
                return None
            k = lex["dirs"].get((g.get("dir") or "").lower(), None)
            y = pub.year
            if k is not None and k > 0 and _holiday(kind, rule, y) <= pub:
                y += 1
            elif k is not None and k < 0 and _holiday(kind, rule, y) >= pub:
                y -= 1
        day = _holiday(kind, rule, y)
        _set(out, day, day, "day")
    elif name in ("myw", "dmyw", "yw"):
        y = _year_words(g["yw"], lex["words"])
        if y is None:
            return False
        if name == "yw":
            _set(out, date(y, 1, 1), date(y, 12, 31), "year")
        elif g.get("d") or g.get("dw") or g.get("dc"):
            dd = lex["words"][re.sub(r"[\s-]+", " ", g["dc"].lower())] if g.get("dc") else _day(g, lex)
            day = date(y, months[g["m"].lower()], dd)
            _set(out, day, day, "day")
        else:
            _set(out, *_month_span(y, months[g["m"].lower()]), "month")
    elif name in ("my2", "dmy2"):
        yy = int(g["yy"])
        y = 2000 + yy if (pub is None and yy < 50) or (pub is not None and 2000 + yy <= pub.year + 10) else 1900 + yy
        if name == "my2":
            _set(out, *_month_span(y, months[g["m"].lower()]), "month")
        else:
            day = date(y, months[g["m"].lower()], int(g["d"]))
            _set(out, day, day, "day")
    elif name == "cent":  # the 21st century: 2000-2099, as it is commonly counted
        c = int(g["c"]) if g.get("c") else lex["day_words"][re.sub(r"[\s-]+", " ", g["cw"].lower())]
        _set(out, date(100 * (c - 1), 1, 1) if c > 1 else date(1, 1, 1), date(100 * c - 1, 12, 31), "century")
        out.reason = "century"  # an era, too coarse to date a figure or be a claim of its own
    elif name == "nthof":
        return _nth_of(g, out, pub, pub_precision, lex)
    elif name == "part":
        return _part(g, out, pub, pub_precision, lex)
    else:
        return _resolve_relative(name, g, out, pub, pub_precision, lex)
    return None


def _year_words(text: str, words: dict[str, int]) -> int | None:
    """A year in words: nineteen eighty six, seventeen hundred thirty three, two thousand and five,
    twenty twenty one, nineteen oh five."""
    toks = [t for t in re.split(r"[\s-]+", text.lower()) if t != "and"]
    if toks[:2] == ["two", "thousand"]:
        return 2000 + sum(words[t] for t in toks[2:])
    hi, rest = words[toks[0]], toks[1:]
    if rest and rest[0] in ("hundred", "oh"):
        rest = rest[1:]
    lo = sum(words[t] for t in rest)
    return hi * 100 + lo if lo < 100 else None


def _weeks(a: date, b: date) -> tuple[date, date]:
    """The Mondays of the first and the last calendar week (Monday to Sunday) that lies mostly in
    [a, b], four days or more: the ISO 8601 rule, so the weeks of a year are its ISO weeks."""
    first = a - timedelta(days=a.weekday()) + timedelta(weeks=1 if a.weekday() > 3 else 0)
    last = b - timedelta(days=b.weekday()) - timedelta(weeks=1 if b.weekday() < 3 else 0)
    return first, last


def _nth_of(g, out, pub, pub_precision, lex) -> bool | None:
    """the first week of May, the last two weeks of 2021, the third month of next year."""
    months = lex["months"]
    if g.get("y2"):
        a, b = date(int(g["y2"]), 1, 1), date(int(g["y2"]), 12, 31)
    elif g.get("m"):
        mo = months[g["m"].lower()]
        if g.get("y"):
            y = int(g["y"])
        else:
            if not _relative(out, pub, pub_precision, "year"):
                return None
            y = _near_year(pub, mo)
        a, b = _month_span(y, mo)
    else:
        unit = g["ru"].lower()
        if not _relative(out, pub, pub_precision, unit):
            return None
        rel = re.sub(r"\s+", " ", g["rel"].lower()).removeprefix("the").strip() or "this"
        a, b, _ = _unit_span(pub, unit, lex["dirs"].get(rel, 0))
    word = g["nth"].lower()
    k = -1 if word in ("last", "final") else int(word[:-2]) if word[0].isdigit() else lex["day_words"].get(word)
    if not k:
        return False
    n = _count(g, lex) if g.get("n") else 1
    plural = g["u"].lower().endswith("s")
    if plural != (n > 1 or bool(g.get("n"))) or (k > 1 and g.get("n")):
        return False  # "the first weeks of", "the second two weeks of": no clear span
    if g["u"].lower().startswith("week"):
        first, last = _weeks(a, b)
        start = first + timedelta(weeks=k - 1) if k > 0 else last - timedelta(weeks=n - 1)
        end = start + timedelta(weeks=n) - timedelta(days=1)
        if start > last or start < first:
            return False
        _set(out, start, end, "week" if n == 1 else "range")
        return None
    if (a.month, b.month) != (1, 12):
        return False  # months of a month
    first_m = k if k > 0 else 13 - n
    if first_m + n - 1 > 12:
        return False
    _set(out, date(a.year, first_m, 1), _month_span(a.year, first_m + n - 1)[1], "month" if n == 1 else "range")
    return None


def _part(g, out, pub, pub_precision, lex) -> bool | None:
    """later this week (its second half, or from publication when that is later), earlier this year
    (from its start up to publication)."""
    unit = g["pu"].lower()
    if not _relative(out, pub, pub_precision, "day" if unit == "week" else unit):
        return None
    a, b, _ = _unit_span(pub, unit, 0)
    if lex["parts"][g["part"].lower()] > 0:
        mid = a + timedelta(days=3) if unit == "week" else a.replace(day=16) if unit == "month" else a.replace(month=7)
        _set(out, max(mid, pub), b, "range")
    else:
        _set(out, a, max(a, pub), "range")
    return None


def _easter(y: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return date(y, month, (h + l_ - 7 * m + 114) % 31 + 1)


def _holiday(kind: str, rule, y: int) -> date:
    if kind == "fixed":
        return date(y, rule[0], rule[1])
    if kind == "easter":
        return _easter(y) + timedelta(days=rule)
    mo, wd, n, *after = rule
    if n < 0:  # the last Monday of May
        last = date(y, mo, calendar.monthrange(y, mo)[1])
        return last - timedelta(days=(last.weekday() - wd) % 7) + timedelta(days=sum(after))
    first = date(y, mo, 1)
    return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1) + sum(after))


def _resolve_relative(name, g, out, pub, pub_precision, lex) -> bool | None:
    months, weekdays = lex["months"], lex["weekdays"]
    need = {"mrel": "year", "relm": "year", "md": "year", "dm": "year", "dmw": "year", "md_num": "year", "bm": "year", "rely": "year",
            "relw": "day", "wdrel": "day", "wd": "day", "reld": "day", "ago": "day", "inn": "day", "dirn": "day",
            "relu": "day", "wdd": "day", "dd": "month", "isow": "day", "wkend": "day"}[name]
    if name == "relu" and lex["units"][g["unit"].lower()][0] in ("month", "quarter", "year"):
        need = "month" if lex["units"][g["unit"].lower()][0] == "month" else "year"
    if name in ("ago", "inn", "dirn") and lex["units"][g["unit"].lower()][0] in ("month", "quarter", "year"):
        need = "month"
    if not _relative(out, pub, pub_precision, need):
        return None
    if name == "mrel":  # March this year, May of last year
        _set(out, *_month_span(pub.year + lex["rel_years"][g["rel"].lower()], months[g["m"].lower()]), "month")
    elif name == "relm":
        if g["m"] == "may":
            return False  # "this may or may not": the verb, a month is written May
        mo = months[g["m"].lower()]
        y = pub.year + {"last": -1, "this": 0, "next": 1}[g["dir"].lower()]
        if g["dir"].lower() == "last" and mo < pub.month:
            y = pub.year
        _set(out, *_month_span(y, mo), "month")
    elif name in ("md", "dm", "dmw"):
        mo, d = months[g["m"].lower()], _day(g, lex)
        y = _near_year(pub, mo, d)
        if (mo, d) == (2, 29):  # 29 February without a year: the nearest leap year
            y = min((x for x in range(y - 4, y + 5) if calendar.isleap(x)), key=lambda x: abs(x - pub.year))
        day = date(y, mo, d)
        _set(out, day, day, "day")
    elif name == "md_num":
        mo, d = int(g["a"]), int(g["b"])
        if mo > 12:  # 22/04: day first
            mo, d = d, mo
        k = lex["dirs"].get((g.get("dir") or "").lower())
        y = pub.year + k if k is not None else _near_year(pub, mo, d)
        day = date(y, mo, d)
        _set(out, day, day, "day")
    elif name == "isow":  # week 23, week 3 of 2027: the ISO week
        y = int(g["y"]) if g.get("y") else pub.year + lex["rel_years"].get((g.get("rel") or "this year").lower(), 0)
        monday = date.fromisocalendar(y, int(g["w"]), 1)
        _set(out, monday, monday + timedelta(days=6), "week")
    elif name == "wkend":  # the weekend, next weekend: its Saturday
        k = lex["dirs"].get((g.get("dir") or "this").lower(), 0)
        sat = pub - timedelta(days=pub.weekday()) + timedelta(days=5, weeks=k)
        _set(out, sat, sat + timedelta(days=1), "week")
    elif name == "bm":
        mo = months[g["m"].lower()]
        _set(out, *_month_span(_near_year(pub, mo), mo), "month")
    elif name == "rely":
        y = pub.year + lex["rel_years"][g["rel"].lower()]
        _set(out, date(y, 1, 1), date(y, 12, 31), "year")
    elif name == "relw":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=lex["rel_weeks"][g["week"].lower()])
        _set(out, monday, monday + timedelta(days=6), "week")
    elif name == "wd":  # on Friday: the latest one up to publication (news reports what happened)
        wd = weekdays[g["wd"].lower().rstrip(".")]
        day = pub - timedelta(days=(pub.weekday() - wd) % 7)
        _set(out, day, day, "day")
    elif name == "wdrel":  # next Monday, Tuesday of last week, next week on Tuesday
        wd = weekdays[g["wd"].lower().rstrip(".")]
        k = lex["dirs"][g["dir"].lower()]
        monday = pub - timedelta(days=pub.weekday())
        if re.sub(r"\s+", " ", g["dir"].lower()) in lex["nearest"]:  # coming Thursday, this past Friday
            step = (wd - pub.weekday()) % 7 or 7
            day = pub + timedelta(days=step) if k > 0 else pub - timedelta(days=(pub.weekday() - wd) % 7 or 7)
        else:
            day = monday + timedelta(weeks=k, days=wd)
        _set(out, day, day, "day")
    elif name == "wdd":  # Monday 21, Tue 13th: the nearest month where that day is that weekday
        wd, d = weekdays[g["wd"].lower().rstrip(".")], _day(g, lex)
        for k in (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6, -7, 7, -8, 8, -9, 9, -10, 10, -11, 11, -12, 12):
            first = _add_months(pub.replace(day=1), k)
            if d <= calendar.monthrange(first.year, first.month)[1] and date(first.year, first.month, d).weekday() == wd:
                day = date(first.year, first.month, d)
                _set(out, day, day, "day")
                break
        else:
            return False
    elif name == "dd":  # on the 4th: that day of the month of publication
        day = date(pub.year, pub.month, int(g["d"]))
        _set(out, day, day, "day")
    elif name == "reld":
        day = pub + timedelta(days=lex["rel_days"][re.sub(r"\s+", " ", g["rd"].lower())])
        _set(out, day, day, "day")
    elif name in ("ago", "inn", "dirn"):
        unit, per = lex["units"][g["unit"].lower()]
        k = _count(g, lex) * per
        if name == "ago":
            sign = lex["offsets"][re.sub(r"\s+", " ", g["off"].lower())]
        elif name == "inn":
            sign = 1
        else:
            sign = lex["dirs"][g["dir"].lower()]
            if sign == 0 or not g["unit"].lower().endswith("s"):
                return False  # "3 next week" is three people next week
        if name == "inn" and g.get("within"):  # within (the next) 9 months: from now to then
            _set(out, pub, _shift(pub, unit, k), "range")
        elif name == "dirn" and unit == "quarter":  # the last two quarters: whole quarters
            a, _, _ = _unit_span(pub, "quarter", sign * k if sign < 0 else 1)
            _, b, _ = _unit_span(pub, "quarter", -1 if sign < 0 else k)
            _set(out, a, b, "range")
        elif name == "dirn" and sign > 0:  # the next five days: from tomorrow
            a = pub + timedelta(days=1)
            _set(out, a, _shift(pub, unit, k), "range")
        elif name == "dirn":  # the last three months: up to publication
            _set(out, _shift(pub, unit, -k), pub, "range")
        else:
            day = _shift(pub, unit, sign * k)
            _set(out, day, day, "day")
    elif name == "relu":
        unit, per = lex["units"][g["unit"].lower()]
        k = lex["dirs"][g["dir"].lower()] * per
        a, b, precision = _unit_span(pub, unit, k)
        if per > 1 and unit == "year" and k < 0:  # the past decade: the ten years up to publication
            a, b, precision = _shift(pub, "year", k), pub, "range"
        elif per > 1 and unit == "year":  # the next decade
            a, b, precision = date(pub.year // 10 * 10 + k, 1, 1), date(pub.year // 10 * 10 + k + 9, 12, 31), "range"
        _set(out, a, b, precision)
    return None
