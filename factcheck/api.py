"""The library entry points the CLI calls: read, extract, link, compare, report."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime

from factcheck import __version__
from factcheck.cache import Cached, ExtractionCache
from factcheck.extract.claims import claim_id, extract_source
from factcheck.ingest import Loaded, iter_sources
from factcheck.ingest.loader import list_inputs
from factcheck.model import Claim, Report, Summary, ToolInfo
from factcheck.settings import Settings


def extract_claims(source, settings: Settings, mentions: bool = False):
    return extract_source(source, settings.tolerance_fraction, mentions)


def extract_partition(files: list[str], settings: Settings, published=None, mentions: bool = False,
                      cache_dir: str | None = None):
    """Runs in a worker (a process or a Dask task): read and extract a run of files, in order."""
    documents, claims, found, _, loaded = read_and_extract(files, settings, published, mentions=mentions,
                                                           cache_dir=cache_dir, keep_sources=False)
    return documents, claims, found, loaded.problems + loaded.skipped


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
        for c in claims + found:
            if c.document in renamed:
                c.document = renamed[c.document]
                c.id = claim_id(c.document, c.span.start, c.span.end, c.kind)


def partitions(files: list[str], workers: int, size: int | None = None) -> list[list[str]]:
    size = size or max(4, min(64, len(files) // (workers * 4) or 1))
    return [files[i : i + size] for i in range(0, len(files), size)]


def settings_key(settings: Settings) -> str:
    """The settings that change what extraction produces (the cache keys on them)."""
    return hashlib.sha256(f"{settings.tolerance}|{settings.timezone}|{settings.max_bytes}".encode()).hexdigest()[:12]


def read_and_extract(
    paths: Iterable[str], settings: Settings, published: datetime | None = None,
    progress: Callable[[str], None] | None = None, stdin=None, mentions: bool = False,
    jobs: int = 1, cache_dir: str | None = None, keep_sources: bool = True,
):
    """(documents, claims, mentions, sources, Loaded) for every readable input.

    jobs > 1 reads and extracts runs of files in worker processes (order is kept, and sources
    stay empty); with cache_dir, unchanged files are served from the cache and have no entry in
    sources.
    """
    if jobs > 1 and "-" not in paths:
        return _read_and_extract_parallel(list(paths), settings, published, progress, mentions, jobs, cache_dir)
    loaded = Loaded()
    cache = ExtractionCache(cache_dir, settings_key(settings), mentions, published) if cache_dir else None
    documents, claims, found, sources = [], [], [], []
    stream = iter_sources(paths, loaded, published=published, max_bytes=settings.max_bytes, stdin=stdin, cache=cache)

    def collect(item, extraction=None):
        if isinstance(item, Cached):
            documents.append(item.document)
            claims.extend(item.claims)
            found.extend(item.mentions)
            name = item.document.path or item.document.id
        else:
            documents.append(item.document)
            claims.extend(extraction.claims)
            found.extend(extraction.mentions)
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


def _read_and_extract_parallel(paths, settings, published, progress, mentions, jobs, cache_dir):
    loaded = Loaded()
    files = list_inputs(paths, loaded)
    results = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(extract_partition, part, settings, published, mentions, cache_dir)
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
    documents, claims, found, sources, loaded = read_and_extract(
        paths, settings, published, progress, stdin, mentions, jobs=jobs, cache_dir=cache_dir, keep_sources=False)
    claims = sort_claims(claims)
    report = Report(
        tool=ToolInfo(version=__version__),
        documents=documents,
        claims=claims,
        mentions=sort_claims(found) if mentions else None,
        summary=Summary(documents=len(documents), claims=len(claims)),
        problems=loaded.problems + loaded.skipped,
    )
    if compare:
        from factcheck.compare import compare_claims

        report.findings = compare_claims(claims, settings)
        counts: dict[str, int] = {}
        for f in report.findings:
            counts[f.kind] = counts.get(f.kind, 0) + 1
        report.summary.findings = {k: counts.get(k, 0) for k in ("agree", "contradict", "update")} | counts
    return report
