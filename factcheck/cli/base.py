"""What every command shares: the typer app, one-line errors, the options that recur, reading
settings and dates, writing output (atomically to a file, or to a coloured or plain console), and
the progress bar. Commands live beside it by group: read (extract, eval, check, rules, schema),
gate, ledger (ledger and config)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.console import Console

from factcheck import __version__
from factcheck.errors import FactcheckError, os_error_line
from factcheck.report.safe import ClosedStdout, PipeConsole, SafeConsole, silence_stdout

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


def _utf8_stdout():
    """Standard output's byte stream when writing UTF-8 bytes to it gives what writing their text
    would (it encodes as UTF-8 and translates no newline), else None."""
    import codecs
    import os

    buffer = getattr(sys.stdout, "buffer", None)
    encoding = getattr(sys.stdout, "encoding", None)
    try:
        utf8 = encoding is not None and codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        utf8 = False
    return buffer if utf8 and os.linesep == "\n" else None


def _emit(text, output: Path | None) -> None:
    """Text, or an iterable of pieces (text, or UTF-8 bytes), to standard output or atomically
    to a file."""
    if output is None:
        pieces = [text] if isinstance(text, str) else text
        binary = _utf8_stdout()
        if binary is None:
            for piece in pieces:
                sys.stdout.write(piece if isinstance(piece, str) else piece.decode())
            sys.stdout.flush()
            return
        sys.stdout.flush()  # whatever went through the text layer goes first
        for piece in pieces:
            binary.write(piece.encode() if isinstance(piece, str) else piece)
        binary.flush()
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
    lines = []
    for p in report.problems:
        if p.fatal or p.warning or verbose:
            lines.append(f"factcheck: {p.message()}")
        fatal = fatal or p.fatal
    if lines:  # one print: rich's cost is per call (117 lines: 0.006 s one by one, 0.002 s at once)
        err.print(*lines, sep="\n", markup=False)
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
        from factcheck.report.json_report import render_json_pieces

        _emit(render_json_pieces(report), output)
    elif format == "markdown":
        from factcheck.report.markdown import render_markdown

        _emit(render_markdown(report, title), output)
    elif format == "html":
        from factcheck.report.html import render_html

        _emit(render_html(report, title), output)
    else:
        from factcheck.report.terminal import print_check

        _text(lambda console: print_check(report, console, quiet, fail_on), output, color)


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
    finally:
        _before_exit()


def _before_exit() -> None:
    """The command is done and the process ends next. Move every object out of the collector's
    sight (gc.freeze), so the collections Python runs while it shuts down do not walk all the
    objects of the run only to find nothing to free (0.06 s of CPU after an extract of 5 MB with
    one process); their memory goes back to the system with the process. Python runs no object's
    finaliser at exit anyway unless it is collected, which is no guarantee: whatever must reach
    the disk is written and closed by the command itself."""
    import gc

    gc.freeze()


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit(0)
