"""What a run reports and what fails it, alike for `check` and `gate` (ruff and Vale conventions):
rule selection (--select / --ignore), inline suppressions in the articles, the baseline of accepted
findings, and the severity that fails the build (--fail-on: exit 1).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.model import Claim, Document, Finding
from factcheck.rules.base import make_finding
from factcheck.suppress import INVALID, UNUSED, Suppression, covers, parse

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
_MARK = b"factcheck-disable"
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)


def codes_of(values: Iterable[str] | None) -> list[str]:
    """Rule codes from repeated or comma-separated options: FC102,FC103 or FC1 (a prefix)."""
    out = []
    for v in values or []:
        out += [c.strip().upper() for c in v.split(",") if c.strip()]
    return out


def selected(findings: list[Finding], select: list[str], ignore: list[str]) -> list[Finding]:
    """Findings of the selected rules (all when none is selected) less the ignored ones; a code
    matches its rule or, as a prefix, a family (FC2 is every check inside one document)."""
    def hit(rule: str, codes: list[str]) -> bool:
        return any(rule.startswith(c) for c in codes)

    return [f for f in findings if (not select or hit(f.rule, select)) and not hit(f.rule, ignore)]


def failing(findings: list[Finding], fail_on: str | None) -> list[Finding]:
    if not fail_on or fail_on == "never":
        return []
    floor = SEVERITY_RANK[fail_on]
    return [f for f in findings if SEVERITY_RANK[f.severity] >= floor]


def file_suppressions(documents: list[Document], known: set[str]) -> list[Suppression]:
    """Suppression comments of the documents read from files, found without a second parse: only
    files that contain the directive are read again, and their comments found in the decoded text."""
    out = []
    for d in documents:
        if not d.path or d.path.endswith(".jsonl"):
            continue
        try:
            data = Path(d.path).read_bytes()
        except OSError:
            continue
        if _MARK not in data:
            continue
        raw = data.decode(getattr(d, "encoding", None) or "utf-8", errors="replace")
        comments = [(m.start(), m.group(1)) for m in _COMMENT.finditer(raw)]
        out += parse(d.id, d.path, raw, comments, known)
    return out


@dataclass
class Applied:
    kept: list[Finding]
    suppressed: list[Finding] = field(default_factory=list)
    baselined: list[Finding] = field(default_factory=list)
    stale: list[dict] = field(default_factory=list)
    anchors: list[Claim] = field(default_factory=list)  # stand-in claims of FC301/FC302 findings


def anchor(s: Suppression) -> Claim:
    """A stand-in claim at the suppression comment, so the finding points at its line."""
    from factcheck.model import Span

    return Claim(id=f"c-suppress-{s.document}-{s.line}", document=s.document, path=s.path, span=Span(start=0, end=0),
                 line=s.line, column=1, text="factcheck-disable", sentence="factcheck-disable " + " ".join(s.codes),
                 kind="quantity", subject=None, metric=None)


def apply(findings: list[Finding], suppressions: list[Suppression], claim_of: Callable[[Iterable[str]], dict[str, Claim]],
          accepted: dict[str, dict], counted: set[str] | None = None, checked: set[str] | None = None) -> Applied:
    """Inline suppressions, then the baseline. A suppression covers a finding when one of the
    finding's claims (of the documents checked: `counted` ids, or all) stands on a line it covers;
    one that covers nothing, or names no valid code, is a finding itself (FC301, FC302)."""
    kept, suppressed, anchors = [], [], []
    if suppressions:
        docs = {s.document for s in suppressions}
        ids = {i for f in findings for i in f.claims}
        claims = claim_of(ids)
        for f in findings:
            mine = [claims[i] for i in f.claims if i in claims and claims[i].document in docs
                    and (counted is None or i in counted)]
            hit = next((s for s in suppressions for c in mine if covers(s, f.rule, c.document, c.line)), None)
            if hit:
                hit.used = True
                suppressed.append(f)
            else:
                kept.append(f)
    else:
        kept = list(findings)
    for s in suppressions:
        where = f"{s.path or s.document}:{s.line}"
        if s.invalid:
            anchors.append(anchor(s))
            kept.append(make_finding(INVALID, [anchors[-1]], f"suppression at {where} {s.invalid}"))
        elif not s.used:
            anchors.append(anchor(s))
            kept.append(make_finding(UNUSED, [anchors[-1]], f"suppression of {' '.join(s.codes)} at {where} silences nothing"))
    baselined = [f for f in kept if f.fingerprint in accepted]
    kept = [f for f in kept if f.fingerprint not in accepted]
    produced = {f.fingerprint for f in findings} | {f.fingerprint for f in baselined}
    # an entry about documents this run did not check (checked: document ids) is not stale
    stale = [e for fp, e in accepted.items() if fp not in produced
             and (checked is None or not e.get("documents") or set(e["documents"]) & checked)]
    return Applied(kept, suppressed, baselined, stale, anchors)


def _with_claims(claims, extra: list[Claim]):
    """The report's claims with the suppression anchors added, in report order."""
    if not extra:
        return claims
    from factcheck.claim_table import ClaimTable, Row, encode

    if not isinstance(claims, ClaimTable):
        from factcheck.claim_table import report_order

        return sorted(list(claims) + extra, key=report_order)
    import json

    rows = []
    for data, ident, (block, subject) in zip(claims.data, claims._ids, claims.blocks, strict=True):
        c = json.loads(data)
        rows.append(Row((c["document"], c["span"]["start"], c["span"]["end"], c["kind"]), ident, block, subject, data))
    return ClaimTable(rows + encode(extra, lambda _c: None))


def _counts(findings: list[Finding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    return {k: counts.get(k, 0) for k in ("agree", "contradict", "update")} | counts


def apply_to_report(report, select: list[str], ignore: list[str], baseline: Path | None) -> Applied:
    """check: the same suppressions and baseline as gate, and --select / --ignore; the report's
    findings, claims and summary are updated in place."""
    from factcheck.claim_table import claims_by_id
    from factcheck.ledger.baseline import load_baseline
    from factcheck.rules import rules_by_id

    known = set(rules_by_id()) | {UNUSED.id, INVALID.id}
    suppressions = file_suppressions(report.documents, known)
    accepted = load_baseline(baseline) if baseline else {}
    applied = apply(report.findings or [], suppressions, lambda ids: claims_by_id(report.claims, ids), accepted,
                    checked={d.id for d in report.documents})
    applied.kept = selected(applied.kept, select, ignore)
    report.findings = applied.kept
    report.claims = _with_claims(report.claims, applied.anchors)
    report.summary.findings = _counts(applied.kept)
    return applied
