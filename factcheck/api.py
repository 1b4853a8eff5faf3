"""The library entry points the CLI calls: read, extract, link, compare, report."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from factcheck import __version__
from factcheck.cache import Cached, ExtractionCache, FindingsCache
from factcheck.claim_table import ClaimTable, Row, encode, report_order
from factcheck.ingest import Loaded, iter_sources
from factcheck.ingest.loader import list_inputs
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
    objects (not when findings is False: a run that compares nothing, such as extract, has no use
    for them). Stages flow one way: extraction knows nothing of rules or comparison."""
    from factcheck.facts.blocks import block_key
    from factcheck.rules.inside import document_findings

    claims = sorted(claims, key=report_order)
    return Cached(document, encode(claims, block_key), encode(mentions, _no_block),
                  document_findings(claims) if findings else [])


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

    def add(self, record: Cached) -> None:
        self.keys.append(record.key)
        self.documents.append(record.document)
        self.claims.extend(record.claims)
        self.mentions.extend(record.mentions)
        if record.findings:
            self.findings[record.document.id] = record.findings


AUTO_PARALLEL_FILES = 200  # below this, starting worker processes costs more than it saves


def _jobs_for(files: int) -> int:
    """One worker per CPU core for a corpus of AUTO_PARALLEL_FILES files or more, else one process."""
    cores = os.cpu_count() or 1
    return cores if cores > 1 and files >= AUTO_PARALLEL_FILES else 1


def auto_jobs(paths: list[str]) -> int:
    """What --jobs comes to when it is not given (standard input is always read in one process)."""
    return 1 if "-" in paths else _jobs_for(len(list_inputs(paths, Loaded())))


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
        workers = jobs or _jobs_for(len(files))
        if workers > 1:
            return merge_partitions(_in_workers(files, settings, published, progress, mentions, workers, cache_dir,
                                                findings), loaded)
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


def _new_ids(documents: list[Document], used: set[str]) -> dict[str, str]:
    """Rename a document whose id an earlier one took, in file order, as one reader would."""
    renamed = {}
    for d in documents:
        base, n, new = d.id, 2, d.id
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


def _unique_ids_rows(results: list[Extracted]) -> None:
    """Rename a document whose id an earlier partition took, in file order, as one reader would;
    its rows and the findings inside it are remade with the new id."""
    used: set[str] = set()
    for part in results:
        renamed = _new_ids(part.documents, used)
        if not renamed:
            continue
        for old, new in renamed.items():
            part.findings.pop(old, None)
            claims = _decoded([r for r in part.claims if r.order[0] == old])
            mentions = _decoded([r for r in part.mentions if r.order[0] == old])
            for c in claims + mentions:
                _rename(c, new)
            record = document_record(Document.model_construct(id=new), claims, mentions)
            part.claims = [r for r in part.claims if r.order[0] != old] + record.claims
            part.mentions = [r for r in part.mentions if r.order[0] != old] + record.mentions
            if record.findings:
                part.findings[new] = record.findings


def partitions(files: list[str], workers: int, size: int | None = None) -> list[list[str]]:
    size = size or max(4, min(64, len(files) // (workers * 4) or 1))
    return [files[i : i + size] for i in range(0, len(files), size)]


def settings_key(settings: Settings) -> str:
    """The settings that change what extraction produces (the cache keys on them)."""
    return hashlib.sha256(f"{settings.tolerance}|{settings.timezone}|{settings.max_bytes}".encode()).hexdigest()[:12]


def _in_workers(files, settings, published, progress, mentions, jobs, cache_dir, findings=True) -> list[Extracted]:
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only a run with workers imports it

    results = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(extract_rows_partition, part, settings, published, mentions, cache_dir, findings)
                   for part in partitions(files, jobs)]
        done = 0
        for future in futures:
            results.append(future.result())
            if progress:
                done += len(results[-1].documents)
                progress(f"{done} documents")
    return results


def merge_partitions(results: list[Extracted], loaded: Loaded) -> Extracted:
    """The partitions' results as one, in order, with document ids made unique across them."""
    _unique_ids_rows(results)
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
