"""The small Chinese numerals of dates: years digit by digit (二〇二一), months, days (廿三, 初八) and
the counts of offsets (三, 两, 十几, 半)."""

from __future__ import annotations

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
           "仨": 3, "俩": 2, "几": 0}
_UNITS = {"十": 10, "百": 100, "千": 1000}

CN_DIGITS = "〇零一二三四五六七八九"


def small(text: str) -> int:
    """一 .. 九千九百九十九 and Arabic digits; 廿 = 20, 卅 = 30, 初八 = 8."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if text.startswith("初"):
        text = text[1:]
        if text.isdigit():
            return int(text)
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
