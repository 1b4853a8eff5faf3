"""Simplified-Chinese pages of round 4 (tests/fixtures/real4_zh): a phased compute centre, holiday
tourism and transport, a river port, a chip maker's quarter on a scraped page, a compute cluster's
repost, a county-level city's work report and a hospital's year.

The thresholds are what this branch reaches; the forms each article covers are listed in the
fixtures' README. Before the rules these articles brought (a month span placed by its end month,
10月1日-7日, ms, wafer sizes and process nodes as classes, a comparison's base year, a dateline's day
pointed back at by 当天, 地区生产总值 / 网络时延 as no names, the part before 占比, a topic named
short), the set scored recall 0.954, precision 0.947, values 0.978, subjects 0.800.
"""

import pytest

from factcheck.api import read_and_extract
from factcheck.evaluate import load_gold
from tests.conftest import FIXTURES, GOLD, claims_by_file, claims_of_article, gold_score

PAGES = FIXTURES / "real4_zh"
GOLD_FILE = GOLD / "real4_zh.gold.json"


@pytest.fixture(scope="module")
def pages(settings):
    return claims_by_file(PAGES, settings)


def test_the_set_is_eight_simplified_articles():
    names = sorted(p.name for p in PAGES.iterdir() if p.name != "README.md")
    assert len(names) == 8 and all(n.startswith("k") for n in names)
    assert set(load_gold(GOLD_FILE)["docs"]) == set(names)


def test_the_pages_score_together(pages):
    result = gold_score(GOLD_FILE, pages)
    assert not result.missing_docs
    detail = result.as_dict()
    assert result.recall >= 1.0, detail["misses"]
    assert result.precision >= 0.98, detail["false_positive_claims"]
    assert result.value_accuracy >= 1.0, detail["value_errors"]
    assert result.subject_accuracy >= 0.95, detail["subject_errors"]


# name, precision, subjects: k04 keeps 8英寸涵盖… (a wafer size with no wafer word after it); k06's
# latencies (韶关到广州、深圳的网络时延) and k07's dateline meeting are left to the subject finder
@pytest.mark.parametrize(("name", "precision", "subjects"), [
    ("k01_ganzhou_telecom_phased.md", 1.0, 1.0),
    ("k02_lushan_holiday_tourism.txt", 1.0, 1.0),
    ("k03_yueyang_port_tenmonths.md", 1.0, 1.0),
    ("k04_chipmaker_quarter_scrape.html", 0.94, 1.0),
    ("k05_holiday_transport_national.txt", 1.0, 1.0),
    ("k06_shaoguan_cluster_racks.md", 1.0, 0.75),
    ("k07_county_work_report.txt", 1.0, 0.92),
    ("k08_hospital_annual_repost.md", 1.0, 1.0),
])
def test_every_article_loses_no_core_figure(pages, name, precision, subjects):
    result = gold_score(GOLD_FILE, pages, lambda n: n == name)
    doc = result.docs[0]
    assert doc.core_found == doc.core, doc.misses
    assert result.precision >= precision, doc.false_positives
    assert result.value_accuracy >= 1.0, doc.value_errors
    assert result.subject_accuracy >= subjects, doc.subject_errors


def _claims(tmp_path, settings, text: str, date: str = "2025-11-20") -> dict[str, object]:
    return claims_of_article(tmp_path, settings, text, date)


def test_a_span_of_months_is_this_years_when_it_ends_before_publication(tmp_path, settings):
    got = _claims(tmp_path, settings, "1至10月，某港完成货物吞吐量2.3亿吨。1-9月，另一港完成8600万吨。")
    assert (got["1至10月"].date.start, got["1至10月"].date.end) == ("2025-01-01", "2025-10-31")
    assert got["1-9月"].date.start == "2025-01-01"
    january = _claims(tmp_path, settings, "11至12月，全市新增就业1.1万人。", date="2026-01-10")
    assert january["11至12月"].date.start == "2025-11-01"  # a January page's November is last year's


def test_days_with_the_first_day_marked(tmp_path, settings):
    got = _claims(tmp_path, settings, "10月1日-7日，全市接待游客520万人次。", date="2025-10-08")
    assert (got["10月1日-7日"].date.start, got["10月1日-7日"].date.end) == ("2025-10-01", "2025-10-07")


def test_a_datelines_day_is_the_events_when_the_sentence_points_back(tmp_path, settings):
    got = _claims(tmp_path, settings, "3月18日，记者从市发改委获悉，某智算中心当天正式投运。\n\n"
                  "3月19日，记者从市统计局获悉，全市新增机架1200个。", date="2025-03-20")
    assert got["3月18日"].date.start == "2025-03-18"
    assert "3月19日" not in got  # a dateline with nothing pointing back dates the story


def test_milliseconds_in_latin_letters(tmp_path, settings):
    got = _claims(tmp_path, settings, "两地之间的网络时延降至2.5ms。")
    assert got["2.5ms"].unit == "ms" and got["2.5ms"].value == 2.5


def test_wafer_sizes_and_process_nodes_are_classes(tmp_path, settings):
    got = _claims(tmp_path, settings, "该厂12英寸晶圆月产能达到5万片，28nm工艺良率超过92%，55纳米及以上制程收入占比为40%。")
    assert not [t for t in got if "英寸" in t or "nm" in t or "纳米" in t]
    assert got["达到5万片"].value == 50000 and got["40%"].value == 40


def test_a_comparisons_base_year_is_no_date(tmp_path, settings):
    got = _claims(tmp_path, settings, "客运量较2019年同期增长12.5%，货运量比2023年增长4%。")
    assert "2019年" not in got and "2023年" not in got
    assert got["12.5%"].value == 12.5


def test_the_part_before_a_share_is_not_its_subject(tmp_path, settings):
    got = _claims(tmp_path, settings, "今年，醴陵市一般公共预算收入完成41.2亿元，其中税收占比为68.3%。")
    assert got["68.3%"].subject.text == "醴陵市"


def test_a_citys_gdp_is_the_citys(tmp_path, settings):
    got = _claims(tmp_path, settings, "去年，浏阳市地区生产总值完成1500亿元。")
    assert got["1500亿元"].subject.text == "浏阳市"


def test_a_topic_named_short_is_the_topic(tmp_path, settings):
    (tmp_path / "a.md").write_text("---\ntitle: 韶关数据中心集群新增机架2万个\ndate: 2025-06-16\n---\n"
                                   "韶关数据中心集群今年新增机架2万个。截至目前，韶关集群智能算力增长3倍。\n", encoding="utf-8")
    _, claims, _, _, _ = read_and_extract([str(tmp_path / "a.md")], settings)
    got = {c.text: c for c in claims}
    assert got["3倍"].subject.text == "韶关数据中心集群"


def test_the_first_months_of_a_year_are_a_period_not_also_a_duration(tmp_path, settings):
    got = _claims(tmp_path, settings, "前10个月，某港集装箱吞吐量完成188万标箱。")
    assert (got["前10个月"].date.start, got["前10个月"].date.end) == ("2025-01-01", "2025-10-31")
    assert "10个月" not in got
    ahead = _claims(tmp_path, settings, "该项目比原计划提前4个月投产。")
    assert ahead["4个月"].unit == "month"  # a duration stays a duration


def test_containers_in_teu_and_shares_in_grouped_digits(tmp_path, settings):
    got = _claims(tmp_path, settings, "全年完成集装箱吞吐量652.8万TEU。截至6月30日，公司总股本200,000,000股。")
    assert got["652.8万TEU"].value == 6528000 and got["652.8万TEU"].unit == "count"
    assert got["200,000,000股"].value == 200000000 and got["200,000,000股"].unit == "count"


def test_a_units_name_glossed_in_brackets_is_no_figure(tmp_path, settings):
    got = _claims(tmp_path, settings, "全省算力总规模达32EFLOPS（每秒百亿亿次浮点运算）。该中心超1.2万PFLOPS（千万亿次浮点运算/秒，以下简称P）。"
                  "该中心可提供3.2EFLOPS（每秒320亿亿次浮点运算）。")
    assert [c.value for c in got.values() if c.unit == "PFLOPS"].count(1000) == 0
    assert not [t for t in got if t.startswith(("百亿亿次", "千万亿次"))]
    assert got["达32EFLOPS"].value == 32000 and got["超1.2万PFLOPS"].value == 12000


def test_the_first_three_quarters_are_january_to_september(tmp_path, settings):
    got = _claims(tmp_path, settings, "前三季度，全市地区生产总值完成2860亿元，增速比上半年加快0.4个百分点。", date="2025-10-24")
    assert (got["前三季度"].date.start, got["前三季度"].date.end) == ("2025-01-01", "2025-09-30")
    assert "上半年" not in got  # the base of the comparison
    last = _claims(tmp_path, settings, "2024年前三季度，该公司营收增长9%。")
    assert (last["2024年前三季度"].date.start, last["2024年前三季度"].date.end) == ("2024-01-01", "2024-09-30")


def test_more_after_times_is_up_to_the_next_step(tmp_path, settings):
    got = _claims(tmp_path, settings, "夜游项目接待人数同比增长6倍多。利润增长两倍有余。")
    assert (got["6倍多"].qualifier, got["6倍多"].lower, got["6倍多"].upper) == ("range", 6, 7)
    assert (got["两倍有余"].lower, got["两倍有余"].upper) == (2, 3)


def test_january_to_october_with_both_months_written(tmp_path, settings):
    got = _claims(tmp_path, settings, "1月至10月，全市完成固定资产投资820亿元。11月至3月为供暖季。")
    assert (got["1月至10月"].date.start, got["1月至10月"].date.end) == ("2025-01-01", "2025-10-31")
    assert got["11月"].date.start == "2025-11-01"  # a span across the new year is not merged, as before
