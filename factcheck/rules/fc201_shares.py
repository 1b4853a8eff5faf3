"""FC201 shares of one whole

What:
    Three or more percentage shares in one document, of subjects of one kind (东部地区, 中部地区 …),
    should add up to 100 %: the check passes when they do and fails when they exceed it.
Why:
    Regional or market shares that add up to more than the whole mean a figure is wrong; a sum
    below 100 may be a partial list and is not judged.
Example:
    004: 东部 62.5 % + 中部 17.5 % + 西部 12.5 % + 东北 7.5 % = 100 %: passes.
"""

from collections import defaultdict
from fractions import Fraction

from factcheck.link.score import split_key
from factcheck.model import Claim
from factcheck.rules.base import F, Rule

RULE = Rule("FC201", "shares sum", "check_passed", "info", __doc__)
FAILED = Rule("FC201", "shares sum", "check_failed", "warning", __doc__)
SLACK = Fraction(1, 2)


def check(claims: list[Claim]):
    """Yield (rule, claims, why) for each group of shares in one document."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind != "quantity" or c.unit != "percent" or not c.subject or not c.metric:
            continue
        if c.metric.key.split("|")[0].split("@")[0] != "share" or c.qualifier != "exact":
            continue
        head = split_key(c.subject.key)[1]
        if head:
            groups[(c.document, head, c.as_of)].append(c)
    for members in groups.values():
        subjects = {c.subject.key for c in members}
        if len(subjects) < 3 or len(subjects) != len(members):
            continue
        total = sum(F(c.value) for c in members)
        parts = " + ".join(f"{c.subject.text} {c.value:g}%" for c in members)
        if abs(total - 100) <= SLACK:
            yield RULE, members, f"shares of one whole add up: {parts} = {float(total):g}%"
        elif total > 100 + SLACK:
            yield FAILED, members, f"shares add up to more than the whole: {parts} = {float(total):g}%"
