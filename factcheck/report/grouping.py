"""What every human-readable report (terminal, Markdown, HTML) shows, computed once: each finding
as a fact with its values and who states them, the sections in the order a reader wants them
(contradictions first, agreements last), the documents read, and the series worth a timeline.

A finding of schema 2 carries its own subject, metric, as_of and values (OUTPUT.md); an older
finding (or one made inside a document) has only claims, and its values are grouped here from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.claim_table import claims_by_id
from factcheck.model import Claim, Document, Finding, Report

VERDICT = {
    "contradict": "CONTRADICT", "update": "UPDATE", "agree": "AGREE", "plan_met": "PLAN MET",
    "plan_missed": "PLAN MISSED", "cumulative_decrease": "SUSPICIOUS", "check_passed": "CHECK OK",
    "check_failed": "CHECK FAILED",
}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

# The sections of a report, in reading order: (key, title, kinds). A kind not listed goes to
# "problems" when it is an error or a warning and to "agreements" when it is info.
SECTIONS = (
    ("contradictions", "Contradictions", ("contradict",)),
    ("problems", "Other problems", ("plan_missed", "cumulative_decrease", "check_failed")),
    ("updates", "Updates", ("update", "plan_met")),
    ("agreements", "Agreements", ("agree",)),
)
# a check inside one document that passed is not news: kept in JSON, left out of the readable reports
PASSED = ("check_passed",)
SECTION_OF = {kind: key for key, _, kinds in SECTIONS for kind in kinds}


def section_of(f: Finding) -> str:
    if f.kind in PASSED:
        return "passed"
    return SECTION_OF.get(f.kind) or ("problems" if f.severity in ("error", "warning") else "agreements")


@dataclass
class Value:
    """One distinct value of a fact and the claims that state it."""

    text: str  # as a reader reads it: 300 PFLOPS, ≥ 100 count, 2021-05-31
    number: float | None  # where it sits on a chart (the middle of its interval), None for dates
    unit: str | None
    as_of: str | None
    claims: list[Claim]
    documents: int
    origins: int


@dataclass
class Fact:
    """A finding as a reader sees it."""

    finding: Finding
    section: str
    subject: str
    subject_key: str
    metric: str
    metric_key: str
    as_of: str | None
    values: list[Value]
    claims: list[Claim]
    documents: int
    origins: int

    @property
    def verdict(self) -> str:
        return VERDICT.get(self.finding.kind, self.finding.kind.upper().replace("_", " "))

    @property
    def single_source(self) -> bool:
        """Stated by one origin only (an article consistent with itself): hidden behind a count."""
        return self.finding.kind == "agree" and self.origins < 2


@dataclass
class Point:
    as_of: str
    value: Value
    contradicted: bool  # another value at the same date


@dataclass
class Series:
    """One subject's metric over time, in one unit: what a timeline draws."""

    subject: str
    subject_key: str
    metric: str
    unit: str
    points: list[Point] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return "t-" + _slug(f"{self.subject_key}-{self.metric}-{self.unit}")


@dataclass
class View:
    documents: list[Document]
    facts: list[Fact]
    sections: list[tuple[str, str, list[Fact]]]  # (key, title, facts) in reading order, empty ones left out
    series: list[Series]

    def count(self, section: str) -> int:
        return sum(1 for f in self.facts if f.section == section and not f.single_source)

    @property
    def single_source(self) -> int:
        return sum(1 for f in self.facts if f.single_source)

    @property
    def shown_facts(self) -> int:
        """Facts with two or more origins (the ones a cross-source report is about)."""
        return sum(1 for f in self.facts if f.finding.kind in _FACT_KINDS and not f.single_source)


_FACT_KINDS = {"agree", "contradict", "plan_met", "plan_missed"}


def _slug(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode()).hexdigest()[:10]


QUOTES = 3  # quotes shown per value; a fact repeated by hundreds of outlets names the rest


def one_per_document(claims: list[Claim]) -> list[Claim]:
    """The claim to quote for each document, in order: its longest sentence (the body's, not the
    headline that repeats it), since restatements inside one article are one source."""
    best: dict[str, Claim] = {}
    for c in claims:
        if c.document not in best or len(c.sentence or "") > len(best[c.document].sentence or ""):
            best[c.document] = c
    return list(best.values())


def num(x: float | int | None) -> str:
    if x is None:
        return ""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6g}"


# how a unit reads after a number: a count needs no word (the metric names what is counted)
_UNIT_SHOWN = {"count": "", "percent": "%"}


def interval_text(value, unit, lower, upper, qualifier: str | None = None) -> str:
    """300 PFLOPS, ≥ 100 count, 4,500–5,500 PFLOPS: the value as an editor would write it."""
    unit = _UNIT_SHOWN.get(unit, f" {unit}") if unit else ""
    if lower is not None and upper is not None and lower != upper:
        if value is not None and qualifier == "approx":
            return f"≈ {num(value)}{unit}"
        return f"{num(lower)}–{num(upper)}{unit}"
    if lower is not None and upper is None:
        return f"> {num(lower)}{unit}" if qualifier != "at_least" else f"≥ {num(lower)}{unit}"
    if lower is None and upper is not None:
        return f"< {num(upper)}{unit}" if qualifier != "at_most" else f"≤ {num(upper)}{unit}"
    return f"{num(value)}{unit}"


def claim_value(c: Claim) -> str:
    if c.kind == "date" and c.date:
        return c.date.start if c.date.start == c.date.end else f"{c.date.start} – {c.date.end}"
    return interval_text(c.value, c.unit, c.lower, c.upper, c.qualifier)


def _middle(lower, upper, value) -> float | None:
    if value is not None:
        return float(value)
    if lower is not None and upper is not None:
        return (float(lower) + float(upper)) / 2
    return float(lower) if lower is not None else (float(upper) if upper is not None else None)


def _values_from_finding(f: Finding, by_id: dict[str, Claim], documents_of) -> list[Value] | None:
    raw = getattr(f, "values", None)
    if not raw:
        return None
    out = []
    for v in raw:
        v = v if isinstance(v, dict) else v.model_dump()
        claims = [by_id[i] for i in v.get("claims", []) if i in by_id]
        first = claims[0] if claims else None
        if first is not None and first.kind == "date":
            text = claim_value(first)
            number = None
        elif isinstance(v.get("value"), str) or isinstance(v.get("lower"), str):  # a date value without its claims
            lo, hi = v.get("lower") or v.get("value"), v.get("upper") or v.get("value")
            text = lo if lo == hi else f"{lo} – {hi}"
            number = None
        else:
            text = interval_text(v.get("value"), v.get("unit"), v.get("lower"), v.get("upper"),
                                 first.qualifier if first else None)
            number = _middle(v.get("lower"), v.get("upper"), v.get("value"))
        docs = v.get("documents") or len(documents_of(claims))
        out.append(Value(text, number, v.get("unit"), v.get("as_of") or (first.as_of if first else None), claims,
                         docs, v.get("origins") or docs))
    return out


def _values_from_claims(claims: list[Claim], documents_of) -> list[Value]:
    groups: dict[str, list[Claim]] = {}
    for c in claims:
        groups.setdefault(claim_value(c), []).append(c)
    out = []
    for text, members in groups.items():
        first = members[0]
        number = None if first.kind == "date" else _middle(first.lower, first.upper, first.value)
        docs = len(documents_of(members))
        as_of = max((c.as_of for c in members if c.as_of), default=None)
        out.append(Value(text, number, first.unit, as_of, members, docs, docs))
    return out


def _named(f: Finding, name: str, claims: list[Claim]):
    """(text, key) of the finding's subject or metric, else of its first claim that has one."""
    own = getattr(f, name, None)
    if own is not None:
        own = own if isinstance(own, dict) else own.model_dump()
        return own.get("text") or own.get("key") or "—", own.get("key") or own.get("text") or "—"
    for c in claims:
        named = getattr(c, name)
        if named is not None:
            return named.text or named.key, named.key
    return "—", "—"


def view(report: Report) -> View:
    findings = list(report.findings or [])
    wanted = {i for f in findings for i in f.claims}
    for f in findings:
        for v in getattr(f, "values", None) or []:
            wanted.update(v["claims"] if isinstance(v, dict) else v.claims)
    by_id = claims_by_id(report.claims, wanted)

    def documents_of(claims):
        return {c.document for c in claims}

    facts = []
    for f in findings:
        if f.kind in PASSED:
            continue
        claims = [by_id[i] for i in f.claims if i in by_id]
        values = _values_from_finding(f, by_id, documents_of) or _values_from_claims(claims, documents_of)
        subject, subject_key = _named(f, "subject", claims)
        metric, metric_key = _named(f, "metric", claims)
        docs = getattr(f, "documents", None) or len(documents_of(claims))
        origins = getattr(f, "origins", None) or docs
        as_of = getattr(f, "as_of", None) or max((c.as_of for c in claims if c.as_of), default=None)
        facts.append(Fact(f, section_of(f), subject, subject_key, metric, metric_key, as_of, values, claims, docs, origins))
    facts.sort(key=lambda x: (SEVERITY_ORDER[x.finding.severity], x.subject_key, x.metric_key, x.as_of or "",
                              x.finding.rule, x.finding.id))
    sections = []
    for key, title, _ in SECTIONS:
        members = [x for x in facts if x.section == key]
        if members:
            sections.append((key, title, members))
    return View(list(report.documents), facts, sections, _series(facts))


def _series(facts: list[Fact]) -> list[Series]:
    """Every subject's metric (in one unit) with values at two or more dates, from the facts that
    cross sources; each point is one value at one as_of, two values at one date mark a contradiction."""
    found: dict[tuple, Series] = {}
    for fact in facts:
        if fact.finding.kind not in ("agree", "contradict", "update", "plan_met", "plan_missed") or fact.single_source:
            continue
        for v in fact.values:
            if v.number is None or not v.unit or not v.as_of or any(c.modality != "actual" for c in v.claims):
                continue
            key = (fact.subject_key, fact.metric_key, v.unit)
            series = found.setdefault(key, Series(fact.subject, fact.subject_key, fact.metric, v.unit))
            # the values of one fact hold at one time: drawn at the fact's as_of, so a contradiction
            # is two points at one date; a series step keeps each value's own date
            one_time = fact.finding.kind in ("agree", "contradict") and fact.as_of and "/" not in fact.as_of
            series.points.append(Point(fact.as_of if one_time else v.as_of, v, False))
    out = []
    for series in found.values():
        merged: dict[tuple, Point] = {}
        windows = {(p.as_of, p.value.text) for p in series.points}
        for p in series.points:  # one point per (date, value): the same value in two facts is one point
            # and a day inside a coarser window with the same value (2024-06-13 in 2024-06) joins it
            k = next(((w, t) for w, t in windows if t == p.value.text and len(w) < len(p.as_of)
                      and p.as_of.startswith(w)), (p.as_of, p.value.text))
            if k in merged:
                old = merged[k].value
                claims = list({c.id: c for c in old.claims + p.value.claims}.values())
                docs = len({c.document for c in claims})
                merged[k] = Point(k[0], Value(old.text, old.number, old.unit, old.as_of, claims, docs,
                                                 max(old.origins, p.value.origins, 1)), False)
            else:
                merged[k] = Point(k[0], p.value, False)
        points = sorted(merged.values(), key=lambda p: (p.as_of, p.value.number or 0))
        dates = {p.as_of for p in points}
        if len(dates) < 2:
            continue
        for p in points:
            p.contradicted = sum(1 for q in points if q.as_of == p.as_of) > 1
        series.points = points
        out.append(series)
    out.sort(key=lambda s: (s.subject_key, s.metric, s.unit))
    return out


def single_source(f: Finding) -> bool:
    """An agreement with one independent origin (an article consistent with itself, or copies of
    one story): the JSON keeps it, the human-readable reports hide it (SEMANTICS.md §3)."""
    return f.kind == "agree" and (f.origins or 1) < 2


def hidden(report: Report) -> int:
    return sum(1 for f in report.findings or [] if single_source(f))


def counts(report: Report) -> list[tuple[str, int]]:
    tally: dict[str, int] = {}
    for f in report.findings or []:
        tally[f.kind] = tally.get(f.kind, 0) + 1
    order = ["contradict", "check_failed", "plan_missed", "cumulative_decrease", "update", "plan_met", "agree", "check_passed"]
    return [(k, tally[k]) for k in order if k in tally] + [(k, v) for k, v in sorted(tally.items()) if k not in order]
