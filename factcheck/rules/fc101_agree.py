"""FC101 agree

What:
    Two claims about the same subject and metric have overlapping intervals.
Why:
    Sources that round, approximate or restate a figure in other units still agree: 约5200P and
    约5000P overlap at 10 % tolerance, 1000P is the E级 that another article names.
Example:
    001 says 武汉人工智能计算中心 AI峰值性能可达100PFLOPS; a later piece says 峰值性能100P: agree.
"""

from factcheck.rules.base import Pair, Rule

RULE = Rule("FC101", "agree", "agree", "info", __doc__)


def judge(pair: Pair) -> str | None:
    return RULE.kind if pair.overlap else None
