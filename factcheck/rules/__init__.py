"""One rule per module, each with a stable id and a docstring in fixed sections (What/Why/Example)."""

from factcheck.rules import (
    fc101_agree,
    fc102_contradict,
    fc103_update,
    fc104_plan,
    fc105_cumulative,
    fc201_shares,
    fc202_duration,
    fc203_part_whole,
    fc204_versions,
    fc205_growth,
)
from factcheck.rules.base import Rule

FACT_RULES = [fc102_contradict, fc101_agree]  # a fact: contradict, else agree
STEP_RULES = [fc105_cumulative, fc103_update]  # a step of a series
DOCUMENT_RULES = [fc201_shares, fc202_duration, fc203_part_whole, fc204_versions, fc205_growth]
ALL_RULES: list[Rule] = [
    fc101_agree.RULE, fc102_contradict.RULE, fc103_update.RULE, fc104_plan.RULE, fc104_plan.MISSED,
    fc105_cumulative.RULE, fc201_shares.RULE, fc201_shares.FAILED, fc202_duration.RULE, fc202_duration.FAILED,
    fc203_part_whole.RULE, fc203_part_whole.FAILED, fc204_versions.RULE, fc204_versions.FAILED,
    fc205_growth.RULE, fc205_growth.FAILED,
]


def rules_by_id() -> dict[str, list[Rule]]:
    out: dict[str, list[Rule]] = {}
    for r in ALL_RULES:
        out.setdefault(r.id, []).append(r)
    return out


__all__ = ["ALL_RULES", "DOCUMENT_RULES", "FACT_RULES", "STEP_RULES", "Rule", "rules_by_id"]
