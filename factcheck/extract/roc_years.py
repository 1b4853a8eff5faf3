"""Taiwan's Minguo years written bare: 預計117年完工 on a Taiwan page is 2028, not 117 years.

Taiwan's government and press date events by the Minguo era (民國114年 = 2025) and usually drop the
era's name. A three-digit 1xx年 is read as such a year only on a page the Taiwan markers name (the
document-currency markers of data/zh/units.toml: 新台幣, 國科會, 行政院, 年增 …) and only where the
words around it date something (至119年, 自108年起, 117年啟用); 建校117年 stays a duration.
"""

from __future__ import annotations

import re
from datetime import date

from factcheck.extract.mention import Mention
from factcheck.lang import load_lexicon

_BARE = re.compile(r"1\d\d年")


def roc_years(text: str, out: list[Mention], p, page: str | None = None) -> None:
    """Turn the bare Minguo years among the duration mentions into year dates (in place); page: the
    text whose markers count (a headline's page), when it is not text itself."""
    rule = load_lexicon().dates.roc_year
    if rule is None or p.currency_markers is None:
        return
    found = [m for m in out if m.reason is None and m.unit == "year" and m.qualifier == "exact"
             and _BARE.fullmatch(text, m.num_start, m.end)]
    if not found or {p.currency_marker_map[w.group()] for w in p.currency_markers.finditer(page or text)} != {"TWD"}:
        return
    for m in found:
        before = text[m.num_start - 1] if m.num_start > 0 else "\n"  # the text's start is a clause's
        after = text[m.end] if m.end < len(text) else ""
        if (before and before in rule.before) or (after and after in rule.after):
            y = rule.first + int(text[m.num_start : m.end - 1]) - 1
            m.kind, m.value, m.unit, m.dimension = "date", None, None, None
            m.lower = m.upper = m.resolution = None
            m.date_start, m.date_end, m.date_precision = date(y, 1, 1).isoformat(), date(y, 12, 31).isoformat(), "year"
