"""compare_claims over a ClaimTable, decoding claims group by group rather than all at once.

Blocking and linking need only each claim's block key and subject key, which the table keeps
beside the JSON; a claim is decoded only when its linked group has two claims or more, and one
group at a time is turned into facts (factcheck.facts). The findings are compare_claims' findings,
in its order.
"""

from __future__ import annotations

from collections import defaultdict

from factcheck.claim_table import ClaimTable
from factcheck.compare import group_findings, linked_groups, order_findings, position
from factcheck.model import Claim, Finding
from factcheck.settings import Settings

Block = dict[str, list[bytes]]  # subject key -> the JSON of the block's claims with that subject


def table_blocks(table: ClaimTable) -> dict[tuple, Block]:
    """The comparable claims by blocking key (the unit of distributed work), then by subject key."""
    blocks: dict[tuple, Block] = defaultdict(lambda: defaultdict(list))
    for data, (block, subject) in zip(table.data, table.blocks, strict=True):
        if block is not None:
            blocks[block][subject].append(data)
    return blocks


def block_rows_findings(by_subject: Block, settings: Settings) -> list[Finding]:
    """compare.block_findings for one block held as JSON: a linked group is decoded, made into
    facts and findings, and let go before the next."""
    out = []
    for rows in linked_groups(by_subject, settings.link_threshold):
        if len(rows) > 1:
            out.extend(group_findings(sorted((Claim.model_validate_json(d) for d in rows), key=position), settings))
    return out


def compare_table(table: ClaimTable, inside: dict[str, list[Finding]], settings: Settings) -> list[Finding]:
    """Fact findings across the table, plus `inside`: the findings of the checks inside each
    document, run after its extraction (api.document_record)."""
    findings: list[Finding] = []
    blocks = table_blocks(table)
    for key in sorted(blocks):
        findings.extend(block_rows_findings(blocks[key], settings))
    for document in sorted(inside):
        findings.extend(inside[document])
    return order_findings(findings)
