"""Files, folders, JSON Lines and standard input to Sources; every failure becomes a Problem.

Nothing here raises on bad input: each unreadable file or line is reported once, with its path
(and line number), and the rest of the inputs are still read.
"""

from __future__ import annotations

import codecs
import errno
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

from factcheck.errors import InputError, shown_path
from factcheck.ingest.decode import decode
from factcheck.ingest.front_matter import split_front_matter
from factcheck.ingest.jsonl_ranges import JsonlRange
from factcheck.ingest.published import (
    describe,
    find_header_published,
    is_unknown,
    parse_published,
    precision_of,
)
from factcheck.ingest.source import Source, make_source
from factcheck.model import Document, Problem

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
JSONL_BUFFER = 1 << 16  # a record is often longer than the default 8 KiB buffer: fewer reads per line
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


def display_path(name: str) -> str:
    """A file name as text that can always be printed and written as UTF-8.

    A name with bytes that are not UTF-8 (which Python keeps as lone surrogates) shows them as
    \\xNN escapes instead of breaking the terminal or the JSON report.
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _problem(loaded: Loaded, exc: InputError, fatal: bool = True) -> None:
    problem = Problem(path=display_path(exc.path), line=exc.line, reason=exc.reason, fatal=fatal)
    (loaded.problems if fatal else loaded.skipped).append(problem)


def _internal(loaded: Loaded, name: str, exc: BaseException, line: int | None = None) -> None:
    """Last resort: a bug met while reading one input is reported on that input, and the rest is read."""
    loaded.problems.append(Problem(
        path=display_path(name), line=line,
        reason=f"could not be read because of an internal error ({type(exc).__name__}: {str(exc)[:200]}); please report it",
    ))


def iter_sources(
    inputs: Iterable[str],
    loaded: Loaded,
    published: datetime | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin=None,
    cache=None,
) -> Iterator[Source]:
    """Sources of every input. With a cache (factcheck.cache.ExtractionCache), a file whose
    extraction is cached is yielded as a Cached record instead, its bytes hashed, never decoded.
    An input may also be a JsonlRange: the whole lines of one part of a JSON Lines file, which a
    worker process reads while others read the rest."""
    used_ids: set[str] = set()
    seen: set[tuple[int, int]] = set()  # (device, inode) of each file read: a file named twice is read once
    stdin_read = False
    for item in inputs:
        if isinstance(item, JsonlRange):
            yield from _from_range(item, loaded, published, max_bytes, used_ids)
            continue
        if item == "-":
            if not stdin_read:
                stdin_read = True
                yield from _from_stdin(sys.stdin if stdin is None else stdin, loaded, published, max_bytes, used_ids)
            continue
        kind = _input_kind(item, loaded)
        if kind == "dir":
            for file in _walk(Path(item), loaded):
                yield from _from_file(file, loaded, published, max_bytes, used_ids, walked=True, cache=cache, seen=seen)
        elif kind == "file":
            yield from _from_file(Path(item), loaded, published, max_bytes, used_ids, walked=False, cache=cache, seen=seen)


def _input_kind(item: str, loaded: Loaded) -> str | None:
    """The kind of an input: dir, file, or None after naming the problem (no such path, or a name
    the system refuses)."""
    try:
        path = Path(item)
        if path.is_dir():
            return "dir"
        if path.exists() or path.is_symlink():
            return "file"
    except (OSError, ValueError) as exc:  # a name with a NUL byte, or one too long for the system
        reason = getattr(exc, "strerror", None) or str(exc)
        if getattr(exc, "errno", None) == errno.ENAMETOOLONG:
            reason = "the name is longer than the file system allows"
        loaded.problems.append(Problem(path=shown_path(display_path(str(item))), reason=f"not a usable file name ({reason})"))
        return None
    loaded.problems.append(Problem(path=display_path(str(item)), reason="no such file or folder"))
    return None


def list_inputs(inputs: Iterable[str], loaded: Loaded) -> list[str]:
    """The files iter_sources would read, in its order (folders walked, stdin kept as "-"), each
    file once however often it is named (a folder and a file inside it)."""
    out, seen = [], set()
    for item in inputs:
        kind = "stdin" if item == "-" else _input_kind(item, Loaded())
        # a bad name is kept: the partition that reads it reports it, once
        files = [str(p) for p in _walk(Path(item), loaded)] if kind == "dir" else [item]
        for f in files:
            key = f if f == "-" else _resolved(f)
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


def _resolved(name: str):
    """The file's identity: device and inode (so links and hard links are one file), else its path."""
    try:
        st = os.stat(name)
        return (st.st_dev, st.st_ino)
    except (OSError, ValueError):
        try:
            return os.path.realpath(name)
        except (OSError, ValueError):
            return name


def refuse_overwriting_inputs(outputs: Iterable, inputs: Iterable[str]) -> None:
    """Raise OutputError if an output file is an input file named on the command line (the same
    file, by device and inode): `check a.md -o a.md` would replace the article with its report."""
    from factcheck.errors import OutputError

    files = set()
    for item in inputs:
        try:
            st = os.stat(item) if item != "-" else None
        except (OSError, ValueError):
            continue
        if st is not None and stat.S_ISREG(st.st_mode):
            files.add((st.st_dev, st.st_ino))
    for out in outputs:
        try:
            st = os.stat(out) if out is not None else None
        except (OSError, ValueError):
            continue  # a new file overwrites nothing
        if st is not None and (st.st_dev, st.st_ino) in files:
            raise OutputError(str(out), "is one of the input articles; it is not overwritten (write the report elsewhere)")


def is_article_name(path: Path) -> bool:
    """What a folder walk reads: article suffixes, no hidden part, no README, LICENSE, CHANGELOG."""
    return (path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES and not path.name.startswith(".")
            and path.stem.upper() not in {"README", "LICENSE", "CHANGELOG"})


def _walk(root: Path, loaded: Loaded) -> Iterator[Path]:
    def onerror(err: OSError):
        where = display_path(os.fsdecode(err.filename)) if err.filename else display_path(str(root))
        loaded.problems.append(Problem(path=where, reason=f"cannot read folder ({err.strerror or err})"))

    found = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=False):
        keep = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            if os.path.islink(os.path.join(dirpath, d)):
                loaded.skipped.append(Problem(
                    path=display_path(str(Path(dirpath) / d)), reason="skipped: a link to a folder (not followed)", fatal=False,
                ))
                continue
            keep.append(d)
        dirnames[:] = keep
        for name in filenames:
            if name.startswith("."):
                continue
            p = Path(dirpath) / name
            suffix = p.suffix.lower()
            if p.stem.upper() in {"README", "LICENSE", "CHANGELOG"}:
                continue
            if suffix in TEXT_SUFFIXES or suffix in JSONL_SUFFIXES:
                found.append(p)
            else:
                loaded.skipped.append(Problem(
                    path=display_path(str(p)), reason=f"skipped: not an article ({suffix or 'no extension'})", fatal=False,
                ))
    yield from sorted(found, key=lambda p: p.parts)  # Path order, without Path.__lt__'s cost per comparison


def _unique(base: str, used: set[str]) -> str:
    doc_id, n = base, 2
    while doc_id in used:
        doc_id, n = f"{base}~{n}", n + 1
    used.add(doc_id)
    return doc_id


_KINDS = [(stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket")]


def _too_big(name: str, max_bytes: int, size: str, line: int | None = None) -> InputError:
    what = "line is larger" if line else "larger"
    return InputError(
        name, f"{what} than the limit of {max_bytes:,} bytes ({size}); raise max_bytes in factcheck.toml to read it", line,
    )


def _os_reason(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ELOOP:
        return "cannot read: a symbolic link that leads back to itself (a loop)"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return "cannot read: a symbolic link to a file that does not exist"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot read: permission denied"
    return f"cannot read ({exc.strerror or exc})"


def _read_bounded(fh, name: str, max_bytes: int) -> bytes:
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_big(name, max_bytes, "or more")
    return data


def _from_file(path: Path, loaded, published, max_bytes, used_ids, walked, cache=None, seen=None) -> Iterator[Source]:
    name = path.as_posix()
    try:
        st = path.stat()
        mode = st.st_mode
        if seen is not None and stat.S_ISREG(mode):
            if (st.st_dev, st.st_ino) in seen:
                return
            seen.add((st.st_dev, st.st_ino))
        if stat.S_ISDIR(mode):
            raise InputError(name, "is a folder")
        if not stat.S_ISREG(mode):
            kind = next((k for test, k in _KINDS if test(mode)), "not a regular file")
            if walked:  # never block on a pipe or read a device met in a folder
                _problem(loaded, InputError(name, f"skipped: {kind}, not an article"), fatal=False)
                return
        jsonl = path.suffix.lower() in JSONL_SUFFIXES
        with path.open("rb", buffering=JSONL_BUFFER if jsonl else -1) as fh:
            if jsonl:
                yield from _from_jsonl(fh, name, loaded, published, max_bytes, used_ids)
                return
            size = os.fstat(fh.fileno()).st_size
            if stat.S_ISREG(mode) and size > max_bytes:
                raise _too_big(name, max_bytes, f"{size:,}")
            data = _read_bounded(fh, name, max_bytes)
        if cache is not None:
            doc_id = safe_id(path.stem)
            hit = cache.lookup(name, data, doc_id) if doc_id not in used_ids else None
            if hit is not None:
                used_ids.add(hit.document.id)
                _warn_undated(loaded, hit.document, name)
                yield hit
                return
        raw, encoding = decode(data, name)
        if not raw.replace("\ufeff", "").strip():
            raise InputError(name, "empty file" if not data.strip() else "empty file (only a byte-order mark or spaces)")
        loaded.encodings[name] = encoding
        warned = len(loaded.skipped)
        source = _document(raw, name, path.stem, encoding, loaded, published, used_ids)
        _warn_undated(loaded, source.document, name)  # derived from the document: said again on a cache hit
        if cache is not None and len(loaded.skipped) == warned + (source.document.published is None):
            source.cache_key = (name, data)  # a document with other warnings is not cached, so they are said each run
    except InputError as exc:
        _problem(loaded, exc, fatal=not (walked and "binary file" in exc.reason))
        return
    except IsADirectoryError:
        _problem(loaded, InputError(name, "is a folder"))
        return
    except OSError as exc:
        _problem(loaded, InputError(name, _os_reason(exc, path)))
        return
    except Exception as exc:  # a bug must not cost the other inputs
        _internal(loaded, name, exc)
        return
    yield source


def _scalar(meta: dict, key: str, name: str, loaded: Loaded) -> str | None:
    """A front-matter value that must be a single piece of text (title, lang). Anything else is
    ignored with a warning: a document is never dropped for its metadata."""
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, list | dict):
        loaded.skipped.append(Problem(path=display_path(name), fatal=False, warning=True,
                                      reason=f"front matter {key} is {describe(value)}, not text; ignored"))
        return None
    return str(value)


def _stamp(value, field: str, published: datetime | None) -> tuple[datetime | None, str | None, str]:
    """(publication time, precision, where it came from or why there is none) of a document whose
    own date field holds value; --published (published) fills in when the document gives none."""
    if not is_unknown(value):
        parsed = parse_published(value)
        if parsed is not None:
            return parsed[0], parsed[1], field
        note = f"{field} is not a date: {describe(value)}"
    elif value is None:
        note = "no publication date given"
    else:
        note = f"{field} is {describe(value)}"
    if published is not None:
        return published, precision_of(published), "--published"
    return None, None, note


def _warn_undated(loaded: Loaded, doc: Document, name: str, line: int | None = None) -> None:
    """A document with no publication date is read, with a warning: relative dates stay unresolved."""
    if doc.published is None:
        loaded.skipped.append(Problem(
            path=display_path(name), line=line, fatal=False, warning=True,
            reason=f"{doc.published_from or 'no publication date given'}; read without one (relative dates are "
                   "left unresolved)",
        ))


OUTLET_KEYS = ("source", "publisher", "site_name", "author")  # front matter keys naming the outlet, first wins


def _outlet(meta: dict, key: str) -> str | None:
    """An outlet name from front matter: text only (a list of authors is not an outlet)."""
    value = meta.get(key)
    return str(value).strip() or None if isinstance(value, str | int | float) and not isinstance(value, bool) else None


def _document(raw: str, name: str, stem: str, encoding: str, loaded, published, used_ids) -> Source:
    meta, body_start = split_front_matter(raw, name)
    key = next((k for k in ("date", "published", "pubDate") if k in meta), "date")
    when, precision, origin = _stamp(meta.get(key), f"front matter {key}", published)
    title = _scalar(meta, "title", name, loaded)
    lang = _scalar(meta, "lang", name, loaded) or "auto"
    outlet = next((v for k in OUTLET_KEYS if (v := _outlet(meta, k))), None)
    doc = Document(
        id=_unique(safe_id(stem), used_ids), path=display_path(name), title=title, source=outlet,
        published=when, lang=lang, encoding=encoding, published_precision=precision, published_from=origin,
    )
    source = make_source(doc, raw, body_start, doc.title)
    if source.document.published is None or origin == "--published":  # the page's own stamp wins
        found = find_header_published(source.view.text)
        if found is not None:
            doc = source.document
            doc.published, doc.published_precision, doc.published_from = found[0], found[1], "header line"
    if not source.view.text.strip():
        used_ids.discard(doc.id)
        if body_start and not raw[body_start:].strip():
            raise InputError(name, "only front matter, no article text after it")
        raise InputError(name, "no article text (only markup, scripts or styles)")
    return source


class _Prefixed(io.RawIOBase):
    """The bytes already read to sniff the input, then the rest of the stream."""

    def __init__(self, head: bytes, rest):
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n], self.head = self.head[:n], self.head[n:]
            return n
        data = self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _from_stdin(stream, loaded, published, max_bytes, used_ids) -> Iterator[Source]:
    name = "<stdin>"
    try:
        if stream is None or getattr(stream, "closed", False):
            raise InputError(name, "standard input is closed (nothing to read); give files or pipe the text in")
        if hasattr(stream, "buffer"):
            buf = stream.buffer
        else:
            data = stream.read()
            buf = io.BytesIO(data.encode("utf-8") if isinstance(data, str) else data)
        head = buf.read(65536)
        if not head.strip():
            head += buf.read(max_bytes + 1)
        if not head.strip():
            raise InputError(name, "empty input")
        if head.lstrip().removeprefix(codecs.BOM_UTF8).lstrip()[:1] == b"{":
            yield from _from_jsonl(io.BufferedReader(_Prefixed(head, buf)), name, loaded, published, max_bytes, used_ids)
            return
        data = head + buf.read(max(0, max_bytes + 1 - len(head)))
        if len(data) > max_bytes:
            raise _too_big(name, max_bytes, "or more")
        raw, encoding = decode(data, name)
        if not raw.replace("\ufeff", "").strip():
            raise InputError(name, "empty input")
        source = _document(raw, name, "stdin", encoding, loaded, published, used_ids)
        _warn_undated(loaded, source.document, name)
    except InputError as exc:
        _problem(loaded, exc)
        return
    except OSError as exc:
        closed = exc.errno == errno.EBADF
        _problem(loaded, InputError(name, "standard input is closed (nothing to read)" if closed else f"cannot read ({exc.strerror or exc})"))
        return
    except Exception as exc:
        _internal(loaded, name, exc)
        return
    yield source


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _lines(fh, max_bytes: int, first: int = 1, limit: int | None = None) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line, or (line number, None) for a line longer than max_bytes;
    the first line read is line `first`, and no more than `limit` bytes are read (a JsonlRange)."""
    lineno, left = first - 1, (1 << 62) if limit is None else limit
    while True:
        line = fh.readline(min(max_bytes + 1, left))
        if not line:
            return
        lineno += 1
        left -= len(line)
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = fh.readline(min(1 << 20, left))
                left -= len(line)
            yield lineno, None
            continue
        yield lineno, line


def _kind(value) -> str:
    if isinstance(value, bool):
        return "true or false"
    return {int: "a number", float: "a number", list: "a list", dict: "an object"}.get(type(value), "null")


def _record(line: bytes, name: str, lineno: int) -> dict:
    try:
        record = json.loads(line.rstrip(b"\r\n").decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(name, "line is not UTF-8", lineno) from None
    except json.JSONDecodeError as exc:
        raise InputError(name, f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})", lineno) from None
    except RecursionError:
        raise InputError(name, "not valid JSON for an article (nested too deeply)", lineno) from None
    except ValueError as exc:  # an integer with more digits than Python converts (4,300)
        digits = re.search(r"has (\d+) digits", str(exc))
        what = f"a number with {digits.group(1)} digits" if digits else str(exc)[:100]
        raise InputError(name, f"not valid JSON for an article ({what})", lineno) from None
    if not isinstance(record, dict):
        raise InputError(name, f"a JSON Lines record must be an object, not {_kind(record)}", lineno)
    if "text" not in record or record["text"] is None:
        raise InputError(name, 'record has no "text"', lineno)
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(name, f'"text" must be a string, not {_kind(text)}', lineno)
    if not text.strip():
        raise InputError(name, '"text" is empty', lineno)
    if b"\\u" not in line:  # strict UTF-8 has no surrogates: only a \u escape can make one
        return record
    for key in ("text", "id", "title", "lang", "published", "source"):
        value = record.get(key)
        if isinstance(value, str) and _SURROGATE.search(value):
            raise InputError(name, f'"{key}" contains an invalid \\u escape (an unpaired surrogate)', lineno)
    return record


def _from_range(part: JsonlRange, loaded, published, max_bytes, used_ids) -> Iterator[Source]:
    """The records of one byte range of a JSON Lines file, numbered as in the whole file."""
    path = Path(part.path)
    name = path.as_posix()
    try:
        with path.open("rb", buffering=JSONL_BUFFER) as fh:
            fh.seek(part.start)
            yield from _from_jsonl(fh, name, loaded, published, max_bytes, used_ids, part.first_line,
                                   part.end - part.start)
    except OSError as exc:
        _problem(loaded, InputError(name, _os_reason(exc, path)))


def _from_jsonl(fh, name: str, loaded, published, max_bytes, used_ids, first: int = 1,
                limit: int | None = None) -> Iterator[Source]:
    for lineno, line in _lines(fh, max_bytes, first, limit):
        if line is None:
            _problem(loaded, _too_big(name, max_bytes, "or more", lineno))
            continue
        if not line.strip():
            continue
        try:
            record = _record(line, name, lineno)
            text = record["text"]
            when, precision, origin = _stamp(record.get("published"), 'JSON Lines "published"', published)
            rid = record.get("id")
            title, lang, outlet = record.get("title"), record.get("lang"), record.get("source")
            doc = Document(
                id=_unique(safe_id(str(rid)) if rid not in (None, "") else f"line{lineno}", used_ids),
                path=None, title=title if isinstance(title, str) else None,
                source=outlet.strip() or None if isinstance(outlet, str) else None,
                published=when, lang=lang if isinstance(lang, str) and lang else "auto", encoding="utf-8",
                published_precision=precision, published_from=origin,
            )
            source = make_source(doc, text, 0, None)
            source.document.title = doc.title
            _warn_undated(loaded, source.document, name, lineno)
        except InputError as exc:
            _problem(loaded, exc)
            continue
        except Exception as exc:  # a bug on one line must not cost the other lines
            _internal(loaded, name, exc, lineno)
            continue
        yield source
