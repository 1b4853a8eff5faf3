"""A self-contained HTML report (inline CSS, no script, no external resource). Every piece of
article text goes through html.escape, attributes included: nothing from an article becomes markup."""

from __future__ import annotations

from html import escape

from factcheck.model import Report
from factcheck.report.grouping import VERDICT, counts, grouped, hidden_note
from factcheck.report.safe import plain

_CSS = """
body{font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.15rem;border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
.f{margin:.8rem 0}.v{display:inline-block;min-width:8.5rem;font-weight:600}.error .v{color:#b00020}.warning .v{color:#a15c00}.info .v{color:#1b6e20}
.rule{color:#777;font-family:monospace;margin-right:.5rem}blockquote{margin:.3rem 0 .3rem 9rem;color:#444;font-size:.92rem}
.where{color:#888;font-family:monospace;margin-left:.5rem}mark{background:#fff2a8}table{border-collapse:collapse}td,th{padding:.2rem .8rem;border-bottom:1px solid #eee;text-align:left}
"""


def _e(text) -> str:
    return escape(plain(str(text)), quote=True)


def _sentence(c) -> str:
    sentence, value = plain(c.sentence), plain(c.text)
    i = sentence.find(value)
    if i < 0:
        return _e(sentence)
    return _e(sentence[:i]) + "<mark>" + _e(value) + "</mark>" + _e(sentence[i + len(value) :])


def render_html(report: Report, title: str = "factcheck report") -> str:
    parts = [
        "<!DOCTYPE html>", '<html lang="zh"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p>{report.summary.documents} documents, {report.summary.claims} claims, {len(report.findings or [])} findings.</p>",
        "<table><tr><th>finding</th><th>count</th></tr>",
    ]
    parts += [f"<tr><td>{_e(k)}</td><td>{n}</td></tr>" for k, n in counts(report)]
    parts.append("</table>")
    if note := hidden_note(report):
        parts.append(f"<p>{_e(note)}.</p>")
    for group in grouped(report):
        parts.append(f"<h2>{_e(group.subject)}</h2>")
        for f, claims in group.findings:
            parts.append(f'<div class="f {_e(f.severity)}"><span class="v">{_e(VERDICT.get(f.kind, f.kind))}</span>'
                         f'<span class="rule">{_e(f.rule)}</span>{_e(f.why)}')
            for c in claims:
                parts.append(f'<blockquote>{_sentence(c)}<span class="where">{_e(c.path or c.document)}:{c.line}:{c.column}</span></blockquote>')
            parts.append("</div>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
