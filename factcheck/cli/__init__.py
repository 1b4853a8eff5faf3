"""The command line: each command a few lines over the library (factcheck.api, gate, ledger, report),
split by command group; factcheck.cli.base holds the app and what the commands share."""

from factcheck.cli import read  # noqa: I001,F401 - each module registers its commands, in this order
from factcheck.cli import gate  # noqa: F401
from factcheck.cli import ledger  # noqa: F401
from factcheck.cli.base import app, main, render

__all__ = ["app", "main", "render"]
