"""English subjects that depend on how a sentence is built rather than on a name's words.

"BlueHarbour Data Centres … , the company said on Wednesday": the date says when the speaker said
it, so the speaker is its subject (the report's own date), while for a figure in the same sentence
the speaker stays a source (data/zh/filters.toml). The speaker is the name right before the verb,
"the company" (the body the sentence opened on, else the last body named), or a plain noun phrase
("the electronics and IT ministry").
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.lang import load_english
from factcheck.lang.loader import alternation


@cache
def _said_rx() -> re.Pattern:
    verbs = alternation(load_english().entities.speech_verbs.words)
    return re.compile(rf"\b(?:{verbs})[ ](?:late[ ]|early[ ]|earlier[ ])?(?:on[ ]|in[ ]|at[ ])?$")


_COMPANY = re.compile(r"(?i)\b(?:the|that|this)[ ](?:company|firm|group|operator|developer|owner|carrier|chipmaker)[ ]$")
_PLAIN_NP = re.compile(r"(?:^|[,;:][ ]|\b(?:and|but)[ ])(?:the[ ])((?:[\w-]+[ ]){0,4}[a-z][\w-]*)[ ]$")
_NOT_SPEAKER = frozenset({"it", "he", "she", "they", "we", "report", "reports", "statement", "data", "figures"})


def date_speaker(finder, start: int):
    """The speaker of "X said on <date>", or None when the date does not follow a verb of saying."""
    from factcheck.extract.subjects import Subject

    text = finder.text
    said = _said_rx().search(text, max(0, start - 40), start)
    if said is None:
        return None
    sent = finder.ctx.sentences[finder.ctx.sentence_index(start)]
    verb = said.start()
    before = [e for e in finder._in(sent.start, verb) if not e.bare]
    if before and verb - before[-1].end <= 1:
        e = before[-1]
        return Subject(e.text, e.start, e.end, 0.8, e.cls)
    clause_start = max(sent.start, text.rfind(",", sent.start, verb) + 1)
    if _COMPANY.search(text, max(clause_start, verb - 24), verb):
        bodies = [e for e in finder._in(max(0, sent.start - 600), verb) if not e.bare and e.cls in ("organisation", "known", "facility")]
        opener = [e for e in bodies if e.start >= sent.start and e.start <= sent.start + 2]
        e = (opener or bodies[-1:] or [None])[0]
        if e is None:
            e = _named_again(finder, max(0, sent.start - 600), verb)
        if e is not None:
            return Subject(e.text, e.start, e.end, 0.7, e.cls)
        return None
    np = _PLAIN_NP.search(text, max(sent.start, verb - 60), verb)
    if np and np.group(1).split()[-1].lower() not in _NOT_SPEAKER and not any(c.isdigit() for c in np.group(1)):
        return Subject(np.group(1), np.start(1), np.end(1), 0.6)
    return None


def _named_again(finder, a: int, b: int):
    """The last body in text[a:b] written with a name the article gives a body elsewhere (A consortium
    led by Hanbit Infra …, the company said Tuesday; Hanbit Infra holds 51 percent): a name is
    recognised where a sentence opens on it, and it names the same body wherever it stands."""
    from factcheck.extract.entities import Entity

    text = finder.text
    best = None
    for name, cls in {(e.text, e.cls) for e in finder.entities
                      if not e.bare and e.cls in ("organisation", "known") and " " in e.text}:
        i = text.rfind(name, a, b)
        while i >= 0 and not (_edge(text, i - 1) and _edge(text, i + len(name))):
            i = text.rfind(name, a, i)
        if i >= 0 and (best is None or i > best.start):
            best = Entity(i, i + len(name), cls, name)
    return best


def _edge(text: str, i: int) -> bool:
    return i < 0 or i >= len(text) or not (text[i].isalnum() or text[i] in "_-")


# words that stand between a figure and the centre it describes without making it something else's
_BETWEEN_STOP = frozenset({"to", "from", "in", "at", "by", "with", "of", "than", "and", "or", "the", "which", "is", "was",
                           "are", "were", "has", "have", "had", "will", "would", "its", "their", "on", "per", "each", "as"})


_PUNCT = re.compile(r"[;:()\n]|[.,](?!\d)")


@cache
def _deal_for() -> re.Pattern:
    nouns = alternation(load_english().entities.deal_nouns.words)
    return re.compile(rf"[ ](?:{nouns})[ ]for[ ](?:the[ ])?$")


def described(finder, start: int):
    """A figure that describes the centre named right after it: "a $3.5 billion data center campus in
    New Albany", "a 17.6MW facility called X", or is money given for it: "a €250 million contract for
    LUMI-AI". None when no named centre follows within a few words."""
    from factcheck.extract.subjects import Subject

    text = finder.text
    for e in finder._in(start + 1, min(len(text), start + 60)):
        if e.bare or e.cls != "facility":
            continue
        between = text[start : e.start]
        if _PUNCT.search(between):
            return None
        words = between.split()
        if len(words) > 6:
            return None
        if not any(w.lower() in _BETWEEN_STOP for w in words[1:]):
            return Subject(e.text, e.start, e.end, 0.85, e.cls)
        if _deal_for().search(between):
            return Subject(e.text, e.start, e.end, 0.85, e.cls)
        return None
    return None


def fuller_topic(entities, topic):
    """A headline's centre the body never names as such ("Cloud firm plans Ohio data center campus"), while
    the body names one centre of that kind (Northgate Cloud New Albany data center campus): the
    body's name is the topic's."""
    from factcheck.extract.en_entities import place_only
    from factcheck.extract.subjects import Subject

    lowered = topic.text.lower()
    # the body's head, or its last words when the headline shortens it (computing base for intelligent computing base)
    tails = {" ".join(e.head.split()[i:]) for e in entities if e.cls == "facility" and e.head for i in range(len(e.head.split()))}
    head = max((t for t in tails if lowered.endswith(t)), key=len, default=None)
    if head is None or not place_only(topic.text, head):
        return topic  # the headline names its centre (Wuhan AI Computing Center): it stays the topic
    for e in entities:
        if (e.cls == "facility" and not e.bare and (e.head == head or (e.head or "").endswith(" " + head))
                and not place_only(e.text, e.head)):  # Ganzhou computing base -> X Ganzhou intelligent computing base
            return Subject(e.text, e.start, e.end, topic.confidence, e.cls)
    return topic


_TO_PLACE = re.compile(r"[ ](?:to|in|into|across|at)[ ](?:the[ ])?$")


def place_after(finder, start: int, clause_end: int):
    """A figure that opens its sentence with no body before it, and a country or region after "to /
    in / across" in its clause, is that place's: "Close to 31 gigawatts were added to the U.S. grid",
    "About 2,000 MW came online in Japan". None otherwise."""
    from factcheck.extract.subjects import Subject

    text = finder.text
    for e in finder._in(start, clause_end):
        if e.cls not in ("place", "national") or e.bare:
            continue
        if _TO_PLACE.search(text, max(start, e.start - 12), e.start) and not text.startswith(("'s", "’s"), e.end):
            return Subject(e.text, e.start, e.end, 0.6, e.cls)
    return None


_FIGURE_IN = re.compile(r"\S+(?:[ ][a-z]+){0,2}[ ](?:in|at)[ ](?:the[ ])?")


def place_right_after(finder, start: int, clause_end: int):
    """The place right after a figure ("11% in Nanping"), when the sentence named another before it:
    each figure of "8% in Ganzhou and 11% in Nanping" is its own place's. None otherwise."""
    for e in finder._in(start, min(clause_end, start + 48)):
        if e.cls in ("place", "national") and not e.bare and _FIGURE_IN.fullmatch(finder.text, start, e.start):
            return e
        return None
    return None


@cache
def _total_rx() -> re.Pattern | None:
    words = load_english().entities.total_words.words
    return re.compile(rf"(?i)\b(?:{alternation(words)})\b") if words else None


def total_place(finder, si: int):
    """A sentence that names no one and states a place's total (About 13.8 GW of utility-scale solar was
    added in 2024; Installed capacity nationwide reached 11 GW): the place the article is about (named
    most, the first on a tie), not the company it mostly reports on."""
    if finder.topic is not None and finder.topic.type in ("place", "national"):
        return None  # an article about a place already falls back to it
    place = getattr(finder, "_article_place", False)
    if place is False:  # the article's place, tallied once per text
        place = finder._article_place = _article_place(finder)
    rx = _total_rx()
    if place is None or rx is None:
        return None
    sent = finder.ctx.sentences[si]
    return place if rx.search(finder.text, sent.start, sent.end) else None


def _article_place(finder):
    from factcheck.extract.subjects import Subject

    tally: dict[str, list] = {}
    for e in finder.entities:
        if e.cls in ("place", "national") and not e.bare:
            tally.setdefault(finder.text[e.start : e.end] if e.cls == "place" else e.text, []).append(e)
    if not tally:
        return None
    e = max(tally.values(), key=lambda es: (len(es), -es[0].start))[0]
    return Subject(e.text, e.start, e.end, 0.5, e.cls)
