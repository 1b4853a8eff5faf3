"""A self-contained Markdown report. Every piece of article text is escaped: no link, table pipe,
HTML tag or backtick in an article can become markup in the report."""

from __future__ import annotations

import re

from factcheck.model import Report
from factcheck.report.grouping import VERDICT, counts, grouped, hidden_note
from factcheck.report.safe import plain

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&])")


def md_escape(text: str | None) -> str:
    return _SPECIAL.sub(r"\\\1", plain(text))


def render_markdown(report: Report, title: str = "factcheck report") -> str:
    out = [f"# {md_escape(title)}", ""]
    out.append(f"{report.summary.documents} documents, {report.summary.claims} claims, "
               f"{len(report.findings or [])} findings.")
    out += ["", "| finding | count |", "|---|---:|"]
    out += [f"| {kind} | {n} |" for kind, n in counts(report)]
    out.append("")
    if note := hidden_note(report):
        out += [md_escape(note) + ".", ""]
    for group in grouped(report):
        out += [f"## {md_escape(group.subject)}", ""]
        for f, claims in group.findings:
            out.append(f"- **{VERDICT.get(f.kind, f.kind)}** `{f.rule}` {md_escape(f.why)}")
            for c in claims:
                out.append(f"  - {md_escape(c.sentence)} — {md_escape(c.path or c.document)}:{c.line}:{c.column}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
