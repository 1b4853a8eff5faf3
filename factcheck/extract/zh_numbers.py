"""The small Chinese numerals of dates: years digit by digit (二〇二一), months, days (廿三, 初八) and
the counts of offsets (三, 两, 十几, 半)."""

from __future__ import annotations

import re
from functools import cache

from factcheck.lang import load_lexicon

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
           "仨": 3, "俩": 2, "几": 0}
_UNITS = {"十": 10, "百": 100, "千": 1000}

CN_DIGITS = "〇零一二三四五六七八九"
_PLAIN_UNITS = {1: "十", 2: "百", 3: "千"}


@cache
def _financial() -> tuple[dict[int, str], re.Pattern | None, re.Pattern | None]:
    """The financial (大写) digits and units of the numeral data (壹, 贰, 拾, 佰) mapped one to one onto
    the plain ones (一, 二, 十, 百), a pattern that finds any of them, and one that finds the runs of
    digits that can be a year, month or day printed in them: two or more digits, or one after 年 or 月,
    right before 年, 月, 日 or 号. Cheques, contracts and invoices print dates so (贰零贰肆年零叁月壹拾伍日);
    a lone 陆 or 伍 elsewhere is a word (陆续, 队伍, 登陆月球)."""
    n = load_lexicon().numerals
    table = {ch: CN_DIGITS[v + 1] for ch, v in n.digits.items() if ch not in CN_DIGITS and ch != "两"}
    table.update({ch: _PLAIN_UNITS[p] for ch, p in n.units.items() if ch not in _PLAIN_UNITS.values()})
    if not table:
        return {}, None, None
    fin = "".join(sorted(table))
    digits = fin + CN_DIGITS + "".join(_PLAIN_UNITS.values())
    runs = re.compile(rf"(?:(?<=[年月])[{digits}]|[{digits}]{{2,}})(?=[年月日号])")
    return str.maketrans(table), re.compile(f"[{fin}]"), runs


def plain_digits(text: str) -> str:
    """text with the financial digits of dates written as plain ones (same length, so offsets hold)."""
    table, found, runs = _financial()
    if found is None or found.search(text) is None:
        return text
    return runs.sub(lambda m: m.group().translate(table), text)


def small(text: str) -> int:
    """一 .. 九千九百九十九 and Arabic digits; 廿 = 20, 卅 = 30, 初八 = 8."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if text.startswith("初"):
        text = text[1:]
        if text.isdigit():
            return int(text)
    if len(text) > 1 and text[0] in "零〇":
        text = text[1:]  # 零三 (a month as a cheque prints it)
    if text.startswith("廿"):
        return 20 + (small(text[1:]) if len(text) > 1 else 0)
    if text.startswith("卅"):
        return 30 + (small(text[1:]) if len(text) > 1 else 0)
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            if digit is not None and ch != "几":
                raise ValueError(f"not a numeral: {text}")  # 五八: two digits read as one count
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            raise ValueError(f"not a numeral: {text}")
    return total + (digit or 0)


def count(text: str) -> float:
    """The count of an offset: 3, 三, 两, 十几 (read as its round part), 半 = 0.5, 1.5."""
    text = text.replace("几", "")
    if text == "半":
        return 0.5
    try:
        return float(text)
    except ValueError:
        pass
    return small(text) if text else 0


def year(text: str, pub_year: int | None) -> int:
    """A year as printed: 2021, 二〇二一, 21 or 二一 (two digits: the century that puts it no more than
    ten years after publication, so 24年 in 2021 is 2024 and 33年 is 1933)."""
    if not text.isdigit():
        text = "".join(str(_DIGITS[c]) for c in text)
    y = int(text)
    if len(text) == 2:
        ref = pub_year or 2000
        y += (ref // 100) * 100
        if y > ref + 10:
            y -= 100
    return y
