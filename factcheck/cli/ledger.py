"""The ledger of known claims (claims/) and the settings: the ledger and config command groups."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from factcheck.cli.base import (
    PathsArg,
    PublishedOpt,
    _console,
    _fail,
    _guard,
    _published,
    _settings,
    app,
    err,
)
from factcheck.errors import FactcheckError
from factcheck.report.safe import plain

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
        from factcheck.report.consoles import SafeConsole
        from factcheck.settings import Settings, load_settings

        settings, origin = load_settings()
        out = SafeConsole(highlight=False, soft_wrap=True)  # a setting's value is the user's text
        for name, field in Settings.model_fields.items():
            out.print(f"{name} = {getattr(settings, name)!r}    # {origin[name]}; {field.description}", markup=False)
        return 0

    _guard(body)
