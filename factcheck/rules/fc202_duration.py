"""FC202 duration against its dates

What:
    A stated duration (仅5个月) is checked against the two dates it spans when the same sentence
    gives them (开工 2020-12-28, 建成 2021-05-31).
Why:
    "Built in five months" is a claim too; if the dates say eight, one of them is wrong.
Example:
    003: 2020年12月28日开工建设，于2021年5月31日建成…核心建设周期仅5个月: 5.1 months, passes.
"""

from datetime import date
from fractions import Fraction

from factcheck.extract.units import seconds
from factcheck.model import Claim
from factcheck.rules.base import F, Rule

RULE = Rule("FC202", "duration vs dates", "check_passed", "info", __doc__)
FAILED = Rule("FC202", "duration vs dates", "check_failed", "warning", __doc__)
DAY = Fraction(86400)


def check(claims: list[Claim]):
    by_sentence: dict[tuple, list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault((c.document, c.sentence), []).append(c)
    for members in by_sentence.values():
        members.sort(key=lambda c: c.span.start)
        for i, d in enumerate(members):
            if d.kind != "quantity" or d.unit not in ("month", "year", "day", "week") or d.value is None:
                continue
            dates = [c for c in members[:i] if c.kind == "date" and c.date and c.date.precision == "day"]
            if len(dates) < 2:
                continue
            first, last = dates[0], dates[-1]
            days = date.fromisoformat(last.date.start).toordinal() - date.fromisoformat(first.date.start).toordinal()
            span = Fraction(days) * DAY / seconds(d.unit)
            lo, hi = F(d.lower), F(d.upper)
            if d.qualifier == "exact":
                lo, hi = F(d.value) - Fraction(1, 2), F(d.value) + Fraction(1, 2)
            ok = (lo is None or span >= lo) and (hi is None or span <= hi)
            why = (f"{d.text.strip()} against {first.date.start} → {last.date.start}: "
                   f"{float(span):.1f} {d.unit}s between the dates")
            yield (RULE if ok else FAILED), [first, last, d], why
