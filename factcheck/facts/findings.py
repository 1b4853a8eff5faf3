"""Findings from facts, steps and outcomes: one per fact or step, never one per pair of claims.

A finding lists each distinct value with the claims that state it, how many documents and how
many independent origins stand behind it (OUTPUT.md), and says why in one line.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from factcheck.facts.group import Fact, Outcome, Step, distinct, modality, one_thing, span
from factcheck.facts.origins import origin_labels
from factcheck.link.score import subject_similarity
from factcheck.model import Claim, Finding, FindingValue, Named
from factcheck.rules import fc101_agree, fc102_contradict, fc103_update, fc104_plan, fc105_cumulative
from factcheck.rules.base import Rule


def position(c: Claim) -> tuple:
    return c.document, c.span.start, c.span.end


def as_of_text(claims: list[Claim]) -> str | None:
    """The time a set of claims holds at: their common as_of at the finest shared precision
    (2022-05-10 and 2022-05-12 hold in 2022-05), else first/last as an ISO interval."""
    dates = sorted({c.as_of for c in claims if c.as_of})
    if not dates:
        return None
    if len(dates) == 1:
        return dates[0]
    parts = [d.split("-") for d in dates]
    common = []
    for bits in zip(*parts, strict=False):
        if len(set(bits)) != 1:
            break
        common.append(bits[0])
    if len(common) >= 2 or (common and all(len(p) == 1 for p in parts)):
        return "-".join(common)  # one month (or a year, when every as_of is a year)
    first = min(dates, key=lambda d: span_of(d))
    last = max(dates, key=lambda d: span_of(d)[::-1])
    return f"{first}/{last}"


def span_of(text: str) -> tuple[int, int]:
    from factcheck.rules.base import as_of_span

    return as_of_span(text) or (0, 0)


def _number(x):
    if x is None:
        return None
    return int(x) if isinstance(x, float) and x.is_integer() else x


def _num(x) -> str:
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return f"{x:,}" if isinstance(x, int) else f"{x:,.10g}"


def value_text(c: Claim) -> str:
    """A value with its unit and interval, as a reader checks it against the quote:
    5,000 PFLOPS [4,500, 5,500]; 20 count (20, ∞); dates as ISO spans."""
    if c.kind == "date" and c.date:
        return c.date.start if c.date.start == c.date.end else f"{c.date.start}…{c.date.end}"
    if c.value is None:
        return "?"
    base = f"{_num(c.value)} {c.unit}" + (f" {c.precision}" if c.precision else "")
    if c.qualifier == "exact":
        return base
    lo = "-∞" if c.lower is None else _num(c.lower)
    hi = "∞" if c.upper is None else _num(c.upper)
    return f"{base} {'(' if c.lower_open or c.lower is None else '['}{lo}, {hi}{')' if c.upper_open or c.upper is None else ']'}"


NAMED_SOURCES = 3  # up to this many documents, a value names where it is said; beyond, it counts


def _places(claims: list[Claim]) -> str:
    """Where a value is said: document:line for a few documents, else how many documents."""
    first: dict[str, Claim] = {}
    for c in sorted(claims, key=position):
        first.setdefault(c.document, c)
    if len(first) <= NAMED_SOURCES:
        return ", ".join(f"{d}:{c.line}" for d, c in first.items())
    return f"{len(first)} documents"


def _entries(claims: list[Claim], labels: dict[str, str]) -> list[FindingValue]:
    out = []
    for group in distinct(claims):
        c = group[0]
        if c.kind == "date" and c.date:
            value = c.date.start if c.date.start == c.date.end else f"{c.date.start}/{c.date.end}"
            lower, upper = c.date.start, c.date.end
        else:
            value, lower, upper = c.value, c.lower, c.upper
        group = sorted(group, key=position)
        out.append(FindingValue(
            value=value, unit=c.unit, lower=lower, upper=upper, as_of=as_of_text(group),
            claims=[x.id for x in group], documents=len({x.document for x in group}),
            origins=len({labels[x.id] for x in group}), precision=c.precision, modality=modality(c),
        ))
    out.sort(key=lambda v: (-v.origins, -v.documents, str(v.lower), str(v.value), v.claims[0]))
    return out


def _named(claims: list[Claim], attr: str) -> Named | None:
    """The name most claims use (the first in reading order on a tie)."""
    names = [getattr(c, attr) for c in sorted(claims, key=position) if getattr(c, attr)]
    if not names:
        return None
    counts = Counter(n.key for n in names)
    best = max(counts.values())
    pick = next(n for n in names if counts[n.key] == best)
    return Named(text=pick.text or pick.key.split("|")[0], key=pick.key, type=pick.type)


def _similarity(claims: list[Claim], subject: Named | None) -> float | None:
    if subject is None:
        return None
    keys = {c.subject.key for c in claims if c.subject}
    return min((subject_similarity(subject.key, k) for k in keys), default=100.0)


def _sources(v: FindingValue, claims: list[Claim]) -> str:
    ids = set(v.claims)
    text = _places([c for c in claims if c.id in ids])
    if v.origins != v.documents:
        text += f"; {v.origins} origin{'s' if v.origins != 1 else ''}"
    return text


def _fingerprint(rule: Rule, subject: Named | None, metric: Named | None, values: list[FindingValue], as_of: str | None) -> str:
    """Stable across edits that do not change the fact: a new article restating a value, a line
    moved, a quote reworded keep it; a new value or another time changes it."""
    parts = [rule.id, rule.kind, subject.key if subject else "", metric.key.split("|")[0] if metric else ""]
    parts += sorted(f"{v.value}|{v.unit}|{v.lower}|{v.upper}|{v.precision}|{v.modality}" for v in values)
    if rule.kind == "update":
        parts.append(as_of or "")
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:20]


def _finding(rule: Rule, claims: list[Claim], values: list[FindingValue], why: str, as_of: str | None,
             labels: dict[str, str], names: _Names, basis_change: bool = False) -> Finding:
    claims = sorted(claims, key=position)
    ids = [c.id for c in claims]
    subject, metric = names.subject, names.metric
    ident = hashlib.sha1(f"{rule.id}{rule.kind}{''.join(sorted(ids))}".encode()).hexdigest()[:16]
    return Finding(
        id=f"f-{ident}", rule=rule.id, kind=rule.kind, severity=rule.severity, subject=subject, metric=metric,
        as_of=as_of, claims=ids, values=values, documents=len({c.document for c in claims}),
        origins=len({labels[c.id] for c in claims}), basis_change=basis_change, why=why,
        fingerprint=_fingerprint(rule, subject, metric, values, as_of), similarity=names.similarity,
    )


class _Names:
    """The subject and metric a finding names, and how alike its subjects are: worked out once."""

    def __init__(self, claims: list[Claim]):
        self.subject, self.metric = _named(claims, "subject"), _named(claims, "metric")
        self.similarity = _similarity(claims, self.subject)

    @property
    def head(self) -> str:
        return f"{self.subject.text if self.subject else '?'} {self.metric.text if self.metric else '?'}"

    @property
    def tail(self) -> str:
        sim = self.similarity
        return f"; subjects {sim:.0f}% alike" if sim is not None and sim < 100 else ""


def fact_finding(fact: Fact, labels: dict[str, str] | None = None) -> Finding | None:
    """agree or contradict for one fact of two claims or more (a one-claim fact says nothing).
    labels: each claim's origin (origins.origin_labels), worked out once for a linked group."""
    if len(fact.claims) < 2 or not one_thing(fact.claims):
        return None
    rule = fc102_contradict.judge(fact) or fc101_agree.judge(fact)
    labels = labels or origin_labels(fact.claims)
    names = _Names(fact.claims)
    values = _entries(fact.claims, labels)
    as_of = as_of_text(fact.claims)
    at = f" at {as_of}" if as_of and not fact.invariant else ""
    joined = (" vs " if rule.kind == "contradict" else ", ").join(f"{_value(v, fact.claims)} ({_sources(v, fact.claims)})" for v in values)
    verdict = "disjoint values" if rule.kind == "contradict" else "the values agree"
    if fact.plan:
        verdict += " (plan)"
    why = f"{names.head}: {joined}{at}; {verdict}{names.tail}"
    return _finding(rule, fact.claims, values, why, as_of, labels, names)


def _value(v: FindingValue, claims: list[Claim]) -> str:
    first = next(c for c in claims if c.id == v.claims[0])
    return value_text(first)


def _side(fact: Fact, labels) -> tuple[list[FindingValue], str]:
    values = _entries(fact.claims, labels)
    text = ", ".join(_value(v, fact.claims) for v in values)
    return values, f"{text} ({as_of_text(fact.claims)}, {_sources_total(fact.claims, labels)})"


def _sources_total(claims: list[Claim], labels) -> str:
    docs = len({c.document for c in claims})
    origins = len({labels[c.id] for c in claims})
    out = _places(claims)
    if origins != docs:
        out += f"; {origins} origin{'s' if origins != 1 else ''}"
    return out


def step_finding(step: Step, tolerance, labels: dict[str, str] | None = None) -> Finding | None:
    rule = fc105_cumulative.judge(step) or fc103_update.judge(step, tolerance)
    if rule is None:
        return None
    claims = step.earlier.claims + step.later.claims
    labels = labels or origin_labels(claims)
    names = _Names(claims)
    before, left = _side(step.earlier, labels)
    after, right = _side(step.later, labels)
    tail = "a cumulative figure went down" if rule.kind == "cumulative_decrease" else "later figure supersedes"
    if step.basis_change:
        tail += f"; precision changed {step.earlier.basis} → {step.later.basis}"
    why = f"{names.head}: {left} → {right}; {tail}{names.tail}"
    return _finding(rule, claims, before + after, why, as_of_text(step.later.claims), labels, names, step.basis_change)


def outcome_finding(outcome: Outcome, labels: dict[str, str] | None = None) -> Finding:
    rule = fc104_plan.RULE if outcome.met else fc104_plan.MISSED
    claims = outcome.plan.claims + outcome.actual.claims
    labels = labels or origin_labels(claims)
    names = _Names(claims)
    plan, left = _side(outcome.plan, labels)
    actual, right = _side(outcome.actual, labels)
    why = f"{names.head}: planned {left}; reported {right}; plan {'met' if outcome.met else 'missed'}{names.tail}"
    return _finding(rule, claims, plan + actual, why, as_of_text(outcome.actual.claims), labels, names)


__all__ = ["fact_finding", "outcome_finding", "position", "span", "step_finding", "value_text"]
