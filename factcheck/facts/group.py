"""Linked claims → facts and series (SEMANTICS.md §3).

A linked group is every claim of one block (kind, unit, metric) whose subjects link. It is cut
into facts: claims that agree on precision basis and hold at the same time. Time-invariant metrics
(event dates, first phases) make one fact whatever the as_of; time-varying ones are cut into
same-time windows, and neighbouring windows that share a value are one fact that persists. Facts
of one basis in time order are a series; each step between them is an update. Plans and forecasts
make facts of their own, by deadline, and are set against the outcomes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from functools import cache

from factcheck.model import Claim
from factcheck.rules.base import as_of_span, date_interval, overlaps, quantity_interval

AI_FAMILY, HPC_FAMILY = "ai", "hpc"
_HPC_PRECISIONS = {"FP64"}  # a Linpack figure: never set against an AI figure (FP32, FP16, INT8)


@dataclass
class Fact:
    """Claims that state one value (or disagree about it) at one time."""

    claims: list[Claim]
    basis: str | None = None  # the stated precision the fact's figures share, if any
    plan: bool = False
    start: int = 0  # ordinal day bounds of the claims' as_of
    end: int = 0
    invariant: bool = False
    cumulative: bool = False

    def __post_init__(self):
        spans = [span(c) for c in self.claims]
        self.start = min(s[0] for s in spans)
        self.end = max(s[1] for s in spans)


@dataclass
class Step:
    """Two facts of one series in time order: the later supersedes the earlier."""

    earlier: Fact
    later: Fact

    @property
    def basis_change(self) -> bool:
        a, b = self.earlier.basis, self.later.basis
        return bool(a and b and a != b)


@dataclass
class Outcome:
    """A plan (or forecast) fact and the reported outcome it is judged by."""

    plan: Fact
    actual: Fact
    met: bool


@dataclass
class Grouped:
    facts: list[Fact] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)


_INTERVALS: dict[tuple, tuple] = {}


def interval(c: Claim):
    """A claim's interval, computed once per distinct value."""
    key = value_key(c)
    found = _INTERVALS.get(key)
    if found is None:
        if len(_INTERVALS) > 200_000:
            _INTERVALS.clear()
        if c.kind == "date":
            found = date_interval(c)
        else:
            k = time_scale(c.unit)
            found = quantity_interval(c) if k == 1 else _scaled(quantity_interval(c), k)
        _INTERVALS[key] = found
    return found


def time_scale(unit: str | None) -> Fraction:
    """Days per unit for a duration (0.5 year and 6 months are one value), 1 for any other unit."""
    from factcheck.facts.blocks import block_unit

    if not unit or block_unit(unit) != "time":
        return Fraction(1)
    return _days(unit)


@cache
def _days(unit: str) -> Fraction:
    from factcheck.extract.units import seconds

    return Fraction(seconds(unit)) / 86400


def _scaled(iv: tuple, k: Fraction) -> tuple:
    lo, hi, lo_open, hi_open = iv
    return (None if lo is None else lo * k, None if hi is None else hi * k, lo_open, hi_open)


def value_key(c: Claim) -> tuple:
    """Claims with one value key state the same value the same way (one entry of a finding)."""
    return (c.kind, c.value, c.unit, c.lower, c.upper, c.lower_open, c.upper_open, c.resolution, c.qualifier,
            (c.date.start, c.date.end) if c.date else None)


_SPANS: dict[str, tuple[int, int]] = {}


def span(c: Claim) -> tuple[int, int]:
    s = _SPANS.get(c.as_of or "")
    if s is None:
        s = _SPANS[c.as_of or ""] = as_of_span(c.as_of) or (0, 0)
    return s


def modality(c: Claim) -> str:
    """Plan words govern the future: an event dated before its article was published happened."""
    if c.modality != "actual" and c.kind == "date" and c.date and c.as_of:
        published = span(c)
        if published[0] and date.fromisoformat(c.date.end).toordinal() < published[0]:
            return "actual"
    return c.modality


def distinct(claims: list[Claim]) -> list[list[Claim]]:
    """The claims grouped by value key, in first-seen order."""
    out: dict[tuple, list[Claim]] = {}
    for c in claims:
        out.setdefault(value_key(c), []).append(c)
    return list(out.values())


def all_overlap(claims: list[Claim]) -> bool:
    """Every interval shares a point with every other (so all share one)."""
    ivs = [interval(g[0]) for g in distinct(claims)]
    return all(overlaps(a, b) for i, a in enumerate(ivs) for b in ivs[i + 1 :])


def contradicts(claims: list[Claim]) -> bool:
    """Two sources disagree: a figure in a sentence of one document is disjoint from every figure
    of the fact in a sentence of another document, and the other way round. Figures that one
    sentence sets side by side (a total and a part, two lists) are different things that link, and
    a figure that matches any of them agrees with that sentence; figures of one article never
    contradict each other (two phases, two scopes)."""
    groups = distinct(claims)
    if len(groups) < 2:
        return False
    index = {value_key(g[0]): n for n, g in enumerate(groups)}
    ivs = [interval(g[0]) for g in groups]
    apart = {(i, j) for i in range(len(ivs)) for j in range(len(ivs)) if i != j and not overlaps(ivs[i], ivs[j])}
    if not apart:
        return False
    by_place: dict[tuple, set[int]] = {}
    for c in claims:
        by_place.setdefault((c.document, c.sentence), set()).add(index[value_key(c)])
    places = sorted({(doc, frozenset(v)) for (doc, _), v in by_place.items()}, key=lambda x: (x[0], sorted(x[1])))
    if len({doc for doc, _ in places}) < 2:
        return False
    for a_n, (p_doc, p) in enumerate(places):
        for q_doc, q in places[a_n + 1 :]:
            if q_doc == p_doc:
                continue
            for i in p:
                if all((i, j) in apart for j in q) and any(all((j, k) in apart for k in p) for j in q):
                    return True
    return False


def one_thing(claims: list[Claim]) -> bool:
    """False when all the claims come from one article that sets disjoint figures side by side."""
    first = claims[0].document
    return any(c.document != first for c in claims) or all_overlap(claims)


def _same_value(earlier: Claim, later: Claim, tolerance: Fraction) -> bool:
    """Across time, two values are one when they overlap, except open bounds that moved on
    (20+ then 100+: the later lower bound is higher beyond tolerance; 150+ then 100+ still holds)."""
    if not overlaps(interval(earlier), interval(later)):
        return False
    a, b = earlier, later
    if a.kind == "quantity" and a.qualifier == b.qualifier and a.qualifier in ("at_least", "at_most") and a.value and b.value:
        x, y = Fraction(str(a.value)) * time_scale(a.unit), Fraction(str(b.value)) * time_scale(b.unit)
        return y <= x * (1 + tolerance) if a.qualifier == "at_least" else y * (1 + tolerance) >= x
    return True


def _share_value(xs: list[Claim], ys: list[Claim], tolerance: Fraction) -> bool:
    """Some value of the earlier claims and some value of the later ones are one."""
    return any(_same_value(a, b, tolerance) for a in xs for b in ys)


def _family(precision: str | None) -> str | None:
    if not precision:
        return None
    return HPC_FAMILY if precision.upper() in _HPC_PRECISIONS else AI_FAMILY


def _by_basis(claims: list[Claim]) -> dict[str | None, list[Claim]]:
    """Claims by stated precision; a figure that states none joins the stated one it overlaps,
    else the most stated one of the AI family, else stays on its own."""
    stated: dict[str, list[Claim]] = {}
    loose: list[Claim] = []
    for c in claims:
        (stated.setdefault(c.precision, []) if c.precision else loose).append(c)
    if not stated:
        return {None: claims}
    out: dict[str | None, list[Claim]] = {k: list(v) for k, v in stated.items()}
    ai = sorted((k for k in stated if _family(k) == AI_FAMILY), key=lambda k: (-len(stated[k]), k))
    for c in loose:
        home = next((k for k in sorted(stated) if any(overlaps(interval(c), interval(s)) for s in stated[k])), None)
        home = home or (ai[0] if ai else None)
        out.setdefault(home, []).append(c)
    return out


def _windows(claims: list[Claim], days: int) -> list[list[Claim]]:
    """Same-time windows: claims sorted by as_of, each window as long as its first claim's
    as_of plus the same-time days."""
    ordered = sorted(claims, key=lambda c: (span(c), c.document, c.span.start))
    out: list[list[Claim]] = []
    limit = None
    for c in ordered:
        s = span(c)
        if limit is None or s[0] > limit:
            out.append([])
            limit = s[1] + days
        out[-1].append(c)
    return out


def _top(claims: list[Claim]) -> list[Claim]:
    """The values most documents state (all of them on a tie): what a window says."""
    groups = distinct(claims)
    most = max(len({c.document for c in g}) for g in groups)
    return [g[0] for g in groups if len({c.document for c in g}) == most]


def _persisting(windows: list[list[Claim]], tolerance: Fraction) -> list[list[Claim]]:
    """Neighbouring windows whose main values agree are one fact that holds on; a lone outlier
    that happens to match the next window's figure does not bridge them."""
    out: list[list[Claim]] = []
    for w in windows:
        if out and _share_value(_top(out[-1]), _top(w), tolerance):
            out[-1].extend(w)
        else:
            out.append(list(w))
    return out


def _series(claims: list[Claim], basis: str | None, invariant: bool, cumulative: bool, days: int,
            tolerance: Fraction, plan: bool = False) -> list[Fact]:
    if invariant:
        parts = [claims]
    elif plan:
        # a plan restated later with its figure is one plan; plans hold together at one deadline
        parts = _persisting(_deadlines(claims), tolerance)
    else:
        parts = _persisting(_windows(claims, days), tolerance)
    return [Fact(p, basis, plan, invariant=invariant, cumulative=cumulative) for p in parts]


def _deadlines(claims: list[Claim]) -> list[list[Claim]]:
    """Plans hold together only when their deadlines overlap."""
    ordered = sorted(claims, key=lambda c: (span(c), c.document, c.span.start))
    out: list[list[Claim]] = []
    end = None
    for c in ordered:
        s = span(c)
        if end is None or s[0] > end:
            out.append([])
            end = s[1]
        end = max(end, s[1])
        out[-1].append(c)
    return out


def _value_clusters(claims: list[Claim]) -> list[list[Claim]]:
    """Dates of a recurring event (an annual list, a yearly conference): each edition is its own fact."""
    groups = distinct(sorted(claims, key=lambda c: (interval(c)[0], c.document, c.span.start)))
    out: list[list[Claim]] = []
    for g in groups:
        if out and overlaps(interval(out[-1][-1]), interval(g[0])):
            out[-1].extend(g)
        else:
            out.append(list(g))
    return out


def _meets(plan: Fact, actual: Fact) -> bool:
    for p in distinct(plan.claims):
        for a in distinct(actual.claims):
            pc, ac = p[0], a[0]
            if overlaps(interval(pc), interval(ac)):
                return True
            if pc.kind == "quantity" and ac.value is not None and pc.lower is not None and ac.value >= pc.lower:
                return True
    return False


def _states(plan: Fact, actual: Fact) -> bool:
    return any(overlaps(interval(p[0]), interval(a[0])) for p in distinct(plan.claims) for a in distinct(actual.claims))


def _outcome(plan: Fact, actuals: list[Fact]) -> Outcome | None:
    """The plan is met by the first outcome that states its figure, else by the first that goes
    beyond it; missed when an outcome dated at or after its deadline does neither; not judged
    before the deadline."""
    for a in actuals:
        if _states(plan, a):
            return Outcome(plan, a, True)
    for a in actuals:
        if _meets(plan, a):
            return Outcome(plan, a, True)
    due = [a for a in actuals if a.end >= plan.start]
    if due and plan.start:
        return Outcome(plan, due[-1], False)
    return None


def group_facts(claims: list[Claim], tolerance: Fraction, days: int, recurring: bool = False) -> Grouped:
    """Facts, series steps and plan outcomes of one linked group."""
    out = Grouped()
    first = claims[0]
    invariant = first.kind == "date" or all("fixed" in c.metric.key.split("|") for c in claims)
    cumulative = any("cumulative" in c.metric.key for c in claims)
    actual = [c for c in claims if modality(c) == "actual"]
    plans = [c for c in claims if modality(c) != "actual"]
    series_by_family: dict[str | None, list[Fact]] = {}
    if actual and recurring:
        for part in _value_clusters(actual):
            out.facts.append(Fact(part, None, invariant=True))
    elif actual:
        for basis, members in sorted(_by_basis(actual).items(), key=lambda kv: kv[0] or ""):
            facts = _series(members, basis, invariant, cumulative, days, tolerance)
            out.facts.extend(facts)
            series_by_family.setdefault(_family(basis), []).extend(facts)
    for family_facts in series_by_family.values():
        out.steps.extend(_steps(family_facts))
    if plans:
        actual_facts = sorted((f for f in out.facts if not f.plan), key=lambda f: (f.end, f.start))
        for basis, members in sorted(_by_basis(plans).items(), key=lambda kv: kv[0] or ""):
            for fact in _series(members, basis, invariant, cumulative, days, tolerance, plan=True):
                out.facts.append(fact)
                comparable = [a for a in actual_facts if not (a.basis and basis and _family(a.basis) != _family(basis))]
                outcome = _outcome(fact, comparable)
                if outcome:
                    out.outcomes.append(outcome)
    return out


def _steps(facts: list[Fact]) -> list[Step]:
    """Each fact after the first steps from the latest fact before it: of its own precision when
    there is one (an FP16 series and an INT8 series run side by side), else of another (a basis change)."""
    if len(facts) < 2 or facts[0].invariant:
        return []
    ordered = sorted(facts, key=lambda f: (f.start, f.end, f.basis or ""))
    steps = []
    for i, f in enumerate(ordered):
        before = [p for p in ordered[:i] if p.end < f.start]
        if not before:
            continue
        own = [p for p in before if p.basis == f.basis or p.basis is None or f.basis is None]
        pick = max(own or before, key=lambda p: (p.end, p.start))
        steps.append(Step(pick, f))
    return steps
