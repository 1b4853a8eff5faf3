"""YAML front matter, loaded safely (no object construction) by python-frontmatter's handler.

Lines may end in LF, CRLF or a lone CR. libyaml's C safe loader reads ordinary front matter about
15 times faster than the pure-Python one, but on hostile nesting it can overflow the C stack and
kill the process, where the pure-Python loader raises RecursionError. So the C loader only gets
text whose nesting is provably shallow: few brackets and shallow indentation.

yaml and python-frontmatter are imported at the first front matter, not with the module: most
inputs (JSON Lines, plain text, HTML) have none, and the import costs every command about 0.015 s.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from factcheck.errors import InputError

_OPEN = re.compile(r"\A\ufeff?(?:[ \t]*(?:\r\n|\r|\n))*---[ \t]*(?=\r|\n)")
_CLOSE = re.compile(r"(?<=[\r\n])(?:---|\.\.\.)[ \t]*(?=\r|\n|\Z)")
_BREAK = re.compile(r"\r\n|\r|\n")
_DEEP_INDENT = re.compile(r"(?:^|[\r\n])[ \t?:-]{64}")  # indentation or compact - ? nesting
_SHALLOW_BRACKETS = 64


def _without_timestamps(base: type) -> type:
    """A safe loader that leaves dates and times as text: the publication date is read by
    ingest.published at its precision, and an impossible one (2024-02-30) costs a warning, not
    the whole front matter."""
    resolvers = {first: [(tag, rx) for tag, rx in items if tag != "tag:yaml.org,2002:timestamp"]
                 for first, items in base.yaml_implicit_resolvers.items()}
    return type(f"{base.__name__}NoDates", (base,), {"yaml_implicit_resolvers": resolvers})


@cache
def _loaders() -> tuple[type, type | None]:
    """The pure-Python safe loader and the C one (None without libyaml), both without timestamps."""
    import yaml

    return _without_timestamps(yaml.SafeLoader), (_without_timestamps(yaml.CSafeLoader) if hasattr(yaml, "CSafeLoader") else None)


def _loader_for(text: str) -> type:
    """The C loader when nesting cannot exceed about 64 levels, else the pure-Python one."""
    safe, fast = _loaders()
    if fast is None or text.count("[") + text.count("{") > _SHALLOW_BRACKETS or _DEEP_INDENT.search(text):
        return safe
    return fast


def _line_of(raw: str, pos: int) -> int:
    return len(_BREAK.findall(raw, 0, pos)) + 1


def split_front_matter(raw: str, path: str) -> tuple[dict[str, Any], int]:
    """Return (metadata, offset where the body starts). No front matter gives ({}, 0)."""
    m = _OPEN.match(raw)
    if not m:
        return {}, 0
    close = _CLOSE.search(raw, m.end())
    if not close:
        raise InputError(path, "front matter opened with --- but never closed", _line_of(raw, m.start(0) + m.group(0).find("---")))
    text = raw[m.end() : close.start()]
    import yaml
    from frontmatter.default_handlers import YAMLHandler

    try:
        meta = YAMLHandler().load(text, Loader=_loader_for(text))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = _line_of(raw, m.end()) + (mark.line if mark else 0)
        raise InputError(path, f"front matter is not valid YAML ({getattr(exc, 'problem', None) or exc})", line) from None
    except RecursionError:
        raise InputError(path, "front matter is nested too deeply to be article metadata") from None
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. date: 2024-02-30, or a 5,000-digit integer
        raise InputError(path, f"front matter has a value that cannot be read ({str(exc)[:100]})") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        kind = "a list" if isinstance(meta, list) else "plain text" if isinstance(meta, str) else "a single value"
        raise InputError(path, f"front matter is {kind}, not a YAML mapping of keys to values (title: …, date: …)")
    return meta, close.end()
