"""OUTPUT.md as JSON: deterministic (stable ids and order, no timestamps), UTF-8, one trailing newline."""

from __future__ import annotations

import json

from factcheck.model import Report


def render_json(report: Report) -> str:
    data = report.model_dump(mode="json", exclude_none=False)
    if report.mentions is None:
        data.pop("mentions")
    if report.findings is None:
        data.pop("findings")
    if not report.problems:
        data.pop("problems")
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
