"""Rich terminal output: the claims table, and the check report an editor reads top down — a
summary, then contradictions with their sources and quotes, then updates, then agreements folded
to one line per fact.

Plain when piped or with NO_COLOR (rich decides from the stream, --color overrides), never
hard-wrapped when piped, and every piece of article text or file name goes through
rich.text.Text, never markup, with control characters stripped.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.model import Claim, Report
from factcheck.report.grouping import QUOTES, Fact, View, claim_value, num, one_per_document, view
from factcheck.report.quote import pieces
from factcheck.report.safe import plain

__all__ = ["claims_table", "num", "print_check", "print_extract", "print_statistics", "value_text", "where"]


def value_text(c: Claim) -> str:
    """A claim's value with its interval: 5,000 PFLOPS [4,500, 5,500]; dates as ISO spans."""
    if c.kind == "date" and c.date:
        return c.date.start if c.date.start == c.date.end else f"{c.date.start}…{c.date.end}"
    if c.value is None:
        return ""
    lo = num(c.lower)
    hi = "∞" if c.upper is None else num(c.upper)
    interval = f"{'(' if c.lower_open else '['}{lo}, {hi}{')' if c.upper_open or c.upper is None else ']'}"
    base = f"{num(c.value)} {c.unit}"
    return base if c.qualifier == "exact" else f"{base} {interval}"


def where(c: Claim) -> str:
    name = (c.path or c.document).rsplit("/", 1)[-1]
    return f"{name}:{c.line}:{c.column}"


def claims_table(claims: list[Claim], title: str, reasons: bool = False) -> Table:
    table = Table(title=Text(title), show_lines=False, header_style="bold")
    columns = ["where", "as written", "value", "subject", "metric", "as of", "mode"] + (["why not a claim"] if reasons else [])
    for col in columns:
        table.add_column(col, overflow="fold", no_wrap=col in ("subject", "as of", "mode"))
    for c in claims:
        row = [
            Text(plain(where(c))),
            Text(plain(c.text, 40)),
            Text(value_text(c)),
            Text(plain(c.subject.text if c.subject else "—", 30)),
            Text(plain(c.metric.text or c.metric.key if c.metric else "", 24)),
            Text(c.as_of or ""),
            Text(c.modality),
        ]
        if reasons:
            row.append(Text(plain(c.reason or "")))
        table.add_row(*row)
    return table


def print_extract(report: Report, console: Console, mentions: bool = False) -> None:
    console.print(claims_table(report.claims, f"{len(report.claims)} claims in {len(report.documents)} documents"))
    if mentions and report.mentions is not None:
        console.print(claims_table(list(report.mentions), f"{len(report.mentions)} mentions that are not claims",
                                   reasons=True))


_RANK = {"info": 0, "warning": 1, "error": 2}
_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "green"}
_MARK = {"contradictions": "✗", "problems": "!", "updates": "→", "agreements": "✓"}


def _outlet(documents: dict, c: Claim) -> str:
    d = documents.get(c.document)
    return plain((d.source if d is not None and getattr(d, "source", None) else None) or "", 40)


def _quote(c: Claim, values: list[str], documents: dict) -> Text:
    """One source line: outlet, place, and the sentence with the values highlighted."""
    text = Text("        ")
    outlet = _outlet(documents, c)
    if outlet:
        text.append(outlet + "  ", style="cyan")
    text.append(plain(f"{c.path or c.document}:{c.line}:{c.column}"), style="dim")
    text.append("\n          “")
    for piece, is_value in pieces(plain(c.sentence, 240), values):
        text.append(piece, style="bold underline" if is_value else None)
    text.append("”")
    return text


def _head(fact: Fact) -> Text:
    line = Text("  ")
    line.append(f"{_MARK.get(fact.section, '·')} ", style=_STYLE[fact.finding.severity])
    line.append(plain(fact.subject), style="bold")
    line.append(" · " + plain(fact.metric))
    if fact.as_of:
        line.append(f" · {fact.as_of}", style="dim")
    line.append(f"   {fact.finding.rule} {fact.verdict}", style=_STYLE[fact.finding.severity])
    return line


def _print_full(fact: Fact, console: Console, documents: dict) -> None:
    """A fact that needs reading: each value with who states it, and the quotes."""
    console.print(_head(fact), soft_wrap=True)
    for v in fact.values:
        line = Text("      ")
        line.append(v.text, style="bold")
        who = f"{v.documents} document{'s' if v.documents != 1 else ''}"
        if v.origins != v.documents:
            who += f", {v.origins} origin{'s' if v.origins != 1 else ''}"
        line.append(f"  ({who}{', as of ' + v.as_of if v.as_of else ''})", style="dim")
        console.print(line, soft_wrap=True)
        quoted = one_per_document(v.claims)
        for c in quoted[:QUOTES]:
            console.print(_quote(c, [x.text for x in v.claims if x.document == c.document], documents), soft_wrap=True)
        if len(quoted) > QUOTES:
            names = sorted({_outlet(documents, c) or c.document for c in quoted[QUOTES:]})
            more = ", ".join(names[:12]) + (", …" if len(names) > 12 else "")
            console.print(Text(f"        and {_n(len(quoted) - QUOTES, 'more document')}: {more}", style="dim"), soft_wrap=True)
    if not fact.values:
        console.print(Text("      " + plain(fact.finding.why)), soft_wrap=True)


def _print_folded(fact: Fact, console: Console) -> None:
    """One line: subject · metric · values · how many documents."""
    line = _head(fact)
    shown = " → " if fact.section == "updates" else " / "
    line.append("   " + shown.join(v.text + (f" ({v.as_of})" if fact.section == "updates" and v.as_of else "")
                                   for v in fact.values))
    line.append(f"   {_n(fact.documents, 'document')}" + (f", {_n(fact.origins, 'origin')}" if fact.origins != fact.documents else ""),
                style="dim")
    console.print(line, soft_wrap=True)


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary_line(v: View) -> str:
    parts = [_n(len(v.documents), "document"), _n(v.shown_facts, "fact") + " across sources", _n(v.count("contradictions"), "contradiction")]
    if v.count("problems"):
        parts.append(_n(v.count("problems"), "other problem"))
    parts += [_n(v.count("updates"), "update"), _n(v.count("agreements"), "agreement")]
    line = " · ".join(parts)
    if v.single_source:
        line += f" ({_n(v.single_source, 'single-source fact')} hidden: agreements with one origin; the JSON keeps them)"
    return line


def print_check(report: Report, console: Console, quiet: bool = False, fail_on: str = "error") -> None:
    """The check report. quiet: only the findings at or above fail_on, nothing else."""
    v = view(report)
    documents = {d.id: d for d in v.documents}
    if quiet:
        floor = 99 if fail_on == "never" else _RANK[fail_on]
        for fact in v.facts:
            if _RANK[fact.finding.severity] >= floor:
                _print_full(fact, console, documents)
        return
    console.print(Text(summary_line(v), style="bold"), soft_wrap=True)
    for key, title, facts in v.sections:
        facts = [f for f in facts if not f.single_source]
        if not facts:
            continue
        console.print()
        console.print(Text(f"{title} ({len(facts)})", style="bold underline"), soft_wrap=True)
        for fact in facts:
            if key in ("contradictions", "problems"):
                _print_full(fact, console, documents)
            else:
                _print_folded(fact, console)


def print_statistics(report: Report, console: Console) -> None:
    """Counts per rule, as ruff --statistics prints them: count, code, kind, the rule's name."""
    from factcheck.rules import ALL_RULES
    from factcheck.suppress import INVALID, UNUSED

    names = {(r.id, r.kind): r.name for r in [*ALL_RULES, UNUSED, INVALID]}
    tally: dict[tuple[str, str], int] = {}
    for f in report.findings or []:
        tally[(f.rule, f.kind)] = tally.get((f.rule, f.kind), 0) + 1
    width = max((len(str(n)) for n in tally.values()), default=1)
    kinds = max((len(k) for _, k in tally), default=1)
    for (rule, kind), n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])):
        console.print(Text(f"{n:>{width}}  {rule:<5}  {kind:<{kinds}}  {plain(names.get((rule, kind), ''))}"), soft_wrap=True)


__all__ += ["claim_value", "summary_line"]
