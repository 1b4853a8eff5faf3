"""Numbers with their qualifiers and units: 超 830 万标准机架, 约 5000P, 20+企业, 十余个, 246 Eflops."""

from __future__ import annotations

import re
from fractions import Fraction
from functools import cache, lru_cache

from factcheck.extract.intervals import apply_qualifier, next_step
from factcheck.extract.mention import Mention
from factcheck.extract.numerals import parse_number
from factcheck.extract.patterns import norm_all, patterns
from factcheck.extract.roc_years import roc_years
from factcheck.extract.scan import finditer
from factcheck.extract.table_units import apply_table_units, declared_words
from factcheck.extract.units import canonical
from factcheck.lang import load_lexicon
from factcheck.lang.grammar import grammar
from factcheck.lang.loader import alternation

_PRECISION = re.compile(r"[ (（]?(FP64|FP32|FP16|BF16|TF32|FP8|INT8|INT4)[)）]?", re.I)
_PRECISION_BEFORE = re.compile(r"(FP64|FP32|FP16|BF16|TF32|FP8|INT8|INT4)[^,。;]{0,6}$", re.I)
_CJK = re.compile(r"[\u3400-\u9fff]")
_NOUN = re.compile(r"[ ]?((?:[\u3400-\u9fff]|[A-Za-z]+[ ]?){1,10})")
_COMMON_CN = set("一二两三四五六七八九十百千万亿半")
_MULT_ONLY = set("十百千万亿")
_NOUN_STOP = "的、,。;:和与及等在为是了至增"  # 至 / 增: 由40间增加至120间
_YEARLIKE = re.compile(r"^(?:19|20)\d{2}$")
_GROUPED = re.compile(r"\d,\d{3}(?:,\d{3})*$")  # 300,000,000: thousands grouped, a large exact figure
_E_CLASS = re.compile(r"(?<![A-Za-z\d])E级")
_PERCENT_WORD = re.compile(r"百分之")
_ONE = Fraction(1)  # made once: a Fraction is immutable, and making one costs a microsecond


def _counted_noun(text: str, pos: int) -> tuple[str | None, int]:
    m = _NOUN.match(text, pos)
    if not m:
        return None, pos
    pos = m.start(1)
    word = m.group(1).rstrip()
    cut = _noun_cut().search(word)  # the first stop character or qualifier tail ends the noun
    if cut:
        word = word[: cut.start()]
    return (word or None), pos + len(word)


@cache
def _noun_cut() -> re.Pattern:
    # the qualifier words after a figure (左右, 开外, 出头) end its counted noun too
    after = [w for w in norm_all(load_lexicon().qualifiers.after) if len(w) > 1]
    tails = sorted(set(grammar().quantities.qualifier_tails) | set(after), key=len, reverse=True)
    return re.compile(rf"[{re.escape(_NOUN_STOP)}]" + (rf"|{alternation(tails)}" if tails else ""))


def find_quantities(text: str, blocked, taken: bytearray, tolerance: Fraction) -> list[Mention]:
    """Every number in text outside dates and filtered spans, with qualifier, unit and interval."""
    p = patterns()
    out: list[Mention] = []
    for m in finditer(_E_CLASS, text):
        s, e = m.span()
        if blocked(s, e) or any(taken[s:e]):
            continue
        mention = Mention(start=s, end=e, kind="quantity", num_start=s, value=Fraction(1000), unit="PFLOPS",
                          dimension="compute", resolution=None, qualifier="at_least")
        mention.lower, mention.upper = Fraction(1000), None
        out.append(mention)
        taken[s:e] = b"\x01" * (e - s)
    pos: int | None = 0
    last_end = 0
    while pos is not None:
        start, pos = pos, None
        for m in finditer(p.number, text, start):
            s, e = m.span()
            num_text = m.group()
            if s < last_end or any(taken[s:e]) or (num_text == "百" and text.startswith("分之", e)):
                continue  # inside the last figure read (十余万: 万), or inside a date
            if blocked(s, e):
                out.append(Mention(start=s, end=e, kind="quantity", num_start=s, reason="filtered"))
                continue
            if num_text[-1] in p.power_chars and len(num_text) > 1:  # rare: 亿千瓦时, 兆瓦
                mention, cut = _read_longest(text, s, e, num_text, p, tolerance)
            else:
                mention, cut = _read(text, s, e, num_text, p, tolerance), False
                if mention is not None and mention.reason == "not a number":
                    mention, cut = _read_longest(text, s, e, num_text, p, tolerance)
            if mention is None:
                continue
            out.append(mention)
            last_end = mention.end
            if mention.reason is None:  # the English readers after this one skip what is read
                taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
                if mention.range_end:  # 5-20%: the upper end is a value found too
                    out.append(_range_end(mention))
            if cut and mention.end < m.end():
                pos = mention.end  # 一点两小时: read on from where the numeral's head ended
                break
    if any(w in text for w in declared_words()):  # 单位：亿元 above a table of bare figures
        apply_table_units(text, out, tolerance)
    if p.list_join and "、" in text:  # 55、40、28奈米: the unit written once after the last is every one's
        _shared_list_unit(text, out, p)
    if p.change_to and p.change_to.search(text):  # 從82萬降至77萬元: the first amount is in yuan too
        _change_pairs(text, out, p)
    if "年" in text and p.currency_markers is not None:  # 預計117年完工 on a Taiwan page: a Minguo year
        roc_years(text, out, p)
    if p.currency_markers is not None and any(m.unit == "CNY" and m.reason is None for m in out):
        _document_currency(text, out, p)
    return out


_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def _shared_list_unit(text: str, out: list[Mention], p) -> None:
    """Bare Arabic figures listed before one with a unit (55、40、28奈米, 12、15及18%) are in that unit, at
    the scale it has (12、15及18万千瓦: each is 万千瓦); the list needs a 、 somewhere in it."""
    figures = sorted((m for m in out if m.kind == "quantity" and m.reason in (None, "bare number")), key=lambda m: m.start)
    for k in range(len(figures) - 1, 0, -1):
        b = figures[k]
        if b.reason is not None or b.unit in (None, "count") or b.value is None or figures[k - 1].reason != "bare number":
            continue
        chain, j = [], k
        while j > 0:
            a = figures[j - 1]
            if a.reason != "bare number" or a.unit is not None:
                break
            join = p.list_join.fullmatch(text, a.end, figures[j].start)
            if not join or not _DIGITS.fullmatch(text, a.start, a.end):
                break
            chain.append((a, join.group()))
            j -= 1
        if not any("、" in w for _, w in chain):
            continue
        d = _DIGITS.match(text, b.num_start)
        if not d or Fraction(d.group()) == 0:
            continue
        factor = Fraction(b.value) / Fraction(d.group())
        for a, _ in chain:
            a.value = a.lower = a.upper = Fraction(text[a.start : a.end]) * factor
            a.unit, a.dimension, a.reason, a.qualifier = b.unit, b.dimension, None, "exact"
            if a.resolution is not None:
                a.resolution *= factor


def _change_pairs(text: str, out: list[Mention], p) -> None:
    """A bare 萬 / 億 amount that changes into an amount of money (從82萬降至77萬元, 由3.2億增至4.1億元)
    is money in the same currency: the writer names the unit once, on the second."""
    figures = sorted((m for m in out if m.kind == "quantity" and m.reason in (None, "bare number")), key=lambda m: m.start)
    for a, b in zip(figures, figures[1:], strict=False):
        if (b.reason is None and b.dimension and b.dimension.startswith("money") and a.unit in (None, "count")
                and text[a.end - 1] in p.section_chars and p.change_to.fullmatch(text, a.end, b.start)):
            a.unit, a.dimension, a.counted, a.reason = b.unit, b.dimension, None, None


def _document_currency(text: str, out: list[Mention], p) -> None:
    """A bare 元 in a document written in another currency: after a declaration ((新台幣，下同)), that
    currency; else, when the document's markers name one currency only (新台幣 / 年增率 for Taiwan,
    港元 / 本港 for Hong Kong) and no word names renminbi, that currency. An explicit 人民币 stays CNY."""
    declared = [(d.start(), p.currency_declare_map[d.group(1)]) for d in p.currency_declared.finditer(text)
                ] if any(w in text for w in p.currency_declare_words) else []
    default = page_currency(text)
    if default is None and not declared:
        return
    for m in out:
        if m.unit != "CNY" or m.reason is not None or p.renminbi.match(text, m.end - 1) or "人民币" in text[m.start : m.end]:
            continue
        cur = default
        for at, name in declared:
            if at > m.end + 1:
                break
            cur = name
        if cur and cur != "CNY":
            target, factor, dimension = canonical(cur)
            m.unit, m.dimension = target, dimension


@lru_cache(maxsize=4)
def page_currency(text: str) -> str | None:
    """The currency a page's markers name, when they name one only and no word names renminbi (kept for
    the last few texts: the figures' currency and the page's national words ask it of one text)."""
    p = patterns()
    # a marker that is a figure's own unit (12亿港元) says nothing of the page: a mainland page names
    # a foreign currency on each figure and keeps its bare 元 for renminbi
    found = {p.currency_marker_map[w.group()] for w in p.currency_markers.finditer(text)
             if w.group() not in p.currency_declare_map or not _after_figure(text, w.start(), p)}
    return next(iter(found)) if len(found) == 1 and not p.renminbi.search(text) else None


def _after_figure(text: str, at: int, p) -> bool:
    """Whether a word at `at` follows a number (one space allowed): 12亿港元, 30 港元."""
    before = text[max(0, at - 2) : at].rstrip(" ")
    return bool(before) and (before[-1].isdigit() or before[-1] in p.cn_chars)


def _unit_spaced(text: str, pos: int, p):
    """A unit word typed with spaces (六   个 百 分点); a separate pattern, as spaces are rare."""
    return p.unit_spaced.match(text, pos)


def _range_end(mention: Mention) -> Mention:
    a, b = mention.range_end
    end = Mention(start=a, end=b, kind="quantity", num_start=a, value=mention.upper, unit=mention.unit,
                  dimension=mention.dimension, qualifier="exact", reason="range end")
    end.lower = end.upper = mention.upper
    return end


_RANGE_FIRSTS = " -~〜至到—"
_CALENDAR_WORDS = "月日号"  # 前十一月, 十二日: a numeral before these names a month or a day, never counts them
_SYMBOL_LASTS = "$¥￥B "  # the last characters of the currency symbols (NT$, ¥, RMB) or a space


def _percent_range(text, pos, value, is_arabic, mention, p):
    """The upper end of a range of shares after its lower end and unit: 5%-8%, 5%至8%, 百分之五到百分之八,
    百分之一到三. After a % sign the upper end needs a % or 百分之 of its own (5%至2024年 is no range).
    Returns (upper value or None, new end)."""
    r = p.pct_range.match(text, pos)
    if not r:
        return None, pos
    signed = text[pos - 1] == "%"
    # 百分之五到三 and 百分之5至6 range in one script; 5%至2024年 does not
    if not (r.group(1) or r.group(3) or (not signed and is_arabic == r.group(2)[0].isdigit())):
        return None, pos
    if not (r.group(1) or r.group(3)) and (p.unit.match(text, r.end()) or p.measure.match(text, r.end())):
        return None, pos  # 按年升百分之四至三萬三千七百架次: 至 reaches another figure
    parsed = parse_number(r.group(2))
    if not parsed or parsed[0] <= value:
        return None, pos
    mention.range_end = r.span(2)
    return parsed[0], r.end()


_RANGE_SIGN = re.compile(r"[ ]?(?:-|~|〜|至|到|—)[ ]?")


def _unit_range(text, pos, word, factor, value, is_arabic, mention, p):
    """The upper end of a range that repeats its unit: 15亿元至25亿元, 300万元到500万元, 420方呎至760方呎,
    1,200伙至1,400多伙 (多 / 余 on the upper end widen it to the next step). The upper end is written
    in the same script as the lower. Returns (upper value in the lower end's unit or None, new end)."""
    r = _RANGE_SIGN.match(text, pos)
    nm = p.number.match(text, r.end()) if r else None
    if not nm or nm.group()[0].isdigit() != is_arabic:
        return None, pos
    q = nm.end()
    more = q < len(text) and text[q] in "多余"
    q += more
    if text.startswith(" ", q):
        q += 1
    if not text.startswith(word, q):
        return None, pos
    parsed = parse_number(nm.group().strip())
    if not parsed:
        return None, pos
    upper = parsed[0] + (next_step(parsed[0], parsed[1]) if more else 0)
    upper *= factor
    if upper <= value:
        return None, pos
    mention.range_end = nm.span()
    return upper, q + len(word)


def _read_longest(text, s, e, num_text, p, tolerance) -> tuple[Mention | None, bool]:
    """The mention for the numeral at [s, e); when it is no numeral as a whole, its longest head that
    is one (五十千, 百分之七十百分位, 两百点两). The flag says whether the numeral was cut."""
    if len(num_text) > 1 and num_text[-1] in p.small_units and (num_text[-2] in p.power_chars or num_text[-2].isdigit()) and p.unit.match(text, e - 1):
        # 260亿千瓦时, 220千伏: 千 right after a section word or a digit starts the unit (千瓦时, 千伏);
        # 两千米 stays 2000 米 (after a digit both readings have one value: 5千瓦 is 5 kW either way)
        e, num_text = e - 1, num_text[:-1]
    if num_text.endswith("兆") and p.mega.match(text, e):  # 5兆瓦: mega, not 10^12
        e, num_text = e - 1, num_text[:-1]
        if not num_text.strip():
            return None, False
    mention = _read(text, s, e, num_text, p, tolerance)
    if mention is None or mention.reason != "not a number":
        return mention, False
    if " " in num_text.strip():  # 3万 5万: two figures in a row; read the first, then the rest
        head = num_text[: num_text.rstrip().rindex(" ")].rstrip()
        while head and parse_number(head) is None and " " in head:
            head = head[: head.rindex(" ")].rstrip()
        if head and parse_number(head) is not None:
            return _read(text, s, s + len(head), head, p, tolerance), True
    if num_text[-1].isdigit():
        return mention, False
    for cut in range(e - 1, max(s, e - 3), -1):
        head = text[s:cut].rstrip()
        tail = head.rpartition("分之")[2].replace(" ", "")
        if text[cut] in p.power_chars and len(tail) > 1 and not any(ch in p.power_chars for ch in tail):
            mention.reason = "rough figure"  # 二三十: "twenty or thirty", not 23
            return mention, False
        if parse_number(head) is not None:
            return _read(text, s, cut, head, p, tolerance), True
    return mention, False


def _read(text, s, e, num_text, p, tolerance) -> Mention | None:
    body = num_text.removeprefix("零下").removeprefix("负").lstrip() if num_text[0] in "负零" else num_text
    is_arabic = body[0].isdigit() or body[0] == "."
    if is_arabic and s > 0 and (text[s - 1] in ".," and s > 1 and text[s - 2].isdigit()):
        return None  # the tail of a malformed number such as 1..5 or 1,2,3
    if s > 0 and text[s - 1].isascii() and text[s - 1].isalpha() and (is_arabic or text[s - 1].isupper()):
        # H100, GB二百: a number glued to Latin letters names a product or a code
        return Mention(start=s, end=e, kind="quantity", num_start=s, reason="code or version")
    if (not is_arabic and len(num_text) == 1 and num_text not in _COMMON_CN and not _standalone(text, s, e, p)
            and not p.unit.match(text, e)):
        return None  # 陆 in 陆续, 半 in 半导体: a lone rare numeral is a word, not a number
    parsed = parse_number(num_text)
    if parsed is None:
        return Mention(start=s, end=e, kind="quantity", num_start=s, reason="not a number")
    value, resolution = parsed
    per = _per_hundred(num_text, p) if "之" in num_text else None
    if per is not None:  # 百分之五, 千分之2.4, 万分之三: a share, in percent
        value, resolution = value * per, resolution * per
        is_arabic = False
    if is_arabic and s > 0 and text[s - 1] in "-−" and (s < 2 or not (text[s - 2].isdigit() or text[s - 2].isascii() and text[s - 2].isalpha())):
        value, s = -value, s - 1  # 同比增长-5%: a signed figure
    mention = Mention(start=s, end=e, kind="quantity", num_start=s, value=value, resolution=resolution)
    before = text[max(0, s - 8) : s]
    # ordinals: 第一, 首 ... are ranks after a rank verb, else not quantities
    if before and before[-1] in p.ordinal_lasts and p.ordinal_prefix.search(before):
        if p.rank_verb.search(text[max(0, s - 12) : s - 1]) and value == int(value):
            mention.start = s - 1
            mention.unit, mention.dimension = "rank", "rank"
            mention.end = e
            apply_qualifier(mention, tolerance)
            return mention
        mention.reason = "ordinal"
        return mention
    # qualifier before the number
    qb = p.qual_before.search(before)
    several = False
    if not qb and p.scale_before and not is_arabic and num_text[0] in p.power_chars and before:
        sb = p.scale_before.search(before)
        if sb:  # 上百家, 上千人: at least that scale
            mention.qualifier = p.scale_before_map[sb.group()]
            mention.start = s - len(sb.group())
    if qb and not (not is_arabic and qb.group().strip()[0] in "<>≤≥"):  # "> 四川": a quote mark, no sign
        mention.qualifier = p.qual_before_map[qb.group().strip()]
        mention.start = s - len(qb.group())
        if mention.qualifier == "several":  # 数百亿, 几十个: two to ten of the leading unit word
            several = not is_arabic and num_text[0] in p.power_chars
            mention.qualifier = "exact"
            if not several:
                mention.start = s
    if per is not None:
        mention.unit = "percent"
    elif s >= 3 and text[s - 1] == "之" and _PERCENT_WORD.search(text[max(0, s - 3) : s]):
        mention.start = min(mention.start, s - 3)
        mention.unit = "percent"
    pos = e
    # range: 10-20, 10至20
    rng = p.range_upper.match(text, pos)
    upper_value = None
    if rng and is_arabic == rng.group(1)[0].isdigit() and per is None:
        parsed2 = parse_number(rng.group(1))
        upper_text = rng.group(1).rstrip()
        if parsed2 and upper_text[-1] in p.power_chars and num_text[-1] not in p.power_chars:
            # 15至25亿: the section word of the upper end scales the lower one too
            scale = parsed2[0] / parse_number(upper_text.rstrip(p.power_chars) or "1")[0] if upper_text.rstrip(p.power_chars) else 1
            value, resolution = value * scale, resolution * scale
        if parsed2 and parsed2[0] > value:
            upper_value = parsed2[0]
            pos = rng.end()
            mention.range_end = rng.span(1)
    # 多 / 余 / + right after the number
    qa = p.qual_after.match(text, pos)
    if qa and p.qual_after_map[qa.group().strip()] in ("more", "at_least") and mention.qualifier in ("exact", "reach"):
        mention.qualifier = p.qual_after_map[qa.group().strip()]
        pos = qa.end()
        sec = p.section_after.match(text, pos) if mention.qualifier == "more" else None
        if sec:  # 十余万, 500多万, 二十几亿: the section word scales the number and its step
            scale = parse_number(sec.group().strip())[0]
            resolution = next_step(value, resolution) * scale
            value *= scale
            pos = sec.end()
    # unit or measure word
    unit_word = None
    range_word, range_factor = None, _ONE  # the word a repeated upper end must end with (15亿元至25亿元)
    if mention.unit is None:
        um = p.unit.match(text, pos) or (_unit_spaced(text, pos, p) if " " in text[pos : pos + 8] else None)
        if um and not (um.group().strip() in ("P", "E", "PF") and pos < len(text) - 1 and _is_latin_word_tail(text, um.end())):
            unit_word = um.group().strip()
            unit_name, factor = p.unit_map.get(unit_word) or p.unit_map[unit_word.replace(" ", "")]
            mention.unit = unit_name
            factor = _exact(factor)
            range_word, range_factor = unit_word, factor
            if factor != 1:  # Fraction arithmetic is slow; multiplying by one changes nothing
                value *= factor
                resolution *= factor
                if upper_value is not None:
                    upper_value *= factor
            pos = um.end()
            if text.startswith("半", pos) and unit_name != "percent" and _half_more(text, pos + 1, p):
                value += factor / 2  # 两年半, 3斤半: half a unit more
                resolution = min(resolution, factor / 2)
                pos += 1
            if unit_name == "percent" and unit_word.replace(" ", "") == p.tenth_word:  # 三成半, 七成六
                extra = _TENTH_TAIL.match(text, pos)
                if extra:
                    tail = Fraction(1, 2) if extra.group(1) == "半" else parse_number(extra.group(1))[0] / 10
                    value += tail * factor
                    resolution = min(resolution, factor / 10 if extra.group(1) != "半" else factor / 2)
                    pos = extra.end()
            elif unit_name == "CNY":
                value, resolution, pos = _money_subunits(text, pos, value, resolution, p)
                if p.currency_before and unit_word in ("元", "圆"):
                    cur = p.currency_before.search(text, max(0, mention.start - 8), mention.start)
                    if cur:  # 新台幣 1 兆元: 元 of the currency named before the figure
                        name = next(w for w in sorted(p.currency_map, key=len, reverse=True) if cur.group().startswith(w))
                        mention.unit = p.currency_map[name]
        elif p.discount_word in text[pos : pos + 3] and p.discount.match(text, pos):  # 七五折 = 75 %, 九折 = 90 %
            mention.unit = "percent"
            if num_text == "半":
                value = Fraction(50)
            elif value < 10:
                value, resolution = value * 10, resolution * 10
            elif not (10 <= value < 100 and len(num_text.replace(" ", "")) == 2 and value.denominator == 1
                      and not any(ch in p.power_chars for ch in num_text)):
                return Mention(start=s, end=e, kind="quantity", num_start=s, reason="not a number")  # 十折
            pos = p.discount.match(text, pos).end()
        else:
            mm = p.measure.match(text, pos)
            rate = mm and _ops_rate(text, s, mm, value, p)
            if rate:  # 每秒1亿亿次, 百亿亿次浮点运算: operations per second are compute
                value, resolution = value * rate, resolution * rate
                mention.unit = "PFLOPS"
                pos = rate_end(text, mm.end(), p)
            elif mm and text.startswith("半", mm.end()) and _measured_half(text, mm, p):
                # 三个半小时, 两个半月: the measure word, half a unit more, then the unit
                unit_word = _measured_half(text, mm, p)
                mention.unit, factor = p.unit_map[unit_word]
                factor = _exact(factor)
                value, resolution = (value + _HALF) * factor, min(resolution, _HALF) * factor
                pos = mm.end() + 1 + len(unit_word) - len(mm.group().strip())
            elif mm:
                mention.unit = "count"
                mention.counted = range_word = mm.group().strip()
                pos = mm.end()
                noun, noun_end = _counted_noun(text, pos)
                mention.counted_end = noun_end
                if noun:
                    mention.counted = mention.counted + noun
    if mention.unit is None and p.after_section and (num_text[-1] in p.section_chars or _GROUPED.search(num_text)):
        am = p.after_section.match(text, pos)
        if am:  # 2,800亿度, 300,000,000股: after a section word or grouped thousands, 度 and 股 are units
            unit_name, factor = p.after_section_map[am.group().strip()]
            mention.unit, pos = unit_name, am.end()
            if factor != 1:
                value, resolution = value * _exact(factor), resolution * _exact(factor)
    if mention.unit is None and p.after_decimal and ("." in num_text or "点" in num_text):
        am = p.after_decimal.match(text, pos)
        if am:  # 二點三日: a day of the month is never a decimal, so 日 after one counts days
            mention.unit, pos = p.after_decimal_map[am.group().strip()][0], am.end()
    if mention.unit is None and p.points_before and text.startswith("分", pos) and p.points_before.search(text, max(0, s - 10), s):
        mention.unit, pos = "score", pos + 1  # 场均攻下28.6分: a player's points
    if mention.unit is None and text.startswith("点", pos) and _index_before(text, s):
        mention.unit, pos = "index_point", pos + 1  # 售价指数报285.6点: an index's points
    if mention.unit is None and p.symbol_before and s > 0 and text[s - 1] in _SYMBOL_LASTS:
        sm = p.symbol_before.search(text, max(0, s - 6), s)
        if sm:  # NT$120亿, HK$ 30亿: the symbol names the currency
            mention.unit = p.symbol_map[sm.group().strip()]
            mention.start = min(mention.start, sm.start())
    if mention.unit is None and text.startswith("%", pos):
        mention.unit = "percent"
        pos += 1
    elif mention.unit == "percent" and text.startswith("%", pos):
        pos += 1
    if mention.unit == "percent" and upper_value is None and pos < len(text) and text[pos] in _RANGE_FIRSTS:
        upper_value, pos = _percent_range(text, pos, value, is_arabic, mention, p)
    elif range_word and upper_value is None and pos < len(text) and text[pos] in _RANGE_FIRSTS:
        upper_value, pos = _unit_range(text, pos, range_word, range_factor, value, is_arabic, mention, p)
    if not is_arabic and len(num_text) > 1 and num_text[0] in p.power_chars and len(set(num_text)) == 1:
        mention.reason, mention.end = "idiom", pos  # 万万没想到, 千千万万: emphasis, not a number
        return mention
    if mention.unit is None and (pos >= len(text) or text[pos] in p.implied_firsts or p.implied_before.search(text, max(0, s - 26), s)):
        mention.unit, value, resolution, pos = _implied_unit(text, s, pos, num_text, value, resolution, is_arabic, p)
    if mention.unit == "count" and mention.counted is None and text[pos - 1] == "半" and not is_arabic:
        mention.counted, mention.counted_end = "半", pos
    elif mention.unit == "count" and mention.counted is None:
        cn = _count_noun(text, pos, p)
        if cn:  # 300机柜, 三大枢纽: the counted noun is the listed word
            mention.counted, mention.counted_end = cn.group().strip(), cn.end()
        else:
            mention.counted, mention.counted_end = _counted_noun(text, pos)
    if mention.unit is None:
        # a number followed directly by a noun: 20+企业, 35 万昇腾开发者, 千亿参数
        noun, noun_end = _counted_noun(text, pos)
        signalled = mention.qualifier in ("at_least", "more") or (is_arabic and resolution >= 10000) or (
            not is_arabic and len(num_text) > 1)
        score = is_arabic and _score_nearby(text, s, pos)
        if score:
            mention.unit = "score"
        if score:
            pass
        elif noun and _CJK.match(noun) and signalled and noun[0] not in _CALENDAR_WORDS and not (
            is_arabic and _YEARLIKE.match(num_text) and mention.qualifier not in ("at_least", "more")):
            if resolution >= 10000 and p.money_after and p.money_after.match(noun):
                mention.unit = "CNY"  # 千亿营收, 50亿投资: a sum of money named after the figure
            else:
                mention.unit, mention.counted, mention.counted_end = "count", noun, noun_end
            if not is_arabic and num_text[0] not in "一二两三四五六七八九十":
                mention.qualifier = "approx"  # 千亿参数: a scale class
        else:
            mention.reason = "bare number" if not _YEARLIKE.match(num_text) else "year without 年"
            mention.end = pos
            if not is_arabic and pos <= e and not _bare_value_ok(text, s, pos, num_text, p):
                mention.value = None  # 一看, 两岸, 万万: a numeral inside a word is not a value
            else:
                mention.value, mention.resolution = value, resolution
                if mention.qualifier in ("exact", "reach"):
                    mention.qualifier, mention.lower, mention.upper = "exact", value, value
                else:
                    apply_qualifier(mention, tolerance)
            return mention
    # Chinese numerals alone are claims only with a unit or measure word, and never in idioms
    if not is_arabic:
        window = text[max(0, s - 2) : min(len(text), pos + 2)]
        im = p.idioms.search(window)
        if im or value == 1 and mention.unit == "count":
            mention.reason = "idiom"
            mention.end = pos
            return mention
    # qualifier after the unit: 以上, 左右, 以内
    qa2 = p.qual_after.match(text, pos)
    if qa2:
        word = qa2.group().strip()
        kind = p.qual_after_map[word]
        if kind in ("approx", "at_least", "at_most") and mention.qualifier in ("exact", "reach"):
            mention.qualifier = kind
            pos = qa2.end()
        elif (kind == "more" and mention.qualifier in ("exact", "reach") and upper_value is None and not several
              and not _CJK.match(text, qa2.end())):
            upper_value, pos = value + resolution, qa2.end()  # 增长6倍多。: more than six times, under seven
    prec = _PRECISION.match(text, pos) or None
    if prec:
        mention.precision = prec.group(1).upper()
    else:
        window = text[max(0, s - 12) : s]
        pb = _PRECISION_BEFORE.search(window) if ("F" in window or "INT" in window.upper()) else None
        if pb:
            mention.precision = pb.group(1).upper()
    mention.end = pos
    target, to_canon, dimension = canonical(mention.unit)
    if to_canon != 1:
        value, resolution = value * to_canon, resolution * to_canon
        if upper_value is not None:
            upper_value *= to_canon
    mention.value, mention.resolution = value, resolution
    mention.unit, mention.dimension = target, dimension
    if upper_value is not None:
        mention.lower, mention.upper = mention.value, upper_value
        mention.qualifier = "range"
    elif several:
        mention.value, mention.lower, mention.upper = 2 * mention.value, 2 * mention.value, 10 * mention.value
        mention.lower_open = mention.upper_open = False
        mention.qualifier = "range"
    if mention.qualifier == "reach":
        mention.qualifier = "exact"
    apply_qualifier(mention, tolerance)
    return mention


@cache
def _exact(factor: int | float) -> Fraction:
    """A unit's factor from the data files as an exact Fraction (through its decimal text)."""
    return Fraction(str(factor))


@cache
def _score_rx():
    words = alternation(norm_all(load_lexicon().metrics.metrics["score"].words))
    return re.compile(rf"^[^,。;]{{0,14}}?的(?:{words})"), re.compile(rf"(?:{words})(?:为|是|达|高达)?[ ]?$")


@cache
def _index_rx() -> re.Pattern | None:
    words = load_lexicon().units.index_before
    return re.compile(rf"(?:{alternation(norm_all(words.words))})[^,。;0-9]{{0,4}}$") if words and words.words else None


def _index_before(text: str, start: int) -> bool:
    """Whether an index word stands shortly before the figure (指数报285.6点, 恒指收报26500点)."""
    rx = _index_rx()
    return rx is not None and rx.search(text, max(0, start - 12), start) is not None


def _score_nearby(text: str, start: int, end: int) -> bool:
    """A bare figure that the sentence calls a score: 以7043.99和1129.75的得分, 得分为 85.5."""
    after, before = _score_rx()
    return bool(after.match(text[end : end + 24]) or before.search(text[max(0, start - 8) : start]))


# the tenths after 成: 三成半, 七成六, and in digits glued to it (跌1成3 = 13 %; 7成 3家 is 70 % and three firms)
_TENTH_TAIL = re.compile(r"(?:[ ]{0,2}(?=[半一二两三四五六七八九])|(?=[1-9](?:[^\d.%\u3400-\u9fff]|$)))"
                         r"(半|[一二两三四五六七八九]|[1-9])(?![一二两三四五六七八九十百千万亿点\d.%])")


def _per_hundred(num_text: str, p) -> Fraction | None:
    """100 when a fraction's denominator is a bare power of ten (百分之, 千分之, 万分之): the fraction times 100.

    Such a fraction is a share and reads as percent; 五百分之2.2 has a digit in its denominator and
    stays a plain fraction (2.2 / 500).
    """
    if "之" not in num_text:
        return None
    plain = num_text.replace(" ", "")
    if "分之" not in plain:
        return None
    den = plain.partition("分之")[0]
    if not den or any(ch not in p.power_chars for ch in den):
        return None
    return Fraction(100)  # the parsed value is already numerator / denominator


def _money_subunits(text: str, pos: int, value: Fraction, resolution: Fraction, p):
    """壹拾壹元壹角壹分: the 角 and 分 after 元 add tenths and hundredths of a yuan; 整 / 正 close the sum."""
    m = p.money_tail.match(text, pos)
    if not m or not m.group():
        return value, resolution, pos
    for digit, word in p.money_part.findall(m.group()):
        step = _exact(p.money_subunits[word])
        value += parse_number(digit)[0] * step
        resolution = min(resolution, step)
    return value, resolution, m.end()


def _bare_value_ok(text: str, s: int, e: int, num_text: str, p) -> bool:
    """Whether a Chinese numeral with no unit is a value: 三万五 and 十 standing alone are; a
    numeral inside a word (一看, 两岸, 四川), a lone section word (万), a doubled digit (两两, 九九)
    or an idiom (十分, 万一) is not."""
    plain = num_text.replace(" ", "")
    if len(set(plain)) == 1 and len(plain) > 1 and (plain[0] in p.power_chars or not _standalone(text, s, e, p)):
        return False  # 万万, 陽光九九是 (一一 alone is 11)
    if len(plain) == 1:
        if plain in p.power_chars and plain not in p.ten_chars:
            return False
        return _standalone(text, s, e, p)
    window = text[max(0, s - 2) : min(len(text), e + 2)]
    return not p.idioms.search(window)


def _implied_unit(text, s, pos, num_text, value, resolution, is_arabic, p):
    """A unit the words around a figure imply when none follows it: 300机柜 and 三大枢纽 count,
    总投资约120亿 is yuan, PUE 1.3 is a ratio. Returns (unit or None, value, resolution, new end)."""
    window = text[max(0, s - 26) : s]
    if p.before_unit and p.before_unit.search(window) and value < 10:
        bu = p.before_unit.search(window)
        name = next((w for w in p.before_unit_map if bu.group().startswith(w)), None)
        unit = p.before_unit_map[name] if name else next(iter(p.before_unit_map.values()))
        return unit[0], value, resolution, pos
    nxt = text[pos] if pos < len(text) else ""
    if p.count_before and not _CJK.match(nxt) and p.count_before.search(window):
        return "count", value, resolution, pos  # 急症室首次求診人次為5,912
    if nxt == "半" and not is_arabic and _pieces(text, pos + 1, value):
        return "count", value, resolution, pos + 1
    if nxt == "大" and not is_arabic:  # 三大枢纽: a count; 三大优势 stays an idiom
        cn = _count_noun(text, pos + 1, p)
        if cn:
            return "count", value, resolution, pos + 1
        return None, value, resolution, pos
    if (nxt in p.count_noun_firsts or nxt == " ") and nxt and _count_noun(text, pos, p) and not _YEARLIKE.match(num_text):
        return "count", value, resolution, pos
    if p.money_before and resolution >= 10000 and p.money_before.search(window[-12:]) and not _CJK.match(nxt):
        return "CNY", value, resolution, pos
    return None, value, resolution, pos


_HALF = Fraction(1, 2)


def _half_more(text: str, after: int, p) -> bool:
    """Whether the 半 before after adds half a unit to the figure before it (两年半, 3斤半, 一年半以来),
    not starts a word or a figure of its own (3年半导体, 两年半年报)."""
    return not (p.unit.match(text, after) or p.idioms.match(text, after - 1))


def _measured_half(text: str, mm, p) -> str | None:
    """The unit word of 个半小时 / 个半月 (个 + unit is a unit: 个小时, 个月) after the measure word of mm:
    rare enough that looking through the unit words is cheap."""
    word, at = mm.group().strip(), mm.end() + 1
    found = [u for u in p.unit_map if len(u) > len(word) and u.startswith(word) and text.startswith(u[len(word):], at)]
    return max(found, key=len) if found else None


_PIECES_AFTER = set("了的儿")


def _pieces(text: str, after: int, value) -> bool:
    """切成两半, 断成三半: a small Chinese numeral right before a 半 that ends the phrase counts the
    pieces something is split into (一半 is a half, 两半导体企业 and 两个半月 are other words)."""
    if not (2 <= value <= 10 and value.denominator == 1):
        return False
    return after >= len(text) or text[after] in _PIECES_AFTER or not _CJK.match(text[after])


def _count_noun(text: str, pos: int, p):
    """A listed count noun at pos (one space allowed); the first-character test skips the regex."""
    if pos >= len(text) or (text[pos] not in p.count_noun_firsts and text[pos] != " ") or p.count_noun is None:
        return None
    return p.count_noun.match(text, pos)


def _ops_rate(text, s, mm, value, p):
    """The factor to PFLOPS when a count of 次 is operations per second, else None."""
    if mm.group().strip() != "次" or value < 10**8:
        return None
    at = mm.start() + mm.group().index("次")
    after = p.ops_after and (p.ops_after.match(text, at) or (p.ops_context and p.ops_context.match(text, at)))
    before = p.ops_before and p.ops_before.search(text, max(0, s - 12), s)
    return Fraction(1, 10**15) if (after or before or value >= p.ops_always) else None


def rate_end(text, pos, p) -> int:
    """The end of 次 with its rate words (次每秒, 次浮点运算)."""
    m = p.ops_after.match(text, pos - 1) if p.ops_after else None
    return m.end() if m else pos


def _standalone(text: str, s: int, e: int, p) -> bool:
    """A numeral that stands as a word of its own: at the ends of the text, beside punctuation or
    spaces, or between function words (这是五那是四); not a character of a word (一看, 四川)."""
    before = text[s - 1] if s > 0 else ""
    after = text[e] if e < len(text) else ""
    return (not _CJK.match(before) or before in p.lone_before) and (not _CJK.match(after) or after in p.lone_after)


def _is_latin_word_tail(text: str, pos: int) -> bool:
    return pos < len(text) and text[pos].isascii() and text[pos].isalpha()
