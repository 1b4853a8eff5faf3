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

_NUMERAL = frozenset("0123456789\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19"
                     "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟")
# runs of characters that may be invisible: everything but ASCII, Latin-1 letters and signs (not the
# soft hyphen), general punctuation that is seen (dashes, quotes, ellipsis), CJK punctuation and
# ideographs, and full-width forms; what is left is looked up one character at a time. Written as
# one character and then any more (X X*, not X+): a pattern that opens with a character class lets
# re skip ahead to the next candidate, about twice as fast on a text with none.
_SEEN = "\x00-\xac\xae-\u02ff\u2010-\u2027\u2030-\u205f\u3000-\u303f\u3400-\u9fff\uff01-\uffef"
_OTHER = re.compile(f"[^{_SEEN}][^{_SEEN}]*")
_INVISIBLE = frozenset({"Cf", "Mn", "Me", "Mc"})


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in _INVISIBLE


def invisible_in_figures(text: str) -> list[tuple[int, int]]:
    """Ranges [start, end) of invisible characters right after or right before a numeral."""
    out = []
    for m in _OTHER.finditer(text):
        start, end = m.start(), m.end()
        after_numeral = start > 0 and text[start - 1] in _NUMERAL
        before_numeral = end < len(text) and text[end] in _NUMERAL
        if not (after_numeral or before_numeral):
            continue
        seg = m.group()
        n = 0
        if after_numeral:
            while n < len(seg) and _invisible(seg[n]):
                n += 1
            if n == len(seg):
                out.append((start, end))
                continue
            if n:
                out.append((start, start + n))
        if before_numeral:
            k = len(seg)
            while k > n and _invisible(seg[k - 1]):
                k -= 1
            if k < len(seg):
                out.append((start + k, end))
    return out
