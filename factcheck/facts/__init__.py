"""Linked claims → facts and series → findings, in one place for check, gate, --jobs and Dask
(SEMANTICS.md §3; DESIGN.md: link → facts → rules).

`linked_findings` takes the claims of one linked group (one block, subjects that name one entity)
and returns one finding per fact of two claims or more, one per step of a series and one per plan
judged against its outcome. The number of findings grows with the number of facts, not with the
square of the sources.
"""

from __future__ import annotations

from factcheck.facts.findings import fact_finding, outcome_finding, position, step_finding
from factcheck.facts.group import Fact, Grouped, Outcome, Step, group_facts
from factcheck.facts.origins import origin_labels
from factcheck.model import Claim, Finding
from factcheck.settings import Settings


def linked_findings(group: list[Claim], settings: Settings, recurring: bool = False) -> list[Finding]:
    """The findings of one linked group."""
    if len(group) < 2:
        return []
    group = sorted(group, key=position)
    grouped = group_facts(group, settings.tolerance_fraction, settings.same_time_days, recurring)
    labels = origin_labels(group)  # once for the group: a document is one origin in every fact it states
    out: list[Finding] = []
    for fact in grouped.facts:
        f = fact_finding(fact, labels)
        if f:
            out.append(f)
    for step in grouped.steps:
        f = step_finding(step, settings.tolerance_fraction, labels)
        if f:
            out.append(f)
    out.extend(outcome_finding(o, labels) for o in grouped.outcomes)
    return out


__all__ = ["Fact", "Grouped", "Outcome", "Step", "group_facts", "linked_findings", "origin_labels"]
