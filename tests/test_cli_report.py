"""The terminal report and the CLI habits of issue 15, in-process as a user runs them."""

import json
import os
import stat
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from factcheck.cli import app
from tests.conftest import SEEDS

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"

OPENING = """---
title: 嘉兴智算中心投运
date: 2024-03-02T10:00:00+08:00
source: 嘉兴日报
---
导航 | 首页 | 本地

嘉兴日报讯 3月1日，嘉兴人工智能计算中心正式投入运营，首期算力为120P，已有25家企业签约入驻。

责任编辑：周舟
"""
RESTATED = """---
title: 嘉興智算中心投運
date: 2024-03-03T09:00:00+08:00
source: 浙江新聞網
---
據悉，嘉興人工智能計算中心日前投入運營，首期算力為120P。
"""
DISAGREES = """---
title: 嘉兴智算中心开始运营
date: 2024-03-04T08:00:00+08:00
source: 浙北晚报
---
浙北晚报讯 嘉兴人工智能计算中心日前开始运营，首期算力达到150P，为长三角企业提供算力服务。
"""


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a_opening.md").write_text(OPENING, encoding="utf-8")
    (folder / "b_restated.md").write_text(RESTATED, encoding="utf-8")
    (folder / "c_disagrees.md").write_text(DISAGREES, encoding="utf-8")
    return folder


def _check(*args, **kw):
    return runner.invoke(app, ["check", *map(str, args), "--no-cache"], **kw)


def test_the_report_opens_with_a_summary_then_contradictions_then_agreements(corpus):
    result = _check(corpus)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("3 documents · ") and "1 contradiction ·" in lines[0]
    contradictions = next(i for i, line in enumerate(lines) if line.startswith("Contradictions"))
    assert "120 PFLOPS" in result.stdout and "150 PFLOPS" in result.stdout
    assert "浙北晚报" in result.stdout and "嘉兴日报" in result.stdout  # the outlets, not hash ids
    agreements = [i for i, line in enumerate(lines) if line.startswith("Agreements")]
    assert all(i > contradictions for i in agreements)


def test_agreements_are_folded_to_one_line_per_fact(tmp_path):
    folder = tmp_path / "agree"
    folder.mkdir()
    (folder / "a.md").write_text(OPENING, encoding="utf-8")
    (folder / "b.md").write_text(RESTATED, encoding="utf-8")
    result = _check(folder)
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Agreements"))
    folded = [line for line in lines[start + 1 :] if line.strip()]
    assert folded and all("“" not in line for line in folded)  # no quotes under an agreement
    assert any("120 PFLOPS" in line and "2 documents" in line for line in folded)


def test_quiet_prints_only_what_fails(corpus, tmp_path):
    noisy = _check(corpus, "--quiet")
    assert noisy.exit_code == 0
    assert "150 PFLOPS" in noisy.stdout and "documents ·" not in noisy.stdout and "Agreements" not in noisy.stdout
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "a.md").write_text(OPENING, encoding="utf-8")
    (clean / "b.md").write_text(RESTATED, encoding="utf-8")
    assert _check(clean, "-q").stdout == ""


def test_statistics_counts_findings_per_rule_like_ruff(corpus):
    result = _check(corpus, "--statistics")
    assert result.exit_code == 0
    rows = [line.split(None, 3) for line in result.stdout.splitlines()]
    assert rows and all(len(r) == 4 and r[0].isdigit() for r in rows)
    assert any(r[1] == "FC102" and r[2] == "contradict" and r[0] == "1" for r in rows)
    counts = [int(r[0]) for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_piped_output_is_not_hard_wrapped(tmp_path):
    folder = tmp_path / "long"
    folder.mkdir()
    tail = "，".join(f"第{i}项配套工程同步推进" for i in range(1, 30))
    (folder / "a.md").write_text(OPENING.replace("已有25家企业签约入驻。", "已有25家企业签约入驻，" + tail + "。"), encoding="utf-8")
    (folder / "b.md").write_text(DISAGREES, encoding="utf-8")
    result = _check(folder)
    quote = next(line for line in result.stdout.splitlines() if "第16" in line)
    assert "嘉兴日报讯" in quote and "第1项" in quote and len(quote) > 200  # one line, never cut at the width


def test_format_is_a_typed_choice_shown_in_help_and_a_bad_one_is_one_line():
    helped = runner.invoke(app, ["check", "--help"])
    assert "text|json|markdown|html" in helped.stdout and "auto|always|never" in helped.stdout
    assert "factcheck[dask]" in helped.stdout  # brackets in help are text, not markup
    bad = runner.invoke(app, ["check", str(SEEDS), "--format", "pdf"])
    assert bad.exit_code == 2 and len(bad.stderr.strip().splitlines()) == 1 and "pdf" in bad.stderr


def test_jobs_zero_is_a_one_line_error():
    result = runner.invoke(app, ["extract", str(SEEDS), "-j", "0"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "--jobs" in result.stderr and "Traceback" not in result.stderr


def test_markup_in_a_file_name_or_article_prints_as_written(tmp_path):
    folder = tmp_path / "marked"
    folder.mkdir()
    (folder / "[red]x.md").write_text(OPENING.replace("首期算力", "[bold]首期算力"), encoding="utf-8")
    (folder / "[blink]empty.md").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(folder), "--no-cache"])
    assert "[red]x.md" in result.stdout
    assert "[blink]empty.md: empty file" in result.stderr
    claims = runner.invoke(app, ["check", str(folder), "--no-cache", "--format", "text"])
    assert "[red]" not in claims.stdout.replace("[red]x.md", "")  # nothing else lost or styled


def test_color_flag_beside_no_color(corpus):
    always = _check(corpus, "--color", "always", env={"NO_COLOR": "1"})
    assert "\x1b[" in always.stdout  # the flag wins over the environment
    never = _check(corpus, "--color", "never")
    assert "\x1b[" not in never.stdout
    auto = _check(corpus, env={"NO_COLOR": "1"})
    assert "\x1b[" not in auto.stdout


def test_extract_mentions_in_text_shows_the_reasons(corpus):
    result = runner.invoke(app, ["extract", str(corpus / "a_opening.md"), "--mentions", "--no-cache"])
    assert result.exit_code == 0
    assert "mentions that are not claims" in result.stdout and "why not a claim" in result.stdout


@pytest.mark.parametrize("command", ["extract", "check"])
def test_an_empty_folder_or_a_missing_path_is_one_line_and_exit_2(tmp_path, command):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, [command, str(empty), "--no-cache"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "no article" in result.stderr and str(empty) in result.stderr
    missing = runner.invoke(app, [command, str(tmp_path / "nothing-*.md"), "--no-cache"])
    assert missing.exit_code == 2 and missing.stdout == ""
    assert missing.stderr.count("\n") == 1 and "no such file or folder" in missing.stderr


def test_extract_json_into_head_exits_0():
    script = f"{sys.executable} -m factcheck extract {SEEDS} --format json --no-cache | head -c 100 >/dev/null; echo ${{PIPESTATUS[0]}}"
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.stdout.strip() == "0" and "Traceback" not in out.stderr and "Broken pipe" not in out.stderr


def test_rules_lists_every_code_including_suppressions():
    listing = runner.invoke(app, ["rules"])
    for code in ("FC101", "FC102", "FC103", "FC201", "FC301", "FC302"):
        assert code in listing.stdout
    one = runner.invoke(app, ["rules", "FC301"])
    assert one.exit_code == 0 and "unused suppression" in one.stdout


def test_progress_bar_names_the_stage_and_total_only_on_a_terminal(corpus):
    from factcheck.report.progress import Bar, count_inputs

    assert count_inputs([str(corpus)]) == 3
    screen = StringIO()
    bar = Bar(Console(file=screen, force_terminal=True, width=100), 3)
    bar("a.md")
    bar.stage("comparing")
    bar._progress.refresh()
    bar.close()
    assert "comparing" in screen.getvalue() and "1/3" in screen.getvalue()
    piped = _check(corpus)  # CliRunner's stderr is not a terminal: nothing but real messages
    assert piped.stderr == ""


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_written_files_get_the_usual_mode(corpus, tmp_path):
    old = os.umask(0o022)
    try:
        report = tmp_path / "report.html"
        assert _check(corpus, "--format", "html", "-o", report).exit_code == 0
        assert _mode(report) == 0o644
        report.chmod(0o640)
        _check(corpus, "--format", "html", "-o", report)
        assert _mode(report) == 0o640  # a replaced file keeps its mode
        ledger = tmp_path / "claims"
        assert runner.invoke(app, ["ledger", "build", str(corpus), "--ledger", str(ledger)]).exit_code == 0
        assert {_mode(p) for p in ledger.glob("*.jsonl")} == {0o644}
    finally:
        os.umask(old)


def test_folders_factcheck_creates_get_a_gitignore(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ledger = tmp_path / "claims"
    assert runner.invoke(app, ["ledger", "build", str(corpus), "--ledger", str(ledger)]).exit_code == 0
    ignored = (ledger / ".gitignore").read_text(encoding="utf-8").split()
    assert {".index.sqlite", ".lock"} <= set(ignored) and not any(line.endswith(".jsonl") for line in ignored)
    assert runner.invoke(app, ["check", str(corpus)]).exit_code == 0
    assert (tmp_path / ".factcheck_cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=tmp_path,
                            capture_output=True, text=True, check=True).stdout
    assert ".index.sqlite" not in status and ".lock" not in status and ".factcheck_cache/" not in status
    assert "claims/a_opening.jsonl" in status


def test_write_baseline_keeps_accepted_findings_of_documents_not_checked(corpus, tmp_path):
    ledger = tmp_path / "claims"
    runner.invoke(app, ["ledger", "build", str(corpus / "a_opening.md"), "--ledger", str(ledger)])
    baseline = ledger / "accepted.json"
    other = {"fingerprint": "f" * 20, "rule": "FC102", "why": "another article's accepted figure",
             "documents": ["some_other_article"], "reason": "confirmed with the editor"}
    baseline.write_text(json.dumps({"accepted": [other]}), encoding="utf-8")
    wrote = runner.invoke(app, ["gate", str(corpus / "c_disagrees.md"), "--ledger", str(ledger), "--write-baseline"])
    assert wrote.exit_code == 0, wrote.output
    entries = json.loads(baseline.read_text(encoding="utf-8"))["accepted"]
    assert other in entries
    new = [e for e in entries if e["fingerprint"] != other["fingerprint"]]
    assert new and all(e["documents"] == ["c_disagrees"] for e in new)
    again = runner.invoke(app, ["gate", str(corpus / "c_disagrees.md"), "--ledger", str(ledger)])
    assert again.exit_code == 0 and "stale baseline entry" not in again.stderr  # not checked now, not stale


def test_sarif_names_no_placeholder_page(corpus, tmp_path):
    ledger = tmp_path / "claims"
    runner.invoke(app, ["ledger", "build", str(corpus / "a_opening.md"), "--ledger", str(ledger)])
    result = runner.invoke(app, ["gate", str(corpus / "c_disagrees.md"), "--ledger", str(ledger), "--format", "sarif"])
    driver = json.loads(result.stdout)["runs"][0]["tool"]["driver"]
    assert "example.invalid" not in json.dumps(driver) and driver["name"] == "factcheck"


def test_markdown_report_puts_contradictions_before_agreements(corpus):
    (corpus / "d_firms.md").write_text(RESTATED.replace("首期算力為120P", "已有25家企業簽約入駐").replace("浙江新聞網", "南湖晚報"),
                                       encoding="utf-8")
    result = _check(corpus, "--format", "markdown")
    text = result.stdout
    assert text.index("## Contradictions") < text.index("## Agreements")
    assert "150 PFLOPS" in text and "首期算力为120P" in text


def test_the_outlet_comes_from_front_matter_or_the_json_lines_source(corpus, tmp_path):
    feed = tmp_path / "feed.jsonl"
    record = {"id": "wire-1", "text": "嘉兴人工智能计算中心首期算力为120P。", "published": "2024-03-05", "source": "新华社"}
    feed.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus / "a_opening.md"), str(feed), "--format", "json", "--no-cache"])
    sources = {d["id"]: d["source"] for d in json.loads(result.stdout)["documents"]}
    assert sources == {"a_opening": "嘉兴日报", "wire-1": "新华社"}


def test_a_value_many_outlets_repeat_quotes_three_and_names_the_rest(corpus):
    for i, outlet in enumerate(["甲报", "乙网", "丙台", "丁刊"]):
        text = f"---\ntitle: 嘉兴智算中心\ndate: 2024-03-0{i + 2}T12:00:00+08:00\nsource: {outlet}\n---\n{outlet}讯 记者获悉，嘉兴人工智能计算中心首期算力为120P，目前运行平稳。\n"
        (corpus / f"e{i}.md").write_text(text, encoding="utf-8")
    result = _check(corpus, "--quiet")
    assert result.stdout.count("“") <= 3 + 1  # three quotes for 120 PFLOPS, one for 150 PFLOPS
    assert "more documents:" in result.stdout
