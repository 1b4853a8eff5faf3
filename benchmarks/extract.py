#!/usr/bin/env python3
# ruff: noqa: E402
"""Extraction throughput in one process, through the library API (not the CLI).

    python benchmarks/extract.py [--mb 5] [--corpus DIR] [--profile] [--tracemalloc]

Reads at least --mb MiB of article files (the seeds repeated by default, or the files of a
corpus written by make_corpus.py, repeated if the corpus is smaller) and, per document, times

  ingest   iter_sources(): read the file, decode, front matter, HTML to text with offsets,
           pinyin glosses, width and script normalisation, noise ranges;
  extract  extract_source(): dates, quantities, entities, subjects, metrics, claims + mentions.

Claims and mentions are kept in lists, as factcheck.api.read_and_extract keeps them.  A warm-up
document (lexicon, pint registry, regex compilation) is run before timing and reported apart.
Prints characters/s and documents/s (wall clock, and CPU time of the process, which is steadier on
a busy machine), claims found and peak memory (peak RSS from getrusage; with
--tracemalloc also the Python heap peak, which slows the run: its timings are not comparable).
Every exception raised by factcheck is caught per document, counted and shown with its file.
--profile runs the timed part under cProfile and prints the top 25 functions by cumulative
time and by own time.

--whole-process measures the command as a user runs it instead: it writes --mb MiB of the seeds'
article text (front matter and HTML removed, the title and date kept) as one JSON Lines file, one
record per article copy with its own id, and runs `python -m factcheck extract FILE --format json
--no-cache` on it --runs times (start-up, reading, extraction and JSON output all counted; the JSON
goes to a pipe that is read and dropped; a first run, not counted, writes the compiled bytecode
that an installed package has, in a folder of its own). It prints characters of text per second of wall time
(the issue's measure) and of CPU time (user + system of the command and its worker processes), and
the load average before each run (wall time on a shared machine depends on it). The command runs
with its default --jobs (one worker per core for 2 MiB of JSON Lines or more: the file is shared
out by byte ranges); `--jobs 1` (or several, `--jobs default --jobs 1`, alternated run by run)
times other settings. When jionlp is installed (it is not a dependency of
factcheck: `pip install jionlp` to compare) it also times jionlp.extract_time + jionlp.extract_money
on the records of the first --jionlp-mb MiB of the same file, in this process after its import, and
prints the ratio. Without jionlp that comparison is skipped with a note.
"""

from __future__ import annotations

import time

_T_START = time.perf_counter()

import argparse  # noqa: E402
import cProfile
import inspect
import io
import json
import os
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
try:  # the installed (editable) package, or one named by PYTHONPATH (a snapshot, another checkout)
    import factcheck
except ImportError:
    sys.path.insert(0, str(ROOT))
    import factcheck

from factcheck.extract.claims import extract_source  # noqa: E402
from factcheck.ingest import Loaded, iter_sources  # noqa: E402
from factcheck.settings import Settings  # noqa: E402

_T_IMPORT = time.perf_counter() - _T_START

SUFFIXES = {".txt", ".md", ".html", ".htm"}
# newer factcheck builds mentions (values that are not claims) only when asked; older always does
HAS_MENTIONS_FLAG = "mentions" in inspect.signature(extract_source).parameters


def article_files(folder: Path) -> list[Path]:
    files = [p for p in sorted(folder.iterdir()) if p.is_file() and p.suffix.lower() in SUFFIXES
             and p.stem.upper() not in {"README", "LICENSE", "CHANGELOG"}]
    if not files:
        raise SystemExit(f"no article files in {folder}")
    return files


def workload(files: list[Path], min_bytes: int) -> tuple[list[Path], int]:
    """Files in order, cycling, until at least min_bytes are queued."""
    sizes = [p.stat().st_size for p in files]
    out, total, i = [], 0, 0
    while total < min_bytes:
        out.append(files[i % len(files)])
        total += sizes[i % len(files)]
        i += 1
    return out, total


def code_version() -> str:
    """Which factcheck is measured: its folder, and the commit when it is this checkout."""
    pkg = Path(factcheck.__file__).resolve().parent
    if pkg != ROOT / "factcheck":
        return str(pkg)
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h"], capture_output=True,
                              text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "factcheck"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return str(pkg)
    return f"{pkg} at {head or '?'}" + (f" + {len(dirty.splitlines())} uncommitted files" if dirty else "")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def current_rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return float("nan")


class Run:
    def __init__(self):
        self.docs = self.chars = self.bytes = 0
        self.t_ingest = self.t_extract = 0.0  # wall clock
        self.c_ingest = self.c_extract = 0.0  # CPU time of this process
        self.claims: list = []
        self.mentions: list = []
        self.errors: list[tuple[str, str, str, str]] = []  # path, stage, exception, where
        self.problems: list = []


def _where(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/factcheck/" in f.filename]
    f = frames[-1] if frames else traceback.extract_tb(exc.__traceback__)[-1]
    return f"{Path(f.filename).relative_to(ROOT) if str(f.filename).startswith(str(ROOT)) else f.filename}:{f.lineno} {f.name}"


def one(path: Path, settings: Settings, run: Run, keep: bool, mentions: bool = False) -> None:
    loaded = Loaded()
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        source = next(iter_sources([str(path)], loaded, max_bytes=settings.max_bytes), None)
    except Exception as exc:  # noqa: BLE001 - a benchmark counts failures and goes on
        run.t_ingest += time.perf_counter() - t0
        run.c_ingest += time.process_time() - c0
        run.errors.append((str(path), "ingest", f"{type(exc).__name__}: {exc}", _where(exc)))
        return
    t1, c1 = time.perf_counter(), time.process_time()
    run.t_ingest += t1 - t0
    run.c_ingest += c1 - c0
    run.problems.extend(loaded.problems)
    if source is None:
        return
    try:
        if HAS_MENTIONS_FLAG:
            extraction = extract_source(source, settings.tolerance_fraction, mentions=mentions)
        else:
            extraction = extract_source(source, settings.tolerance_fraction)
    except Exception as exc:  # noqa: BLE001
        run.t_extract += time.perf_counter() - t1
        run.c_extract += time.process_time() - c1
        run.errors.append((str(path), "extract", f"{type(exc).__name__}: {exc}", _where(exc)))
        return
    run.t_extract += time.perf_counter() - t1
    run.c_extract += time.process_time() - c1
    run.docs += 1
    run.chars += len(source.raw)
    run.bytes += path.stat().st_size
    if keep:
        run.claims.extend(extraction.claims)
        run.mentions.extend(extraction.mentions)
    else:
        run.claims.append(len(extraction.claims))
        run.mentions.append(len(extraction.mentions))


def seed_records(folder: Path) -> list[dict]:
    """Each article of folder as a JSON Lines record: its text without front matter or HTML, title, date."""
    from factcheck.ingest.decode import decode
    from factcheck.ingest.front_matter import split_front_matter
    from factcheck.ingest.html_text import html_to_textmap, looks_like_html

    records = []
    for p in article_files(folder):
        raw = decode(p.read_bytes(), str(p))[0]
        meta, start = split_front_matter(raw, str(p))
        body = raw[start:]
        text = html_to_textmap(body, start)[0].text if looks_like_html(body) else body
        record = {"id": p.stem, "text": text.strip()}
        for key, name in (("title", "title"), ("date", "published")):
            if meta.get(key) is not None:
                record[name] = str(meta[key])
        records.append(record)
    return records


def write_jsonl(records: list[dict], min_bytes: int, dest: Path) -> tuple[int, int, int]:
    """Copies of records, each with its own id, until at least min_bytes are written: (records, chars, bytes)."""
    n = chars = size = 0
    with open(dest, "w", encoding="utf-8") as fh:
        while size < min_bytes:
            r = records[n % len(records)]
            line = json.dumps(r | {"id": f"{r['id']}-{n // len(records)}"}, ensure_ascii=False) + "\n"
            fh.write(line)
            n, chars, size = n + 1, chars + len(r["text"]), size + len(line.encode())
    return n, chars, size


def jionlp_rate(dest: Path, max_bytes: int) -> tuple[float, float, int, int] | None:
    """(wall s, CPU s, chars, records) of jionlp.ner.extract_time + extract_money over the records in
    the first max_bytes of dest, or None when jionlp is not installed."""
    try:
        import contextlib

        with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
            import jionlp
    except ImportError:
        return None
    if not hasattr(jionlp, "ner"):  # a folder left by an uninstall imports as an empty namespace package
        return None
    from factcheck.ingest.published import parse_timestamp

    records, size = [], 0
    with open(dest, encoding="utf-8") as fh:
        for line in fh:
            records.append(json.loads(line))
            size += len(line.encode())
            if size >= max_bytes:
                break
    jionlp.ner.extract_time(records[0]["text"][:200], time_base=time.time())  # warm-up (lexicons load lazily)
    jionlp.ner.extract_money(records[0]["text"][:200])
    chars = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for r in records:
        when = parse_timestamp(r.get("published")) if r.get("published") else None
        jionlp.ner.extract_time(r["text"], time_base=when.timestamp() if when else time.time())
        jionlp.ner.extract_money(r["text"])
        chars += len(r["text"])
    return time.perf_counter() - t0, time.process_time() - c0, chars, len(records)


def default_jobs(dest: Path) -> str:
    """What --jobs comes to for dest when it is not given, as this factcheck decides it."""
    try:
        from factcheck.api import auto_jobs
    except ImportError:
        return ""
    return f" (default comes to {auto_jobs([str(dest)])} for this file)"


def whole_process(args) -> int:
    """factcheck extract on a JSON Lines file of the seeds' text, as a user runs it (see the docstring)."""
    folder = args.corpus or ROOT / "seeds"
    work = Path(tempfile.mkdtemp(prefix="fc-bench-"))
    dest = work / "seeds.jsonl"
    n, chars, size = write_jsonl(seed_records(folder), int(args.mb * 2**20), dest)
    cmd = [sys.executable, "-m", "factcheck", "extract", str(dest), "--format", "json", "--no-cache"]
    settings = args.jobs or ["default"]
    print(f"code       factcheck {factcheck.__version__} from {code_version()}; Python {sys.version.split()[0]}")
    print(f"input      {dest}: {n:,} records (the {len(seed_records(folder))} articles of {folder}, copied), "
          f"{size / 2**20:.2f} MiB, {chars:,} characters of text")
    print(f"command    {' '.join(cmd[1:])} > pipe")
    print(f"jobs       {', '.join(settings)}{default_jobs(dest)}; {os.cpu_count()} cores")
    # as an installed package runs: with its compiled bytecode (pip writes it at install time). The
    # environment may forbid writing it (PYTHONDONTWRITEBYTECODE); the child keeps it in a folder of
    # its own instead, written by a warm-up run that is not counted.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=work, env=env)
    walls: dict[str, list[float]] = {j: [] for j in settings}
    cpus: dict[str, list[float]] = {j: [] for j in settings}
    loads: list[float] = []
    for i in range(args.runs * len(settings)):
        jobs = settings[i % len(settings)]
        load = os.getloadavg()[0]
        loads.append(load)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd + ([] if jobs == "default" else ["--jobs", jobs]), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, cwd=work, env=env)
        out_bytes = 0
        while chunk := proc.stdout.read(1 << 20):
            out_bytes += len(chunk)
        stderr = proc.stderr.read().decode(errors="replace")
        code = proc.wait()
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if code != 0:
            print(f"run {i + 1}      exit {code}: {stderr.strip()[:300]}")
            return 1
        walls[jobs].append(wall)
        cpus[jobs].append(cpu)
        print(f"run {i + 1:<3}    jobs {jobs:<8} load {load:5.2f} | wall {wall:6.2f} s {chars / wall:12,.0f} chars/s | "
              f"CPU {cpu:6.2f} s {chars / cpu:12,.0f} chars/s | JSON out {out_bytes / 2**20:.1f} MiB")
    for jobs in settings:
        best, median = min(walls[jobs]), sorted(walls[jobs])[len(walls[jobs]) // 2]
        print(f"factcheck  jobs {jobs}: best wall {best:.2f} s: {chars / best:,.0f} chars/s; median {median:.2f} s: "
              f"{chars / median:,.0f} chars/s; best CPU {chars / min(cpus[jobs]):,.0f} chars/s (target 1,000,000 "
              f"by wall time)")
    print(f"load       1-minute load average before the runs: {min(loads):.2f}–{max(loads):.2f} "
          f"({os.cpu_count()} cores; above that, the runs shared the cores with other work)")
    best = min(min(w) for w in walls.values())
    cpus_best = min(min(c) for c in cpus.values())
    theirs = jionlp_rate(dest, int(args.jionlp_mb * 2**20))
    if theirs is None:
        print("jionlp     not installed: comparison skipped (pip install jionlp; it is not a factcheck dependency)")
    else:
        wall, cpu, jchars, recs = theirs
        print(f"jionlp     extract_time + extract_money on {recs} records ({jchars:,} chars, in-process, after import): "
              f"wall {wall:.2f} s {jchars / wall:,.0f} chars/s | CPU {cpu:.2f} s {jchars / cpu:,.0f} chars/s")
        print(f"ratio      factcheck whole process / jionlp: {chars / best / (jchars / wall):.1f}x by wall time "
              f"(target 3x), {chars / cpus_best / (jchars / cpu):.1f}x by CPU time")
    if not args.keep:
        shutil.rmtree(work)
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=5.0, help="MiB of article text to read (default 5)")
    ap.add_argument("--corpus", type=Path, default=None, help="folder of articles (default: the seeds)")
    ap.add_argument("--profile", action="store_true", help="run under cProfile, print the top 25 functions")
    ap.add_argument("--top", type=int, default=25, help="rows of the profile (default 25)")
    ap.add_argument("--tracemalloc", action="store_true", help="also trace the Python heap peak (slower)")
    ap.add_argument("--discard", action="store_true", help="count claims and drop them instead of keeping them")
    ap.add_argument("--mentions", action="store_true",
                    help="also build mentions (values that are not claims), as `factcheck extract --mentions`; "
                         "factcheck versions without the option always build them")
    ap.add_argument("--whole-process", action="store_true",
                    help="time `factcheck extract FILE.jsonl --format json` as a separate process (see above)")
    ap.add_argument("--runs", type=int, default=3, help="--whole-process: how many runs of each --jobs (default 3)")
    ap.add_argument("--jobs", action="append", default=None, metavar="N|default",
                    help="--whole-process: pass --jobs N to the command (default: not passed, the command's own "
                         "choice); give it more than once to alternate settings run by run")
    ap.add_argument("--jionlp-mb", type=float, default=0.25,
                    help="--whole-process: MiB of the same records for jionlp (default 0.25; it is slow)")
    ap.add_argument("--keep", action="store_true", help="--whole-process: keep the JSON Lines file")
    args = ap.parse_args(argv)
    if args.whole_process:
        return whole_process(args)

    folder = args.corpus or ROOT / "seeds"
    files = article_files(folder)
    paths, queued = workload(files, int(args.mb * 2**20))
    settings = Settings()

    # warm-up: lexicon, pint registry, compiled patterns, caches
    t0 = time.perf_counter()
    one(files[0], settings, Run(), keep=False)
    t_warm = time.perf_counter() - t0
    rss_before = current_rss_mb()

    if args.tracemalloc:
        import tracemalloc

        tracemalloc.start()
    prof = cProfile.Profile() if args.profile else None
    run = Run()
    t0, c0 = time.perf_counter(), time.process_time()
    if prof:
        prof.enable()
    for p in paths:
        one(p, settings, run, keep=not args.discard, mentions=args.mentions)
    if prof:
        prof.disable()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    heap_peak = None
    if args.tracemalloc:
        heap_peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()

    n_claims = sum(run.claims) if args.discard else len(run.claims)
    n_mentions = sum(run.mentions) if args.discard else len(run.mentions)
    reps = len(paths) / len(files)
    print(f"code       factcheck {factcheck.__version__} from {code_version()}; Python {sys.version.split()[0]}")
    print(f"input      {folder} ({len(files)} files, x{reps:.1f}): {len(paths)} documents queued, "
          f"{queued / 2**20:.2f} MiB")
    print(f"read       {run.docs} documents, {run.bytes / 2**20:.2f} MiB, {run.chars:,} characters "
          f"({run.chars / max(1, run.docs):,.0f} per document)")
    print(f"start-up   import {_T_IMPORT:.2f} s, warm-up {t_warm:.2f} s (first document: lexicon, pint, regexes); "
          "not in the figures below")
    def row(name, t, c, what):
        print(f"{name:<10} wall {t:7.2f} s {run.chars / t:10,.0f} chars/s {run.docs / t:7.1f} docs/s | "
              f"CPU {c:7.2f} s {run.chars / c:10,.0f} chars/s {run.docs / c:7.1f} docs/s  {what}")

    row("ingest", run.t_ingest, run.c_ingest, "(read, decode, front matter, HTML strip, normalise)")
    row("extract", run.t_extract, run.c_extract, "(extract_source: dates, quantities, entities, subjects, claims)")
    row("total", wall, cpu, f"(ingest {run.c_ingest / cpu:.0%}, extract {run.c_extract / cpu:.0%} of CPU; "
                            f"{run.bytes / 2**20 / cpu:.3f} MiB/s CPU)")
    if wall > 1.15 * cpu:
        print(f"note       wall time is {wall / cpu:.2f}x CPU time: the machine is busy; CPU figures are the steadier ones")
    built = "built" if (args.mentions or not HAS_MENTIONS_FLAG) else "not asked for"
    print(f"found      {n_claims:,} claims ({n_claims / max(1, run.docs):.1f} per document), "
          f"{n_mentions:,} mentions ({built}; claims included){', discarded' if args.discard else ', kept in memory'}")
    print(f"memory     peak RSS {rss_mb():.0f} MiB (RSS after warm-up {rss_before:.0f} MiB)"
          + (f", Python heap peak {heap_peak:.1f} MiB (tracemalloc)" if heap_peak is not None else ""))
    print(f"problems   {len(run.problems)} unreadable inputs reported by ingest, {len(run.errors)} exceptions")
    if run.errors:
        kinds = Counter((stage, msg.split(':')[0], where) for _, stage, msg, where in run.errors)
        for (stage, exc, where), n in kinds.most_common():
            example = next(e for e in run.errors if e[1] == stage and e[3] == where)
            print(f"  {n:5d} x {stage}: {exc} at {where}\n          e.g. {example[0]}: {example[2][:160]}")
    if prof:
        out = io.StringIO()
        st = pstats.Stats(prof, stream=out)
        st.sort_stats("cumulative").print_stats(args.top)
        st.sort_stats("tottime").print_stats(args.top)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
