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


def _char(code: int) -> str:
    return re.escape(chr(code))


def _firsts(items, out: list[str]) -> bool:
    """Add the characters that can start a match of the sequence items; True if it can be empty."""
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # zero width: the next item gives the first character
        if op is _c.LITERAL:
            out.append(_char(av))
            return False
        if op is _c.IN:
            for kind, value in av:
                if kind is _c.LITERAL:
                    out.append(_char(value))
                elif kind is _c.RANGE:
                    out.append(f"{_char(value[0])}-{_char(value[1])}")
                elif kind is _c.CATEGORY and value in _CATEGORY:
                    out.append(_CATEGORY[value])
                else:  # a negated class and the like
                    raise _Unknown
            return False
        if op is _c.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if add_flags & (re.IGNORECASE | re.LOCALE):
                raise _Unknown
            if not _firsts(sub.data if hasattr(sub, "data") else sub, out):
                return False
        elif op is _c.BRANCH:
            empty = False
            for branch in av[1]:
                empty |= _firsts(branch.data if hasattr(branch, "data") else branch, out)
            if not empty:
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, _high, sub = av
            if not _firsts(sub.data if hasattr(sub, "data") else sub, out) and low > 0:
                return False
        else:  # any character, a back reference, a conditional group
            raise _Unknown
    return True


def _scanner(pattern: re.Pattern) -> re.Pattern | None:
    if _p is None or not isinstance(pattern.pattern, str) or pattern.flags & (re.IGNORECASE | re.LOCALE):
        return None
    try:
        firsts: list[str] = []
        if _firsts(_p.parse(pattern.pattern, pattern.flags).data, firsts):
            return None  # the pattern can match the empty string
    except _Unknown:
        return None
    source = _LEADING_FLAGS.sub("", pattern.pattern)
    try:
        return re.compile(rf"[{''.join(firsts)}](?<=(?={source})(?s:.))", pattern.flags)
    except re.error:
        return None


def finditer(pattern: re.Pattern, text: str, pos: int = 0) -> Iterator[re.Match]:
    """The matches of pattern.finditer(text, pos), found faster (see the module docstring)."""
    try:
        scan = _scanners[pattern]
    except KeyError:
        scan = _scanners[pattern] = _scanner(pattern)
    if scan is None:
        yield from pattern.finditer(text, pos)
        return
    search, match = scan.search, pattern.match
    while True:
        hit = search(text, pos)
        if hit is None:
            return
        m = match(text, hit.start())
        yield m
        pos = m.end()


def search(pattern: re.Pattern, text: str) -> re.Match | None:
    """pattern.search(text), found the same way as finditer's first match."""
    return next(finditer(pattern, text), None)
