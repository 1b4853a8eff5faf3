"""A claim's sentence as a reader should see it: the article's words without pinyin glosses or
markup debris, the values found in it whatever the script or width, and the language it is in.

Claim.text is the value exactly as written in the raw file, so it can carry a gloss (達(dá)到) or
full-width digits the sentence does not; the highlight is found on a folded copy of both, one
character for one, so its offsets are offsets into the cleaned sentence.
"""

from __future__ import annotations

import html
import re
import unicodedata

from factcheck.report.safe import plain

# a pinyin gloss after a Han character: 達(dá), 萬(wàn); the same form ingest drops from analysis
GLOSS = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,8}[)）]")
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>|<!--.*?-->")
_SPACES = re.compile(r"[ \u00a0\u3000]{2,}")
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def clean(text: str | None) -> str:
    """Article text for a quote: glosses, leftover tags and entities gone, control characters stripped."""
    text = plain(text)
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        text = _TAG.sub("", text)
    if "(" in text or "（" in text:
        text = GLOSS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def _fold(text: str) -> str:
    """One character for one: full width to half width, traditional to simplified, lower case."""
    out = []
    for ch in text:
        n = unicodedata.normalize("NFKC", ch)
        out.append(n if len(n) == 1 else ch)
    folded = "".join(out).lower()
    if _HAN.search(folded):
        from factcheck.ingest.textmap import to_simplified

        folded = to_simplified(folded)
    return folded


def marks(sentence: str, values: list[str]) -> list[tuple[int, int]]:
    """Where each value stands in the (cleaned) sentence, in order, without overlaps.

    Spaces inside a value are optional (達到 76 Eflops and 達到76Eflops are one value)."""
    if not sentence:
        return []
    folded = _fold(sentence)
    found = []
    for value in values:
        core = _fold(clean(value)).replace(" ", "")
        if not core:
            continue
        pattern = r"\s*".join(re.escape(ch) for ch in core)
        m = re.search(pattern, folded)
        if m:
            found.append((m.start(), m.end()))
    out, end = [], -1
    for a, b in sorted(set(found)):
        if a >= end:
            out.append((a, b))
            end = b
    return out


def pieces(sentence: str, values: list[str]) -> list[tuple[str, bool]]:
    """The cleaned sentence cut into (text, is_value) pieces, for any renderer."""
    text = clean(sentence)
    out, pos = [], 0
    for a, b in marks(text, values):
        if a > pos:
            out.append((text[pos:a], False))
        out.append((text[a:b], True))
        pos = b
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def lang_of(text: str | None) -> str:
    """A BCP 47 tag for a quote: en, zh-Hans or zh-Hant (traditional when simplifying changes it)."""
    if not text:
        return "und"
    han = len(_HAN.findall(text))
    if han < len(_LATIN_WORD.findall(text)):
        return "en"
    from factcheck.ingest.textmap import to_simplified

    return "zh-Hant" if to_simplified(text) != text else "zh-Hans"
