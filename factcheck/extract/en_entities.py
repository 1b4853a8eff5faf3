"""English names: capitalised words before a generic head (Wuhan Artificial Intelligence Computing
Center, Pengcheng Cloud Brain II, Shanghai Telecom), known organisations, places of the gazetteer,
and the country."""

from __future__ import annotations

import re
from functools import cache

from factcheck.extract.entities import Entity
from factcheck.extract.scan import finditer
from factcheck.lang import load_english
from factcheck.lang.loader import alternation
from factcheck.link.places import romanised

_TOKEN = re.compile(r"(?:[A-Z][\w'’.-]*|[A-Z]{2,}|\d+[A-Za-z]*)$")
_MAX_TOKENS = 5
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
    places = frozenset(romanised())
    return (
        re.compile(rf"(?i:\b(?:{alternation(head_class)})\b)(?:\s(?:III|II|IV|I|V|\d)\b)?"),
        head_class,
        re.compile(rf"\b(?:{alternation(en.organisations.names)})\b"),
        places,
        re.compile(rf"(?i:\b(?:{alternation(en.national.words)})\b)"),
        en.national.canonical,
        re.compile(rf"\b(?:{alternation(en.countries.names)})\b"),
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
            if prev.group(1).lower() in _words("determiners"):
                break
            pos -= len(prev.group(0))
            start = pos
            tokens += 1
        head_is_named = m.group()[0].isupper()
        bare = tokens == 0 and not head_is_named
        if tokens == 0 and head_is_named and " " not in m.group():
            bare = True  # a capitalised head alone (Laboratory) is not a name
        found.append(Entity(start, he, head_class[head], text[start:he], bare, head))
        if bare and text.find(", ", max(0, hs - 120), hs) >= 0:
            # "El Capitan, the world's fastest supercomputer,": the name before an appositive is one
            # of the kind the appositive names
            ap = _APPOSITIVE.search(text, max(0, hs - 120), hs)
            if ap:
                found.append(Entity(ap.start(1), ap.end(1), head_class[head], ap.group(1), False, head))
    for m in finditer(known, text):
        found.append(Entity(m.start(), m.end(), "known", m.group()))
    for start, end in _places(text, places):
        found.append(Entity(start, end, "place", text[start:end]))
    systems = list(finditer(_SYSTEM, text)) if any(c.isdigit() or c == "-" for c in text) else []
    seen: dict[str, int] = {}
    for m in systems:
        seen[m.group()] = seen.get(m.group(), 0) + 1
    nouns = _system_nouns()
    for m in systems:
        if seen[m.group()] >= 2 or nouns.match(text, m.end()):
            found.append(Entity(m.start(), m.end(), "facility", m.group()))
    if any(c.isdigit() for c in text):
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
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Entity] = []
    for ent in found:
        if any(k.start <= ent.start and ent.end <= k.end for k in kept[-6:]):
            continue
        kept.append(ent)
    return _owned(text, kept)


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
