"""FC102 contradict

What:
    Some claims of one fact have disjoint intervals though they hold at the same time: the same
    as_of window, or a time-invariant metric (an event's date, a first phase, a score on one
    list). The finding lists each value with the documents and independent origins behind it.
Why:
    One of the sources is wrong, stale in a way it does not say, or describes another entity; a
    reader cannot use both figures.
Example:
    003 says 武汉人工智能计算中心 建成并投入运营 on 2021-05-31; another piece says 2021-06-30.
"""

from factcheck.rules.base import Rule

RULE = Rule("FC102", "contradict", "contradict", "error", __doc__)


def judge(fact) -> Rule | None:
    from factcheck.facts.group import contradicts

    return RULE if contradicts(fact.claims) else None
