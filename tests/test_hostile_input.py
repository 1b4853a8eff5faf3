"""Hostile input, round two: what is read, and how. A figure is read whole or not at all, a page
is HTML however long its DTD, a file named twice is read once, every valid encoding is decoded,
a truncated file says so, and every publication date form is a date at its precision.

Each test runs the command line in-process, as a user would (helpers from test_broken_inputs).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_broken_inputs import (
    BROKEN,
    GOOD,
    assert_good_read,
    assert_reported,
    assert_sound,
    claims_of,
    extract,
    problem_lines,
)

ROOT = Path(__file__).resolve().parent.parent


def values(data: dict, document: str) -> list[float]:
    return sorted(c["value"] for c in claims_of(data, document) if c["value"] is not None)


# --------------------------------------------------------------------------------------------
# invisible characters inside figures


def test_invisible_characters_inside_figures_do_not_change_the_number():
    """Zero-width joiner, right-to-left override, soft hyphen, combining accent, zero-width space
    and a bidi isolate, each inside a figure: every figure is read whole, spans keep the raw text."""
    result, data = extract(BROKEN / "invisible_in_figures.txt")
    assert result.exit_code == 0, result.stderr
    got = values(data, "invisible_in_figures")
    for figure in (500, 1200, 800, 3000, 2400, 960):
        assert figure in got, (figure, got)
    for wrong in (5, 0, 1, 200, 8, 3, 2, 400, 9, 60):
        assert wrong not in got, (wrong, got)
    assert_sound(data)
    joined = next(c for c in data["claims"] if c["value"] == 500)
    assert "\u200d" in joined["text"]  # the evidence is the file as written


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u2067", "\u00ad",
                                  "\u0301", "\u20dd", "\ufe0f", "\U000e0031"])
def test_each_kind_of_invisible_mark_inside_a_figure(tmp_path, mark):
    target = tmp_path / "one.md"
    target.write_text(f"---\ndate: 2024-06-11\n---\n昆明智算中心算力达到 7{mark}50P。\n", encoding="utf-8")
    result, data = extract(target)
    assert result.exit_code == 0
    assert values(data, "one") == [750]
    assert_sound(data)


def test_invisible_characters_between_words_are_still_spaces(tmp_path):
    target = tmp_path / "words.md"
    target.write_text("---\ndate: 2024-06-11\n---\nThe\u200bKunming centre reached 750 PFLOPS.\n", encoding="utf-8")
    result, data = extract(target)
    assert values(data, "words") == [750]


# --------------------------------------------------------------------------------------------
# HTML with a DTD longer than the part looked at for tags


def test_a_page_with_a_huge_dtd_before_html_is_read_as_html(tmp_path):
    subset = "".join(f'  <!ENTITY note{i} "archived copy {i}, 9{i}P">\n' for i in range(9000))
    page = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- factcheck-disable-file FC102 -->\n"
            f"<!DOCTYPE html [\n{subset}]>\n"
            "<html><head><title>沈北智算中心扩容</title></head><body><nav>首页 | 新闻</nav>"
            "<p>沈北智算中心二期投产后，算力规模达到 <b>450P</b>，上架率 <span>72%</span>。</p></body></html>")
    assert page.index("<html>") > 250_000
    target = tmp_path / "dtd.html"
    target.write_text(page, encoding="utf-8")
    result, data = extract(target)
    assert result.exit_code == 0, result.stderr
    assert values(data, "dtd") == [72, 450]  # no markup, no entity text, no "archived copy" figures
    assert data["documents"][0]["title"] == "沈北智算中心扩容"
    assert_sound(data)


# --------------------------------------------------------------------------------------------
# a file named twice is read once


def test_a_folder_and_a_file_inside_it_are_read_once(tmp_path, monkeypatch):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.md").write_bytes(GOOD.read_bytes())
    (folder / "link.md").symlink_to("a.md")
    monkeypatch.chdir(tmp_path)
    for jobs in ("1", "2"):
        result, data = extract("news", "news/a.md", "./news/../news/a.md", str(folder / "a.md"), "news/link.md",
                               options=["--jobs", jobs])
        assert result.exit_code == 0, result.stderr
        assert [d["id"] for d in data["documents"]] == ["a"], jobs
    check = json.loads(extract("news", "news/a.md")[0].stdout)
    assert check["summary"]["documents"] == 1


def test_a_folder_and_a_file_inside_it_do_not_agree_with_themselves(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from factcheck.cli import app

    (tmp_path / "a.md").write_bytes(GOOD.read_bytes())
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", ".", "a.md", "--format", "json"])
    report = json.loads(result.stdout)
    assert report["summary"]["documents"] == 1 and not report["findings"]


# --------------------------------------------------------------------------------------------
# encodings


def test_gb18030_with_four_byte_characters_is_read():
    result, data = extract(BROKEN / "gb18030_four_byte.txt", GOOD)
    assert result.exit_code == 0, result.stderr
    doc = next(d for d in data["documents"] if d["id"] == "gb18030_four_byte")
    assert doc["encoding"].replace("_", "").lower() == "gb18030"
    assert values(data, "gb18030_four_byte") == [320, 1200]
    assert_sound(data)


@pytest.mark.parametrize("rare", ["😀", "𠀀", "𪚥", "ཀ", "ᠮ", "ꀀ"])
def test_a_short_gb18030_file_whose_detector_guess_fails(tmp_path, rare):
    target = tmp_path / "short.txt"
    target.write_bytes(f"算力{rare}500P".encode("gb18030"))
    result, data = extract(target)
    assert result.exit_code == 0, result.stderr
    raw = target.read_bytes().decode(data["documents"][0]["encoding"])
    assert rare in raw and values(data, "short") == [500]


def test_a_utf8_file_cut_mid_character_says_so():
    name = BROKEN / "utf8_cut_mid_character.txt"
    result, data = extract(name, GOOD)
    assert result.exit_code == 2
    line = assert_reported(result, name, "cut off in the middle of its last character", 5)
    assert "mixes encodings" not in line and "truncated" in line
    assert_good_read(data)


def test_mixed_encodings_are_still_named_as_such():
    result, _ = extract(BROKEN / "mixed_encodings.txt")
    assert_reported(result, BROKEN / "mixed_encodings.txt", "mixes encodings", 5)


# --------------------------------------------------------------------------------------------
# arguments and standard input


def test_an_argument_longer_than_the_file_system_allows(tmp_path):
    long_name = "报道" * 400 + ".md"
    result, data = extract(tmp_path / long_name, GOOD)
    assert result.exit_code == 2
    lines = problem_lines(result)
    assert len(lines) == 1 and "longer than the file system allows" in lines[0] and len(lines[0]) < 400
    assert_good_read(data)
    deep = "/".join(["x" * 200] * 30)
    result, data = extract(deep, GOOD, options=["--jobs", "2"])
    assert result.exit_code == 2 and "longer than the file system allows" in result.stderr
    assert_good_read(data)


def test_closed_standard_input_is_one_clear_line():
    proc = subprocess.run([sys.executable, "-m", "factcheck", "extract", "-", str(GOOD), "--format", "json",
                           "--no-cache"], stdin=subprocess.DEVNULL, capture_output=True, cwd=ROOT,
                          preexec_fn=lambda: os.close(0))
    stderr = proc.stderr.decode()
    assert proc.returncode == 2, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    assert [line for line in stderr.splitlines() if line.strip()] == [
        "factcheck: <stdin>: standard input is closed (nothing to read); give files or pipe the text in"]
    assert json.loads(proc.stdout)["documents"][0]["id"] == "good"


def test_standard_input_named_twice_is_read_once():
    text = "---\ndate: 2024-06-11\n---\n昆明智算中心算力达到 750P。\n"
    result, data = extract("-", "-", input=text.encode())
    assert result.exit_code == 0, result.stderr
    assert [d["id"] for d in data["documents"]] == ["stdin"]


# --------------------------------------------------------------------------------------------
# publication dates at any precision (issue 12)

DATE_FORMS = [
    # (front matter value, JSON published, precision, published in JSON, 去年 resolves to)
    ("2024-09", "2024-09", "2024-09-01", "month", "2023"),
    ("2024", "2024", "2024-01-01", "year", "2023"),
    ("'2024'", "2024", "2024-01-01", "year", "2023"),
    ("2021年10月", "2021-10", "2021-10-01", "month", "2020"),
    ("2021/07/08", "2021-07-08T00:00:00+08:00", "2021-07-08", "day", "2020"),
    ("'Thu, 08 Jul 2021 20:33:00 GMT'", "2021-07-09T04:33:00+08:00", "2021-07-09", "day", "2020"),
    ("2021-07-08T20:33:00Z", "2021-07-09T04:33:00+08:00", "2021-07-09", "day", "2020"),
    ("2021-07-08T20:33:00+02:00", "2021-07-09T02:33:00+08:00", "2021-07-09", "day", "2020"),
    ("2021-07-08 20:33", "2021-07-08T20:33:00+08:00", "2021-07-08", "day", "2020"),
    ("2021-07-08", "2021-07-08T00:00:00+08:00", "2021-07-08", "day", "2020"),
    ("September 2024", "2024-09", "2024-09-01", "month", "2023"),
    ("8 July 2021", "2021-07-08T00:00:00+08:00", "2021-07-08", "day", "2020"),
]


@pytest.mark.parametrize("value, shown, first_day, precision, last_year", [f[:5] for f in DATE_FORMS],
                         ids=[f[0] for f in DATE_FORMS])
def test_a_front_matter_date_at_any_precision(tmp_path, value, shown, first_day, precision, last_year):
    target = tmp_path / "dated.md"
    target.write_text(f"---\ntitle: 济南智算中心\ndate: {value}\n---\n去年，济南智算中心算力达到 200P。\n", encoding="utf-8")
    result, data = extract(target, options=["--verbose"])
    assert result.exit_code == 0, result.stderr
    doc = data["documents"][0]
    assert doc["published"] == shown and doc["published_precision"] == precision
    assert doc["published_from"] == "front matter date"
    last = next(c for c in data["claims"] if c["text"] == "去年")
    assert last["date"]["start"] == f"{last_year}-01-01" and last["date"]["end"] == f"{last_year}-12-31"
    verbose = [line for line in problem_lines(result) if "published" in line]
    assert verbose == [f"factcheck: {target.as_posix()}: read as utf-8, language zh, published {shown} ({precision}, "
                       "from front matter date)"]


@pytest.mark.parametrize("value, shown, precision", [("2024-09", "2024-09", "month"), (2024, "2024", "year"),
                                                     ("2021年10月", "2021-10", "month"),
                                                     ("Thu, 08 Jul 2021 20:33:00 GMT", "2021-07-09T04:33:00+08:00", "day"),
                                                     ("2021/07/08", "2021-07-08T00:00:00+08:00", "day")])
def test_a_json_lines_published_at_any_precision(tmp_path, value, shown, precision):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "n1", "published": value, "text": "济南智算中心算力达到 200P。"},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    result, data = extract(feed)
    assert result.exit_code == 0 and result.stderr == ""
    doc = data["documents"][0]
    assert (doc["published"], doc["published_precision"]) == (shown, precision)
    assert doc["published_from"] == 'JSON Lines "published"'


@pytest.mark.parametrize("line, shown, precision", [
    ("发布时间：2021年10月", "2021-10", "month"),
    ("发布日期：2021/07/08 09:30", "2021-07-08T09:30:00+08:00", "day"),
    ("Published: Thu, 08 Jul 2021 20:33:00 GMT", "2021-07-09T04:33:00+08:00", "day"),
    ("Date: 2024-09", "2024-09", "month"),
    ("Published on September 3, 2024 | By a staff writer", "2024-09-03T00:00:00+08:00", "day"),
    ("Posted: 2024-09", "2024-09", "month"),
    ("发布于 2021年10月", "2021-10", "month"),
])
def test_a_header_line_date_at_any_precision(tmp_path, line, shown, precision):
    target = tmp_path / "page.txt"
    target.write_text(f"首页 > 科技 > 正文\n济南智算中心扩容\n{line}  来源：本报\n\n济南智算中心算力达到 200P。\n",
                      encoding="utf-8")
    result, data = extract(target)
    assert result.exit_code == 0 and result.stderr == "", result.stderr
    doc = data["documents"][0]
    assert (doc["published"], doc["published_precision"], doc["published_from"]) == (shown, precision, "header line")


@pytest.mark.parametrize("value", ["unknown", "''", "未知", "N/A"])
def test_an_unknown_or_empty_date_is_a_warning_and_relative_dates_stay_unresolved(tmp_path, value):
    target = tmp_path / "undated.md"
    target.write_text(f"---\ndate: {value}\n---\n去年，济南智算中心算力达到 200P；上个月新增 50P。\n", encoding="utf-8")
    result, data = extract(target)
    assert result.exit_code == 0
    lines = problem_lines(result)
    assert len(lines) == 1 and "relative dates are left unresolved" in lines[0]
    assert data["documents"][0]["published"] is None
    assert values(data, "undated") == [50, 200]
    assert not any(c["kind"] == "date" for c in data["claims"])  # never the clock


def test_a_missing_date_is_a_warning_and_said_with_verbose(tmp_path):
    target = tmp_path / "plain.txt"
    target.write_text("济南智算中心算力达到 200P。\n", encoding="utf-8")
    result, data = extract(target, options=["-v"])
    assert result.exit_code == 0
    lines = problem_lines(result)
    assert len(lines) == 2, lines
    assert any("no publication date given; read without one" in line for line in lines)
    assert any("no publication date (no publication date given)" in line for line in lines)
    assert data["documents"][0]["published_from"] == "no publication date given"


def test_a_month_given_with_published_keeps_its_precision(tmp_path):
    target = tmp_path / "plain.txt"
    target.write_text("济南智算中心算力达到 200P。\n", encoding="utf-8")
    result, data = extract(target, options=["--published", "2024-09"])
    assert result.exit_code == 0 and result.stderr == ""
    doc = data["documents"][0]
    assert (doc["published"], doc["published_precision"], doc["published_from"]) == ("2024-09", "month", "--published")


def test_the_schema_adds_the_precision_fields():
    from typer.testing import CliRunner

    from factcheck.cli import app

    schema = json.loads(CliRunner().invoke(app, ["schema"]).stdout)
    document = schema["$defs"]["Document"]["properties"]
    assert document["published_precision"]["anyOf"][0]["enum"] == ["day", "month", "year"]
    forms = document["published"]["anyOf"]
    assert {"type": "string", "format": "date-time"} in forms and any("pattern" in f for f in forms)
    jsonschema = pytest.importorskip("jsonschema")
    target = BROKEN / "good.md"
    _, data = extract(target)
    data["documents"][0]["published"], data["documents"][0]["published_precision"] = "2024-09", "month"
    jsonschema.validate(data, schema)


def test_a_hard_link_and_its_original_are_read_once(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.md").write_bytes(GOOD.read_bytes())
    os.link(folder / "a.md", tmp_path / "copy.md")
    for jobs in ("1", "2"):
        result, data = extract(folder, tmp_path / "copy.md", options=["--jobs", jobs])
        assert [d["id"] for d in data["documents"]] == ["a"], jobs


def test_check_verbose_says_each_documents_publication_date_too(tmp_path):
    from typer.testing import CliRunner

    from factcheck.cli import app

    (tmp_path / "a.md").write_text("---\ndate: 2024-09\n---\n济南智算中心算力达到 200P。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path), "-v", "--format", "json"])
    assert f"factcheck: {(tmp_path / 'a.md').as_posix()}: read as utf-8, language zh, published 2024-09 (month, from " \
           "front matter date)" in result.stderr.splitlines()
