"""rich consoles that print text literally (see factcheck.report.safe): imported where a command
prints through rich, so that the ones that do not (extract to a pipe) never import it."""

from __future__ import annotations

from rich.console import Console

from factcheck.report.safe import plain


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
        kwargs["emoji"] = False  # a:100:b is a path and a line, not an emoji code
        super().print(*(plain(o) if isinstance(o, str) else o for o in objects), **kwargs)
