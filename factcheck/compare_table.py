"""compare_claims over a ClaimTable, decoding claims group by group rather than all at once.

Blocking and linking need only each claim's block key and subject key, which the table keeps
beside the JSON; a claim is decoded only when it has a linked partner to be judged against. The
findings are compare_claims' findings, in its order.
"""

from __future__ import annotations

from collections import defaultdict

from factcheck.claim_table import ClaimTable
from factcheck.compare import group_findings, linked_groups, order_findings, position
from factcheck.model import Finding
from factcheck.settings import Settings


def compare_table(table: ClaimTable, inside: dict[str, list[Finding]], settings: Settings) -> list[Finding]:
    """Pair findings across the table, plus `inside`: the findings of the checks inside each
    document, made when the document was extracted (api.document_record)."""
    blocks: dict[tuple, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, (block, subject) in enumerate(table.blocks):
        if block is not None:
            blocks[block][subject].append(i)
    findings: list[Finding] = []
    for key in sorted(blocks):
        for rows in linked_groups(blocks[key], settings.link_threshold):
            if len(rows) > 1:
                findings.extend(group_findings(sorted((table[i] for i in rows), key=position), settings))
    for document in sorted(inside):
        findings.extend(inside[document])
    return order_findings(findings)
