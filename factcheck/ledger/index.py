"""An SQLite index of the ledger, rebuilt from the JSON Lines when they change (never committed).

The gate asks only for the claims in the blocks (kind, unit, metric) of the new claims, so one
article is checked against a million-claim ledger without parsing it all.

Freshness is checked by content, never by file times alone. The index keeps, for every ledger
file, the hash of the bytes it was built from, and a hash of the rows of each block; the ledger's
hash is derived from the files' hashes. A file's hash is reused only while its full stat
signature (size, mtime, ctime, inode, device) is the one seen when it was hashed, as git's index
does: any write to a file, or a file replaced by another, changes its ctime or inode, and ctime
cannot be set from user space, so an edit with its mtime put back is still hashed again. A file
whose signature changed is hashed again; if its bytes are the same, the new signature is recorded
(a touched file costs one hash, once). The index is rebuilt when a file's bytes differ, a file was
added or removed, the row count differs, a block read for the gate does not hash as it did when
written, or when anything about the index is in doubt (another schema, missing tables or columns,
a file that is not SQLite).

A signature taken within RACY_NS of its file's last change is not recorded: a second write in the
same tick of the file system's clock would leave the signature as it was (git's "racy clean"
problem), so such a file is hashed again on the next run, and its signature recorded then.
Where st_ctime is not a change time (Windows, where it is the creation time), signatures are
never trusted and every file is hashed on every run.
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
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import LedgerError, os_reason
from factcheck.facts.blocks import block_key
from factcheck.ledger.store import INDEX, Ledger, is_document_name, parse_claims
from factcheck.link.score import places_in, split_key, unwrapped
from factcheck.model import Claim

SCHEMA = 6
RACY_NS = 2_000_000_000  # a file changed this recently may change again unseen within one clock tick
TRUST_SIGNATURES = os.name != "nt"  # st_ctime is a change time only on POSIX systems

Signature = str  # size:mtime_ns:ctime_ns:inode:device (text: an inode may not fit SQLite's signed integers)


class _Doubt(Exception):
    """The index does not hold what it says it holds."""


@dataclass
class Freshness:
    """What the last freshness check found: whether the index matches the ledger, how many ledger
    files it had to hash (the others were unchanged since they were hashed), and the signatures to
    record for files hashed again whose bytes had not changed."""

    fresh: bool
    files: int = 0
    hashed: int = 0
    rebuilt: bool = False
    record: dict[str, tuple[str, Signature | None]] | None = None

    def line(self) -> str:
        state = "rebuilt" if self.rebuilt else "fresh"
        return (f"ledger index {state}: {self.hashed} of {self.files} ledger file{'s' if self.files != 1 else ''} "
                f"hashed{' (the others unchanged since they were hashed)' if self.hashed < self.files else ''}")


def link_bucket(claim: Claim) -> str:
    """Subjects link only within one bucket (the same generic head and named places), so the gate
    asks the index for the new claims' buckets alone."""
    if not claim.subject:
        return ""
    return _bucket(claim.subject.key)


def _bucket(key: str) -> str:
    distinctive, head = split_key(key)
    return f"{head}|{','.join(sorted(places_in(distinctive)))}"


def signature(st: os.stat_result) -> Signature:
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}"


def trusted(st: os.stat_result, now_ns: int) -> Signature | None:
    """The signature to record for bytes just hashed, or None if it cannot be trusted to change
    with the bytes (changed within RACY_NS of now, a time in the future, or no change time)."""
    if not TRUST_SIGNATURES or max(st.st_mtime_ns, st.st_ctime_ns) > now_ns - RACY_NS:
        return None
    return signature(st)


def ledger_digest(files: Iterable[tuple[str, str]]) -> str:
    """The ledger's hash from its files' (name, hash), in name order."""
    digest = hashlib.sha256()
    for name, file_hash in sorted(files):
        raw = name.encode("utf-8", "surrogateescape")
        digest.update(b"%d:%s\0%s\0" % (len(raw), raw, file_hash.encode()))
    return digest.hexdigest()


def link_buckets(claim: Claim) -> set[str]:
    """The claim's bucket, and those of its name without a leading place or owner (广东韶关华南智算中心
    may link with 华南智算中心), so the gate also reads the claims a wrapped name can link to."""
    if not claim.subject:
        return {""}
    return {_bucket(claim.subject.key)} | {_bucket(k) for k in unwrapped(claim.subject.key)}


class LedgerIndex:
    def __init__(self, ledger: Ledger):
        self.ledger = ledger
        self.path = ledger.root / INDEX
        self.last: Freshness | None = None  # what the last check found (for --verbose and tests)

    # -- the ledger files ------------------------------------------------------------------
    def _on_disk(self) -> dict[str, Signature]:
        """Each ledger file's name and stat signature."""
        if not self.ledger.root.is_dir():
            return {}
        out = {}
        with os.scandir(self.ledger.root) as entries:
            for e in entries:
                if is_document_name(e.name):
                    try:
                        out[e.name] = signature(e.stat())
                    except OSError as exc:
                        raise LedgerError(str(self.ledger.root / e.name), f"cannot read ({os_reason(exc)})") from None
        return out

    def _read(self, name: str) -> tuple[bytes, str, Signature | None]:
        """A ledger file's bytes, their hash, and the signature to record for them (None when the
        file changed while it was read, or too recently to trust its signature)."""
        path = self.ledger.root / name
        try:
            with path.open("rb") as fh:
                before = os.fstat(fh.fileno())
                data = fh.read()
                after = os.fstat(fh.fileno())
        except OSError as exc:
            raise LedgerError(str(path), f"cannot read ({os_reason(exc)})") from None
        sig = trusted(before, time.time_ns()) if signature(before) == signature(after) else None
        return data, hashlib.sha256(data).hexdigest(), sig

    @staticmethod
    def _row_bytes(document: str, body: str) -> bytes:
        return f"{document}\0{body}\n".encode("utf-8", "surrogatepass")

    def _check_index_path(self) -> None:
        if self.path.is_dir():
            raise LedgerError(str(self.path), "the ledger's index is a folder; remove it (the index is rebuilt from the ledger files)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path)

    # -- freshness -------------------------------------------------------------------------
    def check(self) -> Freshness:
        """Whether the index was built from exactly the ledger files on disk and still has the rows
        it wrote; any doubt is not fresh. Hashes only the files whose signature changed."""
        self._check_index_path()
        if not self.path.is_file():
            return Freshness(False)
        try:
            db = self._connect()
        except sqlite3.Error:
            return Freshness(False)
        try:
            return self._check(db)
        except (sqlite3.Error, ValueError, TypeError):
            return Freshness(False)
        finally:
            db.close()

    def _check(self, db: sqlite3.Connection) -> Freshness:
        meta = dict(db.execute("select key, value from meta").fetchall())
        if meta.get("schema") != str(SCHEMA):
            return Freshness(False)
        stored = {name: (digest, sig) for name, digest, sig in db.execute("select name, digest, signature from files")}
        if meta.get("files") != ledger_digest((name, digest) for name, (digest, _) in stored.items()):
            return Freshness(False)
        disk = self._on_disk()
        if disk.keys() != stored.keys():
            return Freshness(False, len(disk))
        hashed, record = 0, {}
        for name, sig in disk.items():
            digest, known = stored[name]
            if TRUST_SIGNATURES and known is not None and known == sig:
                continue
            _, now, new_sig = self._read(name)
            hashed += 1
            if now != digest:
                return Freshness(False, len(disk), hashed)
            if new_sig != known:
                record[name] = (digest, new_sig)
        rows = db.execute("select count(*) from claims").fetchone()[0]
        listed = db.execute("select coalesce(sum(n), 0) from blocks").fetchone()[0]
        fresh = str(rows) == meta.get("rows") and listed == rows
        return Freshness(fresh, len(disk), hashed, record=record if fresh else None)

    def fresh(self) -> bool:
        """True only if the index matches the ledger files on disk (see check)."""
        self.last = self.check()
        return self.last.fresh

    def refresh(self) -> bool:
        """Rebuild if the index does not match the ledger files; True if it rebuilt. Under the
        ledger's lock, so two runs never build one index at once. A ledger folder nobody may write
        to (a read-only checkout) is still read: its index is built in a private temporary folder.
        Signatures of files hashed again with unchanged bytes are recorded when the lock is free."""
        found = self.last = self.check()
        if found.fresh:
            if found.record:
                self._record(found.record)
            return False
        if not self._writable():
            self._rebuild_elsewhere()
            return True
        with self.ledger.locked():
            first, found = found, self.check()
            found.hashed += first.hashed
            self.last = found
            if found.fresh:
                if found.record:
                    self._record(found.record, locked=True)
                return False
            self.rebuild()
        return True

    def _record(self, record: dict[str, tuple[str, Signature | None]], locked: bool = False) -> None:
        """Store new signatures for files whose bytes are still those indexed; a cache only, so a
        busy lock or a read-only folder just leaves them to be hashed again next time."""
        if not locked:
            if not self._writable():
                return
            try:
                with self.ledger.locked(timeout=0):
                    self._record(record, locked=True)
            except LedgerError:
                pass
            return
        db = None
        try:
            db = self._connect()
            with db:
                db.executemany("update files set signature = ? where name = ? and digest = ?",
                               [(sig, name, digest) for name, (digest, sig) in record.items()])
        except sqlite3.Error:
            pass
        finally:
            if db is not None:
                db.close()

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

    # -- building --------------------------------------------------------------------------
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
            files = self._fill(db)
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
        self.last = Freshness(True, files, files, rebuilt=True)

    def _fill(self, db: sqlite3.Connection) -> int:
        """Index every ledger file, hashing the very bytes it parses; the number of files."""
        db.executescript(
            "create table meta(key text primary key, value text);"
            "create table files(name text primary key, digest text, signature text);"
            "create table claims(block text, bucket text, document text, body text);"
            "create table blocks(block text, bucket text, n int, digest text, primary key (block, bucket));"
        )
        blocks: dict[tuple[str, str], list] = {}
        batch, total, files = [], 0, []
        for name in sorted(self._on_disk()):
            data, digest, sig = self._read(name)
            files.append((name, digest, sig))
            for claim in parse_claims(self.ledger.root / name, data):
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
        db.executemany("insert into files values (?, ?, ?)", files)
        meta = [("schema", str(SCHEMA)), ("files", ledger_digest((f[0], f[1]) for f in files)), ("rows", str(total))]
        db.executemany("insert into meta values (?, ?)", meta)
        db.commit()
        return len(files)

    # -- reading ---------------------------------------------------------------------------
    def count(self) -> int:
        db = self._connect()
        try:
            return db.execute("select count(*) from claims").fetchone()[0]
        finally:
            db.close()

    def claims_linkable_to(self, claims: Iterable[Claim], exclude_documents: set[str] = frozenset()) -> list[Claim]:
        """The ledger claims that share a block and a link bucket with any of these claims. A block
        that does not hash as it did when the index was built makes the index rebuilt first."""
        wanted = sorted({(json.dumps(k, ensure_ascii=False), bucket) for c in claims if (k := block_key(c))
                         for bucket in link_buckets(c)})
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
