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

The first characters are read from the pattern's text by a small reader of the regular expression
syntax (``_Firsts``), never from ``re``'s private parser: a form it does not know leaves the pattern
to plain ``finditer``, so an unknown form costs speed, never a match.

Case-insensitive parts (``re.I``, ``(?i:…)``) are supported when their first characters are ASCII
or have no case: the class lists both cases of each letter (and the non-ASCII letters that ``re.I`` folds onto
ASCII ones: İ ı ſ K) and is compiled case-sensitively, because ``re`` only skips ahead with a class
whose characters have no other case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_LEADING_FLAGS = re.compile(r"\A(?:\(\?[aiLmsux]+\))+")
_scanners: dict[re.Pattern, re.Pattern | None] = {}
_CATEGORIES = {"d", "D", "s", "S", "w", "W"}
_ZERO_WIDTH = {"b", "B", "A", "Z"}
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_FLAG_LETTERS = set("aiLmsux")


class _Unknown(Exception):
    """The first characters of a pattern cannot be listed as one character class."""


# the non-ASCII characters that re.IGNORECASE matches with an ASCII letter (no other ASCII character
# has one; tests/test_fast_paths.py checks this against every code point)
_FOLDS_ONTO = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _chars(c: str, nocase: bool) -> str:
    """The class items for one character; with nocase every character re.I matches with it."""
    if not nocase or c.lower() == c == c.upper():
        return re.escape(c)  # a character without case ($, 1, 年) matches only itself under re.I
    if not c.isascii():
        raise _Unknown
    low = c.lower()
    return low + low.upper() + _FOLDS_ONTO.get(low, "")


class _Firsts:
    """The characters that can start a match, read from the pattern's source text.

    A small reader of the regular expression syntax (public: only the pattern string), enough to
    walk sequences, groups, alternatives, repeats and classes. Anything it does not know (``.``, a
    negated class, a back reference, a conditional, verbose mode) raises _Unknown, and the pattern
    keeps the plain finditer. Zero-width items (lookarounds, anchors, ``\\b``) are stepped over:
    the scanner's lookahead checks the whole pattern at each candidate anyway.
    """

    def __init__(self, source: str):
        self.s, self.i = source, 0

    def peek(self, k: int = 0) -> str:
        return self.s[self.i + k] if self.i + k < len(self.s) else ""

    def alternatives(self, out: list[str], nocase: bool, collect: bool = True) -> bool:
        """Read branches up to ')' or the end; add their first characters; True if one can be empty.
        With collect False the branches are only read past (they cannot start the match)."""
        empty = self.sequence(out, nocase, collect)
        while self.peek() == "|":
            self.i += 1
            empty |= self.sequence(out, nocase, collect)
        return empty

    def sequence(self, out: list[str], nocase: bool, collect: bool = True) -> bool:
        """Read one branch; add the characters that can start it; True if it can match empty."""
        nullable = True
        while self.peek() not in ("", "|", ")"):
            firsts: list[str] = []
            item_empty = self.item(firsts, nocase, collect and nullable)
            low = self.quantifier()
            if nullable:
                out.extend(firsts)
                if not item_empty and low > 0:
                    nullable = False
        return nullable

    def quantifier(self) -> int:
        """Read a repeat after an item, if any: its lower bound (1 without one)."""
        c, low = self.peek(), 1
        if c in ("*", "?"):
            self.i, low = self.i + 1, 0
        elif c == "+":
            self.i += 1
        elif c == "{":
            m = re.compile(r"\{(\d*)(?:(,)(\d*))?\}").match(self.s, self.i)
            if m is None or (not m.group(1) and not m.group(2)):
                return 1  # a literal '{' (the item is read on the next turn)
            self.i, low = m.end(), int(m.group(1) or 0)
        else:
            return 1
        if self.peek() in ("?", "+"):  # lazy or possessive
            self.i += 1
        if self.peek() in ("*", "+", "?", "{"):
            raise _Unknown  # a repeat of a repeat: not valid where re would accept it as we read it
        return low

    def item(self, out: list[str], nocase: bool, collect: bool) -> bool:
        """Read one item; add its first characters (when collect); True if it is zero width (or can
        be empty). An item that cannot start the match is only read past, whatever it is."""
        if not collect:
            nocase = False  # nothing is kept: no need to list cases
        c = self.peek()
        self.i += 1
        if c == "\\":
            return self.escape(out, nocase, collect)
        if c == "[":
            self.char_class(out, nocase, collect)
            return False
        if c == "(":
            return self.group(out, nocase, collect)
        if c in ("^", "$"):
            return True
        if c == ".":
            if collect:
                raise _Unknown
            return False
        if c in ("*", "+", "?"):
            raise _Unknown  # a repeat with nothing before it: leave it to re
        out.append(_chars(c, nocase))
        return False

    def escape(self, out: list[str], nocase: bool, collect: bool) -> bool:
        c = self.peek()
        self.i += 1
        if c == "":
            raise _Unknown
        if c in _ZERO_WIDTH:
            return True
        if c in _CATEGORIES:
            out.append("\\" + c)  # the same in any case
            return False
        if c.isdigit() and c != "0" or c == "g":  # a back reference
            if collect:
                raise _Unknown
            m = re.compile(r"\d+|<[^>]*>").match(self.s, self.i - (c != "g"))
            self.i = m.end() if m else self.i
            return False
        out.append(_chars(self._escaped_char(c), nocase))
        return False

    def _escaped_char(self, c: str) -> str:
        """The character an escape other than a class or an anchor stands for (after the backslash)."""
        if c in _ESCAPES:
            return _ESCAPES[c]
        digits = {"x": 2, "u": 4, "U": 8}.get(c)
        if digits:
            code = self.s[self.i : self.i + digits]
            if len(code) != digits or not all(h in "0123456789abcdefABCDEF" for h in code):
                raise _Unknown
            self.i += digits
            return chr(int(code, 16))
        if c == "N":
            m = re.compile(r"\{([^}]*)\}").match(self.s, self.i)
            if m is None:
                raise _Unknown
            self.i = m.end()
            return unicodedata.lookup(m.group(1))
        if c == "0" or c.isascii() and c.isalnum():
            raise _Unknown  # octal escapes and unknown letters: not used here
        return c

    def char_class(self, out: list[str], nocase: bool, collect: bool = True) -> None:
        if self.peek() == "^":
            if collect:
                raise _Unknown  # a negated class: its complement is no short class
            self.i += 1
            out = []  # read past it
        items, first = [], True
        while True:
            c = self.peek()
            if c == "":
                raise _Unknown
            if c == "]" and not first:
                self.i += 1
                break
            first = False
            self.i += 1
            if c == "\\":
                e = self.peek()
                self.i += 1
                if e in _CATEGORIES:
                    items.append("\\" + e)
                    continue
                c = "\b" if e == "b" else self._escaped_char(e)  # [\b] is the backspace
            elif c == "[" and self.peek() in (":", "=", "."):
                raise _Unknown  # a possible future set operation
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.i += 1
                hi = self.peek()
                self.i += 1
                if hi == "\\":
                    e = self.peek()
                    self.i += 1
                    hi = "\b" if e == "b" else self._escaped_char(e)
                if ord(hi) < ord(c):
                    raise _Unknown
                if nocase:
                    if ord(hi) > 127:
                        raise _Unknown
                    items.extend(_chars(chr(x), True) for x in range(ord(c), ord(hi) + 1))
                else:
                    items.append(f"{re.escape(c)}-{re.escape(hi)}")
            else:
                items.append(_chars(c, nocase))
        out.extend(items)

    def group(self, out: list[str], nocase: bool, collect: bool) -> bool:
        """After '(': a group, a lookaround, a comment or a flag group; True if it can match empty."""
        inner = nocase
        if self.peek() == "?":
            self.i += 1
            c = self.peek()
            if c in ("=", "!") or (c == "<" and self.peek(1) in ("=", "!")):
                self.i += 1 if c != "<" else 2
                self.alternatives([], nocase, False)  # zero width: read past it
                self._close()
                return True
            if c == "#":
                end = self.s.find(")", self.i)
                if end < 0:
                    raise _Unknown
                self.i = end + 1
                return True
            if c == "P" and self.peek(1) == "<":
                end = self.s.find(">", self.i)
                if end < 0:
                    raise _Unknown
                self.i = end + 1
            elif c == ":":
                self.i += 1
            elif c == ">":
                self.i += 1  # an atomic group: the same first characters
            elif c in _FLAG_LETTERS or c == "-":
                m = re.compile(r"([aiLmsux]*)(?:-([imsx]+))?:").match(self.s, self.i)
                if m is None or "L" in m.group(1) or "x" in m.group(1):
                    raise _Unknown  # a global flag group in the middle, locale or verbose
                add, remove = m.group(1), m.group(2) or ""
                inner = (nocase or "i" in add) and "i" not in remove
                self.i = m.end()
            elif c == "P" and self.peek(1) == "=" and not collect:
                end = self.s.find(")", self.i)
                if end < 0:
                    raise _Unknown
                self.i = end + 1
                return False
            else:
                raise _Unknown  # (?P=name) at the start, (?(1)…): back references and conditionals
        empty = self.alternatives(out, inner, collect)
        self._close()
        return empty

    def _close(self) -> None:
        if self.peek() != ")":
            raise _Unknown
        self.i += 1


_PLAIN_LEAD = re.compile(
    r"""(?:\\[dDsSwW]|\[(?!\^)(?:\\.|[^]\\])(?:\\.|[^]\\])*\]|\\[^A-Za-z0-9]|[^\\.^$*+?{}()|\[])(?![*+?{])"""
)
_BRANCH_HEAD = re.compile(r"(?:\\[^A-Za-z0-9]|[^\\.^$*+?{}()|\[\]])(?![*+?{])")


def _structure(source: str) -> tuple[list[int], int | None]:
    """The positions of the top-level '|' of source, and of the ')' that closes a group opened at
    its first character (None if it does not start with a group); escapes and classes skipped."""
    bars, depth, close, i = [], 0, None, 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: ']' first (or right after '^') is a member
            i += 1 + (source[i + 1 : i + 2] == "^")
            i += source[i : i + 1] == "]"
            while i < len(source) and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0 and close is None and source[0] == "(":
                close = i
        elif c == "|" and depth == 0:
            bars.append(i)
        i += 1
    return bars, close


def _re_skips(source: str, nocase: bool) -> bool:
    """Whether re skips ahead by itself, so that plain finditer is faster than a scanner: the
    pattern starts with one character, class or category that no repeat follows, or with a group
    (that no repeat follows) of such, or is an alternation whose branches each start with a plain
    character. A wrong answer costs speed only, never a match."""
    if nocase:  # re skips only with characters that have no other case: leave it to the scanner
        return bool(re.match(r"\\[dDsSwW](?![*+?{])", source))
    bars, close = _structure(source)
    if bars:
        heads = [source[a + 1 : b] for a, b in zip([-1, *bars], [*bars, len(source)], strict=True)]
        return all(_BRANCH_HEAD.match(h) for h in heads)
    if close is not None:
        group = re.match(r"\((?:\?:|\?P<\w+>)?", source)
        if group.group(0) == "(?" or source[close + 1 : close + 2] in ("*", "+", "?", "{"):
            return False
        return _re_skips(source[group.end() : close], nocase)
    return bool(_PLAIN_LEAD.match(source))


def _scanner(pattern: re.Pattern) -> re.Pattern | None:
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.LOCALE | re.VERBOSE):
        return None
    source = _LEADING_FLAGS.sub("", pattern.pattern)
    if _re_skips(source, bool(pattern.flags & re.IGNORECASE)):
        return None
    try:
        reader = _Firsts(source)
        firsts: list[str] = []
        if reader.alternatives(firsts, bool(pattern.flags & re.IGNORECASE)) or reader.i != len(source):
            return None  # the pattern can match the empty string (or was not read to its end)
    except (_Unknown, IndexError, ValueError, TypeError):
        return None
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
    try:
        scan = _scanners[pattern]
    except KeyError:
        scan = _scanners[pattern] = _scanner(pattern)
    if scan is None:
        return pattern.search(text, pos, len(text) if endpos is None else endpos)
    return next(finditer(pattern, text, pos, endpos), None)


_combined: dict[tuple[re.Pattern, ...], re.Pattern | None] = {}


def _any_of(patterns: tuple[re.Pattern, ...]) -> re.Pattern | None:
    """One scanner for the positions where any of the patterns matches, or None."""
    firsts: list[str] = []
    bodies = []
    for rx in patterns:
        if not isinstance(rx.pattern, str) or rx.flags & (re.LOCALE | re.VERBOSE | re.IGNORECASE):
            return None
        lead = _LEADING_FLAGS.match(rx.pattern)
        source = rx.pattern[lead.end() :] if lead else rx.pattern
        try:
            reader = _Firsts(source)
            if reader.alternatives(firsts, False) or reader.i != len(source):
                return None
        except (_Unknown, IndexError, ValueError, TypeError):
            return None
        flags = lead.group(0).replace("(?", "").replace(")", "") if lead else ""
        bodies.append(f"(?{flags}:{source})" if flags else f"(?:{source})")
    try:
        return re.compile(rf"(?-i:[{''.join(firsts)}])(?<=(?={'|'.join(bodies)})(?s:.))")
    except re.error:  # a group name used twice, a back reference: one search each
        return None


def present(patterns: tuple[re.Pattern, ...], text: str) -> list[bool]:
    """For each pattern, whether it matches anywhere in text (as pattern.search(text) is not None).

    One pass finds the positions where any of them matches; each is tried only there. Ten
    existence checks (the filters' hints) cost one pass instead of ten."""
    try:
        combined = _combined[patterns]
    except KeyError:
        combined = _combined[patterns] = _any_of(patterns) if len(patterns) > 1 else None
    if combined is None:
        return [search(rx, text) is not None for rx in patterns]
    found = [False] * len(patterns)
    left, pos, find = len(patterns), 0, combined.search
    while left:
        hit = find(text, pos)
        if hit is None:
            break
        q = hit.start()
        for i, rx in enumerate(patterns):
            if not found[i] and rx.match(text, q):
                found[i], left = True, left - 1
        pos = q + 1
    return found
