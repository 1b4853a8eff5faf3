from fractions import Fraction

import pytest

from factcheck.extract.numerals import parse_number


@pytest.mark.parametrize(
    "text, value",
    [
        ("3万4000", 34000), ("二十", 20), ("1.5亿", 150_000_000), ("10 万", 100_000), ("830 万", 8_300_000),
        ("两千", 2000), ("廿三", 23), ("〇〇〇", 0), ("二〇二一", 2021), ("一百零五", 105), ("壹贰", 12),
        ("1,234.5", Fraction(2469, 2)), ("7043.99", Fraction(704399, 100)), ("千亿", 10**11),
        ("三千五百万", 35_000_000), ("半", Fraction(1, 2)),
    ],
)
def test_parses_chinese_arabic_and_mixed_numerals(text, value):
    assert parse_number(text)[0] == value


@pytest.mark.parametrize("text, step", [("100", 1), ("1.5亿", 10_000_000), ("7043.99", Fraction(1, 100)), ("二十", 10)])
def test_resolution_is_the_last_printed_digit(text, step):
    assert parse_number(text)[1] == step


@pytest.mark.parametrize("text", ["1..5", "1e308", "", "abc", "9" * 400, "十余"])
def test_malformed_numbers_give_none_not_an_exception(text):
    assert parse_number(text) is None
