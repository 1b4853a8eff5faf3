"""Inline suppression in Markdown and HTML articles:

    <!-- factcheck-disable FC102 -- reason -->             the whole article (title included)
    <!-- factcheck-disable-next-line FC102 FC103 -->       the next line only

Rule codes are required. A suppression that silences nothing is itself reported (FC301).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.rules.base import Rule

_DIRECTIVE = re.compile(r"^\s*factcheck-(disable-next-line|disable)\b(.*)$", re.S)
_CODE = re.compile(r"^FC\d{3}$")

UNUSED = Rule("FC301", "unused suppression", "unused_suppression", "warning", """FC301 unused suppression

What:
    A factcheck-disable comment in an article silences no finding.
Why:
    Stale suppressions hide future contradictions; remove them once the figure is fixed.
Example:
    <!-- factcheck-disable-next-line FC102 --> above a line that contradicts nothing.
""")
INVALID = Rule("FC302", "invalid suppression", "invalid_suppression", "warning", """FC302 invalid suppression

What:
    A factcheck-disable comment names no rule code, or a code that does not exist.
Why:
    A suppression must say what it silences, so a reviewer can see it; a blanket one is refused.
Example:
    <!-- factcheck-disable --> (no code) or <!-- factcheck-disable FC999 -->.
""")


@dataclass
class Suppression:
    document: str
    path: str | None
    line: int  # line of the comment
    codes: list[str]
    next_line_only: bool
    reason: str = ""
    used: bool = False
    invalid: str | None = None
    lines: tuple[int, int] = field(default=(0, 0))


def parse(document: str, path: str | None, raw: str, comments: list[tuple[int, str]], known: set[str]) -> list[Suppression]:
    out = []
    for offset, body in comments:
        m = _DIRECTIVE.match(body)
        if not m:
            continue
        line = raw.count("\n", 0, offset) + 1
        words, _, reason = m.group(2).partition("--")
        codes = words.split()
        s = Suppression(document, path, line, codes, m.group(1) == "disable-next-line", reason.strip())
        if not codes:
            s.invalid = "names no rule code"
        elif bad := [c for c in codes if not _CODE.match(c) or c not in known]:
            s.invalid = f"unknown rule code {', '.join(bad)}"
        end_comment_line = raw.count("\n", 0, raw.find("-->", offset) + 1 if raw.find("-->", offset) >= 0 else offset) + 1
        s.lines = (end_comment_line + 1, end_comment_line + 1) if s.next_line_only else (1, 10**9)
        out.append(s)
    return out


def covers(s: Suppression, rule: str, document: str, line: int) -> bool:
    return s.invalid is None and s.document == document and rule in s.codes and s.lines[0] <= line <= s.lines[1]
