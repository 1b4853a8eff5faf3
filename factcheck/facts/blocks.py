"""Blocking: which claims can be compared at all (SEMANTICS.md §3–§4).

A block is (kind, unit, metric); only claims of one block are linked on subject and cut into
facts. The block key is computed once, when a claim is stored (claim_table.Row), so linking never
decodes a claim it will not compare.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from factcheck.extract.patterns import norm
from factcheck.lang import load_lexicon
from factcheck.lang.loader import alternation
from factcheck.model import Claim


@cache
def _broader_table() -> dict[str, str]:
    return {k: d.broader for k, d in load_lexicon().metrics.metrics.items() if d.broader}


@cache
def _recurring_rx():
    heads = [norm(h).lower() for h in load_lexicon().entities.heads.recurring]
    return re.compile(rf"(?:{alternation(heads)})$")


def recurring(key: str) -> bool:
    return bool(_recurring_rx().search(key)) and not re.search(r"(?:19|20)\d{2}", key)


class _Broader(dict):
    def __missing__(self, key):
        raise KeyError(key)

    def __contains__(self, key):
        return key in _broader_table()

    def __getitem__(self, key):
        return _broader_table()[key]


_BROADER = _Broader()
_MEASURE_ONLY = {"个", "家", "所", "位", "名", "项", "门", "款", "台", "座", "种", "条", "件", "批", "份", "次"}


def block_key(c: Claim) -> tuple | None:
    if not c.subject or not c.metric:
        return None
    base = c.metric.key.split("|")[0]
    if c.kind == "date":
        # the dates of a company's or a country's events are too many to pair; a centre's, a
        # programme's or an event's own dates are not
        own = c.subject.type in ("facility", "program", "title")
        if base == "event" or not (own or (c.subject.type == "place" and base in _growth()["milestones"])):
            return None
        return ("date", base)
    if c.value is None or not c.unit:
        return None
    if base.startswith("dim:") or (base.startswith("count:") and len(base) <= 8 and base[6:] in _MEASURE_ONLY):
        return None  # a metric known only by its dimension or its measure word is too vague to compare
    stem, _, marker = base.partition("@")
    if c.subject.type == "facility" and stem in _BROADER:
        base = _BROADER[stem] + (f"@{marker}" if marker else "")  # an AI centre's 智能算力 is its 算力
    elif stem == "growth":
        # what grows is read once, alike in both languages: its own clause's metric, else the topic
        labels = [x for x in marker.split("@") if x] if marker else []
        named = [x[3:] for x in labels if x.startswith("of:")]
        rest = [x for x in labels if not x.startswith("of:")]
        base = "@".join([stem, *rest]) + f"/{growth_scope(c.sentence, c.text, named[-1] if named else None)}"
    return ("quantity", block_unit(c.unit), base)


@cache
def block_unit(unit: str) -> str:
    """Durations are stated in the unit a writer picks (半年, 6个月, 180天): one block for all of them;
    facts.group compares them in days."""
    from factcheck.extract.units import canonical

    try:
        return "time" if canonical(unit)[2] == "time" else unit
    except Exception:  # a unit the registry does not know is its own block
        return unit


@cache
def _growth() -> dict:
    from importlib import resources

    from factcheck.lang.loader import parse_data_toml

    return parse_data_toml(resources.files("factcheck.data").joinpath("growth.toml").read_text(encoding="utf-8"))


_NOT_GROWING = frozenset({"growth", "decline", "share"})


@cache
def _scope_words() -> tuple[re.Pattern, dict[str, str], re.Pattern, dict[str, str]]:
    """What can grow (every metric word but the rates' and shares' own: "made up 28% of the total after
    growing 65%" is the growth of what made up the share) and the base-period words."""
    words: dict[str, str] = {}
    for key, d in load_lexicon().metrics.metrics.items():
        if key not in _NOT_GROWING:
            for w in d.words:
                words[norm(w).lower()] = key
    from factcheck.lang.loader import load_english

    for w, key in load_english().metrics.words.items():
        if key not in _NOT_GROWING:
            words[w.lower()] = key
    periods = {norm(w).lower(): k for k, ws in _growth()["periods"].items() for w in ws}
    return re.compile(alternation(list(words))), words, re.compile(alternation(list(periods))), periods


def growth_scope(sentence: str, text: str, named: str | None = None) -> str:
    """What grows and against which base: the metric named in the rate's clause
    (其中智能算力同比增长65%: ai_compute), else the sentence's topic, else the one the extractor read
    before the rate (named: it may sit in a describing clause, "which runs on GPUs"); and its base
    period (yoy, mom, cagr; yoy when unsaid)."""
    folded = norm(sentence).lower()
    at = folded.find(norm(text).lower())
    before = folded[: at if at >= 0 else len(folded)]
    scope_rx, scope, period_rx, periods = _scope_words()
    # the metric named last in the rate's own clause, else the sentence's topic (its first metric):
    # "Intelligent computing, which relies on GPUs and accelerators, grew 65%" is about compute
    clause = re.split(r"[，,；;。]", before)[-1]
    found = [m.group(0) for m in scope_rx.finditer(clause)] or [m.group(0) for m in scope_rx.finditer(before)][:1]
    found_key = scope[found[-1]] if found else named or "?"
    period = [m.group(0) for m in period_rx.finditer(before[-30:])]
    if not period and at >= 0:  # 65% year on year: English names the base after the rate
        period = [m.group(0) for m in period_rx.finditer(folded[at + len(text) : at + len(text) + 25])][:1]
    return f"{found_key}:{periods[period[-1]] if period else 'yoy'}"


def blocks_of(claims: list[Claim]) -> dict[tuple, list[Claim]]:
    """Claims that can be compared at all, by (kind, unit, metric): the unit of distributed work."""
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        key = block_key(c)
        if key:
            blocks[key].append(c)
    return blocks


_DATELINE = re.compile(r"^[^\s，。]{0,12}?\d{1,2}月\d{1,2}日电")


def link_key(subject_key: str) -> str:
    """A subject key as linking sees it: a wire dateline the extractor left in front of a name
    (贵阳8月1日电云谷智算中心) is where the story was filed, not part of the name."""
    stripped = _DATELINE.sub("", subject_key, count=1)
    return stripped or subject_key
