"""Claims kept as their JSON text, turned back into objects only where one is needed.

A claim as a pydantic object takes about 5.8 KB; as UTF-8 JSON about 0.8 KB. At 100,000 articles
(about 370,000 claims) that is the difference between more than 2 GB and about 300 MB. The JSON
report writes the stored text as it is; comparison decodes only the claims that share a block and
a linked subject; the human-readable reports decode only the claims a finding names.

The stored text is exactly what the JSON report writes for the claim, so a report written from
a table is byte for byte the one written from the objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from factcheck.model import Claim
from factcheck.model_json import model_json


def report_order(c: Claim) -> tuple:
    """The order of claims in every report: (document, start, end, kind)."""
    return c.document, c.span.start, c.span.end, c.kind


def claim_json(claim: Claim) -> str:
    """The one line a claim takes in the JSON report (OUTPUT.md): json.dumps of its JSON mode,
    ensure_ascii=False (model_json makes the same text faster)."""
    return model_json(claim).decode()


class Row(NamedTuple):
    """What the driver keeps of one claim: its sort key, what comparison blocks on, its JSON."""

    order: tuple  # (document, start, end, kind): the report's order
    id: str
    block: tuple | None  # compare.block_key, None when the claim is never compared
    subject: str | None  # the subject key that linking groups by
    data: bytes  # claim_json, UTF-8


def encode(claims: Iterable[Claim], block_key) -> list[Row]:
    rows = []
    for c in claims:
        block = block_key(c)
        rows.append(Row(report_order(c), c.id, block, c.subject.key if block else None,
                        model_json(c)))
    return rows


class ClaimTable(Sequence[Claim]):
    """A read-only sequence of claims in report order, stored as JSON."""

    def __init__(self, rows: list[Row]):
        rows.sort(key=lambda r: r.order)
        self.data = [r.data for r in rows]
        self._ids = [r.id for r in rows]
        self.blocks = [(r.block, r.subject) for r in rows]
        self._index: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [Claim.model_validate_json(d) for d in self.data[i]]
        return Claim.model_validate_json(self.data[i])

    def __iter__(self) -> Iterator[Claim]:
        for d in self.data:
            yield Claim.model_validate_json(d)

    def json_lines(self) -> Iterator[str]:
        for d in self.data:
            yield d.decode()

    def by_id(self, ids: Iterable[str]) -> dict[str, Claim]:
        """The claims with these ids (ids not in the table are left out)."""
        if self._index is None:
            self._index = {claim_id: i for i, claim_id in enumerate(self._ids)}
        return {i: self[self._index[i]] for i in ids if i in self._index}


def claims_by_id(claims: Sequence[Claim], ids: Iterable[str]) -> dict[str, Claim]:
    """Look claims up by id in a ClaimTable or a plain list."""
    if isinstance(claims, ClaimTable):
        return claims.by_id(ids)
    wanted = set(ids)
    return {c.id: c for c in claims if c.id in wanted}
