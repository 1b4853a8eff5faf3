"""A metric's scope: the words that make two alike-looking figures two different facts.

新增15,916块 is an addition, not the total of 34,000; 一期 is not 二期; 入境旅客 are not 内地旅客;
上半年 is not the full year; 单卡 is not the cluster; 环比 is not 同比. Each kind of scope is a table
in data/zh/metrics.toml ([scopes.KIND]); the label found becomes part of the metric key, so such
figures never link as one fact, while a figure that states no scope (or a default word such as
累计 or total) still links with its plain restatements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from factcheck.extract.patterns import norm
from factcheck.lang import load_lexicon

_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
              "十一": 11, "十二": 12}
_EN_DIGITS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
              "eleven": 11, "twelve": 12}
# a span of months from the start of the year: 前九个月, 首11个月, 1—10月, 1至8月, the first nine months
_MONTHS = re.compile(
    r"(?:前|首)(?P<cn>十[一二]?|[一二两三四五六七八九]|1[0-2]|[2-9])个?月"
    r"|(?<!\d)1\s?[-—–~至到]\s?(?P<to>1[0-2]|[2-9])\s?月"
    r"|(?i:\bfirst\s(?P<en>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\smonths\b)"
)


@dataclass(frozen=True)
class _Kind:
    name: str
    rx: re.Pattern
    labels: dict[str, str | None]  # matched word (folded) -> label; None for a default word
    after: re.Pattern | None
    after_labels: dict[str, str]
    attached: bool
    invariant: bool
    dimensions: frozenset
    not_dimensions: frozenset
    not_followed_by: tuple[str, ...]
    not_after: tuple[str, ...]
    sentence: bool
    heads: bool


def _alternation(words) -> str:
    cjk = sorted({w for w in words if not w.isascii()}, key=len, reverse=True)
    latin = sorted({w for w in words if w.isascii()}, key=len, reverse=True)
    parts = []
    if cjk:
        parts.append("|".join(re.escape(w) for w in cjk))
    if latin:
        parts.append(rf"(?i:\b(?:{'|'.join(re.escape(w) for w in latin)})\b)")
    return "|".join(parts) or r"(?!)"


def _fold(word: str) -> str:
    return word.lower() if word.isascii() else norm(word)


@cache
def _kinds() -> tuple[_Kind, ...]:
    out = []
    for name, d in load_lexicon().metrics.scopes.items():
        labels: dict[str, str | None] = {_fold(w): None for w in d.default}
        for label, words in d.labels.items():
            for w in words:
                labels[_fold(w)] = label
        after_labels = {_fold(w): label for label, words in d.after.items() for w in words}
        after = re.compile(rf"[ \t]*(?:{_alternation(after_labels)})") if after_labels else None
        out.append(_Kind(
            name, re.compile(_alternation(labels)), labels, after, after_labels, d.attached, d.invariant,
            frozenset(d.dimensions), frozenset(d.not_dimensions), tuple(norm(w) for w in d.not_followed_by),
            tuple(norm(w) for w in d.not_after), d.sentence, d.heads,
        ))
    return tuple(out)


def _months_label(m: re.Match) -> str:
    n = m.group("cn") or m.group("to") or m.group("en")
    n = _CN_DIGITS.get(n) or _EN_DIGITS.get(n.lower()) if not n.isdigit() else int(n)
    return f"m1-{n}"


# 上半年 is the first six months, 前三季度 the first nine: one label for one span
_SPAN_LABELS = {"h1": "m1-6", "q1": "m1-3", "q1_q3": "m1-9"}


def _attached(text: str, pos: int, metric_words: str) -> bool:
    """A sub-population word counts only right before what is counted (国际旅客, international visitors)."""
    if not metric_words:
        return False
    while pos < len(text) and text[pos] in " 的":
        pos += 1
    if metric_words.isascii():
        return text[pos : pos + len(metric_words)].lower() == metric_words.lower()
    return text.startswith(metric_words, pos)


@cache
def _all_words() -> tuple[re.Pattern, dict[str, list[tuple[int, str | None]]]]:
    """One pattern for the words of every kind: a figure's window is read once, not once per kind."""
    words: dict[str, list[tuple[int, str | None]]] = {}
    for i, kind in enumerate(_kinds()):
        for w, label in kind.labels.items():
            words.setdefault(w, []).append((i, label))
    return re.compile(_alternation(words)), words


@lru_cache(maxsize=8192)
def _sentence_words(sentence: str) -> tuple[tuple[int, int, tuple], ...]:
    """The scope words of a sentence (offsets into it), read once for all its figures; news repeats
    its sentences, so the cache also serves other documents."""
    rx, words = _all_words()
    kinds = _kinds()
    out = []
    for m in rx.finditer(sentence):
        entries = tuple((i, label) for i, label in words[_fold(m.group())] if _valid(kinds[i], sentence, m.start(), m.end()))
        if entries:
            out.append((m.start(), m.end(), entries))
    return tuple(out)


def scope_of(text: str, sentence_start: int, clause_start: int, start: int, end: int, clause_end: int,
             metric_words: str, dimension: str, sentence_end: int | None = None) -> tuple[list[str], bool]:
    """The scope labels of the figure at text[start:end] (in kind order) and whether one makes it invariant."""
    kinds = _kinds()
    usable = _usable(dimension)
    nearest: list = [None] * len(kinds)
    seen = [False] * len(kinds)
    sentence_end = max(sentence_end or 0, clause_end)
    for ws, we, entries in _sentence_words(text[sentence_start:sentence_end]):
        ws, we = ws + sentence_start, we + sentence_start
        if we > start:
            break
        for i, label in entries:
            kind = kinds[i]
            if usable[i] and (kind.sentence or ws >= clause_start or (kind.heads and _heads(text, sentence_start, ws, clause_start))) and (
                not kind.attached or _attached(text, we, metric_words) or bool(metric_words and text.startswith(metric_words, ws))
            ):
                nearest[i], seen[i] = label, True  # the nearest word of the kind wins (a default clears the label)
    labels: list[str] = []
    invariant = False
    for i, kind in enumerate(kinds):
        if not usable[i]:
            continue
        label = nearest[i]
        if not seen[i]:
            if kind.name == "period":
                label = _months_before(text, sentence_start, start)
            if label is None and kind.after is not None:
                m = kind.after.match(text, end, clause_end)
                if m:
                    label = kind.after_labels.get(_fold(m.group().strip()))
            if label is None and kind.attached and metric_words.isascii() and metric_words:
                label = _attached_after(kind, text, end, clause_end, metric_words)
        if label:
            labels.append(_SPAN_LABELS.get(label, label))
            invariant = invariant or kind.invariant
    return labels, invariant


@lru_cache(maxsize=256)
def _usable(dimension: str) -> tuple[bool, ...]:
    """Which kinds of scope a figure of this dimension can take."""
    return tuple(not ((k.dimensions and dimension not in k.dimensions) or dimension in k.not_dimensions) for k in _kinds())


def _valid(kind: _Kind, text: str, start: int, end: int) -> bool:
    """A word stands for its kind here: not 扩容至 (a level), not 分三期 (a count of phases). (A sub-population
    word is also checked against what each figure counts, in scope_of.)"""
    if kind.not_followed_by and text.startswith(kind.not_followed_by, end):
        return False
    return not (kind.not_after and start > 0 and text[start - 1] in kind.not_after)


# what may stand before a word that heads its sentence: In its first phase, / The project's first phase
_HEAD_BEFORE = re.compile(r"(?i)[\s\W]*(?:(?:in|for|during|under|at)\s+)?(?:(?:the|its|their|this|that|a)\s+)?"
                          r"(?:[\w-]+(?:'s|’s)\s+)?")
# a clause that opens with a conjunction says something new of another subject: ", while the campus ..."
_NEW_CLAUSE = re.compile(r"(?i)[\s,;:—–-]*(?:and|but|while|whereas|although|though|yet|so|after|before|as|when)\b")


def _heads(text: str, sentence_start: int, ws: int, clause_start: int) -> bool:
    """An English scope word that opens its sentence (The first phase, worth €620m, goes live; The first
    phase will cost $400m, with 300 MW; In its first phase, the site draws 40 MW) scopes its later
    clauses too, but not one that a conjunction opens."""
    return (text[ws].isascii() and _HEAD_BEFORE.fullmatch(text, sentence_start, ws) is not None
            and _NEW_CLAUSE.match(text, clause_start) is None)


def _months_before(text: str, a: int, b: int) -> str | None:
    if "月" not in text[a:b] and "month" not in text[a:b]:
        return None
    last = None
    for m in _MONTHS.finditer(text, a, b):
        last = m
    return _months_label(last) if last else None


def _attached_after(kind: _Kind, text: str, end: int, clause_end: int, metric_words: str) -> str | None:
    """2.5 million international visitors: an English sub-population right after the figure."""
    m = kind.rx.search(text, end, min(clause_end, end + 30))
    if m and text[m.end() : m.end() + 1 + len(metric_words)].strip().lower().startswith(metric_words.lower()):
        return kind.labels.get(_fold(m.group()))
    return None
