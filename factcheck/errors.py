"""One root error; each subclass is also a builtin so callers can catch what they know."""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENAMETOOLONG: "the name is longer than the file system allows",
    errno.EISDIR: "is a folder",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
}


def shown_path(path: str, limit: int = 240) -> str:
    """A path for a message: whole when it is of a readable length, else its start and its end."""
    path = str(path)
    return path if len(path) <= limit else f"{path[: limit // 2]}…{path[-(limit // 2 - 1):]}"


def os_reason(exc: OSError) -> str:
    """The reason of an OSError in words a user reads (never an errno number alone)."""
    return _REASONS.get(exc.errno, exc.strerror or str(exc))


def os_error_line(exc: OSError) -> str:
    """One line for an OSError: the file it is about and the reason in words."""
    import os

    name = exc.filename if exc.filename is not None else "factcheck"
    name = os.fsdecode(name) if isinstance(name, bytes) else str(name)
    return f"{shown_path(name)}: {os_reason(exc)}"


class FactcheckError(Exception):
    """Root of every error factcheck raises on purpose."""


class InputError(FactcheckError, ValueError):
    """An input that cannot be read: names the file (and line) and the reason."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path, self.reason, self.line = path, reason, line
        where = f"{shown_path(path)}:{line}" if line else shown_path(path)
        super().__init__(f"{where}: {reason}")


class LedgerError(FactcheckError, ValueError):
    """The ledger under claims/ is missing, invalid or locked."""

    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{shown_path(path)}: {reason}")


class ConfigError(FactcheckError, ValueError):
    """A setting in factcheck.toml, pyproject.toml or on the command line is invalid."""

    def __init__(self, source: str, reason: str):
        self.source, self.reason = source, reason
        super().__init__(f"{source}: {reason}")


class OutputError(FactcheckError, OSError):
    """A report or ledger file could not be written; the previous file is left in place."""

    def __init__(self, path: str, reason: str, errno: int | None = None):
        self.path, self.reason = path, reason
        super().__init__(f"{shown_path(path)}: {reason}")
        self.errno = errno  # of the OSError behind it (after OSError's own init, which sets it to None)
