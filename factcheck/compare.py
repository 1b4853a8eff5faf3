"""Blocks and links claims, then hands each linked group to facts (SEMANTICS.md §3–§5).

Cost grows with the corpus, not its square: claims are blocked by (kind, unit, metric), within
a block only distinct subject keys are scored against each other with rapidfuzz, and a linked
group becomes facts and series (factcheck.facts) without pairing its claims.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from functools import cache

from factcheck.extract.patterns import norm
from factcheck.facts import linked_findings
from factcheck.lang import load_lexicon
from factcheck.lang.loader import alternation
from factcheck.link.score import cluster_keys
from factcheck.model import Claim, Finding
from factcheck.rules import DOCUMENT_RULES
from factcheck.rules.base import Rule
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


def blocks_of(claims: list[Claim]) -> dict[tuple, list[Claim]]:
    """Claims that can be compared at all, by (kind, unit, metric): the unit of distributed work."""
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        key = block_key(c)
        if key:
            blocks[key].append(c)
    return blocks


def group_findings(group: list[Claim], settings: Settings, focus: set[str] | None = None) -> list[Finding]:
    """The findings of one linked group: one per fact, step or plan (facts.linked_findings).
    With focus, only those that rest on a focus claim."""
    if len(group) < 2:
        return []
    first = group[0]
    recurring = first.kind == "date" and _recurring(first.subject.key)
    found = linked_findings(group, settings, recurring)
    if focus is not None:
        found = [f for f in found if any(i in focus for i in f.claims)]
    return found


def block_findings(claims: list[Claim], settings: Settings, focus: set[str] | None = None) -> list[Finding]:
    """Findings inside one block: link subjects, then judge each linked group as facts."""
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
