"""Settings: defaults, then factcheck.toml or [tool.factcheck] in pyproject.toml (the closest one
walking up from the working folder), then command-line flags. Each value remembers its source."""

from __future__ import annotations

import tomllib
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.errors import ConfigError


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tolerance: float = Field(0.10, ge=0, lt=1, description="relative tolerance of 约/近/左右/about (SEMANTICS.md §2)")
    same_time_days: int = Field(14, ge=0, description="as_of dates closer than this are 'the same time' for a contradiction")
    link_threshold: float = Field(88.0, ge=0, le=100, description="subject similarity (0-100) above which two subjects link")
    fail_on: Literal["error", "warning", "info", "never"] = Field("error", description="gate: lowest severity that fails")
    max_bytes: int = Field(20 * 1024 * 1024, gt=0, description="largest document read, in bytes")
    timezone: str = Field("+08:00", description="zone of timestamps without one (China time for Chinese press)")
    cache_dir: str = Field(".factcheck_cache", description="where extraction results are cached (--no-cache to skip)")

    @property
    def tolerance_fraction(self) -> Fraction:
        return _exact(self.tolerance)


@lru_cache(maxsize=16)
def _exact(value: float) -> Fraction:
    """The decimal a setting was written as (0.1, not 3602879701896397/36028797018963968); asked for
    once per document, so parsed once per value."""
    return Fraction(str(value))


def find_config(start: Path | None = None) -> tuple[Path | None, dict]:
    """The closest factcheck.toml, or pyproject.toml with a [tool.factcheck] table, walking up."""
    here = (start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        own = folder / "factcheck.toml"
        if own.is_file():
            return own, _read(own)
        py = folder / "pyproject.toml"
        if py.is_file():
            table = _read(py).get("tool", {}).get("factcheck")
            if table is not None:
                return py, table
    return None, {}


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read settings ({exc})") from None


def load_settings(overrides: dict | None = None, start: Path | None = None) -> tuple[Settings, dict[str, str]]:
    """Resolved settings and, for each field, where its value came from."""
    path, table = find_config(start)
    values: dict = {}
    origin = {name: "default" for name in Settings.model_fields}
    for key, value in table.items():
        key = key.replace("-", "_")
        values[key] = value
        origin[key] = str(path)
    for key, value in (overrides or {}).items():
        if value is not None:
            values[key] = value
            origin[key] = "command line"
    try:
        return Settings(**values), origin
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(x) for x in first["loc"])
        source = origin.get(field, str(path) if path else "settings")
        raise ConfigError(source, f"{field}: {first['msg']}") from None
