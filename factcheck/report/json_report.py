"""OUTPUT.md as JSON: deterministic (stable ids and order, no timestamps), UTF-8, one trailing newline.

One document, claim, finding or problem a line, so a diff of two reports shows each changed claim
as one changed line, and a report is written in pieces (never one dict of the whole corpus) with the
standard library's C encoder.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from factcheck.model import Report

_LISTS = ("documents", "claims", "mentions", "findings", "problems")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def render_json_chunks(report: Report) -> Iterator[str]:
    fields = [(name, getattr(report, name)) for name in type(report).model_fields]
    fields = [(n, v) for n, v in fields if not (n in ("mentions", "findings") and v is None)]
    fields = [(n, v) for n, v in fields if not (n == "problems" and not v)]
    yield "{\n"
    for i, (name, value) in enumerate(fields):
        yield f"  {_dumps(name)}: "
        if name in _LISTS:
            if not value:
                yield "[]"
            else:
                yield "[\n"
                last = len(value) - 1
                lines = value.json_lines() if hasattr(value, "json_lines") else (_dumps(v.model_dump(mode="json")) for v in value)
                for j, line in enumerate(lines):
                    yield "    " + line + (",\n" if j < last else "\n")
                yield "  ]"
        else:
            yield _dumps(value.model_dump(mode="json") if hasattr(value, "model_dump") else value)
        yield ",\n" if i < len(fields) - 1 else "\n"
    yield "}\n"


def render_json(report: Report) -> str:
    return "".join(render_json_chunks(report))
