"""FC101 agree

What:
    Every claim of one fact (same subject, metric, basis and time) has an interval that overlaps
    every other's, so all share a value. A fact stated in one article only (a headline restating
    its body) is an agreement with one document; reports hide those by default.
Why:
    Sources that round, approximate or restate a figure in other units still agree: 约5200P and
    约5000P overlap at 10 % tolerance, 1000P is the E级 that another article names.
Example:
    001 says 武汉人工智能计算中心 AI峰值性能可达100PFLOPS; a later piece says 峰值性能100P: agree.
"""

from factcheck.rules.base import Rule

RULE = Rule("FC101", "agree", "agree", "info", __doc__)


def judge(fact) -> Rule:
    """Any fact that is not a contradiction agrees (FC102 is asked first)."""
    return RULE
