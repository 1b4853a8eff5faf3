"""A document read from disk or JSON Lines, ready for extraction."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.ingest.html_text import html_to_textmap, looks_like_html
from factcheck.ingest.invisible import invisible_in_figures
from factcheck.ingest.noise import noisy_ranges
from factcheck.ingest.textmap import TextMap
from factcheck.model import Document

# a pinyin gloss inserted after a character: 會(huì). Dropped from analysis, kept in the raw file.
# It starts with its "(" (the character before is a lookbehind) so that re skips ahead to a "(".
GLOSS = re.compile(r"\((?<=[\u3400-\u9fff]\()[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,8}\)")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)


@dataclass
class Source:
    document: Document
    raw: str
    view: TextMap
    noise: list[tuple[int, int]] = field(default_factory=list)
    comments: list[tuple[int, str]] = field(default_factory=list)
    title_map: TextMap | None = None
    cache_key: tuple | None = None  # (name, bytes) when the run caches extractions


# every byte but the high bytes of U+3400..U+9FFF in UTF-16
_NOT_CJK_HIGH = bytes(b for b in range(256) if not 0x34 <= b <= 0x9F)


def count_cjk(text: str) -> int:
    """How many CJK ideographs (U+3400..U+9FFF) text has.

    In UTF-16 they are exactly the code units whose high byte is 0x34..0x9F (characters beyond
    U+FFFF are two units with high bytes 0xD8..0xDF), so bytes operations count them, about ten
    times faster than a regex that deletes the other characters.
    """
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    return len(high.translate(None, _NOT_CJK_HIGH))


def detect_language(text: str) -> str:
    """zh when CJK characters outnumber Latin words, else en."""
    sample = text[:20000]
    cjk = count_cjk(sample)
    if 3 * cjk >= len(sample):
        # each Latin word takes two or more of the other characters: there are at most as many as CJK ones
        return "zh"
    latin = len(_LATIN_WORD.findall(sample))
    return "zh" if cjk >= latin else "en"


def build_view(raw: str, body_start: int) -> tuple[TextMap, str | None, list[tuple[int, str]]]:
    """The analysis text of raw[body_start:]: HTML stripped, glosses dropped, width and script folded."""
    body = raw[body_start:]
    if looks_like_html(body):
        view, title, comments = html_to_textmap(body, body_start)
    else:
        view, title, comments = TextMap.identity(body, body_start), None, _markdown_comments(body, body_start)
    return _fold_invisible(view.delete(GLOSS)).normalised(), title, comments


def _fold_invisible(view: TextMap) -> TextMap:
    """Drop invisible characters inside figures, so 5<ZWJ>00P is read as 500P (see invisible.py)."""
    return view.delete_ranges(invisible_in_figures(view.text))


def _markdown_comments(body: str, base: int) -> list[tuple[int, str]]:
    return [(base + m.start(), m.group(1)) for m in _COMMENT.finditer(body)]


def make_source(document: Document, raw: str, body_start: int, title: str | None) -> Source:
    view, html_title, comments = build_view(raw, body_start)
    if document.title is None:
        document.title = title or html_title
    if document.lang == "auto":
        document.lang = detect_language(view.text)
    title_map = None
    if document.title:
        idx = raw.find(document.title)
        if idx >= 0:  # only a title that stands verbatim in the file can give claims with true offsets
            title_map = _fold_invisible(TextMap.identity(document.title, idx).delete(GLOSS)).normalised()
    return Source(document, raw, view, noisy_ranges(view.text), comments, title_map)
