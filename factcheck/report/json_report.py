"""OUTPUT.md as JSON: deterministic (stable ids and order, no timestamps), UTF-8, one trailing newline.

Written in pieces, one claim or finding at a time, so a report of a large corpus never exists as
one dict in memory; the text is the same as json.dumps(report, indent=2) would give.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from factcheck.model import Report

_LISTS = ("documents", "claims", "mentions", "findings", "problems")


def _indented(text: str, pad: str) -> str:
    return "\n".join(pad + line for line in text.split("\n"))


def render_json_chunks(report: Report) -> Iterator[str]:
    fields = [(name, getattr(report, name)) for name in type(report).model_fields]
    fields = [(n, v) for n, v in fields if not (n in ("mentions", "findings") and v is None)]
    fields = [(n, v) for n, v in fields if not (n == "problems" and not v)]
    yield "{\n"
    for i, (name, value) in enumerate(fields):
        yield f"  {json.dumps(name)}: "
        if name in _LISTS:
            if not value:
                yield "[]"
            else:
                yield "[\n"
                for j, item in enumerate(value):
                    text = json.dumps(item.model_dump(mode="json"), ensure_ascii=False, indent=2)
                    yield _indented(text, "    ") + (",\n" if j < len(value) - 1 else "\n")
                yield "  ]"
        else:
            plain = value.model_dump(mode="json") if hasattr(value, "model_dump") else value
            text = json.dumps(plain, ensure_ascii=False, indent=2)
            yield text.replace("\n", "\n  ")
        yield ",\n" if i < len(fields) - 1 else "\n"
    yield "}\n"


def render_json(report: Report) -> str:
    return "".join(render_json_chunks(report))
