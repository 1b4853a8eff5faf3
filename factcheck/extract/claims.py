"""From a Source to claims and mentions: the extraction stage as one pure function."""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from html import unescape

from factcheck.extract.context import Context
from factcheck.extract.dates import find_dates
from factcheck.extract.en_dates import find_dates_en
from factcheck.extract.en_durations import find_durations_en
from factcheck.extract.en_entities import find_entities_en
from factcheck.extract.en_quantities import find_exascale, find_quantities_en
from factcheck.extract.entities import find_entities
from factcheck.extract.headline import in_page_terms
from factcheck.extract.listed import listed_companies
from factcheck.extract.mention import Mention
from factcheck.extract.metrics import date_metric, event_position, metric_word_at, quantity_metric
from factcheck.extract.modality import markers, modality
from factcheck.extract.page_nation import page_nation
from factcheck.extract.patterns import norm_all, patterns
from factcheck.extract.quantities import find_quantities
from factcheck.extract.scan import finditer, present
from factcheck.extract.subjects import SubjectFinder, respectively
from factcheck.ingest.source import GLOSS, Source
from factcheck.ingest.textmap import TextMap, line_starts
from factcheck.lang import load_english, load_lexicon
from factcheck.lang.grammar import grammar, rx
from factcheck.lang.loader import alternation
from factcheck.link.normalise import metric_key, subject_key
from factcheck.model import Claim

_EVENT_OF_DATE = rx(r"[ ]*的[ ]*(?P<name>[^,，。;；、的]{3,24}?){dates.event_of_date}(?=[,，。;；]|$)")
_ENGLISH_AS_OF = re.compile(r"(?i)\bas (?:of|at)\s*$")
_EN_RELATIVE_AS_OF = re.compile(r"(?i)\b(?:earlier|before)$")  # a year earlier, a year before: when the figure held
_COUNT_UNITS = {"rack": "rack", "accelerator": "card"}
_YEAR = re.compile(r"((?:19|20)\d{2})[ ]*年")


@dataclass
class Extraction:
    claims: list[Claim]
    mentions: list[Claim]


@cache
def _as_of_rx():
    zh = alternation(norm_all(load_lexicon().dates.as_of.words))
    en = alternation(load_english().dates.as_of.words)
    return re.compile(rf"(?:{zh}|(?i:\b(?:{en})))[ ]*$")


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z]+")  # [A-Za-z]{2,}, written so that re skips ahead to a letter
_LOWER_WORD = re.compile(r"\b[a-z][a-z]+\b")
_CJK = re.compile(r"[\u3007\u3400-\u9fff\uf900-\ufaff]")
_FIRST_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z]")
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff]")  # the characters count_cjk counts
_NON_CJK_RUN = re.compile(r"[^\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")


def _line_languages(text: str) -> tuple[bytearray, bytearray]:
    """Masks of the text read as English and as Chinese. A page may mix them, and a line is read by
    every language it contains: a line with no Chinese character and a Latin word is English however
    short (100 percent), a mostly English line is English, and on a Chinese line a run of English
    prose (at least three Latin words, two of them lower-case: a sentence, not a product name such as
    Atlas 900 AI) is English."""
    if _CJK.search(text) is None:
        return bytearray(b"\x01" * len(text)), bytearray(len(text))
    lines = text.split("\n")
    if _LATIN_WORD.search(text) is None:  # no line can be English: no need to look at each
        return bytearray(len(text)), bytearray(b"\x00".join([b"\x01" * len(line) for line in lines]))
    en, zh = [], []
    for line in lines:
        latin = len(_LATIN_WORD.findall(line))
        if latin and (_CJK.search(line) is None or (latin >= 3 and not _ideographs_at_least(line, latin))):
            en.append(b"\x01" * len(line))
            zh.append(bytes(len(line)))
        elif latin >= 3:
            e, z = bytearray(len(line)), bytearray(b"\x01" * len(line))
            for m in _NON_CJK_RUN.finditer(line):
                run = m.group()
                if len(_LATIN_WORD.findall(run)) >= 3 and len(_LOWER_WORD.findall(run)) >= 2:
                    a, b = m.start() + _FIRST_WORD.search(run).start(), m.end()  # 约7000P stays with its Chinese
                    e[a:b], z[a:b] = b"\x01" * (b - a), bytes(b - a)
            en.append(bytes(e))
            zh.append(bytes(z))
        else:
            en.append(bytes(len(line)))
            zh.append(b"\x01" * len(line))
    return bytearray(b"\x00".join(en)), bytearray(b"\x00".join(zh))


def _ideographs_at_least(line: str, n: int) -> bool:
    """Whether line holds at least n CJK ideographs (as count_cjk(line) >= n). Stops at the n-th: on
    a long Chinese line with a few Latin words that is a few searches, not a count of the whole line."""
    pos = 0
    for _ in range(n):
        m = _IDEOGRAPH.search(line, pos)
        if m is None:
            return False
        pos = m.end()
    return True


def _union(a: bytearray, b: bytearray) -> bytes:
    """Byte-wise OR of two 0/1 masks, at C speed through big integers."""
    n = len(a)
    return (int.from_bytes(a, "big") | int.from_bytes(b, "big")).to_bytes(n, "big")


class _Blocked:
    """blocked(a, b): whether any character of [a, b) is masked. The mask is made on the first
    question: a text without a candidate figure (most headlines) never needs the filters run."""

    __slots__ = ("_make", "_mask")

    def __init__(self, make):
        self._make, self._mask = make, None

    def __call__(self, a: int, b: int) -> bool:
        mask = self._mask
        if mask is None:
            mask = self._mask = self._make()
        return any(mask[a:b])


# filters that stop a number but not a date: 15:30 is a clock time, 一年 a word but 过去的一年 a span of time
_DATE_FILTERS_KEPT = frozenset({"time_of_day"})


def _blockers(text: str) -> tuple[bytearray, bytearray]:
    """The masks for numbers and for dates: filters, and for numbers also idioms and clock times. (Page
    noise is not masked here: its finds are marked "page noise" after extraction, whatever path found them.)"""
    p = patterns()
    mask = bytearray(len(text))
    later = []
    hints = tuple(hint for _, _, hint in p.filters if hint is not None)
    found = dict(zip(hints, present(hints, text), strict=True))
    for name, pattern, hint in p.filters:
        if hint is not None and not found[hint]:
            continue
        if name in _DATE_FILTERS_KEPT:
            later.append(pattern)
            continue
        for m in finditer(pattern, text):
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    dates = bytearray(mask)
    for pattern in [*later, p.idioms]:
        for m in finditer(pattern, text):
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return mask, dates


def _fnum(x: Fraction | None) -> float | int | None:
    if x is None:
        return None
    if x.denominator == 1:
        return int(x)
    return float(x)


def _at_precision(day, precision: str) -> str:
    """A publication date as an as_of at its precision: 2024-09-15, 2024-09 or 2024."""
    return day.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]


@cache
def _as_of_relative() -> dict:
    return {norm_all([k])[0]: v for k, v in load_lexicon().dates.as_of_relative.items()}


@cache
def _as_of_relative_rx():
    return re.compile(alternation(_as_of_relative()))


def _as_of_text(start: str, end: str, precision: str) -> str:
    if precision == "day" and start == end:
        return start
    if precision == "year":
        return start[:4]
    if precision == "month":
        return start[:7]
    return end[:7]


class _Doc:
    """Per-view state: context, entities, subjects, dates with their roles."""

    def __init__(self, view: TextMap, noise, published, tolerance: Fraction, topic=None, pub_precision: str = "day",
                 page: str | None = None):
        text = view.text
        self.view, self.text = view, text
        self.sentence_cache: dict = {}
        self.marker_cache: dict = {}
        self.ctx = Context(text)
        en_lines, zh_lines = _line_languages(text)
        has_en, has_zh = 1 in en_lines, 1 in zh_lines
        filters: list[bytearray] = []

        def filter_mask(which: int = 0) -> bytearray:
            if not filters:
                filters.extend(_blockers(text))
            return filters[which]

        blocked = _Blocked(lambda: _union(filter_mask(), en_lines) if has_en else filter_mask())
        date_blocked = _Blocked(lambda: _union(filter_mask(1), en_lines) if has_en else filter_mask(1))
        en_blocked = _Blocked(lambda: _union(filter_mask(), zh_lines) if has_zh else filter_mask())
        years = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text)]
        para_starts = [0] + [m.end() for m in re.finditer("\n", text)]

        def paragraph_year(pos: int):
            p0 = para_starts[bisect.bisect_right(para_starts, pos) - 1]
            last = None
            for s, y in years:
                if p0 <= s < pos:
                    last = y
                elif s >= pos:
                    break
            return last

        pub = published.date() if published else None
        self.pub, self.pub_precision = pub, pub_precision
        self.pub_text = _at_precision(pub, pub_precision) if pub else None
        clock = published.time() if published and pub_precision == "day" else None
        # a text of digits and signs only (2021-06-30, 6·30, 15:37) is English to the number readers, and its
        # dates are read by both date readers: a Chinese date wherever both see one
        digits_only = not has_zh and _LATIN_WORD.search(text) is None
        if digits_only:
            date_blocked = _Blocked(lambda: filter_mask(1))
        self.dates = (find_dates(text, date_blocked, pub, paragraph_year, pub_precision=pub_precision, pub_clock=clock)
                      if has_zh or digits_only else [])
        # the English parts, a run of English lines taken as one (en_blocked still guards the Chinese)
        en_spans = [m.span() for m in re.finditer(rb"\x01+(?:\x00\x01+)*", en_lines)] if has_en else []
        if has_en:
            english = find_dates_en(text, en_blocked, pub, pub_precision=pub_precision, spans=en_spans)
            if digits_only:
                english = [e for e in english if not any(d.start < e.end and e.start < d.end for d in self.dates)]
            self.dates = sorted(self.dates + english, key=lambda x: x.start)
        taken = bytearray(len(text))
        for d in self.dates:
            if not d.shared:  # 三年内: a duration as much as a date, the quantity finder reads it too
                taken[d.start : d.end] = b"\x01" * (d.end - d.start)
        self.quantities = find_quantities(text, blocked, taken, tolerance) if has_zh else []
        if page is not None and self.quantities:  # a headline: in the currency and calendar of its page
            in_page_terms(text, page, self.quantities)
        # + 竹科晶創（6987）; 全國 on a Taiwan page is Taiwan
        self.entities = page_nation(text, listed_companies(text, find_entities(text))) if has_zh else []
        if has_en:
            self.quantities += (find_exascale(text, en_blocked, taken, en_spans)
                                + find_durations_en(text, en_blocked, taken, tolerance, en_spans)
                                + find_quantities_en(text, en_blocked, taken, tolerance, en_spans))
            self.entities = sorted(self.entities + find_entities_en(text), key=lambda x: (x.start, -(x.end - x.start)))
        occupied = bytearray(len(text))
        for q in self.quantities:
            if q.reason is None:
                occupied[q.num_start : max(q.end, q.counted_end)] = b"\x01" * (max(q.end, q.counted_end) - q.num_start)
        for d in self.dates:
            if not d.shared:  # 上半年公司营收: a date (resolved or not) is never part of a subject's name
                occupied[d.start : d.end] = b"\x01" * (d.end - d.start)
        self.subjects = SubjectFinder(text, self.ctx, self.entities, occupied, metric_word_at, topic)
        self.name_mask = bytearray(len(text))
        for e in self.entities:
            if not e.bare:
                self.name_mask[e.start : e.end] = b"\x01" * (e.end - e.start)
        self.respectively = respectively(text, self.ctx, [q for q in self.quantities if q.reason is None])
        rx = _as_of_rx()
        self.as_of_dates = [d for d in self.dates if d.reason is None and (
            rx.search(text[max(0, d.start - 20) : d.start]) or (d.relative and _EN_RELATIVE_AS_OF.search(text, d.start, d.end)))]
        for d in self.as_of_dates:
            d.reason = "as-of date"
        self._relative_words = None
        self._scopes = None
        starts = [d.start for d in self.dates]
        self._date_starts = starts if starts == sorted(starts) else None

    def _dates_from(self, start: int, end: int) -> list[Mention]:
        """The dates that start in [start, end), in order (all dates if they are not sorted by start)."""
        starts = self._date_starts
        if starts is None:
            return self.dates
        return self.dates[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def _figure_between(self, a: int, b: int) -> bool:
        """Whether a figure stands in [a, b): "6.4 million last year, up from 5.2 million a year earlier"
        puts "a year earlier" on the second figure only."""
        return any(a <= q.start < b for q in self.quantities if q.reason is None)

    def _since(self, d: Mention) -> bool:
        """自2021年…以来: a starting point, not the time the figure holds."""
        g = grammar().dates
        return self.text[max(0, d.start - 2) : d.start].strip() in g.since_before or any(
            w in self.text[d.end : d.end + 12] for w in g.since_after)

    def _as_of_scopes(self) -> list:
        """(date, its sentence, whether English "as of" names it) for each as-of date: found once per
        text, not again for every figure."""
        if self._scopes is None:
            self._scopes = [(d, self.ctx.sentences[self.ctx.sentence_index(d.start)],
                             _ENGLISH_AS_OF.search(self.text, max(0, d.start - 10), d.start) is not None)
                            for d in self.as_of_dates]
        return self._scopes

    def as_of_for(self, m: Mention) -> str | None:
        si = self.ctx.sentence_index(m.start)
        sent = self.ctx.sentences[si]
        governing = None
        for d, ds, english in self._as_of_scopes():
            # 截至 governs its paragraph; English "as of" only its own sentence
            if d.start < m.start and (ds is sent if english else ds.paragraph == sent.paragraph):
                governing = d
        if governing is None:
            # English puts it after the figure: 70 EFLOPS as of June 2024
            governing = next((d for d in self.as_of_dates if m.end <= d.start < sent.end and d.start >= sent.start
                              and not self._figure_between(m.end, d.start)), None)
        if governing:
            return _as_of_text(governing.date_start, governing.date_end, governing.date_precision)
        relative = self._relative_as_of(m, sent)
        if relative:
            return relative
        near = None
        for d in self._dates_from(sent.start, m.start):
            if d.reason is None and sent.start <= d.start and d.end <= m.start and not self._since(d):
                near = d
        if near is None and self.text[m.start : m.end].isascii():
            # English dates often follow the figure: over 4,500 PFLOPS in the first half of 2024
            clause = sent.clauses[self.ctx.clause_index(sent, m.start)]
            near = next((d for d in self._dates_from(m.end, clause[1]) if d.reason is None and m.end <= d.start < clause[1]), None)
        if near:
            return _as_of_text(near.date_start, near.date_end, near.date_precision)
        return self.pub_text

    def _relative_as_of(self, m: Mention, sent) -> str | None:
        """去年同期为100亿元, 上年末的1200家: a relative time word earlier in the figure's clause, with no
        date between them, puts the figure a year back (the same period, or the year's end)."""
        words = self._relative_words
        if words is None:  # found once per text, on the first figure that asks
            words = self._relative_words = [(w.start(), w.end(), w.group(0)) for w in finditer(_as_of_relative_rx(), self.text)]
        if not words or self.pub is None:
            return None
        clause = sent.clauses[self.ctx.clause_index(sent, m.start)]
        i = bisect.bisect_left(words, (m.start,)) - 1
        if i < 0 or words[i][0] < clause[0]:
            return None
        _, end, word = words[i]
        if any(end <= d.start < m.start and d.reason is None for d in self._dates_from(end, m.start)):
            return None
        back, part = _as_of_relative()[word]
        y = self.pub.year - back
        if part == "end":
            return f"{y:04d}-12"
        return _at_precision(self.pub.replace(year=y, day=min(self.pub.day, 28) if self.pub.month == 2 else self.pub.day),
                             self.pub_precision)


# mentions that are no claim but still carry the value read (--mentions lists every value found)
_VALUED_REASONS = ("bare number", "year without 年", "range end", "ordinal")


def extract_source(source: Source, tolerance: Fraction = Fraction(1, 10), mentions: bool = False) -> Extraction:
    """Claims of one document; with mentions, also every value found that is not a claim."""
    want_mentions = mentions
    doc = source.document
    raw = source.raw
    lines = line_starts(raw)
    claims: list[Claim] = []
    found: list[Claim] = []
    views = [(source.view, source.noise)]
    if source.title_map is not None:
        views.insert(0, (source.title_map, []))
    topic = None
    headline: list[Claim] = []
    titled: list[Claim] = []  # headline claims about the headline's own centre
    for view, noise in views:
        d = _Doc(view, noise, doc.published, tolerance, topic, pub_precision=doc.published_precision or "day",
                 page=source.view.text if view is source.title_map else None)
        if view is source.title_map:
            topic = _title_topic(d)
        else:
            if headline:
                _headline_subjects(headline, d.subjects.topic)
            if titled:
                _renamed_in_body(titled, topic, d.subjects.topic)
        noise_starts = [a for a, _ in noise]
        for m in sorted(d.dates + d.quantities, key=lambda x: x.start):
            if noise and m.reason is None and _in_noise(noise, noise_starts, m.start):
                # marked here, not masked before: every extractor's finds are dropped alike (a glued code such
                # as RM500 bypasses the filters), and --mentions still says why (a page date keeps its reason)
                m.reason = "page noise"
            if m.reason and not want_mentions:
                continue
            claim = _to_claim(m, d, source, lines)
            if claim is None:
                continue
            if not claim.reason:
                claims.append(claim)
                if view is source.title_map and claim.subject is None:
                    headline.append(claim)
                elif view is source.title_map and topic is not None and topic.type == "facility" \
                        and claim.subject.key == subject_key(topic.text):
                    titled.append(claim)
            if want_mentions:
                found.append(claim)
    return Extraction(claims, found)


def _headline_subjects(claims: list[Claim], topic) -> None:
    """A headline figure with no name in the headline (闽东锂能上半年营收286.4亿元: a shortened name) is
    about the article's topic, as the body names it."""
    if topic is None:
        return
    from factcheck.model.claim import Named

    named = Named(text=topic.text, key=subject_key(topic.text), type=topic.type)
    for c in claims:
        c.subject, c.confidence = named, min(c.confidence, 0.4)


def _renamed_in_body(claims: list[Claim], title_topic, body_topic) -> None:
    """A headline that shortens or describes a centre (荃灣數據中心, 中部算力中心) the body names in full
    (荃灣西灣數據中心, 「水湳算力中心」): the headline's figures are the body's centre's, under its name; a
    headline's place and head (柔佛數據中心) over a body about the place: the place's."""
    if body_topic is None:
        return
    if body_topic.type != "facility" and not (body_topic.type == "place" and body_topic.text in title_topic.text):
        return  # 柔佛數據中心容量…: a place's centres as a class, when the body is about the place
    key = subject_key(body_topic.text)
    if key == subject_key(title_topic.text):
        return
    from factcheck.model.claim import Named

    named = Named(text=body_topic.text, key=key, type=body_topic.type)
    for c in claims:
        c.subject = named


def _in_noise(noise: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < noise[i][1]


def _title_topic(d: _Doc):
    """What the headline is about: its best-ranked name, kept for the body's fallback."""
    from factcheck.extract.subjects import Subject

    best = None
    for e in d.subjects.entities:
        if not e.bare and e.rank >= 3 and (best is None or e.rank > best.rank):
            best = e
    if best is None:  # 澳門9月賭收187億: a headline naming only a place is about that place
        best = next((e for e in d.subjects.entities if e.cls == "place" and not e.bare), None)
    return Subject(best.text, -1, -1, 0.4, best.cls) if best else None


_TAG = re.compile(r"<[^>]*>")


def _original(view: TextMap, raw: str, a: int, b: int) -> str:
    """The article's own words for analysis text [a, b): the raw slice without tags and glosses."""
    while a < b and view.ends[a] <= view.starts[a]:
        a += 1
    while b > a and view.ends[b - 1] <= view.starts[b - 1]:
        b -= 1
    if b <= a:
        return ""
    piece = raw[view.starts[a] : view.ends[b - 1]]
    if "<" in piece:  # no tag and no gloss: nothing to remove (the checks are much cheaper than sub)
        piece = _TAG.sub("", piece)
    if "(" in piece:
        piece = GLOSS.sub("", piece)
    if "&" in piece:  # unescape changes nothing without one (and the context manager costs a microsecond)
        with contextlib.suppress(ValueError, OverflowError):  # a character reference of thousands of digits stays
            piece = unescape(piece)
    return piece.replace("\r", "").strip()


def _to_claim(m: Mention, d: _Doc, source: Source, lines) -> Claim | None:
    doc = source.document
    view = d.view
    text = d.text
    if m.end <= m.start:
        return None
    rs, re_ = view.raw_span(m.start, m.end)
    if re_ <= rs:
        return None
    si = d.ctx.sentence_index(m.start)
    sent = d.ctx.sentences[si]
    ci = d.ctx.clause_index(sent, m.start)
    ca, cb = sent.clauses[ci]
    reason = m.reason
    subject = metric = None
    found = d.marker_cache.get(sent.start)
    if found is None:
        found = d.marker_cache[sent.start] = markers(text, sent.start, sent.end, lambda pos: d.name_mask[pos])
    mod = modality(text, sent.start, m.start, found=found)
    if reason is None and m.kind == "quantity":
        subj = d.subjects.for_quantity(m.start, m.dimension or "count")
        met = quantity_metric(text, ca, m.start, m.end, cb, m.counted, m.dimension or "count", sent.start, sent.end)
        as_of = d.as_of_for(m)
    elif reason is None:
        event = _EVENT_OF_DATE.match(text, m.end, sent.end)
        if event:
            # 9月25日的华为全联接2021大会上: the date is the event's own date
            from factcheck.extract.metrics import Metric
            from factcheck.extract.subjects import Subject

            name = event.group("name").strip()
            subj = Subject(name, event.start("name"), event.start("name") + len(name), 0.85, "program")
            met = Metric("举办", "meeting", False, False)
        else:
            met = date_metric(text, ca, m.start, m.end, sent.end)
            subj = d.subjects.for_date(m.start, m.end, event_position(text, m.end, sent.end), met.key == "release")
        after_mod = modality(text, m.end, cb, found=[x for x in found if x[0] >= m.end])
        if after_mod != "actual" and mod == "actual":
            mod = after_mod
        as_of = d.pub_text
    else:
        subj = met = None
        as_of = None
    if reason is None and m.kind == "quantity" and m.start in d.respectively:
        subj = d.respectively[m.start]
    if reason is None:
        if subj is not None:
            skey = ("subject", subj.start, subj.end, subj.text)  # claims of one sentence often share it
            name = d.sentence_cache.get(skey)
            if name is None:
                name = d.sentence_cache[skey] = _subject_text(subj, view, source.raw, text)
            subject = {"text": name, "key": subject_key(subj.text), "type": subj.type}
        metric = {"text": met.text, "key": metric_key(met.key, met.varies, met.cumulative)}
    line = bisect.bisect_right(lines, rs)
    column = rs - lines[line - 1] + 1
    key = (id(view), sent.start)
    sentence = d.sentence_cache.get(key)
    if sentence is None:
        sentence = d.sentence_cache[key] = _original(view, source.raw, sent.start, sent.end)
    extra = {}
    if m.kind == "quantity" and m.value is not None and (m.unit or m.reason in _VALUED_REASONS):
        if m.unit == "count" and met is not None and met.dimension in _COUNT_UNITS:
            m.unit = _COUNT_UNITS[met.dimension]  # 标准机架超过830万架: racks, counted with 架
        extra = {
            "value": _fnum(m.value), "unit": m.unit, "lower": _fnum(m.lower), "upper": _fnum(m.upper),
            "lower_open": m.lower_open, "upper_open": m.upper_open,
            "resolution": _fnum(m.resolution) if m.qualifier == "exact" else None,
            "qualifier": m.qualifier if m.qualifier in ("exact", "approx", "at_least", "at_most", "range") else "exact",
            "precision": m.precision, "counted": m.counted,
        }
    elif m.kind == "date" and m.date_start:
        extra = {
            "date": {"start": m.date_start, "end": m.date_end, "precision": m.date_precision},
            "qualifier": "range" if m.date_precision == "range" else "exact",
        }
    # nested models as dicts: validated inside Claim's one (C) validation, cheaper than a model each
    return Claim(
        id=claim_id(doc.id, rs, re_, m.kind), document=doc.id, path=doc.path, span={"start": rs, "end": re_}, line=line, column=column,
        text=source.raw[rs:re_], sentence=sentence, kind=m.kind,
        subject=subject, metric=metric, as_of=as_of, modality=mod, reason=reason,
        confidence=subj.confidence if reason is None and subj else 0.3, **extra,
    )


def claim_id(document_id: str, start: int, end: int, kind: str) -> str:
    """Stable: the same document, span and kind give the same id in every run."""
    return "c-" + hashlib.sha1(f"{document_id}\x00{start}\x00{end}\x00{kind}".encode()).hexdigest()[:16]


def _subject_text(subj, view: TextMap, raw: str, text: str) -> str:
    """The subject as the article writes it (original script), or the composed name."""
    if subj.start >= 0:
        original = _original(view, raw, subj.start, subj.end).replace("\n", "")
        if original.replace(" ", "") and len(original) <= 3 * len(subj.text) + 4:
            return original if text[subj.start : subj.end].replace(" ", "") == subj.text else subj.text
    return subj.text
