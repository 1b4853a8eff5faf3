"""The fast paths give exactly what the slow, obvious code gives (speed only, never a new result)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract.dates import _compiled
from factcheck.extract.en_dates import _rules as _en_date_rules
from factcheck.extract.en_entities import _lex as _en_entity_lex
from factcheck.extract.en_numbers import _lex as _en_number_lex
from factcheck.extract.en_quantities import _EXASCALE
from factcheck.extract.modality import _rx as _modality_rx
from factcheck.extract.patterns import patterns
from factcheck.extract.quantities import _E_CLASS
from factcheck.extract.scan import _FOLDS_ONTO, _LEADING_FLAGS, _re_skips, _scanner, finditer, present, search

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = list("0123456789一二三四五六七八九十百千万亿半点两第个年月日号.,-+@:：/ \nabcxyzPEVv月份分之") + [
    "2021年", "11月", "3月5日", "2023-06-12", "1080P", "第一", "一家", "十一个", "v1.2", "www.", "http://a.b/1",
    "x@y.cn", "13912345678", "E级", "世纪", "二十一世纪", "上半年", "去年", "3+4=7", "12:30", "5 MB", "Mate 60",
]
text_st = st.lists(st.sampled_from(PIECES) | st.text(max_size=2), max_size=60).map("".join)


def _used_patterns() -> list[re.Pattern]:
    p = patterns()
    hints = [hint for _, _, hint in p.filters if hint is not None]
    return [p.number, p.idioms, _E_CLASS] + [rx for _, rx, _ in p.filters] + [rx for _, rx in _compiled()[0]] + hints


EN_PIECES = ["one hundred and", "three quarters", "-4/5", "1,024", "10k", "12.6M", "RMB", "½", "minus", "May", "MAY", "may ", "March", "Sept.", "June", "July", "9", "31st", "2021", "1999", "2024-06-30", " ", ",", "\n",
             "the first half of", "first quarter", "Q3", "H1", "of", "this year", "last year", "next", "last", "week",
             "in ", "In ", "by the end of", "since", "Center", "center", "Laboratory", "Huawei", "China", "Chinese",
             "Wuhan", "National", "exascale", "EXASCALE", "İ", "ı", "ſ", "K", "é", "a", "-", ".", "II"]
en_text_st = st.lists(st.sampled_from(EN_PIECES) | st.text(max_size=2), max_size=40).map("".join)


def _english_patterns() -> list[re.Pattern]:
    lex = [x for x in _en_entity_lex() if isinstance(x, re.Pattern)]  # places are a set look-up, not a pattern
    return ([rx.compiled() for _, rx in _en_date_rules()[0]] + lex + [_EXASCALE]
            + [_en_number_lex()["run"]])


def _spans(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


def _skips(rx: re.Pattern) -> bool:
    """A scanner, or re skips ahead through the pattern by itself."""
    return _scanner(rx) is not None or _re_skips(_LEADING_FLAGS.sub("", rx.pattern), bool(rx.flags & re.I))


def test_the_patterns_of_the_extractor_get_a_scanner():
    missing = [rx.pattern[:60] for rx in _used_patterns() if not _skips(rx)]
    assert not missing, missing


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_st)
def test_scanned_finditer_equals_finditer_for_every_pattern_used(text):
    for rx in _used_patterns():
        assert _spans(finditer(rx, text)) == _spans(rx.finditer(text)), rx.pattern
        assert _spans(filter(None, [search(rx, text)])) == _spans(filter(None, [rx.search(text)])), rx.pattern


def test_the_english_patterns_get_a_scanner():
    missing = [rx.pattern[:60] for rx in _english_patterns() if not _skips(rx)]
    assert not missing, missing


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(en_text_st)
def test_scanned_finditer_equals_finditer_for_the_english_patterns(text):
    for rx in _english_patterns():
        assert _spans(finditer(rx, text)) == _spans(rx.finditer(text)), rx.pattern


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(EN_PIECES + PIECES + ["计划", "预计", "将", "已", "plans to", "will", "expected"]), max_size=30).map("".join),
       st.integers(0, 40), st.integers(0, 80))
def test_scanned_finditer_keeps_pos_and_endpos(text, pos, endpos):
    for rx in [_modality_rx()[0], *_english_patterns()[:3], patterns().number]:
        assert _spans(finditer(rx, text, pos, endpos)) == _spans(rx.finditer(text, pos, endpos)), rx.pattern
        assert _spans(filter(None, [search(rx, text, pos, endpos)])) == _spans(filter(None, [rx.search(text, pos, endpos)]))


def test_the_case_folds_onto_ascii_are_all_listed():
    """Every non-ASCII character that re.I matches with an ASCII character is in _FOLDS_ONTO."""
    others = "".join(map(chr, range(128, 0x110000)))
    found: dict[str, set] = {}
    for c in map(chr, range(128)):
        for x in re.findall("(?i)" + re.escape(c), others):
            found.setdefault(c.lower(), set()).add(x)
    assert found == {k: set(v) for k, v in _FOLDS_ONTO.items()}


@PROPERTY
@given(st.text(alphabet="abcABCikIKsS$1 \nİıſK", max_size=30))
def test_patterns_that_can_match_nothing_or_anything_fall_back(text):
    for source in [r"a*", r"(?<!a)b?", r".b", r"[^a]b", r"(?i)ab", r"(?i:ab)|c", r"(?i)k|s|(?-i:i)", r"[a-c]+(?i:[i-l])", r"(?i)[$a]", r"(?m)^\s*1", r"(a)\1", r"(?<![ab])1+|\n"]:
        rx = re.compile(source)
        assert _spans(finditer(rx, text)) == _spans(rx.finditer(text)), source
    assert _scanner(re.compile(r"a*")) is None and _scanner(re.compile(r"[^a]b")) is None
    assert _scanner(re.compile(r"(?<![ab])1+|\n")) is not None


# the forms the scanner's reader of pattern text must get right: escapes, classes with ']' and '-',
# repeats with bounds, named groups, comments, scoped flags, lookarounds holding ')' and '|', and
# items it cannot list (., negated classes, back references) after the first character
READER_SOURCES = [
    r"[\u3000 ]*\d{1,2}[.)]", r"(?P<y>\d{2,})年(?P=y)?", r"[]a]b|[a\]]c", r"[-a]|[a-]x|[\--/]9", r"(?#note)(?:k|1)\b",
    r"(?<![)|(])(?:a|b)+[^a]*", r"(?i:x)[é]|\N{DIGIT ONE}", r"\x41\u4e00+|\U0001F600", r"(?<=[a)])\.\d", r"a{0}b|c{,2}d",
    r"(a)b\1", r"(?-i:a)(?i:B)c", r"a?(?:b|)c", r"(?>ab|a)c", r"\tx|\$1", r"(?:一|二){2}月(?!\d)", r"a{2", r"\bk+",
]
READER_ALPHABET = "abcdkxABCK1029.)(]-\t\u3000一二月年é😀$A" + "\u4e00"


@PROPERTY
@given(st.text(alphabet=READER_ALPHABET, max_size=30))
def test_the_scanner_reads_pattern_text_as_re_does(text):
    for source in READER_SOURCES:
        rx = re.compile(source)
        assert _spans(finditer(rx, text)) == _spans(rx.finditer(text)), source


def test_most_reader_forms_get_a_scanner_and_no_private_re_module_is_read():
    import factcheck.extract.scan as scan_module

    assert sum(_skips(re.compile(s)) for s in READER_SOURCES) >= 15
    with open(scan_module.__file__, encoding="utf-8") as fh:
        source = fh.read()
    assert "_parser" not in source and "_constants" not in source and "sre_" not in source


TAGS = ["p", "P", "div", "span", "a", "br", "img", "li", "h2", "strong", "td", "svg", "template", "o:p", "my-tag",
        "title", "script", "style", "noscript", "textarea"]
ATTRS = ["", ' class="x"', " class='a b'", " href=http://a.cn/1.html", ' style="font-size:12px;"', " data-n=3", " hidden",
         ' alt="<b>&amp;"', " src=x/", " x=", ' a="1"b="2"', "\u3000", " id=a\u3000", "\t", "\n"]
ENDINGS = [">", "/>", " />", " >", "", " / >"]
HTML_PIECES = ["\n", "\n\n", " ", "文字", "12.5亿元", "&amp;", "&lt;", "&#20116;", "&#x4e07;", "&nbsp;", "&nbsp", "&", "& ",
               "&#", "&#;", "&#12a;", "&foo.bar;", "<", "< ", "a<b", "</", "</>", "</p class=x>", "</ p>", "<!-- c -->",
               "<!--", "-->", "<!DOCTYPE html>", "<?xml ?>", "<![CDATA[x]]>", ">", '"', "'"]
tag_st = st.builds(lambda t, a, e, close: (f"</{t}>" if close else f"<{t}{a}{e}"),
                   st.sampled_from(TAGS), st.sampled_from(ATTRS), st.sampled_from(ENDINGS), st.booleans())
html_st = st.lists(tag_st | st.sampled_from(HTML_PIECES) | st.text(max_size=3), max_size=50).map("".join)


def _parts(result):
    view, title, comments = result
    return view.text, list(view.starts), list(view.ends), title, comments


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_st, st.integers(min_value=0, max_value=50))
def test_fast_html_gives_what_the_standard_parser_gives(html, base):
    from factcheck.ingest.html_text import _parse, html_to_textmap

    assert _parts(html_to_textmap(html, base)) == _parts(_parse(html, base))


def test_plain_article_markup_takes_the_fast_path():
    from factcheck.ingest import html_fast
    from factcheck.ingest.html_text import _FastCollector

    html = ('<div class="article">\n<p>第一段 &amp; 12.5亿元</p>\n<p style="a:b">二<br/>三 < 四 &#20116;</p>'
            '<img src="a.jpg" alt="x" />\n<span><a href=http://a.cn/ target="_blank">链接</a></span></div>')
    assert html_fast.drive(_FastCollector(html, 0), html)
    for bad in ["<!-- x -->", "<script>1</script>", "<title>t</title>", "&nbsp", "<p / >", "<p"]:
        assert not html_fast.drive(_FastCollector(bad, 0), bad), bad


@PROPERTY
@given(st.text(alphabet=st.sampled_from(sorted({chr(c) for c in range(0xFF00, 0xFF62)} | set("\u3000\u2014\u2215\u2212\u2013\u00a0\u200b\ufeff a1，。-/"))), max_size=40))
def test_width_folding_equals_translate(text):
    from factcheck.ingest.textmap import _WIDTH, fold_width

    assert fold_width(text) == text.translate(_WIDTH)
    assert not {chr(v) for k, v in _WIDTH.items() if k != v} & {chr(k) for k, v in _WIDTH.items() if k != v}


@PROPERTY
@given(st.integers(min_value=-3, max_value=(1 << 20) + 5), st.integers(min_value=0, max_value=300))
def test_offsets_equal_an_array_of_the_range(start, n):
    from array import array

    from factcheck.ingest.textmap import offsets

    assert offsets(start, start + n) == array("q", range(start, start + n))


@PROPERTY
@given(st.text(max_size=30), st.integers(min_value=0, max_value=(1 << 20) + 5), st.lists(st.integers(min_value=0, max_value=30), max_size=8))
def test_identity_views_and_deletions_keep_every_offset(text, base, cuts):
    from factcheck.ingest.textmap import TextMap

    view = TextMap.identity(text, base)
    assert list(view.starts) == list(range(base, base + len(text)))
    assert list(view.ends) == list(range(base + 1, base + len(text) + 1))
    bounds = sorted({min(c, len(text)) for c in cuts})
    ranges = list(zip(bounds[::2], bounds[1::2], strict=False))  # an odd last bound is dropped
    kept = [i for i in range(len(text)) if not any(a <= i < b for a, b in ranges)]
    cut = view.delete_ranges(ranges)
    assert cut.text == "".join(text[i] for i in kept)
    assert list(cut.starts) == [base + i for i in kept] and list(cut.ends) == [base + i + 1 for i in kept]


@PROPERTY
@given(st.text(alphabet=st.sampled_from(list("ab Z1。中文\u33ff\u3400\u9fff\ua000\U00020000\ud800")), max_size=40))
def test_cjk_count_on_utf16_high_bytes_equals_a_regex_count(text):
    import re

    from factcheck.ingest.source import count_cjk, detect_language

    cjk = len(re.findall(r"[\u3400-\u9fff]", text))
    assert count_cjk(text) == cjk
    assert detect_language(text) == ("zh" if cjk >= len(re.findall(r"[A-Za-z]{2,}", text)) else "en")


def test_invisible_runs_are_found_whatever_their_length():
    from factcheck.ingest.invisible import invisible_in_figures

    text = "算力5\u200d\u200d00P，另有3\u00ad\u2066个"
    assert invisible_in_figures(text) == [(3, 5), (12, 14)]


PRESENT_SOURCES = (r"\d:\d", r"(?m)^\s*\d{1,2}[.)]", r"分之", r"@", r"(?i:kb)|\d\s?mb", r"(?<![\d.])1[3-9]\d{2}", r"日\s*(?:讯|电)")


@PROPERTY
@given(text_st)
def test_present_says_which_patterns_occur_as_search_does(text):
    hints = tuple(hint for _, _, hint in patterns().filters if hint is not None)
    assert present(hints, text) == [rx.search(text) is not None for rx in hints]
    mixed = tuple(re.compile(s) for s in PRESENT_SOURCES)
    assert present(mixed, text) == [rx.search(text) is not None for rx in mixed]
