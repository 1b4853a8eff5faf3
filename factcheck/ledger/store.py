"""claims/<document>.jsonl: one claim a line, sorted, so a pull request shows a readable diff.

Every write takes the ledger's lock (a second process waits, then fails clearly) and replaces
files atomically, so a run killed mid-write leaves the old file or the new one, never a mix.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from factcheck.atomic import make_owned_dir, write_atomic
from factcheck.errors import LedgerError, OutputError, os_reason
from factcheck.ingest.loader import safe_id
from factcheck.model import Claim

LOCK_NAME = ".lock"
PINNED = "pinned.toml"
ACCEPTED = "accepted.json"
INDEX = ".index.sqlite"
LEDGER_IGNORE = [INDEX, f"{INDEX}-*", LOCK_NAME, ".*.tmp"]  # the ledger's .gitignore: rebuilt or transient files


_FOLDER_ERRORS = frozenset({errno.ENOSPC, errno.EROFS, errno.EDQUOT})
NAME_MAX = 255  # bytes in one file name on the common file systems (ext4, APFS, NTFS in UTF-16 units)
SUFFIX = ".jsonl"
_KEPT = re.compile(r"[\w.\-]", re.U)  # letters (any script), digits, _ . - stand as themselves


def file_name(document_id: str) -> str:
    """The ledger file name of a document id: one id, one name, and no two ids share one.

    Characters other than letters, digits and _ . - (and a leading dot) are written %XX per UTF-8
    byte, so x~2 (a renamed duplicate) and x_2 differ. A name longer than the file system allows
    (counted in bytes: a Chinese character is three) keeps a prefix and ends in ~ and a hash of the
    whole id; ~ stands unescaped only there, so a shortened name never equals a plain one.
    """
    out = []
    for i, ch in enumerate(document_id):
        if _KEPT.match(ch) and not (i == 0 and ch == "."):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
    name = "".join(out) or "%"
    if len(name.encode("utf-8")) + len(SUFFIX) <= NAME_MAX:
        return name + SUFFIX
    tag = "~" + hashlib.sha256(document_id.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    budget, used, keep = NAME_MAX - len(SUFFIX) - len(tag), 0, []
    for piece in out:  # whole characters (and whole %XX groups) only
        size = len(piece.encode("utf-8"))
        if used + size > budget:
            break
        keep.append(piece)
        used += size
    return "".join(keep) + tag + SUFFIX


def is_document_name(name: str) -> bool:
    """A ledger file: <document>.jsonl, never a hidden or temporary one."""
    return name.endswith(SUFFIX) and not name.startswith(".")


def parse_claims(path: Path, data: bytes) -> Iterator[Claim]:
    """The claims of one ledger file's bytes; a bad line is a LedgerError naming the file and line."""
    for lineno, raw in enumerate(data.split(b"\n"), 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise LedgerError(f"{path}:{lineno}", "not UTF-8 text (a ledger file is UTF-8 JSON Lines)") from None
        if not line.strip():
            continue
        try:
            yield Claim.model_validate_json(line)
        except ValidationError as exc:
            raise LedgerError(f"{path}:{lineno}", f"not a valid claim ({exc.errors()[0]['msg']})") from None


def claim_line(claim: Claim) -> str:
    return json.dumps(claim.model_dump(mode="json", exclude={"reason"}), ensure_ascii=False, sort_keys=True)


class Ledger:
    def __init__(self, root: str | Path, lock_timeout: float = 30.0):
        self.root = Path(root)
        self.lock_timeout = lock_timeout

    # -- locking ---------------------------------------------------------------------------
    @contextmanager
    def locked(self, timeout: float | None = None):
        """Hold the ledger's lock; wait up to timeout seconds (default: the ledger's lock_timeout)."""
        from filelock import FileLock, Timeout  # only a run that writes or rebuilds takes the lock

        timeout = self.lock_timeout if timeout is None else timeout
        try:
            make_owned_dir(self.root, LEDGER_IGNORE)
        except OutputError as exc:
            raise LedgerError(str(self.root), f"cannot create the ledger folder ({exc.reason})") from None
        lock_path = self.root / LOCK_NAME
        lock = FileLock(str(lock_path), timeout=timeout)
        try:
            lock.acquire()
        except Timeout:
            raise LedgerError(str(self.root), f"locked by another factcheck process for over {timeout:g}s; try again") from None
        except IsADirectoryError:
            raise LedgerError(str(lock_path), "the lock file is a folder; remove it (no factcheck process uses it)") from None
        except OSError as exc:
            raise LedgerError(str(lock_path), f"cannot take the ledger's lock ({os_reason(exc)})") from None
        try:
            yield
        finally:
            lock.release()

    # -- files -----------------------------------------------------------------------------
    def path_for(self, document_id: str) -> Path:
        return self.root / file_name(document_id)

    def document_files(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        # names sorted as strings: a million-claim ledger has 10,000 files, and sorting Paths
        # compares their parts in Python (0.2 s against 0.01 s)
        with os.scandir(self.root) as entries:
            names = sorted(e.name for e in entries if is_document_name(e.name))
        return [self.root / name for name in names]

    def write_documents(self, claims: Iterable[Claim], documents: Iterable[str], replace: bool = True,
                        on_error: Callable[[LedgerError | OutputError], None] | None = None) -> dict[str, int]:
        """Replace the files of these documents with their claims; other files are untouched.

        With replace=False, a document already in the ledger is refused (checked under the lock, so
        two runs adding one id cannot both succeed). With on_error, a document that cannot be
        written is reported there and the others are still written; without it, the error is raised.
        """
        by_doc: dict[str, list[Claim]] = {d: [] for d in documents}
        for c in claims:
            by_doc.setdefault(c.document, []).append(c)
        written = {}
        with self.locked():
            if not replace:
                present = [d for d in by_doc if self.path_for(d).exists()]
                if present:
                    raise LedgerError(str(self.root), f"already in the ledger: {', '.join(present)} (use --replace to overwrite)")
            for doc, items in sorted(by_doc.items()):
                items.sort(key=lambda c: (c.span.start, c.span.end, c.kind, c.id))
                text = "".join(claim_line(c) + "\n" for c in items)
                try:
                    write_atomic(self.path_for(doc), text)
                except OutputError as exc:
                    if on_error is None:
                        raise
                    self._check_writable(written, exc)
                    on_error(OutputError(exc.path, f"document {doc!r} not written: {exc.reason}", exc.errno))
                    continue
                written[doc] = len(items)
                self._drop_legacy(doc)
        return written

    def _check_writable(self, written: dict[str, int], failed: OutputError) -> None:
        """After a failed write: if no file can be written in the folder at all (read-only, full
        disk, over quota), that is one error about the folder, not one per document."""
        done = f"; {len(written)} documents were written before it" if written else "; the ledger is unchanged"
        if failed.errno in _FOLDER_ERRORS:
            raise LedgerError(str(self.root), f"cannot write to the ledger folder ({os.strerror(failed.errno)}){done}")
        try:
            with tempfile.TemporaryFile(dir=self.root):
                pass
        except OSError as exc:
            raise LedgerError(str(self.root), f"cannot write to the ledger folder ({os_reason(exc)}){done}") from None

    def _drop_legacy(self, doc: str) -> None:
        """A file of this document under the name older versions gave it (x~2 was written as
        x_2.jsonl) is removed once the document is written under its own name, so its claims are
        not in the ledger twice. Only a file whose claims are this document's goes."""
        legacy = self.root / f"{safe_id(doc)}{SUFFIX}"
        if legacy.name == file_name(doc):
            return
        try:
            with legacy.open("rb") as fh:
                first = json.loads(fh.readline() or b"{}")
            if isinstance(first, dict) and first.get("document") == doc:
                legacy.unlink(missing_ok=True)
        except (OSError, ValueError):  # none there (or a name no file system takes): nothing to do
            return

    def remove_documents(self, documents: Iterable[str]) -> None:
        with self.locked():
            for doc in documents:
                self.path_for(doc).unlink(missing_ok=True)

    def prune(self, keep: Iterable[str]) -> list[Path]:
        """Remove the files of documents not in keep; the removed files."""
        names = {file_name(d) for d in keep}
        removed = []
        with self.locked():
            for p in self.document_files():
                if p.name not in names:
                    p.unlink(missing_ok=True)
                    removed.append(p)
        return removed

    def read_file(self, path: Path) -> Iterator[Claim]:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise LedgerError(str(path), f"cannot read ({os_reason(exc)})") from None
        return parse_claims(path, data)

    def claims(self) -> Iterator[Claim]:
        for path in self.document_files():
            yield from self.read_file(path)

    def exists(self) -> bool:
        return self.root.is_dir()
