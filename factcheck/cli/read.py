"""Commands that read articles and report on them: extract, eval, check, rules, schema."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console

from factcheck.cli.base import (
    ColorOpt,
    JobsOpt,
    NoCacheOpt,
    OutOpt,
    PathsArg,
    PublishedOpt,
    QuietOpt,
    StatisticsOpt,
    VerboseOpt,
    _cache_dir,
    _emit,
    _fail,
    _guard,
    _nothing_read,
    _Progress,
    _published,
    _report_problems,
    _settings,
    _text,
    app,
    err,
    refuse_overwriting_inputs,
    render,
)
from factcheck.errors import os_error_line, shown_path
from factcheck.report.safe import SafeConsole


@app.command()
def extract(
    paths: PathsArg,
    format: Annotated[Literal["text", "json"], typer.Option("--format", "-f", help="text (a table) or json (OUTPUT.md).")] = "text",
    mentions: Annotated[bool, typer.Option("--mentions", help="Also list every value found that is not a claim, with the reason.")] = False,
    published: PublishedOpt = None,
    output: OutOpt = None,
    verbose: VerboseOpt = False,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    color: ColorOpt = "auto",
) -> None:
    """List every numerical and dated claim in the articles.

    Example: factcheck extract seeds/ --format json -o claims.json
    """

    def body() -> int:
        from factcheck.api import run

        refuse_overwriting_inputs([output], paths)
        settings = _settings()
        with _Progress(paths) as bar:
            report = run(paths, settings, _published(published), mentions=mentions, progress=bar, jobs=jobs,
                         cache_dir=_cache_dir(settings, no_cache))
        fatal = _report_problems(report, verbose)
        if not report.documents:
            return _nothing_read(paths, report)
        if format == "json":
            from factcheck.report.json_report import render_json_pieces

            _emit(render_json_pieces(report), output)
        else:
            from factcheck.report.terminal import print_extract

            _text(lambda console: print_extract(report, console, mentions), output, color)
        return 2 if fatal else 0

    _guard(body)


@app.command("eval")
def evaluate(
    paths: PathsArg,
    gold: Annotated[list[Path], typer.Option("--gold", help="A gold file in the factcheck-gold/1 format (repeatable: a file may cite another's claims).")],
    format: Annotated[Literal["text", "json"], typer.Option("--format", "-f", help="text or json.")] = "text",
    show: Annotated[int, typer.Option("--show", help="How many misses and false positives to list.")] = 20,
) -> None:
    """Score extraction against a hand-annotated gold file: recall, precision, value and subject accuracy.

    Example: factcheck eval --gold tests/fixtures/gold/seeds.gold.json seeds/
    """

    def body() -> int:
        from factcheck.api import read_and_extract
        from factcheck.compare import compare_claims
        from factcheck.evaluate import load_gold, merge_golds, score, score_findings

        golds = []
        for g in gold:
            try:
                golds.append(load_gold(g))
            except (OSError, ValueError) as exc:
                reason = os_error_line(exc).rsplit(": ", 1)[-1] if isinstance(exc, OSError) else exc
                _fail(f"{shown_path(str(g))}: cannot read gold file ({reason})")
        gold_data = merge_golds(golds)
        settings = _settings()
        documents, claims, _, sources, loaded = read_and_extract(paths, settings)
        for p in loaded.problems:  # an input not read is not scored: say so, and exit 2 below
            err.print(f"factcheck: {p.message()}")
        by_doc: dict[str, tuple[str, list]] = {}
        for s in sources:
            name = Path(s.document.path).name if s.document.path else s.document.id
            by_doc[name] = (s.raw, [c for c in claims if c.document == s.document.id])
        result = score(gold_data, by_doc).as_dict()
        if gold_data["findings"]:
            result |= score_findings(gold_data, by_doc, compare_claims(claims, settings)).as_dict()
        if format == "json":
            sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        else:
            out = SafeConsole(highlight=False)  # misses quote article text: plain(), markup off
            out.print(f"documents scored   {len(by_doc) - len(result['missing_documents'])}")
            out.print(f"recall (core)      {result['recall']:.3f}  ({result['core_found']}/{result['core']})")
            out.print(f"precision          {result['precision']:.3f}  ({result['true_positives']} true, {result['false_positives']} false, {result['ignored']} ignored)")
            out.print(f"value accuracy     {result['value_accuracy']:.3f}")
            out.print(f"subject accuracy   {result['subject_accuracy']:.3f}")
            if "core_findings" in result:
                out.print(f"core findings      {result['core_findings_found']}/{result['core_findings']} found")
                out.print(f"negative pairs     {result['negative_pairs_linked']}/{result['negative_pairs']} wrongly linked")
                out.print(f"contradictions not in the gold  {result['contradictions_not_in_gold']}")
            for title, key in (("missed", "misses"), ("false positives", "false_positive_claims"),
                               ("value errors", "value_errors"), ("subject errors", "subject_errors"),
                               ("missed findings", "missed_findings"), ("wrongly linked", "wrongly_linked"),
                               ("contradictions not in the gold", "unexpected_contradictions")):
                items = result.get(key, [])
                if items:
                    out.print(f"\n{title} ({len(items)}):", markup=False)
                    for item in items[:show]:
                        out.print(f"  {item}", markup=False)
        return 2 if loaded.problems else 0

    _guard(body)


FORMATS_CHECK = ("text", "json", "markdown", "html")


@app.command()
def check(
    paths: PathsArg,
    format: Annotated[Literal["text", "json", "markdown", "html"], typer.Option(
        "--format", "-f", help="text (summary, contradictions, updates, agreements), json, markdown or html.")] = "text",
    output: OutOpt = None,
    published: PublishedOpt = None,
    mentions: Annotated[bool, typer.Option("--mentions", help="JSON: also every value that is not a claim.")] = False,
    verbose: VerboseOpt = False,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    engine: Annotated[Literal["local", "dask"], typer.Option("--engine", help="local (this machine) or dask (dask.distributed; pip install 'factcheck[dask]').")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="With --engine dask: join this scheduler (tcp://host:8786); without it a local cluster of --jobs workers starts.")] = None,
    quiet: QuietOpt = False,
    statistics: StatisticsOpt = False,
    color: ColorOpt = "auto",
    fail_on: Annotated[Literal["error", "warning", "info", "never"] | None, typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity (default: never, as a report).")] = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these rule codes (repeatable or comma-separated; a prefix selects a family: FC2).")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Leave out these rule codes (repeatable or comma-separated).")] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="Accepted findings to leave out (default: claims/accepted.json when it exists).")] = None,
) -> None:
    """Link claims across the articles and report agreements, contradictions and updates.

    Inline suppressions (<!-- factcheck-disable-next-line FC102 -->) and the baseline apply as in gate.

    Example: factcheck check seeds/ --format html -o reports/seeds.html

    Example: factcheck check articles/ --fail-on error --ignore FC101
    """

    def body() -> int:
        from factcheck.api import run
        from factcheck.policy import apply_to_report, codes_of, failing

        refuse_overwriting_inputs([output], paths)
        settings = _settings()
        if engine == "dask":
            from factcheck.engine_dask import run_dask

            report = run_dask(paths, settings, scheduler, _published(published), mentions, workers=jobs or os.cpu_count() or 1)
        else:
            with _Progress(paths) as bar:
                report = run(paths, settings, _published(published), mentions=mentions, compare=True, progress=bar,
                             jobs=jobs, cache_dir=_cache_dir(settings, no_cache))
        fatal = _report_problems(report, verbose)
        if not report.documents:
            return _nothing_read(paths, report)
        accepted = baseline or (Path("claims/accepted.json") if Path("claims/accepted.json").is_file() else None)
        applied = apply_to_report(report, codes_of(select), codes_of(ignore), accepted)
        if applied.suppressed or applied.baselined:
            err.print(f"factcheck: {len(applied.suppressed)} suppressed inline, {len(applied.baselined)} accepted in the baseline", markup=False)
        if statistics:
            from factcheck.report.terminal import print_statistics

            _text(lambda console: print_statistics(report, console), output, color)
        else:
            render(report, format, output, color=color, quiet=quiet, fail_on=fail_on or settings.fail_on)
        if fatal:
            return 2
        failed = failing(report.findings or [], fail_on)
        if failed:
            err.print(f"factcheck: {len(failed)} finding(s) at or above {fail_on}", markup=False)
            return 1
        return 0

    _guard(body)


@app.command()
def rules(
    rule_id: Annotated[str | None, typer.Argument(help="A rule id such as FC102 to print its documentation.")] = None,
) -> None:
    """List the rules findings come from, or print one rule's documentation.

    Example: factcheck rules FC102
    """

    def body() -> int:
        from rich.table import Table

        from factcheck.rules import rules_by_id
        from factcheck.suppress import INVALID, UNUSED

        every = rules_by_id() | {r.id: [r] for r in (UNUSED, INVALID)}
        out = Console(highlight=False, soft_wrap=True)
        if rule_id is None:
            table = Table(header_style="bold")
            for col in ("id", "kind", "severity", "what"):
                table.add_column(col, overflow="fold")
            for rid, variants in every.items():
                table.add_row(rid, " / ".join(v.kind for v in variants), " / ".join(dict.fromkeys(v.severity for v in variants)),
                              variants[0].summary)
            out.print(table)
            return 0
        found = every.get(rule_id.upper())
        if not found:
            _fail(f"no rule {rule_id!r}; `factcheck rules` lists them")
        r = found[0]
        out.print(f"{r.id} {r.name} ({', '.join(f'{x.kind}: {x.severity}' for x in found)})", markup=False)
        out.print(r.doc.split("\n", 1)[1].strip(), markup=False)
        return 0

    _guard(body)


@app.command()
def schema() -> None:
    """Print the JSON Schema of factcheck's JSON output (OUTPUT.md), for pipelines that validate it.

    Example: factcheck schema > factcheck.schema.json
    """

    def body() -> int:
        from factcheck.model import Report

        data = Report.model_json_schema()
        data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        data["title"] = "factcheck output, schema_version 2"
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        return 0

    _guard(body)
