"""FC104 plan vs actual

What:
    A plan or forecast (a fact of plan claims with one deadline) and a reported outcome for the
    same subject and metric: the plan was met, or missed when the outcome is dated at or after
    the plan's time. Plan words govern the future only: an event dated before its article was
    published is reported as happened, whatever 目标 or 计划 surround it.
Why:
    A plan that is later reported as done, or not, is news; it is never a contradiction.
Example:
    A 2021 plan of 超过 60 个 AI scenarios by 2023, and a 2024 report of 45: plan missed.
"""

from factcheck.rules.base import Rule

RULE = Rule("FC104", "plan vs actual", "plan_met", "info", __doc__)
MISSED = Rule("FC104", "plan vs actual", "plan_missed", "warning", __doc__)
