"""Files, folders, JSON Lines and standard input to Sources; every failure becomes a Problem.

Nothing here raises on bad input: each unreadable file or line is reported once, with its path
(and line number), and the rest of the inputs are still read.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

from factcheck.errors import InputError
from factcheck.ingest.decode import decode
from factcheck.ingest.front_matter import split_front_matter
from factcheck.ingest.published import find_header_date, parse_timestamp
from factcheck.ingest.source import Source, make_source
from factcheck.model import Document, Problem

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_SAFE_ID = re.compile(r"[^\w.\-]+", re.U)


class Loaded:
    """What one read produced: sources (lazily) and problems, filled in as the sources are drawn."""

    def __init__(self):
        self.problems: list[Problem] = []
        self.skipped: list[Problem] = []
        self.encodings: dict[str, str] = {}


def safe_id(text: str) -> str:
    """An id that is data, never a path: ../../x becomes x."""
    cleaned = _SAFE_ID.sub("_", text).strip("._") or "doc"
    return cleaned[:120]


def iter_sources(
    inputs: Iterable[str],
    loaded: Loaded,
    published: datetime | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin=None,
) -> Iterator[Source]:
    used_ids: set[str] = set()
    for item in inputs:
        if item == "-":
            yield from _from_stdin(stdin or sys.stdin, loaded, published, used_ids)
            continue
        path = Path(item)
        if path.is_dir():
            for file in _walk(path, loaded):
                yield from _from_file(file, loaded, published, max_bytes, used_ids, walked=True)
        elif path.exists() or path.is_symlink():
            yield from _from_file(path, loaded, published, max_bytes, used_ids, walked=False)
        else:
            loaded.problems.append(Problem(path=item, reason="no such file or folder"))


def _walk(root: Path, loaded: Loaded) -> Iterator[Path]:
    def onerror(err: OSError):
        loaded.problems.append(Problem(path=str(err.filename or root), reason=f"cannot read folder ({err.strerror})"))

    found = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            p = Path(dirpath) / name
            suffix = p.suffix.lower()
            if p.stem.upper() in {"README", "LICENSE", "CHANGELOG"}:
                continue
            if suffix in TEXT_SUFFIXES or suffix in JSONL_SUFFIXES:
                found.append(p)
            elif p.stem.upper() not in {"README", "LICENSE", "CHANGELOG"}:
                loaded.skipped.append(Problem(path=str(p), reason=f"skipped: not an article ({suffix or 'no extension'})", fatal=False))
    yield from sorted(found)


def _unique(base: str, used: set[str]) -> str:
    doc_id, n = base, 2
    while doc_id in used:
        doc_id, n = f"{base}~{n}", n + 1
    used.add(doc_id)
    return doc_id


def _from_file(path: Path, loaded, published, max_bytes, used_ids, walked) -> Iterator[Source]:
    name = path.as_posix()
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(name, f"larger than the limit of {max_bytes:,} bytes ({size:,}); raise --max-bytes to read it")
        if path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as fh:
                yield from _from_jsonl(fh, name, loaded, published, used_ids)
            return
        data = path.read_bytes()
        if not data.strip():
            raise InputError(name, "empty file")
        raw, encoding = decode(data, name)
        loaded.encodings[name] = encoding
        yield _document(raw, name, path.stem, encoding, loaded, published, used_ids)
    except InputError as exc:
        problem = Problem(path=exc.path, line=exc.line, reason=exc.reason)
        if walked and "binary file" in exc.reason:
            problem.fatal = False
            loaded.skipped.append(problem)
        else:
            loaded.problems.append(problem)
    except IsADirectoryError:
        loaded.problems.append(Problem(path=name, reason="is a folder"))
    except OSError as exc:
        loaded.problems.append(Problem(path=name, reason=f"cannot read ({exc.strerror or exc})"))


def _document(raw: str, name: str, stem: str, encoding: str, loaded, published, used_ids) -> Source:
    meta, body_start = split_front_matter(raw, name)
    when = published
    if when is None and "date" in meta:
        when = parse_timestamp(meta.get("date"))
        if when is None:
            raise InputError(name, f"front matter date is not a date: {str(meta.get('date'))[:60]!r}")
    title = meta.get("title")
    doc = Document(
        id=_unique(safe_id(stem), used_ids), path=name, title=str(title) if title is not None else None,
        published=when, lang=str(meta.get("lang", "auto")), encoding=encoding,
    )
    source = make_source(doc, raw, body_start, doc.title)
    if source.document.published is None:
        source.document.published = find_header_date(source.view.text)
    if not source.view.text.strip():
        raise InputError(name, "no text after the front matter")
    return source


def _from_stdin(stream, loaded, published, used_ids) -> Iterator[Source]:
    data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data.strip():
        loaded.problems.append(Problem(path="<stdin>", reason="empty input"))
        return
    head = data.lstrip()[:1]
    if head == b"{":
        import io

        yield from _from_jsonl(io.BytesIO(data), "<stdin>", loaded, published, used_ids)
        return
    try:
        raw, encoding = decode(data, "<stdin>")
        yield _document(raw, "<stdin>", "stdin", encoding, loaded, published, used_ids)
    except InputError as exc:
        loaded.problems.append(Problem(path=exc.path, line=exc.line, reason=exc.reason))


def _from_jsonl(fh, name: str, loaded, published, used_ids) -> Iterator[Source]:
    for lineno, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            try:
                record = json.loads(line.decode("utf-8-sig"))
            except UnicodeDecodeError:
                raise InputError(name, "line is not UTF-8", lineno) from None
            except json.JSONDecodeError as exc:
                raise InputError(name, f"not valid JSON ({exc.msg} at column {exc.colno})", lineno) from None
            if not isinstance(record, dict):
                raise InputError(name, "a JSON Lines record must be an object", lineno)
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                raise InputError(name, 'record has no "text" string', lineno)
            when = published
            if when is None and record.get("published") not in (None, ""):
                when = parse_timestamp(record.get("published"))
                if when is None:
                    raise InputError(name, f'"published" is not a date: {str(record.get("published"))[:60]!r}', lineno)
            rid = record.get("id")
            doc = Document(
                id=_unique(safe_id(str(rid)) if rid not in (None, "") else f"line{lineno}", used_ids),
                path=None, title=record.get("title") if isinstance(record.get("title"), str) else None,
                published=when, lang=str(record.get("lang") or "auto"), encoding="utf-8",
            )
            source = make_source(doc, text, 0, None)
            source.document.title = doc.title
            yield source
        except InputError as exc:
            loaded.problems.append(Problem(path=exc.path, line=exc.line, reason=exc.reason))
