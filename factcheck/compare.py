"""Pairs linked claims, guards dimension and precision, runs the rules (SEMANTICS.md §3–§5).

Cost grows with the corpus, not its square: claims are blocked by (kind, unit, metric), and
within a block only distinct subject keys are scored against each other with rapidfuzz.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from functools import cache
from itertools import combinations

from factcheck.extract.patterns import norm
from factcheck.lang import load_lexicon
from factcheck.lang.loader import alternation
from factcheck.link.score import cluster_keys, subject_similarity
from factcheck.model import Claim, Finding
from factcheck.report.terminal import value_text
from factcheck.rules import DOCUMENT_RULES, PAIR_RULES, fc103_update
from factcheck.rules.base import Pair, Rule, as_of_span, date_interval, overlaps, quantity_interval
from factcheck.rules.fc101_agree import RULE as AGREE
from factcheck.rules.fc102_contradict import RULE as CONTRADICT
from factcheck.rules.fc104_plan import MISSED
from factcheck.rules.fc104_plan import RULE as PLAN_MET
from factcheck.rules.fc105_cumulative import RULE as CUMULATIVE
from factcheck.settings import Settings


@cache
def _broader_table() -> dict[str, str]:
    return {k: d.broader for k, d in load_lexicon().metrics.metrics.items() if d.broader}


@cache
def _recurring_rx():
    heads = [norm(h).lower() for h in load_lexicon().entities.heads.recurring]
    return re.compile(rf"(?:{alternation(heads)})$")


def _recurring(key: str) -> bool:
    return bool(_recurring_rx().search(key)) and not re.search(r"(?:19|20)\d{2}", key)


class _Broader(dict):
    def __missing__(self, key):
        raise KeyError(key)

    def __contains__(self, key):
        return key in _broader_table()

    def __getitem__(self, key):
        return _broader_table()[key]


_BROADER = _Broader()
_MEASURE_ONLY = {"个", "家", "所", "位", "名", "项", "门", "款", "台", "座", "种", "条", "件", "批", "份", "次"}
_BY_KIND = {r.kind: r for r in (AGREE, CONTRADICT, fc103_update.RULE, PLAN_MET, MISSED, CUMULATIVE)}


def block_key(c: Claim) -> tuple | None:
    if not c.subject or not c.metric:
        return None
    base = c.metric.key.split("|")[0]
    if c.kind == "date":
        # the dates of a company's or a country's events are too many to pair; a centre's, a
        # programme's or an event's own dates are not
        if c.subject.type not in ("facility", "program", "title") or base == "event":
            return None
        return ("date", base)
    if c.value is None or not c.unit:
        return None
    if base.startswith("dim:") or (base.startswith("count:") and len(base) <= 8 and base[6:] in _MEASURE_ONLY):
        return None  # a metric known only by its dimension or its measure word is too vague to compare
    stem, _, marker = base.partition("@")
    if c.subject.type == "facility" and stem in _BROADER:
        base = _BROADER[stem] + (f"@{marker}" if marker else "")  # an AI centre's 智能算力 is its 算力
    return ("quantity", c.unit, base)


_INTERVALS: dict[tuple, tuple] = {}


def _interval(c: Claim):
    """A claim's interval, computed once per distinct value (comparing pairs asks again and again)."""
    key = (c.kind, c.lower, c.upper, c.lower_open, c.upper_open, c.resolution, c.qualifier,
           (c.date.start, c.date.end) if c.date else None)
    found = _INTERVALS.get(key)
    if found is None:
        if len(_INTERVALS) > 1_000_000:
            _INTERVALS.clear()
        found = _INTERVALS[key] = date_interval(c) if c.kind == "date" else quantity_interval(c)
    return found


def _same_time(a: Claim, b: Claim, days: int) -> bool:
    """Reports within the window hold at the same time; two plans only when their deadlines overlap."""
    sa, sb = as_of_span(a.as_of), as_of_span(b.as_of)
    if not sa or not sb:
        return False
    gap = max(sa[0] - sb[1], sb[0] - sa[1], 0)
    if a.modality != "actual" and b.modality != "actual":
        return gap == 0
    return gap <= days


def _order(a: Claim, b: Claim) -> tuple[Claim, Claim]:
    sa, sb = as_of_span(a.as_of) or (0, 0), as_of_span(b.as_of) or (0, 0)
    return (a, b) if (sa[1], a.document, a.span.start) <= (sb[1], b.document, b.span.start) else (b, a)


def _place(c: Claim) -> str:
    return f"{c.document}:{c.line}"


def fingerprint(rule_id: str, kind: str, claims: list[Claim]) -> str:
    """Stable across edits that do not change the claims (not their lines or spans)."""
    parts = [rule_id, kind]
    for c in sorted(claims, key=lambda c: (c.document, c.kind, c.text)):
        value = f"{c.date.start}/{c.date.end}" if c.date else f"{c.value}{c.unit}"
        parts.append(f"{c.document}|{c.subject.key if c.subject else ''}|{c.metric.key if c.metric else ''}|{value}|{c.text.strip()}")
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:20]


def make_finding(rule: Rule, claims: list[Claim], why: str, similarity: float | None = None) -> Finding:
    ids = sorted(c.id for c in claims)
    ident = hashlib.sha1(f"{rule.id}{rule.kind}{''.join(ids)}".encode()).hexdigest()[:16]
    return Finding(id=f"f-{ident}", rule=rule.id, kind=rule.kind, severity=rule.severity, claims=[c.id for c in claims],
                   why=why, fingerprint=fingerprint(rule.id, rule.kind, claims), similarity=similarity)


def _why(kind: str, a: Claim, b: Claim, similarity: float) -> str:
    subject = a.subject.text
    metric = a.metric.text or a.metric.key.split("|")[0]
    left = f"{value_text(a)} ({a.as_of}, {_place(a)})"
    right = f"{value_text(b)} ({b.as_of}, {_place(b)})"
    tail = {
        "agree": "the intervals overlap",
        "contradict": "disjoint values of a fact that does not change" if "fixed" in a.metric.key else "disjoint intervals at the same time",
        "update": "later figure supersedes",
        "plan_met": "plan met",
        "plan_missed": "plan missed",
        "cumulative_decrease": "a cumulative figure went down",
    }[kind]
    other = "" if b.subject.text == subject else f" / {b.subject.text}"
    return f"{subject}{other} {metric}: {left} → {right}; {tail}; subjects {similarity:.0f}% alike"


def linked_groups(by_subject: dict[str, list], threshold: float) -> list[list]:
    """Members of one block, keyed by subject key, merged where the subjects name the same entity."""
    keys = sorted(by_subject)
    representative = cluster_keys(keys, threshold)
    groups: dict[str, list] = defaultdict(list)
    for k in keys:
        groups[representative[k]].extend(by_subject[k])
    return list(groups.values())


def position(c: Claim) -> tuple[str, int]:
    return c.document, c.span.start


def judge_pair(a: Claim, b: Claim, settings: Settings) -> Finding | None:
    if a.precision and b.precision and a.precision != b.precision:
        return None  # FP16 and FP64 figures are not comparable
    earlier, later = _order(a, b)
    similarity = subject_similarity(a.subject.key, b.subject.key)
    # time-invariant only when both say so: 建成时的100P does not freeze today's 400P
    invariant = a.kind == "date" or ("fixed" in a.metric.key.split("|") and "fixed" in b.metric.key.split("|"))
    ia, ib = _interval(earlier), _interval(later)
    pair = Pair(
        earlier=earlier, later=later, overlap=overlaps(ia, ib), same_time=_same_time(a, b, settings.same_time_days),
        invariant=invariant, cumulative="cumulative" in a.metric.key or "cumulative" in b.metric.key,
        similarity=similarity, a_interval=ia, b_interval=ib,
    )
    if a.kind == "date" and _recurring(a.subject.key) and not pair.overlap:
        return None  # the IO500 list of 2020-11 and of 2021-06 are two editions, not a contradiction
    for module in PAIR_RULES:
        kind = module.judge(pair, settings.tolerance_fraction) if module is fc103_update else module.judge(pair)
        if kind == "skip":
            return None
        if kind:
            return make_finding(_BY_KIND[kind], [earlier, later], _why(kind, earlier, later, similarity), similarity)
    return None


def blocks_of(claims: list[Claim]) -> dict[tuple, list[Claim]]:
    """Claims that can be compared at all, by (kind, unit, metric): the unit of distributed work."""
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        key = block_key(c)
        if key:
            blocks[key].append(c)
    return blocks


def group_findings(group: list[Claim], settings: Settings, focus: set[str] | None = None) -> list[Finding]:
    """Judge every pair of one linked group (claims in report position order)."""
    out = []
    for a, b in combinations(group, 2):
        if a.document == b.document and a.sentence == b.sentence:
            continue
        if focus is not None and a.id not in focus and b.id not in focus:
            continue
        f = judge_pair(a, b, settings)
        if f:
            out.append(f)
    return out


def block_findings(claims: list[Claim], settings: Settings, focus: set[str] | None = None) -> list[Finding]:
    """Pair findings inside one block: link subjects, then judge every linked pair."""
    by_subject: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_subject[c.subject.key].append(c)
    out = []
    for group in linked_groups(by_subject, settings.link_threshold):
        out.extend(group_findings(sorted(group, key=position), settings, focus))
    return out


def document_findings(claims: list[Claim]) -> list[Finding]:
    """Checks inside one document (FC2xx)."""
    out = []
    for module in DOCUMENT_RULES:
        for rule, members, why in module.check(claims):
            out.append(make_finding(rule, members, why))
    return out


def order_findings(findings: list[Finding]) -> list[Finding]:
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda f: (order[f.severity], f.rule, f.why, f.id))


def compare_claims(claims: list[Claim], settings: Settings, focus: set[str] | None = None) -> list[Finding]:
    """Findings among claims. With focus (claim ids), only pairs that involve a focus claim, and
    checks inside the focus claims' documents: the gate's new articles against the ledger."""
    findings: list[Finding] = []
    blocks = blocks_of(claims)
    for key in sorted(blocks):
        findings.extend(block_findings(blocks[key], settings, focus))
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if focus is None or c.id in focus:
            by_doc[c.document].append(c)
    for doc in sorted(by_doc):
        findings.extend(document_findings(by_doc[doc]))
    return order_findings(findings)
