"""A progress bar on stderr for long runs: the stage (reading, extracting, comparing), how many
documents of how many, and the time. Only on a terminal: piped or in CI, stderr stays clean.

api.run calls the object with each document's name as it is read and extracted, and calls
.stage(name) when a new stage starts."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class Bar:
    def __init__(self, console: Console, total: int | None):
        self._progress = Progress(
            TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console, transient=True,
        )
        self._task = self._progress.add_task("reading", total=total)
        self._progress.start()

    def __call__(self, _name: str) -> None:
        self._progress.update(self._task, advance=1, description="extracting")

    def stage(self, name: str) -> None:
        self._progress.update(self._task, description=name)

    def close(self) -> None:
        self._progress.stop()


def count_inputs(paths: list[str]) -> int | None:
    """How many documents a run will read, when the file count says it (JSON Lines and stdin do not)."""
    from factcheck.ingest import Loaded
    from factcheck.ingest.loader import JSONL_SUFFIXES, list_inputs

    files = list_inputs(paths, Loaded())
    if any(f == "-" or f.lower().endswith(tuple(JSONL_SUFFIXES)) for f in files):
        return None
    return len(files)
