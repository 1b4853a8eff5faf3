"""Gating one article against a large ledger: writes a ledger of N generated claims (default
1,000,000) as JSON Lines, builds the SQLite index once, then times `factcheck gate` on one seed-style
article against it, in-process and from the command line. Wall and CPU time are both printed: on a
machine shared with other work, CPU time is the steadier figure. The index is checked by content on
every run, but only ledger files whose stat signature changed since they were hashed are read.

    python benchmarks/gate_ledger.py                 # 1,000,000 claims
    python benchmarks/gate_ledger.py --claims 100000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.extract.claims import claim_id  # noqa: E402
from factcheck.link.normalise import subject_key  # noqa: E402

CITIES = ["武汉", "成都", "南京", "西安", "合肥", "杭州", "长沙", "郑州", "济南", "青岛", "厦门", "福州", "昆明", "贵阳",
          "南宁", "兰州", "太原", "沈阳", "大连", "哈尔滨", "长春", "天津", "重庆", "深圳", "广州", "苏州", "无锡", "宁波"]
HEADS = ["人工智能计算中心", "智算中心", "超算中心", "数据中心"]
METRICS = [("compute", "PFLOPS", "算力"), ("cards", "card", "卡"), ("enterprises", "count", "企业"),
           ("racks", "rack", "标准机架"), ("utilisation", "percent", "使用率")]


def write_ledger(root: Path, n: int, per_doc: int, seed: int) -> None:
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    docs = n // per_doc
    for d in range(docs):
        doc = f"gen{d:07d}"
        lines = []
        for i in range(per_doc):
            city = rng.choice(CITIES) + (str(rng.randrange(40)) if rng.random() < 0.9 else "")
            subject = f"{city}{rng.choice(HEADS)}"
            metric, unit, word = rng.choice(METRICS)
            value = rng.randrange(1, 5000)
            start = i * 40
            claim = {
                "id": claim_id(doc, start, start + 6, "quantity"), "document": doc, "path": f"generated/{doc}.txt",
                "span": {"start": start, "end": start + 6}, "line": i + 1, "column": 1, "text": f"{value}{unit[:1]}",
                "sentence": f"{subject}{word}{value}", "kind": "quantity",
                "subject": {"text": subject, "key": subject_key(subject), "type": "facility"},
                "metric": {"text": word, "key": metric, "type": None}, "value": value, "unit": unit,
                "lower": value, "upper": value, "lower_open": False, "upper_open": False, "resolution": 1,
                "qualifier": "exact", "precision": None, "counted": None, "date": None,
                "as_of": f"20{rng.randrange(20, 25)}-0{rng.randrange(1, 10)}-15", "modality": "actual", "confidence": 0.9,
            }
            lines.append(json.dumps(claim, ensure_ascii=False, sort_keys=True))
        (root / f"{doc}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--per-doc", type=int, default=100)
    ap.add_argument("--workdir", default=None)
    args = ap.parse_args()
    work = Path(args.workdir or tempfile.mkdtemp(prefix="fc-gate-"))
    ledger = work / "claims"
    t = time.perf_counter()
    if not ledger.exists():
        write_ledger(ledger, args.claims, args.per_doc, 7)
    print(f"ledger     {args.claims:,} claims in {args.claims // args.per_doc:,} files, written in {time.perf_counter() - t:.1f} s")

    from factcheck.gate import run_gate
    from factcheck.ledger import Ledger
    from factcheck.ledger.index import LedgerIndex
    from factcheck.settings import Settings

    t = time.perf_counter()
    index = LedgerIndex(Ledger(ledger))
    rebuilt = index.refresh()
    print(f"index      {'built' if rebuilt else 'fresh'} in {time.perf_counter() - t:.1f} s ({index.count():,} claims indexed)")
    article = ROOT / "seeds" / "004_8dc7adef4a87eb04.txt"
    for attempt in range(3):
        t, cpu = time.perf_counter(), time.process_time()
        result = run_gate([str(article)], Settings(), ledger)
        seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
        print(f"gate       in-process run {attempt + 1}: {seconds:.3f} s wall, {cpu:.3f} s CPU — {result.headline()}, "
              f"{len(result.report.findings or [])} findings; {result.index_note}")
    # as an installed package runs: with compiled bytecode (pip writes it at install time; the
    # environment may forbid writing it, so the child keeps it in a folder of its own, written by a
    # first run that is not counted)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    cmd = [sys.executable, "-m", "factcheck", "gate", str(article), "--ledger", str(ledger),
           "--fail-on", "never", "--format", "json", "-o", str(work / "gate.json")]
    subprocess.run(cmd, capture_output=True, env=env)
    for attempt in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        print(f"gate       command line (with start-up) run {attempt + 1}: {wall:.3f} s wall, {cpu:.3f} s CPU, "
              f"exit {proc.returncode}; {proc.stderr.strip().splitlines()[0] if proc.stderr.strip() else ''}")
    print(f"workdir    {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
