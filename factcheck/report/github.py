"""GitHub workflow annotations (::error file=…,line=…,col=…::message), escaped as GitHub's toolkit
escapes them, most severe first, and a note when there are more than GitHub shows. Article text
is never echoed raw, so it cannot start a workflow command."""

from __future__ import annotations

import re

from factcheck.model import Report
from factcheck.report.sarif import relative_path

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
SHOWN_PER_LEVEL = 10  # GitHub shows at most 10 error and 10 warning annotations per step


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def escape_data(text: str) -> str:
    """GitHub's escaping (% CR LF), and every other control character %-encoded too, so an escape
    sequence in a file name or article never reaches the log viewer raw."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _CONTROL.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), text)


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, new_documents: set[str]) -> str:
    by_id = {c.id: c for c in report.claims}
    order = {"error": 0, "warning": 1, "info": 2}
    lines, hidden = [], 0
    shown = {"error": 0, "warning": 0, "info": 0}
    for f in sorted(report.findings or [], key=lambda f: (order[f.severity], f.rule, f.id)):
        if shown[f.severity] >= SHOWN_PER_LEVEL:
            hidden += 1
            continue
        shown[f.severity] += 1
        claims = [by_id[i] for i in f.claims if i in by_id]
        c = next((c for c in claims if c.document in new_documents), claims[0] if claims else None)
        props = [f"title={escape_property(f'{f.rule} {f.kind}')}"]
        if c is not None:
            props = [f"file={escape_property(relative_path(c.path))}", f"line={c.line}", f"col={c.column}", *props]
        lines.append(f"::{COMMAND[f.severity]} {','.join(props)}::{escape_data(f.why)}")
    if hidden:
        lines.append(f"::notice title=factcheck::{hidden} more findings than GitHub shows as annotations; see the SARIF or JSON output")
    return "\n".join(lines) + ("\n" if lines else "")
