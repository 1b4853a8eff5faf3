"""The command line, in-process, as a user runs it."""

import json

from typer.testing import CliRunner

from factcheck.cli import app
from tests.conftest import GOLD, SEEDS

runner = CliRunner()


def test_extract_json_follows_the_published_shape_and_is_deterministic():
    first = runner.invoke(app, ["extract", str(SEEDS), "--format", "json"])
    second = runner.invoke(app, ["extract", str(SEEDS), "--format", "json"])
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["schema_version"] == "2" and data["summary"]["documents"] == 5
    claim = next(c for c in data["claims"] if c["text"] == "可达100PFLOPS")
    assert claim["value"] == 100 and claim["unit"] == "PFLOPS" and claim["subject"]["text"] == "武汉人工智能计算中心"
    assert claim["as_of"] == "2021-07-01" and claim["line"] > 1


def test_extract_text_table_lists_claims():
    result = runner.invoke(app, ["extract", str(SEEDS / "004_8dc7adef4a87eb04.txt")])
    assert result.exit_code == 0
    assert "成都智算中心" in result.stdout and "PFLOPS" in result.stdout


def test_unreadable_input_exits_2_with_one_line_and_no_traceback(tmp_path):
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "empty.md"), str(SEEDS / "001_339954ad53160275.txt"), "--format", "json"])
    assert result.exit_code == 2
    assert "empty.md: empty file" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert json.loads(result.stdout)["summary"]["documents"] == 1


def test_eval_prints_the_scores():
    result = runner.invoke(app, ["eval", "--gold", str(GOLD / "seeds.gold.json"), str(SEEDS)])
    assert result.exit_code == 0
    assert "recall (core)      1.000" in result.stdout or "recall (core)" in result.stdout


def test_stdin_jsonl_is_read(tmp_path):
    line = json.dumps({"id": "x", "text": "成都智算中心首期算力300P。", "published": "2022-05-20"}, ensure_ascii=False)
    result = runner.invoke(app, ["extract", "-", "--format", "json"], input=line + "\n")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["claims"][0]["value"] == 300 and data["claims"][0]["path"] is None


def test_help_teaches_with_examples():
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0 and "Example" in result.stdout
