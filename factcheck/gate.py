"""The CI gate: new articles against the ledger of known claims (Vale/ruff conventions).

Exit 0 when no finding is at or above --fail-on, 1 when one is, 2 when the run could not
complete. Baselined and inline-suppressed findings do not count; unused suppressions do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from factcheck import __version__
from factcheck.api import read_and_extract, sort_claims
from factcheck.compare import compare_claims
from factcheck.errors import ConfigError, LedgerError
from factcheck.facts.blocks import block_key
from factcheck.ingest.loader import is_article_name
from factcheck.ledger.baseline import load_baseline
from factcheck.ledger.index import LedgerIndex
from factcheck.ledger.pinned import load_pins
from factcheck.ledger.store import ACCEPTED, PINNED, Ledger
from factcheck.link.score import subject_similarity
from factcheck.model import Claim, Finding, Report, Summary, ToolInfo
from factcheck.policy import SEVERITY_RANK, apply
from factcheck.rules import rules_by_id
from factcheck.settings import Settings
from factcheck.suppress import INVALID, UNUSED, parse


@dataclass
class GateResult:
    report: Report
    ledger_claims: int
    new_claims: int
    suppressed: list[Finding] = field(default_factory=list)
    baselined: list[Finding] = field(default_factory=list)
    stale_baseline: list[dict] = field(default_factory=list)
    changed_note: str | None = None
    index_note: str | None = None  # how the ledger's index was found fresh or rebuilt (--verbose)

    def failing(self, fail_on: str) -> list[Finding]:
        if fail_on == "never":
            return []
        floor = SEVERITY_RANK[fail_on]
        return [f for f in self.report.findings or [] if SEVERITY_RANK[f.severity] >= floor]

    def headline(self) -> str:
        docs = len(self.report.documents)
        return (f"checked {self.new_claims} claims in {docs} document{'s' if docs != 1 else ''} "
                f"against {self.ledger_claims} ledger claims")


def changed_files(paths: list[str], ref: str) -> list[str]:
    """Files under paths added or changed since a git ref (committed, staged or not), plus untracked."""
    import subprocess  # only --changed-since runs git

    def git(*args):
        try:
            out = subprocess.run(["git", *args], capture_output=True, text=True, check=True)
        except FileNotFoundError:
            raise ConfigError("--changed-since", "git is not installed") from None
        except subprocess.CalledProcessError as exc:
            raise ConfigError("--changed-since", f"git failed: {exc.stderr.strip() or exc}") from None
        return [line for line in out.stdout.splitlines() if line]

    top = Path(git("rev-parse", "--show-toplevel")[0])
    commit = resolve_ref(ref, git)
    names = set(git("diff", "--name-only", "--diff-filter=ACMR", commit, "--", *paths))
    names |= set(git("ls-files", "--others", "--exclude-standard", "--", *paths))
    out = []
    for name in sorted(names):
        p = top / name
        if any(part.startswith(".") for part in Path(name).parts) or not is_article_name(p):
            continue  # as a folder walk would: ledger internals, hidden files, images are no articles
        if p.is_file():
            try:
                out.append(str(p.relative_to(Path.cwd())))
            except ValueError:
                out.append(str(p))
    return out


def resolve_ref(ref: str, git) -> str:
    """The commit a --changed-since value names, checked before git sees it as anything else.

    A ref is never an option (--output=x would make git write a file): one that starts with -, or
    holds a control character or whitespace, is refused; the rest is resolved with git's options
    ended first (--end-of-options), and only the commit id it resolves to is passed on.
    """
    if not ref or ref.startswith("-") or any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in ref):
        raise ConfigError("--changed-since", f"not a git revision: {ref!r} (a branch, tag or commit such as origin/main)")
    try:
        out = git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    except ConfigError:
        out = []
    if not out or not re.fullmatch(r"[0-9a-f]{40,64}", out[0]):
        raise ConfigError("--changed-since", f"no such commit in this repository: {ref!r}")
    return out[0]


def _pinned_override(ledger_claims: list[Claim], pins: list[Claim], threshold: float) -> list[Claim]:
    """A pinned figure wins over articles: ledger claims it covers are left out."""
    if not pins:
        return ledger_claims
    pin_blocks = {}
    for p in pins:
        pin_blocks.setdefault(block_key(p), []).append(p)
    kept = []
    for c in ledger_claims:
        rivals = pin_blocks.get(block_key(c), [])
        if any(subject_similarity(c.subject.key, p.subject.key) >= threshold for p in rivals):
            continue
        kept.append(c)
    return kept + pins


def run_gate(paths: list[str], settings: Settings, ledger_root: str | Path, baseline: str | Path | None = None,
             published: datetime | None = None, changed_since: str | None = None, stdin=None) -> GateResult:
    note = None
    if changed_since is not None:
        ledger_dir = Path(ledger_root).resolve()
        paths = [p for p in changed_files(paths, changed_since) if ledger_dir not in Path(p).resolve().parents]
        note = f"{len(paths)} file{'s' if len(paths) != 1 else ''} changed since {changed_since}"
    ledger = Ledger(ledger_root)
    if not ledger.exists():
        raise LedgerError(str(ledger_root), "no ledger here; create one with `factcheck ledger build ARTICLES --ledger "
                          f"{ledger_root}`")
    documents, claims, _, sources, loaded = read_and_extract(paths, settings, published, stdin=stdin) if paths else ([], [], [], [], None)
    problems = (loaded.problems + loaded.skipped) if loaded else []
    new_ids = {c.id for c in claims}
    index = LedgerIndex(ledger)
    index.refresh()
    known = index.claims_linkable_to(claims, exclude_documents={d.id for d in documents})
    pins = load_pins(ledger.root / PINNED)
    known = _pinned_override(known, pins, settings.link_threshold)
    findings = compare_claims(claims + known, settings, focus=new_ids)

    codes = set(rules_by_id()) | {UNUSED.id, INVALID.id}
    suppressions = [s for src in sources for s in parse(src.document.id, src.document.path, src.raw, src.comments, codes)]
    by_id = {c.id: c for c in claims}
    base_path = Path(baseline) if baseline else ledger.root / ACCEPTED
    applied = apply(findings, suppressions, lambda ids: {i: by_id[i] for i in ids if i in by_id},
                    load_baseline(base_path), counted=new_ids, checked={d.id for d in documents})
    claims.extend(applied.anchors)
    kept, suppressed, baselined, stale = applied.kept, applied.suppressed, applied.baselined, applied.stale

    order = {"error": 0, "warning": 1, "info": 2}
    kept.sort(key=lambda f: (order[f.severity], f.rule, f.why, f.id))
    involved = {i for f in kept for i in f.claims}
    report = Report(
        tool=ToolInfo(version=__version__), documents=documents,
        claims=sort_claims([c for c in claims] + [c for c in known if c.id in involved]),
        findings=kept, summary=Summary(documents=len(documents), claims=len(new_ids)), problems=problems,
    )
    counts: dict[str, int] = {}
    for f in kept:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    report.summary.findings = {k: counts.get(k, 0) for k in ("agree", "contradict", "update")} | counts
    return GateResult(report, len(known), len(new_ids), suppressed, baselined, stale, note,
                      index.last.line() if index.last else None)


