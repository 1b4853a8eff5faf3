"""English articles, and one subject across both languages."""

from pathlib import Path

import pytest

from factcheck.api import read_and_extract, run
from factcheck.evaluate import load_gold, merge_golds, score
from factcheck.lang import load_gazetteer, load_lexicon
from factcheck.link import subject_key, subject_similarity
from tests.conftest import FIXTURES, GOLD, SEEDS

ENGLISH = FIXTURES / "english"


@pytest.fixture(scope="module")
def english_run(settings):
    return read_and_extract([str(ENGLISH)], settings)


@pytest.fixture(scope="module")
def bilingual_report(settings):
    return run([str(SEEDS), str(ENGLISH)], settings, compare=True)


def test_english_articles_are_detected_as_english(english_run):
    assert {d.lang for d in english_run[0]} == {"en"}


def test_english_extraction_accuracy(english_run):
    _, claims, _, sources, _ = english_run
    by_doc = {Path(s.document.path).name: (s.raw, [c for c in claims if c.document == s.document.id]) for s in sources}
    result = score(merge_golds([load_gold(GOLD / "english.gold.json")]), by_doc)
    assert not result.missing_docs
    assert result.recall >= 0.95, result.as_dict()["misses"]
    assert result.precision >= 0.95, result.as_dict()["false_positive_claims"]
    assert result.value_accuracy >= 0.97, result.as_dict()["value_errors"]
    assert result.subject_accuracy >= 0.85, result.as_dict()["subject_errors"]


def test_english_numbers_units_and_dates(english_run):
    claims = english_run[1]
    by_text = {c.text: c for c in claims}
    assert any(c.unit == "PFLOPS" and c.value == 100 for c in claims if c.document.startswith("e01"))
    seventy = next(c for c in claims if c.document.startswith("e02") and c.value == 70_000 and "as of June 2024" in c.sentence)
    assert seventy.as_of == "2024-06"
    racks = next(c for c in claims if c.unit == "rack" and c.value == 8_300_000)
    assert racks.qualifier == "at_least"
    assert any(c.unit == "TOPS" for c in claims), "TOPS is kept apart from FLOPS"
    assert any(c.unit == "USD" for c in claims) and any(c.unit == "CNY" for c in claims)
    assert any(c.kind == "date" and c.date.precision == "half" for c in claims)
    assert not any("MindSpore" in t or "Atlas" in t for t in by_text)


def _docs(report, finding):
    by_id = {c.id: c for c in report.claims}
    return {by_id[i].document[:3] for i in finding.claims}


def test_wuhan_100_petaflops_in_english_agrees_with_seed_001(bilingual_report):
    assert any(f.kind == "agree" and _docs(bilingual_report, f) >= {"001", "e01"} and "PFLOPS" in f.why
               for f in bilingual_report.findings)


def test_china_70_eflops_as_of_june_2024_contradicts_seed_004(bilingual_report):
    assert any(f.kind == "contradict" and _docs(bilingual_report, f) >= {"004", "e02"} and "70,000" in f.why
               for f in bilingual_report.findings)


def test_chengdu_online_in_may_2022_agrees_with_seed_004(bilingual_report):
    by_id = {c.id: c for c in bilingual_report.claims}
    assert any(
        f.kind == "agree" and _docs(bilingual_report, f) == {"004", "e03"}
        and all(by_id[i].kind == "date" for i in f.claims)
        for f in bilingual_report.findings
    )


def test_every_cross_language_entry_resolves():
    """The gazetteer and the alias table are data; each entry must fold to one key."""
    for chinese, forms in load_gazetteer().places.items():
        for form in forms:
            assert subject_key(f"{form} Intelligent Computing Center") == subject_key(f"{chinese}智算中心"), form
            assert subject_key(f"the {form} AI Computing Centre") == subject_key(f"{chinese}人工智能计算中心"), form
    for alias in load_lexicon().aliases.alias:
        keys = {subject_key(form) for form in alias.forms}
        assert len(keys) == 1, alias.canonical


def test_different_cities_still_never_link_across_languages():
    assert subject_similarity(subject_key("Wuhan AI Computing Center"), subject_key("成都人工智能计算中心")) == 0
    assert subject_similarity(subject_key("Chengdu Intelligent Computing Center"), subject_key("成都智算中心")) == 100


def test_qualifiers_before_the_noun_and_a_currency_code_are_read_and_link_across_languages(tmp_path, settings):
    (tmp_path / "zh.md").write_text(
        "---\ndate: 2024-03-01\n---\n武汉人工智能计算中心总投资8亿元，目前已吸引超过200家企业入驻。\n", encoding="utf-8")
    (tmp_path / "en.md").write_text(
        "---\ndate: 2024-03-04\n---\nThe Wuhan Artificial Intelligence Computing Center, built with an investment of "
        "RMB 800 million, has attracted 200-plus companies. It runs 1,000 GPUs plus 200 racks.\n", encoding="utf-8")
    report = run([str(tmp_path)], settings, compare=True)
    english = {c.text: c for c in report.claims if c.document == "en"}
    assert english["RMB 800 million"].value == 800_000_000 and english["RMB 800 million"].unit == "CNY"
    assert english["200-plus companies"].lower == 200 and english["200-plus companies"].upper is None
    assert english["1,000 GPUs"].qualifier == "exact", "'plus 200 racks' is a conjunction, not a qualifier"
    by_id = {c.id: c for c in report.claims}
    agreed = {by_id[f.claims[0]].metric.key for f in report.findings
              if f.kind == "agree" and {by_id[i].document for i in f.claims} == {"zh", "en"}}
    assert {"investment", "enterprises"} <= agreed


def test_an_operator_named_centre_its_cost_build_time_occupancy_and_spelled_numbers_link_across_languages(tmp_path, settings):
    (tmp_path / "zh.md").write_text(
        "---\ndate: 2024-05-01\n---\n中国电信武汉智算中心总投资20亿元，建设工期6个月，机架使用率达72%，已与35家合作伙伴签约。\n",
        encoding="utf-8")
    (tmp_path / "en.md").write_text(
        "---\ndate: 2024-05-03\n---\nThe China Telecom Wuhan Intelligent Computing Center cost 2 billion yuan and took "
        "only 6 months to build. It has a rack occupancy rate of 72% and thirty-five partners.\n", encoding="utf-8")
    report = run([str(tmp_path)], settings, compare=True)
    english = [c for c in report.claims if c.document == "en"]
    assert {c.subject.key for c in english} == {subject_key("中国电信武汉智算中心")}
    assert {c.metric.key.split("|")[0]: c.value for c in english} == {
        "investment": 2_000_000_000, "build_period": 6, "utilisation": 72, "partners": 35}
    by_id = {c.id: c for c in report.claims}
    agreed = {by_id[f.claims[0]].metric.key.split("|")[0] for f in report.findings
              if f.kind == "agree" and {by_id[i].document for i in f.claims} == {"zh", "en"}}
    assert agreed == {"investment", "build_period", "utilisation", "partners"}


def test_month_of_a_relative_year_last_month_as_of_the_end_of_and_construction_of(tmp_path, settings):
    (tmp_path / "en.md").write_text(
        "---\ndate: 2024-08-01\n---\nThe Wuhan Artificial Intelligence Computing Center went online in March this year.\n\n"
        "Last November, the Hefei Artificial Intelligence Computing Center was put into operation.\n\n"
        "As of the end of June 2024, the Wuhan Artificial Intelligence Computing Center had 400 petaflops of "
        "computing power.\n\nConstruction of the Dalian Artificial Intelligence Computing Center began in March 2021.\n",
        encoding="utf-8")
    claims = run([str(tmp_path)], settings).claims
    dates = {c.text: (c.date.start, c.date.precision, c.metric.key) for c in claims if c.kind == "date"}
    assert dates == {"March this year": ("2024-03-01", "month", "opening|fixed"),
                     "Last November": ("2023-11-01", "month", "opening|fixed"),
                     "March 2021": ("2021-03-01", "month", "construction_start|fixed")}
    compute = next(c for c in claims if c.unit == "PFLOPS")
    assert compute.as_of == "2024-06" and compute.value == 400
