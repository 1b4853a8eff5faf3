"""English elapsed times that are one figure in several parts: a race time written as a clock
(2:05:48, 1:02:31.4) and a spelled one (2 hours, 5 minutes and 48 seconds). Read apart, the parts
would be three figures of their own; read together they are one duration, in seconds."""

from __future__ import annotations

import re
from fractions import Fraction

from factcheck.extract.intervals import apply_qualifier
from factcheck.extract.mention import Mention
from factcheck.extract.units import canonical

# h:mm:ss is a time of day as often as a race time: only after words that make it an elapsed time
# (finished in 2:06:12, a time of 2:21:19) or after a results list's country code ((KEN) 2:05:48)
# found from its minutes (a literal colon is a fast search), the hours read back from there
_CLOCK = re.compile(r":(?P<m>[0-5]\d):(?P<s>[0-5]\d(?:\.\d{1,2})?)(?![\d:])")
_HOURS = re.compile(r"(?<![\d:.])(?P<h>\d{1,2})$")
_CLOCK_BEFORE = re.compile(r"(?:\b(?i:in|of|clocked|timed|ran|record|time|winning)|\([A-Z]{3}\)|\b[A-Z]{3})[ ]+$")
_SPELLED = re.compile(r"\b(?P<h>\d{1,2})[ ]hours?,?[ ](?P<m>\d{1,2})[ ]minutes?"
                      r"(?:,?[ ](?:and[ ])?(?P<s>\d{1,2}(?:\.\d{1,2})?)[ ]seconds?)?\b", re.I)


def find_durations_en(text: str, blocked, taken: bytearray, tolerance: Fraction,
                      spans: list[tuple[int, int]] | None = None) -> list[Mention]:
    out = []
    for a, b in [(0, len(text))] if spans is None else spans:
        if text.find(":", a, b) >= 0:
            for m in _CLOCK.finditer(text, a, b):
                h = _HOURS.search(text, max(a, m.start() - 3), m.start())
                if (h and _CLOCK_BEFORE.search(text, max(a, h.start() - 12), h.start())
                        and not any(taken[h.start():m.end()])):
                    out.append(_duration(m, tolerance, taken, h))
        if text.find("minute", a, b) >= 0:
            for m in _SPELLED.finditer(text, a, b):
                if not blocked(m.start(), m.end()) and not any(taken[m.start():m.end()]):
                    out.append(_duration(m, tolerance, taken))
    return out


def _duration(m: re.Match, tolerance: Fraction, taken: bytearray, hours: re.Match | None = None) -> Mention:
    """hours is the match of the hours read back before a clock's minutes, None when m holds them."""
    h = hours or m
    start = h.start()
    seconds = Fraction(m.group("s") or 0)
    value = int(h.group("h")) * 3600 + int(m.group("m")) * 60 + seconds
    unit, _, dimension = canonical("second")
    mention = Mention(start=start, end=m.end(), kind="quantity", num_start=start, value=value, unit=unit,
                      dimension=dimension, resolution=Fraction(1) if seconds.denominator == 1 else Fraction(1, 100))
    apply_qualifier(mention, tolerance)
    taken[start:m.end()] = b"\x01" * (m.end() - start)
    return mention
