"""What a figure measures: metric words from data/zh/metrics.toml, matched by dimension."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.extract.patterns import norm, norm_all
from factcheck.extract.scope import scope_of
from factcheck.lang import load_english, load_lexicon
from factcheck.lang.grammar import grammar
from factcheck.lang.loader import alternation


@dataclass
class Metric:
    text: str
    key: str
    varies: bool
    cumulative: bool
    dimension: str | None = None


@cache
def _lex():
    m = load_lexicon().metrics
    word_key: dict[str, tuple[str, str]] = {}
    for key, d in m.metrics.items():
        for w in d.words:
            word_key.setdefault(norm(w), (key, d.dimension))
    events = {norm(w): key for key, words in m.events.items() for w in words}
    en = load_english().metrics
    en_words = {}
    for w, key in en.words.items():
        d = m.metrics.get(key)
        en_words[w.lower()] = (key, d.dimension if d else "count")
    word_key.update(en_words)
    en_events = {w.lower(): key for w, key in en.events.items()}
    events.update(en_events)
    return (
        re.compile(rf"{alternation([w for w in word_key if w not in en_words])}|(?i:\b(?:{alternation(en_words)})\b)"),
        word_key,
        {k: d for k, d in m.metrics.items()},
        re.compile(alternation(norm_all(m.invariant_markers.words))),
        re.compile(alternation(norm_all(m.cumulative_markers.words))),
        re.compile(rf"{alternation([w for w in events if w not in en_events])}|(?i:\b(?:{alternation(en_events)})\b)"),
        events,
    )


@cache
def _defaults() -> dict[str, str]:
    return {d.dimension: key for key, d in load_lexicon().metrics.metrics.items() if d.default}


def _default_metric(dimension: str) -> str:
    """The metric a figure measures when only its unit says (830万标准机架: racks)."""
    return _defaults().get(dimension, f"dim:{dimension}")


def _k(word: str) -> str:
    """Lexicon key of a matched word: English words are stored lower-case."""
    if word.isascii() and word not in _lex()[1] and word not in _lex()[6]:
        return word.lower()
    return word


def _dims_match(metric_dim: str, dimension: str) -> bool:
    """A count may be of racks or cards (830万架 after 标准机架): those metrics take counts too."""
    return (
        metric_dim == dimension
        or (metric_dim == "money" and dimension.startswith("money"))
        or (dimension == "count" and metric_dim in ("rack", "accelerator"))
    )


@cache
def _measure_words() -> frozenset:
    return frozenset(norm_all(load_lexicon().units.measure_words.words))


def quantity_metric(text: str, clause_start: int, start: int, end: int, clause_end: int, counted: str | None,
                    dimension: str, sentence_start: int | None = None, sentence_end: int | None = None) -> Metric:
    rx, word_key, defs, invariant, cumulative, _, _ = _lex()
    sentence_start = clause_start if sentence_start is None else sentence_start
    window = text[clause_start:start]
    found = None
    if counted in _measure_words():
        counted = None  # a bare measure word (830万架) names nothing: look after 的, then before the number
        found = _metric_after(text, end, clause_end, dimension)
    elif counted:
        counted = _without_measure_word(counted)
    if counted:
        for m in rx.finditer(counted):
            key, dim = word_key[_k(m.group())]
            if _dims_match(dim, dimension):
                found = (counted, key)
                break
        if found is None:
            found = (counted, f"count:{counted}")
    if found is None:
        best = None
        for m in rx.finditer(window):
            key, dim = word_key[_k(m.group())]
            if _dims_match(dim, dimension):
                best = (m.group(), key)
        if best is None:
            for m in rx.finditer(text, end, clause_end):
                key, dim = word_key[_k(m.group())]
                if _dims_match(dim, dimension):
                    best = (m.group(), key)
                    break
        if best is None and dimension == "count":
            noun = _noun_before(window)
            if noun:
                best = (noun, f"count:{noun}")  # 孵化AI深度应用场景超过60个: scenarios
        found = best or ("", _default_metric(dimension))
    words, key = found
    context = window + (counted or "")
    d = defs.get(key)
    varies = d.varies if d else True
    marker = invariant.search(context)
    if marker:
        varies = False
        key = f"{key}@{marker.group()}"  # compute@开工: the capacity planned at the start, a fact of its own
    labels, fixed = scope_of(text, sentence_start, clause_start, start, end, clause_end, counted or words, dimension,
                             sentence_end)
    if key.partition("@")[0] in ("growth", "decline"):
        base = _growth_of(text, sentence_start, start)
        if base:
            labels.append(f"of:{base}")  # racks +18 % and installed power +40 % are two rates
    if labels:
        key = "@".join([key, *labels])  # cards@added, count:servers@phase2: other facts than the plain figure
        varies = varies and not fixed
    cum = bool(cumulative.search(context)) or (d.cumulative if d else False)
    return Metric(words, key, varies, cum, d.dimension if d else None)


@cache
def _measure_prefix() -> re.Pattern:
    return re.compile(alternation(sorted(_measure_words(), key=len, reverse=True)))


def _without_measure_word(counted: str) -> str:
    """The counted noun without the measure word before it: 60个应用场景 and 应用场景60个 count the same
    thing (60个人 keeps 个人: one character left is no noun)."""
    m = _measure_prefix().match(counted)
    return counted[m.end():] if m and len(counted) - m.end() >= 2 else counted


def _growth_of(text: str, sentence_start: int, start: int) -> str | None:
    """What a growth rate grows: the nearest metric word before it in its sentence that is not itself a rate."""
    rx, word_key = _lex()[:2]
    found = None
    # only the words just before it: a 中心 or 公司 earlier in the sentence is usually inside a source's name
    for m in rx.finditer(text, max(sentence_start, start - 40), start):
        key, dim = word_key[_k(m.group())]
        if dim != "share":
            found = key
    return found


def _metric_after(text: str, end: int, clause_end: int, dimension: str) -> tuple[str, str] | None:
    """The metric word just after a figure with a bare measure word and its particle: 120家左右的企业
    counts firms, whatever the subject named before the number."""
    rx, word_key = _lex()[:2]
    pos = end
    for tail in grammar().quantities.qualifier_tails:
        if text.startswith(tail, pos):
            pos += len(tail)
            break
    particle = next((p for p in grammar().quantities.noun_particles if text.startswith(p, pos)), None)
    if particle is None:
        return None
    m = rx.match(text, pos + len(particle), clause_end)
    if m:
        key, dim = word_key[_k(m.group())]
        if _dims_match(dim, dimension):
            return m.group(), key
    return None


_TRAILING_NOUN = re.compile(r"([\u4e00-\u9fff]{2,6})(?:[ ]?(?:超过|超|逾|近|约|达到|达|共|为|有|已达|已经|已|多达|总计|累计)){0,2}[ ]?$")


def _noun_before(window: str) -> str | None:
    """The noun right before a count with a bare measure word, verbs cut off."""
    from factcheck.extract.entities import _lex as entity_lex

    m = _TRAILING_NOUN.search(window)
    if not m:
        return None
    noun = m.group(1)
    for sw in entity_lex().stop_words.finditer(noun):
        noun = noun[sw.end() :]
    return noun if len(noun) >= 2 else None


def metric_word_at(text: str, start: int, end: int, dimension: str) -> int | None:
    """Where the first metric word of the given dimension starts in text[start:end], if any."""
    rx, word_key, *_ = _lex()
    for m in rx.finditer(text, start, end):
        if _dims_match(word_key[_k(m.group())][1], dimension):
            return m.start()
    return None


def event_position(text: str, end: int, sentence_end: int) -> int | None:
    *_, events_rx, _ = _lex()
    m = events_rx.search(text, end, sentence_end)
    return m.end() if m else None


def date_metric(text: str, clause_start: int, start: int, end: int, clause_end: int) -> Metric:
    *_, events_rx, events = _lex()
    m = None
    if text[start:end].isascii():
        # English puts the event before its date: began construction on Dec 28, 2020
        # (Construction of the Dalian AI Computing Center began in March 2021: the nearest event word wins)
        before = [x for x in events_rx.finditer(text, max(clause_start, start - 90), start) if x.group().isascii()]
        m = before[-1] if before else None
    m = m or events_rx.search(text, end, clause_end) or None
    if m is None:
        earlier = list(events_rx.finditer(text, clause_start, start))
        m = earlier[-1] if earlier else None
    if m is None:
        tail = text[end:clause_end].strip(" 的在于,.;:!?")[:8].strip()
        return Metric(tail, f"event:{tail}" if tail else "event", False, False)
    return Metric(m.group(), events[_k(m.group())], False, False)
