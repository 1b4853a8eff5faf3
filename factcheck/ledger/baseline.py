"""claims/accepted.json: findings a team has reviewed and accepted, by fingerprint (not line), each
with a reason. Stale entries (no longer produced) are reported so the file does not rot."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.atomic import write_atomic
from factcheck.errors import LedgerError
from factcheck.model import Finding


def load_baseline(path: Path) -> dict[str, dict]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["accepted"]
        return {e["fingerprint"]: e for e in entries}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise LedgerError(str(path), f"not a baseline file ({exc}); expected {{\"accepted\": [{{\"fingerprint\", \"reason\"}}]}}") from None


def write_baseline(path: Path, findings: list[Finding], previous: dict[str, dict]) -> int:
    entries = []
    for f in sorted(findings, key=lambda f: f.fingerprint):
        old = previous.get(f.fingerprint, {})
        entries.append({"fingerprint": f.fingerprint, "rule": f.rule, "why": f.why,
                        "reason": old.get("reason", "accepted when the baseline was written; say why")})
    write_atomic(path, json.dumps({"accepted": entries}, ensure_ascii=False, indent=2) + "\n")
    return len(entries)
