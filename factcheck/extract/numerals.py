"""Numbers as written in Chinese and Arabic digits, to exact values with their printed resolution.

``parse_number("3万4000")`` gives 34000; ``parse_number("二十")`` 20; ``parse_number("1.5亿")``
150000000. The resolution is the step of the last printed digit (1.5亿 -> 0.1亿), which SEMANTICS.md
uses to widen an exact figure. Malformed input gives None, never an exception.

The grammar, in the order it is applied:

- a sign: 负 / - / − before the numeral (负三十二, -10.1万);
- a fraction: 三分之一, 五百分之2.2 (the denominator first, as Chinese writes it);
- a decimal point 点 after any whole part (十点五, 两千点零, 一百点123, 三点二亿), or a printed point
  between Chinese digits (二．五二兆, as Taiwan papers print it);
- sections split at the largest section word (亿, then 万), each side read on its own, so
  一千一百万一千亿 and 3万亿 land at the right magnitude and 5万4千6百, 100万三千 mix scripts;
- a spoken last digit with its unit dropped takes the next smaller unit: 三万五 = 35000,
  两千三 = 2300, 一百二 = 120 (only a single Chinese digit right after the unit word);
- a run of digit characters with no unit word is positional: 一二三 = 123, 二〇二一 = 2021.

Own code rather than cn2an: cn2an 0.5.24 reads the same numerals (it is the reference the tests
were measured against) but gives no resolution, rejects mixed strings with spaces and units,
and is slower per call than this cached parser (benchmarks in the README of the helper's report).
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import cache, lru_cache

from factcheck.lang import load_lexicon

_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_ARABIC_ALL = re.compile(r"(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)\Z")
MAX_DIGITS = 40  # longer digit strings are identifiers, not quantities
MAX_VALUE = 10**MAX_DIGITS  # 亿亿亿亿亿亿 piled up past this is not a quantity either
_EXPONENT = re.compile(r"(\d+(?:\.\d+)?)[eE]([+-]?[12]?\d)\Z")
_POWER = re.compile(r"(\d+(?:\.\d+)?)\^([+-]{0,2})(\d{1,2})\Z")
_MIXED = re.compile(r"(\d{1,3})[ ]+(\d{1,3})/(\d{1,3})\Z")
_SLASH = re.compile(r"(\d{1,6})/(\d{1,6})\Z")
_SIGNS = ("负", "-", "−", "零下")  # 零下四度: below zero


@cache
def _tables():
    n = load_lexicon().numerals
    big = sorted(n.sections.items(), key=lambda kv: -kv[1])
    return n.digits, n.units, n.sections, n.aliases, n.fractions, big


@cache
def _letters() -> dict[str, int]:
    return load_lexicon().numerals.letter_sections


def _arabic(text: str) -> tuple[Fraction, Fraction]:
    plain = text.replace(",", "")
    if plain.startswith("."):
        plain = "0" + plain
    if "." in plain:
        _whole, frac = plain.split(".")
        return Fraction(plain), Fraction(1, 10 ** len(frac))
    return Fraction(int(plain)), Fraction(1)


@lru_cache(maxsize=8192)
def parse_number(text: str) -> tuple[Fraction, Fraction] | None:
    """(value, resolution) of a numeral in Arabic digits, Chinese characters or a mix.

    Cached: the same figures recur through a long article, and the result is immutable.
    """
    digits, _units, _sections, aliases, fractions, _big = _tables()
    mixed = _MIXED.match(text)
    if mixed:  # 1 3/5: a whole number, a space and a fraction (before spaces are dropped)
        whole, num, den = (int(g) for g in mixed.groups())
        return (whole + Fraction(num, den), Fraction(1, den)) if den else None
    s = "".join(aliases.get(ch, ch) for ch in text if not ch.isspace())
    if not s or len(s) > MAX_DIGITS + 10:
        return None
    sign = 1
    if s.startswith(_SIGNS) and s != "零下":
        sign, s = -1, s[2:] if s.startswith("零下") else s[1:]
        if not s or s.startswith(_SIGNS):
            return None
    parsed = _unsigned(s)
    if parsed is None:
        return None
    value, res = parsed
    if value >= MAX_VALUE or res <= 0:
        return None
    return sign * value, res


def _unsigned(s: str) -> tuple[Fraction, Fraction] | None:
    digits, _units, _sections, _aliases, fractions, _big = _tables()
    if s in fractions:
        v = Fraction(str(fractions[s]))
        return v, v
    if "又" in s:  # 三百五又三分之一: a whole number and a fraction
        whole, _, part = s.partition("又")
        head, tail = _unsigned(whole) if whole else None, _unsigned(part) if "分之" in part else None
        if head is None or tail is None or tail[0] >= 1 or head[0].denominator != 1:
            return None
        return head[0] + tail[0], tail[1]
    if "分之" in s:  # 三分之一: the denominator is written first
        den_text, _, num_text = s.partition("分之")
        sign = -1 if num_text.startswith(_SIGNS) else 1
        num_text = num_text[1:] if sign < 0 else num_text
        if den_text.startswith(_SIGNS):  # 负3分之负157: two signs cancel
            sign, den_text = -sign, den_text[1:]
        den = _unsigned(den_text) if den_text else None
        num = _unsigned(num_text) if num_text and "分之" not in num_text else None
        if den is None or num is None or den[0] == 0:
            return None
        return sign * num[0] / den[0], num[1] / den[0]
    if "." in s and s[0] in digits and s.count(".") == 1:  # 二.五二兆 (printed 二．五二兆): a point for 点
        s = s.replace(".", "点")
    if "点" in s:  # 〇点五, 三点二亿, 十点五, 一百点123: a decimal point in Chinese numerals
        return _decimal(s)
    if _ARABIC_ALL.match(s):
        return _arabic(s)
    power = _POWER.match(s)
    if power:  # 2^5, 2.5^-1, 1.1^--23 (two minus signs cancel)
        base = _arabic(power.group(1))[0]
        exponent = Fraction(power.group(3)) * (-1 if power.group(2).count("-") % 2 else 1)
        if base == 0 or exponent.denominator != 1:
            return None
        value = base ** int(exponent)
        return value, Fraction(1, 10**6) if value.denominator != 1 else Fraction(1)
    slash = _SLASH.match(s)
    if slash:  # 3/5, 16/5: a fraction in digits
        num, den = int(slash.group(1)), int(slash.group(2))
        return (Fraction(num, den), Fraction(1, den)) if den else None
    exp = _EXPONENT.match(s)
    if exp:  # 2e5, 1.5E-3: scientific notation, within what a quantity can be
        value, res = _arabic(exp.group(1))
        power = int(exp.group(2))
        return value * Fraction(10) ** power, res * Fraction(10) ** power
    letter = _letters().get(s[-1])
    if letter and _ARABIC_ALL.match(s, 0, len(s) - 1):  # 15k, 10.85M
        value, res = _arabic(s[:-1])
        return value * 10**letter, res * 10**letter
    # a run of digit characters with no units is positional: 二〇二一 -> 2021, 〇〇〇 -> 0
    if len(s) > 1 and all(ch in digits for ch in s) and "两" not in s:
        return Fraction(int("".join(str(digits[ch]) for ch in s))), Fraction(1)
    return _sectioned(s)


def _decimal(s: str) -> tuple[Fraction, Fraction] | None:
    digits, _units, sections, _aliases, _fractions, _big = _tables()
    whole, _, rest = s.partition("点")
    mult = ""
    while rest and rest[-1] in sections:
        mult, rest = rest[-1] + mult, rest[:-1]
    if not whole or not rest or "点" in rest:
        return None
    if rest.isdigit() and rest.isascii():
        frac_digits = rest
    elif all(ch in digits for ch in rest) and "两" not in rest:  # 一点两: 两 is no decimal digit
        frac_digits = "".join(str(digits[ch]) for ch in rest)
    else:
        return None
    head = _unsigned(whole)
    if head is None or head[0].denominator != 1:
        return None
    res = Fraction(1, 10 ** len(frac_digits))
    value = head[0] + Fraction(int(frac_digits)) * res
    for ch in mult:
        value, res = value * 10 ** sections[ch], res * 10 ** sections[ch]
    return value, res


def _sectioned(s: str) -> tuple[Fraction, Fraction] | None:
    """A numeral split at its largest section word (亿 before 万): left × section + right."""
    digits, _units, _sections, _aliases, _fractions, big = _tables()
    for word, power in big:
        i = s.rfind(word)
        if i < 0:
            continue
        left, right = s[:i], s[i + 1 :]
        if word in left and not left.endswith(word):
            return None  # 3万5万: two figures, not one (万万 and 百万万 pile sections up)
        mult = 10**power
        if left:
            head = _unsigned(left)
            if head is None:
                return None
        else:
            head = (Fraction(1), Fraction(1))  # 万 alone, 亿万: one of the section
        value = head[0] * mult
        if not right:
            return value, head[1] * mult
        if head[0].denominator != 1:
            return None  # 10.1万零100: a decimal section takes no remainder
        zero = right[0] in digits and digits[right[0]] == 0 and len(right) > 1
        stripped = right.lstrip("".join(ch for ch, v in digits.items() if v == 0)) if zero else right
        if not stripped:
            return None
        if not zero and len(stripped) == 1 and stripped in digits:
            step = Fraction(mult, 10)  # 三万五: the dropped unit is the next smaller one
            return value + digits[stripped] * step, step
        tail = _unsigned(stripped)
        if tail is None or tail[0] >= mult:
            return None
        return value + tail[0], tail[1]
    return _small(s)


def _small(s: str) -> tuple[Fraction, Fraction] | None:
    """A numeral below the first section word: digits and the units 十 百 千, Arabic parts allowed.

    Plain ints where the parts are whole (Fraction arithmetic is several times slower); a Fraction
    enters only with an Arabic decimal.
    """
    digits, units, _sections, _aliases, _fractions, _big = _tables()
    total = 0
    current = None
    current_res = 1
    last_res = 1
    unit_seen = 10**99  # units must come in falling order
    last_unit = 0  # the power of the unit just read (0 when the last thing read was not a unit)
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        if ch in digits:
            if current is not None and current != 0:
                return None
            current, current_res = digits[ch], 1
            i += 1
            if current and i == n and last_unit > 1:
                step = 10 ** (last_unit - 1)  # 一百二 = 120, 两千三 = 2300
                return Fraction(total + current * step), Fraction(step)
            last_unit = 0 if current else -1
            continue
        if ch in units:
            mult = 10 ** units[ch]
            if mult >= unit_seen:  # 十十, 千千, 十百: not a numeral
                return None
            unit_seen = mult
            total += (current or 1) * mult  # 十 alone and 零十 (in 一千零十) are one ten
            last_res = current_res * mult
            current = None
            last_unit = units[ch]
            i += 1
            continue
        m = _ARABIC.match(s, i)
        if not m:
            return None
        if current is not None and (current != 0 or current_res != 1 or not total):
            return None  # 1千零20 has Arabic after 零; 12 3 has two numbers
        if len(m.group().replace(",", "").replace(".", "")) > MAX_DIGITS:
            return None
        current, current_res = _arabic(m.group())
        i, last_unit = m.end(), 0
    if current is not None:
        # a trailing digit after a unit: 二十五 -> 25; 3千4 is not read as spoken
        total += current
        last_res = current_res
    return Fraction(total), Fraction(last_res)
