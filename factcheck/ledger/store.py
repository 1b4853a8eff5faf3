"""claims/<document>.jsonl: one claim a line, sorted, so a pull request shows a readable diff.

Every write takes the ledger's lock (a second process waits, then fails clearly) and replaces
files atomically, so a run killed mid-write leaves the old file or the new one, never a mix.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout
from pydantic import ValidationError

from factcheck.atomic import make_owned_dir, write_atomic
from factcheck.errors import LedgerError, OutputError
from factcheck.ingest.loader import safe_id
from factcheck.model import Claim

LOCK_NAME = ".lock"
PINNED = "pinned.toml"
ACCEPTED = "accepted.json"
INDEX = ".index.sqlite"
LEDGER_IGNORE = [INDEX, f"{INDEX}-*", LOCK_NAME, ".*.tmp"]  # the ledger's .gitignore: rebuilt or transient files


def claim_line(claim: Claim) -> str:
    return json.dumps(claim.model_dump(mode="json", exclude={"reason"}), ensure_ascii=False, sort_keys=True)


class Ledger:
    def __init__(self, root: str | Path, lock_timeout: float = 30.0):
        self.root = Path(root)
        self.lock_timeout = lock_timeout

    # -- locking ---------------------------------------------------------------------------
    @contextmanager
    def locked(self):
        try:
            make_owned_dir(self.root, LEDGER_IGNORE)
        except OutputError as exc:
            raise LedgerError(str(self.root), f"cannot create the ledger folder ({exc.reason})") from None
        lock = FileLock(str(self.root / LOCK_NAME), timeout=self.lock_timeout)
        try:
            with lock:
                yield
        except Timeout:
            raise LedgerError(str(self.root), f"locked by another factcheck process for over {self.lock_timeout:g}s; try again") from None

    # -- files -----------------------------------------------------------------------------
    def path_for(self, document_id: str) -> Path:
        return self.root / f"{safe_id(document_id)}.jsonl"

    def document_files(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        # names sorted as strings: a million-claim ledger has 10,000 files, and sorting Paths
        # compares their parts in Python (0.2 s against 0.01 s)
        with os.scandir(self.root) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(".jsonl") and not e.name.startswith("."))
        return [self.root / name for name in names]

    def write_documents(self, claims: Iterable[Claim], documents: Iterable[str]) -> dict[str, int]:
        """Replace the files of these documents with their claims; other files are untouched."""
        by_doc: dict[str, list[Claim]] = {d: [] for d in documents}
        for c in claims:
            by_doc.setdefault(c.document, []).append(c)
        written = {}
        with self.locked():
            for doc, items in sorted(by_doc.items()):
                items.sort(key=lambda c: (c.span.start, c.span.end, c.kind, c.id))
                text = "".join(claim_line(c) + "\n" for c in items)
                write_atomic(self.path_for(doc), text)
                written[doc] = len(items)
        return written

    def remove_documents(self, documents: Iterable[str]) -> None:
        with self.locked():
            for doc in documents:
                self.path_for(doc).unlink(missing_ok=True)

    def read_file(self, path: Path) -> Iterator[Claim]:
        try:
            handle = path.open(encoding="utf-8")
        except OSError as exc:
            raise LedgerError(str(path), f"cannot read ({exc.strerror or exc})") from None
        with handle:
            for lineno, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    yield Claim.model_validate_json(line)
                except ValidationError as exc:
                    raise LedgerError(f"{path}:{lineno}", f"not a valid claim ({exc.errors()[0]['msg']})") from None

    def claims(self) -> Iterator[Claim]:
        for path in self.document_files():
            yield from self.read_file(path)

    def exists(self) -> bool:
        return self.root.is_dir()
