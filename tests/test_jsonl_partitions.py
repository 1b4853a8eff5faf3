"""One large JSON Lines file read by several worker processes gives the one-process answer.

The file is cut into byte ranges of whole lines (factcheck.ingest.jsonl_ranges); the tests make
the ranges small so that a file of a few dozen records is cut into many, and compare the JSON
byte for byte with a one-process run.
"""

import json

import pytest
from typer.testing import CliRunner

from factcheck import api
from factcheck.cli import app
from factcheck.ingest.jsonl_ranges import JsonlRange, split_jsonl

runner = CliRunner()

# Wire copy as an aggregator's export holds it: the same story under one desk id more than once,
# records without an id, a byline and share buttons around the figures.
STORIES = [
    ("port", "2025-03-04", "港务集团周二公布，今年前两个月集装箱吞吐量达到 412 万标箱，同比增长 6.5%。\n分享到：微信 微博\n"
                           "码头二期工程投资 38 亿元，预计 2026 年 6 月投入使用。"),
    ("port", "2025-03-05", "港务集团更正称，前两个月集装箱吞吐量为 418 万标箱，同比增长 7.1%。\n责任编辑：林一"),
    (None, "2025-03-06", "The regional water board said the main reservoir stood at 71 percent of capacity on Monday, "
                         "down from 83 percent a year earlier.\nShare this article\nIts new pipeline will cost $240 million."),
    ("budget", "2025-01-20", "市财政局发布，2025年全市一般公共预算收入预计为 1260 亿元，其中税收收入占 78%。"),
    ("budget", None, "記者從市財政局獲悉，全年一般公共預算收入預計 1265 億元，較上年增加 4.2%。"),
    ("", "2025-02-11", "电网公司表示，春节期间全省最高用电负荷达到 5230 万千瓦，较去年同期上升 3.4%。\n点击查看更多"),
    ("budget", "2025-01-21", "市财政局补充说明：全年一般公共预算收入预计为 1260 亿元，债务付息支出 52 亿元。"),
    ("rail", "2025-04-02", "The rail operator carried 18.6 million passengers in March, 9 percent more than in "
                           "February, and opened 42 kilometres of new track on April 1, 2025."),
]


def _record(n: int) -> dict:
    rid, published, text = STORIES[n % len(STORIES)]
    record = {"text": f"{text}\n（第 {n} 次转载）"}
    if rid is not None:
        record["id"] = rid
    if published is not None:
        record["published"] = published
    return record


def write_corpus(path, records: int = 64, bad_line: int = 23) -> bytes:
    """records JSON Lines records, every fifth with CRLF, a blank line after every seventh, one
    line that is not JSON (its line number is bad_line)."""
    lines = []
    for n in range(records):
        if len(lines) + 1 == bad_line:
            lines.append(b'{"id": "broken", "text": "\xe6\xb8\xaf\xe5\x8f\xa3 412 \xe4\xb8\x87\n')
        ending = b"\r\n" if n % 5 == 0 else b"\n"
        lines.append(json.dumps(_record(n), ensure_ascii=False).encode() + ending)
        if n % 7 == 6:
            lines.append(b"   \n")
    data = b"".join(lines)
    path.write_bytes(data)
    return data


@pytest.fixture
def small_ranges(monkeypatch):
    """Ranges of about 1 KB, so the 13 KB test file is cut into a dozen."""
    monkeypatch.setattr(api, "RANGE_BYTES", 1024)


def _run(command: str, path, jobs: str):
    result = runner.invoke(app, [command, str(path), "--format", "json", "--no-cache", "--jobs", jobs])
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("command", ["extract", "check"])
def test_two_workers_on_one_jsonl_file_give_the_one_process_json_byte_for_byte(tmp_path, small_ranges, command):
    path = tmp_path / "wire.jsonl"
    write_corpus(path)
    parts = api.partitions([str(path)], 2)
    assert len(parts) >= 8 and all(isinstance(p[0], JsonlRange) for p in parts), "the file is shared out"

    one, two = _run(command, path, "1"), _run(command, path, "2")
    assert one.exit_code == two.exit_code == 2, "a bad line is a problem the exit code reports"
    assert two.stdout.encode() == one.stdout.encode()
    assert two.stderr == one.stderr

    report = json.loads(two.stdout)
    ids = [d["id"] for d in report["documents"]]
    assert ids[:8] == ["port", "port~2", "line3", "budget", "budget~2", "line6", "budget~3", "rail"]
    assert ids.count("port~16") == 1 and len(set(ids)) == len(ids) == 64
    assert "line3" in ids and "line12" in ids, "default ids are the line numbers of the whole file"
    if command == "check":
        named = {c["id"] for c in report["claims"]}
        assert report["findings"] and all(set(f["claims"]) <= named for f in report["findings"])


def test_the_bad_line_is_named_once_with_its_line_number_and_the_rest_is_read(tmp_path, small_ranges):
    path = tmp_path / "wire.jsonl"
    write_corpus(path, bad_line=23)
    result = _run("extract", path, "2")
    errors = [line for line in result.stderr.splitlines() if "not valid JSON" in line]
    assert len(errors) == 1 and f"{path.as_posix()}:23: not valid JSON" in errors[0], result.stderr
    report = json.loads(result.stdout)
    assert len(report["documents"]) == 64, "every other record is read"
    undated = [line for line in result.stderr.splitlines() if "no publication date" in line]
    assert undated and all(":23:" not in line for line in undated)
    # the budget story without a date is record 4, 12, ...: line numbers count blank lines and the bad line
    assert f"{path.as_posix()}:5:" in undated[0]


def test_a_cut_never_splits_a_character_or_a_crlf_and_the_ranges_cover_the_file(tmp_path):
    path = tmp_path / "wire.jsonl"
    data = write_corpus(path)
    pieces = 16
    shares = [len(data) * k // pieces for k in range(1, pieces)]
    inside = [s for s in shares if 0x80 <= data[s] < 0xC0]  # a share that falls inside a UTF-8 character
    assert inside, "the test file puts some cut targets inside a multi-byte character"

    ranges = split_jsonl(str(path), pieces)
    assert len(ranges) == pieces
    assert b"".join(data[r.start : r.end] for r in ranges) == data
    for r in ranges:
        chunk = data[r.start : r.end]
        assert chunk.endswith(b"\n") and r.first_line == data[: r.start].count(b"\n") + 1
        chunk.decode("utf-8")  # whole characters only


def test_one_line_longer_than_the_shares_makes_fewer_ranges_not_a_broken_line(tmp_path):
    path = tmp_path / "long.jsonl"
    long_text = "仓储面积扩大到 12 万平方米。" * 400
    lines = [json.dumps({"id": "a", "text": "年吞吐量 300 万吨。"}, ensure_ascii=False),
             json.dumps({"id": "b", "text": long_text}, ensure_ascii=False),
             json.dumps({"id": "c", "text": "新增泊位 4 个。"}, ensure_ascii=False)]
    path.write_text("\n".join(lines), encoding="utf-8")  # the last line has no newline
    ranges = split_jsonl(str(path), 8)
    assert [r.first_line for r in ranges] == [1, 3]
    assert ranges[-1].end == path.stat().st_size


def test_a_large_jsonl_file_gets_one_worker_per_core_by_default(tmp_path, monkeypatch):
    monkeypatch.setattr(api.os, "cpu_count", lambda: 2)
    path = tmp_path / "export.jsonl"
    record = json.dumps({"text": "本季度新增订单 35 亿元。"}, ensure_ascii=False).encode() + b"\n"
    path.write_bytes(record * (api.AUTO_PARALLEL_JSONL_BYTES // len(record)))
    assert api.auto_jobs([str(path)]) == 1, "just under 2 MiB: one process"
    with path.open("ab") as fh:
        fh.write(record)
    assert api.auto_jobs([str(path)]) == 2
    assert api.auto_jobs([str(path), "-"]) == 1, "standard input is read in one process"
    text = tmp_path / "big.md"
    text.write_bytes(b"x" * api.AUTO_PARALLEL_JSONL_BYTES)
    assert api.auto_jobs([str(text)]) == 1, "one article file is not split"


def test_jobs_help_says_when_a_large_jsonl_file_is_shared():
    result = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "200"})
    assert "2 MiB" in result.stdout and "JSON Lines" in result.stdout
