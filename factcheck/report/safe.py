"""Article text and file names are data: strip control and escape sequences before they reach a
terminal, and never read them as rich markup.

One sanitiser for everything printed: article text, paths, ids and error messages. It removes C0
and C1 controls (so ESC-based sequences such as OSC 52 clipboard writes or clear-screen lose their
introducer), DEL, and the bidi controls that reorder what a reader sees.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys

from rich.console import Console

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def plain(text: str | None, limit: int | None = None) -> str:
    if not text:
        return ""
    cleaned = _CONTROL.sub("", text.replace("\n", " ").replace("\t", " "))
    if limit and len(cleaned) > limit:
        return cleaned[: limit - 1] + "…"
    return cleaned


class PipeConsole(Console):
    """A rich Console that lets a closed pipe be what it is: rich's own handling exits with 1,
    which a CI job reads as "findings". The command line turns BrokenPipeError into exit 0."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


class SafeConsole(PipeConsole):
    """A rich Console whose print takes text literally: every str is passed through plain() and
    markup is off, so a file named ``[link=…]x`` or one with an escape sequence prints as itself.
    Styled output is given as rich Text objects (built from plain() pieces)."""

    def print(self, *objects, **kwargs) -> None:  # noqa: A003 - rich's name
        kwargs["markup"] = False
        super().print(*(plain(o) if isinstance(o, str) else o for o in objects), **kwargs)


class ClosedStdout(io.TextIOBase):
    """Standard output when it was closed before the run (`>&-`): writing to it is one clear
    error, not an internal one (and not a silent loss of the report)."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        from factcheck.errors import OutputError

        raise OutputError("<stdout>", "standard output is closed; write the report to a file with -o FILE")


def silence_stdout() -> None:
    """Point standard output at /dev/null after the reader of a pipe left, so nothing more is
    written to it (not even the flush at exit, which would print an error and change the exit code)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
