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


QUOTES = 8  # a finding quotes at most this many distinct sentences (a fact may rest on hundreds)


def single_source(f: Finding) -> bool:
    """An agreement with one independent origin (an article consistent with itself, or copies of
    one story): the JSON keeps it, the human-readable reports hide it (SEMANTICS.md §3)."""
    return f.kind == "agree" and f.origins < 2


def hidden(report: Report) -> int:
    return sum(1 for f in report.findings or [] if single_source(f))


def hidden_note(report: Report) -> str | None:
    n = hidden(report)
    return f"{n} single-source fact{'s' if n != 1 else ''} hidden (agreements with one origin; the JSON keeps them)" if n else None


def _quoted(f: Finding, by_id: dict[str, Claim]) -> list[Claim]:
    """The claims a report quotes: the first of each value, then others, each sentence once."""
    order = [v.claims[0] for v in f.values if v.claims] + list(f.claims)
    out, seen = [], set()
    for i in order:
        c = by_id.get(i)
        if c is None or c.sentence in seen:
            continue
        seen.add(c.sentence)
        out.append(c)
        if len(out) == QUOTES:
            break
    return out


def grouped(report: Report) -> list[Group]:
    shown = [f for f in report.findings or [] if not single_source(f)]
    wanted = {i for f in shown for i in ([v.claims[0] for v in f.values if v.claims] + f.claims[: QUOTES * 4])}
    by_id = claims_by_id(report.claims, wanted)
    groups: dict[str, Group] = {}
    for f in shown:
        claims = _quoted(f, by_id)
        subject = next((c.subject.text for c in claims if c.subject), "—")
        key = claims[0].subject.key if claims and claims[0].subject else subject
        groups.setdefault(key, Group(subject, [])).findings.append((f, claims))
    out = list(groups.values())
    for g in out:
        g.findings.sort(key=lambda fc: (SEVERITY_ORDER[fc[0].severity], fc[0].rule, fc[0].id))
    out.sort(key=lambda g: (min(SEVERITY_ORDER[f.severity] for f, _ in g.findings), g.subject))
    return out


def counts(report: Report) -> list[tuple[str, int]]:
    """Findings by kind, as the JSON has them (hidden single-source agreements included)."""
    tally: dict[str, int] = {}
    for f in report.findings or []:
        tally[f.kind] = tally.get(f.kind, 0) + 1
    order = ["contradict", "check_failed", "plan_missed", "cumulative_decrease", "update", "plan_met", "agree", "check_passed"]
    return [(k, tally[k]) for k in order if k in tally] + [(k, v) for k, v in sorted(tally.items()) if k not in order]
