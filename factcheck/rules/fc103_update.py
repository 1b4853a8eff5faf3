"""FC103 update

What:
    In a series (one subject and a metric that varies over time), a later fact gives other
    figures than the one before it: the later figure supersedes the earlier one. When the series
    moves from one stated precision to another (FP32 then FP16) the step is marked as a basis change.
Why:
    Capacity grows, counts rise: a 2021 figure and a 2025 figure that differ are not a
    contradiction, but a reader should use the later one. Two open lower bounds (20+ then 100+)
    that overlap still count as an update when the later bound is higher beyond tolerance.
Example:
    001 (2021-07-01): 武汉人工智能计算中心 100PFLOPS; 004 (2025-02-06): 累计算力规模已达400P.
"""

from factcheck.rules.base import Rule

RULE = Rule("FC103", "update", "update", "info", __doc__)


def judge(step, tolerance) -> Rule | None:
    """Facts of a series are cut where the value moves on, so every step is an update."""
    return None if step.earlier.invariant else RULE
