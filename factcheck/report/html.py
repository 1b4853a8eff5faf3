"""A self-contained HTML report an editor reads top down: what was read (a table of documents),
how many facts and contradictions; the contradictions with their competing values side by side,
sources and quotes; a timeline for every series with values at two or more dates; then a claim
board, one row per fact grouped by subject, with agreements folded and single-source facts behind
a count, filters by verdict and subject, and an anchor on every fact.

Nothing is fetched when the page is viewed: CSS and the SVG charts are inline, and the one script
(the board's filters) is allowed by its hash in the Content-Security-Policy, nothing else. Every
piece of article text goes through html.escape, attributes included: nothing from an article
becomes markup.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from factcheck.model import Claim, Report
from factcheck.report.grouping import QUOTES, Fact, View, one_per_document, view
from factcheck.report.quote import lang_of, pieces
from factcheck.report.safe import plain
from factcheck.report.timeline import render_timeline

_CSS = """
:root{--bad:#b3261e;--warn:#8a5300;--ok:#1b6e20;--muted:#666;--line:#e3e3e3;--mark:#ffe97a}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif;
max-width:72rem;margin:0 auto;padding:1rem;color:#1d1d1f;line-height:1.5}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1rem;margin:.2rem 0}a{color:inherit}a.anchor{color:var(--muted);text-decoration:none;margin-left:.3rem}
.lede{font-size:1.1rem;margin:.4rem 0 1rem}.lede b{font-size:1.4rem}.lede .bad b{color:var(--bad)}
.hidden-count{color:var(--muted);font-size:.9rem}
table{border-collapse:collapse;width:100%}td,th{padding:.25rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-weight:600;background:#f6f6f6}.docs{font-size:.9rem}.docs td.date{white-space:nowrap}
.docs-wrap{max-height:22rem;overflow:auto;border:1px solid var(--line)}
.fact{border:1px solid var(--line);border-left:5px solid var(--muted);border-radius:4px;padding:.6rem .8rem;margin:.8rem 0}
.fact.contradict{border-left-color:var(--bad)}.fact.problem{border-left-color:var(--warn)}
.values{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.8rem;margin-top:.4rem}
.value{background:#fafafa;border:1px solid var(--line);border-radius:4px;padding:.5rem}
.value .num{font-size:1.3rem;font-weight:700}.value .who{color:var(--muted);font-size:.85rem}
blockquote{margin:.4rem 0;padding-left:.6rem;border-left:3px solid var(--line);font-size:.95rem}
mark{background:var(--mark);padding:0 .1em}cite{display:block;font-style:normal;color:var(--muted);font-size:.82rem}
.why{color:var(--muted);font-size:.85rem;margin:.4rem 0 0}.rule{font-family:ui-monospace,monospace}
.verdict{font-weight:700;white-space:nowrap}.v-contradict{color:var(--bad)}.v-problem{color:var(--warn)}.v-update{color:#1f4e8c}.v-agree{color:var(--ok)}
figure{margin:1rem 0}figcaption{font-weight:600}svg.timeline{width:100%;max-width:44rem;height:auto;font-size:11px}
.axis{stroke:#444}.grid{stroke:#eee}.tick{fill:#555}.trend{fill:none;stroke:#7a9cc6;stroke-width:1.5}
.point circle{fill:#1f4e8c}.point.clash circle{fill:var(--bad)}line.clash{stroke:var(--bad);stroke-dasharray:4 3}
.label{font-weight:600;fill:#222}.src{fill:#666}
.filters{display:flex;flex-wrap:wrap;gap:1rem;margin:.5rem 0}.filters label{font-size:.9rem}
.subject{margin:1rem 0}.subject>h3{background:#f3f3f3;padding:.2rem .5rem}
#board table{table-layout:fixed}#board th:first-child{width:11rem}#board th:last-child{width:11rem}#board td{overflow-wrap:anywhere}#board td.vals div{margin:.1rem 0}#board .src{color:var(--muted);font-size:.85rem}
details>summary{cursor:pointer;color:#1f4e8c;margin:.3rem 0}
@media (max-width:40rem){body{padding:.5rem}#board th:first-child,#board th:last-child{width:6rem}.values{grid-template-columns:1fr}.docs td:nth-child(4),.docs th:nth-child(4){display:none}}
@media print{.filters,a.anchor{display:none}.docs-wrap{max-height:none;overflow:visible;border:0}
details::details-content{content-visibility:visible;display:contents}details>summary{color:#000}
.fact,figure,tr{break-inside:avoid}body{max-width:none;font-size:10pt}mark{background:none;font-weight:700;text-decoration:underline}}
"""

_SCRIPT = """
(function(){
var v=document.getElementById('f-verdict'),s=document.getElementById('f-subject');
function apply(){
  var vv=v.value,sv=s.value;
  document.querySelectorAll('#board tr[data-verdict]').forEach(function(r){
    r.hidden=!((!vv||r.dataset.verdict===vv)&&(!sv||r.dataset.subject===sv));
    if(!r.hidden&&vv){var d=r.closest('details');if(d)d.open=true;}
  });
  document.querySelectorAll('#board .subject').forEach(function(g){
    g.hidden=!!sv&&g.dataset.subject!==sv;
  });
}
v.addEventListener('change',apply);s.addEventListener('change',apply);
window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true;});});
})();
"""
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()


def _e(text) -> str:
    return escape(plain(str(text)), quote=True)


class _Docs:
    """Documents by id, named as a reader names them: the outlet, else the file name."""

    def __init__(self, report: Report):
        self.by_id = {d.id: d for d in report.documents}

    def outlet(self, doc_id: str) -> str:
        d = self.by_id.get(doc_id)
        if d is None:
            return doc_id
        return getattr(d, "source", None) or (d.path or d.id).rsplit("/", 1)[-1]

    def date(self, doc_id: str) -> str:
        d = self.by_id.get(doc_id)
        return d.published.date().isoformat() if d is not None and d.published else ""

    def title(self, doc_id: str) -> str:
        d = self.by_id.get(doc_id)
        return (d.title or "") if d is not None else ""


def _quote(c: Claim, values: list[str]) -> str:
    """The sentence without glosses or markup debris, each value marked, in its own language."""
    body = "".join(f"<mark>{_e(t)}</mark>" if is_value else _e(t) for t, is_value in pieces(c.sentence, values))
    return f'<blockquote lang="{lang_of(c.sentence)}">{body}</blockquote>'


def _cite(c: Claim, docs: _Docs) -> str:
    bits = [f"<b>{_e(docs.outlet(c.document))}</b>"]
    if docs.title(c.document):
        bits.append(f'<span lang="{lang_of(docs.title(c.document))}">{_e(docs.title(c.document))}</span>')
    if docs.date(c.document):
        bits.append(_e(docs.date(c.document)))
    bits.append(f'<span class="rule">{_e((c.path or c.document).rsplit("/", 1)[-1])}:{c.line}:{c.column}</span>')
    return "<cite>" + " · ".join(bits) + "</cite>"


def _css_class(fact: Fact) -> str:
    return {"contradictions": "contradict", "problems": "problem", "updates": "update"}.get(fact.section, "agree")


def _fact_card(fact: Fact, docs: _Docs) -> str:
    """A contradiction (or another problem): its values side by side, each with sources and quotes."""
    head = (f'<article class="fact {_css_class(fact)}" id="{_e(fact.finding.id)}">'
            f"<h3>{_e(fact.subject)} · {_e(fact.metric)}"
            + (f' <span class="why">as of {_e(fact.as_of)}</span>' if fact.as_of else "")
            + f' <a class="anchor" href="#{_e(fact.finding.id)}" title="link to this fact">¶</a></h3>')
    cols = []
    for v in fact.values:
        who = f"{v.documents} document{'s' if v.documents != 1 else ''}, {v.origins} origin{'s' if v.origins != 1 else ''}"
        quotes = []
        quoted = one_per_document(v.claims)
        if len(quoted) > QUOTES:
            names = sorted({docs.outlet(c.document) for c in quoted[QUOTES:]})
            rest = f"and {len(quoted) - QUOTES} more documents: " + ", ".join(names[:20]) + (", …" if len(names) > 20 else "")
        else:
            rest = ""
        for c in quoted[:QUOTES]:
            same = [x.text for x in v.claims if x.document == c.document]
            quotes.append(_quote(c, same) + _cite(c, docs))
        cols.append(f'<div class="value"><div class="num">{_e(v.text)}</div>'
                    f'<div class="who">{_e(who)}' + (f" · as of {_e(v.as_of)}" if v.as_of else "") + "</div>"
                    + "".join(quotes) + (f'<p class="who">{_e(rest)}</p>' if rest else "") + "</div>")
    why = f'<p class="why"><span class="rule">{_e(fact.finding.rule)}</span> {_e(fact.finding.why)}</p>'
    return head + '<div class="values">' + "".join(cols) + "</div>" + why + "</article>"


def _documents_table(v: View) -> str:
    rows = []
    for d in sorted(v.documents, key=lambda d: (d.published.isoformat() if d.published else "9999", d.id)):
        title = d.title or ""
        rows.append(f'<tr><td>{_e(getattr(d, "source", None) or "—")}</td>'
                    f'<td lang="{lang_of(title) if title else "und"}">{_e(title or "—")}</td>'
                    f'<td class="date">{_e(d.published.strftime("%Y-%m-%d %H:%M") if d.published else "unknown")}</td>'
                    f'<td class="rule">{_e((d.path or d.id).rsplit("/", 1)[-1])}</td></tr>')
    return ('<div class="docs-wrap"><table class="docs" id="documents"><thead><tr><th>outlet or source</th><th>title</th>'
            "<th>published</th><th>file</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>")


def _board_row(fact: Fact, docs: _Docs) -> str:
    vals = []
    for val in fact.values:
        sources = []
        for c in val.claims:
            name = f"{docs.outlet(c.document)} {docs.date(c.document)}".strip()
            if name not in sources:
                sources.append(name)
        vals.append(f"<div><b>{_e(val.text)}</b>" + (f" <small>as of {_e(val.as_of)}</small>" if val.as_of else "")
                    + f' <span class="src">— {_e("; ".join(sources))}</span></div>')
    verdict = _css_class(fact)
    row = f"row-{fact.finding.id}"  # the finding's own id is its card's, when it has one
    return (f'<tr id="{_e(row)}" data-verdict="{verdict}" data-subject="{_e(fact.subject_key)}">'
            f'<td>{_e(fact.metric)}</td><td class="vals">{"".join(vals)}</td>'
            f'<td class="verdict v-{verdict}">{_e(fact.verdict)} <span class="rule">{_e(fact.finding.rule)}</span>'
            f' <a class="anchor" href="#{_e(row)}">¶</a></td></tr>')


def _table(rows: list[str]) -> str:
    return ("<table><thead><tr><th>metric</th><th>values, sources and dates</th><th>verdict</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def _board(v: View, docs: _Docs) -> str:
    shown = [f for f in v.facts if not f.single_source]
    subjects: dict[str, list[Fact]] = {}
    for f in shown:
        subjects.setdefault(f.subject_key, []).append(f)
    verdicts = [("contradict", "contradictions"), ("problem", "other problems"), ("update", "updates"), ("agree", "agreements")]
    options = "".join(f'<option value="{k}">{t}</option>' for k, t in verdicts)
    names = sorted(((fs[0].subject, key) for key, fs in subjects.items()), key=lambda x: x[0])
    subject_options = "".join(f'<option value="{_e(k)}">{_e(n)}</option>' for n, k in names)
    out = ['<section id="board"><h2>Claim board</h2>',
           '<div class="filters"><label>verdict <select id="f-verdict"><option value="">all</option>' + options
           + '</select></label><label>subject <select id="f-subject"><option value="">all</option>' + subject_options
           + "</select></label></div>"]
    order = {"contradictions": 0, "problems": 1, "updates": 2, "agreements": 3}
    for key, facts in sorted(subjects.items(), key=lambda kv: (min(order[f.section] for f in kv[1]), kv[1][0].subject)):
        facts.sort(key=lambda f: (order[f.section], f.metric_key, f.as_of or ""))
        open_rows = [_board_row(f, docs) for f in facts if f.section != "agreements"]
        agree_rows = [_board_row(f, docs) for f in facts if f.section == "agreements"]
        anchor = "s-" + hashlib.sha1(key.encode()).hexdigest()[:10]
        part = [f'<div class="subject" id="{anchor}" data-subject="{_e(key)}"><h3>{_e(facts[0].subject)}'
                f' <a class="anchor" href="#{anchor}">¶</a></h3>']
        if open_rows:
            part.append(_table(open_rows))
        if agree_rows:
            part.append(f"<details><summary>{len(agree_rows)} agreement{'s' if len(agree_rows) != 1 else ''}</summary>"
                        + _table(agree_rows) + "</details>")
        part.append("</div>")
        out.append("".join(part))
    single = [f for f in v.facts if f.single_source]
    if single:
        out.append(f'<details id="single-source"><summary>{len(single)} facts stated by one source only</summary>'
                   + _table([_board_row(f, docs) for f in single]) + "</details>")
    out.append("</section>")
    return "\n".join(out)


def render_html(report: Report, title: str = "factcheck report") -> str:
    v = view(report)
    docs = _Docs(report)
    n_contra = v.count("contradictions")
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{_SCRIPT_HASH}'; img-src data:"
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f'<header><h1 lang="{lang_of(title)}">{_e(title)}</h1>',
        f'<p class="lede"><b>{len(v.documents)}</b> documents read · <b>{v.shown_facts}</b> facts across sources · '
        f'<span class="{"bad" if n_contra else ""}"><b>{n_contra}</b> contradiction{"s" if n_contra != 1 else ""}</span>'
        f" · {v.count('updates')} updates · {v.count('agreements')} agreements"
        + (f' <span class="hidden-count">({v.single_source} facts stated by one source only are '
           f'<a href="#single-source">at the end</a>)</span>' if v.single_source else "") + "</p>",
        _documents_table(v), "</header>",
    ]
    for key, heading, facts in v.sections:
        if key not in ("contradictions", "problems"):
            continue
        facts = [f for f in facts if not f.single_source]
        if facts:
            parts.append(f'<section id="{key}"><h2>{heading} ({len(facts)})</h2>')
            parts += [_fact_card(f, docs) for f in facts]
            parts.append("</section>")
    if v.series:
        parts.append(f'<section id="timelines"><h2>Timelines ({len(v.series)})</h2>')
        for s in v.series:
            parts.append(f'<figure id="{s.anchor}"><figcaption>{_e(s.subject)} · {_e(s.metric)} ({_e(s.unit)})'
                         f' <a class="anchor" href="#{s.anchor}">¶</a></figcaption>{render_timeline(s, docs.outlet)}</figure>')
        parts.append("</section>")
    parts.append(_board(v, docs))
    parts.append(f"<script>{_SCRIPT}</script></body></html>")
    return "\n".join(parts) + "\n"
