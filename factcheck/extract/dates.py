"""Chinese dates as intervals at their precision (SEMANTICS.md section 2), resolved against publication.

A date is found as a head (a year, a relative year such as 去年, a month, a relative month, a week, a
relative day, an offset, a holiday) and the tails that narrow it (a month after a year, a day after a
month, 上旬, 一季度, 第二周, 中秋). Each rule is tried everywhere; where rules overlap the leftmost,
then longest, match wins. Relative dates resolve against the publication date at its precision (a
piece dated 2024-09 knows 今年 and 上个月 but not 昨日) and never against the clock: where they cannot
resolve they stay, saying why.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import cache

from factcheck.extract import zh_relative
from factcheck.extract.lunar import lunar_month_span, lunar_to_solar, nth_weekday, season_span, solar_term
from factcheck.extract.mention import Mention
from factcheck.extract.metrics import event_position
from factcheck.extract.patterns import norm
from factcheck.extract.scan import finditer
from factcheck.extract.zh_numbers import CN_DIGITS, plain_digits, small, year
from factcheck.lang import load_lexicon
from factcheck.lang.loader import alternation as _flat_alternation

_LEVEL = {"year": 0, "month": 1, "day": 2}
SEP = r"[ ]*(?:-|~|～|至|到|—+|–|－)[ ]*"
# a month or day in Chinese digits may carry the cheque forms (零三月, 一十五日: financial digits read
# as plain ones by plain_digits, with the 零 and 一十 that keep them from being altered)
_MONTH = r"1[0-2]|0?[1-9]|零?一?十[一二]?|零?[一二三四五六七八九]"
_DAY = (r"3[01]|[12]\d|0?[1-9]|初[一二三四五六七八九十]|初\d|廿[一二三四五六七八九]?|卅|"
        r"三十一?|二十[一二三四五六七八九]?|一?十[一二三四五六七八九]?|零?[一二三四五六七八九]")


def alternation(words) -> str:
    """A regex alternation of words as a trie on their first character (中(?:秋节|秋)|国庆节|…):
    re then tries one branch per position instead of every word, and the longest word still wins."""
    by_first: dict[str, list[str]] = {}
    for w in set(words):
        if w:
            by_first.setdefault(w[0], []).append(w[1:])
    parts = []
    for first in sorted(by_first):
        rests = by_first[first]
        tail = _flat_alternation([r for r in rests if r])
        if not tail:
            parts.append(re.escape(first))
        else:
            parts.append(re.escape(first) + (f"(?:{tail})" + ("?" if "" in rests else "")))
    return "|".join(parts)


class Unresolved(Exception):
    """A date whose value cannot be known from the text and its publication date."""


class Invalid(ValueError):
    """A date that names no day (2月30日): its whole span, for the mention that says so."""

    def __init__(self, end: int):
        super().__init__("invalid date")
        self.end = end


def _day(y: int, mo: int, d: int, end: int) -> date:
    try:
        return date(y, mo, d)
    except ValueError:
        raise Invalid(end) from None


class Ctx:
    """What a date is resolved against: the publication date at its precision, its clock time, and
    the year named last in the paragraph (looked up only when a rule asks)."""

    __slots__ = ("pub", "precision", "clock", "_years", "_pos", "_year")

    def __init__(self, pub: date | None, precision: str, clock: time | None, years, pos: int):
        self.pub, self.precision, self.clock, self._years, self._pos, self._year = pub, precision, clock, years, pos, -1

    @property
    def year(self) -> int | None:
        if self._year == -1:
            self._year = self._years(self._pos)
        return self._year

    def need(self, level: str) -> date:
        """The publication date, if it is known to at least this precision."""
        if self.pub is None:
            raise Unresolved("relative date without a publication date")
        if _LEVEL[self.precision] < _LEVEL[level]:
            raise Unresolved(f"relative date finer than the publication date ({self.precision})")
        return self.pub


@dataclass
class Value:
    start: date
    end: date
    precision: str
    reason: str | None = None
    shared: bool = False  # the span may also hold a quantity (三年内 is a duration too)


@dataclass(frozen=True)
class Lex:
    periods: dict
    quarter_parts: dict
    month_parts: dict
    relative_years: dict
    following_year: frozenset
    same_year: frozenset
    relative_months: dict
    relative_days: dict
    week_prefixes: dict
    weekdays: dict
    offset_units: dict
    offset_before: dict
    offset_after: dict
    seasons: dict
    terms: list
    fixed: dict
    lunar: dict
    weekday_holidays: dict
    term_holidays: dict
    lunar_months: dict
    decade_parts: dict
    century_parts: dict


@cache
def lex() -> Lex:
    d = load_lexicon().dates

    def n(mapping):
        return {norm(k): v for k, v in mapping.items()}

    return Lex(
        n(d.periods), n(d.quarter_parts), n(d.month_parts), n(d.relative_years), frozenset(map(norm, d.following_year.words)),
        frozenset(map(norm, d.same_year.words)), n(d.relative_months), n(d.relative_days), n(d.week_prefixes), n(d.weekdays),
        n(d.offset_units), n(d.offset_before), n(d.offset_after), n(d.seasons), [norm(w) for w in d.solar_terms.words],
        n(d.holidays_fixed), n(d.holidays_lunar), n(d.holidays_weekday), n(d.holidays_term), n(d.lunar_months),
        n(d.decade_parts), n(d.century_parts),
    )


@dataclass(frozen=True)
class Tails:
    month: re.Pattern
    day: re.Pattern
    mpart: re.Pattern
    mweek: re.Pattern
    period: re.Pattern
    yweek: re.Pattern
    ymonth: re.Pattern
    fest: re.Pattern


@cache
def tails() -> Tails:
    d, lx = load_lexicon().dates, lex()
    lunar_mark = alternation(norm(w) for w in d.lunar_markers.words)
    lunar_m = alternation(lx.lunar_months)
    fests = alternation(list(lx.fixed) + list(lx.lunar) + list(lx.weekday_holidays) + list(lx.term_holidays)
                        + lx.terms + list(lx.seasons))
    weeks = alternation(norm(w) for w in d.week_words.words)
    wd = alternation(lx.weekdays)
    return Tails(
        month=re.compile(rf"[ ]*(?:的)?[ ]*(?P<lunar>{lunar_mark})?[ ]*(?P<leap>闰)?(?:(?P<m>{_MONTH})"
                         rf"(?:{SEP}(?P<m2>{_MONTH}))?|(?P<lm>{lunar_m}))[ ]*月份?"),
        day=re.compile(rf"[ ]*(?P<d>{_DAY})(?:{SEP}(?P<d2>3[01]|[12]\d|0?[1-9])(?![\d]|[ ]*月))?(?:(?P<unit>[ ]*[日号])|(?![\d.]|,\d{{3}}(?!\d)))"),
        mpart=re.compile(rf"[ ]*(?P<part>{alternation(lx.month_parts)})"),
        mweek=re.compile(rf"[ ]*(?:的)?[ ]*(?:第(?P<n>[1-6]|[一二三四五六])(?P<ge>个)?(?:{weeks})(?P<wd>{wd})?"
                         rf"|最后一个?(?:{weeks})(?P<lwd>{wd}))"),
        period=re.compile(rf"[ ]*(?:的)?[ ]*(?P<period>{alternation(lx.periods)})(?:季度)?(?P<qpart>{alternation(lx.quarter_parts)})?"),
        yweek=re.compile(rf"[ ]*(?:的)?[ ]*第(?P<n>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})个?(?:{weeks})"),
        ymonth=re.compile(r"[ ]*(?:的)?[ ]*(?:第(?P<n>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])个月"
                          r"|(?P<fl>前|后|最后)(?P<fn>1[0-2]|[1-9]|十[一二]?|[一二两三四五六七八九])个?月"
                          r"|第(?P<dn>[1-9]\d{0,2}|[一二三四五六七八九十百]{1,4})天)"),
        fest=re.compile(rf"[ ]*(?P<fest>{fests})"),
    )


def _year_rules():
    lx = lex()
    d = load_lexicon().dates
    rel = alternation(list(lx.relative_years) + list(lx.following_year) + list(lx.same_year))
    lunar_mark = alternation(norm(w) for w in d.lunar_markers.words)
    y4 = r"(?:1\d|20)\d{2}"
    # 2025/26年度, 2024-25财年: a fiscal year written with the last two digits of the year it ends in (read as that
    # year, as FY2025/26 is in English: its months differ by place)
    fiscal = (rf"|[/\-](?P<fy>\d{{2}})[ ]*(?:{alternation(norm(w) for w in d.fiscal_year.words)})"
              if d.fiscal_year else "")
    return [
        # 2021年, 21年, 二〇二一年, 九七年 (a year and what narrows it)
        ("ydate", re.compile(rf"(?<![\d.])(?:(?P<lunar0>{lunar_mark})[ ]*)?(?P<y>{y4}|\d{{2}}|[{CN_DIGITS}]{{4}}|[{CN_DIGITS}]{{2}})"
                             rf"[ ]*年(?![代级度龄薪])")),
        # 今年, 去年, 同年 and what narrows them
        ("rely", re.compile(rf"(?P<rel>{rel})")),
        # 年底, 上半年, 一季度 without a year: the publication year
        ("period", re.compile(rf"(?<![\d年{CN_DIGITS}])(?P<period>{alternation(k for k in lx.periods if len(k) > 1 and k != '伊始')})"
                              rf"(?:季度)?(?P<qpart>{alternation(lx.quarter_parts)})?")),
        # 本季度, 上个季度末
        ("relq", re.compile(rf"(?P<rq>{alternation(lx.week_prefixes)})季度(?P<rqpart>{alternation(lx.quarter_parts)})?")),
        # a four-digit year and what follows it: 1995-1997年 (a range), 1999.08-2002.02, 2021-05-31,
        # 2021/5/31, 2021.5.31, 2022 11 23, 20240307, 2021-05-3109:03 (a clock time glued on), 2024 上半年
        ("ynum", re.compile(
            rf"(?<![\d.\-/])(?P<y>{y4})(?:"
            rf"(?P<yr>{SEP})(?P<y2>{y4})[ ]*年(?![代级度龄薪])"
            rf"{fiscal}"
            rf"|\.(?P<dm>1[0-2]|0[1-9]){SEP}(?P<dy2>{y4})(?:\.(?P<dm2>1[0-2]|0[1-9]))?(?![\d.])"
            r"|(?:-(?P<m>1[0-2]|0?[1-9])-|/(?P<m2>1[0-2]|0?[1-9])/|\.(?P<m3>1[0-2]|0?[1-9])\.| (?P<m4>1[0-2]|0?[1-9]) "
            r"|(?P<m5>1[0-2]|0[1-9])|\.(?P<m6>1[0-2]|0[1-9])-)(?P<d>3[01]|[12]\d|0?[1-9])"
            r"(?:(?![\d./])(?!-\d{1,2}(?!\d))|(?=-?[012]\d[:：]\d\d))"
            rf"|[ ]*(?P<period>{alternation(k for k in lx.periods if len(k) > 1 and k[0] != '年')})(?:季度)?"
            rf"(?P<qpart>{alternation(lx.quarter_parts)})?)")),
        # 09-01, 12-31: a zero-padded month and day without a year (the page's short form)
        ("mmdd", re.compile(r"(?<![\d.\-/:])(?P<pm>1[0-2]|0[1-9])-(?P<pd>3[01]|[12]\d|0[1-9])(?![\d.\-/%岁个人元万亿年月日号期次])")),
        # 6·30, 11/3号 (a month and day without a year)
        ("mdot", re.compile(r"(?<![\d.\-/·:])(?P<m>1[0-2]|0[1-9]|[1-9])·(?P<d>3[01]|[12]\d|0?[1-9])(?![\d.·])"
                            r"|(?<![\d.\-/:])(?P<sm>1[0-2]|[1-9])/(?P<sd>3[01]|[12]\d|[1-9])[ ]*[日号]")),
    ]


def _month_rules():
    d = load_lexicon().dates
    lx = lex()
    lunar_mark = alternation(norm(w) for w in d.lunar_markers.words)
    lunar_m = alternation(lx.lunar_months)
    return [
        ("month", re.compile(rf"(?<![\d.个年第每几前后近这那上下本])(?:(?P<lunar>{lunar_mark})[ ]*)?(?P<leap>闰)?"
                             rf"(?:(?P<m>{_MONTH})(?:{SEP}(?P<m2>{_MONTH}))?|(?P<lm>{lunar_m}))[ ]*月份?")),
        ("relm", re.compile(rf"(?P<relm>{alternation(lx.relative_months)})")),
        # 15日, 29号: a day of the month alone
        # 15日, 29日: a day of the month alone (15号 alone is as often a number: 15号线, 15号楼)
        ("dayonly", re.compile(r"(?<![\d.月第/\-:~至到])(?P<d>3[01]|[12]\d|[1-9]|廿[一二三四五六七八九]?|卅一?)[ ]*日(?![内以之后前来起止元])")),
        ("bignewyear", re.compile(r"大年初(?P<d>[一二三四五六七八九十])")),
        ("fest", re.compile(rf"(?P<fest>{alternation(list(lx.fixed) + list(lx.lunar) + list(lx.weekday_holidays) + list(lx.term_holidays) + lx.terms + [k for k in lx.seasons if len(k) > 1])})")),
        ("era", re.compile(rf"(?P<era>{alternation(norm(k) for k in d.eras)})(?P<en>元|\d{{1,3}}|[一二三四五六七八九十百]{{1,4}})年")),
        ("decade", re.compile(r"(?:(?P<rc>上|本|这个?)世纪[ ]*|(?P<c>\d{1,2}|[一二三四五六七八九十]{1,3})世纪[ ]*)?"
                              r"(?P<dec>[1-9]0|[一二三四五六七八九]十)年代(?P<part>初期|前期|中期|后期|末期|初|中|末)?")),
        ("century", re.compile(r"(?:(?P<rc>上|本|这个?)|(?P<c>\d{1,2}|[一二三四五六七八九十]{1,3}))[ ]*世纪"
                               r"(?P<part>初期|末期|上半叶|中叶|下半叶|初|末)?")),
    ]


# a rule runs only on a text that holds one of its words (a cheap C search spares the scan)
_GATES = {
    "relq": ["季度"], "bignewyear": ["大年初"],
    "decade": ["年代"], "ordinal": "天年", "century": ["世纪"], "relm": "月", "week": "周星礼", "dayonly": "日", "period": "年季半假Q",
    "month": "月", "ydate": "年", "now": "现最如", "daypart": "天日夜午晚",
}


# A rule whose matches always hold one of a few characters is run only around them: the anchors
# (a character class, which re skips to at C speed), the characters that must come before or after
# an anchor (None: any), and how far a match reaches before and after one. A window never starts or
# ends inside a run of digits or numerals, so no match is cut short.
_NUMERALS = frozenset("0123456789零〇一二两三四五六七八九十百千几仨俩半")
_UNIT_ENDS = frozenset("年月周期拜天日时头钟秒分度以之半多")
_ANCHORS = {
    "ordinal": [("第", None, None, 0, 8)],
    # 3年后, 一年半以来, 5天内 (a unit, then 以/之, then the direction) and 未来三年, 近30天, 过去的一年
    "offset": [(w, _UNIT_ENDS, None, 14, 2) for w in "前后来内"]
    + [(r"(?:未来|今后|接下来|最近|过去|再过|近|过|前)[ ]*(?:的)?[ ]*[\d零一二两三四五六七八九十百千几仨俩半]", None, None, 2, 16)],
    "clock": [(w, _NUMERALS, None, 8, 10) for w in "点时:："],
    "ydate": [("年", None, None, 8, 2)],
    "month": [("月", None, None, 6, 3)],
    "dayonly": [("日", frozenset("0123456789 廿卅一二三四五六七八九"), None, 3, 1)],
    "century": [("世纪", None, None, 6, 4)],
    "decade": [("年代", None, None, 12, 4)],
    "mdot": [(w, frozenset("0123456789"), frozenset("0123456789"), 3, 6) for w in "·/"],
    "mmdd": [("-", frozenset("0123456789"), frozenset("0123456789"), 3, 3)],
}
# A single character or word is found at memchr speed; a class of characters is tried at every
# position, about ten times slower: so the anchors are literals where they can be.
_RUN = frozenset("0123456789.零〇一二两三四五六七八九十百千几仨俩半个多")


def _anchored(rx: re.Pattern, anchors, text: str):
    """The matches of rx in text that lie around an anchor (see _ANCHORS)."""
    n = len(text)
    spans: list[tuple[int, int]] = []
    match = rx.match
    for anchor, before_chars, after_chars, before, after in anchors:
        if before < 0:  # the match starts at its anchor; where none does, a shorter word may start inside it
            pos, find = 0, anchor.search
            while (a := find(text, pos)) is not None:
                m = match(text, a.start())
                if m is not None:
                    yield m
                    pos = m.end()
                else:
                    pos = a.start() + 1
            continue
        for a in anchor.finditer(text):
            s, e = a.start(), a.end()
            if before_chars is not None and (s == 0 or text[s - 1] not in before_chars):
                continue
            if after_chars is not None and (e == n or text[e] not in after_chars):
                continue
            spans.append((max(0, s - before), min(n, e + after)))
    if not spans:
        return
    spans.sort()
    merged = [list(spans[0])]
    for s, e in spans[1:]:
        if s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    search = rx.search  # a window is a few characters: plain search, no scanner to set up
    for s, e in merged:
        while s > 0 and text[s - 1] in _RUN:
            s -= 1
        while e < n and text[e] in _RUN:
            e += 1
        m = search(text, s, e)
        while m is not None:
            yield m
            m = search(text, m.end() if m.end() > m.start() else m.end() + 1, e)


def _head_words() -> list[str]:
    """Every word that a match of a word rule holds (a quarter by its 季度: 1季度 and 一季度 would make
    every digit and numeral a place to look)."""
    d, lx = load_lexicon().dates, lex()
    words = (list(lx.relative_years) + list(lx.following_year) + list(lx.same_year) + [k for k in lx.periods if len(k) > 1]
            + ["季度"] + list(lx.relative_months) + list(lx.relative_days) + [norm(w) for w in d.week_words.words]
            + list(lx.fixed) + list(lx.lunar) + list(lx.weekday_holidays) + list(lx.term_holidays) + lx.terms
            + [k for k in lx.seasons if len(k) > 1] + [norm(w) for w in d.now_mentions.words + d.day_parts.words]
            + [norm(k) for k in d.eras] + ["大年初"] + [norm(k) for k in d.vague_recent])
    return [w for w in words if "季度" not in w and not w[0].isdigit() and w[0] != "Q"] + ["季度", "Q"]


_WORD_RULES = ("era", "bignewyear", "fest", "relday", "rely", "relm", "relq", "week", "period", "now", "daypart", "recent")


@cache
def _compiled():
    """The rules: (name, pattern) in order of preference for equal spans, and their gates."""
    rules = _year_rules() + _month_rules() + zh_relative.rules()
    # the rules that start with a word run as one pattern: one scan of the text instead of nine (their
    # words differ, so at any place at most one of them can match)
    words = [r for r in rules if r[0] in _WORD_RULES]
    merged = re.compile("|".join(f"(?P<W_{name}>{rx.pattern})" for name, rx in sorted(words, key=lambda r: _WORD_RULES.index(r[0]))))
    rules = [r for r in rules if r[0] not in _WORD_RULES] + [("words", merged)]
    gates = {name: re.compile(words.pattern if isinstance(words, re.Pattern) else
                              alternation(words if isinstance(words, list) else list(words)))
             for name, words in _GATES.items()}
    anchors = {name: [(re.compile(rx), *rest) for rx, *rest in items] for name, items in _ANCHORS.items()}
    # the word rules run around their words (a week's prefix, 下下个, comes before its 周)
    # the word rules: a match starts at its word, except a week's (下下个 comes before its 周) and a
    # quarter's (上个季度, 第三季度), looked for around their 周 and 季度
    inner = ["季度"] + [norm(w) for w in load_lexicon().dates.week_words.words]
    anchors["words"] = [(re.compile(alternation([w for w in _head_words() if w not in inner])), None, None, -1, 0),
                        (re.compile(alternation(inner)), None, None, 4, 8)]
    return rules, gates, anchors


def find_dates(text: str, blocked, pub: date | None, paragraph_years, *, pub_precision: str = "day",
               pub_clock: time | None = None, ctx_year=None) -> list[Mention]:
    """Every date expression in text that is not blocked; blocked(start, end) says if a span is masked.

    pub is the publication date, or the first day of its period when pub_precision is "month" or
    "year"; pub_clock its time of day where known (for 3小时前)."""
    rules, gates, anchors = _compiled()
    text = plain_digits(text)
    cands = []
    for order, (name, rx) in enumerate(rules):
        gate = gates.get(name)
        if gate is not None and gate.search(text) is None:
            continue
        anchor = anchors.get(name)
        for m in finditer(rx, text) if anchor is None else _anchored(rx, anchor, text):
            cands.append((m.start(), order, m.lastgroup[2:] if name == "words" else name, m))
    cands.sort(key=lambda c: (c[0], c[1]))
    taken = bytearray(len(text))
    found: list[Mention] = []
    # resolve every candidate, then keep the leftmost, then longest, without overlaps
    resolved = []
    for s, _order, name, m in cands:
        ctx = Ctx(pub, pub_precision, pub_clock, paragraph_years, s)
        try:
            out = RESOLVE[name](m, text, ctx)
        except Unresolved as exc:
            out = (m.end(), str(exc))
        except Invalid as exc:
            out = (exc.end, "invalid date")
        except (ValueError, OverflowError, KeyError):  # 2月30日, 13月, a year past 9999
            out = (m.end(), "invalid date")
        if out is None:
            continue
        if not isinstance(out[1], str) and out[1].reason is None and name not in _NO_OPEN_SPAN:
            out = _open_span(text, out, ctx)
        resolved.append((s, out, name == "dayonly" and small(m.group("d")), name))
    resolved.sort(key=lambda r: (r[0], -_end(r[1])))
    days, reldays = {}, set()
    for s, out, day, name in resolved:
        e = _end(out)
        if any(taken[s:e]) or blocked(s, e):
            continue
        mention = Mention(start=s, end=e, kind="date", num_start=s)
        if isinstance(out[1], str):
            mention.reason = out[1]
        else:
            v: Value = out[1]
            _set(mention, v.start, v.end, v.precision)
            mention.reason = v.reason
            mention.shared = v.shared
        if name in ("offset", "ordinal"):
            mention.shared = True  # resolved or not, 三年内 is a duration too
        elif name == "relday" and mention.reason is None:
            reldays.add(id(mention))
        taken[s:e] = b"\x01" * (e - s)
        found.append(mention)
        if day:
            days[id(mention)] = day
        if name == "clock" and len(found) > 1 and found[-2].date_start and not text[found[-2].end : s].strip():
            # 明天下午3点, 2024-12-11 06:23: the clock time belongs to the date before it
            found[-2].end = e
            found.pop()
    found.sort(key=lambda x: x.start)
    found = _day_context(found, text, days)
    return _not_claims(text, _merge_ranges(text, found), reldays)


_DATELINE = re.compile(r"[ ]*(?:专|快)?[电讯](?=$|[ \n（(【\[—:：,，）)》])")
_DATELINE_PLACE = re.compile(r"[ ]*[\u4e00-\u9fff]{2,4}[电讯](?=$|[ \n（(【\[—:：,，])")  # 中央社5日台北电
_CHROME_LINE = re.compile(r"[ |｜/\-—:：]*(?:(?:稿件)?来源|作者|编辑|责编|字号|浏览|阅读|点击)|[ |｜]*$")
_CHROME_BEFORE = re.compile(r"(?:^|[ |｜])(?:时间|日期|发布于|发表于|更新时间|更新)?[ ]*[:：]?[ ]*$")


@cache
def _report_verb() -> re.Pattern:
    return re.compile(rf"[ ]*(?:{_flat_alternation(norm(w) for w in load_lexicon().dates.report_verbs.words)})")


@cache
def _reporters() -> tuple[re.Pattern, re.Pattern]:
    """A reporter named right before a date (记者14日) or opening the clause after it (6月12日，记者)."""
    words = _flat_alternation(norm(w) for w in load_lexicon().dates.reporters.words)
    return re.compile(rf"(?:{words})[ ]*$"), re.compile(rf"[ ]*[，,]?[ ]*(?:{words})")


_CLAUSE_END = re.compile(r"[，,。；;！!？?\n]")


def _not_claims(text: str, found: list[Mention], reldays=frozenset()) -> list[Mention]:
    """Dates that date the page or the story, not an event: a dateline (新华社北京3月5日电), a
    time stamp that stands alone on its line or before the source (2024-12-11 06:23 | 来源：…), and
    a relative day with no event after it in its clause (该公司今日公布财报 dates the report; 今日开幕
    dates an opening)."""
    for m in found:
        if m.reason is not None or m.date_start is None:
            continue
        if id(m) in reldays:
            end = _CLAUSE_END.search(text, m.end)
            if (_report_verb().match(text, m.end)
                    or event_position(text, m.end, end.start() if end else len(text)) is None):
                m.reason = "a relative day with no event after it (the report's own day)"
            continue
        if (_DATELINE.match(text, m.end) or (m.start > 0 and text[m.start - 1] in "社网报" and _DATELINE_PLACE.match(text, m.end))
                or _reporters()[0].search(text[max(0, m.start - 5) : m.start])  # 记者14日从…获悉
                or _reporters()[1].match(text, m.end)):  # 6月12日，记者从…获悉
            m.reason = "dateline (dates the story, not an event)"
            continue
        if m.date_precision != "day" or m.relative:
            continue
        lo = max(0, m.start - 21)
        nl = text.rfind("\n", lo, m.start)
        if nl < 0 and lo > 0:
            continue  # a time stamp heads its line: only a short label (发布时间：) comes before it
        line_start = nl + 1
        line_end = text.find("\n", m.end)
        line_end = len(text) if line_end < 0 else line_end
        if _CHROME_LINE.match(text, m.end, line_end) and _CHROME_BEFORE.search(text[line_start : m.start]):
            m.reason = "the page's own time stamp (page chrome)"
    return found


_NO_OPEN_SPAN = frozenset({"clock", "now", "offset", "relday"})
_BEFORE = re.compile(r"[ ]*(?:之前|以前|前)(?!后|所|列|沿|瞻|景|端|身|期|台|夕|提|述|[\d零一二两三四五六七八九十几半])")


def _open_span(text: str, out, ctx: Ctx):
    """2025年前 in a piece of 2021: from publication to the end of 2025 (a deadline, the date itself
    included as Chinese usage reads it); 年底前 in November: from publication to 31 December. A date
    already past stays as it is."""
    e, v = out
    m = _BEFORE.match(text, e)
    if m is None or ctx.pub is None or v.end <= ctx.pub:
        return out
    return m.end(), Value(ctx.pub, v.end, "range")


def _end(out) -> int:
    return out[0]


def _set(out: Mention, a: date, b: date, precision: str) -> None:
    out.date_start, out.date_end, out.date_precision = a.isoformat(), b.isoformat(), precision


# ---------------------------------------------------------------- spans


def month_span(y: int, m: int, part=None) -> tuple[date, date]:
    last = calendar.monthrange(y, m)[1]
    if part:
        a, b = part
        return date(y, m, a), date(y, m, last if b == 0 else min(b, last))
    return date(y, m, 1), date(y, m, last)


def months_span(y: int, m1: int, m2: int) -> tuple[date, date]:
    return date(y, m1, 1), month_span(y, m2)[1]


def add_months(d: date, n: int) -> date:
    k = d.year * 12 + d.month - 1 + n
    y, m = divmod(k, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def anchor_year(m: int, d: int | None, ctx: Ctx) -> int:
    """The year of a month and day printed without one: the paragraph's year, else the year that
    puts it near publication (a January piece's 12月28日 is last December)."""
    if ctx.year:
        return ctx.year
    pub = ctx.need("year")
    if ctx.precision == "year":
        return pub.year
    y = pub.year
    if m == 2 and d == 29:
        return _leap_near(y)
    candidate = date(y, m, min(d or 1, 28))
    if (candidate - pub).days > 300:
        y -= 1
    elif (pub - candidate).days > 300:
        y += 1
    return y


def _leap_near(y: int) -> int:
    """29 February without a year: the nearest leap year (the earlier one on a tie)."""
    for k in range(0, 5):
        for c in (y - k, y + k):
            if calendar.isleap(c):
                return c
    return y


def _period(y: int, p, qpart=None) -> Value:
    a, b = p
    if qpart and b - a == 2:
        a, b = a + qpart[0] - 1, a + qpart[1] - 1
    prec = "quarter" if b - a == 2 else "half" if b - a == 5 else "month" if a == b else "range"
    return Value(date(y, a, 1), month_span(y, b)[1], prec)


# ---------------------------------------------------------------- tails after a known year


def year_tails(text: str, e: int, y: int, ctx: Ctx, lunar: bool = False, explicit: bool = True):
    """The year narrowed by what follows it at e: (end, Value)."""
    t, lx = tails(), lex()
    m = t.month.match(text, e)
    if m:
        return month_tails(text, m, y, ctx, lunar or bool(m.group("lunar")), explicit)
    m = t.period.match(text, e)
    if m:
        q = lx.quarter_parts.get(m.group("qpart")) if m.group("qpart") else None
        return m.end(), _period(y, lx.periods[m.group("period")], q)
    m = t.yweek.match(text, e)
    if m:
        n = small(m.group("n"))
        first = nth_weekday(y, 1, 1, 0)
        a = first + timedelta(weeks=n - 1)
        return m.end(), Value(a, a + timedelta(days=6), "week")
    m = t.ymonth.match(text, e)
    if m:
        if m.group("dn"):  # 2023年第十天
            a = date(y, 1, 1) + timedelta(days=small(m.group("dn")) - 1)
            if a.year != y:
                raise ValueError("no such day in the year")
            return m.end(), Value(a, a, "day")
        if m.group("fl"):  # 前七个月, 后三个月
            k = small(m.group("fn"))
            first, last = (1, k) if m.group("fl") == "前" else (13 - k, 12)
            return m.end(), Value(*months_span(y, first, last), "range")
        mo = small(m.group("n"))
        a, b = month_span(y, mo)
        return m.end(), Value(a, b, "month")
    m = t.fest.match(text, e)
    if m:
        return m.end(), festival(m.group("fest"), y)
    return None


def month_tails(text: str, mm: re.Match, y: int | None, ctx: Ctx, lunar: bool, explicit: bool):
    """A month (its match mm) and what narrows it; y None: find the year from context."""
    t, lx = tails(), lex()
    g = mm.group("m") or mm.group("lm")
    lunar = lunar or g in lx.lunar_months or bool(mm.group("leap"))
    mo = lx.lunar_months.get(g) or small(g)
    if not 1 <= mo <= 12:
        raise ValueError("no such month")
    e = mm.end()
    leap = bool(mm.group("leap"))
    if mm.group("m2"):
        m2 = small(mm.group("m2"))
        if m2 <= mo:
            return None  # 5月至3月: not a range of one year
        yy = y if y is not None else anchor_year(mo, None, ctx)
        return e, Value(*months_span(yy, mo, m2), "range")
    dm = t.day.match(text, e)
    if dm:
        dtext = dm.group("d")
        unit = dm.group("unit")
        chinese = not dtext.isdigit()
        nxt = text[dm.end() : dm.end() + 1]
        if not unit and not chinese and nxt and nxt in "万亿千百个%多余年月":
            dm = None
    if dm:
        day = small(dtext)
        lunar_day = lunar or dtext[0] in "初廿卅" or (chinese and not unit and not explicit)
        if lunar_day:
            yy = y if y is not None else ctx.need("year").year if not ctx.year else ctx.year
            try:
                a = lunar_to_solar(yy, mo, day, leap)
            except ValueError:
                raise Invalid(dm.end()) from None
            return dm.end(), Value(a, a, "day")
        yy = y if y is not None else anchor_year(mo, day, ctx)
        if dm.group("d2"):
            d2 = small(dm.group("d2"))
            if d2 <= day:
                raise Invalid(dm.end())  # 4月19-12日
            return dm.end(), Value(_day(yy, mo, day, dm.end()), _day(yy, mo, d2, dm.end()), "range")
        a = _day(yy, mo, day, dm.end())
        return dm.end(), Value(a, a, "day")
    if lunar:
        yy = y if y is not None else ctx.year or ctx.need("year").year
        a, b = lunar_month_span(yy, mo, leap)
        return e, Value(a, b, "range")
    yy = y if y is not None else anchor_year(mo, None, ctx)
    pm = t.mpart.match(text, e)
    if pm:
        a, b = month_span(yy, mo, lx.month_parts[pm.group("part")])
        return pm.end(), Value(a, b, "range")
    wm = t.mweek.match(text, e)
    if wm:
        return wm.end(), month_week(wm, yy, mo)
    a, b = month_span(yy, mo)
    return e, Value(a, b, "month")


def month_week(wm: re.Match, y: int, mo: int) -> Value:
    lx = lex()
    if wm.group("lwd"):
        a = nth_weekday(y, mo, -1, lx.weekdays[wm.group("lwd")])
        return Value(a, a, "day")
    n = small(wm.group("n"))
    if wm.group("wd"):
        a = nth_weekday(y, mo, n, lx.weekdays[wm.group("wd")])
        return Value(a, a, "day")
    a = nth_weekday(y, mo, n, 0)
    return Value(a, a + timedelta(days=6), "week")


def festival(name: str, y: int) -> Value:
    """A holiday, solar term or season in year y (a lunar holiday in lunar year y)."""
    lx = lex()
    if name in lx.fixed:
        a = date(y, *lx.fixed[name])
    elif name in lx.lunar:
        a = lunar_to_solar(y, *lx.lunar[name])
    elif name in lx.weekday_holidays:
        mo, n, wd = lx.weekday_holidays[name]
        a = nth_weekday(y, mo, n, wd)
    elif name in lx.term_holidays:
        a = solar_term(y, lx.term_holidays[name], lx.terms)
    elif name in lx.seasons:
        a, b = season_span(y, lx.seasons[name], lx.terms)
        return Value(a, b, "range")
    else:
        a = solar_term(y, name, lx.terms)
    return Value(a, a, "day")


# ---------------------------------------------------------------- resolvers


def _ydate(m, text, ctx):
    ytext = m.group("y")
    y = int(ytext) if ytext.isdigit() and len(ytext) == 4 else year(ytext, ctx.pub.year if ctx.pub else None)
    r = year_tails(text, m.end(), y, ctx, lunar=bool(m.group("lunar0")), explicit=True)
    if r:
        return r
    nxt = text[m.end() : m.end() + 1]
    if len(ytext) == 2:
        # a two-digit year alone is a date only where it cannot be a count of years (3年前, 10年来)
        if nxt and nxt in "前后来间内多半以之左上中期的里":
            return None
        if ytext.isdigit() and ytext[0] != "0" and m.start() > 0 and "\u4e00" <= text[m.start() - 1] <= "\u9fff":
            return None
        if not ytext.isdigit() and CN_DIGITS.find(ytext[1]) - CN_DIGITS.find(ytext[0]) == 1:
            return None  # 五六年: five or six years
    return m.end(), Value(date(y, 1, 1), date(y, 12, 31), "year")


def _ynum(m, text, ctx):
    if m.group("yr") is not None:
        return _yrange(m, text, ctx)
    if m.group("fy") is not None:
        return _fiscal_year(m)
    if m.group("dm"):
        return _ymdot(m, text, ctx)
    if m.group("period"):
        return _period_alone(m, text, ctx)
    return _iso(m, text, ctx)


def _fiscal_year(m):
    """2025/26年度: the year it ends in, when the two digits are that year's (2025/26, 1999/00)."""
    y1 = int(m.group("y"))
    y2 = y1 + 1
    if y2 % 100 != int(m.group("fy")):
        return None
    return m.end(), Value(date(y2, 1, 1), date(y2, 12, 31), "year")


def _yrange(m, text, ctx):
    y1, y2 = int(m.group("y")), int(m.group("y2"))
    if y2 < y1:
        return None
    return m.end(), Value(date(y1, 1, 1), date(y2, 12, 31), "range")


def _rely(m, text, ctx):
    lx = lex()
    w = m.group("rel")
    if w in lx.relative_years:
        y = ctx.need("year").year + lx.relative_years[w]
    elif w in lx.following_year:
        y = (ctx.year or ctx.need("year").year) + 1
    else:
        if not ctx.year:
            raise Unresolved("same year as an earlier date, but none is named")
        y = ctx.year
    if text.startswith("同期", m.end()):
        # 去年同期: the base of a comparison; it sets the as_of of its figures, it is not an event
        return m.end() + 2, Value(date(y, 1, 1), date(y, 12, 31), "year", reason="comparison period (sets the as_of)")
    r = year_tails(text, m.end(), y, ctx, explicit=False)
    if r:
        return r
    return m.end(), Value(date(y, 1, 1), date(y, 12, 31), "year")


def _period_alone(m, text, ctx):
    lx = lex()
    y = int(m.group("y")) if "y" in m.re.groupindex else ctx.need("year").year
    q = lx.quarter_parts.get(m.group("qpart")) if m.group("qpart") else None
    return m.end(), _period(y, lx.periods[m.group("period")], q)


def _iso(m, text, ctx):
    mo = next(m.group(g) for g in ("m", "m2", "m3", "m4", "m5", "m6") if m.group(g))
    if m.group("m5") and len(m.group("d")) != 2:
        return None  # 2021031: not a compact date
    if int(m.group("y")) < 1900:
        return None
    a = date(int(m.group("y")), int(mo), int(m.group("d")))
    return m.end(), Value(a, a, "day")


def _ymdot(m, text, ctx):
    a = date(int(m.group("y")), int(m.group("dm")), 1)
    y2 = int(m.group("dy2"))
    b = month_span(y2, int(m.group("dm2")))[1] if m.group("dm2") else date(y2, 12, 31)
    if b < a:
        return None
    return m.end(), Value(a, b, "range")


def _mdot(m, text, ctx):
    mo, d = next((m.group(a), m.group(b)) for a, b in (("m", "d"), ("sm", "sd"), ("pm", "pd"))
                 if a in m.re.groupindex and m.group(a))
    mo, d = int(mo), int(d)
    a = date(anchor_year(mo, d, ctx), mo, d)
    return m.end(), Value(a, a, "day")


def _month(m, text, ctx):
    return month_tails(text, m, None, ctx, bool(m.group("lunar")), explicit=False)


def _relm(m, text, ctx):
    lx = lex()
    w = m.group("relm")
    pub = ctx.need("month")
    first = add_months(date(pub.year, pub.month, 1), lx.relative_months[w])
    return zh_relative.in_month(text, m.end(), first, ctx)


def _relq(m, text, ctx):
    lx = lex()
    pub = ctx.need("month")
    q = (pub.month - 1) // 3 + lx.week_prefixes[m.group("rq")]
    y, q = pub.year + q // 4, q % 4
    part = lx.quarter_parts.get(m.group("rqpart")) if m.group("rqpart") else None
    return m.end(), _period(y, (3 * q + 1, 3 * q + 3), part)


def _dayonly(m, text, ctx):
    d = small(m.group("d"))
    pub = ctx.need("month")
    a = date(pub.year, pub.month, d) if d <= calendar.monthrange(pub.year, pub.month)[1] else None
    if a is None:
        raise ValueError("no such day in the month")
    return m.end(), Value(a, a, "day", reason=None)


def _bignewyear(m, text, ctx):
    y = ctx.year or ctx.need("year").year
    a = lunar_to_solar(y, 1, small(m.group("d")))
    return m.end(), Value(a, a, "day")


def _fest(m, text, ctx):
    y = ctx.year or ctx.need("year").year
    v = festival(m.group("fest"), y)
    if m.group("fest") in lex().seasons:
        v.reason = "a season without a year (冬季流感)"  # 今年冬季 is a date, 冬季 alone an attribute
    return m.end(), v


@cache
def _era_years() -> dict[str, int]:
    """The era names and their first years, normalised once per process."""
    return {norm(k): v for k, v in load_lexicon().dates.eras.items()}


def _era(m, text, ctx):
    first = _era_years()[m.group("era")]
    n = 1 if m.group("en") == "元" else small(m.group("en"))
    y = first + n - 1
    r = year_tails(text, m.end(), y, ctx, explicit=True)
    if r:
        return r
    return m.end(), Value(date(y, 1, 1), date(y, 12, 31), "year")


def _century_of(m, ctx) -> int:
    if m.group("rc"):
        base = ctx.need("year").year // 100 + 1
        return base - 1 if m.group("rc") == "上" else base
    return small(m.group("c"))


def _decade(m, text, ctx):
    lx = lex()
    dec = small(m.group("dec"))
    if m.group("rc") or m.group("c"):
        c = _century_of(m, ctx)
        start = (c - 1) * 100 + dec
    else:
        ref = ctx.pub.year if ctx.pub else 2000
        start = (ref // 100) * 100 + dec
        if start > ref:
            start -= 100
    a, b = start, start + 9
    if m.group("part"):
        p = lx.decade_parts[m.group("part")]
        a, b = start + p[0], start + p[1]
    return m.end(), Value(date(a, 1, 1), date(b, 12, 31), "range")


def _century(m, text, ctx):
    lx = lex()
    c = _century_of(m, ctx)
    if not 1 <= c <= 30:
        raise ValueError("century out of range")
    start = (c - 1) * 100  # 20世纪 is 1901 to 2000; its parts are read on the round years (初: 1900s)
    if m.group("part"):
        p = lx.century_parts[m.group("part")]
        return m.end(), Value(date(max(1, start + p[0]), 1, 1), date(start + p[1], 12, 31), "range")
    return m.end(), Value(date(start + 1, 1, 1), date(start + 100, 12, 31), "century")


RESOLVE = {
    "ydate": _ydate, "ynum": _ynum, "rely": _rely, "period": _period_alone,
    "mdot": _mdot, "mmdd": _mdot, "month": _month, "relm": _relm, "relq": _relq, "dayonly": _dayonly, "bignewyear": _bignewyear,
    "fest": _fest, "era": _era, "decade": _decade, "century": _century, **zh_relative.RESOLVE,
}


def _day_context(found: list[Mention], text: str, days: dict) -> list[Mention]:
    """A day alone (9日) takes its month from the date before it in the paragraph (3月5日…9日):
    only without one is it a day of the publication month."""
    last = None
    for m in found:
        day = days.get(id(m))
        if day is not None and last is not None and "\n" not in text[last.end : m.start]:
            y, mo = int(last.date_end[:4]), int(last.date_end[5:7])
            try:
                a = date(y, mo, day)
            except ValueError:
                pass
            else:
                _set(m, a, a, "day")
                m.reason = None
        if m.date_start and not m.shared and m.reason is None and day is None:
            last = m
    return found


_RANGE_SEP = re.compile(r"^[ ]*(?:-|~|～|至|到|—+|–|－)[ ]*$")
_BETWEEN = re.compile(r"^[ ]*(?:和|与|及)[ ]*$")


def _merge_ranges(text: str, found: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if (
            prev and prev.reason is None and m.reason is None and prev.date_start and m.date_start
            and prev.date_start <= m.date_start
            and (_RANGE_SEP.match(text[prev.end : m.start])
                 or (_BETWEEN.match(text[prev.end : m.start]) and text.startswith("之间", m.end)))
        ):
            if text.startswith("之间", m.end):
                m.end += 2
            if prev.start > 0 and text[prev.start - 1] == "从":
                prev.start -= 1
            prev.end = m.end
            prev.date_end = m.date_end
            prev.date_precision = "range"
            prev.qualifier = "range"
            continue
        out.append(m)
    return out
