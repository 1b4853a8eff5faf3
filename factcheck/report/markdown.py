"""A self-contained Markdown report. Every piece of article text is escaped: no link, table pipe,
HTML tag or backtick in an article can become markup in the report."""

from __future__ import annotations

import re

from factcheck.model import Report
from factcheck.report.grouping import view
from factcheck.report.quote import clean
from factcheck.report.safe import plain
from factcheck.report.terminal import summary_line

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&])")


def md_escape(text: str | None) -> str:
    return _SPECIAL.sub(r"\\\1", plain(text))


def render_markdown(report: Report, title: str = "factcheck report") -> str:
    """Summary first, then contradictions and other problems with their quotes, then updates and
    agreements one line a fact; single-source facts are counted, not listed."""
    v = view(report)
    out = [f"# {md_escape(title)}", "", md_escape(summary_line(v)), ""]
    for key, heading, facts in v.sections:
        facts = [f for f in facts if not f.single_source]
        if not facts:
            continue
        out += [f"## {heading} ({len(facts)})", ""]
        for f in facts:
            values = (" → " if key == "updates" else " / ").join(md_escape(x.text) for x in f.values)
            out.append(f"- **{f.verdict}** `{f.finding.rule}` {md_escape(f.subject)} · {md_escape(f.metric)}"
                       + (f" · {md_escape(f.as_of)}" if f.as_of else "") + f": {values}")
            if key in ("contradictions", "problems"):
                for x in f.values:
                    for c in x.claims:
                        out.append(f"  - {md_escape(x.text)}: {md_escape(clean(c.sentence))} — "
                                   f"{md_escape(c.path or c.document)}:{c.line}:{c.column}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
