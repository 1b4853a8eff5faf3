#!/usr/bin/env python3
"""Score factcheck's extraction (and, with --compare, its findings) against a generated corpus.

    python benchmarks/check_corpus.py CORPUS_DIR [--compare] [--show 20]

CORPUS_DIR is the output of make_corpus.py (articles + expected.json).  Prints, for the planted
claims: recall (a claim at the planted figure), value accuracy (same interval), subject accuracy
(subject key == the planted subject), the metric keys used, the claims that match nothing planted
(false positives: noise that became a claim), and for the planted pairs how many are linkable
(both sides found with one subject key and one metric key).  --compare also runs
factcheck.compare.compare_claims and counts how many planted pairs get the expected finding.
Every score is printed overall and by language (zh, en; pairs: zh, en, en-zh for cross-language).
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import time
from pathlib import Path

try:  # the installed (editable) package, or one named by PYTHONPATH
    import factcheck  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.api import read_and_extract  # noqa: E402
from factcheck.settings import Settings  # noqa: E402

_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)")
_FOLD = str.maketrans("０１２３４５６７８９％", "0123456789%")


def norm(text: str) -> str:
    return _GLOSS.sub("", text).translate(_FOLD).replace(" ", "").replace(",", "")


def digits(text: str) -> str:
    return "".join(re.findall(r"\d+(?:\.\d+)?", norm(text)))


def close(x, y) -> bool:
    if x is None or y is None:
        return x is None and y is None
    return abs(x - y) <= 1e-6 * max(1.0, abs(x), abs(y))


def value_ok(claim, side) -> bool:
    if "date" in side:
        return claim.date is not None and claim.date.start == side["date"]["start"] and claim.date.end == side["date"]["end"]
    lo, hi = side["interval"]
    if side["qualifier"] == "exact":  # the extractor keeps the point and its resolution
        return close(claim.value, side["value"])
    return close(claim.lower, lo) and close(claim.upper, hi)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--compare", action="store_true", help="also run compare_claims and score the planted pairs")
    ap.add_argument("--show", type=int, default=15, help="examples of each kind of miss to print")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    settings = Settings()
    t0 = time.perf_counter()
    _, claims, _, sources, loaded = read_and_extract([str(corpus)], settings)
    t_extract = time.perf_counter() - t0
    by_file = collections.defaultdict(list)
    for c in claims:
        by_file[Path(c.path).name].append(c)

    planted = []  # (side dict, subject, metric, pair id or None, role); lang: "zh" in corpora made before --en-rate
    for p in expected["pairs"]:
        for role in "ab":
            planted.append((p[role], p["subject"], p["metric"], p["id"], role))
    for s in expected["singletons"]:
        planted.append((s, s["subject"], s["metric"], None, None))

    matched: dict[tuple, object] = {}
    used: set[str] = set()
    misses = collections.defaultdict(list)
    n_val = n_subj = 0
    by_lang = collections.defaultdict(collections.Counter)  # lang -> planted, found, value, subject
    file_lang: dict[str, str] = {}
    metric_keys = collections.Counter()
    for side, subject, metric, pid, role in planted:
        lang = side.get("lang", "zh")
        file_lang[side["file"]] = lang
        by_lang[lang]["planted"] += 1
        want, want_digits = norm(side["text"]), digits(side["text"])
        cands = [c for c in by_file[side["file"]] if c.id not in used and digits(c.text) == want_digits
                 and (norm(c.text) in want or want in norm(c.text))]
        written = norm(side.get("subject_as_written", ""))
        cands.sort(key=lambda c: written not in norm(c.sentence))  # the planted sentence first
        if not cands:
            misses["not found"].append(f'{side["file"]}: {side["text"]!r} ({subject}, {metric})')
            continue
        c = cands[0]
        used.add(c.id)
        by_lang[lang]["found"] += 1
        matched[(pid, role) if pid else (side["file"], side["text"])] = c
        if value_ok(c, side):
            n_val += 1
            by_lang[lang]["value"] += 1
        else:
            misses["wrong value"].append(f'{side["file"]}: {side["text"]!r} planted {side.get("interval") or side.get("date")} '
                                         f'got [{c.lower}, {c.upper}] {c.date}')
        if c.subject and c.subject.key == subject:
            n_subj += 1
            by_lang[lang]["subject"] += 1
        else:
            misses["wrong subject"].append(f'{side["file"]}: {side["text"]!r} planted {subject} got '
                                           f'{c.subject.key if c.subject else None}')
        metric_keys[(metric, c.metric.key if c.metric else None)] += 1
    extra = [c for c in claims if c.id not in used]

    total = len(planted)
    found = total - len(misses["not found"])
    print(f"corpus {corpus}: {len(sources)} documents, {len(claims)} claims, extraction {t_extract:.1f} s, "
          f"{len(loaded.problems)} unreadable")
    print(f"planted claims {total}: found {found} ({found / max(1, total):.3f}), value right {n_val} "
          f"({n_val / max(1, found):.3f} of found), subject right {n_subj} ({n_subj / max(1, found):.3f} of found)")
    for lang in sorted(by_lang):
        n = by_lang[lang]
        print(f"  {lang}: planted {n['planted']}: found {n['found']} ({n['found'] / max(1, n['planted']):.3f}), "
              f"value right {n['value']} ({n['value'] / max(1, n['found']):.3f} of found), "
              f"subject right {n['subject']} ({n['subject'] / max(1, n['found']):.3f} of found)")
    extra_by_lang = collections.Counter(file_lang.get(Path(c.path).name, "?") for c in extra)
    print(f"claims matching nothing planted (noise or split figures): {len(extra)} {dict(sorted(extra_by_lang.items()))}")
    linkable = collections.Counter()
    pairs_by_langs = collections.Counter(p.get("langs", "zh") for p in expected["pairs"])
    for p in expected["pairs"]:
        a, b = matched.get((p["id"], "a")), matched.get((p["id"], "b"))
        if a and b and a.subject and b.subject and a.subject.key == b.subject.key and a.metric and b.metric \
                and a.metric.key == b.metric.key:
            linkable[p.get("langs", "zh")] += 1
    print(f"planted pairs {len(expected['pairs'])}: both sides found with one subject key and one metric key: "
          f"{sum(linkable.values())} (" + ", ".join(f"{k} {linkable[k]}/{n}" for k, n in sorted(pairs_by_langs.items())) + ")")
    print("metric keys (planted -> extracted), most common:")
    for (m, k), n in metric_keys.most_common(25):
        print(f"  {m:>18} -> {k}: {n}")
    for kind, rows in misses.items():
        print(f"{kind}: {len(rows)}")
        for r in rows[: args.show]:
            print("   ", r)
    texts = collections.Counter(norm(c.text) for c in extra)
    print("unplanted claims, most common texts:", texts.most_common(args.show))
    for c in extra[: args.show]:
        print(f"    {Path(c.path).name}:{c.line}:{c.column} {c.text!r} | {c.sentence[:70]}")

    if args.compare:
        import inspect

        from factcheck.compare import compare_claims

        # older snapshots take the sources third; since bd18a93 the third parameter is focus
        extra_args = {"sources": sources} if "sources" in inspect.signature(compare_claims).parameters else {}
        t0 = time.perf_counter()
        findings = compare_claims(claims, settings, **extra_args)
        t_cmp = time.perf_counter() - t0
        # a finding is one fact (or step): a planted pair is found when one finding holds both claims
        by_claim = collections.defaultdict(list)
        for f in findings:
            for i in f.claims:
                by_claim[i].append(f)

        class _Pairs(dict):
            def get(self, pair, default=None):
                a, b = tuple(pair)
                kinds = {f.kind for f in by_claim.get(a, []) if b in f.claims}
                return kinds or default

        by_pair = _Pairs()
        right = collections.Counter()  # (langs, kind)
        planted_n = collections.Counter()
        got = collections.Counter()
        for p in expected["pairs"]:
            langs = p.get("langs", "zh")
            planted_n[(langs, p["kind"])] += 1
            a, b = matched.get((p["id"], "a")), matched.get((p["id"], "b"))
            if not (a and b):
                continue
            kinds = by_pair.get(frozenset({a.id, b.id}), set())
            got[(p["kind"], "/".join(sorted(kinds)) or "none", langs)] += 1
            if p["kind"] in kinds:
                right[(langs, p["kind"])] += 1
        counts = collections.Counter(f.kind for f in findings)
        print(f"compare: {len(findings)} findings in {t_cmp:.1f} s {dict(counts)}")
        kinds3 = ("agree", "update", "contradict")
        print("planted pairs with the expected finding:",
              {k: f"{sum(right[(g, k)] for g in pairs_by_langs)}/{expected['meta']['pairs_by_kind'][k]}" for k in kinds3})
        for g in sorted(pairs_by_langs):
            print(f"  {g}:", {k: f"{right[(g, k)]}/{planted_n[(g, k)]}" for k in kinds3})
        for (k, f, g), n in sorted(got.items()):
            print(f"  planted {k:>10} -> found {f} ({g}): {n}")
        planted_sets = set()
        for p in expected["pairs"]:
            a, b = matched.get((p["id"], "a")), matched.get((p["id"], "b"))
            if a and b:
                planted_sets.add(frozenset({a.id, b.id}))
        by_id = {c.id: c for c in claims}
        stray = [f for f in findings if len(f.claims) == 2 and frozenset(f.claims) not in planted_sets
                 and f.kind in ("agree", "contradict", "update")]
        kinds = collections.Counter()
        for f in stray:
            a, b = (by_id.get(i) for i in f.claims)
            same = bool(a and b and a.subject and b.subject and a.subject.key == b.subject.key)
            kinds[(f.kind, "same subject key" if same else "different subject keys")] += 1
        print(f"findings between two claims that are not a planted pair: {len(stray)} {dict(kinds)}")
        shown = 0
        for f in stray:
            a, b = (by_id.get(i) for i in f.claims)
            if a and b and a.subject and b.subject and a.subject.key != b.subject.key and shown < args.show:
                shown += 1
                print(f"    {f.kind}: {a.subject.key} {a.text!r} ({Path(a.path).name}) ~ {b.subject.key} {b.text!r} "
                      f"({Path(b.path).name}) similarity {f.similarity}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
