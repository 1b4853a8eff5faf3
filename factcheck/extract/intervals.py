"""Qualifier words to intervals, per the table in SEMANTICS.md section 2."""

from __future__ import annotations

from fractions import Fraction

DEFAULT_TOLERANCE = Fraction(1, 10)


def next_step(value: Fraction, resolution: Fraction) -> Fraction:
    """The step of the last non-zero digit: 600 -> 100, 十 -> 10, 2.5 -> 0.1."""
    if value.denominator != 1 or value == 0:
        return resolution
    n, step = int(value), 1
    while n % 10 == 0:
        n //= 10
        step *= 10
    return Fraction(max(step, int(resolution)) if resolution >= 1 else step)


def apply_qualifier(m, tolerance: Fraction = DEFAULT_TOLERANCE) -> None:
    """Fill m.lower/m.upper (and which ends are open) from m.value and m.qualifier."""
    v = m.value
    q = m.qualifier
    m.lower_open = m.upper_open = False
    if q == "approx":
        m.lower, m.upper = sorted((v * (1 - tolerance), v * (1 + tolerance)))
    elif q == "at_least":
        m.lower, m.upper, m.lower_open = v, None, True
    elif q == "more":
        m.lower, m.upper = sorted((v, v + next_step(abs(v), m.resolution or Fraction(1))))
        m.lower_open = m.upper_open = True
        m.qualifier = "range"
    elif q == "at_most":
        m.lower, m.upper, m.upper_open = (Fraction(0) if v > 0 else None), v, True
    elif q == "range":
        pass  # lower and upper already set by the scanner
    else:
        m.lower = m.upper = v
        m.qualifier = "exact"

