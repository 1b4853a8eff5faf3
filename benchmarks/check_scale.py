"""How `factcheck check` scales: generated corpora of 100, 1,000 and 10,000 articles (and more with
--sizes), each timed end to end in a child process (so start-up is counted, as a user sees it),
with peak memory. Prints seconds, articles per second, the ratio between sizes, and peak RSS.

    python benchmarks/check_scale.py                    # 100, 1000, 10000 with --jobs 1 and 2
    python benchmarks/check_scale.py --sizes 100 1000 --jobs 2
    python benchmarks/check_scale.py --sizes 10000 --jobs 1 2 --cache   # also a run that fills a fresh
                                                                      # cache and a second run from it
    python benchmarks/check_scale.py --news --sizes 2000 10000 --jobs 1 2   # news corpora (make_corpus --news):
        # each planted fact recurs across many articles; the n-th size runs with the n-th --jobs; memory is
        # all processes together; the comparison stage is timed apart; findings are scored against the plan
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def make(n: int, root: Path) -> Path:
    out = root / f"c{n}"
    if not out.exists():
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(n), str(out), "--seed", "7"], check=True,
                       capture_output=True)
    return out


_PROBE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
          "subprocess.run(sys.argv[1:], check=True, capture_output=True); "
          "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def timed(cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one run, in a fresh probe process so peaks never carry over;
    with --jobs the peak is the largest single process (the parent or one worker)."""
    out = subprocess.run([sys.executable, "-c", _PROBE, *cmd], check=True, capture_output=True, text=True,
                         cwd=cwd).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def cached_runs(corpus: Path, n: int, jobs: int, cold: float, expected: bytes) -> None:
    """Fill a fresh cache (its own folder, as a user's first cached run), then run from it."""
    with tempfile.TemporaryDirectory(prefix="fc-cache-") as home:
        cmd = [sys.executable, "-m", "factcheck", "check", str(corpus), "--format", "json", "-o", "out.json",
               "--jobs", str(jobs)]
        filling, _ = timed(cmd, Path(home))
        warm, peak = timed(cmd, Path(home))
        same = (Path(home) / "out.json").read_bytes() == expected
        print(f"{n:>9,} {jobs:>4} {warm:>8.2f} {n / warm:>10.1f} {peak:>9.0f}  from the cache: filling it took "
              f"{filling:.2f} s; {cold / warm:.1f}x faster than --no-cache; JSON {'identical' if same else 'DIFFERS'}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--workdir", default=None, help="where corpora are generated (kept between runs)")
    ap.add_argument("--cache", action="store_true", help="also time a run that fills a fresh cache, then one from it")
    ap.add_argument("--news", action="store_true", help="news corpora: facts that recur across many articles")
    args = ap.parse_args()
    root = Path(args.workdir or tempfile.mkdtemp(prefix="fc-scale-"))
    if args.news:
        sys.path.insert(0, str(HERE))
        from scale_news import news_rows

        jobs = args.jobs + [args.jobs[-1]] * (len(args.sizes) - len(args.jobs))
        news_rows(args.sizes, dict(zip(args.sizes, jobs, strict=False)), root)
        print(f"corpora in {root}")
        return 0
    rows = []
    print(f"{'articles':>9} {'jobs':>4} {'seconds':>8} {'articles/s':>10} {'peak MiB':>9}  findings")
    for n in args.sizes:
        corpus = make(n, root)
        for jobs in args.jobs:
            out = root / f"out{n}-{jobs}.json"
            seconds, peak = timed([sys.executable, "-m", "factcheck", "check", str(corpus), "--format", "json",
                                   "-o", str(out), "--no-cache", "--jobs", str(jobs)])
            summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
            rows.append((n, jobs, seconds))
            print(f"{n:>9,} {jobs:>4} {seconds:>8.2f} {n / seconds:>10.1f} {peak:>9.0f}  {summary['findings']}")
            if args.cache:
                cached_runs(corpus, n, jobs, seconds, out.read_bytes())
    for jobs in args.jobs:
        times = [(n, s) for n, j, s in rows if j == jobs]
        for (n1, s1), (n2, s2) in zip(times, times[1:], strict=False):
            print(f"jobs {jobs}: {n1:,} -> {n2:,} articles ({n2 / n1:.0f}x) took {s2 / s1:.1f}x the time")
    print(f"corpora in {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
