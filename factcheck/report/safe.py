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

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def plain(text: str | None, limit: int | None = None) -> str:
    if not text:
        return ""
    cleaned = _CONTROL.sub("", text.replace("\n", " ").replace("\t", " "))
    if limit and len(cleaned) > limit:
        return cleaned[: limit - 1] + "…"
    return cleaned


class ErrorLines:
    """Standard error for the command line's one-line messages, each through plain().

    rich is imported only when standard error may be a terminal (as rich decides: a tty, or
    TTY_COMPATIBLE=1 or FORCE_COLOR set); its console then prints the lines and says whether the
    progress bar can be drawn. Otherwise each line is written as it is, which is byte for byte what
    rich's console writes to a pipe or a file for a plain() line (markup, highlighting and emoji
    codes off, no wrapping), and a run whose messages go to a pipe does not import rich (0.015 s)."""

    def __init__(self) -> None:
        self._console = None

    @property
    def console(self):
        """The rich console on standard error (for the progress bar), made on first use."""
        if self._console is None:
            from factcheck.report.consoles import SafeConsole

            self._console = SafeConsole(stderr=True, highlight=False, soft_wrap=True)
        return self._console

    @staticmethod
    def _plain_file() -> bool:
        """Whether standard error is certainly not a terminal (rich would say is_terminal False)."""
        if sys.stderr is None or os.environ.get("TTY_COMPATIBLE") == "1" or os.environ.get("FORCE_COLOR") is not None:
            return False
        try:
            return not sys.stderr.isatty()
        except (AttributeError, ValueError):  # no isatty, or closed: rich decides
            return False

    @property
    def is_terminal(self) -> bool:
        return False if self._plain_file() else self.console.is_terminal

    def print(self, *objects, **kwargs) -> None:  # noqa: A003 - rich's name
        """Like SafeConsole.print (markup off), for str objects and the keywords used here."""
        if not self._plain_file() or not all(isinstance(o, str) for o in objects) or set(kwargs) - {"markup", "sep"}:
            self.console.print(*objects, **kwargs)
            return
        sys.stderr.write(kwargs.get("sep", " ").join(plain(o) for o in objects) + "\n")
        sys.stderr.flush()


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
