"""Independent origins (SEMANTICS.md §3): which claims behind a fact go back to one source.

Three things tie claims to one origin: being in one document (a headline, lead and body restating
a figure are one source), naming one attributed source (据新华社, according to MIIT), and being
copies of one story (the same wire sentence in several outlets, with small edits). Copies are found
by the Jaccard similarity of character 3-gram shingles of the claim's sentence, digits and
punctuation folded out, clustered against a leader per cluster: a fact has few distinct sentences
and fewer origins, so this costs (distinct sentences x origins) set comparisons, less than building
MinHash signatures for each sentence (datasketch) would at these sizes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

from factcheck.lang.loader import parse_data_toml

COPY_JACCARD = 0.6  # shingle overlap from which two sentences are one story (edited copies stay above 0.7)


@cache
def _data() -> dict:
    return parse_data_toml(resources.files("factcheck.data").joinpath("origins.toml").read_text(encoding="utf-8"))


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    d = _data()
    n = int(d["max_name"])
    before = "|".join(sorted((re.escape(w) for w in d["before"]), key=len, reverse=True))
    after = "|".join(sorted((re.escape(w) for w in d["after"]), key=len, reverse=True))
    wire = "|".join(re.escape(w) for w in d["wire"])
    name = rf"[^\s，,。；;：:、“”\"（）()]{{2,{n}}}?"
    ename = r"(?:[A-Z][\w&.'-]*)(?: (?:of |and |for |the )?[A-Z][\w&.'-]*){0,5}"
    agency = "|".join(re.escape(w) for w in d["agency"])
    rx_before = re.compile(rf"(?:^|(?<=[，,。；;：:\s“\"（(]))(?i:{before})(?:the )?({ename}|{name})(?=[，,。：:\s]|{after}|$)")
    rx_after = re.compile(rf"(?:^|[，,。；;：:\s])({ename}|{name})(?:{after})")
    from factcheck.lang import load_lexicon
    from factcheck.lang.loader import alternation

    places = alternation(load_lexicon().entities.places.names)
    # the agency is what comes before the place (a gazetteer place, else after a name ending 社/网)
    rx_wire = re.compile(rf"^[（(]?(?:([^\s，。]{{2,10}}?)(?:{places})|([^\s，。]{{1,8}}?(?:{agency})))"
                         rf"[^\s，。]{{0,8}}?\d{{1,2}}月\d{{1,2}}日(?:{wire})")
    return rx_before, rx_after, rx_wire


@lru_cache(maxsize=1 << 16)  # copies repeat one sentence many times
def attribution(sentence: str) -> str | None:
    """The source a sentence attributes its figure to, folded (None when it names none)."""
    rx_before, rx_after, rx_wire = _patterns()
    for rx in (rx_wire, rx_before, rx_after):  # a dateline, then 据X, then X said
        m = rx.search(sentence)
        if m:
            name = next(g for g in m.groups() if g)
            for w in _data()["strip"]:
                name = name.removeprefix(w).removesuffix(w)
            name = unicodedata.normalize("NFKC", name).strip().lower()
            if len(name) >= 2:
                return name
    return None


_FOLD = re.compile(r"[\s\d.,，。、；;：:!?！？“”\"'()（）《》【】\[\]%％+-]+")


@lru_cache(maxsize=1 << 16)
def shingles(sentence: str) -> frozenset[str]:
    text = _FOLD.sub("", unicodedata.normalize("NFKC", sentence).lower())
    if len(text) < 4:
        return frozenset([text])
    return frozenset(text[i : i + 3] for i in range(len(text) - 2))


def _jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


class _Union:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        p = self.parent.setdefault(x, x)
        while p != x:
            gp = self.parent.setdefault(p, p)
            self.parent[x] = gp
            x, p = p, gp
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller label wins, so the result does not depend on the order of unions
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def origin_labels(claims) -> dict[str, str]:
    """claim id -> a label shared by every claim of the same independent origin."""
    uf = _Union()
    by_attr: dict[str, str] = {}
    leaders: list[tuple[frozenset, str, str | None]] = []
    seen_sentence: dict[str, str] = {}
    for c in claims:
        doc = "d:" + c.document
        uf.find(doc)
        same = seen_sentence.get(c.sentence)
        if same is not None:
            uf.union(doc, same)
            continue
        seen_sentence[c.sentence] = doc
        attr = attribution(c.sentence)
        if attr:
            uf.union(doc, by_attr.setdefault(attr, doc))
        sh = shingles(c.sentence)
        for lead, lead_doc, lead_attr in leaders:
            # two sentences that name different sources are two origins, however alike their words
            if (not attr or not lead_attr or attr == lead_attr) and _jaccard(sh, lead) >= COPY_JACCARD:
                uf.union(doc, lead_doc)
                break
        else:
            leaders.append((sh, doc, attr))
    return {c.id: uf.find("d:" + c.document) for c in claims}
