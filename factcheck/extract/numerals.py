"""Numbers as written in Chinese and Arabic digits, to exact values with their printed resolution.

``parse_number("3万4000")`` gives 34000; ``parse_number("二十")`` 20; ``parse_number("1.5亿")``
150000000. The resolution is the step of the last printed digit (1.5亿 -> 0.1亿), which SEMANTICS.md
uses to widen an exact figure. Malformed input gives None, never an exception.
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import cache, lru_cache

from factcheck.lang import load_lexicon

_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
MAX_DIGITS = 40  # longer digit strings are identifiers, not quantities
MAX_VALUE = 10**MAX_DIGITS  # 亿亿亿亿亿亿 piled up past this is not a quantity either


@cache
def _tables():
    n = load_lexicon().numerals
    return n.digits, n.units, n.sections, n.aliases, n.fractions


def _arabic(text: str) -> tuple[Fraction, Fraction]:
    plain = text.replace(",", "")
    if "." in plain:
        whole, frac = plain.split(".")
        return Fraction(plain), Fraction(1, 10 ** len(frac))
    return Fraction(int(plain)), Fraction(1)


@lru_cache(maxsize=8192)
def parse_number(text: str) -> tuple[Fraction, Fraction] | None:
    """(value, resolution) of a numeral in Arabic digits, Chinese characters or a mix.

    Cached: the same figures recur through a long article, and the result is immutable.
    """
    digits, units, sections, aliases, fractions = _tables()
    s = "".join(aliases.get(ch, ch) for ch in text if not ch.isspace())
    if not s or len(s) > MAX_DIGITS + 10:
        return None
    if s in fractions:
        v = Fraction(str(fractions[s]))
        return v, v
    if "点" in s:  # 〇点五, 三点二亿: a decimal point in Chinese numerals
        whole, _, rest = s.partition("点")
        mult = ""
        while rest and rest[-1] in sections:
            mult, rest = rest[-1] + mult, rest[:-1]
        if not rest or any(ch not in digits for ch in rest) or "点" in rest:
            return None
        head = parse_number(whole) if whole else (Fraction(0), Fraction(1))
        if head is None or head[1] != 1:
            return None
        frac = Fraction(int("".join(str(digits[ch]) for ch in rest)), 10 ** len(rest))
        value, res = head[0] + frac, Fraction(1, 10 ** len(rest))
        for ch in mult:
            value, res = value * 10 ** sections[ch], res * 10 ** sections[ch]
        return value, res
    # a run of digit characters with no units is positional: 二〇二一 -> 2021, 〇〇〇 -> 0
    if all(ch in digits for ch in s) and len(s) > 1:
        value = int("".join(str(digits[ch]) for ch in s))
        return Fraction(value), Fraction(1)
    total = Fraction(0)  # completed sections (above 亿 / 万)
    section = Fraction(0)  # the part below the current section unit
    current: Fraction | None = None
    current_res = Fraction(1)
    last_res = Fraction(1)
    big_seen = 10**99
    unit_seen = 10**99  # the last small unit (十 百 千) of this section: they must come in falling order
    i = 0
    while i < len(s):
        ch = s[i]
        m = _ARABIC.match(s, i)
        if m:
            if current is not None:
                return None
            if len(m.group().replace(",", "").replace(".", "")) > MAX_DIGITS:
                return None
            current, current_res = _arabic(m.group())
            i = m.end()
            continue
        if ch in digits:
            if current is not None and current != 0:
                return None
            current, current_res = Fraction(digits[ch]), Fraction(1)
        elif ch in units:
            mult = 10 ** units[ch]
            if mult >= unit_seen:  # 十十, 千千, 十百: not a numeral
                return None
            unit_seen = mult
            base = current if current else Fraction(1)  # 十 alone and 零十 (in 一千零十) are one ten
            section += base * mult
            last_res = current_res * mult
            current = None
        elif ch in sections:
            mult = 10 ** sections[ch]
            if mult >= big_seen:  # 万万 / 亿亿: multiply everything so far
                total = (total + section + (current or 0)) * mult
                last_res = last_res * mult
                section, current = Fraction(0), None
                unit_seen = 10**99
                i += 1
                continue
            part = section + (current if current is not None else (0 if section else 1))
            if current is not None:
                last_res = current_res
            elif not section:  # a bare 万 after 亿 (亿万) stands for one 万, printed to the 万
                last_res = Fraction(1)
            total += part * mult
            last_res *= mult
            big_seen = mult
            section, current = Fraction(0), None
            unit_seen = 10**99
        else:
            return None
        i += 1
    if current is not None:
        # a trailing digit after a unit: 二十五 -> 25; 3万4000 -> 4000 at resolution 1
        section += current
        last_res = current_res
    value = total + section
    if value >= MAX_VALUE:
        return None
    return value, last_res
