"""FC105 cumulative figure went down

What:
    A cumulative metric (累计, 总计) is lower in a later claim than in an earlier one.
Why:
    A running total cannot shrink: one of the figures is wrong, or they count different things.
    It is suspicious, not an update.
Example:
    2024: 累计服务企业 500 家; 2025: 累计服务企业 300 家.
"""

from factcheck.rules.base import Rule

RULE = Rule("FC105", "cumulative decrease", "cumulative_decrease", "warning", __doc__)


def judge(step) -> Rule | None:
    """A step of a cumulative series whose later values all lie below the earlier ones."""
    if not (step.earlier.cumulative or step.later.cumulative):
        return None
    from factcheck.facts.group import interval

    highest_later = max((interval(c)[1] for c in step.later.claims if interval(c)[1] is not None), default=None)
    lowest_earlier = min((interval(c)[0] for c in step.earlier.claims if interval(c)[0] is not None), default=None)
    if highest_later is not None and lowest_earlier is not None and highest_later < lowest_earlier:
        return RULE
    return None
