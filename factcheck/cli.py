"""The command line: each command a few lines over factcheck.api. No logic lives here."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.console import Console

from factcheck import __version__
from factcheck.errors import FactcheckError, os_error_line, shown_path
from factcheck.report.safe import ClosedStdout, PipeConsole, SafeConsole, plain, silence_stdout

if TYPE_CHECKING:
    from factcheck.settings import Settings


class _Group(typer.core.TyperGroup):
    """Usage errors (a bad choice, -j 0, an unknown option) as one line on stderr, exit 2,
    like every other error; `factcheck` alone still prints the help."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except typer.Abort:
            err.print("factcheck: interrupted", markup=False)
            sys.exit(2)
        except typer.TyperException as exc:  # typer's (click's) usage and parameter errors
            if type(exc).__name__ == "NoArgsIsHelpError":
                exc.show()
            elif getattr(exc, "ctx", None) is not None:
                err.print(f"factcheck: usage: {exc.format_message()} (see {exc.ctx.command_path} --help)", markup=False)
            else:
                err.print(f"factcheck: {exc.format_message()}", markup=False)
            sys.exit(getattr(exc, "exit_code", 2))
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=_Group,
    rich_markup_mode=None,  # help is plain text: [brackets] such as factcheck[dask] print as written
    name="factcheck",
    help=(
        "Check figures across news articles: extract every numerical and dated claim, link claims "
        "about the same subject, and report where sources agree, contradict, or update each other.\n\n"
        "Examples:\n\n"
        "  factcheck extract seeds/                 # table of claims\n\n"
        "  factcheck check seeds/ --format json     # findings as JSON\n\n"
        "  factcheck gate new.md --ledger claims/   # CI: fail on contradictions"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err = SafeConsole(stderr=True, highlight=False, soft_wrap=True)  # every line through plain(), markup off

PathsArg = Annotated[list[str], typer.Argument(help="Files, folders (read recursively), .jsonl files, or - for standard input.")]
OutOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of standard output.")]
PublishedOpt = Annotated[str | None, typer.Option("--published", help="Publication time for inputs that do not state one (ISO 8601).")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Say which encoding each file was read in, and what was skipped.")]
JobsOpt = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, show_default=False,
    help="Read and extract in this many worker processes; the output is the same. "
         "Default: one per CPU core for 200 files or more, or 2 MiB of JSON Lines or more (a large "
         "JSON Lines file is shared out by byte ranges of whole lines), else 1.")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the extraction cache (.factcheck_cache/).")]
Color = Literal["auto", "always", "never"]
ColorOpt = Annotated[Color, typer.Option("--color", help="Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print only the findings that fail (at or above fail_on), nothing else.")]
StatisticsOpt = Annotated[bool, typer.Option("--statistics", help="Print how many findings each rule made, one rule a line, instead of the report.")]


def _cache_dir(settings, no_cache: bool) -> str | None:
    return None if no_cache else settings.cache_dir


def _fail(message: str) -> None:
    err.print(f"factcheck: {message}", markup=False)
    raise typer.Exit(2)


def _guard(body: Callable[[], int]) -> None:
    """Run a command body: one clear line and exit 2 on any error, never a traceback."""
    if sys.stdout is None:
        sys.stdout = ClosedStdout()
    try:
        code = body()
    except typer.Exit:
        raise
    except typer.BadParameter as exc:
        hint = f"{exc.param_hint}: " if getattr(exc, "param_hint", None) else ""
        _fail(f"usage: {hint}{exc.format_message()}")
    except FactcheckError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted")
    except BrokenPipeError:  # factcheck … | head: the reader left, which is not an error (and not findings)
        silence_stdout()
        raise typer.Exit(0) from None
    except OSError as exc:  # a file the system refuses: name it, with the reason
        _fail(os_error_line(exc))
    except Exception as exc:  # an internal error is still exit 2, never 1
        _fail(f"internal error: {type(exc).__name__}: {exc} (please report it)")
    raise typer.Exit(code)


def refuse_overwriting_inputs(outputs, paths) -> None:
    from factcheck.ingest.loader import refuse_overwriting_inputs as refuse  # ingest: not needed for --help

    refuse(outputs, paths)


def published_line(d) -> str:
    """Which publication date a document got, at what precision, and where from (--verbose)."""
    if d.published is None:
        return f"no publication date ({d.published_from or 'none given'})"
    when = json.loads(d.model_dump_json(include={"published", "published_precision"}))["published"]
    return f"published {when} ({d.published_precision or 'day'}, from {d.published_from or 'the input'})"


def _settings(**overrides) -> Settings:
    from factcheck.settings import load_settings  # pydantic: not needed for --help

    settings, _ = load_settings(overrides)
    return settings


def _published(value: str | None):
    if value is None:
        return None
    from factcheck.ingest.published import parse_timestamp

    when = parse_timestamp(value)
    if when is None:
        raise typer.BadParameter(f"not a date or time: {value!r}", param_hint="--published")
    return when


def _emit(text, output: Path | None) -> None:
    """Text, or an iterable of pieces, to standard output or atomically to a file."""
    if output is None:
        for piece in [text] if isinstance(text, str) else text:
            sys.stdout.write(piece)
        sys.stdout.flush()
    else:
        from factcheck.atomic import write_atomic

        write_atomic(output, text)


def _console(color: Color = "auto") -> Console:
    """stdout, coloured as --color and NO_COLOR say; wide enough that a piped table stays readable
    (the check report prints with soft wrap, so piped lines are never cut)."""
    if color == "never":
        return PipeConsole(highlight=False, no_color=True, color_system=None, width=None if sys.stdout.isatty() else 160)
    if color == "always":
        return PipeConsole(highlight=False, force_terminal=True, no_color=False, color_system="standard",
                       width=None if sys.stdout.isatty() else 160)
    probe = Console()
    return PipeConsole(highlight=False, width=None if probe.is_terminal else 160)


def _nothing_read(paths: list[str], report) -> int:
    """No document at all: one line (unless a problem line already said why) and exit 2."""
    if not report.problems:
        from factcheck.ingest.loader import JSONL_SUFFIXES, TEXT_SUFFIXES

        kinds = ", ".join(sorted(TEXT_SUFFIXES | JSONL_SUFFIXES))
        err.print(f"factcheck: no article in {', '.join(paths)}; factcheck reads {kinds}", markup=False)
    return 2


def _report_problems(report, verbose: bool) -> bool:
    """Print each unreadable input on one line (and with --verbose, how each document was read:
    encoding, language, publication date and where it came from); True if any was fatal."""
    fatal = False
    for p in report.problems:
        if p.fatal or p.warning or verbose:
            err.print(f"factcheck: {p.message()}", markup=False)
        fatal = fatal or p.fatal
    if verbose:
        for d in report.documents:
            err.print(f"factcheck: {d.path or d.id}: read as {d.encoding}, language {d.lang}, {published_line(d)}")
    return fatal


class _Progress:
    """A progress bar on stderr while the body runs, only on a terminal."""

    def __init__(self, paths: list[str]):
        self.paths, self.bar = paths, None

    def __enter__(self):
        if err.is_terminal:
            from factcheck.report.progress import Bar, count_inputs

            self.bar = Bar(err, count_inputs(self.paths))
        return self.bar

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.close()


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
            from factcheck.report.json_report import render_json_chunks

            _emit(render_json_chunks(report), output)
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


def _text(printer, output: Path | None, color: Color = "auto") -> None:
    """Rich output to the terminal, or as plain text (never coloured, never wrapped) to a file."""
    if output is None:
        printer(_console(color))
    else:
        from io import StringIO

        buffer = StringIO()
        printer(Console(file=buffer, width=160, color_system=None, highlight=False))
        _emit(buffer.getvalue(), output)


def render(report, format: str, output: Path | None, title: str = "factcheck report", color: Color = "auto",
           quiet: bool = False, fail_on: str = "error") -> None:
    """Write a report in one of the formats; text goes to the terminal (or a plain file)."""
    if format == "json":
        from factcheck.report.json_report import render_json_chunks

        _emit(render_json_chunks(report), output)
    elif format == "markdown":
        from factcheck.report.markdown import render_markdown

        _emit(render_markdown(report, title), output)
    elif format == "html":
        from factcheck.report.html import render_html

        _emit(render_html(report, title), output)
    else:
        from factcheck.report.terminal import print_check

        _text(lambda console: print_check(report, console, quiet, fail_on), output, color)


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
    import os

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from factcheck.report.markdown import render_markdown

    with open(target, "a", encoding="utf-8") as fh:
        fh.write(render_markdown(result.report, f"factcheck gate: {result.headline()}"))


ledger_app = typer.Typer(help="Build, list and verify the ledger of known claims (claims/).", no_args_is_help=True)
app.add_typer(ledger_app, name="ledger")
LedgerOpt = Annotated[Path, typer.Option("--ledger", help="The ledger folder.")]


def _ledger_written(store, written: dict[str, int], loaded, verb: str, failed: list) -> int:
    """Refresh the index and say what was written; exit 2 if an input or a document could not be
    read or written (the others are written all the same)."""
    from factcheck.ledger.index import LedgerIndex

    for exc in failed:
        err.print(f"factcheck: {plain(str(exc))}", markup=False)
    LedgerIndex(store).refresh()
    err.print(f"factcheck: {verb} {sum(written.values())} claims from {len(written)} documents to {plain(str(store.root))}", markup=False)
    return 2 if loaded.problems or failed else 0


@ledger_app.command("build")
def ledger_build(
    paths: PathsArg,
    ledger: LedgerOpt = Path("claims"),
    prune: Annotated[bool, typer.Option("--prune", help="Also remove ledger files of documents not in PATHS.")] = False,
    published: PublishedOpt = None,
) -> None:
    """Write the claims of a corpus into the ledger: one JSON Lines file per document, sorted.

    Example: factcheck ledger build seeds/ --ledger claims/
    """

    def body() -> int:
        from factcheck.api import read_and_extract
        from factcheck.ledger import Ledger

        documents, claims, _, _, loaded = read_and_extract(paths, _settings(), _published(published))
        for p in loaded.problems + [w for w in loaded.skipped if w.warning]:
            err.print(f"factcheck: {p.message()}", markup=False)
        if not documents:
            _fail("no input document could be read; the ledger is unchanged")
        store, failed = Ledger(ledger), []
        written = store.write_documents(claims, [d.id for d in documents], on_error=failed.append)
        if prune:
            store.prune(d.id for d in documents)
        return _ledger_written(store, written, loaded, "wrote", failed)

    _guard(body)


@ledger_app.command("add")
def ledger_add(
    paths: PathsArg,
    ledger: LedgerOpt = Path("claims"),
    replace: Annotated[bool, typer.Option("--replace", help="Replace documents already in the ledger.")] = False,
    published: PublishedOpt = None,
) -> None:
    """Add articles to the ledger; a document already there is refused unless --replace.

    Example: factcheck ledger add articles/2025-02-06.md
    """

    def body() -> int:
        from factcheck.api import read_and_extract
        from factcheck.ledger import Ledger

        store, failed = Ledger(ledger), []
        documents, claims, _, _, loaded = read_and_extract(paths, _settings(), _published(published))
        for p in loaded.problems + [w for w in loaded.skipped if w.warning]:
            err.print(f"factcheck: {p.message()}", markup=False)
        if not documents:
            _fail("no input document could be read; the ledger is unchanged")
        # whether a document is already there is checked under the ledger's lock, as it is written
        written = store.write_documents(claims, [d.id for d in documents], replace=replace, on_error=failed.append)
        return _ledger_written(store, written, loaded, "added", failed)

    _guard(body)


@ledger_app.command("list")
def ledger_list(
    ledger: LedgerOpt = Path("claims"),
    subject: Annotated[str | None, typer.Option("--subject", "-s", help="Only claims whose subject contains this text (any script).")] = None,
    format: Annotated[Literal["text", "json"], typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """List the claims in the ledger, optionally for one subject.

    Example: factcheck ledger list --subject 武汉
    """

    def body() -> int:
        from factcheck.ledger import Ledger
        from factcheck.ledger.pinned import load_pins
        from factcheck.link.normalise import subject_key

        store = Ledger(ledger)
        if not store.exists():
            _fail(f"{ledger}: no ledger here; create one with `factcheck ledger build`")
        claims = list(store.claims()) + load_pins(store.root / "pinned.toml")
        if subject:
            needle = subject_key(subject)
            claims = [c for c in claims if c.subject and (needle in c.subject.key or subject in c.subject.text)]
        if format == "json":
            sys.stdout.write("".join(c.model_dump_json() + "\n" for c in claims))
        else:
            from factcheck.report.terminal import claims_table

            _console().print(claims_table(claims, f"{len(claims)} ledger claims"))
        return 0

    _guard(body)


@ledger_app.command("verify")
def ledger_verify(ledger: LedgerOpt = Path("claims")) -> None:
    """Check that every ledger claim still matches its source file (text at its span).

    Example: factcheck ledger verify --ledger claims/
    """

    def body() -> int:
        from factcheck.ingest.decode import decode
        from factcheck.ledger import Ledger

        store = Ledger(ledger)
        if not store.exists():
            _fail(f"{ledger}: no ledger here")
        raw_cache: dict[str, str | None] = {}
        bad = checked = 0
        for c in store.claims():
            if not c.path:
                continue
            checked += 1
            if c.path not in raw_cache:
                try:
                    raw_cache[c.path] = decode(Path(c.path).read_bytes(), c.path)[0]
                except (OSError, FactcheckError):
                    raw_cache[c.path] = None
            raw = raw_cache[c.path]
            if raw is None:
                err.print(f"factcheck: {c.path}: source file is missing or unreadable (claim {c.id})", markup=False)
                bad += 1
            elif raw[c.span.start : c.span.end] != c.text:
                err.print(f"factcheck: {c.path}:{c.line}:{c.column}: claim {c.id} no longer matches its source ({c.text!r})", markup=False)
                bad += 1
        err.print(f"factcheck: verified {checked} claims, {bad} mismatched", markup=False)
        return 1 if bad else 0

    _guard(body)


config_app = typer.Typer(help="Settings: factcheck.toml, or the tool.factcheck table of pyproject.toml.", no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("show")
def config_show() -> None:
    """Print the resolved settings and where each value came from.

    Example: factcheck config show
    """

    def body() -> int:
        from factcheck.settings import Settings, load_settings

        settings, origin = load_settings()
        out = SafeConsole(highlight=False, soft_wrap=True)  # a setting's value is the user's text
        for name, field in Settings.model_fields.items():
            out.print(f"{name} = {getattr(settings, name)!r}    # {origin[name]}; {field.description}", markup=False)
        return 0

    _guard(body)


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # factcheck … | head: the reader left, which is not an error
        silence_stdout()
        sys.exit(0)
    except SystemExit:
        raise
    except Exception as exc:  # pragma: no cover - last resort, never a traceback
        err.print(f"factcheck: internal error: {exc}", markup=False)
        sys.exit(2)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit(0)
