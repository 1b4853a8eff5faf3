"""Quotes in the reports: the article's words without glosses or debris, values found in any script."""

from factcheck.report.quote import clean, lang_of, pieces


def test_pinyin_glosses_and_tag_debris_are_dropped():
    assert clean("算力規模達(dá)到 76 Eflops<br/>，同比增長(zhǎng)65%&nbsp;") == "算力規模達到 76 Eflops，同比增長65%"


def test_values_are_marked_in_traditional_script_and_full_width():
    sentence = "據報道，該中心首期算力達到１２０Ｐ，總投資約８億元。"
    marked = [text for text, is_value in pieces(sentence, ["達(dá)到 120P", "约8亿元"])]
    values = [text for text, is_value in pieces(sentence, ["達(dá)到 120P", "约8亿元"]) if is_value]
    assert values == ["達到１２０Ｐ", "約８億元"]
    assert "".join(marked) == sentence


def test_each_quote_gets_its_language():
    assert lang_of("該中心首期算力達到120P。") == "zh-Hant"
    assert lang_of("该中心首期算力达到120P。") == "zh-Hans"
    assert lang_of("The center reached 120 petaflops in its first phase.") == "en"
