"""A cache of extraction results under .factcheck_cache/, keyed by the file's bytes, its name, the
tool's code and data, and the settings that change extraction.

A second run over an unchanged corpus skips decoding, HTML parsing and extraction. Entries are
written atomically, so the cache is safe under concurrent runs, and safe to delete at any time.
Each entry is a JSON object that ends with the SHA-256 of the rest of it: an entry with a flipped
byte, cut short or rewritten by hand is not trusted, and the document is extracted again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from factcheck import __version__
from factcheck.atomic import make_owned_dir, write_atomic
from factcheck.claim_table import Row
from factcheck.errors import OutputError
from factcheck.model import Document, Finding

DEFAULT_DIR = ".factcheck_cache"


@cache
def code_fingerprint() -> str:
    """A hash of the package's code and language data: any edit invalidates the cache."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml", ".txt") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


_SEAL = re.compile(rb',"sha256":"([0-9a-f]{64})"}\s*\Z')


def seal(body: str) -> str:
    """A JSON object's text with its own checksum as the last key: still plain JSON."""
    digest = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
    return f'{body[:-1]},"sha256":"{digest}"}}'


def unseal(data: bytes) -> dict | None:
    """The object of a sealed entry, or None if the checksum is missing or does not match."""
    m = _SEAL.search(data, max(0, len(data) - 200))
    if m is None:
        return None
    body = data[: m.start()] + b"}"
    if hashlib.sha256(body).hexdigest() != m.group(1).decode():
        return None
    return json.loads(body)


@dataclass
class Cached:
    """One document's extraction in the form the driver keeps: claims and mentions as claim_table
    Rows, and the findings of the checks inside the document. A cache hit is one of these, read
    without decoding a single claim."""

    document: Document
    claims: list[Row]
    mentions: list[Row]
    findings: list[Finding]
    key: str | None = None  # the cache entry it is (or was stored as); None when not cached


def _row_json(r: Row) -> list:
    return [list(r.order), r.id, list(r.block) if r.block else None, r.subject, r.data.decode()]


def _row(x: list) -> Row:
    return Row(tuple(x[0]), x[1], tuple(x[2]) if x[2] else None, x[3], x[4].encode())


CACHE_IGNORE = ["*"]  # the cache's .gitignore: nothing in it belongs in a commit


class ExtractionCache:
    def __init__(self, root: str | Path, settings_key: str, mentions: bool, published=None):
        self.root = Path(root)
        when = f"{published.isoformat()}/{getattr(published, 'precision', 'day')}" if published else ""
        self.base = f"{code_fingerprint()}|{settings_key}|{int(mentions)}|{when}"
        self.hits = self.misses = 0
        self.broken = self.made = False

    def key(self, name: str, data: bytes, doc_id: str) -> str:
        digest = hashlib.sha256(self.base.encode())
        digest.update(b"\0" + name.encode("utf-8", "surrogateescape") + b"\0" + doc_id.encode() + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.root, key[:2], f"{key}.json")  # a str: pathlib costs more than the read

    def lookup(self, name: str, data: bytes, doc_id: str) -> Cached | None:
        key = self.key(name, data, doc_id)
        try:
            with open(self._path(key), "rb") as fh:
                entry = unseal(fh.read())
            if entry is None or entry.get("key") != key:  # damaged, or another entry's file copied here
                self.misses += 1
                return None
            hit = Cached(Document.model_validate(entry["document"]), [_row(x) for x in entry["claims"]],
                         [_row(x) for x in entry["mentions"]], [Finding.model_validate(f) for f in entry["findings"]],
                         key)
        except (OSError, ValueError, ValidationError, KeyError, TypeError, IndexError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return hit

    def store(self, name: str, data: bytes, doc_id: str, record: Cached) -> None:
        if self.broken:
            return
        key = self.key(name, data, doc_id)
        entry = {"key": key, "document": record.document.model_dump(mode="json"), "claims": [_row_json(r) for r in record.claims],
                 "mentions": [_row_json(r) for r in record.mentions],
                 "findings": [f.model_dump(mode="json") for f in record.findings]}
        try:
            if not self.made:
                make_owned_dir(self.root, CACHE_IGNORE)
                self.made = True
            write_atomic(self._path(key), seal(json.dumps(entry, ensure_ascii=False)), durable=False)  # checked when read
        except OutputError:
            self.broken = True  # a read-only or full disk: go on without the cache
            return
        record.key = key


class FindingsCache:
    """The findings of a whole run, keyed by every document's cache entry and final id, in order,
    and by all the settings: a second check of an unchanged corpus compares nothing again."""

    def __init__(self, root: str | Path, settings_json: str):
        self.root = Path(root) / "runs"
        self.base = f"{code_fingerprint()}|{settings_json}"

    def key(self, documents: list[tuple[str, str]]) -> str:
        digest = hashlib.sha256(self.base.encode())
        for entry, doc_id in documents:
            digest.update(f"\0{entry}\0{doc_id}".encode())
        return digest.hexdigest()

    def lookup(self, key: str) -> list[Finding] | None:
        try:
            entry = unseal((self.root / f"{key}.json").read_bytes())
            if entry is None or entry.get("key") != key:
                return None
            return [Finding.model_validate(f) for f in entry["findings"]]
        except (OSError, ValueError, ValidationError, TypeError, KeyError):
            return None

    def store(self, key: str, findings: list[Finding]) -> None:
        with contextlib.suppress(OutputError):  # a read-only or full disk: the run goes on
            make_owned_dir(self.root.parent, CACHE_IGNORE)
            body = json.dumps({"key": key, "findings": [f.model_dump(mode="json") for f in findings]}, ensure_ascii=False)
            write_atomic(self.root / f"{key}.json", seal(body), durable=False)
