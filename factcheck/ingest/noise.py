"""Page chrome and spam: lines of the analysis text that must give no claims.

Each class is a shape of line that real pages print around an article, with its words in
data/zh/filters.toml ([chrome], [spam], [noise]):

- chrome: a short line with a navigation or byline phrase (当前位置, 上一篇, 责任编辑);
- spam: a line of many short items between separators (a | b | c | …), or of many short Chinese
  keywords between spaces (an SEO block);
- byline: a short line with a date stamp and a byline word (来源, 阅读, Posted) or a time of day;
- listing: a short, unpunctuated line that ends with a date stamp (a related link: 标题 2025-01-17),
  and every such line after a related-links heading (相关阅读, Related:), whatever figures the
  linked titles hold;
- promotion, cookie banner, footer: a line with one of their words;
- contact details: a line that is only an address or a phone number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.lang import load_lexicon

_CONTACT = re.compile(r"^\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?[\d\s()-]{7,20})\s*$")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# a date stamp as pages print them: 2024-11-14, 2024/11/14, 2024年11月14日 10:30, Dec 16, 2025, 16 December 2025
_STAMP = re.compile(
    rf"(?<!\d)(?:19|20)\d{{2}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?!\d)"
    rf"|(?<!\d)(?:19|20)\d{{2}}年\d{{1,2}}月\d{{1,2}}日"
    rf"|\b{_MONTH}\s\d{{1,2}},?\s(?:19|20)\d{{2}}\b|\b\d{{1,2}}\s{_MONTH}\s(?:19|20)\d{{2}}\b"
)
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
# a link's date after its title, set apart by a space or a bracket (a "建成时间: 2024-09-30" field is not one)
_STAMP_AT_END = re.compile(
    rf"(?<![:\s])[\s(\[]+(?:(?:(?<!\d)(?:19|20)\d{{2}}[-/.])?\d{{1,2}}[-/.]\d{{1,2}}(?:\s\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
    rf"|{_MONTH}\s\d{{1,2}},?\s(?:19|20)\d{{2}})\s*[)\]]?\s*$"
)
# an author's name (By Ama Mensah), not a deadline (By Jan 5, 2026, …)
_BY_NAME = re.compile(r"\bBy\s(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s\d)[A-Z][\w'.-]+\s[A-Z]")
# a page counter next to a byline: 3476次阅读, 8,912 views
_COUNTER = re.compile(r"\d\s?[万千kK]?\s?次?(?:阅读|浏览|点击)|\d\s?[kKM]?\s(?:views|reads)\b")
_SENTENCE_END = re.compile(r"[。!?;]|[,:]\s?\S.*[,:]")  # a sentence, or a clause list: not a title or a byline
_LIST_MARK = re.compile(r"^(?:[-*•·▪►>]|\d{1,2}[.、)])\s*")
_MARK_START = "-*•·▪►>0123456789"  # what a list mark (_LIST_MARK) may start with
_CJK = re.compile(r"[\u3400-\u9fff]")
_DIGIT = re.compile(r"\d")  # every date stamp has one
_PUNCT = re.compile("[,。;:!?]")  # a sentence's: keywords have none


class _Words:
    """The words of one class, found as _words_rx finds them, after a pre-test that rules most lines out.

    The exact pattern puts a word boundary before a Latin word, and re, which cannot skip ahead to
    an assertion, tries every word at every position of the line (promotion words cost about 30 µs
    a line of prose). The pre-test is the words alone: re skips ahead to their first characters.
    Every exact match contains one of the words, so a line without one has no match either.
    """

    def __init__(self, words, anchored: bool = False, cjk_tail: str = ""):
        from factcheck.extract.patterns import norm

        folded = sorted({norm(w) for w in words}, key=len, reverse=True)
        self.exact = _words_rx(words, anchored, cjk_tail)
        self.plain = re.compile("|".join(re.escape(w) for w in folded))
        # an anchored match starts with one of these (no test if a word is empty)
        self.first = frozenset(w[:1] for w in folded) if all(folded) else None
        # the words no other word is part of: a text holds a word if and only if it holds one of these
        self.shortest = tuple(w for w in folded if not any(o != w and o in w for o in folded))

    def occur_in(self, text: str) -> bool:
        """Whether text holds any of the words: a substring search per word, for a few words
        quicker than a regex over every line."""
        return any(w in text for w in self.shortest)

    def search(self, line: str) -> re.Match | None:
        return self.exact.search(line) if self.plain.search(line) else None

    def finditer(self, line: str):
        return self.exact.finditer(line) if self.plain.search(line) else iter(())


@dataclass(frozen=True)
class _Rules:
    chrome: re.Pattern | None  # any chrome phrase, as plain text
    separators: tuple[str, ...]
    min_separators: int
    max_item_chars: int
    byline: _Words | None
    related: _Words | None
    promo: _Words | None
    cookie: _Words | None
    footer: _Words | None
    max_chrome: int
    max_listing: int
    max_promo: int
    max_footer: int
    keyword_items: int
    keyword_item_chars: int
    trigger: re.Pattern  # any word or stamp that some class needs (a byline's counter or author counts only with one)
    heading_starts: frozenset[str] | None  # see _heading_starts


def _words_rx(words, anchored: bool = False, cjk_tail: str = "") -> re.Pattern | None:
    # the words folded as the analysis text is (imported late: patterns imports ingest)
    from factcheck.extract.patterns import norm

    words = sorted({norm(w) for w in words}, key=len, reverse=True)
    if not words:
        return None
    # a Latin word must start at a word boundary (By, not Abby)
    alt = "|".join((r"\b" if w[:1].isascii() and w[:1].isalnum() else "") + re.escape(w)
                   + (r"\b" if w[-1:].isascii() and w[-1:].isalnum() else ("" if w.isascii() else cjk_tail)) for w in words)
    return re.compile(rf"^(?:{alt})" if anchored else alt)


def _words(words, anchored: bool = False, cjk_tail: str = "") -> _Words | None:
    return _Words(words, anchored, cjk_tail) if words else None


def _plain(words) -> re.Pattern | None:
    """A pattern that finds any of words as it stands (after the analysis text's folding)."""
    from factcheck.extract.patterns import norm

    words = sorted({norm(w) for w in words}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words)) if words else None


@cache
def _rules() -> _Rules:
    f = load_lexicon().filters
    n = f.noise
    return _Rules(
        _plain(f.chrome.phrases), tuple(f.spam.separators), f.spam.min_separators, f.spam.max_item_chars,
        _words(n.byline_words, cjk_tail=r"\s?:") if n else None,  # 来源: is a label, 发布 in a headline is not
        _words(n.related_headings, anchored=True) if n else None,
        _words(n.promo) if n else None,
        _words(n.cookie) if n else None,
        _words(n.footer) if n else None,
        n.max_chrome_chars if n else 80, n.max_listing_chars if n else 60, n.max_promo_chars if n else 160,
        n.max_footer_chars if n else 240, n.keyword_items if n else 5, n.keyword_item_chars if n else 10,
        _trigger(f),
        _heading_starts(n.related_headings if n else []),
    )


def _heading_starts(words) -> frozenset[str] | None:
    """The characters a related heading's line may start with: a list mark or a word's first
    (None: any, when a word is empty)."""
    from factcheck.extract.patterns import norm

    folded = {norm(w) for w in words}
    if not folded:
        return frozenset()
    return frozenset(_MARK_START) | {w[0] for w in folded} if all(folded) else None


def _trigger(f) -> re.Pattern:
    n = f.noise
    words = list(f.chrome.phrases)
    if n:
        words += n.byline_words + n.related_headings + n.promo + n.cookie + n.footer
    return _plain(words)


def _is_spam(r: _Rules, line: str) -> bool:
    seps = 0
    for s in r.separators:
        seps += line.count(s)
    if seps >= r.min_separators:
        items = [i for s in r.separators for i in line.split(s)]
        if items and sum(len(i) for i in items) / len(items) <= r.max_item_chars:
            return True
    # an SEO block: 宜昌算力 智算中心排名 GPU服务器出租 … (many short keywords, no punctuation)
    if line.count(" ") < r.keyword_items - 1 or len(line) > r.keyword_items * r.keyword_item_chars * 8:
        return False
    if _PUNCT.search(line):
        return False
    items = line.split()
    return (
        len(items) >= r.keyword_items
        and sum(len(i) for i in items) / len(items) <= r.keyword_item_chars
        and len(_CJK.findall(line)) * 2 > len(line.replace(" ", ""))
    )


def _is_byline(r: _Rules, line: str, worded: bool) -> bool:
    """A date stamp with a time of day, a byline label (来源:, 作者:, Posted, By) or a counter; a headline
    that states a date (2024年5月20日工信部发布…) has none of them. Without a time, the line must be one
    that may hold class words (worded) and hold one (r.trigger)."""
    if len(line) > r.max_chrome or "。" in line or not _DIGIT.search(line) or not _STAMP.search(line):
        return False
    if ":" in line and _TIME.search(line):
        return True
    if not worded or r.trigger.search(line) is None:
        return False
    return bool((r.byline and r.byline.search(line)) or _COUNTER.search(line) or _BY_NAME.search(line))


def _is_listing(r: _Rules, line: str) -> bool:
    """A related link: a short title ending with its date, not a sentence."""
    if len(line) > r.max_listing or not (line[-1].isdecimal() or line[-1] in ")]"):  # where a date can end
        return False
    return not _SENTENCE_END.search(line) and bool(_STAMP_AT_END.search(line))


def _is_promo(r: _Rules, line: str) -> bool:
    """Two calls to act (领取红包 立即下载), or one shouted (CLICK HERE!): a headline that names 红包 once is news."""
    if r.promo.search(line) is None:
        return False
    hits = {m.group() for m in r.promo.finditer(line)}
    return len(hits) >= 2 or (len(hits) == 1 and ("!" in line or "！" in line))


def _is_link_title(r: _Rules, line: str) -> bool:
    """A line of a related-links block: short and not a sentence."""
    return len(line) <= r.max_listing and "。" not in line and not line.endswith(".")


def _related_heading(r: _Rules, line: str) -> bool:
    """相关阅读, Related: …, not a sentence that starts with the word."""
    if r.related is None:
        return False
    bare = _LIST_MARK.sub("", line) if line[:1] in _MARK_START else line
    if r.related.first is not None and bare[:1] not in r.related.first:
        return False
    m = r.related.exact.match(bare)
    if m is None:
        return False
    rest = bare[m.end() :].strip()
    return not rest or rest[0] in ":|>»-"


def _is_contact(line: str) -> bool:
    """Only an e-mail address or a phone number (at most 21 characters)."""
    return ("@" in line or len(line) <= 21) and _CONTACT.match(line) is not None


def _line_class(r: _Rules, line: str, cookie: _Words | None) -> str | None:
    """The class of one stripped line, or None; the first class that fits wins. cookie is r.cookie
    if the page holds a cookie word, else None (see noisy_ranges).

    Every class that needs a word is bounded in length (worded): a paragraph is only tried for spam,
    a heading and a contact. Each word test is cheap on a line without the words (see _Words)."""
    n = len(line)
    worded = n <= r.max_footer
    if worded and n < r.max_chrome and r.chrome and r.chrome.search(line):
        return "chrome"
    if _is_spam(r, line):
        return "spam"
    if (r.heading_starts is None or line[0] in r.heading_starts) and _related_heading(r, line):
        return "related"
    if (n <= r.max_listing and _is_listing(r, line)) or (n <= r.max_chrome and _is_byline(r, line, worded)):
        return "byline"
    if worded:
        if cookie and cookie.search(line):
            return "cookie"
        if "。" not in line:
            if r.footer and r.footer.search(line):
                return "footer"
            if r.promo and n <= r.max_promo and _is_promo(r, line):
                return "promo"
    if (n <= 21 or "@" in line) and _is_contact(line):
        return "contact"
    return None


def noisy_ranges(text: str) -> list[tuple[int, int]]:
    """[start, end) ranges of lines that are navigation, bylines, link lists, promotions or spam."""
    r = _rules()
    # cookie words are tried on every line up to max_footer: the few of them are ruled out for the
    # whole page at once
    cookie = r.cookie if r.cookie and r.cookie.occur_in(text) else None
    out = []
    pos = 0
    in_related = False
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if stripped:
            kind = _line_class(r, stripped, cookie)
            if kind == "related":
                in_related = True
            elif kind is None and in_related and _is_link_title(r, stripped):
                kind = "related"
            else:
                in_related = False
            if kind:
                out.append((pos, end))
        pos = end + 1
    return out
