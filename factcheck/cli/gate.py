"""The CI gate: new articles against the ledger of known claims."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

import typer

from factcheck.cli.base import (
    ColorOpt,
    OutOpt,
    PathsArg,
    PublishedOpt,
    _emit,
    _fail,
    _guard,
    _published,
    _report_problems,
    _settings,
    app,
    err,
    refuse_overwriting_inputs,
    render,
)

GATE_FORMATS = ("text", "json", "sarif", "github", "junit", "markdown")


def _gate_output(result, format: str, fail_on: str) -> str | None:
    """The gate's report in one format as text (None for text, which prints to the terminal)."""
    report = result.report
    new_docs = {d.id for d in report.documents}
    if format == "json":
        from factcheck.report.json_report import render_json

        return render_json(report)
    if format == "sarif":
        from factcheck.report.sarif import render_sarif

        return render_sarif(report, new_docs)
    if format == "github":
        from factcheck.report.github import render_github

        return render_github(report, new_docs)
    if format == "junit":
        from factcheck.report.junit import render_junit

        return render_junit(report, fail_on, result.headline())
    if format == "markdown":
        from factcheck.report.markdown import render_markdown

        return render_markdown(report, f"factcheck gate: {result.headline()}")
    return None


@app.command()
def gate(
    paths: PathsArg,
    ledger: Annotated[Path, typer.Option("--ledger", help="The ledger folder of known claims.")] = Path("claims"),
    fail_on: Annotated[Literal["error", "warning", "info", "never"] | None, typer.Option("--fail-on", help="Lowest severity that fails (default from settings: error).")] = None,
    format: Annotated[Literal["text", "json", "sarif", "github", "junit", "markdown"], typer.Option("--format", "-f", help="The report's format.")] = "text",
    output: OutOpt = None,
    also: Annotated[list[str] | None, typer.Option("--also", help="Also write FORMAT=PATH (repeatable), e.g. --also sarif=factcheck.sarif.")] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="Accepted findings (default: LEDGER/accepted.json).")] = None,
    write_baseline: Annotated[bool, typer.Option("--write-baseline", help="Accept every current finding into the baseline and exit 0.")] = False,
    changed_since: Annotated[str | None, typer.Option("--changed-since", help="Check only files added or changed since this git ref.")] = None,
    published: PublishedOpt = None,
    color: ColorOpt = "auto",
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Say how each file was read, and how many ledger files the index check hashed.")] = False,
) -> None:
    """Check new articles against the ledger; fail when they contradict it (exit 0 clean, 1 findings, 2 error).

    Example: factcheck gate articles/new.md --ledger claims/ --format github --also sarif=factcheck.sarif
    """

    def body() -> int:
        from factcheck.gate import run_gate

        extra = []
        for item in also or []:
            fmt, sep, dest = item.partition("=")
            if not sep or fmt not in GATE_FORMATS or fmt == "text" or not dest:
                raise typer.BadParameter(f"{item!r}: expected FORMAT=PATH with FORMAT one of json, sarif, github, junit, markdown", param_hint="--also")
            extra.append((fmt, Path(dest)))
        refuse_overwriting_inputs([output, *(dest for _, dest in extra), baseline if write_baseline else None], paths)
        overrides = {"fail_on": fail_on} if fail_on else {}
        settings = _settings(**overrides)
        result = run_gate(paths, settings, ledger, baseline, _published(published), changed_since)
        fatal = _report_problems(result.report, verbose)
        if verbose and result.index_note:
            err.print(f"factcheck: {result.index_note}", markup=False)
        if write_baseline:
            if fatal:  # the findings of an unread article would drop out of the baseline
                _fail("an input could not be read; the baseline is unchanged")
            from factcheck.ledger.baseline import load_baseline
            from factcheck.ledger.baseline import write_baseline as save

            target = baseline or ledger / "accepted.json"
            checked = {d.id for d in result.report.documents}
            doc_of = {c.id: c.document for c in result.report.claims if c.document in checked}
            accepted = result.report.findings + result.baselined
            documents_of = {f.fingerprint: sorted({doc_of[i] for i in f.claims if i in doc_of}) for f in accepted}
            n = save(target, accepted, load_baseline(target), documents_of, checked)
            err.print(f"factcheck: wrote {n} accepted findings to {target}; give each a reason", markup=False)
            return 0
        if result.changed_note:
            err.print(f"factcheck: {result.changed_note}", markup=False)
        err.print(f"factcheck: {result.headline()}", markup=False)
        for entry in result.stale_baseline:
            err.print(f"factcheck: stale baseline entry {entry.get('fingerprint')} ({entry.get('rule', '?')}): no longer produced", markup=False)
        if result.suppressed or result.baselined:
            err.print(f"factcheck: {len(result.suppressed)} suppressed inline, {len(result.baselined)} accepted in the baseline", markup=False)
        text = _gate_output(result, format, settings.fail_on)
        if text is None:
            render(result.report, "text", output, color=color, fail_on=settings.fail_on)
        else:
            _emit(text, output)
        if format == "github":
            _github_summary(result)
        for fmt, dest in extra:
            from factcheck.atomic import write_atomic

            write_atomic(dest, _gate_output(result, fmt, settings.fail_on))
        if fatal or (not result.report.documents and not result.changed_note):
            if not result.report.documents:
                err.print("factcheck: no input document could be read; nothing was checked", markup=False)
            return 2
        failing = result.failing(settings.fail_on)
        if failing:
            err.print(f"factcheck: {len(failing)} finding(s) at or above {settings.fail_on}", markup=False)
            return 1
        return 0

    _guard(body)


def _github_summary(result) -> None:

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from factcheck.report.markdown import render_markdown

    with open(target, "a", encoding="utf-8") as fh:
        fh.write(render_markdown(result.report, f"factcheck gate: {result.headline()}"))
