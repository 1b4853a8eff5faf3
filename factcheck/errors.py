"""One root error; each subclass is also a builtin so callers can catch what they know."""

from __future__ import annotations


class FactcheckError(Exception):
    """Root of every error factcheck raises on purpose."""


class InputError(FactcheckError, ValueError):
    """An input that cannot be read: names the file (and line) and the reason."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")


class LedgerError(FactcheckError, ValueError):
    """The ledger under claims/ is missing, invalid or locked."""

    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


class ConfigError(FactcheckError, ValueError):
    """A setting in factcheck.toml, pyproject.toml or on the command line is invalid."""

    def __init__(self, source: str, reason: str):
        self.source, self.reason = source, reason
        super().__init__(f"{source}: {reason}")


class OutputError(FactcheckError, OSError):
    """A report or ledger file could not be written; the previous file is left in place."""

    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")
