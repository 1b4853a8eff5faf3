"""What every rule module provides: a stable id, a kind, a severity, and its docstring in fixed
sections (What / Why / Example) that `factcheck rules` prints and SARIF carries."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from factcheck.ingest.source import GLOSS
from factcheck.model import Claim, Finding


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    severity: str
    doc: str

    def section(self, title: str) -> str:
        m = re.search(rf"^{title}:\s*\n(.*?)(?=^\w+:\s*$|\Z)", self.doc, re.S | re.M)
        return " ".join(m.group(1).split()) if m else ""

    @property
    def summary(self) -> str:
        return self.section("What")


def visible(text: str) -> str:
    """A claim's text as its sentence shows it: pinyin glosses (會(huì)) dropped."""
    return GLOSS.sub("", text)


def quantities_by_sentence(claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    """(sentence, its figures in reading order) for checks inside one sentence."""
    groups: dict[tuple, list[Claim]] = {}
    for c in claims:
        if c.kind == "quantity" and c.value is not None:
            groups.setdefault((c.document, c.sentence), []).append(c)
    return [(sentence, sorted(members, key=lambda c: c.span.start)) for (_, sentence), members in groups.items()]


def F(x) -> Fraction | None:
    return None if x is None else Fraction(str(x))


def quantity_interval(c: Claim):
    """(lower, upper, lower_open, upper_open); an exact figure is widened by half its last digit."""
    lo, hi = F(c.lower), F(c.upper)
    if c.qualifier == "exact" and c.resolution and lo is not None and lo == hi:
        half = F(c.resolution) / 2
        return lo - half, hi + half, False, False
    return lo, hi, c.lower_open, c.upper_open


def date_interval(c: Claim):
    a, b = date.fromisoformat(c.date.start), date.fromisoformat(c.date.end)
    return a.toordinal(), b.toordinal() + 1, False, True


def overlaps(x, y) -> bool:
    xlo, xhi, xlo_open, xhi_open = x
    ylo, yhi, ylo_open, yhi_open = y
    lo_candidates = [(v, o) for v, o in ((xlo, xlo_open), (ylo, ylo_open)) if v is not None]
    hi_candidates = [(v, o) for v, o in ((xhi, xhi_open), (yhi, yhi_open)) if v is not None]
    if not lo_candidates or not hi_candidates:
        return True
    lo, lo_open = max(lo_candidates, key=lambda t: (t[0], t[1]))
    hi, hi_open = min(hi_candidates, key=lambda t: (t[0], not t[1]))
    if lo < hi:
        return True
    return lo == hi and not lo_open and not hi_open


def as_of_span(text: str | None) -> tuple[int, int] | None:
    """An as_of string at its precision (2024, 2024-06, 2024-06-30) as ordinal day bounds."""
    if not text:
        return None
    import calendar

    bits = text.split("-")
    try:
        y = int(bits[0])
        if len(bits) == 1:
            return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
        m = int(bits[1])
        if len(bits) == 2:
            return date(y, m, 1).toordinal(), date(y, m, calendar.monthrange(y, m)[1]).toordinal()
        d = date(y, m, int(bits[2])).toordinal()
        return d, d
    except ValueError:
        return None


def fingerprint(rule_id: str, kind: str, claims: list[Claim]) -> str:
    """Stable across edits that do not change the claims (not their lines or spans)."""
    parts = [rule_id, kind]
    for c in sorted(claims, key=lambda c: (c.document, c.kind, c.text)):
        value = f"{c.date.start}/{c.date.end}" if c.date else f"{c.value}{c.unit}"
        parts.append(f"{c.document}|{c.subject.key if c.subject else ''}|{c.metric.key if c.metric else ''}|{value}|{c.text.strip()}")
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:20]


def make_finding(rule: Rule, claims: list[Claim], why: str, similarity: float | None = None) -> Finding:
    """A finding of a check inside one document (FC2xx) or about a suppression (FC3xx)."""
    ids = sorted(c.id for c in claims)
    ident = hashlib.sha1(f"{rule.id}{rule.kind}{''.join(ids)}".encode()).hexdigest()[:16]
    docs = {c.document for c in claims}
    return Finding(id=f"f-{ident}", rule=rule.id, kind=rule.kind, severity=rule.severity, claims=[c.id for c in claims],
                   documents=len(docs), origins=len(docs), why=why, fingerprint=fingerprint(rule.id, rule.kind, claims),
                   similarity=similarity)
