"""The CI gate and the ledger, run as a team would run them in CI."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.report.github import escape_data, escape_property
from tests.conftest import ARTICLES, FIXTURES, SEEDS

runner = CliRunner()


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    root = tmp_path_factory.mktemp("ledger") / "claims"
    result = runner.invoke(app, ["ledger", "build", str(SEEDS), "--ledger", str(root)])
    assert result.exit_code == 0, result.output
    return root


def gate(ledger, *args):
    return runner.invoke(app, ["gate", *map(str, args), "--ledger", str(ledger)])


@pytest.mark.parametrize("article", ["c01_wuhan_opening_date.txt", "c02_chengdu_200p.md", "c03_national_70eflops_trad.txt",
                                     "c04_beijing_7000p.html", "c05_pengcheng_io500.md"])
def test_contradicting_articles_fail_the_gate_naming_line_and_ledger_claim(ledger, article):
    result = runner.invoke(app, ["gate", str(ARTICLES / article), "--ledger", str(ledger), "--format", "json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    contradictions = [f for f in data["findings"] if f["kind"] == "contradict"]
    assert contradictions
    by_id = {c["id"]: c for c in data["claims"]}
    claims = [by_id[i] for i in contradictions[0]["claims"]]
    mine = [c for c in claims if c["path"].endswith(article)]
    theirs = [c for c in claims if c["path"].startswith(str(SEEDS)) or "seeds/" in c["path"]]
    assert mine and theirs and mine[0]["line"] >= 1 and mine[0]["column"] >= 1
    assert "checked" in result.stderr and "ledger claims" in result.stderr


@pytest.mark.parametrize("article", ["r07_wuhan_100p_trad.txt", "r08_pengcheng_1000p.txt", "r09_beijing_5200p.txt",
                                     "r10_chengdu_300p_trad.txt", "r11_national_76eflops.md"])
def test_restating_articles_pass_the_gate(ledger, article):
    result = gate(ledger, ARTICLES / article)
    assert result.exit_code == 0, result.output + result.stderr


def test_unreadable_input_is_exit_2_not_a_pass(ledger, tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    result = gate(ledger, empty)
    assert result.exit_code == 2 and "empty file" in result.stderr


def test_missing_ledger_is_exit_2(tmp_path):
    result = gate(tmp_path / "nowhere", ARTICLES / "r07_wuhan_100p_trad.txt")
    assert result.exit_code == 2 and "no ledger" in result.stderr


def test_baselined_finding_passes_and_stale_entries_are_reported(ledger, tmp_path):
    baseline = tmp_path / "accepted.json"
    article = ARTICLES / "c04_beijing_7000p.html"
    wrote = runner.invoke(app, ["gate", str(article), "--ledger", str(ledger), "--baseline", str(baseline), "--write-baseline"])
    assert wrote.exit_code == 0 and baseline.exists()
    assert gate(ledger, article, "--baseline", baseline).exit_code == 0
    data = json.loads(baseline.read_text(encoding="utf-8"))
    data["accepted"].append({"fingerprint": "0" * 20, "rule": "FC102", "reason": "old"})
    baseline.write_text(json.dumps(data), encoding="utf-8")
    result = gate(ledger, article, "--baseline", baseline)
    assert result.exit_code == 0 and "stale baseline entry 00000000000000000000" in result.stderr


def test_inline_suppression_passes_and_an_unused_one_is_reported(ledger, tmp_path):
    source = (ARTICLES / "c02_chengdu_200p.md").read_text(encoding="utf-8")
    head, _, body = source.partition("\n---\n")
    suppressed = head + "\n---\n<!-- factcheck-disable FC102 -- the operator confirmed 200P -->\n" + body
    path = tmp_path / "c02_suppressed.md"
    path.write_text(suppressed, encoding="utf-8")
    result = runner.invoke(app, ["gate", str(path), "--ledger", str(ledger), "--format", "json"])
    assert result.exit_code == 0, result.stdout
    assert not [f for f in json.loads(result.stdout)["findings"] if f["kind"] == "contradict"]

    unused = tmp_path / "r09_unused.md"
    text = (ARTICLES / "r09_beijing_5200p.txt").read_text(encoding="utf-8")
    unused.write_text("<!-- factcheck-disable-next-line FC102 -->\n" + text, encoding="utf-8")
    result = runner.invoke(app, ["gate", str(unused), "--ledger", str(ledger), "--format", "json", "--fail-on", "warning"])
    kinds = [f["kind"] for f in json.loads(result.stdout)["findings"]]
    assert "unused_suppression" in kinds and result.exit_code == 1

    blanket = tmp_path / "blanket.md"
    blanket.write_text("<!-- factcheck-disable -->\n" + text, encoding="utf-8")
    result = runner.invoke(app, ["gate", str(blanket), "--ledger", str(ledger), "--format", "json"])
    assert "invalid_suppression" in [f["kind"] for f in json.loads(result.stdout)["findings"]]


def test_fail_on_never_and_info(ledger):
    article = ARTICLES / "c04_beijing_7000p.html"
    assert gate(ledger, article, "--fail-on", "never").exit_code == 0
    assert gate(ledger, ARTICLES / "r07_wuhan_100p_trad.txt", "--fail-on", "info").exit_code == 1


def test_sarif_output_validates_against_the_schema(ledger, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = FIXTURES / "sarif-schema-2.1.0.json"
    if not schema_path.exists():
        pytest.fail("vendored SARIF schema missing")
    sarif = tmp_path / "out.sarif"
    result = runner.invoke(app, ["gate", str(ARTICLES / "c01_wuhan_opening_date.txt"), "--ledger", str(ledger),
                                 "--format", "github", "--also", f"sarif={sarif}", "--also", f"junit={tmp_path / 'junit.xml'}"])
    assert result.exit_code == 1
    log = json.loads(sarif.read_text(encoding="utf-8"))
    jsonschema.validate(log, json.loads(schema_path.read_text(encoding="utf-8")))
    run = log["runs"][0]
    assert run["results"] and all(r["partialFingerprints"] for r in run["results"])
    assert all(not r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("/") for r in run["results"])
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"FC101", "FC102", "FC103"}
    assert "<testcase" in (tmp_path / "junit.xml").read_text(encoding="utf-8")


def test_junit_has_a_testcase_even_when_clean(ledger):
    result = runner.invoke(app, ["gate", str(ARTICLES / "r09_beijing_5200p.txt"), "--ledger", str(ledger), "--format", "junit"])
    assert result.exit_code == 0 and result.stdout.count("<testcase") >= 1 and 'failures="0"' in result.stdout


def test_github_annotation_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    assert escape_data("::error::injected") == "::error::injected"  # only ever after the command's own ::


def test_github_format_writes_annotations_and_step_summary(ledger, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = runner.invoke(app, ["gate", str(ARTICLES / "c04_beijing_7000p.html"), "--ledger", str(ledger), "--format", "github"])
    first = result.stdout.splitlines()[0]
    assert first.startswith("::error file=") and ",line=" in first and ",col=" in first
    assert "factcheck gate" in summary.read_text(encoding="utf-8")


def test_pinned_figure_wins_over_articles(ledger, tmp_path):
    pinned_ledger = tmp_path / "claims"
    shutil.copytree(ledger, pinned_ledger)
    (pinned_ledger / "pinned.toml").write_text(
        '[[pin]]\nsubject = "北京"\nmetric = "ai_compute"\nvalue = 7000\nunit = "PFLOPS"\nqualifier = "approx"\n'
        'as_of = "2025-02-07"\nsubject_type = "place"\nreason = "city statistics bureau, Feb 2025"\n', encoding="utf-8")
    assert gate(pinned_ledger, ARTICLES / "c04_beijing_7000p.html").exit_code == 0
    assert gate(pinned_ledger, ARTICLES / "r09_beijing_5200p.txt").exit_code == 1


def test_ledger_files_are_sorted_json_lines_and_verify(ledger):
    files = sorted(ledger.glob("*.jsonl"))
    assert len(files) == 5
    lines = files[1].read_text(encoding="utf-8").splitlines()
    starts = [json.loads(line)["span"]["start"] for line in lines]
    assert starts == sorted(starts)
    assert runner.invoke(app, ["ledger", "verify", "--ledger", str(ledger)]).exit_code == 0
    listing = runner.invoke(app, ["ledger", "list", "--ledger", str(ledger), "--subject", "武汉", "--format", "json"])
    assert listing.exit_code == 0 and all("武" in json.loads(x)["subject"]["text"] for x in listing.stdout.splitlines())


def test_ledger_verify_catches_an_edited_source(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2025-01-01\n---\n合肥智算中心算力达到 300P。\n", encoding="utf-8")
    root = tmp_path / "claims"
    assert runner.invoke(app, ["ledger", "build", str(article), "--ledger", str(root)]).exit_code == 0
    article.write_text("---\ndate: 2025-01-01\n---\n合肥智算中心算力达到 900P。\n", encoding="utf-8")
    result = runner.invoke(app, ["ledger", "verify", "--ledger", str(root)])
    assert result.exit_code == 1 and "no longer matches" in result.stderr


def test_two_processes_building_one_ledger_at_once_leave_it_valid(tmp_path):
    root = tmp_path / "claims"
    cmd = [sys.executable, "-m", "factcheck", "ledger", "build", str(SEEDS), "--ledger", str(root)]
    procs = [subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.PIPE) for _ in range(2)]
    codes = [p.wait(timeout=120) for p in procs]
    assert codes == [0, 0]
    for f in root.glob("*.jsonl"):
        for line in f.read_text(encoding="utf-8").splitlines():
            json.loads(line)


WRITER = """
import sys
from factcheck.atomic import write_atomic
path, n = sys.argv[1], int(sys.argv[2])
i = 0
while True:
    i += 1
    body = "".join('{"line": %d, "round": %d}\\n' % (k, i) for k in range(n))
    write_atomic(path, body)
"""


def test_a_write_killed_at_random_points_leaves_old_or_new_never_a_mix(tmp_path):
    target = tmp_path / "doc.jsonl"
    target.write_text('{"line": 0, "round": 0}\n', encoding="utf-8")
    env = dict(os.environ)
    import random

    rng = random.Random(7)
    for _ in range(50):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target), "2000"], env=env)
        time.sleep(rng.uniform(0.05, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        lines = target.read_text(encoding="utf-8").splitlines()
        rounds = {json.loads(line)["round"] for line in lines}
        assert len(rounds) == 1, "a half-written file"
        assert len(lines) in (1, 2000)
    leftovers = [p for p in tmp_path.iterdir() if p.name.startswith(".doc.jsonl.")]
    assert len(leftovers) <= 50  # temporary files may remain after SIGKILL, the ledger file never breaks
