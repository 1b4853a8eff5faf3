"""Findings grouped by subject, in a stable order, with their claims at hand: what every
human-readable report (terminal, Markdown, HTML) shows."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.claim_table import claims_by_id
from factcheck.model import Claim, Finding, Report

VERDICT = {
    "contradict": "CONTRADICT", "update": "UPDATE", "agree": "AGREE", "plan_met": "PLAN MET",
    "plan_missed": "PLAN MISSED", "cumulative_decrease": "SUSPICIOUS", "check_passed": "CHECK OK",
    "check_failed": "CHECK FAILED",
}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass
class Group:
    subject: str
    findings: list[tuple[Finding, list[Claim]]]


def grouped(report: Report) -> list[Group]:
    by_id = claims_by_id(report.claims, {i for f in report.findings or [] for i in f.claims})
    groups: dict[str, Group] = {}
    for f in report.findings or []:
        claims = [by_id[i] for i in f.claims if i in by_id]
        subject = next((c.subject.text for c in claims if c.subject), "—")
        key = claims[0].subject.key if claims and claims[0].subject else subject
        groups.setdefault(key, Group(subject, [])).findings.append((f, claims))
    out = list(groups.values())
    for g in out:
        g.findings.sort(key=lambda fc: (SEVERITY_ORDER[fc[0].severity], fc[0].rule, fc[0].id))
    out.sort(key=lambda g: (min(SEVERITY_ORDER[f.severity] for f, _ in g.findings), g.subject))
    return out


def counts(report: Report) -> list[tuple[str, int]]:
    tally: dict[str, int] = {}
    for f in report.findings or []:
        tally[f.kind] = tally.get(f.kind, 0) + 1
    order = ["contradict", "check_failed", "plan_missed", "cumulative_decrease", "update", "plan_met", "agree", "check_passed"]
    return [(k, tally[k]) for k in order if k in tally] + [(k, v) for k, v in sorted(tally.items()) if k not in order]
