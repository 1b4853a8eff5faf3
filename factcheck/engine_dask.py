"""The same pipeline on Dask (dask.distributed), for corpora beyond one machine.

Extraction is partitioned over documents (contiguous runs of files, so a worker reads each file
once); comparison is partitioned by blocking key (kind, unit, metric), since claims in different
blocks are never compared; checks inside one document run per document. The driver only lists
the files, keeps document ids unique in file order exactly as the local reader does, and orders
the findings, so the JSON is byte for byte the local run's. Install with `pip install factcheck[dask]`.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from factcheck import __version__
from factcheck.api import extract_partition, partitions, sort_claims, unique_ids
from factcheck.compare import block_findings, blocks_of, document_findings, order_findings
from factcheck.errors import ConfigError
from factcheck.ingest.loader import Loaded, list_inputs
from factcheck.model import Report, Summary, ToolInfo
from factcheck.settings import Settings


def _client(scheduler: str | None, workers: int):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("--engine dask", "Dask is not installed; pip install 'factcheck[dask]'") from None
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster), cluster


def run_dask(paths: list[str], settings: Settings, scheduler: str | None = None, published: datetime | None = None,
             mentions: bool = False, workers: int = 2, partition_size: int | None = None) -> Report:
    loaded = Loaded()
    files = list_inputs(paths, loaded)
    parts = partitions(files, workers, partition_size)
    client, cluster = _client(scheduler, workers)
    try:
        futures = client.map(extract_partition, parts, settings=settings, published=published, mentions=mentions, pure=False)
        results = client.gather(futures)
        unique_ids(results)
        documents = [d for r in results for d in r[0]]
        claims = sort_claims([c for r in results for c in r[1]])
        found = sort_claims([c for r in results for c in r[2]])
        problems = loaded.problems + [p for r in results for p in r[3]] + loaded.skipped
        blocks = blocks_of(claims)
        keys = sorted(blocks)
        pair_futures = client.map(block_findings, [blocks[k] for k in keys], settings=settings, pure=False)
        by_doc = defaultdict(list)
        for c in claims:
            by_doc[c.document].append(c)
        doc_futures = client.map(document_findings, [by_doc[d] for d in sorted(by_doc)], pure=False)
        findings = order_findings([f for fs in client.gather(pair_futures) + client.gather(doc_futures) for f in fs])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    report = Report(tool=ToolInfo(version=__version__), documents=documents, claims=claims,
                    mentions=found if mentions else None, findings=findings,
                    summary=Summary(documents=len(documents), claims=len(claims)),
                    problems=[p for p in problems if p.fatal] + [p for p in problems if not p.fatal])
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    report.summary.findings = {k: counts.get(k, 0) for k in ("agree", "contradict", "update")} | counts
    return report
