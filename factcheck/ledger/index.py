"""An SQLite index of the ledger, rebuilt from the JSON Lines when they change (never committed).

The gate asks only for the claims in the blocks (kind, unit, metric) of the new claims, so one
article is checked against a million-claim ledger without parsing it all.

Freshness is checked by content, never by file times: the index keeps a hash of the ledger files
it was built from, its row count, and a hash of the rows of each block. It is rebuilt when the
files on disk hash differently, when the count differs, when a block read for the gate does not
hash as it did when written, or when anything about it is in doubt (another schema, missing
tables or columns, a file that is not SQLite). Hashing the files' bytes costs about a tenth of a
second per 100,000 claims, far less than parsing them; only the blocks the gate reads are hashed.
"""

from __future__ import annotations

import atexit
import errno
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import LedgerError, os_reason
from factcheck.facts.blocks import block_key
from factcheck.ledger.store import INDEX, Ledger
from factcheck.link.score import places_in, split_key
from factcheck.model import Claim

SCHEMA = 4


class _Doubt(Exception):
    """The index does not hold what it says it holds."""


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

    def files_digest(self) -> str:
        """A hash of every ledger file's name and bytes, in name order."""
        digest = hashlib.sha256()
        for p in self.ledger.document_files():
            try:
                data = p.read_bytes()
            except OSError as exc:
                raise LedgerError(str(p), f"cannot read ({os_reason(exc)})") from None
            digest.update(b"%d:%s\0%d\0" % (len(p.name.encode()), p.name.encode("utf-8", "surrogateescape"), len(data)))
            digest.update(data)
        return digest.hexdigest()

    @staticmethod
    def _row_bytes(document: str, body: str) -> bytes:
        return f"{document}\0{body}\n".encode("utf-8", "surrogatepass")

    def _check_index_path(self) -> None:
        if self.path.is_dir():
            raise LedgerError(str(self.path), "the ledger's index is a folder; remove it (the index is rebuilt from the ledger files)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path)

    def fresh(self) -> bool:
        """True only if the index was built from exactly the ledger files on disk and still has the
        rows it wrote. Any doubt is False."""
        self._check_index_path()
        if not self.path.is_file():
            return False
        try:
            db = self._connect()
        except sqlite3.Error:
            return False
        try:
            meta = dict(db.execute("select key, value from meta").fetchall())
            if meta.get("schema") != str(SCHEMA) or meta.get("files") != self.files_digest():
                return False
            rows = db.execute("select count(*) from claims").fetchone()[0]
            listed = db.execute("select coalesce(sum(n), 0) from blocks").fetchone()[0]
            return str(rows) == meta.get("rows") and listed == rows
        except (sqlite3.Error, ValueError, TypeError):
            return False
        finally:
            db.close()

    def refresh(self) -> bool:
        """Rebuild if the index does not match the ledger files; True if it rebuilt. Under the
        ledger's lock, so two runs never build one index at once. A ledger folder nobody may write
        to (a read-only checkout) is still read: its index is built in a private temporary folder."""
        if self.fresh():
            return False
        if not self._writable():
            self._rebuild_elsewhere()
            return True
        with self.ledger.locked():
            if self.fresh():
                return False
            self.rebuild()
        return True

    def _writable(self) -> bool:
        try:
            with tempfile.TemporaryFile(dir=self.ledger.root):
                return True
        except OSError as exc:  # another failure is reported, with its reason, by the locked rebuild
            return exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS)

    def _rebuild_elsewhere(self) -> None:
        folder = Path(tempfile.mkdtemp(prefix="factcheck-index-"))
        atexit.register(shutil.rmtree, folder, True)
        self.path = folder / INDEX
        self.rebuild()

    def rebuild(self) -> None:
        """Build the index in a temporary file and put it in place; a full disk or any other
        failure leaves the ledger files and the previous index as they were."""
        self._check_index_path()
        try:
            fd, name = tempfile.mkstemp(prefix=".index.", suffix=".tmp", dir=self.path.parent)
            os.close(fd)
        except OSError as exc:
            raise LedgerError(str(self.path), f"cannot build the ledger's index ({os_reason(exc)})") from None
        tmp = Path(name)
        db = None
        try:
            db = sqlite3.connect(tmp)
            self._fill(db)
            db.close()
            db = None
            tmp.replace(self.path)
        except sqlite3.Error as exc:
            raise LedgerError(str(self.path), f"cannot build the ledger's index ({exc}); the ledger files are unchanged") from None
        except OSError as exc:
            raise LedgerError(str(self.path), f"cannot build the ledger's index ({os_reason(exc)}); "
                              "the ledger files are unchanged") from None
        finally:
            if db is not None:
                db.close()
            tmp.unlink(missing_ok=True)

    def _fill(self, db: sqlite3.Connection) -> None:
        files = self.files_digest()
        db.executescript(
            "create table meta(key text primary key, value text);"
            "create table claims(block text, bucket text, document text, body text);"
            "create table blocks(block text, bucket text, n int, digest text, primary key (block, bucket));"
        )
        blocks: dict[tuple[str, str], list] = {}
        batch, total = [], 0
        for path in self.ledger.document_files():
            for claim in self.ledger.read_file(path):
                key = block_key(claim)
                if key is not None:
                    row = (json.dumps(key, ensure_ascii=False), link_bucket(claim), claim.document, claim.model_dump_json())
                    entry = blocks.setdefault(row[:2], [0, hashlib.sha256()])
                    entry[0] += 1
                    entry[1].update(self._row_bytes(row[2], row[3]))
                    batch.append(row)
                    total += 1
                if len(batch) >= 5000:
                    db.executemany("insert into claims values (?, ?, ?, ?)", batch)
                    batch.clear()
        db.executemany("insert into claims values (?, ?, ?, ?)", batch)
        db.execute("create index by_block on claims(block, bucket)")
        db.executemany("insert into blocks values (?, ?, ?, ?)",
                       [(b, k, n, h.hexdigest()) for (b, k), (n, h) in blocks.items()])
        if self.files_digest() != files:  # a file changed while it was read: the next run rebuilds
            files = ""
        db.executemany("insert into meta values (?, ?)", [("schema", str(SCHEMA)), ("files", files), ("rows", str(total))])
        db.commit()

    def count(self) -> int:
        db = self._connect()
        try:
            return db.execute("select count(*) from claims").fetchone()[0]
        finally:
            db.close()

    def claims_linkable_to(self, claims: Iterable[Claim], exclude_documents: set[str] = frozenset()) -> list[Claim]:
        """The ledger claims that share a block and a link bucket with any of these claims. A block
        that does not hash as it did when the index was built makes the index rebuilt first."""
        wanted = sorted({(json.dumps(k, ensure_ascii=False), link_bucket(c)) for c in claims if (k := block_key(c))})
        try:
            return self._read_blocks(wanted, exclude_documents)
        except _Doubt:
            with self.ledger.locked():
                self.rebuild()
        try:
            return self._read_blocks(wanted, exclude_documents)
        except _Doubt:
            raise LedgerError(str(self.path), "the ledger's index changed while it was read; run again") from None

    def _read_blocks(self, wanted: list[tuple[str, str]], exclude_documents) -> list[Claim]:
        out = []
        db = self._connect()
        try:
            for block, bucket in wanted:
                digest, n = hashlib.sha256(), 0
                for document, body in db.execute(
                        "select document, body from claims where block = ? and bucket = ? order by rowid", (block, bucket)):
                    digest.update(self._row_bytes(document, body))
                    n += 1
                    if document not in exclude_documents:
                        out.append(Claim.model_validate_json(body))
                listed = db.execute("select n, digest from blocks where block = ? and bucket = ?", (block, bucket)).fetchone()
                if (tuple(listed) if listed else (0, hashlib.sha256().hexdigest())) != (n, digest.hexdigest()):
                    raise _Doubt
        except (sqlite3.Error, ValueError) as exc:
            raise _Doubt from exc
        finally:
            db.close()
        return out
