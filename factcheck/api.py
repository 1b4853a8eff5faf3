"""The library entry points the CLI calls: read, extract, link, compare, report."""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime

from factcheck import __version__
from factcheck.cache import Cached, ExtractionCache
from factcheck.extract.claims import extract_source
from factcheck.ingest import Loaded, iter_sources
from factcheck.model import Claim, Report, Summary, ToolInfo
from factcheck.settings import Settings


def extract_claims(source, settings: Settings, mentions: bool = False):
    return extract_source(source, settings.tolerance_fraction, mentions)


def _extract_job(source, tolerance, mentions):
    """Runs in a worker process: one document's extraction."""
    return extract_source(source, tolerance, mentions)


def settings_key(settings: Settings) -> str:
    """The settings that change what extraction produces (the cache keys on them)."""
    return hashlib.sha256(f"{settings.tolerance}|{settings.timezone}|{settings.max_bytes}".encode()).hexdigest()[:12]


def read_and_extract(
    paths: Iterable[str], settings: Settings, published: datetime | None = None,
    progress: Callable[[str], None] | None = None, stdin=None, mentions: bool = False,
    jobs: int = 1, cache_dir: str | None = None,
):
    """(documents, claims, mentions, sources, Loaded) for every readable input.

    jobs > 1 extracts in worker processes (reading stays in this one, order is kept); with
    cache_dir, unchanged files are served from the cache and have no entry in sources.
    """
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
            sources.append(item)
            if cache is not None and item.cache_key is not None:
                cache.store(*item.cache_key, item.document.id, item.document, extraction.claims, extraction.mentions)
                item.cache_key = None
            name = item.document.path or item.document.id
        if progress:
            progress(name)

    if jobs <= 1:
        for item in stream:
            collect(item, None if isinstance(item, Cached) else extract_claims(item, settings, mentions))
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            pending: deque = deque()
            for item in stream:
                future = None if isinstance(item, Cached) else pool.submit(
                    _extract_job, item, settings.tolerance_fraction, mentions)
                pending.append((item, future))
                while len(pending) > 8 * jobs or (pending and pending[0][1] is not None and pending[0][1].done()):
                    head, fut = pending.popleft()
                    collect(head, fut.result() if fut is not None else None)
            while pending:
                head, fut = pending.popleft()
                collect(head, fut.result() if fut is not None else None)
    return documents, claims, found, sources, loaded


def sort_claims(claims: list[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.document, c.span.start, c.span.end, c.kind))


def run(paths: Iterable[str], settings: Settings, published: datetime | None = None, mentions: bool = False,
        compare: bool = False, progress=None, stdin=None, jobs: int = 1, cache_dir: str | None = None) -> Report:
    documents, claims, found, sources, loaded = read_and_extract(
        paths, settings, published, progress, stdin, mentions, jobs=jobs, cache_dir=cache_dir)
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
