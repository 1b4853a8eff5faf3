"""The same pipeline on Dask (dask.distributed), for corpora beyond one machine.

Extraction is partitioned over documents (contiguous runs of files, so a worker reads each file
once); comparison is partitioned by blocking key (kind, unit, metric), since claims in different
blocks are never compared; the checks inside a document run with its extraction. Claims travel
and stay in the driver as JSON rows (claim_table), as in a local run. The driver only lists the
files, keeps document ids unique in file order exactly as the local reader does, and orders the
findings, so the JSON is byte for byte the local run's. Install with `pip install factcheck[dask]`.
"""

from __future__ import annotations

from datetime import datetime

from factcheck.api import build_report, claim_tables, extract_rows_partition, merge_partitions, partitions
from factcheck.compare import order_findings
from factcheck.compare_table import block_rows_findings, table_blocks
from factcheck.errors import ConfigError
from factcheck.ingest.loader import Loaded, list_inputs
from factcheck.model import Report
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
        futures = client.map(extract_rows_partition, parts, settings=settings, published=published, mentions=mentions,
                             pure=False)
        extracted = merge_partitions(client.gather(futures), loaded)
        claims, found = claim_tables(extracted)
        blocks = table_blocks(claims)
        pair_futures = client.map(block_rows_findings, [dict(blocks[k]) for k in sorted(blocks)], settings=settings,
                                  pure=False)
        pair_findings = [f for fs in client.gather(pair_futures) for f in fs]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    inside = [f for document in sorted(extracted.findings) for f in extracted.findings[document]]
    return build_report(extracted, claims, found if mentions else None, order_findings(pair_findings + inside))
