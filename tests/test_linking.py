"""One centre, one metric, named differently by two outlets, is one fact (SEMANTICS.md §3–§4); two
centres of one city, or two phases of one centre, are not. Every article here is written for these
tests, in the forms news pages print: page chrome, wire datelines, reposts, English editions."""

from __future__ import annotations

from factcheck.api import run
from factcheck.link.normalise import subject_key
from factcheck.link.score import cluster_keys


def _page(title: str, day: str, body: str, source: str = "本站") -> str:
    return (f"---\ntitle: {title}\ndate: {day}T09:00:00+08:00\nsource: {source}\n---\n"
            f"首页 > 要闻 > 正文\n\n{body}\n\n责任编辑：李四　　分享到：微信 微博\n")


def _en_page(title: str, day: str, body: str) -> str:
    return (f"---\ntitle: {title}\ndate: {day}\n---\nHome | Business | Tech\n\n{body}\n\n"
            "Share this article: Facebook Twitter Email\n")


def _findings(tmp_path, settings, pages: dict[str, str]):
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return run([str(tmp_path)], settings, compare=True, jobs=1).findings


def _across(findings, kind: str):
    """Findings of a kind that rest on claims of two documents or more."""
    return [f for f in findings if f.kind == kind and f.documents >= 2]


def test_a_wire_dateline_before_the_name_is_not_part_of_it(tmp_path, settings):
    found = _findings(tmp_path, settings, {
        "wire.md": _page("柳江云谷智算中心扩容", "2024-08-01",
                         "新华社柳州8月1日电 柳江云谷智算中心智能算力规模达到800P，可同时支撑十余个大模型训练。"),
        "local.md": _page("走进柳江云谷", "2024-08-03",
                          "记者3日走访了柳江云谷智算中心。据介绍，目前该中心算力规模为800P，机柜上架率超过七成。"),
    })
    [agree] = _across(found, "agree")
    assert agree.documents == 2 and not _across(found, "contradict")


def test_plan_words_after_a_centre_and_a_short_form_name_one_centre(tmp_path, settings):
    found = _findings(tmp_path, settings, {
        "a.md": _page("蓝海智算中心计划年底投运", "2024-03-10",
                      "烟台蓝海智算中心计划年内建成，一期投资12亿元。"),
        "b.md": _page("烟台蓝海智算开工", "2024-03-12",
                      "当天开工的烟台蓝海智算，一期投资12亿元，将于年内建成投运。"),
    })
    linked = [f for f in found if f.kind in ("agree", "contradict") and f.documents == 2]
    # the investment and the plan to open this year: 计划 is a plan word, not part of the name
    assert sorted(f.kind for f in linked) == ["agree", "agree"], [f.why for f in found]
    assert all(f.subject.text.endswith("蓝海智算中心") for f in linked)
    assert any(f.subject.text == "烟台蓝海智算中心" and "投资" in f.why for f in linked)


def test_a_province_before_the_city_and_the_long_head_are_wrapping(tmp_path, settings):
    found = _findings(tmp_path, settings, {
        "a.md": _page("镜湖智算中心投用", "2024-09-02",
                      "浙江绍兴镜湖人工智能计算中心正式投用，智能算力达到500P。"),
        "b.md": _page("绍兴算力再上新台阶", "2024-09-05",
                      "（转载自绍兴日报）绍兴镜湖智算中心目前智能算力为500P，已服务企业60余家。"),
    })
    [agree] = _across(found, "agree")
    assert agree.documents == 2 and not _across(found, "contradict")


def test_an_english_edition_names_the_centre_by_meaning_and_sound(tmp_path, settings):
    found = _findings(tmp_path, settings, {
        "zh.md": _page("烟台未来人工智能计算中心上线", "2024-05-20",
                       "烟台未来人工智能计算中心5月18日正式上线，首批算力规模达300P。"),
        "en.md": _en_page("Yantai's new AI hub goes live", "2024-05-21",
                          "The Yantai Future Artificial Intelligence Computing Center went online on May 18, 2024, "
                          "officials said on Tuesday."),
    })
    opening = [f for f in _across(found, "agree") if f.claims and "2024-05-18" in f.why]
    assert len(opening) == 1, [f.why for f in found]


def test_an_operator_before_the_centre_links_when_only_one_operator_runs_one_there(tmp_path, settings):
    found = _findings(tmp_path, settings, {
        "a.md": _page("湛江智算中心", "2024-10-08", "中国电信湛江智算中心目前算力规模为260P，可为企业提供训练服务。"),
        "b.md": _page("湛江算力", "2024-10-10", "据悉，湛江智算中心算力规模已达260P。"),
    })
    [agree] = _across(found, "agree")
    assert agree.documents == 2


def test_two_operators_centres_in_one_city_stay_apart():
    keys = [subject_key(n) for n in ("中国电信湛江智算中心", "中国移动湛江智算中心", "湛江智算中心")]
    groups = cluster_keys(keys, 88)
    assert len(set(groups.values())) == 3


def test_two_centres_in_one_city_never_contradict(tmp_path, settings):
    found = _findings(tmp_path, settings, {
        "a.md": _page("柳州河西智算中心", "2024-07-01", "柳州河西智算中心算力规模达800P，是广西目前最大的智算中心之一。"),
        "b.md": _page("鹿寨智算中心", "2024-07-02", "柳州鹿寨智算中心算力规模达300P，主要服务本地制造企业。"),
    })
    assert not _across(found, "contradict") and not _across(found, "agree")


def test_two_phases_of_one_centre_never_contradict(tmp_path, settings):
    found = _findings(tmp_path, settings, {
        "a.md": _page("河西智算中心一期", "2024-07-01", "柳州河西智算中心一期算力规模为300P，已全部投入使用。"),
        "b.md": _page("河西智算中心二期", "2024-07-03", "柳州河西智算中心二期算力规模为500P，预计明年建成。"),
    })
    assert not _across(found, "contradict")


def test_companies_served_and_entered_enterprises_are_one_count(tmp_path, settings):
    found = _findings(tmp_path, settings, {
        "zh.md": _page("湖州南太湖智算中心", "2024-11-02", "湖州南太湖智算中心已服务企业120家，算力使用率超过80%。"),
        "en.md": _en_page("Huzhou centre busy", "2024-11-04",
                          "The Huzhou Nantaihu Intelligent Computing Center has 120 companies served so far, "
                          "its operator said."),
    })
    counts = [f for f in _across(found, "agree") if "120" in f.why]
    assert len(counts) == 1, [f.why for f in found]


def test_total_compute_and_computing_power_are_one_metric(tmp_path, settings):
    found = _findings(tmp_path, settings, {
        "a.md": _page("嘉兴智算", "2024-06-10", "嘉兴南湖智算中心总算力达到450P，年内将再扩容。"),
        "b.md": _page("嘉兴智算", "2024-06-11", "嘉兴南湖智算中心算力规模约450P。"),
    })
    [agree] = _across(found, "agree")
    assert agree.documents == 2


def test_a_share_of_the_total_is_not_a_growth_rate(tmp_path, settings):
    found = _findings(tmp_path, settings, {
        "en.md": _en_page("Province's compute mix", "2024-04-02",
                          "Intelligent computing, which runs on accelerators rather than CPUs, made up about 28% of the "
                          "province's total after growing about 40% from a year earlier."),
    })
    run_claims = run([str(tmp_path)], settings, compare=False, jobs=1).claims
    by_text = {c.text: c.metric.key.split("|")[0] for c in run_claims}
    share = next(k for t, k in by_text.items() if "28" in t)
    growth = next(k for t, k in by_text.items() if "40" in t)
    assert share.startswith("share") and growth.startswith("growth")
    assert not [f for f in found if f.kind == "contradict"]


def test_half_a_year_and_six_months_are_one_duration(tmp_path, settings):
    found = _findings(tmp_path, settings, {
        "a.md": _page("南湖智算中心建成", "2024-12-01", "嘉兴南湖智算中心12月1日建成，建设周期仅半年。"),
        "b.md": _page("南湖速度", "2024-12-03", "嘉兴南湖智算中心建设历时6个月，比计划提前一个月。"),
    })
    periods = [f for f in _across(found, "agree") if "year" in f.why or "month" in f.why]
    assert len(periods) == 1, [f.why for f in found]


def test_a_place_the_centre_serves_is_not_the_figure_s_subject(tmp_path, settings):
    found = _findings(tmp_path, settings, {
        "a.md": _page("河西智算中心", "2024-08-01", "柳州河西智算中心建成后，将为柳州提供800P算力，并带动上下游企业集聚。"),
        "b.md": _page("河西智算中心", "2024-08-02", "据介绍，柳州河西智算中心规划算力800P。"),
    })
    linked = [f for f in found if f.kind == "agree" and f.documents == 2]
    assert [f.subject.text for f in linked] == ["柳州河西智算中心"], [f.why for f in found]


def test_the_city_s_own_total_stays_the_city_s(tmp_path, settings):
    found = _findings(tmp_path, settings, {
        "a.md": _page("柳州算力", "2024-08-01", "河西智算中心二期投产后，柳州市智能算力将达到1200P。"),
        "b.md": _page("河西智算中心", "2024-08-02", "柳州河西智算中心规划算力1200P以上。"),
    })
    assert not [f for f in found if f.documents == 2 and f.kind in ("agree", "contradict")]


def test_the_gate_reads_the_ledger_claims_a_wrapped_name_links_to(tmp_path):
    import json

    from typer.testing import CliRunner

    from factcheck.cli import app

    runner = CliRunner()
    known, ledger = tmp_path / "known", tmp_path / "claims"
    known.mkdir()
    (known / "a.md").write_text(_page("河西智算中心", "2024-08-01", "据介绍，河西智算中心算力规模达800P，服务企业120家。"),
                                encoding="utf-8")
    assert runner.invoke(app, ["ledger", "build", str(known), "--ledger", str(ledger)]).exit_code == 0
    new = tmp_path / "new.md"
    new.write_text(_page("柳州河西智算中心", "2024-08-03", "柳州河西智算中心算力规模为600P。"), encoding="utf-8")
    result = runner.invoke(app, ["gate", str(new), "--ledger", str(ledger), "--format", "json"])
    assert result.exit_code == 1, result.output
    kinds = [f["kind"] for f in json.loads(result.stdout)["findings"]]
    assert "contradict" in kinds


def test_a_city_s_administrative_suffix_inside_a_name_is_wrapping():
    keys = [subject_key(n) for n in ("柳州市人工智能计算中心", "柳州智算中心", "柳州市河西智算中心", "柳州河西智算中心")]
    groups = cluster_keys(keys, 88)
    assert groups[keys[0]] == groups[keys[1]] and groups[keys[2]] == groups[keys[3]]
    assert groups[keys[0]] != groups[keys[2]]  # the city's centre and the Hexi centre stay two


def test_a_growth_rate_links_across_languages_on_what_grows(tmp_path, settings):
    found = _findings(tmp_path, settings, {
        "zh.md": _page("广西算力", "2024-04-01", "截至2023年底，广西智能算力同比增长40%，占全区算力总规模的28%。"),
        "en.md": _en_page("Compute mix", "2024-04-02",
                          "In Guangxi, intelligent computing, which runs on GPUs and other accelerators, grew 40% "
                          "year on year in 2023 and made up 28% of the region's total computing power at the end of 2023."),
    })
    why = [f.why for f in found if f.documents == 2]
    assert any("40" in w for w in why) and any("28" in w for w in why), [f.why for f in found]
    assert not [f for f in found if f.kind == "contradict"]


def test_latin_names_replace_places_as_the_word_alternation_would():
    """The hand-made replacement of romanised places equals re.sub over their alternation, on
    names built from the table's own forms, their pieces, and every kind of word boundary."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from factcheck.lang.loader import alternation
    from factcheck.link.normalise import _latin_places

    table = _latin_places()
    rx = re.compile(rf"\b(?:{alternation(table.places)})\b")
    forms = sorted(table.places)
    pieces = st.one_of(
        st.sampled_from(forms),
        st.sampled_from(forms).map(lambda f: f[: max(1, len(f) // 2)]),
        st.sampled_from(forms).map(lambda f: f[1:] or f),
        st.sampled_from([" ", "  ", "-", "'", "’", "_", ".", ",", "2", "é", "数", "data centre", "new area"]),
    )

    @settings(max_examples=400, deadline=None)
    @given(st.lists(pieces, max_size=8).map("".join))
    def agree(text):
        assert table.sub(text) == rx.sub(lambda m: table.places[m.group()], text)

    agree()
    assert table.sub("shaoguan data hub") == "韶关 data hub"
