"""The library entry points the CLI calls: read, extract, link, compare, report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from factcheck import __version__
from factcheck.extract.claims import extract_source
from factcheck.ingest import Loaded, iter_sources
from factcheck.model import Claim, Report, Summary, ToolInfo
from factcheck.settings import Settings


def extract_claims(source, settings: Settings, mentions: bool = False):
    return extract_source(source, settings.tolerance_fraction, mentions)


def read_and_extract(
    paths: Iterable[str], settings: Settings, published: datetime | None = None,
    progress: Callable[[str], None] | None = None, stdin=None, mentions: bool = False,
):
    """(documents, claims, mentions, Loaded) for every readable input."""
    loaded = Loaded()
    documents, claims, found, sources = [], [], [], []
    for source in iter_sources(paths, loaded, published=published, max_bytes=settings.max_bytes, stdin=stdin):
        extraction = extract_claims(source, settings, mentions)
        documents.append(source.document)
        claims.extend(extraction.claims)
        found.extend(extraction.mentions)
        sources.append(source)
        if progress:
            progress(source.document.path or source.document.id)
    return documents, claims, found, sources, loaded


def sort_claims(claims: list[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.document, c.span.start, c.span.end, c.kind))


def run(paths: Iterable[str], settings: Settings, published: datetime | None = None, mentions: bool = False,
        compare: bool = False, progress=None, stdin=None) -> Report:
    documents, claims, found, sources, loaded = read_and_extract(paths, settings, published, progress, stdin, mentions)
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

        report.findings = compare_claims(claims, settings, sources)
        counts: dict[str, int] = {}
        for f in report.findings:
            counts[f.kind] = counts.get(f.kind, 0) + 1
        report.summary.findings = {k: counts.get(k, 0) for k in ("agree", "contradict", "update")} | counts
    return report
