"""FC105 cumulative figure went down

What:
    A cumulative metric (累计, 总计) is lower in a later claim than in an earlier one.
Why:
    A running total cannot shrink: one of the figures is wrong, or they count different things.
    It is suspicious, not an update.
Example:
    2024: 累计服务企业 500 家; 2025: 累计服务企业 300 家.
"""

from factcheck.rules.base import Pair, Rule

RULE = Rule("FC105", "cumulative decrease", "cumulative_decrease", "warning", __doc__)


def judge(pair: Pair) -> str | None:
    if not pair.cumulative or pair.overlap or pair.same_time:
        return None
    lo_b = pair.b_interval[1]
    lo_a = pair.a_interval[0]
    if lo_b is not None and lo_a is not None and lo_b < lo_a:
        return RULE.kind
    return None
