"""The library entry points the CLI calls: read, extract, link, compare, report."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime

from factcheck import __version__
from factcheck.cache import Cached, ExtractionCache
from factcheck.claim_table import ClaimTable, Row, claim_json, encode
from factcheck.extract.claims import claim_id, extract_source
from factcheck.ingest import Loaded, iter_sources
from factcheck.ingest.loader import list_inputs
from factcheck.model import Claim, Report, Summary, ToolInfo
from factcheck.settings import Settings


def extract_claims(source, settings: Settings, mentions: bool = False):
    return extract_source(source, settings.tolerance_fraction, mentions)


def extract_partition(files: list[str], settings: Settings, published=None, mentions: bool = False,
                      cache_dir: str | None = None, rows: bool = False):
    """Runs in a worker (a process or a Dask task): read and extract a run of files, in order.
    With rows, claims come back as claim_table Rows, which are smaller and quicker to send."""
    documents, claims, found, _, loaded = read_and_extract(files, settings, published, mentions=mentions,
                                                           cache_dir=cache_dir, keep_sources=False, rows=rows)
    return documents, claims, found, loaded.problems + loaded.skipped


def _no_block(_claim) -> None:
    return None


def _encoders():
    from factcheck.compare import block_key

    return (lambda claims: encode(claims, block_key)), (lambda claims: encode(claims, _no_block))


def _rename(c: Claim, document: str) -> None:
    c.document = document
    c.id = claim_id(c.document, c.span.start, c.span.end, c.kind)


def unique_ids(results) -> None:
    """Rename a document whose id an earlier one took, in file order, as one reader would."""
    used: set[str] = set()
    for documents, claims, found, _ in results:
        renamed = {}
        for d in documents:
            base, n, new = d.id, 2, d.id
            while new in used:
                new, n = f"{base}~{n}", n + 1
            used.add(new)
            if new != d.id:
                renamed[d.id] = new
                d.id = new
        if not renamed:
            continue
        for items in (claims, found):
            for i, item in enumerate(items):
                if isinstance(item, Row) and item.order[0] in renamed:
                    c = Claim.model_validate_json(item.data)
                    _rename(c, renamed[c.document])
                    items[i] = item._replace(order=(c.document, *item.order[1:]), id=c.id, data=claim_json(c).encode())
                elif isinstance(item, Claim) and item.document in renamed:
                    _rename(item, renamed[item.document])


def partitions(files: list[str], workers: int, size: int | None = None) -> list[list[str]]:
    size = size or max(4, min(64, len(files) // (workers * 4) or 1))
    return [files[i : i + size] for i in range(0, len(files), size)]


def settings_key(settings: Settings) -> str:
    """The settings that change what extraction produces (the cache keys on them)."""
    return hashlib.sha256(f"{settings.tolerance}|{settings.timezone}|{settings.max_bytes}".encode()).hexdigest()[:12]


def read_and_extract(
    paths: Iterable[str], settings: Settings, published: datetime | None = None,
    progress: Callable[[str], None] | None = None, stdin=None, mentions: bool = False,
    jobs: int = 1, cache_dir: str | None = None, keep_sources: bool = True, rows: bool = False,
):
    """(documents, claims, mentions, sources, Loaded) for every readable input.

    jobs > 1 reads and extracts runs of files in worker processes (order is kept, and sources
    stay empty); with cache_dir, unchanged files are served from the cache and have no entry in
    sources. With rows, claims and mentions are claim_table Rows, encoded document by document,
    so no more than one document's claims exist as objects at a time.
    """
    if jobs > 1 and "-" not in paths:
        return _read_and_extract_parallel(list(paths), settings, published, progress, mentions, jobs, cache_dir, rows)
    keep_claims, keep_found = _encoders() if rows else (list, list)
    loaded = Loaded()
    cache = ExtractionCache(cache_dir, settings_key(settings), mentions, published) if cache_dir else None
    documents, claims, found, sources = [], [], [], []
    stream = iter_sources(paths, loaded, published=published, max_bytes=settings.max_bytes, stdin=stdin, cache=cache)

    def collect(item, extraction=None):
        if isinstance(item, Cached):
            documents.append(item.document)
            claims.extend(keep_claims(item.claims))
            found.extend(keep_found(item.mentions))
            name = item.document.path or item.document.id
        else:
            documents.append(item.document)
            claims.extend(keep_claims(extraction.claims))
            found.extend(keep_found(extraction.mentions))
            if keep_sources:
                sources.append(item)
            if cache is not None and item.cache_key is not None:
                cache.store(*item.cache_key, item.document.id, item.document, extraction.claims, extraction.mentions)
                item.cache_key = None
            name = item.document.path or item.document.id
        if progress:
            progress(name)

    for item in stream:
        collect(item, None if isinstance(item, Cached) else extract_claims(item, settings, mentions))
    return documents, claims, found, sources, loaded


def _read_and_extract_parallel(paths, settings, published, progress, mentions, jobs, cache_dir, rows=False):
    loaded = Loaded()
    files = list_inputs(paths, loaded)
    results = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(extract_partition, part, settings, published, mentions, cache_dir, rows)
                   for part in partitions(files, jobs)]
        for future in futures:
            results.append(future.result())
            if progress:
                progress(f"{sum(len(r[0]) for r in results)} documents")
    unique_ids(results)
    for _, _, _, problems in results:
        for p in problems:
            (loaded.problems if p.fatal else loaded.skipped).append(p)
    documents = [d for r in results for d in r[0]]
    return documents, [c for r in results for c in r[1]], [c for r in results for c in r[2]], [], loaded


def sort_claims(claims: list[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.document, c.span.start, c.span.end, c.kind))


def run(paths: Iterable[str], settings: Settings, published: datetime | None = None, mentions: bool = False,
        compare: bool = False, progress=None, stdin=None, jobs: int = 1, cache_dir: str | None = None) -> Report:
    """The whole job. Claims are kept as a ClaimTable (JSON text), not as objects, so a corpus of
    100,000 articles fits in a few hundred MB; report.claims still reads as a sequence of Claims."""
    documents, rows, found, _, loaded = read_and_extract(
        paths, settings, published, progress, stdin, mentions, jobs=jobs, cache_dir=cache_dir, keep_sources=False,
        rows=True)
    claims = ClaimTable(rows)
    del rows
    report = Report.model_construct(
        tool=ToolInfo(version=__version__),
        documents=documents,
        claims=claims,
        mentions=ClaimTable(found) if mentions else None,
        findings=None,
        summary=Summary(documents=len(documents), claims=len(claims)),
        problems=loaded.problems + loaded.skipped,
    )
    if compare:
        from factcheck.compare_table import compare_table

        report.findings = compare_table(claims, settings)
        counts: dict[str, int] = {}
        for f in report.findings:
            counts[f.kind] = counts.get(f.kind, 0) + 1
        report.summary.findings = {k: counts.get(k, 0) for k in ("agree", "contradict", "update")} | counts
    return report
