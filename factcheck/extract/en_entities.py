"""English names: capitalised words before a generic head (Wuhan Artificial Intelligence Computing
Center, Pengcheng Cloud Brain II, Shanghai Telecom), known organisations, places of the gazetteer,
and the country."""

from __future__ import annotations

import re
from functools import cache

from factcheck.extract.entities import Entity
from factcheck.extract.scan import finditer
from factcheck.lang import load_english
from factcheck.lang.loader import alternation, trie_alternation
from factcheck.link.places import romanised

_TOKEN = re.compile(r"(?:[A-Z][\w'’.-]*|[A-Z]{2,}|\d+[A-Za-z]*)$")
_MAX_TOKENS = 5
_FIGURE_TOKEN = re.compile(r"[$€£¥]?\d[\d,.]*(?:[A-Za-z]{1,3}|MWh|GWh|PFLOPS?|EFLOPS?)?$")
# a machine's or site's own name: capitals with a model number or a hyphen (ABCI 3.0, LUMI-AI, HKG5,
# CloudMatrix 384); it names an entity only where the article repeats it
_SYSTEM = re.compile(
    r"(?<![\w$€¥£-])(?:[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)+|[A-Z]{2,}\d+[A-Za-z]?"
    r"|[A-Z][A-Za-z]*[A-Z][A-Za-z]*[ ]\d+(?:\.\d+)?[A-Za-z]?)(?![\w-])"
)


@cache
def _lex():
    en = load_english().entities
    head_class = {}
    for cls in ("facility", "organisation", "program", "region"):
        for h in getattr(en.heads, cls):
            head_class.setdefault(h.lower(), cls)
    places = frozenset(romanised()) | frozenset(en.regions.words)
    return (
        re.compile(rf"(?i:\b(?:{trie_alternation(head_class)})\b)(?:\s(?:III|II|IV|I|V|\d)\b)?"),
        head_class,
        re.compile(rf"\b(?:{alternation(en.organisations.names)})\b"),
        places,
        re.compile(rf"(?i:\b(?:{alternation(en.national.words)})\b)"),
        en.national.canonical,
        re.compile(rf"\b(?:{alternation(en.countries.names)})(?!\w)"),  # the U.S. grid: no word boundary after a dot
        re.compile(rf"(?i:\b(?:{alternation(en.countries.pointing)})\b)(?![-\w])"),
    )


@cache
def _words(table: str) -> frozenset:
    return frozenset(w.lower() for w in getattr(load_english().entities, table).words)


@cache
def _system_nouns() -> re.Pattern:
    """" supernode": a name followed by the kind of machine it is names one even if said once."""
    from factcheck.lang.grammar import grammar

    return re.compile(rf" (?:{alternation(grammar().subjects.system_nouns)})\b")


_APPOSITIVE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))((?:[A-Z][\w'’.-]*|of|de|del|la)(?:\s(?:[A-Z][\w'’.-]*|of|de|del|la)){0,4}),\s(?:the|a|an)\s[^,.;:()]{0,80}$")
_DIGIT = re.compile(r"\d")
_ACRONYM_DEF = re.compile(r"\(([A-Z]{2,6})\)")
_DEFINED_BY = re.compile(r"[A-Z][\w'’.-]*\s$")  # the capitalised name the brackets follow
_SYSTEM_PLAIN = re.compile(r"(?<![\w$€¥£-])[A-Z][a-z]+ \d{2,4}[A-Za-z]?(?![\w.-])")


_CAPITALISED = re.compile(r"\b[A-Z][a-z]*(?:['’](?!s\b)[a-z]+)?(?:[ -][A-Z][a-z]*(?:['’](?!s\b)[a-z]+)?){0,3}\b")
_WORD_BREAK = re.compile(r"[ -]")


def _places(text: str, places: frozenset) -> list[tuple[int, int]]:
    """Spans of known places in a run of capitalised words, longest first from each word (Hong Kong,
    Yangtze River Delta, Xi'an): a set look-up per word run, not an alternation of a thousand
    spellings tried at every capital letter."""
    out = []
    for m in _CAPITALISED.finditer(text):
        run = m.group()
        cuts = [0] + [b.start() for b in _WORD_BREAK.finditer(run)] + [len(run)]
        i = 0
        while i < len(cuts) - 1:
            begin = cuts[i] + (1 if i else 0)
            for j in range(len(cuts) - 1, i, -1):
                if run[begin : cuts[j]] in places:
                    out.append((m.start() + begin, m.start() + cuts[j]))
                    i = j
                    break
            else:
                i += 1
    return out


@cache
def _place_pointing_rx() -> re.Pattern | None:
    words = [w.removesuffix("'s") for w in load_english().entities.place_pointing.words]
    return re.compile(rf"\b(?i:{alternation(words)})\b(?![-\w])") if words else None


def _pointed_places(text: str, place_spans: list[tuple[int, int]]) -> list[Entity]:
    """"the city", "the province": the last place named before it (Nanchang … the city has built 8
    centres); with none named before, no entity (SEMANTICS.md section 4: the name a careful reader gives)."""
    rx = _place_pointing_rx()
    if rx is None or not place_spans:
        return []
    out = []
    for m in rx.finditer(text):
        before = [(a, b) for a, b in place_spans if b <= m.start()]
        if before:
            a, b = _appositive_owner(text, before[-1], place_spans)
            out.append(Entity(m.start(), m.end(), "place", text[a:b]))
    return out


_PLACE_APPOSITIVE = re.compile(r",[ ](?:an?|the)[ ][^,.;\n]*$")


def _appositive_owner(text: str, span: tuple[int, int], place_spans: list[tuple[int, int]]) -> tuple[int, int]:
    """Liuzhou, an industrial city in south China's Guangxi Zhuang Autonomous Region, …: a place inside the
    appositive only says where the first one is; "the city" after it is the first one."""
    a = span[0]
    m = _PLACE_APPOSITIVE.search(text, max(0, a - 80), a)
    if m is None:
        return span
    return next((p for p in place_spans if p[1] == m.start()), span)


def _bare_head(text: str) -> str:
    return re.sub(r"\s(?:III|II|IV|I|V|\d)$", "", text).lower()


def find_entities_en(text: str) -> list[Entity]:
    heads, head_class, known, places, national, canonical, countries, pointing = _lex()
    found: list[Entity] = []
    for m in finditer(heads, text):
        hs, he = m.span()
        head = re.sub(r"\s(?:III|II|IV|I|V|\d)$", "", m.group()).lower()
        start = hs
        tokens = 0
        pos = hs
        while tokens < _MAX_TOKENS:
            prev = re.search(r"(\S+)[ \t]+$", text[max(0, pos - 40) : pos])
            if not prev or prev.group(1)[-1] in ",;:).!?":
                break
            is_direction = prev.group(1).lower() in _words("direction_words") and head_class.get(_bare_head(m.group())) == "region"
            if not is_direction and not _TOKEN.match(prev.group(1).strip("(\"“”")):
                break
            if _FIGURE_TOKEN.match(prev.group(1)):
                break  # a 250MW data center campus, 32 data centre projects: a figure is no part of a name
            if prev.group(1).lower() in _words("determiners"):
                break
            pos -= len(prev.group(0))
            start = pos
            tokens += 1
        head_is_named = m.group()[0].isupper()
        bare = tokens == 0 and not head_is_named
        words = m.group().split()
        if tokens == 0 and head_is_named and (len(words) == 1 or (words[0].isupper() and not words[-1][0].isupper())):
            bare = True  # a capitalised head alone (Laboratory) is not a name, nor an acronym's (an AI factory)
        found.append(Entity(start, he, head_class[head], text[start:he], bare, head))
        if bare and text.find(", ", max(0, hs - 120), hs) >= 0:
            # "El Capitan, the world's fastest supercomputer,": the name before an appositive is one
            # of the kind the appositive names
            ap = _APPOSITIVE.search(text, max(0, hs - 120), hs)
            if ap:
                found.append(Entity(ap.start(1), ap.end(1), head_class[head], ap.group(1), False, head))
    for m in finditer(known, text):
        found.append(Entity(m.start(), m.end(), "known", m.group()))
    place_spans = _places(text, places)
    for start, end in place_spans:
        found.append(Entity(start, end, "place", text[start:end]))
    found.extend(_pointed_places(text, place_spans))
    has_digit = _DIGIT.search(text) is not None
    systems = list(finditer(_SYSTEM, text)) if has_digit or "-" in text else []
    seen: dict[str, int] = {}
    for m in systems:
        seen[m.group()] = seen.get(m.group(), 0) + 1
    nouns = _system_nouns()
    for m in systems:
        if seen[m.group()] >= 2 or nouns.match(text, m.end()):
            found.append(Entity(m.start(), m.end(), "facility", m.group()))
    if has_digit:
        # a plain word and a model number (Quasar 256) is a name only with its kind after it:
        # "March 2025" is not a machine
        for m in finditer(_SYSTEM_PLAIN, text):
            if nouns.match(text, m.end()):
                found.append(Entity(m.start(), m.end(), "facility", m.group()))
    if "(" in text:
        # "National Center for High-performance Computing (NCHC)": an acronym defined in brackets
        # names that body wherever the article uses it again
        defined = {m.group(1) for m in _ACRONYM_DEF.finditer(text) if _DEFINED_BY.search(text, max(0, m.start() - 40), m.start())}
        if defined:
            for m in re.finditer(rf"(?<![\w(])(?:{alternation(defined)})(?![\w)])", text):
                found.append(Entity(m.start(), m.end(), "organisation", m.group()))
    named = [(m.start(), m.end(), m.group()) for m in finditer(countries, text)]
    for s, e, name in named:
        found.append(Entity(s, e, "place", name))
    pointed = set()
    for m in finditer(pointing, text):
        # "the country", "the state": the last country named before it (Singapore … the country);
        # with none named, "the country" is China (a national word) and "the state" nothing
        before = [n for s, _, n in named if s < m.start()]
        if before:
            pointed.add(m.start())
            found.append(Entity(m.start(), m.end(), "national", before[-1]))
    for m in finditer(national, text):
        if m.start() not in pointed:
            found.append(Entity(m.start(), m.end(), "national", canonical))
    modifier = _modifier_rx()
    found = [f for f in found if not (f.cls == "facility" and modifier.match(text, f.end) and _unnamed(f, places, countries))]
    # the Ganzhou Intelligent Computing Hub project: a named centre's project is the centre
    centres = {(f.start, f.end) for f in found if f.cls == "facility" and not f.bare}
    found = [f for f in found if not (f.cls == "program" and f.head == "project"
                                      and any(a == f.start and b < f.end for a, b in centres))]
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Entity] = []
    for ent in found:
        if any(k.start <= ent.start and ent.end <= k.end for k in kept[-6:]):
            continue
        kept.append(ent)
    # in New Albany, Ohio: the state after a town only says where the town is
    kept = [k for k in kept if not (k.cls == "place" and _TOWN_BEFORE.search(text, max(0, k.start - 48), k.start))]
    kept = _without_place_lists(text, kept)
    if _UPPER.search(text):
        kept = _doers(text, kept)
    return _owned(text, _outside_copyright(text, kept))


# --- names a careful reader takes from how a sentence is built (SEMANTICS.md section 4) -------------
_CAP = r"(?:[A-Z][\w&.-]*|[A-Z]{2,}\d*)"
_RUN = rf"{_CAP}(?:[ ](?:{_CAP}|&|of|and|for|de)){{0,5}}"
# where a sentence opens: the text's start, after a full stop, a line break, a tag or a dateline's dash
_OPENING = re.compile(r"(?:\A|[.!?:>\n][\"”’)]?|[A-Z]{2}[ ]?(?:--|-|–|—))[ \t]*(?=[A-Z])")
_OPENING_BEFORE = re.compile(r"(?:^|[.!?:>\n]|[.!?][\"”’)]|[A-Z]{2,}[ ]?(?:--|-|–|—)|\(\w+\)[ ]?(?:--|-|–|—))[ \t]*(?:The[ ])?$")


@cache
def _doer_rx():
    en = load_english().entities
    verbs = alternation(en.name_verbs.words)
    return (
        # Northgate Cloud has filed …: capitalised words before a verb, opening a sentence
        re.compile(rf"({_RUN})(?P<app>,[ ][^,.;:\n]{{1,60}},)?[ ](?P<verb>{verbs})\b"),
        # Acme Robotics Inc., Foo Information Co., Ltd.: a company's suffix closes its name anywhere
        re.compile(rf"(?<![\w&'’.-])({_RUN})[ ,]+(?:{alternation(en.company_suffixes.words)})(?![\w])"),
        # BlueHarbour's Hong Kong portfolio: a possessive owner, matched back from the 's
        re.compile(rf"(?<![\w&'’.-])({_RUN})$"),
        frozenset(en.not_names.words),
        # the cheap test that a suffix is there at all
        re.compile(rf"[ ,](?:{alternation(en.company_suffixes.words)})(?![\w])"),
        # the cheap test that a doer's verb is there at all (a Chinese page with a few Latin names has none)
        re.compile(rf"[ ](?:{verbs})\b"),
    )


@cache
def _lead_rx() -> re.Pattern:
    """A sentence adverb and its comma before the doer (Separately, Meanwhile, Earlier this month,)."""
    words = alternation(load_english().entities.sentence_adverbs.words)
    return re.compile(rf"(?:[A-Z][a-z]+ly|{words}),[ ]")


@cache
def _speech_verbs() -> frozenset:
    return frozenset(load_english().entities.speech_verbs.words)


_POSSESSIVE = re.compile(r"['’]s[ ]")
_CJK_CHAR = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_NON_CJK_RUN = re.compile(r"[^\u3000-\u9fff\uff00-\uffef]{24,}")


def _latin_spans(text: str) -> list[tuple[int, int]]:
    """Where English sentences can stand: the whole text, or in a Chinese page the runs between its
    Chinese characters (a page with a few Latin names is not scanned for English sentence forms)."""
    if not _CJK_CHAR.search(text):
        return [(0, len(text))]
    return [m.span() for m in _NON_CJK_RUN.finditer(text)]


def _in_spans(pattern: re.Pattern, text: str, spans: list[tuple[int, int]]):
    for a, b in spans:
        yield from pattern.finditer(text, a, b)


def _unnamed(ent: Entity, places: frozenset, countries: re.Pattern) -> bool:
    """A head with nothing before it but a place or a number (Johor data centre boom, 32 data centre
    projects) names no centre."""
    if ent.bare:
        return True
    if ent.head and ent.text.lower().endswith(ent.head) and all(w[:1].isupper() for w in ent.text[len(ent.text) - len(ent.head):].split()):
        return False  # Ganzhou Intelligent Computing Hub project: a head in capitals is part of a name
    prefix = ent.text[: len(ent.text) - len(ent.head)].strip() if ent.text.lower().endswith(ent.head) else ""
    return bool(prefix) and (prefix.isdigit() or prefix in places or bool(countries.fullmatch(prefix)))


def place_only(name: str, head: str) -> bool:
    """Whether a centre's name is only a place and its head (Ohio data center campus): a description."""
    _, _, _, places, _, _, countries, _ = _lex()
    if not name.lower().endswith(head):
        return False
    prefix = name[: len(name) - len(head)].strip()
    return not prefix or prefix in places or bool(countries.fullmatch(prefix))


@cache
def _modifier_rx() -> re.Pattern:
    """data centre projects: a generic head before one of these nouns only describes it."""
    return re.compile(rf"[ ](?:{alternation(load_english().entities.modifier_nouns.words)})\b")


@cache
def _system_nouns_owned() -> re.Pattern:
    """the words a possessive owns up to the kind of thing it is: (Northgate's) existing Ohio site"""
    from factcheck.lang.grammar import grammar

    return re.compile(rf"(?:[a-z][\w-]*[ ]|[A-Z][\w-]*[ ]){{0,3}}({alternation(grammar().subjects.system_nouns)})\b(?![ ]of\b)")


_UPPER = re.compile(r"[A-Z]")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_CALLED = re.compile(r"\b(?:called|named|dubbed|known as)[ ]([A-Z][\w-]*(?:[ ][A-Z0-9][\w-]*){0,3})")
# across North America, Europe, and Israel: places in a list say where, none is the subject
_PLACE_LIST_JOIN = re.compile(r"(?:,[ ]|,?[ ](?:and|or)[ ])$")
_TOWN_BEFORE = re.compile(r"\b(?:in|at|near)[ ][A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*){0,3},[ ]$")
_ACRONYM_NAME = re.compile(r"(?<![\w.-])((?:[A-Z][\w.-]*)(?:\s(?:[A-Z][\w.-]*|of|for|and|the|on|in|&))*)\s\(([A-Z][A-Za-z]{1,7})\)$")
_ACRONYM_BRACKET = re.compile(r"\s\([A-Z][A-Za-z]{1,7}\)")
_IN_PLACE = re.compile(r"[ ]+(?:in|at|near)[ ]+(?:the[ ])?([A-Z][\w-]*(?:[ ][A-Z][\w-]*){0,3})")


def _doers(text: str, kept: list[Entity]) -> list[Entity]:
    """Names English news gives no generic head: the doer that opens a sentence (Northgate Cloud has
    filed …), a company with its suffix (Acme Robotics Inc.), a possessive owner named elsewhere in
    the article (BlueHarbour's Hong Kong portfolio, Tianhe's peak performance), and a body defined with
    its acronym (the Central Statistics Office (CSO)), which the article then calls by the acronym.
    A possessive owner or a doer said shortly (Northgate) takes the fuller name the article gives it."""
    doer, suffixed, run_before, not_names, any_suffix, any_verb = _doer_rx()
    taken = bytearray(len(text))

    def take(ents: list[Entity]) -> None:
        taken[:] = bytes(len(text))
        for k in ents:
            if k.cls not in ("place", "national"):
                taken[k.start : k.end] = b"\x01" * (k.end - k.start)

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    take(kept)

    def usable(name: str) -> bool:
        first = name.split()[0]
        # GPUs, SMEs: an acronym in the plural is a common noun, not a name
        return first not in not_names and name not in not_names and not _PLURAL_ACRONYM.fullmatch(name)

    new: list[Entity] = []
    if "(" in text:
        for bracket in _ACRONYM_BRACKET.finditer(text):
            m = _ACRONYM_NAME.search(text, max(0, bracket.start() - 120), bracket.end())
            if m is None:
                continue
            a, b = m.start(1), m.end()
            inner = [k for k in kept if a <= k.start and k.end <= m.end(1)]
            if m.group(1).isupper():
                continue  # NEW DELHI (PTI): a dateline and its wire, not a body's name
            if any(k.cls in ("facility", "known") and not k.bare for k in inner) or not usable(m.group(1)):
                continue  # a centre or a known body keeps its full name (it links to its Chinese name)
            new.append(Entity(a, b, "organisation", m.group(2)))
            # Japan's National Institute of … (AIST): the head-made name inside gives way to the whole
            kept = [k for k in kept if not (k.cls == "organisation" and k.start < b and a < k.end)]
            take(kept)
    # legal forms leave the name (Co., Ltd., Inc.); a word of the name itself stays (Tallis Holdings)
    suffixes = tuple(" " + w for w in load_english().entities.company_suffixes.words if w not in ("Holdings",))
    spans = _latin_spans(text)
    for m in _in_spans(suffixed, text, spans) if any(any_suffix.search(text, a, b) for a, b in spans) else ():
        name = text[m.start(1) : m.end()]
        while name.endswith(suffixes):  # Harbourline Systems Co., Ltd.: "Co." is no part of the name
            name = name[: name.rfind(" ")].rstrip(",")
        if usable(name) and free(m.start(1), m.end(1)):
            new.append(Entity(m.start(1), m.end(), "organisation", name))
    for opening in _in_spans(_OPENING, text, spans) if any(any_verb.search(text, a, b) for a, b in spans) else ():
        m = doer.match(text, opening.end())
        led = False
        if m is None and (lead := _lead_rx().match(text, opening.end())):
            m, led = doer.match(text, lead.end()), True  # Separately, Cardinal Power won …
        if m is None:
            continue
        a, b = m.span(1)
        name = m.group(1)
        if m.group("app") and m.group("verb") in _speech_verbs():
            continue  # Li Ming, deputy director of the bureau, said …: a speaker is a source, not a doer
        if name.startswith("The "):
            a, name = a + 4, name[4:]
        if not usable(name) or not free(a, b) or not (led or _OPENING_BEFORE.search(text, max(0, a - 12), a)):
            continue
        if " " not in name and not _distinct_word(name, text, a) and not _company_later(name, text, a):
            continue  # Construction began …, Cookies are stored …: a common noun opening a sentence
        new.append(Entity(a, b, "organisation", name))
    found = sorted(kept + new, key=lambda x: (x.start, -(x.end - x.start)))
    names = [e for e in found if not e.bare and e.cls in ("facility", "organisation", "known")]
    for p in _in_spans(_POSSESSIVE, text, spans):
        if not p.start() or not text[p.start() - 1].isalnum():
            continue
        m = run_before.search(text, max(0, p.start() - 80), p.start())
        if m is None:
            continue
        a, b = m.span(1)
        name = m.group(1)
        if not usable(name) or not free(a, b):
            continue
        owned = _system_nouns_owned().match(text, p.end())
        if owned and free(p.end(), p.end() + len(owned.group())):
            # Northgate's existing Ohio site: the owner's unnamed site is the entity, under its owner
            end = p.end() + len(owned.group())
            found.append(Entity(a, end, "facility", text[a:end], False, owned.group(1).lower()))
            continue
        if not any(not text.startswith(("'s", "’s"), i + len(name)) for i in _occurrences(name, text)):
            continue  # said once, only as an owner: too little to call it a name
        found.append(Entity(a, b, "organisation", name))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Entity] = []
    for ent in found:
        if out and any(k.start <= ent.start and ent.end <= k.end for k in out[-6:]):
            continue
        if ent.cls == "organisation" and not ent.bare and " " not in ent.text:
            fuller = [n for n in names if n.text.startswith(ent.text + " ") and n.start != ent.start]
            if fuller:
                ent = Entity(ent.start, ent.end, ent.cls, fuller[0].text, False, fuller[0].head)
        out.append(ent)
    return _composed(text, out)


def _distinct_word(word: str, text: str, at: int) -> bool:
    """One capitalised word names something if it is spelled like a name (BlueHarbour, DDSP, xAI) or
    the article capitalises it again inside a sentence (Sabey …, Sabey, which operates …)."""
    if any(c.isupper() or c.isdigit() for c in word[1:]):
        return True
    for i in _occurrences(word, text):
        if i != at and not _OPENING_BEFORE.search(text, max(0, i - 12), i):
            return True
    return False


_COMPANY_LATER = re.compile(r"\b(?:[Tt]he|[Tt]his) (?:company|firm|group|operator|developer)\b")


def _company_later(word: str, text: str, at: int) -> bool:
    """Sabey is planning … The company aims …: a word that opens two sentences as their doer, or one
    that a later "the company" points back at, is a company's name."""
    openings = [i for i in _occurrences(word, text) if _OPENING_BEFORE.search(text, max(0, i - 12), i)]
    if len(openings) >= 2 and text[at : at + len(word) + 1] == word + " ":
        return True
    return _COMPANY_LATER.search(text, at, at + 400) is not None


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def _occurrences(word: str, text: str):
    """Where word stands as a whole word (str.find: no pattern compiled per name)."""
    i = text.find(word)
    while i >= 0:
        end = i + len(word)
        if (i == 0 or not _word_char(text[i - 1])) and (end >= len(text) or not _word_char(text[end])):
            yield i
        i = text.find(word, i + 1)


def _without_place_lists(text: str, ents: list[Entity]) -> list[Entity]:
    """Three or more places joined by commas and "and" (North America, Europe, and Israel) are a list."""
    places = [e for e in ents if e.cls == "place"]
    in_list: set[int] = set()
    run: list[Entity] = []
    for e in places:
        if run and _PLACE_LIST_JOIN.search(text, run[-1].end, e.start) and e.start - run[-1].end <= 6:
            run.append(e)
        else:
            if len(run) >= 3:
                in_list.update(id(x) for x in run)
            run = [e]
    if len(run) >= 3:
        in_list.update(id(x) for x in run)
    return [e for e in ents if id(e) not in in_list] if in_list else ents


def _plural(words: str) -> bool:
    """data centres, clusters, but not campus or access."""
    return words.endswith("s") and not words.endswith(("ss", "us", "is"))


def _composed(text: str, ents: list[Entity]) -> list[Entity]:
    """Northgate Cloud has filed plans for a data center campus in New Albany: the unnamed centre is the
    doer's centre in that place (Northgate Cloud New Albany data center campus), the name a reader
    gives it and the one "the campus" later points at."""
    out = []
    for i, ent in enumerate(ents):
        if ent.cls == "facility" and ent.bare and not _plural(text[ent.start:ent.end]):
            sentence_start = max(text.rfind(". ", 0, ent.start), text.rfind("\n", 0, ent.start)) + 1
            doers = [o for o in ents[:i] if o.cls in ("organisation", "known") and not o.bare and o.start >= sentence_start]
            where = _IN_PLACE.match(text, ent.end)
            called = _CALLED.search(text, ent.end, min(len(text), ent.end + 80))
            if called and not any(c in text[ent.end : called.start()] for c in ".;\n"):
                # a new data center in Los Angeles, California, called LAX01: the centre's own name
                ent = Entity(ent.start, ent.end, "facility", called.group(1), False, ent.head)
            elif doers and where and doers[0].start <= sentence_start + 16:
                ent = Entity(ent.start, ent.end, "facility", f"{doers[0].text} {where.group(1)} {ent.text}", False, ent.head)
        out.append(ent)
    return out


def _owned(text: str, ents: list[Entity]) -> list[Entity]:
    """China Telecom … began building its Foshan Intelligent Computing Center: "its" names the owner,
    the body named before it in the sentence, so the centre is China Telecom Foshan Intelligent
    Computing Center (the name it has in Chinese, 中国电信佛山智算中心)."""
    out = []
    for i, ent in enumerate(ents):
        if ent.cls == "facility" and not ent.bare and text.endswith(("its ", "their "), max(0, ent.start - 6), ent.start):
            sentence_start = max(text.rfind(". ", 0, ent.start), text.rfind("\n", 0, ent.start)) + 1
            owners = [o for o in ents[:i] if o.cls in ("known", "organisation") and not o.bare and o.start >= sentence_start]
            if owners:
                ent = Entity(ent.start, ent.end, ent.cls, f"{owners[-1].text} {ent.text}", ent.bare, ent.head)
        out.append(ent)
    return out


# A dateline opens a wire story: "DALIAN, March 3 (Wire) -", "BEIJING, Dec. 5 (Xinhua) --". Its date dates
# the story, not an event (SEMANTICS.md section 1).
_DATE = r"(?P<date{n}>[A-Z][a-z]{{2,8}}\.?[ ]\d{{1,2}}(?:st|nd|rd|th)?(?:,[ ]\d{{4}})?)"
_DATELINE = re.compile(
    # DALIAN, March 3 (Wire) -   |   Taipei, Dec. 12 (CNA)   |   IT Home May 21 news, (a machine-translated lead)
    r"(?m)^[ \t]*(?:<p[^>]*>[ \t]*)?(?:"
    rf"(?:[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+)*)(?:,[ ][A-Z][A-Za-z.]+)?,[ ]+{_DATE.format(n=1)}(?:[ ]\([^)\n]{{1,40}}\))?[ ]*(?:-{{1,2}}|–|—)"
    rf"|[A-Z][a-z]+(?:[ ][A-Z][a-z]+){{0,2}},[ ]+{_DATE.format(n=2)}[ ]\([A-Za-z .]{{2,30}}\)"
    rf"|[A-Z][\w&.’'-]*(?:[ ][A-Z][\w&.’'-]*){{0,3}}[ ]{_DATE.format(n=3)}[ ](?:news|report|dispatch)[,，]"
    r")")


def datelines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the dates that stand in a dateline."""
    end = len(text) if end is None else end
    return [next(m.span(g) for g in ("date1", "date2", "date3") if m.group(g)) for m in _DATELINE.finditer(text, start, end)]


# A unit's gloss or definition: "a 1-EFLOPS system can perform a quintillion operations per second",
# "1 PFLOPS equals a thousand trillion operations per second", "one petaflop can handle ...", "an EFLOP, a unit
# equal to ...". Its figures explain a unit; they are not
# claims about anything (SEMANTICS.md section 1).
_UNIT = r"(?:[EPT]?FLOPS?|[EPT]OPS|[EPT]F|exaflops?|petaflops?|teraflops?)"
_DEFINES = (r"(?:equals?|is equal to|is equivalent to|equates to|means|stands for|corresponds to|represents"
            r"|can (?:handle|perform|process|do|complete)|=|is(?=[ ](?:about[ ]|roughly[ ])?(?:\d|one[ ]|a[ ]|an[ ])))")
_UNIT_WORD = re.compile(rf"(?i)(?<![A-Za-z]){_UNIT}(?![A-Za-z])")
_GLOSS_BEFORE = re.compile(r"(?i)(?:\b(?:a|an|one)[ ]1[- ]|(?<![\d.,])(?:1|one|a|an)[ -]?)$")
_GLOSS_AFTER = re.compile(
    rf"(?i)(?:[- ][a-z]+)?[ ](?:system|machine|computer|cluster|supercomputer|centre|center)s?\b|[ ]+{_DEFINES}"
    r"|[ ]*(?:[-–—,(:][ ]*)?(?:a|the)[ ]unit\b")
_CLAUSE_END = re.compile(r"[.;\n)）]")


def glosses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of unit glosses (from the defining phrase to the end of its clause). Found from the unit
    word, which is rare, and its few characters around."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    for u in _UNIT_WORD.finditer(text, start, end):
        after = _GLOSS_AFTER.match(text, u.end(), end)
        if after is None:
            continue
        before = _GLOSS_BEFORE.search(text, max(start, u.start() - 8), u.start())
        if before is None and not after.group().lstrip(" -–—,(:").lower().startswith(("a unit", "the unit")):
            continue
        stop = _CLAUSE_END.search(text, u.end(), end)
        a, b = (before.start() if before else u.start()), (stop.start() if stop else end)
        if out and a < out[-1][1]:
            continue
        out.append((a, b))
    return out


# A page's own date in its chrome: "Posted: 2025-02-18 10:00", "Published: 2024-07-15", "Updated on May 3".
_PAGE_DATE = re.compile(r"(?i)\b(?:posted|published|updated|last updated|release date|date)(?:[ ]on)?[ ]*:?[ ]*$")


def page_date(text: str, start: int) -> bool:
    """Whether the date at start is the page's own date (metadata, not a claim)."""
    return _PAGE_DATE.search(text, max(0, start - 24), start) is not None


# Links to other stories and page furniture: "Also read: 5 ways AI is changing farms", "Read more: ...".
_COPYRIGHT_LINE = re.compile(r"(?im)^[^\n]*(?:©|\(c\)[ ]\d{4}|\bcopyright\b|\ball rights reserved\b)[^\n]*$")


def _outside_copyright(text: str, found: list) -> list:
    """A copyright line (© 2025 X Ltd. All rights reserved) names the publisher, never what the page reports."""
    if "©" not in text and "opyright" not in text and "ights reserved" not in text and "(c) " not in text and "(C) " not in text:
        return found
    lines = [m.span() for m in _COPYRIGHT_LINE.finditer(text)]
    return [e for e in found if not any(a <= e.start < b for a, b in lines)]


_CHROME_LINE = re.compile(r"(?im)^[ \t]*(?:<[^>]+>[ \t]*)*(?:also read|read more|read also|related|see also|recommended|you may also like|most read)[ \t]*[:：|>-]")


def chrome_lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the lines that link elsewhere (their figures are another story's)."""
    end = len(text) if end is None else end
    out = []
    for m in _CHROME_LINE.finditer(text, start, end):
        stop = text.find("\n", m.end(), end)
        out.append((m.start(), end if stop < 0 else stop))
    return out
