"""Facts, not pairs (SEMANTICS.md §3): one finding per fact or step, sources counted by independent
origin, precision bases, parts and wholes, plans and events, and check failing a build. Every
article here is written for these tests, with page chrome as real pages have it."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from factcheck.api import run
from factcheck.cli import app

runner = CliRunner()
OUTLETS = ["长江网", "大河报", "齐鲁晚报", "南方都市报", "北国网"]


def _page(title: str, day: str, body: str, source: str = "本站") -> str:
    return (f"---\ntitle: {title}\ndate: {day}T09:00:00+08:00\nsource: {source}\n---\n"
            f"首页 > 科技 > 正文\n\n{body}\n\n责任编辑：张三　　分享到：微信 微博\n")


def _check(folder, settings):
    return run([str(folder)], settings, compare=True, jobs=1)


def _by_kind(report, kind):
    return [f for f in report.findings if f.kind == kind]


def test_a_syndicated_story_in_five_outlets_is_one_origin(tmp_path, settings):
    wire = "新华社芜湖5月10日电 芜湖星海智算中心日前正式投入使用，该中心智能算力规模达到1200P，可同时支撑多个大模型训练任务。"
    for i, outlet in enumerate(OUTLETS):
        (tmp_path / f"copy{i}.md").write_text(_page("星海智算中心投用", f"2024-05-1{i + 1}", wire, outlet), encoding="utf-8")
    (tmp_path / "own.md").write_text(_page("芜湖算力设施巡礼", "2024-05-16",
        "据芜湖日报报道，走进芜湖星海智算中心，机房内一排排服务器指示灯闪烁，目前智能算力已达1200P。"), encoding="utf-8")
    report = _check(tmp_path, settings)
    agree = _by_kind(report, "agree")
    assert len(agree) == 1 and not _by_kind(report, "contradict")
    f = agree[0]
    assert f.documents == 6 and f.origins == 2  # five copies of one wire story, and one outlet of its own
    assert [(v.value, v.documents, v.origins) for v in f.values] == [(1200, 6, 2)]


def test_near_identical_copies_without_a_dateline_are_one_origin(tmp_path, settings):
    sentence = "记者获悉，芜湖星海智算中心目前已服务企业86家，涵盖智能制造、生物医药等领域。"
    for i, outlet in enumerate(OUTLETS):
        lead = ["", "（本报讯）", "【快讯】", "", "本报讯 "][i]
        (tmp_path / f"c{i}.md").write_text(_page("星海智算中心", f"2024-06-0{i + 1}", lead + sentence, outlet), encoding="utf-8")
    report = _check(tmp_path, settings)
    [f] = _by_kind(report, "agree")
    assert f.documents == 5 and f.origins == 1


def test_a_headline_repeating_its_body_is_one_source_and_reports_hide_it(tmp_path, settings):
    (tmp_path / "one.md").write_text(
        "---\ntitle: 滨江智算中心算力达到800P\ndate: 2024-03-02T08:00:00+08:00\n---\n"
        "# 滨江智算中心算力达到800P\n\n记者从滨江区获悉，滨江智算中心算力达到800P，已接入园区企业。\n", encoding="utf-8")
    report = _check(tmp_path, settings)
    [f] = _by_kind(report, "agree")
    assert f.documents == 1 and f.origins == 1 and len(f.claims) == 2
    text = runner.invoke(app, ["check", str(tmp_path), "--no-cache"])
    assert text.exit_code == 0 and "1 single-source fact hidden" in text.stdout and "AGREE" not in text.stdout


def test_ten_outlets_repeating_a_figure_make_one_finding_not_forty_five(tmp_path, settings):
    for i in range(10):
        body = f"据第{i + 1}家媒体报道，临空智算中心现有算力卡4000张，第{i + 1}期培训班同步开班。"
        (tmp_path / f"r{i}.md").write_text(_page("临空智算中心", f"2024-07-{i + 1:02d}", body), encoding="utf-8")
    report = _check(tmp_path, settings)
    linked = [f for f in report.findings if f.kind in ("agree", "contradict", "update")]
    assert len(linked) == 1 and linked[0].documents == 10


def test_an_outlier_makes_one_contradiction_that_lists_who_says_what(tmp_path, settings):
    for i in range(4):
        (tmp_path / f"a{i}.md").write_text(_page("云谷智算中心", f"2024-08-0{i + 1}",
            f"新华社贵阳8月1日电 云谷智算中心算力规模达到2000P。第{i}版"), encoding="utf-8")
    (tmp_path / "odd.md").write_text(_page("云谷智算中心", "2024-08-03", "据晚报报道，云谷智算中心算力规模达到3500P。"),
                                     encoding="utf-8")
    report = _check(tmp_path, settings)
    [f] = _by_kind(report, "contradict")
    assert [(v.value, v.documents, v.origins) for v in f.values] == [(2000, 4, 1), (3500, 1, 1)]
    assert f.documents == 5 and f.origins == 2 and "odd:" in f.why
    assert not _by_kind(report, "agree")


def test_a_series_from_fp32_to_fp16_figures_is_a_basis_change_update(tmp_path, settings):
    (tmp_path / "y2024.md").write_text(_page("全国智能算力", "2025-01-20",
        "截至2024年底，全国智能算力规模达到82EFLOPS（FP32）。"), encoding="utf-8")
    (tmp_path / "y2025.md").write_text(_page("全国智能算力", "2025-08-10",
        "截至2025年6月，全国智能算力规模达到690EFLOPS（FP16）。"), encoding="utf-8")
    report = _check(tmp_path, settings)
    [f] = _by_kind(report, "update")
    assert f.basis_change and [v.precision for v in f.values] == ["FP32", "FP16"]
    assert "FP32 → FP16" in f.why and not _by_kind(report, "contradict")


def test_stated_fp64_and_fp16_figures_are_never_compared(tmp_path, settings):
    (tmp_path / "hpc.md").write_text(_page("天工超算", "2024-04-02",
        "天工超算中心的双精度浮点计算能力达到30PFLOPS（FP64）。"), encoding="utf-8")
    (tmp_path / "ai.md").write_text(_page("天工超算", "2024-04-05",
        "天工超算中心的AI算力达到400PFLOPS（FP16）。"), encoding="utf-8")
    report = _check(tmp_path, settings)
    assert not [f for f in report.findings if f.kind in ("agree", "contradict", "update")]


def test_total_and_intelligent_compute_never_compare(tmp_path, settings):
    (tmp_path / "total.md").write_text(_page("算力总规模", "2025-04-01",
        "截至2024年底，全国算力总规模达到280EFLOPS。中国移动算力总规模达到29EFLOPS。"), encoding="utf-8")
    (tmp_path / "ai.md").write_text(_page("智能算力", "2025-04-03",
        "截至2024年底，全国智能算力规模达到90EFLOPS。中国移动智能算力规模达到19EFLOPS。"), encoding="utf-8")
    report = _check(tmp_path, settings)
    assert not [f for f in report.findings if f.kind in ("agree", "contradict")]


def test_growth_rates_of_different_scopes_are_two_metrics(tmp_path, settings):
    (tmp_path / "a.md").write_text(_page("算力增长", "2025-03-01", "2024年，全国算力总规模同比增长25%。"), encoding="utf-8")
    (tmp_path / "b.md").write_text(_page("智能算力增长", "2025-03-02", "2024年，全国智能算力规模同比增长65%。"), encoding="utf-8")
    report = _check(tmp_path, settings)
    assert not _by_kind(report, "contradict")


def test_growth_rates_in_one_sentence_are_not_a_part_larger_than_its_whole(tmp_path, settings):
    (tmp_path / "a.md").write_text(_page("算力增长", "2025-03-01",
        "2024年，全国算力总规模同比增长25%，其中智能算力同比增长65%。"), encoding="utf-8")
    report = _check(tmp_path, settings)
    assert not _by_kind(report, "check_failed")


def test_a_construction_start_is_not_an_opening(tmp_path, settings):
    (tmp_path / "start.md").write_text(_page("开工", "2024-02-01", "鹭岛智算中心于2023年3月15日开工建设。"), encoding="utf-8")
    (tmp_path / "open.md").write_text(_page("投运", "2024-02-03", "鹭岛智算中心于2023年12月28日建成投运。"), encoding="utf-8")
    report = _check(tmp_path, settings)
    assert not _by_kind(report, "contradict")


def test_a_past_event_in_a_target_sentence_is_an_event(tmp_path, settings):
    (tmp_path / "goal.md").write_text(_page("目标", "2024-09-01",
        "按照既定目标，飞星智算中心于2024年6月30日建成投运，下一步将扩容。"), encoding="utf-8")
    (tmp_path / "news.md").write_text(_page("投运", "2024-07-02", "飞星智算中心于2024年6月30日正式上线。"), encoding="utf-8")
    report = _check(tmp_path, settings)
    kinds = {f.kind for f in report.findings if f.rule.startswith("FC1")}
    assert "agree" in kinds and not kinds & {"plan_met", "plan_missed"}
    [f] = _by_kind(report, "agree")
    assert [v.modality for v in f.values] == ["actual"] and f.documents == 2


def test_a_plan_against_its_outcome_is_met_or_missed_never_a_contradiction(tmp_path, settings):
    (tmp_path / "plan.md").write_text(_page("规划", "2024-02-01", "按照规划，到2025年底，鲲鹏智算中心算力将达到5000P。"),
                                      encoding="utf-8")
    for i, outlet in enumerate(OUTLETS[:2]):
        (tmp_path / f"out{i}.md").write_text(_page("年终", f"2026-01-1{i}", f"据{outlet}报道，截至2025年底，鲲鹏智算中心算力为4000P。"),
                                             encoding="utf-8")
    report = _check(tmp_path, settings)
    [missed] = _by_kind(report, "plan_missed")
    assert [(v.value, v.modality, v.documents) for v in missed.values] == [(5000, "plan", 1), (4000, "actual", 2)]
    assert not _by_kind(report, "contradict")


def test_check_fail_on_error_exits_1_on_a_contradiction(tmp_path):
    (tmp_path / "a.md").write_text(_page("x", "2024-05-01", "据甲报报道，玉衡智算中心现有算力卡6000张。"), encoding="utf-8")
    (tmp_path / "b.md").write_text(_page("x", "2024-05-02", "据乙报报道，玉衡智算中心现有算力卡9000张。"), encoding="utf-8")
    plain = runner.invoke(app, ["check", str(tmp_path), "--no-cache", "--format", "json"])
    assert plain.exit_code == 0
    failing = runner.invoke(app, ["check", str(tmp_path), "--no-cache", "--format", "json", "--fail-on", "error"])
    assert failing.exit_code == 1 and json.loads(failing.stdout)["summary"]["findings"]["contradict"] == 1
    ignored = runner.invoke(app, ["check", str(tmp_path), "--no-cache", "--fail-on", "error", "--ignore", "FC102"])
    assert ignored.exit_code == 0
    only = runner.invoke(app, ["check", str(tmp_path), "--no-cache", "--format", "json", "--select", "FC2"])
    assert json.loads(only.stdout)["findings"] == []


def test_an_inline_suppression_applies_in_check(tmp_path):
    (tmp_path / "a.md").write_text(_page("x", "2024-05-01", "据甲报报道，玉衡智算中心现有算力卡6000张。"), encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "---\ntitle: x\ndate: 2024-05-02\n---\n<!-- factcheck-disable-next-line FC102 -- 乙报数字含备用卡 -->\n"
        "据乙报报道，玉衡智算中心现有算力卡9000张。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--no-cache", "--format", "json", "--fail-on", "error"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["findings"]["contradict"] == 0


def test_the_gate_sets_a_restating_article_against_the_known_fact_once(tmp_path):
    known = tmp_path / "known"
    known.mkdir()
    for i in range(4):
        (known / f"k{i}.md").write_text(_page("星海", f"2024-05-1{i}",
            f"据第{i}报报道，芜湖星海智算中心智能算力达到1200P，第{i}期工程随后启动。"), encoding="utf-8")
    ledger = tmp_path / "claims"
    assert runner.invoke(app, ["ledger", "build", str(known), "--ledger", str(ledger)]).exit_code == 0
    new = tmp_path / "new.md"
    new.write_text(_page("星海", "2024-05-16", "据晨报报道，芜湖星海智算中心的智能算力为1200P。"), encoding="utf-8")
    result = runner.invoke(app, ["gate", str(new), "--ledger", str(ledger), "--format", "json"])
    assert result.exit_code == 0, result.output
    linked = [f for f in json.loads(result.stdout)["findings"] if f["kind"] in ("agree", "contradict")]
    assert len(linked) == 1 and linked[0]["documents"] == 5 and linked[0]["origins"] == 5


def test_check_json_with_facts_validates_against_the_published_schema(tmp_path):
    import pytest

    jsonschema = pytest.importorskip("jsonschema")
    for i in range(3):
        (tmp_path / f"a{i}.md").write_text(_page("x", f"2024-05-0{i + 1}", f"据{OUTLETS[i]}报道，玉衡智算中心现有算力卡6000张。"),
                                           encoding="utf-8")
    (tmp_path / "b.md").write_text(_page("x", "2024-05-02", "据乙报报道，玉衡智算中心现有算力卡9000张。"), encoding="utf-8")
    (tmp_path / "c.md").write_text(_page("x", "2025-01-02", "据丙报报道，玉衡智算中心现有算力卡12000张。"), encoding="utf-8")
    out = runner.invoke(app, ["check", str(tmp_path), "--no-cache", "--format", "json"])
    data = json.loads(out.stdout)
    assert {"contradict", "update"} <= {f["kind"] for f in data["findings"]} and data["schema_version"] == "2"
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    jsonschema.validate(data, schema)


def test_a_centre_s_opening_date_is_compared_even_when_its_subject_reads_like_a_place():
    from factcheck.facts.blocks import block_key
    from factcheck.model import Claim, DateSpan, Named, Span

    def dated(subject_type: str, metric: str) -> Claim:
        return Claim(id="c", document="d", path=None, span=Span(start=0, end=4), line=1, column=1, text="2023年11月30日",
                     sentence="韶关于2023年11月30日建成投运", kind="date",
                     subject=Named(text="韶关", key="韶关", type=subject_type), metric=Named(text="建成投运", key=f"{metric}|fixed"),
                     date=DateSpan(start="2023-11-30", end="2023-11-30", precision="day"), as_of="2024-02-01")

    assert block_key(dated("place", "opening")) == ("date", "opening")
    assert block_key(dated("place", "construction_start")) == ("date", "construction_start")
    assert block_key(dated("place", "meeting")) is None  # a city's meetings are too many to compare
