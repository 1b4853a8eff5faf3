"""FC205 growth rate against its figures

What:
    A stated growth rate is checked against the two figures it links when the same sentence gives
    both (算力规模达1200P，较去年同期的800P增长50%; up from 800 PFLOPS, a 50% increase).
Why:
    A growth rate that does not follow from its own figures means one of the three is wrong.
Example:
    800P → 1200P is +50 %: a stated 增长50% passes; a stated 增长80% fails.
"""

import re
from fractions import Fraction

from factcheck.lang.grammar import rx
from factcheck.model import Claim
from factcheck.rules.base import F, Rule, quantities_by_sentence, quantity_interval, visible

RULE = Rule("FC205", "growth vs figures", "check_passed", "info", __doc__)
FAILED = Rule("FC205", "growth vs figures", "check_failed", "warning", __doc__)
_BASE = rx(r"{checks.growth_base}[^,，。;；]{0,12}$", re.I)


def check(claims: list[Claim]):
    for sentence, members in quantities_by_sentence(claims):
        for rate in members:
            if rate.unit != "percent" or not rate.metric or rate.metric.key.split("|")[0].split("@")[0] != "growth":
                continue
            figures = [c for c in members if c is not rate and c.unit not in ("percent", "percentage_point")]
            for base in figures:
                i = sentence.find(visible(base.text))
                if i < 0 or not _BASE.search(sentence[max(0, i - 16) : i]):
                    continue
                current = next((c for c in figures if c is not base and c.unit == base.unit), None)
                if current is None or not base.value:
                    continue
                growth = (F(current.value) - F(base.value)) / F(base.value) * 100
                lo, hi, _, _ = quantity_interval(rate)
                ok = (lo is None or growth >= lo - Fraction(1, 2)) and (hi is None or growth <= hi + Fraction(1, 2))
                why = (f"{visible(base.text).strip()} → {visible(current.text).strip()} is {float(growth):+.1f}%, "
                       f"stated {visible(rate.text).strip()}")
                yield (RULE if ok else FAILED), [base, current, rate], why
                break
