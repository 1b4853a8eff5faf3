"""``finditer`` that skips ahead at C speed for patterns Python's ``re`` cannot skip through.

``re`` only jumps over text that cannot start a match when a pattern begins with a literal, a
character class or an alternation of literals. A pattern that begins with a lookbehind
(``(?<!\\d)…``), a repeat (``0?[1-9]``) or a group of classes runs its whole matcher at every
position of the text, which on a long article costs more than everything done with the matches.

``finditer(pattern, text)`` gives exactly the matches of ``pattern.finditer(text)``. For a pattern
that can never match the empty string and whose possible first characters can be listed, it
searches with ``[first](?<=(?=pattern).)``: the class lets ``re`` skip ahead, and the lookahead
keeps only the positions where the whole pattern (lookbehinds included) matches there. Each of
those is then matched again to get the same match object. Other patterns use plain ``finditer``.

Case-insensitive parts (``re.I``, ``(?i:…)``) are supported when their first characters are ASCII
or have no case: the class lists both cases of each letter (and the non-ASCII letters that ``re.I`` folds onto
ASCII ones: İ ı ſ K) and is compiled case-sensitively, because ``re`` only skips ahead with a class
whose characters have no other case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

try:
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # another Python without these internals: always the plain finditer
    _c = _p = None

_CATEGORY = {} if _c is None else {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}
_LEADING_FLAGS = re.compile(r"\A(?:\(\?[aiLmsux]+\))+")
_scanners: dict[re.Pattern, re.Pattern | None] = {}


class _Unknown(Exception):
    """The first characters of a pattern cannot be listed as one character class."""


# the non-ASCII characters that re.IGNORECASE matches with an ASCII letter (no other ASCII character
# has one; tests/test_scan.py checks this against every code point)
_FOLDS_ONTO = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _char(code: int) -> str:
    return re.escape(chr(code))


def _chars(code: int, nocase: bool) -> str:
    """The class items for one character; with nocase every character re.I matches with it."""
    c = chr(code)
    if not nocase or c.lower() == c == c.upper():
        return re.escape(c)  # a character without case ($, 1, 年) matches only itself under re.I
    if not c.isascii():
        raise _Unknown
    low = c.lower()
    return low + low.upper() + _FOLDS_ONTO.get(low, "")


def _firsts(items, out: list[str], nocase: bool = False) -> bool:
    """Add the characters that can start a match of the sequence items; True if it can be empty."""
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # zero width: the next item gives the first character
        if op is _c.LITERAL:
            out.append(_chars(av, nocase))
            return False
        if op is _c.IN:
            for kind, value in av:
                if kind is _c.LITERAL:
                    out.append(_chars(value, nocase))
                elif kind is _c.RANGE and nocase:
                    if value[1] > 127:
                        raise _Unknown
                    out.extend(_chars(code, True) for code in range(value[0], value[1] + 1))
                elif kind is _c.RANGE:
                    out.append(f"{_char(value[0])}-{_char(value[1])}")
                elif kind is _c.CATEGORY and value in _CATEGORY:
                    out.append(_CATEGORY[value])  # digits, spaces, word characters: the same in any case
                else:  # a negated class and the like
                    raise _Unknown
            return False
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags & re.LOCALE:
                raise _Unknown
            inner = (nocase or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            if not _firsts(sub.data if hasattr(sub, "data") else sub, out, inner):
                return False
        elif op is _c.BRANCH:
            empty = False
            for branch in av[1]:
                empty |= _firsts(branch.data if hasattr(branch, "data") else branch, out, nocase)
            if not empty:
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, _high, sub = av
            if not _firsts(sub.data if hasattr(sub, "data") else sub, out, nocase) and low > 0:
                return False
        else:  # any character, a back reference, a conditional group
            raise _Unknown
    return True


def _scanner(pattern: re.Pattern) -> re.Pattern | None:
    if _p is None or not isinstance(pattern.pattern, str) or pattern.flags & re.LOCALE:
        return None
    try:
        firsts: list[str] = []
        if _firsts(_p.parse(pattern.pattern, pattern.flags).data, firsts, bool(pattern.flags & re.IGNORECASE)):
            return None  # the pattern can match the empty string
    except _Unknown:
        return None
    source = _LEADING_FLAGS.sub("", pattern.pattern)
    try:
        # the class is case-sensitive (it lists every case itself): re skips ahead only with such a class
        return re.compile(rf"(?-i:[{''.join(firsts)}])(?<=(?={source})(?s:.))", pattern.flags)
    except re.error:
        return None


def finditer(pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
    """The matches of pattern.finditer(text, pos, endpos), found faster (see the module docstring)."""
    if endpos is None:
        endpos = len(text)
    try:
        scan = _scanners[pattern]
    except KeyError:
        scan = _scanners[pattern] = _scanner(pattern)
    if scan is None:
        yield from pattern.finditer(text, pos, endpos)
        return
    search, match = scan.search, pattern.match
    while True:
        hit = search(text, pos, endpos)
        if hit is None:
            return
        m = match(text, hit.start(), endpos)
        yield m
        pos = m.end()


def search(pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """pattern.search(text, pos, endpos), found the same way as finditer's first match."""
    return next(finditer(pattern, text, pos, endpos), None)
