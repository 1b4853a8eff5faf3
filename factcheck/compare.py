"""Blocks and links claims, then hands each linked group to facts (SEMANTICS.md §3–§5).

Cost grows with the corpus, not its square: claims are blocked by (kind, unit, metric), within
a block only distinct subject keys are scored against each other with rapidfuzz, and a linked
group becomes facts and series (factcheck.facts) without pairing its claims.
"""

from __future__ import annotations

from collections import defaultdict

from factcheck.facts import linked_findings
from factcheck.facts.blocks import block_key, blocks_of, link_key, recurring
from factcheck.link.score import cluster_keys
from factcheck.model import Claim, Finding
from factcheck.rules.base import make_finding
from factcheck.rules.inside import document_findings
from factcheck.settings import Settings

__all__ = ["block_key", "blocks_of", "compare_claims", "document_findings", "make_finding", "order_findings"]


def linked_groups(by_subject: dict[str, list], threshold: float) -> list[list]:
    """Members of one block, keyed by subject key, merged where the subjects name the same entity."""
    keys = sorted(by_subject)
    linked = {k: link_key(k) for k in keys}
    representative = cluster_keys(sorted(set(linked.values())), threshold)
    groups: dict[str, list] = defaultdict(list)
    for k in keys:
        groups[representative[linked[k]]].extend(by_subject[k])
    return [groups[k] for k in sorted(groups)]


def position(c: Claim) -> tuple[str, int]:
    return c.document, c.span.start


def group_findings(group: list[Claim], settings: Settings, focus: set[str] | None = None) -> list[Finding]:
    """The findings of one linked group: one per fact, step or plan (facts.linked_findings).
    With focus, only those that rest on a focus claim."""
    if len(group) < 2 or (focus is not None and not any(c.id in focus for c in group)):
        return []  # a group with no focus claim has no finding that rests on one
    first = group[0]
    editions = first.kind == "date" and recurring(first.subject.key)
    found = linked_findings(group, settings, editions)
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
