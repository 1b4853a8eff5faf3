"""An SQLite index of the ledger, rebuilt from the JSON Lines when they change (never committed).

The gate asks only for the claims in the blocks (kind, unit, metric) of the new claims, so one
article is checked against a million-claim ledger without reading it all.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

from factcheck.facts.blocks import block_key
from factcheck.ledger.store import INDEX, Ledger
from factcheck.link.score import places_in, split_key
from factcheck.model import Claim

SCHEMA = 3


def link_bucket(claim: Claim) -> str:
    """Subjects link only within one bucket (the same generic head and named places), so the gate
    asks the index for the new claims' buckets alone."""
    if not claim.subject:
        return ""
    distinctive, head = split_key(claim.subject.key)
    return f"{head}|{','.join(sorted(places_in(distinctive)))}"


class LedgerIndex:
    def __init__(self, ledger: Ledger):
        self.ledger = ledger
        self.path = ledger.root / INDEX

    def _manifest(self) -> list[tuple[str, int, int]]:
        out = []
        for p in self.ledger.document_files():
            st = p.stat()
            out.append((p.name, st.st_size, st.st_mtime_ns))
        return out

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path)

    def fresh(self) -> bool:
        if not self.path.is_file():
            return False
        try:
            with self._connect() as db:
                version = db.execute("select value from meta where key='schema'").fetchone()
                rows = db.execute("select name, size, mtime from files order by name").fetchall()
        except sqlite3.DatabaseError:
            return False
        return bool(version) and int(version[0]) == SCHEMA and [tuple(r) for r in rows] == self._manifest()

    def refresh(self) -> bool:
        """Rebuild if any ledger file changed; True if it rebuilt. Under the ledger's lock, so two
        runs never build one index at once."""
        if self.fresh():
            return False
        with self.ledger.locked():
            if self.fresh():
                return False
            self.rebuild()
        return True

    def rebuild(self) -> None:
        fd, name = tempfile.mkstemp(prefix=".index.", suffix=".tmp", dir=self.ledger.root)
        os.close(fd)
        tmp = Path(name)
        db = sqlite3.connect(tmp)
        try:
            db.executescript(
                "create table meta(key text primary key, value text);"
                "create table files(name text primary key, size int, mtime int);"
                "create table claims(block text, bucket text, document text, body text);"
            )
            batch = []
            for path in self.ledger.document_files():
                for claim in self.ledger.read_file(path):
                    key = block_key(claim)
                    if key is not None:
                        batch.append((json.dumps(key, ensure_ascii=False), link_bucket(claim), claim.document,
                                      claim.model_dump_json()))
                    if len(batch) >= 5000:
                        db.executemany("insert into claims values (?, ?, ?, ?)", batch)
                        batch.clear()
            db.executemany("insert into claims values (?, ?, ?, ?)", batch)
            db.execute("create index by_block on claims(block, bucket)")
            db.executemany("insert into files values (?, ?, ?)", self._manifest())
            db.execute("insert into meta values ('schema', ?)", (str(SCHEMA),))
            db.commit()
        except BaseException:
            db.close()
            tmp.unlink(missing_ok=True)
            raise
        db.close()
        tmp.replace(self.path)

    def count(self) -> int:
        with self._connect() as db:
            return db.execute("select count(*) from claims").fetchone()[0]

    def claims_linkable_to(self, claims: Iterable[Claim], exclude_documents: set[str] = frozenset()) -> list[Claim]:
        """The ledger claims that share a block and a link bucket with any of these claims."""
        wanted = sorted({(json.dumps(k, ensure_ascii=False), link_bucket(c)) for c in claims if (k := block_key(c))})
        out = []
        with self._connect() as db:
            for block, bucket in wanted:
                for document, body in db.execute(
                        "select document, body from claims where block = ? and bucket = ?", (block, bucket)):
                    if document not in exclude_documents:
                        out.append(Claim.model_validate_json(body))
        return out
