"""Chinese quantities as real pages print them: spoken numerals, signs, fractions, shares, discounts,
units glued to digits, counted nouns without measure words, money after an investment word.

The articles are written for these tests (page chrome, reposts and mixed lines included); each test
asserts the value a reader of the page would take from it.
"""

from fractions import Fraction

import pytest

from factcheck.extract.claims import extract_source
from factcheck.extract.numerals import parse_number
from factcheck.ingest.source import make_source
from factcheck.model import Document

ARTICLE = """首页 > 科技 > 正文
来源：本站综合　编辑：小林
【算力观察】东部某市智算中心二期投产
该中心二期新增300机柜，智能算力达到2,000P，另配置80PHPC高性能算力与3E OPS整数算力，
上线后总算力达6.5E FLOP。系统峰值运算速度达每秒1亿亿次，是一期的3.5倍。
注：1 PFlops约等于每秒1000万亿次浮点运算。
项目总投资约120亿，后续计划投资15亿至25亿元，建成后PUE低于1.25，机房面积12万平方米，存储容量5EB。
园区将建设三大枢纽，部署128个节点、4096卡集群，可训练70亿参数的模型；首批36箱模块已到场。
当地注册用户十余万，较去年增长三万五人，能耗同比下降百分之负三点八，服务器利用率提升至七成半。
"""


def _values(text: str):
    doc = Document(id="a", lang="zh", published=None)
    extraction = extract_source(make_source(doc, text, 0, None), mentions=True)
    return extraction.claims, extraction.mentions


def _claim(claims, text):
    found = [c for c in claims if c.text == text]
    assert found, (text, [c.text for c in claims])
    return found[0]


@pytest.fixture(scope="module")
def article():
    return _values(ARTICLE)


@pytest.mark.parametrize("text, value, unit", [
    ("300", 300, "count"), ("达到2,000P", 2000, "PFLOPS"), ("80PHPC", 80, "PFLOPS"),
    ("3E OPS", 3_000_000, "TOPS"), ("达6.5E FLOP", 6500, "PFLOPS"), ("1亿亿次", 10, "PFLOPS"),
    ("3.5倍", Fraction(7, 2), "times"), ("约120亿", 12_000_000_000, "CNY"), ("低于1.25", Fraction(5, 4), "ratio"),
    ("12万平方米", 120_000, "square_metre"), ("5EB", 5000, "PB"), ("三大", 3, "count"), ("128个", 128, "count"),
    ("4096卡", 4096, "card"), ("70亿", 7_000_000_000, "count"), ("36箱", 36, "count"),
    ("百分之负三点八", Fraction(-38, 10), "percent"), ("七成半", 75, "percent"), ("三万五人", 35000, "count"),
])
def test_figures_of_a_real_looking_page_are_read_with_their_units(article, text, value, unit):
    claim = _claim(article[0], text)
    assert claim.value == pytest.approx(float(value)) and claim.unit == unit


def test_a_range_with_the_section_word_on_both_ends_is_one_range(article):
    claim = _claim(article[0], "15亿至25亿元")
    assert (claim.lower, claim.upper, claim.unit) == (1_500_000_000, 2_500_000_000, "CNY")


def test_a_count_noun_is_kept_as_what_is_counted(article):
    assert _claim(article[0], "300").counted == "机柜"


def test_a_unit_gloss_is_not_a_claim(article):
    assert not [c for c in article[0] if "1000万亿" in c.text or c.text.startswith("1 PFlops")]


def test_yu_with_a_section_word_is_one_number_between_steps(article):
    m = [c for c in article[1] if c.text.endswith("十余万")][0]
    assert (m.lower, m.upper, m.reason) == (100_000, 200_000, "bare number")


@pytest.mark.parametrize("text, value", [
    ("三万五", 35000), ("两千三", 2300), ("一万三", 13000), ("一百二", 120), ("负三十二", -32), ("十点五", Fraction(21, 2)),
    ("两千点零", 2000), ("一百二十点五", Fraction(241, 2)), ("三分之一", Fraction(1, 3)), ("五百分之2.2", Fraction(22, 5000)),
    ("5万4千6百", 54600), ("100万三千", 1_003_000), ("3万亿", 3 * 10**12), ("零", 0), ("〇", 0), ("壹", 1),
    ("一二三", 123), ("2e5", 200_000), ("15k", 15_000), ("10.85M", 10_850_000), ("三 万 五", 35000),
    ("一千一百万一千亿", 1_100_100_000_000_000), ("玖仟陆佰", 9600), ("三百五又三分之一", Fraction(1051, 3)),
])
def test_numeral_grammar(text, value):
    assert parse_number(text)[0] == value


@pytest.mark.parametrize("text", ["两两", "3万5万", "10.1万零100", "负", "零点", "点五"])
def test_not_numerals(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("sentence, text, value", [
    ("店内商品一律打七五折，会员再享九折。", "七五折", 75),
    ("店内商品一律打七五折，会员再享九折。", "九折", 90),
    ("今年利润率为千分之2.4，去年是万分之三。", "千分之2.4", Fraction(24, 100)),
    ("今年利润率为千分之2.4，去年是万分之三。", "万分之三", Fraction(3, 100)),
    ("毛利率从三成半升到七成 六。", "三成半", 35),
    ("毛利率从三成半升到七成 六。", "七成 六", 76),
    ("增速回落2.5个百分点。", "2.5个百分点", Fraction(5, 2)),
])
def test_shares_discounts_and_points(sentence, text, value):
    claims, mentions = _values(sentence)
    m = [c for c in mentions if c.text.endswith(text)]
    assert m and m[0].value == pytest.approx(float(value)) and m[0].unit in ("percent", "percentage_point")


def test_a_percent_range_has_both_ends():
    claims, mentions = _values("酒精含量在5-20%之间的产品占多数。")
    claim = _claim(claims, "5-20%")
    assert (claim.lower, claim.upper, claim.unit) == (5, 20, "percent")
    assert any(m.reason == "range end" and m.value == 20 for m in mentions)


def test_a_denominator_with_a_digit_is_a_fraction_not_a_percent():
    _claims, mentions = _values("该指标为五百分之2.2。")
    m = [c for c in mentions if "五百分之2.2" in c.text][0]
    assert m.value == pytest.approx(0.0044) and m.unit != "percent"


def test_bare_numbers_carry_their_value_in_mentions():
    _claims, mentions = _values("参会者二十，展位三万五。")
    assert {m.text: m.value for m in mentions if m.reason == "bare number"} == {"二十": 20, "三万五": 35000}


@pytest.mark.parametrize("text", ["两岸交流日益频繁。", "我一看就明白了。", "他来自四川。", "朝鲜半岛局势缓和。",
                                  "一些企业一律停工。", "这支队伍很强。", "万万没想到。"])
def test_numerals_inside_words_are_not_values(text):
    _claims, mentions = _values(text)
    assert not [m for m in mentions if m.value is not None], [(m.text, m.value) for m in mentions]


def test_lone_numerals_between_function_words_are_values():
    _claims, mentions = _values("答案不是四而是五。")
    assert sorted(m.value for m in mentions if m.value is not None) == [4, 5]


def test_megawatt_is_not_ten_to_the_twelfth():
    claims, mentions = _values("台北某機房用電5兆瓦，總投資3兆元。")
    assert not [m for m in mentions if m.value is not None and m.value >= 10**12 and "瓦" in m.sentence[m.span.start:]]
    assert any(c.unit == "CNY" and c.value == 3 * 10**12 for c in claims)


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("该校牵头研制百亿亿次超级计算机。", "百亿亿次", 1000, "PFLOPS"),
    ("改造后峰值达每秒12.5亿亿次。", "12.5亿亿次", 125, "PFLOPS"),
    ("新系统达到2EFLOP，整数算力5 EOPS。", "达到2EFLOP", 2000, "PFLOPS"),
    ("新系统达到2EFLOP，整数算力5 EOPS。", "5 EOPS", 5_000_000, "TOPS"),
    ("平台累计访问量超过10亿次。", "超过10亿次", 1_000_000_000, "count"),
])
def test_operations_per_second_are_compute_and_other_counts_of_ci_stay_counts(sentence, text, value, unit):
    claims, _ = _values(sentence)
    claim = _claim(claims, text)
    assert claim.value == pytest.approx(value) and claim.unit == unit


def test_several_hundred_is_a_range_of_two_to_ten_hundreds():
    claims, _ = _values("大型园区投资动辄数百亿元。")
    claim = _claim(claims, "数百亿元")
    assert (claim.lower, claim.upper, claim.unit) == (2 * 10**10, 10**11, "CNY")


def test_a_quote_mark_is_no_comparison_sign():
    claims, _ = _values("> 四川在线记者 李明\n新机房PUE<1.25。")
    assert [c.text for c in claims] == ["<1.25"]
    assert claims[0].unit == "ratio" and claims[0].upper == pytest.approx(1.25)


def test_taiwan_style_spaced_sections_are_one_figure():
    claims, _ = _values("第二季全島封測產值達新台幣 1 兆 230 億元，季增 1 成，年增 12.4%。")
    claim = _claim(claims, "1 兆 230 億元")
    assert claim.value == 1_023_000_000_000 and claim.unit == "TWD"  # 元 of the 新台幣 named before it
    assert _claim(claims, "1 成").value == 10


def test_figures_in_a_row_separated_by_spaces_stay_apart():
    _claims, mentions = _values("各季出貨（萬台）：3万 5万 8万")
    assert [m.value for m in mentions if m.reason == "bare number"] == [30000, 50000, 80000]


def test_a_range_takes_the_section_word_of_its_upper_end():
    claims, _ = _values("新廠單月投片量可達2~3.5萬片。")
    claim = _claim(claims, "可達2~3.5萬片")
    assert (claim.lower, claim.upper) == (20000, 35000)


def test_below_zero_and_person_times():
    claims, _ = _values("春运期间发送旅客1.2亿人次，山区最低气温零下12.5℃。")
    assert _claim(claims, "1.2亿人次").counted == "人次"
    assert _claim(claims, "零下12.5℃").value == pytest.approx(-12.5)


def test_a_record_of_chinese_zero_digits_is_read_as_chinese():
    """〇 (U+3007) is a Chinese digit: a record that is only a table cell of it (JSON Lines feeds split
    tables into cells) must reach the Chinese reader, not the English one."""
    _claims, mentions = _values("〇\n")
    assert [m.value for m in mentions if m.text == "〇"] == [0]


HALVES = """首页 > 社会 > 正文
【工程速递】跨江大桥主体结构完工
据项目部介绍，大桥主体施工历时两年半，比原计划提前了1年半，设计工作也只用了一年半；最后一段钢箱梁吊装用了三个半小时，
此前的预拼装则用了两个半月。施工期间，一艘失控的货船撞上临时栈桥，栈桥被撞成两半，所幸无人受伤。
工地食堂每天消耗大米约40斤半。另据了解，当地3年半导体产值翻了一番，不少工人把一半工资寄回家。
"""


@pytest.fixture(scope="module")
def halves():
    return _values(HALVES)


@pytest.mark.parametrize("text, value, unit", [
    ("两年半", Fraction(5, 2), "year"), ("1年半", Fraction(3, 2), "year"), ("一年半", Fraction(3, 2), "year"), ("三个半小时", Fraction(7, 2), "hour"),
    ("两个半月", Fraction(5, 2), "month"), ("约40斤半", Fraction(81, 2), "jin"), ("两半", 2, "count"),
])
def test_a_trailing_半_adds_half_a_unit_and_两半_counts_the_pieces(halves, text, value, unit):
    claim = _claim(halves[0], text)
    assert claim.value == pytest.approx(float(value)) and claim.unit == unit


def test_半_that_starts_a_word_or_means_a_half_is_not_read_as_pieces_or_an_extra_half(halves):
    claims, mentions = halves
    three_years = _claim(claims, "3年")
    assert three_years.value == 3 and three_years.unit == "year"  # 3年 then 半导体: no half year
    assert not [c for c in claims + mentions if c.text.startswith("一半") and c.unit == "count"]
    pieces = _claim(claims, "两半")
    assert pieces.counted == "半"
