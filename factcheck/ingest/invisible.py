"""Invisible characters inside a figure: format characters (zero-width joiners and spaces, bidi
overrides and isolates, soft hyphens, word joiners, tag characters) and combining marks.

A zero-width joiner inside ``500P`` or an override before it would split the figure into two
numbers, or give another number, with no warning. They are dropped from the analysis text where
they touch a numeral, so the figure is read whole; the raw file, and so every evidence span,
keeps them. Elsewhere they are left to the width fold (a zero-width space between words is a
space).
"""

from __future__ import annotations

import re
import unicodedata

_NUMERAL = "0-9\uff10-\uff19零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_OTHER = r"[^\x00-\x7f\u3400-\u9fff\uff01-\uff5e]+"  # runs that may hold an invisible character
_CANDIDATE = re.compile(rf"(?<=[{_NUMERAL}]){_OTHER}|{_OTHER}(?=[{_NUMERAL}])")
_INVISIBLE = frozenset({"Cf", "Mn", "Me", "Mc"})


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in _INVISIBLE


def invisible_in_figures(text: str) -> list[tuple[int, int]]:
    """Ranges [start, end) of invisible characters right after or right before a numeral."""
    out = []
    for m in _CANDIDATE.finditer(text):
        start, end = m.start(), m.end()
        seg = m.group()
        after_numeral = start > 0 and re.match(f"[{_NUMERAL}]", text[start - 1]) is not None
        before_numeral = end < len(text) and re.match(f"[{_NUMERAL}]", text[end]) is not None
        if after_numeral:
            n = 0
            while n < len(seg) and _invisible(seg[n]):
                n += 1
            if n == len(seg) and before_numeral:
                out.append((start, end))
                continue
            if n:
                out.append((start, start + n))
                if n == len(seg):
                    continue
        if before_numeral:
            k = len(seg)
            while k > 0 and _invisible(seg[k - 1]):
                k -= 1
            if k < len(seg):
                out.append((start + k, end))
    return out
