"""The library entry points the CLI calls: read, extract, link, compare, report."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter

from factcheck import __version__
from factcheck.cache import Cached, ExtractionCache, FindingsCache
from factcheck.claim_table import ClaimTable, Row, encode, report_order
from factcheck.ingest import Loaded, iter_sources
from factcheck.ingest.jsonl_ranges import JsonlRange, split_jsonl
from factcheck.ingest.loader import JSONL_SUFFIXES, list_inputs
from factcheck.model import Claim, Document, Finding, Report, Summary, ToolInfo
from factcheck.settings import Settings


def extract_claims(source, settings: Settings, mentions: bool = False):
    # imported on first use: a run served from the cache needs none of the extractor (or pint)
    from factcheck.extract.claims import extract_source

    return extract_source(source, settings.tolerance_fraction, mentions)


def _no_block(_claim) -> None:
    return None


def document_record(document: Document, claims: list[Claim], mentions: list[Claim], findings: bool = True) -> Cached:
    """One document after its two stages: extraction's claims as Rows (with their blocking key),
    then the rules over this document's claims alone (FC2xx), run while the claims are still
    objects. Not when findings is False: a run that compares nothing, such as extract, has no use
    for the findings nor for the blocking keys (its rows have none). Stages flow one way:
    extraction knows nothing of rules or comparison."""
    if not findings:
        rows = encode(claims, _no_block)
        rows.sort(key=itemgetter(0))  # report order, as sorted claims give it, each order made once
        return Cached(document, rows, encode(mentions, _no_block), [])
    from factcheck.facts.blocks import block_key
    from factcheck.rules.inside import document_findings

    claims = sorted(claims, key=report_order)
    return Cached(document, encode(claims, block_key), encode(mentions, _no_block), document_findings(claims))


def _decoded(rows: list[Row]) -> list[Claim]:
    return [Claim.model_validate_json(r.data) for r in rows]


def _extracted(paths, settings: Settings, published, stdin, mentions: bool, cache_dir, loaded: Loaded):
    """(source, record, extraction) for each readable document, in input order. A cache hit has
    only the record; a fresh extraction has a record only when it went into the cache."""
    cache = ExtractionCache(cache_dir, settings_key(settings), mentions, published) if cache_dir else None
    for item in iter_sources(paths, loaded, published=published, max_bytes=settings.max_bytes, stdin=stdin, cache=cache):
        if isinstance(item, Cached):
            yield None, item, None
            continue
        extraction = extract_claims(item, settings, mentions)
        record = None
        if cache is not None and item.cache_key is not None:
            record = document_record(item.document, extraction.claims, extraction.mentions)
            cache.store(*item.cache_key, item.document.id, record)
            item.cache_key = None
        yield item, record, extraction


def _named(document: Document) -> str:
    return document.path or document.id


def read_and_extract(
    paths: Iterable[str], settings: Settings, published: datetime | None = None,
    progress: Callable[[str], None] | None = None, stdin=None, mentions: bool = False,
    jobs: int = 1, cache_dir: str | None = None, keep_sources: bool = True,
):
    """(documents, claims, mentions, sources, Loaded) for every readable input, claims as objects.

    jobs > 1 reads and extracts runs of files in worker processes (order is kept, and sources
    stay empty); with cache_dir, unchanged files are served from the cache and have no entry in
    sources.
    """
    if jobs > 1 and "-" not in paths:
        rows = extract_rows(paths, settings, published, progress, mentions=mentions, jobs=jobs, cache_dir=cache_dir)
        return rows.documents, _decoded(rows.claims), _decoded(rows.mentions), [], rows.loaded
    loaded = Loaded()
    documents, claims, found, sources = [], [], [], []
    for source, record, extraction in _extracted(paths, settings, published, stdin, mentions, cache_dir, loaded):
        if extraction is None:
            documents.append(record.document)
            claims.extend(_decoded(record.claims))
            found.extend(_decoded(record.mentions))
        else:
            documents.append(source.document)
            claims.extend(extraction.claims)
            found.extend(extraction.mentions)
            if keep_sources:
                sources.append(source)
        if progress:
            progress(_named(documents[-1]))
    return documents, claims, found, sources, loaded


@dataclass
class Extracted:
    """What the driver keeps of a corpus: claims as Rows, the findings inside each document."""

    documents: list[Document] = field(default_factory=list)
    claims: list[Row] = field(default_factory=list)
    mentions: list[Row] = field(default_factory=list)
    findings: dict[str, list[Finding]] = field(default_factory=dict)  # by document id, only where there are any
    loaded: Loaded = field(default_factory=Loaded)
    keys: list[str | None] = field(default_factory=list)  # each document's cache entry, None when not cached

    def __getstate__(self) -> dict:
        """Rows travel between processes as columns, five lists rather than a tuple a row:
        pickling a NamedTuple runs Python code for each row, both ways (11,897 rows: 0.030 s to
        pickle and 0.014 s to load as rows, 0.015 s and 0.009 s as columns)."""
        return self.__dict__ | {"claims": _columns(self.claims), "mentions": _columns(self.mentions)}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, claims=_rows(state["claims"]), mentions=_rows(state["mentions"]))

    def add(self, record: Cached) -> None:
        self.keys.append(record.key)
        self.documents.append(record.document)
        self.claims.extend(record.claims)
        self.mentions.extend(record.mentions)
        if record.findings:
            self.findings[record.document.id] = record.findings


def _columns(rows: list[Row]) -> list[tuple]:
    return list(zip(*rows, strict=True))


def _rows(columns: list[tuple]) -> list[Row]:
    return list(map(Row._make, zip(*columns, strict=True)))


AUTO_PARALLEL_FILES = 200  # below this, starting worker processes costs more than it saves
AUTO_PARALLEL_JSONL_BYTES = 2 * 2**20  # JSON Lines of this many bytes or more are worth the workers too
RANGE_BYTES = 64 * 2**10  # a JSON Lines file of twice this or more is cut into byte ranges for the workers
RANGES_PER_WORKER = 32  # enough that the processes finish close together, each range costing little


def _jsonl_size(name: str) -> int:
    """The size of a JSON Lines input (0 for any other input, or one that cannot be read)."""
    if not name.lower().endswith(tuple(JSONL_SUFFIXES)):
        return 0
    try:
        return os.stat(name).st_size if os.path.isfile(name) else 0
    except (OSError, ValueError):
        return 0


def _jobs_for(files: list[str]) -> int:
    """One worker per CPU core for a corpus of AUTO_PARALLEL_FILES files or more, or of
    AUTO_PARALLEL_JSONL_BYTES of JSON Lines or more (split by byte ranges), else one process."""
    cores = os.cpu_count() or 1
    large = len(files) >= AUTO_PARALLEL_FILES or sum(map(_jsonl_size, files)) >= AUTO_PARALLEL_JSONL_BYTES
    return cores if cores > 1 and large else 1


def auto_jobs(paths: list[str]) -> int:
    """What --jobs comes to when it is not given (standard input is always read in one process)."""
    return 1 if "-" in paths else _jobs_for(list_inputs(paths, Loaded()))


def extract_rows(
    paths: Iterable[str], settings: Settings, published: datetime | None = None,
    progress: Callable[[str], None] | None = None, stdin=None, mentions: bool = False,
    jobs: int | None = 1, cache_dir: str | None = None, findings: bool = True,
) -> Extracted:
    """Like read_and_extract, but each document's claims are encoded as soon as they are made, so
    no more than one document's claims exist as objects at a time. jobs=None chooses (auto_jobs).
    findings=False skips the checks inside each document (a cached record still has them)."""
    paths = list(paths)
    if jobs != 1 and "-" not in paths:
        loaded = Loaded()
        files = list_inputs(paths, loaded)  # listed once: for the choice of jobs and for the partitions
        workers = jobs or _jobs_for(files)
        if workers > 1:
            return merge_partitions(_in_workers(files, settings, published, progress, mentions, workers, cache_dir,
                                                findings), loaded, findings)
    out = Extracted()
    for source, record, extraction in _extracted(paths, settings, published, stdin, mentions, cache_dir, out.loaded):
        out.add(record or document_record(source.document, extraction.claims, extraction.mentions, findings))
        if progress:
            progress(_named(out.documents[-1]))
    return out


def extract_rows_partition(files: list[str], settings: Settings, published=None, mentions: bool = False,
                           cache_dir: str | None = None, findings: bool = True) -> Extracted:
    """Runs in a worker process: extract_rows over a run of files."""
    return extract_rows(files, settings, published, mentions=mentions, cache_dir=cache_dir, findings=findings)


def _base_id(doc_id: str) -> str:
    """The id a reader gave before numbering duplicates: a~2 was a. An id from the input never
    holds "~" (safe_id replaces it), so only the numbering adds one."""
    return doc_id.split("~", 1)[0]


def _new_ids(documents: list[Document], used: set[str]) -> dict[str, str]:
    """Number the documents' ids again across the partitions, in input order, as one reader
    would: a partition numbered its own duplicates (a, a~2) without knowing the earlier ones."""
    renamed = {}
    for d in documents:
        base = _base_id(d.id)
        n, new = 2, base
        while new in used:
            new, n = f"{base}~{n}", n + 1
        used.add(new)
        if new != d.id:
            renamed[d.id] = new
            d.id = new
    return renamed


def _rename(c: Claim, document: str) -> None:
    from factcheck.extract.claims import claim_id

    c.document = document
    c.id = claim_id(c.document, c.span.start, c.span.end, c.kind)


def _split_rows(rows: list[Row], renamed: dict[str, str]) -> tuple[list[Row], dict[str, list[Row]]]:
    """(rows of documents keeping their id, rows of each renamed document by its old id)."""
    kept, moved = [], {}
    for r in rows:
        if r.order[0] in renamed:
            moved.setdefault(r.order[0], []).append(r)
        else:
            kept.append(r)
    return kept, moved


def _unique_ids_rows(results: list[Extracted], findings: bool = True) -> None:
    """Rename a document whose id an earlier partition took, in input order, as one reader would;
    its rows (and, with findings, the findings inside it) are remade with the new id. The rows
    are gone through once per partition, however many of its documents are renamed."""
    used: set[str] = set()
    for part in results:
        renamed = _new_ids(part.documents, used)
        if not renamed:
            continue
        part.claims, claims_of = _split_rows(part.claims, renamed)
        part.mentions, mentions_of = _split_rows(part.mentions, renamed)
        for old in renamed:  # every old id first: a new id may be another document's old one (a~2)
            part.findings.pop(old, None)
        for old, new in renamed.items():
            claims, mentions = _decoded(claims_of.get(old, [])), _decoded(mentions_of.get(old, []))
            for c in claims + mentions:
                _rename(c, new)
            record = document_record(Document.model_construct(id=new), claims, mentions, findings)
            part.claims += record.claims
            part.mentions += record.mentions
            if record.findings:
                part.findings[new] = record.findings


def _ranges(name: str, workers: int) -> list[JsonlRange] | None:
    """A large JSON Lines file as byte ranges of whole lines, or None to read it whole (a small
    file, or one that cannot be read now: its partition reports that, once)."""
    size = _jsonl_size(name)
    if size < 2 * RANGE_BYTES:
        return None
    try:
        ranges = split_jsonl(name, min(size // RANGE_BYTES, workers * RANGES_PER_WORKER))
    except OSError:
        return None
    return ranges if len(ranges) > 1 else None


def partitions(files: list[str], workers: int, size: int | None = None) -> list[list[str | JsonlRange]]:
    """The inputs as runs for the workers, in order: runs of files, and a large JSON Lines file's
    byte ranges (JsonlRange), each a run of its own, so one big file is shared by the workers."""
    size = size or max(4, min(64, len(files) // (workers * 4) or 1))
    out: list[list[str | JsonlRange]] = []
    run: list[str | JsonlRange] = []
    for name in files:
        ranges = _ranges(name, workers) if name != "-" else None
        if ranges is None:
            run.append(name)
            if len(run) == size:
                out.append(run)
                run = []
            continue
        if run:
            out.append(run)
            run = []
        out.extend([r] for r in ranges)
    if run:
        out.append(run)
    return out


def settings_key(settings: Settings) -> str:
    """The settings that change what extraction produces (the cache keys on them)."""
    return hashlib.sha256(f"{settings.tolerance}|{settings.timezone}|{settings.max_bytes}".encode()).hexdigest()[:12]


WARM_UP_TEXT = ("2024年3月5日，港口集装箱吞吐量达到 412 万标箱，同比增长 6.5%，投资 38 亿元。\n"
                "On March 5, 2024, the port handled 4.1 million containers, up 6.5 percent, at a cost of $3.8 billion.")


def _warm_up(settings: Settings) -> None:
    """Extract one short text in Chinese and English, so the tables and patterns that extraction
    builds on first use exist before the workers are forked from this process; then move every
    object so far out of the collector's sight (gc.freeze), so that a worker's collections do not
    write to, and so copy, the pages it shares with this process."""
    import gc

    from factcheck.ingest.source import make_source

    extract_claims(make_source(Document(id="warm-up", lang="auto"), WARM_UP_TEXT, 0, None), settings, True)
    gc.freeze()


# While this process extracts, the thread that reads the workers' results from their pipe needs the
# interpreter lock for each 64 KiB it reads; at the default 5 ms a worker waits, blocked on the full
# pipe, for most of a result of several hundred KB. 0.5 ms lets it read about as fast as it is written.
RESULTS_SWITCH_INTERVAL = 0.0005
_cursor = None  # in a worker process: the shared index of the next partition to take (_in_workers)


def _share_cursor(cursor) -> None:
    global _cursor
    _cursor = cursor


def _take(cursor, count: int) -> int | None:
    """The index of the next partition nobody has taken, or None when all are taken."""
    with cursor.get_lock():
        i = cursor.value
        cursor.value = i + 1
    return i if i < count else None


def _take_and_extract(parts, most: int, *args) -> list[tuple[int, Extracted]]:
    """Runs in a worker: take up to `most` partitions, one at a time, and extract each."""
    out = []
    while len(out) < most and (i := _take(_cursor, len(parts))) is not None:
        out.append((i, extract_rows_partition(parts[i], *args)))
    return out


def _in_workers(files, settings, published, progress, mentions, jobs, cache_dir, findings=True) -> list[Extracted]:
    """Each partition's Extracted, in order, made by jobs processes: this one and jobs - 1 workers.

    Every process takes the next partition from one shared index when it is free, so they all
    finish within one partition of each other. A worker's task takes up to two partitions and
    returns them (results reach this process as they are made, not all at the end); two tasks
    wait for each worker, so none waits for this process to hand out work. This process warms the
    extractor up before the workers start (_warm_up), so that a worker made by fork starts with
    it, and only the workers' results are pickled: on 2 cores, one warm-up and half the pickling
    less than two workers and an idle parent."""
    import multiprocessing  # only a run with workers imports it

    parts = partitions(files, jobs)
    _warm_up(settings)
    results: list[Extracted | None] = [None] * len(parts)
    done = 0

    def finished(i: int, part: Extracted) -> None:
        nonlocal done
        results[i] = part
        if progress:
            done += len(part.documents)
            progress(f"{done} documents")

    cursor = multiprocessing.Value("q", 0)
    args = (settings, published, mentions, cache_dir, findings)
    switch = sys.getswitchinterval()
    sys.setswitchinterval(RESULTS_SWITCH_INTERVAL)
    try:
        return _share_out(parts, args, jobs, cursor, finished, results)
    finally:
        sys.setswitchinterval(switch)


def _share_out(parts, args, jobs: int, cursor, finished, results: list) -> list[Extracted]:
    """_in_workers' loop: jobs - 1 workers and this process take partitions until none is left."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    with ProcessPoolExecutor(max_workers=jobs - 1, initializer=_share_cursor, initargs=(cursor,)) as pool:
        pending: set = set()
        while True:
            while len(pending) < 2 * (jobs - 1) and cursor.value < len(parts):
                pending.add(pool.submit(_take_and_extract, parts, 2, *args))
            i = _take(cursor, len(parts))
            if i is not None:
                finished(i, extract_rows_partition(parts[i], *args))
                ready = {f for f in pending if f.done()}
            elif pending:
                ready = wait(pending, return_when=FIRST_COMPLETED).done
            else:
                break
            for future in ready:
                pending.discard(future)
                for j, part in future.result():
                    finished(j, part)
    return results


def merge_partitions(results: list[Extracted], loaded: Loaded, findings: bool = True) -> Extracted:
    """The partitions' results as one, in order, with document ids made unique across them."""
    _unique_ids_rows(results, findings)
    out = Extracted(loaded=loaded)
    for part in results:
        out.documents += part.documents
        out.keys += part.keys
        out.claims += part.claims
        out.mentions += part.mentions
        out.findings.update(part.findings)
        loaded.problems += part.loaded.problems
        loaded.skipped += part.loaded.skipped
    return out


def claim_tables(extracted: Extracted) -> tuple[ClaimTable, ClaimTable]:
    """The claims and the mentions as tables (the rows move into them)."""
    claims, mentions = ClaimTable(extracted.claims), ClaimTable(extracted.mentions)
    extracted.claims, extracted.mentions = [], []
    return claims, mentions


def build_report(extracted: Extracted, claims: ClaimTable, mentions: ClaimTable | None,
                 findings: list[Finding] | None) -> Report:
    """The Report of a run. Built without validation: claims stay a ClaimTable, not a list."""
    loaded = extracted.loaded
    summary = Summary(documents=len(extracted.documents), claims=len(claims))
    if findings is not None:
        counts: dict[str, int] = {}
        for f in findings:
            counts[f.kind] = counts.get(f.kind, 0) + 1
        summary.findings = {k: counts.get(k, 0) for k in ("agree", "contradict", "update")} | counts
    return Report.model_construct(tool=ToolInfo(version=__version__), documents=extracted.documents, claims=claims,
                                  mentions=mentions, findings=findings, summary=summary,
                                  problems=loaded.problems + loaded.skipped)


def sort_claims(claims: list[Claim]) -> list[Claim]:
    return sorted(claims, key=report_order)


def _compare(extracted: Extracted, claims: ClaimTable, settings: Settings, cache_dir: str | None) -> list[Finding]:
    """compare_table, or its findings from the last run over the same cached documents."""
    from factcheck.compare_table import compare_table

    runs = key = None
    if cache_dir and extracted.keys and None not in extracted.keys:
        runs = FindingsCache(cache_dir, settings.model_dump_json())
        key = runs.key(list(zip(extracted.keys, (d.id for d in extracted.documents), strict=True)))
        found = runs.lookup(key)
        if found is not None:
            return found
    findings = compare_table(claims, extracted.findings, settings)
    if runs is not None:
        runs.store(key, findings)
    return findings


def run(paths: Iterable[str], settings: Settings, published: datetime | None = None, mentions: bool = False,
        compare: bool = False, progress=None, stdin=None, jobs: int | None = 1, cache_dir: str | None = None) -> Report:
    """The whole job. Claims are kept as a ClaimTable (JSON text), not as objects, so a corpus of
    100,000 articles fits in a few hundred MB; report.claims still reads as a sequence of Claims."""
    extracted = extract_rows(paths, settings, published, progress, stdin, mentions, jobs=jobs, cache_dir=cache_dir,
                             findings=compare)
    claims, found = claim_tables(extracted)
    findings = _compare(extracted, claims, settings, cache_dir) if compare else None
    return build_report(extracted, claims, found if mentions else None, findings)
