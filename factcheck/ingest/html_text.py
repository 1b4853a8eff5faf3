"""HTML to text with an offset map, using the standard library's tolerant HTML parser.

Block-level tags become line breaks; script and style content is dropped; entities are decoded
and map back to the whole entity in the raw file. Attributes never reach the text, so numbers in
URLs, sizes and styles cannot become claims.
"""

from __future__ import annotations

import re
from array import array
from functools import cached_property
from html import unescape
from html.parser import HTMLParser

from factcheck.ingest import html_fast
from factcheck.ingest.textmap import TextMap, offsets

_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "header", "footer", "blockquote", "title", "dd", "dt", "hr", "pre", "td", "th", "figure",
    "figcaption", "main", "nav", "aside",
}
_SKIP = {"script", "style", "noscript", "template", "svg"}
_REF = re.compile(r"&#?\w+;?")
_LOOKS_HTML = re.compile(r"<(?:p|div|br|span|html|body|a|img|table|li|h[1-6]|strong|em|head)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    start = prolog_end(text)[0]
    return _LOOKS_HTML.search(text, start, start + 200_000) is not None


_PROLOG_ITEM = re.compile(r"[\s\ufeff]*(?:<\?.*?\?>|<!--(.*?)-->|<!doctype\b[^\[>]*(\[.*?\]\s*)?>)", re.I | re.S)


def prolog_end(text: str) -> tuple[int, list[tuple[int, str]], bool]:
    """Where the prolog ends (an XML declaration, a DOCTYPE with its internal subset however long,
    comments), the comments in it (offset, text), and whether it has an internal subset. A page
    whose DTD is longer than the part looked at for tags is still HTML, and its subset (which the
    standard parser would read in part as text) is not article text."""
    pos, comments, subset = 0, [], False
    while m := _PROLOG_ITEM.match(text, pos):
        if m.end() == pos:
            break
        if m.group(1) is not None:
            comments.append((m.start(1) - 4, m.group(1)))
        subset = subset or m.group(2) is not None
        pos = m.end()
    return pos, comments, subset


class _Collector(HTMLParser):
    def __init__(self, raw: str, base: int):
        super().__init__(convert_charrefs=False)
        self.raw, self.base = raw, base
        self.chunks: list[str] = []
        self.starts, self.ends = array("q"), array("q")
        self.skip_depth = 0
        self.title: str | None = None
        self._in_title = False
        self.comments: list[tuple[int, str]] = []

    @cached_property
    def line_offsets(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer(r"\n", self.raw)]

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_offsets[line - 1] + col

    def _emit(self, text: str, start: int, end: int | None = None) -> None:
        if self.skip_depth or not text:
            return
        self.chunks.append(text)
        if end is None:  # text copied verbatim from raw[start:start+len]
            a = self.base + start
            self.starts += offsets(a, a + len(text))
            self.ends += offsets(a + 1, a + len(text) + 1)
        else:  # decoded entity: every character maps to the whole entity
            self.starts.extend([self.base + start] * len(text))
            self.ends.extend([self.base + end] * len(text))

    def _break(self, at: int | None = None) -> None:
        chunks = self.chunks
        if self.skip_depth or (len(chunks) >= 2 and chunks[-1] == "\n" and chunks[-2] == "\n"):
            return  # a run of block boundaries is one paragraph break, however deep the nesting
        pos = self.base + (self._pos() if at is None else at)
        self.chunks.append("\n")
        self.starts.append(pos)
        self.ends.append(pos)

    def handle_starttag(self, tag, attrs, at: int | None = None):
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag in _BLOCK:
            self._break(at)
        if tag == "title":
            self._in_title = True

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK:
            self._break()

    def handle_endtag(self, tag, at: int | None = None):
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK:
            self._break(at)
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        start = self._pos()
        if self.raw.startswith(data, start):
            self._emit(data, start)
        else:  # position drifted (malformed markup): map the whole piece to where it starts
            self._emit(data, start, start + len(data))
        if self._in_title and self.title is None and data.strip():
            self.title = data.strip()

    def _ref(self, text):
        start = self._pos()
        m = _REF.match(self.raw, start)
        end = m.end() if m else start + 1
        try:
            decoded = unescape(text)
        except ValueError:  # &#<thousands of digits>; is no character: it gives no text
            return
        self._emit(decoded, start, end)

    def handle_entityref(self, name):
        self._ref(f"&{name};")

    def handle_charref(self, name):
        self._ref(f"&#{name};")

    def handle_comment(self, data):
        self.comments.append((self.base + self._pos(), data))


    def read_rest_as_text(self, start: int) -> None:
        """Text of raw[start:] with whole tags removed, in one linear pass.

        Used for what the standard parser left unparsed after a construct that never closes
        (<a href='…, <!--…): its close() would rescan to the end of the page once per broken
        tag, which is quadratic. Scripts and styles are still skipped; entities stay as written.
        """
        raw, pos = self.raw, start
        for m in _WHOLE_TAG.finditer(raw, start):
            if m.start() < pos:  # inside a script or style skipped below
                continue
            self._emit(raw[pos : m.start()], pos)
            pos = m.end()
            name, closing = (m.group(2) or "").lower(), m.group(1) == "/"
            if not closing and name in self.CDATA_CONTENT_ELEMENTS:
                end = re.compile(rf"</{name}\b", re.I).search(raw, pos)
                pos = end.start() if end else len(raw)
            elif closing:
                self.handle_endtag(name, at=m.start())
            elif name:
                self.handle_starttag(name, [], at=m.start())
        self._emit(raw[pos:], pos)


class _FastCollector(_Collector):
    """The same handlers, driven by html_fast.drive, which sets the position of each call."""

    at = 0

    def _pos(self) -> int:
        return self.at

    def handle_ref(self, text: str) -> None:
        self._ref(text)

    def handle_data(self, data):  # drive() only gives pieces that stand verbatim at self.at
        self._emit(data, self.at)
        if self._in_title and self.title is None and data.strip():
            self.title = data.strip()


_WHOLE_TAG = re.compile(r"<(/?)([A-Za-z][^\s/<>]*+)?[^<>]*+>")
UNPARSED_TAIL_LIMIT = 4096  # longer unparsed tails are read by read_rest_as_text


def html_to_textmap(raw_body: str, base: int) -> tuple[TextMap, str | None, list[tuple[int, str]]]:
    """Parse raw_body (which starts at offset base of the file) into text, title and comments."""
    skip, prolog_comments, subset = prolog_end(raw_body)
    if subset:
        prolog_comments = [(base + at, text) for at, text in prolog_comments]
        view, title, comments = html_to_textmap(raw_body[skip:], base + skip)
        return view, title, prolog_comments + comments
    fast = _FastCollector(raw_body, base)
    if html_fast.drive(fast, raw_body):
        return TextMap("".join(fast.chunks), fast.starts, fast.ends), fast.title, fast.comments
    return _parse(raw_body, base)


def _parse(raw_body: str, base: int) -> tuple[TextMap, str | None, list[tuple[int, str]]]:
    """The standard library's parser, for markup that html_fast does not take."""
    parser = _Collector(raw_body, base)
    parser.feed(raw_body)
    tail = parser.rawdata
    if len(tail) > UNPARSED_TAIL_LIMIT and not parser.cdata_elem:
        parser.rawdata = ""
        parser.read_rest_as_text(len(raw_body) - len(tail))
    parser.close()
    return TextMap("".join(parser.chunks), parser.starts, parser.ends), parser.title, parser.comments
