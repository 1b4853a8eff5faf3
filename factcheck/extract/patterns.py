"""Compiled regular expressions built once from the data files (normalised like the text)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.ingest.textmap import _WIDTH, to_simplified
from factcheck.lang import load_lexicon
from factcheck.lang.loader import alternation


def norm(word: str) -> str:
    """A data word folded the way the analysis text is (width, traditional to simplified)."""
    return to_simplified(word.translate(_WIDTH))


def norm_all(words) -> list[str]:
    return [norm(w) for w in words]


# the signs and words between the ends of a range: 10-20, 10~20, 10〜20 (a wave dash), 10至20, 10到20, 10—20
_RANGE_SIGNS = "-|~|〜|至|到|—"

ARABIC = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _words_rx(words, tail: str, start: bool = True) -> re.Pattern | None:
    """words (longest first) followed by tail; start: matched at a position (re.match), else searched."""
    if not words:
        return None
    return re.compile(("[ ]?" if start else "") + rf"(?:{alternation(norm_all(words))}){tail}")


def spaced_alternation(words) -> str:
    """An alternation of unit words (longest first) that allows spaces between Chinese characters:
    个 百 分点 is 个百分点 as typed with spaces."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        piece = re.escape(w[0])
        for a, b in zip(w, w[1:], strict=False):
            piece += ("[ ]{0,2}" if "\u3400" <= a <= "\u9fff" and "\u3400" <= b <= "\u9fff" else "") + re.escape(b)
        out.append(piece)
    return "|".join(out)


@dataclass(frozen=True)
class Patterns:
    number: re.Pattern
    qual_before: re.Pattern
    qual_after: re.Pattern
    qual_before_map: dict
    scale_before: re.Pattern | None  # 上百家: a word that qualifies a bare scale word only
    scale_before_map: dict
    qual_after_map: dict
    unit: re.Pattern  # a unit word right after a number (one space allowed before it)
    unit_spaced: re.Pattern  # the same typed with spaces inside (个 百 分点), tried only where spaces follow
    unit_map: dict
    measure: re.Pattern
    filters: list[tuple[str, re.Pattern, re.Pattern | None]]
    idioms: re.Pattern
    ordinal_prefix: re.Pattern
    rank_verb: re.Pattern
    cn_chars: str
    power_chars: str  # 十 百 千 万 亿 (and their financial and traditional forms)
    small_units: str  # 十 百 千
    ten_chars: str  # the characters for ten
    tenth_word: str  # 成: tenths, read as percent
    discount: re.Pattern | None
    money_tail: re.Pattern
    money_part: re.Pattern
    money_subunits: dict
    section_after: re.Pattern  # a section word right after 多 / 余 / 几 (十余万)
    mega: re.Pattern  # 兆 before these is the SI prefix mega (兆瓦)
    count_noun: re.Pattern | None  # 300机柜, 三大枢纽: nouns that count with no measure word
    ordinal_lasts: str  # the last characters of the ordinal prefixes (第, 首)
    range_upper: re.Pattern  # 10-20, 10至20: the upper end of a range right after a number
    pct_range: re.Pattern  # 5%-8%, 百分之五到百分之八, 百分之一到三: the upper end of a range of shares
    currency_before: re.Pattern | None  # 新台幣 1 兆元: the currency of a figure in 元, named before it
    currency_map: dict
    currency_declared: re.Pattern | None  # (新台幣，下同): the currency of this and every later bare 元
    currency_markers: re.Pattern | None  # words that mark a document's own currency (新台幣, 本港)
    currency_marker_map: dict
    currency_declare_map: dict
    after_section: re.Pattern | None  # 2,800亿度: a unit word only after a section word
    after_section_map: dict
    after_decimal: re.Pattern | None  # 二點三日: a unit word only after a decimal
    after_decimal_map: dict
    count_before: re.Pattern | None  # 求診人次為5,912: the counted thing named right before a bare figure
    change_to: re.Pattern | None  # 降至 / 增至 between two amounts (從82萬降至77萬元)
    list_join: re.Pattern | None  # 、 / 及 between listed figures (55、40、28奈米)
    section_chars: str  # 万 亿 兆
    points_before: re.Pattern | None  # 场均攻下28.6分: 分 as points
    symbol_before: re.Pattern | None  # NT$120亿: a currency symbol glued before a figure
    symbol_map: dict
    currency_declare_words: tuple  # 下同: a cheap test before the declaration pattern
    renminbi: re.Pattern | None
    implied_firsts: str  # characters after a figure that may start an implied unit (大, count nouns, a space)
    implied_before: re.Pattern  # words before a figure that may imply its unit (PUE, 总投资)
    count_noun_firsts: str  # their first characters (a cheap test before the regex)
    discount_word: str  # 折
    money_before: re.Pattern | None  # 总投资约120亿: a bare 亿 figure that is yuan
    money_after: re.Pattern | None  # 千亿营收: the same words right after a bare 亿 figure
    before_unit: re.Pattern | None  # PUE 1.3: a unit named before the figure
    before_unit_map: dict
    ops_after: re.Pattern | None  # 次每秒 / 次浮点运算: a count of operations that is a rate
    ops_before: re.Pattern | None
    ops_context: re.Pattern | None
    ops_always: int
    lone_before: str  # function words around a one-character numeral that stands alone
    lone_after: str


@cache
def patterns() -> Patterns:
    lex = load_lexicon()
    n = lex.numerals
    cn_chars = "".join(sorted(set(n.digits) | set(n.units) | set(n.sections) | set(n.aliases)))
    mult = "".join(sorted(lex.units.multipliers))
    cn_digits = "".join(sorted(set(n.digits)))
    small_mult = "".join(sorted(n.units))
    fraction_words = alternation(n.fractions)  # 半百, 半
    letters = "".join(sorted(n.letter_sections))
    big_letters = "".join(ch for ch in letters if n.letter_sections[ch] > 3)
    small_letters = "".join(ch for ch in letters if n.letter_sections[ch] <= 3)
    cn_run = rf"[{cn_chars}]+(?:[ ]{{1,2}}[{cn_chars}]+)*"  # 三 万 五: spaces inside a numeral
    arabic = (
        # Arabic digits never start right after a digit, '.', ',' or an exponent (1..5, 1,,000, 1.79e+308)
        rf"(?<!\d)(?<!\.)(?<![\d,],)(?<!\d[eE])(?<!\d[eE][+-])(?:{ARABIC})"
    )
    # 十点五, 一百点123; 二．五二兆 (Taiwan prints Chinese digits with a full-width point)
    cn_dec = rf"{cn_run}(?:[ ]{{0,2}}点[ ]{{0,2}}(?:{cn_run}|\d+)|\.(?=[{cn_digits}]){cn_run})?"
    numerator = rf"(?:负[ ]?)?(?:{ARABIC}(?:[ ]?[{small_letters}](?![A-Za-z]))?|{cn_dec})"
    frac_tail = rf"[ ]{{0,2}}分[ ]{{0,2}}之[ ]{{0,2}}{numerator}"
    number = re.compile(
        # Arabic digits with magnitude words or letters: 3万4000, 5万4千6百, 100万三千, 15k, 10.85M, 2e5
        rf"(?:(?:(?:负|零下)[ ]?)?{arabic}(?:[eE][+-]?\d{{1,2}}(?![\d.])|\^[+-]{{0,2}}\d{{1,2}}(?:\.\d+)?(?![\d.])|/\d+(?![\d/.])(?<!\d/0)|[ ]?[{small_letters}](?![A-Za-z])|[ ]?[{big_letters}](?![A-Za-z\u3400-\u9fff])"
        # a whole number and a fraction in digits: 1 3/5
        rf"|[ ]\d{{1,3}}/\d{{1,3}}(?![\d/.])"
        rf"|(?:[ ]{{0,2}}[{mult}]+(?:零?(?:{ARABIC})(?:[ ]?[{mult}]+)?|[{cn_digits}][{mult}]+|[ ]{{1,2}}(?:{ARABIC}|[{cn_digits}])[ ]?[{small_mult}]|[ ]{{1,2}}(?:{ARABIC})[ ]?[{mult}]+)*)?)"
        # Chinese numerals, with a decimal part: 十点五, 一百点123, 负三十二, 零下四
        rf"|(?:(?:负|零下)[ ]?)?{cn_dec}|{fraction_words})"
        # then a fraction's numerator after its denominator (三分之一, 五百分之2.2, 百分之负三点八, 百 分 之 2.4),
        # or a whole number and a fraction (三百五又三分之一)
        rf"(?:[ ]{{0,2}}又[ ]{{0,2}}(?:{ARABIC}|{cn_run}){frac_tail}|{frac_tail})?"
        # a decimal with no whole part: .5
        rf"|(?<![\dA-Za-z.])\.\d+(?![\d.])(?:[eE][+-]?\d{{1,2}}(?![\d.]))?"
    )
    qb = {norm(k): v for k, v in lex.qualifiers.before.items()}
    qa = {norm(k): v for k, v in lex.qualifiers.after.items()}
    units = {norm(k): v for k, v in lex.units.units.items()}
    disc = lex.units.discount
    dc = lex.units.document_currency
    subunits = lex.units.money_subunits
    digit_class = "".join(sorted(set(n.digits) - {ch for ch, v in n.digits.items() if v == 0}))
    sub_words = "".join(sorted(subunits)) or "角"
    return Patterns(
        number=number,
        qual_before=re.compile(rf"(?:{alternation(qb)})[ ]?$"),
        qual_after=re.compile(rf"[ ]?(?:{alternation(qa)})"),
        qual_before_map=qb,
        scale_before=re.compile(rf"(?:{alternation(norm_all(lex.qualifiers.before_scale))})$") if lex.qualifiers.before_scale else None,
        scale_before_map={norm(k): v for k, v in lex.qualifiers.before_scale.items()},
        qual_after_map=qa,
        unit=re.compile(rf"[ ]?(?:{alternation(units)})(?![A-Za-z])"),
        unit_spaced=re.compile(rf"[ ]{{0,4}}(?:{spaced_alternation(units)})(?![A-Za-z])"),
        unit_map=units,
        measure=re.compile(rf"[ ]?(?:{alternation(norm_all(lex.units.measure_words.words))})"),
        filters=[
            (name, re.compile(rx), re.compile(lex.filters.pattern_hints[name]) if name in lex.filters.pattern_hints else None)
            for name, rx in lex.filters.patterns.items()
        ],
        # an idiom (一家, 一个, 之一) never starts inside a longer numeral (二十一家, 十一个) or a fraction
        # (三分之一) or an ordinal (第一场), 十分 / 万分 before 之 are denominators (万分之三), and 一年 / 一天
        # before 半 are a duration (一年半)
        idioms=re.compile(rf"(?<![{cn_chars}分 第])(?:{alternation(norm_all(lex.filters.idioms.words))})(?![之半])"),
        ordinal_prefix=re.compile(rf"(?:{alternation(norm_all(lex.filters.ordinal.prefixes))})$"),
        rank_verb=re.compile(rf"(?:{alternation(norm_all(lex.filters.rank_verbs.words))})[^,。;]{{0,4}}$"),
        cn_chars=cn_chars,
        power_chars="".join(sorted(set(n.units) | set(n.sections))),
        small_units="".join(sorted(n.units)),
        ten_chars="".join(ch for ch, v in n.units.items() if v == 1),
        tenth_word=next((norm(k) for k, v in lex.units.units.items() if v[0] == "percent" and v[1] == 10), "成"),
        discount=re.compile(rf"[ ]{{0,2}}{re.escape(disc.word)}(?![{re.escape(disc.not_before)}])") if disc else None,
        # 壹角, 捌分, 整: what may follow 元 in a written sum
        money_tail=re.compile(rf"(?:(?:[{digit_class}\d][{sub_words}])+(?:[整正])?|[整正])"),
        money_part=re.compile(rf"([{digit_class}\d])([{sub_words}])"),
        money_subunits=subunits,
        ordinal_lasts="".join(sorted({norm(w)[-1] for w in lex.filters.ordinal.prefixes})),
        range_upper=re.compile(rf"[ ]?(?:{_RANGE_SIGNS})[ ]?((?:{ARABIC})(?:[ ]?[{cn_chars}]*[万亿兆])?|[{cn_chars}]+)"),
        pct_range=re.compile(rf"[ ]?(?:{_RANGE_SIGNS})[ ]?(百分之[ ]?)?({ARABIC}|{cn_dec})([ ]?%)?"),
        currency_before=_words_rx(list(lex.units.currency_before) or None, "[^,。;0-9]{0,3}$", start=False),
        currency_map={norm(k): v for k, v in lex.units.currency_before.items()},
        currency_declared=re.compile(
            rf"\([ ]?({alternation(norm_all(dc.declare))})[ ]?[,、;]?[ ]?(?:{alternation(norm_all(dc.declare_words))})[ ]?\)")
            if dc else None,
        currency_markers=re.compile(
            alternation(norm_all(dc.markers))
            + (rf"|{_not_after(norm(dc.figure_markers_not_after))}(?:{alternation(norm_all(dc.figure_markers))})(?=[ ]?[\d{cn_chars}逾近约超达率])"
               if dc.figure_markers else ""))
            if dc else None,
        currency_marker_map={norm(k): v for k, v in {**dc.markers, **dc.figure_markers}.items()} if dc else {},
        currency_declare_map={norm(k): v for k, v in dc.declare.items()} if dc else {},
        currency_declare_words=tuple(norm_all(dc.declare_words)) if dc else (),
        after_section=_words_rx(list(lex.units.after_section) or None, ""),
        after_section_map={norm(k): tuple(v) for k, v in lex.units.after_section.items()},
        after_decimal=_words_rx(list(lex.units.after_decimal) or None, ""),
        after_decimal_map={norm(k): tuple(v) for k, v in lex.units.after_decimal.items()},
        list_join=(re.compile(rf"[ ]?(?:{alternation(norm_all(lex.units.list_join.words))})[ ]?") if lex.units.list_join else None),
        change_to=(re.compile(rf"[ ]?(?:{alternation(norm_all(lex.units.change_to.words))})[ ]?") if lex.units.change_to else None),
        count_before=(re.compile(rf"(?:{alternation(norm_all(lex.units.count_before.words))})[ ]?(?:{alternation(norm_all(lex.units.count_before.verbs))})?[ ]?$")
                      if lex.units.count_before else None),
        section_chars="".join(sorted(n.sections)),
        points_before=_words_rx(lex.units.points_before.words if lex.units.points_before else None, "[^,。;0-9]{0,4}$", start=False),
        symbol_before=re.compile(rf"(?:{alternation(norm_all(lex.units.symbol_before))})[ ]?$") if lex.units.symbol_before else None,
        symbol_map={norm(k): v for k, v in lex.units.symbol_before.items()},
        renminbi=re.compile(alternation(norm_all(dc.renminbi))) if dc else None,
        implied_firsts="".join(sorted({"大", " ", "半"} | {norm(w)[0] for w in (lex.units.count_nouns.words if lex.units.count_nouns else [])})),
        implied_before=re.compile("|".join(re.escape(norm(w)) for w in sorted(
            set(lex.units.before_units) | set(lex.units.money_words.words if lex.units.money_words else [])
            | set(lex.units.count_before.words if lex.units.count_before else []), key=len, reverse=True))
            or "(?!)"),
        count_noun_firsts="".join(sorted({norm(w)[0] for w in (lex.units.count_nouns.words if lex.units.count_nouns else [])})),
        discount_word=disc.word if disc else "\x00",
        count_noun=_words_rx(lex.units.count_nouns.words if lex.units.count_nouns else None, ""),
        money_after=_words_rx(lex.units.money_words.words if lex.units.money_words else None, "", start=False),
        money_before=_words_rx(lex.units.money_words.words if lex.units.money_words else None, "[^,。;]{0,6}$", start=False),
        before_unit=_words_rx(list(lex.units.before_units) or None, "[^,。;0-9]{0,20}$", start=False),
        before_unit_map=dict(lex.units.before_units),
        ops_after=_words_rx(lex.units.ops_rate.after if lex.units.ops_rate else None, ""),
        ops_context=_words_rx(lex.units.ops_rate.context if lex.units.ops_rate else None, ""),
        ops_always=int(lex.units.ops_rate.always_from) if lex.units.ops_rate else 10**13,
        ops_before=_words_rx(lex.units.ops_rate.before if lex.units.ops_rate else None, "[^,。;]{0,10}$", start=False),
        lone_before=lex.filters.lone_numeral.before if lex.filters.lone_numeral else "",
        lone_after=lex.filters.lone_numeral.after if lex.filters.lone_numeral else "",
        mega=re.compile(rf"(?:{alternation(n.mega_words.words if n.mega_words else ['瓦'])})"),
        section_after=re.compile(rf"[ ]{{0,2}}[{''.join(sorted(n.sections))}]+"),
    )


def _not_after(chars: str) -> str:
    """A lookbehind that keeps a marker from starting right after one of `chars` (按年增 is no 年增)."""
    return f"(?<![{re.escape(chars)}])" if chars else ""
