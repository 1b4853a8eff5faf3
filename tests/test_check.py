"""Linking and findings on real articles: the seeds, and fixture articles that restate or contradict them."""

import json

import pytest
from typer.testing import CliRunner

from factcheck.api import run
from factcheck.cli import app
from factcheck.link import subject_key, subject_similarity
from tests.conftest import ARTICLES, SEEDS

runner = CliRunner()


@pytest.fixture(scope="module")
def seeds_report(settings):
    return run([str(SEEDS)], settings, compare=True)


@pytest.fixture(scope="module")
def corpus_report(settings):
    return run([str(SEEDS), str(ARTICLES)], settings, compare=True)


def _claims(report, finding):
    by_id = {c.id: c for c in report.claims}
    return [by_id[i] for i in finding.claims]


def _docs_of(report, value):
    by_id = {c.id: c for c in report.claims}
    return {by_id[i].document for i in value.claims}


def _find(report, kind, predicate):
    return [f for f in report.findings if f.kind == kind and predicate(_claims(report, f))]


def test_the_seeds_contradict_nothing(seeds_report):
    assert not [f for f in seeds_report.findings if f.kind == "contradict"]


def test_wuhan_compute_2021_is_superseded_by_2025(seeds_report):
    found = _find(seeds_report, "update", lambda cs: {c.value for c in cs} == {100, 400} and all(c.unit == "PFLOPS" for c in cs))
    assert found and "later figure supersedes" in found[0].why
    earlier, later = _claims(seeds_report, found[0])
    assert earlier.as_of == "2021-07-01" and later.as_of == "2025-02-06"


def test_wuhan_enterprises_20_plus_then_100_plus_is_one_update(seeds_report):
    # SEMANTICS.md §3: one finding per step of a series; 003 restates 100+ twice, which is one
    # later value with two claims, not two updates
    found = [f for f in seeds_report.findings if f.kind == "update" and [v.value for v in f.values] == [20, 100]]
    assert len(found) == 1
    assert [len(v.claims) for v in found[0].values] == [1, 2] and found[0].values[1].documents == 1


def test_wuhan_opening_date_agrees_across_articles(seeds_report):
    assert _find(seeds_report, "agree", lambda cs: all(c.kind == "date" for c in cs) and {c.document[:3] for c in cs} == {"003", "004"})


def test_checks_inside_one_document_pass_on_the_seeds(seeds_report):
    kinds = {(f.rule, f.kind) for f in seeds_report.findings}
    assert {("FC201", "check_passed"), ("FC202", "check_passed"), ("FC203", "check_passed")} <= kinds


def test_different_centres_in_one_city_or_province_never_link():
    pairs = [("武汉人工智能计算中心", "成都人工智能计算中心"), ("成都昇腾人工智能生态创新中心", "成都智算中心"),
             ("中原人工智能计算中心", "河南空港智算中心")]
    for a, b in pairs:
        assert subject_similarity(subject_key(a), subject_key(b)) == 0, (a, b)
    assert subject_key("成都人工智能计算中心") == subject_key("成都智算中心")
    assert subject_key("鹏城云脑Ⅱ") == subject_key("鹏城云脑II")
    assert subject_key("武漢人工智能計算中心") == subject_key("武汉人工智能计算中心")


@pytest.mark.parametrize(
    "article, seed_doc, values",
    [
        ("c01_wuhan_opening_date", "003_71528bfdf8550bce", None),
        ("c02_chengdu_200p", "004_8dc7adef4a87eb04", {200, 300}),
        ("c03_national_70eflops_trad", "004_8dc7adef4a87eb04", {70_000, 76_000}),
        ("c04_beijing_7000p", "004_8dc7adef4a87eb04", {7000, 5000}),
        ("c05_pengcheng_io500", "001_339954ad53160275", {6043.99, 7043.99}),
    ],
)
def test_contradicting_articles_are_caught_naming_both_places(corpus_report, article, seed_doc, values):
    # a fact holds every article that states it, so the finding names these two among others
    found = _find(corpus_report, "contradict", lambda cs: {c.document for c in cs} >= {article, seed_doc}
                  and (values is None or {c.value for c in cs} >= values))
    assert found, article
    cs = _claims(corpus_report, found[0])
    assert all(c.line >= 1 and c.column >= 1 for c in cs)
    assert f"{article}:" in found[0].why and f"{seed_doc}:" in found[0].why


@pytest.mark.parametrize(
    "article, seed_doc",
    [("r07_wuhan_100p_trad", "001_339954ad53160275"), ("r08_pengcheng_1000p", "001_339954ad53160275"),
     ("r09_beijing_5200p", "004_8dc7adef4a87eb04"), ("r10_chengdu_300p_trad", "004_8dc7adef4a87eb04"),
     ("r11_national_76eflops", "004_8dc7adef4a87eb04")],
)
def test_restating_articles_agree_and_do_not_contradict_the_seeds(corpus_report, article, seed_doc):
    agree = _find(corpus_report, "agree", lambda cs: {c.document for c in cs} >= {article, seed_doc})
    contradict = _find(corpus_report, "contradict", lambda cs: {c.document for c in cs} >= {article, seed_doc})
    # where a third article contradicts the fact, the disagreeing value is that third article's
    assert agree or all(any(not _docs_of(corpus_report, v) & {article, seed_doc} for v in f.values) for f in contradict)


def test_a_duration_that_does_not_fit_its_dates_fails_the_check(corpus_report):
    assert _find(corpus_report, "check_failed", lambda cs: cs[0].document == "c06_wuhan_duration_8months")


def test_later_enterprise_count_updates_the_seed(corpus_report):
    assert _find(corpus_report, "update", lambda cs: {c.document for c in cs} == {"003_71528bfdf8550bce", "r12_wuhan_enterprises_update"})


def test_check_json_is_deterministic_and_has_findings():
    a = runner.invoke(app, ["check", str(SEEDS), "--format", "json"])
    b = runner.invoke(app, ["check", str(SEEDS), "--format", "json"])
    assert a.exit_code == 0 and a.stdout == b.stdout
    data = json.loads(a.stdout)
    assert data["summary"]["findings"]["contradict"] == 0 and data["summary"]["findings"]["update"] >= 1
    for f in data["findings"]:
        assert f["id"].startswith("f-") and f["fingerprint"] and f["why"]


def test_check_text_report_opens_with_a_summary():
    result = runner.invoke(app, ["check", str(SEEDS)])
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first.startswith("5 documents") and "contradictions" in first and "updates" in first
    assert "武汉人工智能计算中心" in result.stdout and "UPDATE" in result.stdout


def test_rules_command_lists_and_explains():
    listing = runner.invoke(app, ["rules"])
    assert listing.exit_code == 0 and "FC102" in listing.stdout
    one = runner.invoke(app, ["rules", "FC102"])
    assert one.exit_code == 0 and "Why:" in one.stdout
    assert runner.invoke(app, ["rules", "FC999"]).exit_code == 2


def test_schema_describes_the_output():
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert "claims" in schema["properties"] and "findings" in schema["properties"]


def test_a_growth_rate_is_checked_against_its_figures(tmp_path, settings):
    (tmp_path / "right.md").write_text("---\ndate: 2024-10-18\n---\n截至2024年9月底，合肥先进智算中心算力规模达1200P，较去年同期的800P增长50%。\n", encoding="utf-8")
    (tmp_path / "wrong.md").write_text("---\ndate: 2024-10-18\n---\n截至2024年9月底，杭州智算中心算力规模达1200P，较去年同期的800P增长80%。\n", encoding="utf-8")
    report = run([str(tmp_path)], settings, compare=True)
    verdicts = {(f.kind, _claims(report, f)[0].document) for f in report.findings if f.rule == "FC205"}
    assert verdicts == {("check_passed", "right"), ("check_failed", "wrong")}


def test_firms_counted_after_a_qualifier_and_de_link_with_firms_counted_plainly(tmp_path, settings):
    """120家左右的企业 counts firms (not the centre named before it), so it meets 约120家企业 elsewhere."""
    (tmp_path / "a.md").write_text("---\ndate: 2024-06-01\n---\n目前，合肥先进智算中心已服务120家左右的企业。\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ndate: 2024-06-05\n---\n合肥先进智算中心已为约120家企业提供算力服务。\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("---\ndate: 2024-06-03\n---\n合肥先进智算中心已吸引300名以上的开发者，服务企业超过200家。\n", encoding="utf-8")
    report = run([str(tmp_path)], settings, compare=True)
    firms = {c.document: c.metric.key for c in report.claims if c.unit == "count"}
    assert firms["a"] == firms["b"] == "enterprises"
    # one fact, one finding (SEMANTICS.md §3): a and b state about 120, c more than 200
    kinds = {(f.kind, tuple(sorted(c.document for c in _claims(report, f)))) for f in report.findings}
    assert ("contradict", ("a", "b", "c")) in kinds and not any(k == "agree" for k, _ in kinds)
