"""The news-corpus half of check_scale.py: timing with the memory of all processes together, the
comparison stage on its own, and the findings scored against what make_corpus --news planted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def make_news(n: int, root: Path, seed: int = 7) -> Path:
    out = root / f"news{n}"
    if not (out / "expected.json").exists():
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(n), str(out), "--news", "--seed", str(seed)],
                       check=True, capture_output=True)
    return out


def _tree_rss(pid: int) -> int:
    """RSS in KiB of a process and all its descendants (from /proc)."""
    total, todo = 0, [pid]
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def run_all_processes(cmd: list[str]) -> tuple[float, float, float]:
    """Seconds, CPU seconds and the peak of the summed RSS (MiB) of the command and every process
    it starts (CPU seconds tell the work apart from waiting on a machine shared with others)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - t
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, peak / 1024


_STAGES = r"""
import json, resource, sys, time
from factcheck.api import extract_rows, claim_tables, _compare
from factcheck.settings import Settings
t0 = time.perf_counter()
settings = Settings()
ex = extract_rows([sys.argv[1]], settings, jobs=int(sys.argv[2]))
claims, _ = claim_tables(ex)
t1 = time.perf_counter(); before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
import tracemalloc
findings = _compare(ex, claims, settings, None)
t2 = time.perf_counter(); after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"extract_s": t1 - t0, "compare_s": t2 - t1, "rss_before_mib": before / 1024,
                  "rss_after_mib": after / 1024, "findings": len(findings), "claims": len(claims)}))
"""


def stages(corpus: Path, jobs: int) -> dict:
    out = subprocess.run([sys.executable, "-c", _STAGES, str(corpus), str(jobs)], check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def _same_value(planted: str, v: dict) -> bool:
    if isinstance(v.get("value"), str):
        return v["value"] == planted
    try:
        return float(v["value"]) == float(planted)
    except (TypeError, ValueError):
        return False


def score(corpus: Path, report: dict) -> dict:
    """Findings against the plan: how many, which planted facts they cover, contradictions found,
    origin counts never above the planted origins, and the findings nobody planted."""
    expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    meta = expected["meta"]
    by_subject: dict[str, list[dict]] = {}
    for story in expected["stories"]:
        by_subject.setdefault(story["subject"], []).append(story)
    findings = report["findings"]
    matched_steps: dict[int, list[dict]] = {}
    unplanted = []
    updates = 0
    update_steps: set[int] = set()
    basis_changes = 0
    for f in findings:
        stories = by_subject.get((f.get("subject") or {}).get("text", ""), [])
        hit = False
        for story in stories:
            for step in story["steps"]:
                if any(_same_value(step["value"], v) for v in f["values"]):
                    matched_steps.setdefault(step["id"], []).append(f)
                    hit = True
        if f["kind"] == "update" and hit:
            updates += 1
            basis_changes += bool(f.get("basis_change"))
            for story in stories:
                for a, b in zip(story["steps"], story["steps"][1:], strict=False):
                    if any(_same_value(a["value"], v) for v in f["values"]) and any(_same_value(b["value"], v) for v in f["values"]):
                        update_steps.add(b["id"])
        if not hit:
            unplanted.append(f)
    steps = [s for st in expected["stories"] for s in st["steps"]]
    contradictions_found = 0
    origin_over = origin_exact = origin_checked = 0
    facts_found = 0
    for s in steps:
        fs = [f for f in matched_steps.get(s["id"], []) if f["kind"] in ("agree", "contradict")]
        if fs:
            facts_found += 1
        if s["outlier"] and any(f["kind"] == "contradict" and any(_same_value(s["outlier"], v) for v in f["values"])
                                for f in fs):
            contradictions_found += 1
        for f in fs:
            for v in f["values"]:
                if _same_value(s["value"], v):
                    origin_checked += 1
                    origin_over += v["origins"] > s["origins"]
                    origin_exact += v["origins"] == s["origins"]
    bound = meta["facts"] + meta["series_steps"] + meta["outliers"]
    return {
        "findings": len(findings), "bound (facts + steps + outliers)": bound,
        "planted facts": meta["facts"], "facts with their finding": facts_found,
        "series steps": meta["series_steps"], "updates found": updates, "planted steps found": len(update_steps),
        "basis changes": meta["basis_changes"], "basis-change updates found": basis_changes,
        "steps missed": [(st["subject"], b["value"]) for st in expected["stories"] for b in st["steps"][1:]
                         if b["id"] not in update_steps][:5],
        "outliers": meta["outliers"], "planted contradictions found": contradictions_found,
        "values checked for origins": origin_checked, "origins above planted": origin_over,
        "origins equal to planted": origin_exact, "unplanted findings": len(unplanted),
        "unplanted examples": [f["why"][:160] for f in unplanted[:5]],
    }


def news_rows(sizes: list[int], jobs_for: dict[int, int], root: Path) -> None:
    print(f"{'articles':>9} {'jobs':>4} {'seconds':>8} {'CPU s':>7} {'MiB all':>8} {'compare':>9} {'':>11}  "
          "findings / bound   (load average at the start)")
    for n in sizes:
        corpus = make_news(n, root)
        jobs = jobs_for.get(n, 1)
        out = root / f"news-out{n}-{jobs}.json"
        load = os.getloadavg()[0]
        seconds, cpu, peak = run_all_processes([sys.executable, "-m", "factcheck", "check", str(corpus), "--format", "json",
                                           "-o", str(out), "--no-cache", "--jobs", str(jobs)])
        result = score(corpus, json.loads(out.read_text(encoding="utf-8")))
        print(f"{n:>9,} {jobs:>4} {seconds:>8.2f} {cpu:>7.1f} {peak:>8.0f} {'(below)':>9} {'':>11}  "
              f"{result['findings']} / {result['bound (facts + steps + outliers)']}   ({load:.1f})", flush=True)
        for k, v in result.items():
            if k != "unplanted examples":
                print(f"      {k}: {v}")
        for why in result["unplanted examples"]:
            print(f"      unplanted: {why}")
        st = stages(corpus, jobs)  # a second run, in one process tree, that times the stages apart
        grown = st["rss_after_mib"] - st["rss_before_mib"]
        print(f"      stages: extraction {st['extract_s']:.2f} s; comparison {st['compare_s']:.2f} s, peak RSS "
              f"{st['rss_before_mib']:.0f} → {st['rss_after_mib']:.0f} MiB ({grown:+.0f})", flush=True)
