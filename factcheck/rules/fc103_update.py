"""FC103 update

What:
    Two claims about the same subject and a metric that varies over time give different figures
    at different times: the later figure supersedes the earlier one.
Why:
    Capacity grows, counts rise: a 2021 figure and a 2025 figure that differ are not a
    contradiction, but a reader should use the later one. Two open lower bounds (20+ then 100+)
    that overlap still count as an update when the later bound is higher beyond tolerance.
Example:
    001 (2021-07-01): 武汉人工智能计算中心 100PFLOPS; 004 (2025-02-06): 累计算力规模已达400P.
"""

from factcheck.rules.base import Pair, Rule

RULE = Rule("FC103", "update", "update", "info", __doc__)


def judge(pair: Pair, tolerance) -> str | None:
    if pair.invariant or pair.same_time:
        return None
    if not pair.overlap:
        return RULE.kind
    a, b = pair.earlier, pair.later
    if (a.kind == "quantity" and a.qualifier == b.qualifier == "at_least" and a.value and b.value
            and b.value > a.value * (1 + float(tolerance))):
        return RULE.kind
    return None
