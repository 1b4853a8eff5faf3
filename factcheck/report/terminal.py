"""Rich terminal output: tables of claims, findings grouped by subject, a summary.

Plain and readable when piped or with NO_COLOR (rich decides from the stream), and every piece
of article text goes through rich.text.Text, never markup, with control characters stripped.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.model import Claim, Report
from factcheck.report.safe import plain


def num(x: float | int | None) -> str:
    if x is None:
        return ""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6g}"


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


def claims_table(claims: list[Claim], title: str) -> Table:
    table = Table(title=title, show_lines=False, header_style="bold")
    for col in ("where", "as written", "value", "subject", "metric", "as of", "mode"):
        table.add_column(col, overflow="fold", no_wrap=col in ("subject", "as of", "mode"))
    for c in claims:
        table.add_row(
            Text(where(c)),
            Text(plain(c.text, 40)),
            Text(value_text(c)),
            Text(plain(c.subject.text if c.subject else "—", 30)),
            Text(plain(c.metric.text or c.metric.key if c.metric else "", 24)),
            Text(c.as_of or ""),
            Text(c.modality),
        )
    return table


def print_extract(report: Report, console: Console) -> None:
    console.print(claims_table(report.claims, f"{len(report.claims)} claims in {len(report.documents)} documents"))


_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "green"}


def _quote(claims: list[Claim]) -> Text:
    """One sentence with every value the finding rests on highlighted; article text is never markup."""
    first = claims[0]
    sentence = plain(first.sentence, 200)
    marks = []
    for c in claims:
        value = plain(c.text)
        i = sentence.find(value)
        if i >= 0:
            marks.append((i, i + len(value)))
    text = Text("    “")
    pos = 0
    for a, b in sorted(set(marks)):
        if a < pos:
            continue
        text.append(sentence[pos:a])
        text.append(sentence[a:b], style="bold underline")
        pos = b
    text.append(sentence[pos:])
    text.append("”  ")
    text.append("  ".join(f"{c.path or c.document}:{c.line}:{c.column}" for c in claims), style="dim")
    return text


def print_check(report: Report, console: Console) -> None:
    from factcheck.report.grouping import VERDICT, counts, grouped, hidden_note

    for group in grouped(report):
        console.rule(Text(plain(group.subject), style="bold"), align="left")
        for f, claims in group.findings:
            line = Text(f"  {VERDICT.get(f.kind, f.kind.upper()):<13}", style=_STYLE[f.severity])
            line.append(f"{f.rule}  ", style="dim")
            line.append(plain(f.why))
            console.print(line)
            by_sentence: dict[tuple, list[Claim]] = {}
            for c in claims:
                by_sentence.setdefault((c.document, c.sentence), []).append(c)
            for same in by_sentence.values():
                console.print(_quote(same))
        console.print()
    table = Table(title="summary", header_style="bold")
    table.add_column("finding")
    table.add_column("count", justify="right")
    for kind, n in counts(report):
        table.add_row(kind, str(n))
    table.add_row("documents", str(report.summary.documents), style="dim")
    table.add_row("claims", str(report.summary.claims), style="dim")
    console.print(table)
    if note := hidden_note(report):
        console.print(Text(note, style="dim"))
