"""Which entity a figure is about.

Chinese news names its topic first and then drops it, so the subject of a figure is looked for in
its own clause, then in the clauses before it, then in the sentences before it within a few
sentences. Sources (据X, X表示), helpers (在X的支持下, 依托X), list members (A、B等) and
locatives (在武汉) are not subjects. A bare head (人工智能计算中心) takes the place named before it
in the sentence (在武汉，…人工智能计算中心 -> 武汉人工智能计算中心).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.extract.context import Context
from factcheck.extract.entities import Entity
from factcheck.extract.entities import _lex as _entity_lex
from factcheck.extract.patterns import norm, norm_all
from factcheck.lang import load_english, load_lexicon
from factcheck.lang.grammar import grammar, rx
from factcheck.lang.loader import alternation

MAX_SENTENCES_BACK = 6


@dataclass
class Subject:
    text: str  # normalised name
    start: int  # analysis span of the name (for evidence), -1 when composed
    end: int
    confidence: float
    type: str = "phrase"


@dataclass(frozen=True)
class _Rules:
    attribution_after: re.Pattern
    attribution_before: re.Pattern
    instrument: tuple[tuple[str, str], ...]  # (before, after) around a helper: 依托{}, 与{}合作
    identifying: tuple[str, ...]
    instrument_before: tuple[str, ...]  # every non-empty "before" part, for one endswith
    instrument_after: tuple[str, ...]  # the "after" parts of patterns with no "before" part
    paired: re.Pattern  # 由A与{}: the second of a pair after a helper word with no "after" part


@cache
def _rules() -> _Rules:
    f = load_lexicon().filters
    # 合肥高新区管委会相关负责人介绍: a body's spokesperson is a source too
    attribution_after = re.compile(rf"^[^,。;，：:]{{0,10}}(?:{alternation(norm_all(f.attribution.words))})")
    attribution_before = re.compile(rf"(?:{alternation(norm_all(f.attribution.before))})[^,。;]{{0,2}}$")
    instrument = []
    for pat in f.instrument.patterns:
        before, _, after = norm(pat).partition("{}")
        instrument.append((before, after))
    lone = sorted({b for b, a in instrument if b and not a}, key=len, reverse=True)
    paired = re.compile(rf"(?:{alternation(lone)})[^，,。；;：:“”]{{1,10}}与$") if lone else re.compile(r"(?!)")
    return _Rules(attribution_after, attribution_before, tuple(instrument), tuple(norm_all(f.instrument.identifying)),
                  tuple(b for b, _ in instrument if b), tuple(a for b, a in instrument if not b and a), paired)


@cache
def _own_results() -> re.Pattern:
    """"X reported revenue of …": after a verb of saying, a results noun makes the figure X's own."""
    f = load_lexicon().filters.attribution
    lead = alternation(f.own_results_lead) if f.own_results_lead else "(?!)"
    # said on Wednesday its revenue, reported (16-Oct-2025) the following traffic: a day or a bracket may stand between
    gap = r"(?:(?:on|late[ ]on|early[ ]on)[ ][A-Z][a-z]+[ ]|\([^()\n]{1,24}\)[ ]|that[ ])?"
    return re.compile(rf"[ ]{gap}(?:(?:{lead})[ ])*(?:{alternation(f.own_results) if f.own_results else '(?!)'})\b", re.I)


def _valid(ent: Entity, text: str) -> bool:
    r = _rules()
    before = text[max(0, ent.start - 6) : ent.start]
    after = text[ent.end : ent.end + 16]
    said = r.attribution_after.match(after)
    if said and not (said.group().startswith(" ") and _own_results().match(text, ent.end + said.end())):
        return False
    if r.attribution_before.search(before):
        return False
    # one endswith / startswith first: most names have no helper word around them
    if (before.endswith(r.instrument_before) or after.startswith(r.instrument_after)) and _helped(ent, before, after, r):
        return False
    if _in_list(ent, text):
        return False
    if text.startswith("与", ent.start - 1) and r.paired.search(text, max(0, ent.start - 14), ent.start):
        return False  # 由中央與台中市政府共同分擔: both of a pair after 由 pay; neither is whose figures follow
    return not (ent.cls in ("place", "national") and before.endswith("在"))


def _helped(ent: Entity, before: str, after: str, r: _Rules) -> bool:
    """A helper (在X的支持下, 依托X, 与X合作) or a predicate noun (成为X), not the subject."""
    for b, a in r.instrument:
        identified = b == "是" and before.endswith(r.identifying)  # 最长的是X: X is picked out, not described
        if b and before.endswith(b) and (not a or after.startswith(a)) and not identified:
            return True
        if not b and a and after.startswith(a) and ent.cls in ("known", "place"):
            return True
    return False


def _complete(ent: Entity, entities: list[Entity], scope_start: int, text: str) -> Entity | None:
    """A bare facility head takes the nearest city or province named before it in scope, unless
    another named body stands between them (上海电信…算力集群 is 上海电信's, not 上海's), or it
    points back (该数据中心 is the article's topic, not the place named before it)."""
    if not ent.bare or ent.cls != "facility":
        return None
    if _ANAPHOR_BEFORE.search(text, max(0, ent.start - 3), ent.start):
        return None
    if _after_verb(text, ent.start):
        return None  # 柔佛吸引數據中心投資: the object of a verb is a kind of thing, not a centre named after the place
    if ent.head.isascii():
        if text[ent.start : ent.end].endswith("s"):
            return None  # "new data centres": a plural head is a kind of thing, not one named place
        # "a new cloud computing centre at the Southern Taiwan Science Park in Tainan": the place
        # the sentence puts it in, before the one named earlier
        window_end = min(len(text), ent.end + 80)
        stop = min([i for i in (text.find(". ", ent.end, window_end), text.find("\n", ent.end, window_end)) if i >= 0],
                   default=window_end)
        located = [o for o in entities if ent.end < o.start < stop and o.cls == "place" and text.endswith(" in ", 0, o.start)]
        if located:
            where = located[-1]
            return Entity(ent.start, ent.end, "facility", f"{where.text} {ent.head}", False, ent.head)
    for other in reversed(entities):
        if other.end > ent.start or other.start < scope_start:
            continue
        if other.cls in ("facility", "organisation", "program") and not other.bare:
            return None
        if other.cls == "place" and _valid_place_for_completion(other, text):
            if text.startswith("的", ent.start - 1) and _FIGURE.search(text, other.end, ent.start):
                return None  # 本港有近90萬平方米的數據中心樓面: a kind of thing the figure measures, no named centre
            glue = " " if ent.head.isascii() and other.text.isascii() else ""  # Taiwan + cloud computing centre
            return Entity(other.start, ent.end, "facility", other.text + glue + ent.head, False, ent.head)
    return None


@cache
def _national():
    e = load_lexicon().entities
    return re.compile(alternation(norm_all(e.organisations.national_sources))), norm(e.national.canonical)


@cache
def _regional() -> tuple[re.Pattern, dict[str, str]]:
    """A territory's own statistics bodies (差饷物业估价署 for Hong Kong) and the place each covers."""
    covers = {norm(body): norm(place) for place, bodies in load_lexicon().entities.regional_sources.items() for body in bodies}
    return (re.compile(alternation(sorted(covers, key=len, reverse=True))) if covers else re.compile(r"(?!)")), covers


@cache
def _sources() -> frozenset:
    """Bodies that publish other bodies' figures (IDC, 工信部): never a company's own voice."""
    e = load_lexicon().entities
    return frozenset(norm_all(list(e.organisations.sources) + list(e.organisations.national_sources)) + list(_regional()[1]))


@cache
def _recurring_heads() -> frozenset:
    zh = load_lexicon().entities.heads.recurring
    en = load_english().entities.heads.recurring
    return frozenset([norm(h) for h in zh] + [h.lower() for h in en])


def _recurring_head(head: str | None) -> bool:
    """A list or a conference is where a figure was given, not whose it is."""
    return bool(head) and (head in _recurring_heads() or head.lower() in _recurring_heads())


def _national_source(text: str, a: int, b: int) -> str | None:
    """来自工信部的数据显示，…: a national body's statistics are about the country; 差饷物业估价署公布，…:
    a territory's statistics body's are about the territory."""
    rx, canonical = _national()
    if rx.search(text, a, b):
        return canonical
    regional, covers = _regional()
    m = regional.search(text, a, b)
    return covers[m.group()] if m else None


def _widening(short: str, facilities: list[Entity]) -> Entity | None:
    """The one body name that a headline's name shortens by leaving words out between its place and its
    head (荃湾数据中心 for 荃湾西湾数据中心); None when no name, or two different names, do."""
    from factcheck.link.normalise import subject_key

    found: dict[str, Entity] = {}
    for e in facilities:
        key = subject_key(e.text)
        if len(key) > len(short) and any(
                key.startswith(short[:i]) and key.endswith(short[i:]) for i in range(2, len(short) - 1)):
            found.setdefault(key, e)
    return next(iter(found.values())) if len(found) == 1 else None


def _straddles(phrase: str, cut: int) -> bool:
    """北向资金持有公司: a word of not_a_topic (持有) that the cut word (有) ends; the phrase is a verb's subject."""
    return any(m.start() < cut < m.end() for m in _NOT_A_NAME.finditer(phrase, max(0, cut - 4), cut + 4))


@cache
def _verb_before() -> re.Pattern:
    return re.compile(rf"(?:{alternation(norm_all(load_lexicon().entities.stop_words.words))})$")


def _after_verb(text: str, at: int) -> bool:
    """A head right after a verb of entities.toml [stop_words] (吸引, 建设, 布局): the verb's object."""
    return bool(_verb_before().search(text, max(0, at - 4), at))


def _counted_or_joined(text: str, ent: Entity, start: int) -> bool:
    """A name right before a count, or joined to it by a conjunction or preposition (与, 为)."""
    gap = start - ent.end
    return gap <= 0 or (gap == 1 and text[ent.end] in _JOINERS)


def _in_list(ent: Entity, text: str) -> bool:
    """A member of an enumeration (A、B和C等) is an example, not the subject."""
    prev_ch = text[ent.start - 1] if ent.start else "^"
    next_ch = text[ent.end] if ent.end < len(text) else "$"
    return prev_ch in "、和及" or next_ch in "、等"


def _valid_place_for_completion(ent: Entity, text: str) -> bool:
    return not _in_list(ent, text) and (ent.end >= len(text) or text[ent.end] != "和")


_NP_TRIM_START = rx(r"^{subjects.np_trim_start}+")
_NP_CUT = rx(r"{subjects.np_cut}")
_CLAUSE_OPENER = rx(r"{subjects.np_trim_start}+")
_DIGIT = re.compile(r"\d")
_FIGURE = re.compile(r"[\d一二两三四五六七八九十百千万亿]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# clauses that describe a name rather than make a statement: ", which …", ", built by …"
_POINTS_BACK = rx(r"\s*{subjects.points_back}\b")
# clauses that describe a name rather than make a statement: ", which …", ", built by …", and the
# appositive ", the AI computing platform of Peng Cheng Laboratory,"
_RELATIVE = rx(r"\s*{subjects.describing_clause}\b", re.I)
_ANAPHOR = rx(r"^{subjects.anaphor}")
_NOT_A_NAME = rx(r"{subjects.not_a_topic}")
_SHARE_WORD = re.compile(alternation(grammar().subjects.share_words)) if grammar().subjects.share_words else None
_ANAPHOR_BEFORE = rx(r"(?:{subjects.anaphor_head})$")
_SCOPE_WHOLE = rx(r"{subjects.scope_whole}")
_COMPANY = rx(r"(?:{subjects.np_trim_start})*(?:{subjects.company_pointers})")
_EN_NP = rx(r"\s*(?:and |but |while )?((?:[A-Za-z][\w-]*\s){0,3}[A-Za-z][\w-]*)\s(?:{subjects.measuring_verbs})\b")
_EN_NOT_NP = frozenset(w.lower() for w in grammar().subjects.points_back + ["the", "a", "an", "its", "their", "they", "we", "he", "she", "there", "which", "who"])
_JOINERS = frozenset(grammar().subjects.count_joiners)
_BENEFICIARY = re.compile(rf"(?:{alternation(grammar().subjects.beneficiaries)})$") if grammar().subjects.beneficiaries else re.compile(r"(?!)")
_EN_MEASURED = frozenset(grammar().subjects.measured_nouns)
_COMPANY_WORD = rx(r"{subjects.company_pointers}")
_POINTER_NOUN = rx(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts) (?:new |whole |)({subjects.system_nouns})\b")
_PLACE_NOUN = rx(r"\s?(?:{subjects.place_nouns})\b", re.I)


@cache
def _anaphor_rx() -> re.Pattern:
    """该中心, 该项目, 此数据中心: a pointer word and a generic head (the heads of entities.toml and
    the pointing nouns of grammar.toml), naming no entity of its own."""
    from factcheck.extract.entities import _lex as entity_lex

    pointers = set(grammar().subjects.anaphor_head)
    nouns = [n for n in grammar().subjects.anaphor if n not in pointers] + list(entity_lex().head_class)
    return re.compile(rf"(?:{alternation(sorted(pointers, key=len, reverse=True))})(?:{alternation(nouns)})")


@cache
def _tables_once() -> None:
    """The key tables (aliases, heads, places and the romanised places for names in Latin letters)
    are built with the lexicon, at the first extraction (before the workers are forked), not in the
    middle of a run when the first such name appears."""
    from factcheck.link.normalise import subject_key

    subject_key("Shenzhen")


class SubjectFinder:
    def __init__(self, text: str, ctx: Context, entities: list[Entity], occupied: bytearray | None = None,
                 metric_words=None, topic: Subject | None = None):
        self.text, self.ctx = text, ctx
        _tables_once()
        # an entity inside a counted noun (35 万昇腾开发者) is what is counted, not a subject
        self.occupied = occupied or bytearray(len(text))
        self.entities = [e for e in entities if not any(self.occupied[e.start : e.end])]
        self._starts = [e.start for e in self.entities]
        self.metric_words = metric_words
        self._quantity = False
        self._valid_cache: dict[tuple[int, int, str], bool] = {}
        self.topic = self._fuller(topic) if topic is not None else self._main_entity()

    def _fuller(self, topic: Subject) -> Subject:
        """The headline's topic under the fuller name the body gives it (Foshan AI computing center in
        the title, China Telecom Foshan Intelligent Computing Center in the text)."""
        if topic.type == "place":
            # a headline naming only a place (澳門9月賭收187億): the body's own topic if it names one
            body = self._main_entity()
            return body if body is not None and body.type != "place" else topic
        if topic.type != "facility":
            return topic
        from factcheck.link.normalise import subject_key

        short = subject_key(topic.text)
        named_here = False
        for e in self.entities:
            if e.cls != "facility" or e.bare:
                continue
            key = subject_key(e.text)
            if len(key) > len(short) and short in key:
                return Subject(e.text, e.start, e.end, topic.confidence, e.cls)
            named_here = named_here or key == short
        if not named_here:
            widened = _widening(short, [e for e in self.entities if e.cls == "facility" and not e.bare])
            if widened is not None:  # 荃灣數據中心 over 荃灣西灣數據中心: the headline shortened the name
                return Subject(widened.text, widened.start, widened.end, topic.confidence, widened.cls)
        if topic.text.isascii():
            from factcheck.extract.en_subjects import fuller_topic

            fuller = fuller_topic(self.entities, topic)  # Ohio data center campus -> Northgate Cloud's (en_subjects.py)
            if fuller is not topic:
                return fuller
        if not named_here:
            # a headline's description (將軍澳新數據中心) the body never repeats, while the body names
            # one centre again and again (匯港數據中心): the body's centre is the topic
            body = self._main_entity()
            if body is not None and body.type == "facility" and self._named_twice(body.text):
                return body
            # "Johor data centre boom" over a text about Johor: the place the headline wraps
            places = [e for e in self.entities if e.cls == "place" and e.text in topic.text]
            if places and self._named_twice(places[0].text):
                return Subject(places[0].text, places[0].start, places[0].end, topic.confidence, "place")
        return topic

    def _named_twice(self, name: str) -> bool:
        return sum(1 for e in self.entities if e.text == name) >= 2

    def _usable(self, ent: Entity) -> bool:
        """_valid(ent, text), computed once per name: it depends on the name's span and class only."""
        key = (ent.start, ent.end, ent.cls)
        ok = self._valid_cache.get(key)
        if ok is None:
            ok = self._valid_cache[key] = _valid(ent, self.text)
        return ok

    def _main_entity(self) -> Subject | None:
        """The document's topic: its most often named centre, else body (ties: the first named)."""
        tally: dict[str, list[Entity]] = {}
        for e in self.entities:
            if not e.bare and e.cls in ("facility", "organisation", "known", "national") and self._usable(e):
                tally.setdefault(e.text, []).append(e)
        if not tally:
            # an article about a place (a city's tourism, a territory's airport): the place named most,
            # even where it stands in a source (澳門特區政府旅遊局表示) — it still names the topic
            for e in self.entities:
                if e.cls == "place":
                    tally.setdefault(e.text, []).append(e)
            if not tally:
                # a page that names no body nor place but quotes a territory's statistics body
                # (差估署：樓價指數連跌三個月) is about that territory
                m = _regional()[0].search(self.text)
                return Subject(_regional()[1][m.group()], -1, -1, 0.4, "place") if m else None
        # one centre named in full once and shortly elsewhere (China Telecom Foshan Intelligent
        # Computing Center, Foshan AI computing center) is one topic, under its fullest name
        from factcheck.link.normalise import subject_key

        centres = [name for name, es in tally.items() if es[0].cls == "facility"]
        merged: dict[str, list[Entity]] = tally
        if len(centres) > 1:
            keys = {name: subject_key(name) for name in centres}
            merged = {}
            for name, es in tally.items():
                fuller = [n for n in centres if name in keys and len(keys[n]) > len(keys[name]) and keys[name] in keys[n]]
                merged.setdefault(max(fuller, key=lambda n: len(keys[n])) if fuller else name, []).extend(es)
            for name in merged:
                merged[name].sort(key=lambda e: e.text != name)  # the fullest name first
        # a centre named twice outranks a brand named often: articles here are about centres
        best = max(merged.values(), key=lambda es: (es[0].cls == "facility" and len(es) >= 2, len(es), -min(e.start for e in es)))
        return Subject(best[0].text, best[0].start, best[0].end, 0.4, best[0].cls)

    def _in(self, a: int, b: int) -> list[Entity]:
        import bisect

        i = bisect.bisect_left(self._starts, a)
        out = []
        while i < len(self.entities) and self.entities[i].start < b:
            if self.entities[i].end <= b:
                out.append(self.entities[i])
            i += 1
        return out

    def _possessor(self, ents: list[Entity], start: int, dimension: str) -> Entity | None:
        """China's total computing power: the name that owns the metric is the subject."""
        for ent in ents:
            if self.text.startswith(("'s ", "’s "), ent.end) and not ent.bare and self.metric_words:
                at = self.metric_words(self.text, ent.end + 3, start, dimension)
                if at is not None and at - (ent.end + 3) <= 24:
                    return ent
        return None

    def _best(self, ents: list[Entity], sentence_start: int, own: bool) -> Entity | None:
        """own: the figure's own clause, where a bare head may take a place from earlier in the
        sentence; elsewhere the place must stand in the same clause as the head."""
        best = None
        for ent in ents:
            cand = ent
            if self._quantity and _recurring_head(ent.head):
                continue  # a list or a conference is where a figure was given, not whose it is
            if ent.bare:
                scope = sentence_start if own else self.ctx.clause_start(ent.start)
                cand = _complete(ent, self.entities, scope, self.text)
                if cand is None:
                    continue
            elif not self._usable(ent):
                continue
            if best is None or cand.rank > best.rank:
                best = cand
        return best

    def for_quantity(self, start: int, dimension: str) -> Subject | None:
        self._quantity = True
        try:
            return self._topic_place(self._for_quantity(start, dimension))
        finally:
            self._quantity = False

    def _topic_short(self, subject: Subject | None) -> Subject | None:
        """韶关集群 on a page about 韶关数据中心集群: a place and a head, both the topic's own (its name
        opens on that place and ends on that head), is the topic named short."""
        topic = self.topic
        if subject is None or topic is None or subject.type != "facility" or subject.text == topic.text:
            return subject
        place = _entity_lex().places.match(subject.text)
        head = subject.text[place.end():] if place else ""
        if len(head) < 2 or not topic.text.startswith(place.group()) or not topic.text.endswith(head):
            return subject
        return Subject(topic.text, topic.start, topic.end, subject.confidence, topic.type)

    def _topic_place(self, subject: Subject | None) -> Subject | None:
        """"The Foshan center had 60 petaflops": a place with a generic noun after it is the
        article's topic when the topic's name holds that place."""
        subject = self._topic_short(subject)
        topic = self.topic
        if subject is None or subject.type != "place" or topic is None or topic.type != "facility" or subject.start < 0:
            return subject
        if subject.text not in topic.text or not _PLACE_NOUN.match(self.text, subject.end):
            return subject
        return Subject(topic.text, topic.start, topic.end, 0.7, topic.type)

    def _for_quantity(self, start: int, dimension: str) -> Subject | None:
        if start and self.text[start - 1] in " $€£¥" and not _CJK.match(self.text, start):
            from factcheck.extract.en_subjects import described

            centre = described(self, start)  # a $3.5 billion data center campus (English, en_subjects.py)
            if centre is not None:
                return centre
        si = self.ctx.sentence_index(start)
        sent = self.ctx.sentences[si]
        ci = self.ctx.clause_index(sent, start)
        a, b = sent.clauses[ci]
        own = self._in(a, start)
        owner = self._possessor(own, start, dimension)
        if owner is not None and self._usable(owner):
            return Subject(owner.text, owner.start, owner.end, 0.9, owner.cls)
        if dimension == "count":
            # 形成AI应用示范项目超过100个: a name right before a count is what is counted
            # (华为与55所高校: a partner joined to the count); 兰州新区智算中心分三期建设 is the centre's
            own = [e for e in own if not _counted_or_joined(self.text, e, start) or e.cls in ("place", "national", "region")]
        # 为澳门的38家企业提供服务: a place owning the counted noun says whose, not who counts
        own = [e for e in own if not (start - e.end <= 2 and self.text.startswith("的", e.end))]
        own = self._without_beneficiary(own, sent.start)
        ent = self._best(own, sent.start, own=True)
        if ent and ent.cls in ("place", "national") and self.text[start].isascii():
            from factcheck.extract.en_subjects import place_right_after

            # rose 8% in Ganzhou and 11% in Nanping: the place right after a figure is its own (en_subjects.py)
            ent = place_right_after(self, start, b) or ent
        if ent:
            return Subject(ent.text, ent.start, ent.end, 0.9, ent.cls)
        pointed = self._pointed(sent.start, start) or self._pointed_machine(sent.start, start) or self._topic_head(a, start)
        if pointed is not None:
            return pointed
        if ci > 0 and self.text[start].isascii():
            from factcheck.extract.en_subjects import place_right_after

            ent = place_right_after(self, start, b)  # … and 11% in Nanping: an elided clause's own place
            if ent is not None:
                return Subject(ent.text, ent.start, ent.end, 0.8, ent.cls)
        for j in range(ci - 1, -1, -1):
            ca, cb = sent.clauses[j]
            if j > 0 and _RELATIVE.match(self.text, ca):
                continue  # ", which was built with Huawei," describes the subject, it is not one (a sentence's first clause states)
            ent = self._best(self._in(ca, cb), sent.start, own=False)
            if ent:
                return Subject(ent.text, ent.start, ent.end, 0.8, ent.cls)
        after = [e for e in self._in(start, b) if not e.bare and e.cls in ("facility", "organisation") and self._usable(e)]
        if after:
            # 吸引了100＋企业与武汉人工智能计算中心展开合作: with nothing before it in the sentence,
            # the body named after a count is whose count it is
            return Subject(after[0].text, after[0].start, after[0].end, 0.5, after[0].cls)
        national = _national_source(self.text, sent.start, start)
        if national:
            return Subject(national, -1, -1, 0.6, "national")
        if self.text[start].isascii() and not _CJK.match(self.text, start):
            from factcheck.extract.en_subjects import place_after

            place = place_after(self, start, b)  # Close to 31 gigawatts were added to the U.S. grid (en_subjects.py)
            if place is not None:
                return place
        np = self._noun_phrase(a, start, dimension)
        if np:
            return np
        return self._back(si, 0.6, english=self.text[start].isascii())

    def _without_beneficiary(self, own: list[Entity], sentence_start: int) -> list[Entity]:
        """将为柳州提供800P算力 after a centre named earlier in the sentence: the place receives, the
        centre gives; the place is left out so the centre is found."""
        kept = [e for e in own if not (e.cls in ("place", "national") and _BENEFICIARY.search(self.text, max(0, e.start - 4), e.start))]
        if len(kept) == len(own):
            return own
        earlier = [e for e in self._in(sentence_start, own[0].start) if e.cls == "facility" and not e.bare]
        return kept if earlier else own

    def _pointed(self, sentence_start: int, start: int, scope_end: int | None = None) -> Subject | None:
        """With no name in the figure's own clause: 全市/全省 is the place named before it (even
        inside a source: 东莞市卫健局通报，全市…), and a sentence that opens on 该中心 or 该项目
        is about the article's topic."""
        # a date looks to the end of its clause (去年全区…: the date stands before the scope word)
        end = start if scope_end is None else scope_end
        first = _SCOPE_WHOLE.search(self.text, sentence_start, end)
        at = -1
        while first is not None:  # the last scope word before the figure (most sentences have none)
            at, word = first.start(), first.group()
            first = _SCOPE_WHOLE.search(self.text, first.end(), end)
        if at >= 0:
            # the last place named before, one of that level (市 for 全市/该市) if there is one
            level = word[-1]
            places = list(_entity_lex().places.finditer(self.text, max(0, at - 240), at))
            same_level = [p for p in places if p.group().endswith(level)]
            place = (same_level or places or [None])[-1]
            if place is not None:
                return Subject(place.group(), place.start(), place.end(), 0.7, "place")
        company = self._company(sentence_start, start)
        if company is not None:
            return company
        m = _anaphor_rx().search(self.text, sentence_start, start) if self.topic is not None else None
        if m is None:
            return None
        if any(not e.bare and self._usable(e) for e in self._in(sentence_start, m.start())):
            return None  # 北京，这座科技之都，…: the pointer names what the sentence named first
        return Subject(self.topic.text, self.topic.start, self.topic.end, 0.7, self.topic.type)

    def _topic_head(self, a: int, start: int) -> Subject | None:
        """機場每小時最高升降量…, 中心目前…: a bare head opening the figure's clause, with the head the
        article's topic ends in, is that topic named short (香港國際機場), as 該機場 would be."""
        topic = self.topic
        if topic is None or topic.type != "facility":
            return None
        opening = _CLAUSE_OPENER.match(self.text, a, start)
        at = opening.end() if opening else a
        for e in self._in(at, start):
            if e.start == at and e.bare and e.cls == "facility" and topic.text.endswith(e.head):
                return Subject(topic.text, topic.start, topic.end, 0.6, topic.type)
            break
        return None

    def _company(self, sentence_start: int, start: int) -> Subject | None:
        """公司 opening the figure's clause: the company named last before it, a speaker included
        (a company reporting its own results is the subject of them); never a statistics source."""
        sent = self.ctx.sentences[self.ctx.sentence_index(start)]
        if not _COMPANY_WORD.search(self.text, sent.start, start):
            return None  # no pointer word in the sentence before the figure: nothing to resolve
        ci = self.ctx.clause_index(sent, start)
        for j in range(ci, -1, -1):  # 公司一季度营收5.6亿元，同比增长28%: the clause that opens on 公司
            a = sent.clauses[j][0]
            if _COMPANY.match(self.text, a):
                break
            if j < ci and any(not e.bare and self._usable(e) for e in self._in(*sent.clauses[j])):
                return None
        else:
            return None
        sources = _sources()
        for e in reversed(self._in(max(0, a - 400), a)):
            if e.cls in ("organisation", "known") and not e.bare and e.text not in sources:
                return Subject(e.text, e.start, e.end, 0.7, e.cls)
        return None

    def _pointed_machine(self, sentence_start: int, start: int) -> Subject | None:
        """"It is said that this supernode provides 300 PFLOPs": the name that noun followed before
        (the CloudMatrix 384 supernode)."""
        found = list(_POINTER_NOUN.finditer(self.text, sentence_start, start))
        if not found:
            return None
        m = found[-1]
        noun = m.group(1)
        for e in reversed(self._in(max(0, m.start() - 3000), m.start())):
            if e.bare:
                continue
            # the name the noun followed (the CloudMatrix 384 supernode), or a centre whose head is
            # that noun (the facility, the centre: the last centre named)
            if self.text.startswith(" " + noun, e.end) or (
                e.cls == "facility" and (noun in ("facility", "site") or e.head.lower().endswith(noun))
            ):
                return Subject(e.text, e.start, e.end, 0.7, e.cls)
        return None

    def _english_noun_phrase(self, a: int, start: int) -> Subject | None:
        """"Urban households accounted for 17 per cent": a plain noun phrase opening the clause, as
        the subject of a verb of measuring (data/grammar.toml), with no name anywhere near."""
        m = _EN_NP.match(self.text, a, start)
        if not m or m.group(1).split()[0].lower() in _EN_NOT_NP or m.group(1).split()[-1].lower() in _EN_MEASURED:
            return None
        return Subject(m.group(1), m.start(1), m.end(1), 0.5)

    def _noun_phrase(self, a: int, start: int, dimension: str) -> Subject | None:
        """The topic before the metric word of the figure's own clause: AI初创企业的存活率不到10%."""
        if self.text[a:start].isascii() or not _CJK.search(self.text, a, start):  # ¥, €, £ are English too
            return self._english_noun_phrase(a, start)
        if self.metric_words is None:
            return None
        at = self.metric_words(self.text, a, start, dimension)
        if at is None or (_SHARE_WORD is not None and _SHARE_WORD.match(self.text, at)):
            return None  # 四级手术占比为28.5%: the part, so the walk back finds the whole
        head = self.text[a:at]
        trimmed = _NP_TRIM_START.sub("", head.strip())
        cut = _NP_CUT.search(trimmed)
        phrase = (trimmed[: cut.start()] if cut else trimmed).strip()
        from factcheck.extract.entities import _lex as entity_lex

        if _ANAPHOR.match(phrase) or _NOT_A_NAME.search(phrase) or entity_lex().stop_words.search(phrase) or (
                cut and _straddles(trimmed, cut.start())):
            return None  # 该中心: refers back, so the walk back finds what it names
        offset = a + head.find(phrase)
        if 2 <= len(phrase) <= 12 and not _DIGIT.search(phrase) and not any(self.occupied[offset : offset + len(phrase)]):
            return Subject(phrase, offset, offset + len(phrase), 0.5)
        return None

    def for_date(self, start: int, end: int, event_at: int | None, released: bool = False) -> Subject | None:
        return self._topic_short(self._for_date(start, end, event_at, released))

    def _for_date(self, start: int, end: int, event_at: int | None, released: bool = False) -> Subject | None:
        """A date's subject often follows it (6月，南京人工智能计算中心发布): look after the date up to
        its event word, then before it in the sentence (the topic), and take the best-ranked name."""
        if self.text.startswith(" ", start - 1) and self.text[start:end].isascii():
            from factcheck.extract.en_subjects import date_speaker

            speaker = date_speaker(self, start)  # "X said on Thursday": X (English, en_subjects.py)
            if speaker is not None:
                return speaker
        si = self.ctx.sentence_index(start)
        sent = self.ctx.sentences[si]
        ci = self.ctx.clause_index(sent, start)
        a, b = sent.clauses[ci]
        after_end = b
        if event_at is not None and event_at > end:
            after_end = max(b, event_at)
        elif ci + 1 < len(sent.clauses) and b - a <= end - start + 3:
            after_end = sent.clauses[ci + 1][1]
        if event_at is not None:
            # 发布《Y》, 点亮“Y”, 启动“Y”: what is dated is the thing the event word names right after it
            for ent in self._in(event_at, sent.end):
                near = ent.start - event_at <= 3
                if not ent.bare and ent.cls in ("title", "program", "facility") and (near or released):
                    return Subject(ent.text, ent.start, ent.end, 0.85, ent.cls)
                if ent.start - event_at > 3 and not released:
                    break
        own = self._best(self._in(end, after_end), sent.start, own=True)
        before = self._best(self._in(a, start), sent.start, own=True)
        if before and (own is None or before.rank > own.rank):
            own = before
        if own and own.rank > 2:
            return Subject(own.text, own.start, own.end, 0.85, own.cls)
        if own is None:
            pointed = self._pointed(sent.start, start, b)  # 该市去年底…, 公司今年一季度…, 去年全区…
            if pointed is not None:
                return pointed
        for j in range(ci - 1, -1, -1):
            rel = _RELATIVE.match(self.text, sent.clauses[j][0]) if j > 0 else None
            if rel and rel.group().strip().lower() not in ("the", "a", "an") and self.text[sent.clauses[j][0] : sent.clauses[j][1]].isascii():
                continue  # ", jointly built by … China Unicom," describes the centre; its bodies date nothing
            ent = self._best(self._in(*sent.clauses[j]), sent.start, own=False)
            if ent:
                if own is None or ent.rank > own.rank:
                    own = ent
                break
        if own:
            return Subject(own.text, own.start, own.end, 0.75, own.cls)
        return self._back(si, 0.5, english=self.text[start].isascii())

    def _back(self, si: int, confidence: float, english: bool = False) -> Subject | None:
        """The topic of the nearest earlier sentence that names one: its best-ranked name, the
        first on a tie (Chinese puts the topic first)."""
        here = self.ctx.sentences[si]
        paragraph = here.paragraph
        # "That's roughly 5 EFLOPS": an English sentence that opens by pointing back may reach
        # into the paragraph before (Chinese 该中心 goes to the document's topic instead)
        reach_back = bool(_POINTS_BACK.match(self.text, here.start))
        for k in range(si - 1, max(-1, si - 1 - MAX_SENTENCES_BACK), -1):
            sent = self.ctx.sentences[k]
            if sent.paragraph != paragraph:
                if not reach_back:
                    break
                paragraph, reach_back = sent.paragraph, False
            best = None
            for ca, cb in sent.clauses:
                ent = self._best(self._in(ca, cb), sent.start, own=False)
                if ent and (best is None or ent.rank > best.rank):
                    best = ent
            if best:
                return Subject(best.text, best.start, best.end, confidence, best.cls)
            confidence = max(0.3, confidence - 0.05)
        if english:
            from factcheck.extract.en_subjects import total_place

            place = total_place(self, si)  # utility-scale solar was added: the country's, not the company's
            if place is not None:
                return place
        return self.topic


_RESPECTIVELY = rx(r"{subjects.respectively}")
_LIST_SPLIT = rx(r"{subjects.list_separators}")


def respectively(text: str, ctx: Context, quantities) -> dict[int, Subject]:
    """东部、中部、西部和东北地区占比分别为62.5%、17.5%、12.5%、7.5%: the n-th figure after 分别
    belongs to the n-th name before it; names without the shared head take it from the last one."""
    out: dict[int, Subject] = {}
    if not _RESPECTIVELY.search(text):  # a list of words: no match in the text, none in any clause
        return out
    for sent in ctx.sentences:
        for a, b in sent.clauses:
            m = _RESPECTIVELY.search(text, a, b)
            if not m:
                continue
            values = [q for q in quantities if m.end() <= q.start < b]
            if len(values) < 2:
                continue
            head_text = text[a : m.start()]
            items = [i.strip() for i in _LIST_SPLIT.split(head_text) if i.strip()]
            if len(items) != len(values):
                continue
            last = items[-1]
            tail = ""
            for h in grammar().subjects.shared_heads:
                if h in last:
                    last_item, _, rest = last.partition(h)
                    tail = h
                    items[-1] = last_item + h
                    break
            for q, item in zip(values, items, strict=True):
                name = item if (not tail or item.endswith(tail)) else item + tail
                out[q.start] = Subject(name, -1, -1, 0.7, "region" if tail == "地区" else "phrase")
    return out
