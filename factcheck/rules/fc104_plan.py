"""FC104 plan vs actual

What:
    One claim is a plan or forecast and the other reports the outcome for the same subject and
    metric: the plan was met, or missed when the outcome is dated at or after the plan's time.
Why:
    A plan that is later reported as done, or not, is news; it is never a contradiction.
Example:
    A 2021 plan of 超过 60 个 AI scenarios by 2023, and a 2024 report of 45: plan missed.
"""

from factcheck.rules.base import Pair, Rule, as_of_span

RULE = Rule("FC104", "plan vs actual", "plan_met", "info", __doc__)
MISSED = Rule("FC104", "plan vs actual", "plan_missed", "warning", __doc__)


def judge(pair: Pair) -> str | None:
    a, b = pair.earlier, pair.later
    kinds = {a.modality, b.modality}
    if "actual" not in kinds or kinds == {"actual"}:
        return None
    plan, actual = (a, b) if a.modality != "actual" else (b, a)
    if pair.overlap:
        return RULE.kind
    if plan.kind == "quantity" and actual.value is not None and plan.lower is not None and actual.value >= plan.lower:
        return RULE.kind
    deadline, outcome = as_of_span(plan.as_of), as_of_span(actual.as_of)
    if deadline and outcome and outcome[1] >= deadline[0]:
        return MISSED.kind
    return "skip"
