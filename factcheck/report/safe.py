"""Article text and file names are data: strip control and escape sequences before they reach a
terminal, and never read them as rich markup.

One sanitiser for everything printed: article text, paths, ids and error messages. It removes C0
and C1 controls (so ESC-based sequences such as OSC 52 clipboard writes or clear-screen lose their
introducer), DEL, and the bidi controls that reorder what a reader sees.
"""

from __future__ import annotations

import re

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
