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


def write_baseline(path: Path, findings: list[Finding], previous: dict[str, dict],
                   documents_of: dict[str, list[str]] | None = None, checked: set[str] | None = None) -> int:
    """Accept these findings; each entry names the documents it is about (documents_of, by
    fingerprint). An earlier entry is kept when this run checked none of its documents (an entry
    written before entries named documents is kept too): accepting the findings of one article
    never drops another's."""
    documents_of = documents_of or {}
    current = {f.fingerprint for f in findings}
    entries = []
    for f in sorted(findings, key=lambda f: f.fingerprint):
        old = previous.get(f.fingerprint, {})
        entry = {"fingerprint": f.fingerprint, "rule": f.rule, "why": f.why}
        docs = documents_of.get(f.fingerprint) or old.get("documents")
        if docs:
            entry["documents"] = sorted(docs)
        entry["reason"] = old.get("reason", "accepted when the baseline was written; say why")
        entries.append(entry)
    for fp, old in previous.items():
        if fp in current:
            continue
        docs = old.get("documents")
        if checked is None or not docs or not set(docs) & checked:
            entries.append(old)
    entries.sort(key=lambda e: str(e.get("fingerprint")))
    write_atomic(path, json.dumps({"accepted": entries}, ensure_ascii=False, indent=2) + "\n")
    return len(entries)
