"""YAML front matter, loaded safely (no object construction) by python-frontmatter's handler."""

from __future__ import annotations

import re
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from factcheck.errors import InputError

_OPEN = re.compile(r"\A(?:\ufeff)?\s*^---[ \t]*\r?$", re.M)
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)


def split_front_matter(raw: str, path: str) -> tuple[dict[str, Any], int]:
    """Return (metadata, offset where the body starts). No front matter gives ({}, 0)."""
    m = _OPEN.match(raw)
    if not m:
        return {}, 0
    close = _CLOSE.search(raw, m.end())
    if not close:
        raise InputError(path, "front matter opened with --- but never closed")
    text = raw[m.end() : close.start()]
    try:
        meta = YAMLHandler().load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = raw[: m.end()].count("\n") + 1 + (mark.line if mark else 0)
        raise InputError(path, f"front matter is not valid YAML ({getattr(exc, 'problem', None) or exc})", line) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(path, "front matter is not a YAML mapping of keys to values")
    return meta, close.end()
