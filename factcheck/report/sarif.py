"""SARIF 2.1.0 for GitHub code scanning: rules with descriptions from the rule docstrings, one result
per finding at the new article's line and column, ledger claims as related locations, relative
paths, and partialFingerprints from the finding's fingerprint."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from factcheck import __version__
from factcheck.model import Claim, Report
from factcheck.rules import ALL_RULES
from factcheck.suppress import INVALID, UNUSED

LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def relative_path(path: str | None) -> str:
    """The path as a reader of the repository names it: relative to the working folder, with /."""
    if not path:
        return "stdin"
    p = Path(path)
    try:
        rel = os.path.relpath(p.resolve(), Path.cwd()) if p.is_absolute() else os.path.normpath(path)
    except (ValueError, OSError):
        rel = path
    return Path(rel).as_posix()


def _uri(path: str | None) -> str:
    """A relative URI reference (RFC 3986) for SARIF's artifactLocation: every byte of the UTF-8
    path other than unreserved characters and / is percent-encoded, so spaces, #, ?, %, a colon
    that would read as a scheme, and control characters cannot change what the URI points at."""
    return quote(relative_path(path).encode("utf-8", "surrogateescape"), safe="/")


def _location(c: Claim) -> dict:
    region = {"startLine": max(1, c.line), "startColumn": max(1, c.column)}
    if c.text and c.span.end > c.span.start:
        region["snippet"] = {"text": c.text}
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(c.path)}, "region": region}}


def render_sarif(report: Report, new_documents: set[str]) -> str:
    rules, seen = [], {}
    for r in [*ALL_RULES, UNUSED, INVALID]:
        if r.id in seen:
            continue
        seen[r.id] = len(rules)
        rules.append({
            "id": r.id, "name": r.name.title().replace(" ", ""),
            "shortDescription": {"text": r.summary or r.name},
            "fullDescription": {"text": r.section("Why") or r.summary},
            "help": {"text": f"{r.summary}\n\nExample: {r.section('Example')}"},
            "defaultConfiguration": {"level": LEVEL[r.severity]},
        })
    by_id = {c.id: c for c in report.claims}
    results = []
    for f in report.findings or []:
        claims = [by_id[i] for i in f.claims if i in by_id]
        primary = [c for c in claims if c.document in new_documents] or claims[:1]
        related = [c for c in claims if c not in primary]
        result = {
            "ruleId": f.rule, "ruleIndex": seen[f.rule], "level": LEVEL[f.severity],
            "message": {"text": f.why},
            "locations": [_location(c) for c in primary[:1]],
            "partialFingerprints": {"factcheckFinding/v1": f.fingerprint},
            "properties": {"kind": f.kind, "claims": f.claims},
        }
        if related:
            result["relatedLocations"] = [dict(_location(c), id=i, message={"text": f"{c.document}: {c.text}"})
                                          for i, c in enumerate(related)]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__, "semanticVersion": __version__,
                                "rules": rules}},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
