"""Scores extraction against a hand-annotated gold file (schema factcheck-gold/1).

As the gold file's ``scoring`` note defines: recall counts core claims; a system claim that
overlaps a core or optional gold claim is a true positive, one that overlaps a lenient not-claim
is ignored, any other is a false positive. Value and subject accuracy are measured on matched
claims. A subject matches when both name the same entity: the keys are equal after folding
script, heads and aliases, or one name contains the other and what is left is not just a
generic head (武汉 is not 武汉人工智能计算中心).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from factcheck.extract.units import canonical, seconds
from factcheck.link.normalise import subject_key
from factcheck.model import Claim

# a note after a gold subject ("(this report)", "(二期工程)"); brackets inside a name are the name's
# (中国移动长三角（常州）智算中心)
_PAREN = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
_GENERIC_REST = re.compile(r"^(?:智算中心|超算中心|数据中心|实验室|市|省|地区|中心|平台)?$")


@dataclass
class Span:
    start: int
    end: int


@dataclass
class GoldClaim:
    doc: str
    data: dict
    spans: list[Span]


@dataclass
class DocScore:
    doc: str
    core: int = 0
    core_found: int = 0
    tp: int = 0
    fp: int = 0
    ignored: int = 0
    value_ok: int = 0
    value_n: int = 0
    subject_ok: int = 0
    subject_n: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    value_errors: list[str] = field(default_factory=list)
    subject_errors: list[str] = field(default_factory=list)


@dataclass
class EvalResult:
    docs: list[DocScore]
    missing_docs: list[str]

    def _sum(self, name):
        return sum(getattr(d, name) for d in self.docs)

    @property
    def recall(self) -> float:
        return self._sum("core_found") / max(1, self._sum("core"))

    @property
    def precision(self) -> float:
        tp, fp = self._sum("tp"), self._sum("fp")
        return tp / max(1, tp + fp)

    @property
    def value_accuracy(self) -> float:
        return self._sum("value_ok") / max(1, self._sum("value_n"))

    @property
    def subject_accuracy(self) -> float:
        return self._sum("subject_ok") / max(1, self._sum("subject_n"))

    def as_dict(self) -> dict:
        return {
            "recall": round(self.recall, 4), "precision": round(self.precision, 4),
            "value_accuracy": round(self.value_accuracy, 4), "subject_accuracy": round(self.subject_accuracy, 4),
            "core": self._sum("core"), "core_found": self._sum("core_found"), "true_positives": self._sum("tp"),
            "false_positives": self._sum("fp"), "ignored": self._sum("ignored"),
            "misses": [m for d in self.docs for m in d.misses],
            "false_positive_claims": [m for d in self.docs for m in d.false_positives],
            "value_errors": [m for d in self.docs for m in d.value_errors],
            "subject_errors": [m for d in self.docs for m in d.subject_errors],
            "missing_documents": self.missing_docs,
        }


def load_gold(path: str | Path) -> dict:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data.get("schema") != "factcheck-gold/1" or "docs" not in data:
        raise ValueError(f"{path}: not a factcheck-gold/1 file")
    return data


def merge_golds(golds: list[dict]) -> dict:
    """Several gold files as one: a file of new articles may cite claims of another (the seeds')."""
    merged = {"schema": "factcheck-gold/1", "docs": {}, "findings": []}
    for g in golds:
        merged["docs"].update(g["docs"])
        merged["findings"].extend(g.get("findings", []))
    return merged


def _locate(raw: str, quote: str, piece: str) -> list[Span]:
    spans = []
    for qm in re.finditer(re.escape(quote), raw):
        i = raw.find(piece, qm.start(), qm.end())
        if i >= 0:
            spans.append(Span(i, i + len(piece)))
    if not spans:
        for m in re.finditer(re.escape(piece), raw):
            spans.append(Span(m.start(), m.end()))
    return spans


def _overlaps(a: Span, c: Claim) -> bool:
    return a.start < c.span.end and c.span.start < a.end


def _gold_value(g: dict):
    unit = g.get("unit")
    if g.get("value") is None or unit is None:
        return None
    return Fraction(str(g["value"])), unit


def _value_ok(c: Claim, g: dict) -> bool:
    if g.get("kind") == "date":
        if c.kind != "date" or c.date is None or not g.get("date"):
            return False
        gs, ge = _gold_date(g["date"])
        # exact, or more precise than the gold and inside it (年初 within a gold year)
        return (c.date.start, c.date.end) == (gs, ge) or (gs <= c.date.start and c.date.end <= ge and g["date"].count("-") < 2)
    gv = _gold_value(g)
    if gv is None or c.value is None or c.unit is None:
        return gv is None and c.value is None
    value, unit = gv
    mine = Fraction(str(c.value))
    try:
        target, factor, dim = canonical(unit)
        mtarget, mfactor, mdim = canonical(c.unit)
    except Exception:
        return c.unit == unit and mine == value
    if dim != mdim:
        return False
    if dim == "time":
        return value * seconds(unit) == mine * seconds(c.unit)
    return value * factor == mine * mfactor


def _gold_date(text: str) -> tuple[str, str]:
    import calendar

    def bounds(part: str, end: bool) -> str:
        bits = part.split("-")
        y = int(bits[0])
        if len(bits) == 1:
            return f"{y:04d}-12-31" if end else f"{y:04d}-01-01"
        m = int(bits[1])
        if len(bits) == 2:
            return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}" if end else f"{y:04d}-{m:02d}-01"
        return f"{y:04d}-{m:02d}-{int(bits[2]):02d}"

    a, _, b = text.partition("/")
    return bounds(a, False), bounds(b or a, True)


def subjects_match(system: str | None, gold: str) -> bool:
    if not system:
        return False
    core = _PAREN.sub("", gold).strip() or gold
    a, b = subject_key(system), subject_key(core)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 2 and short in long_:
        rest = long_.replace(short, "", 1)
        return not _GENERIC_REST.match(rest)
    return False


def score(gold: dict, extracted: dict[str, tuple[str, list[Claim]]]) -> EvalResult:
    """extracted maps a gold document name to (raw text, claims)."""
    docs, missing = [], []
    for name, gdoc in gold["docs"].items():
        if name not in extracted:
            missing.append(name)
            continue
        raw, claims = extracted[name]
        ds = DocScore(name)
        golds = [GoldClaim(name, g, _locate(raw, g.get("quote", ""), g.get("number_text", ""))) for g in gdoc["claims"]]
        lenient = [s for n in gdoc.get("not_claims", []) if n.get("tier") == "lenient" for s in _locate(raw, n["text"], n["text"])]
        matched_gold: set[int] = set()
        for c in claims:
            hits = [i for i, g in enumerate(golds) if any(_overlaps(s, c) for s in g.spans)]
            if hits:
                ds.tp += 1
                same_kind = [i for i in hits if golds[i].data.get("kind") == c.kind] or hits
                gi = same_kind[0]
                matched_gold.update(hits)
                g = golds[gi].data
                ds.value_n += 1
                if _value_ok(c, g):
                    ds.value_ok += 1
                else:
                    ds.value_errors.append(f"{name}:{c.line}:{c.column} {c.text!r}: {c.value} {c.unit} {c.date and (c.date.start, c.date.end)} vs gold {g.get('value')} {g.get('unit')} {g.get('date')}")
                ds.subject_n += 1
                if subjects_match(c.subject.text if c.subject else None, g.get("subject", "")):
                    ds.subject_ok += 1
                else:
                    ds.subject_errors.append(f"{name}:{c.line}:{c.column} {c.text!r}: {c.subject.text if c.subject else None!r} vs gold {g.get('subject')!r}")
            elif any(_overlaps(s, c) for s in lenient):
                ds.ignored += 1
            else:
                ds.fp += 1
                ds.false_positives.append(f"{name}:{c.line}:{c.column} {c.text!r} in {c.sentence[:60]!r}")
        for i, g in enumerate(golds):
            if g.data.get("tier") == "core":
                ds.core += 1
                if i in matched_gold:
                    ds.core_found += 1
                else:
                    ds.misses.append(f"{name} {g.data.get('id')}: {g.data.get('number_text')!r} in {g.data.get('quote')!r}")
        docs.append(ds)
    return EvalResult(docs, missing)


_KIND_FAMILY = {
    "agree": {"agree", "check_passed", "plan_met"},
    "update": {"update"},
    "contradict": {"contradict"},
    "check_failed": {"check_failed", "plan_missed", "cumulative_decrease"},
}


@dataclass
class FindingScore:
    core: int = 0
    core_found: int = 0
    negatives: int = 0
    negatives_linked: int = 0
    spurious_contradictions: int = 0
    missed: list[str] = field(default_factory=list)
    wrongly_linked: list[str] = field(default_factory=list)
    contradictions_not_in_gold: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "core_findings": self.core, "core_findings_found": self.core_found,
            "negative_pairs": self.negatives, "negative_pairs_linked": self.negatives_linked,
            "contradictions_not_in_gold": self.spurious_contradictions,
            "missed_findings": self.missed, "wrongly_linked": self.wrongly_linked,
            "unexpected_contradictions": self.contradictions_not_in_gold,
        }


def score_findings(gold: dict, extracted: dict[str, tuple[str, list[Claim]]], findings) -> FindingScore:
    """Core findings found (same kind, one connected set of findings covering the matched claims),
    negative pairs linked by agree/contradict/update, and contradictions the gold does not have."""
    claim_of: dict[str, set[str]] = {}
    for name, gdoc in gold["docs"].items():
        if name not in extracted:
            continue
        raw, claims = extracted[name]
        for g in gdoc["claims"]:
            spans = _locate(raw, g.get("quote", ""), g.get("number_text", ""))
            claim_of[g["id"]] = {c.id for c in claims if any(_overlaps(s, c) for s in spans)}
    result = FindingScore()
    findings = list(findings)
    agreeing = [f for f in findings if f.kind in _KIND_FAMILY["agree"]] + _agreeing_values(findings)
    gold_contradictions = set()
    for gf in gold.get("findings", []):
        matched = [claim_of.get(cid, set()) for cid in gf["claims"]]
        if gf["kind"] == "contradict":
            gold_contradictions.add(frozenset(x for m in matched for x in m))
        if gf.get("tier") == "core":
            result.core += 1
            family = _KIND_FAMILY.get(gf["kind"], {gf["kind"]})
            pool = agreeing if gf["kind"] == "agree" else [f for f in findings if f.kind in family]
            if _connected(matched, pool):
                result.core_found += 1
            else:
                result.missed.append(f"{gf['kind']} {gf['claims']}: {gf.get('why', '')[:100]}")
        elif gf.get("tier") == "negative":
            result.negatives += 1
            linking = [f for f in findings if f.kind in ("agree", "contradict", "update")]
            a, b = (matched + [set(), set()])[:2]
            if any(set(f.claims) & a and set(f.claims) & b for f in linking):
                result.negatives_linked += 1
                result.wrongly_linked.append(f"{gf['claims']}: {gf.get('why', '')[:100]}")
    for f in findings:
        if f.kind == "contradict" and not any(_holds(f, g) for g in gold_contradictions):
            result.spurious_contradictions += 1
            result.contradictions_not_in_gold.append(f.why)
    return result


def _agreeing_values(findings) -> list:
    """A contradiction is one fact whose sources disagree (SEMANTICS.md §3): the values in it that
    overlap still agree with each other. Each such set of values stands in as an agreement."""
    from types import SimpleNamespace

    out = []
    for f in findings:
        if f.kind != "contradict" or not getattr(f, "values", None):
            continue
        for i, a in enumerate(f.values):
            for b in f.values[i:]:
                if _values_overlap(a, b):
                    out.append(SimpleNamespace(kind="agree", claims=list(a.claims) + list(b.claims)))
    return out


def _values_overlap(a, b) -> bool:
    lo = [x for x in (a.lower, b.lower) if x is not None]
    hi = [x for x in (a.upper, b.upper) if x is not None]
    try:
        return not lo or not hi or max(lo) <= min(hi)
    except TypeError:
        return False


def _holds(f, gold: frozenset) -> bool:
    """A contradiction the gold has: its claims are all in the gold pair, or it sets two claims of
    a gold pair in values apart (a fact holds every source that states it)."""
    if set(f.claims) <= gold:
        return True
    values = [set(v.claims) & gold for v in getattr(f, "values", [])]
    return sum(1 for v in values if v) >= 2


def _connected(matched: list[set[str]], findings) -> bool:
    needed = [m for m in matched if m]
    if len(needed) < 2 and len(matched) >= 2:
        return False
    if len(matched) == 1:  # a one-claim check: any finding of the kind on it
        return any(set(f.claims) & matched[0] for f in findings)
    parent: dict[str, str] = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for f in findings:
        for c in f.claims[1:]:
            parent[find(f.claims[0])] = find(c)
    roots = [{find(c) for c in m if c in parent} for m in needed]
    if any(not r for r in roots):
        return False
    return bool(set.intersection(*roots))
