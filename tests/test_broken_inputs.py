"""Hostile and broken input: factcheck never crashes, names each bad input once, and reads the rest.

Each test runs ``factcheck extract … --format json`` in-process, the way a user would, and checks
what a user would notice: no traceback, the exit code (2 when an input could not be read, else 0),
exactly one ``factcheck: PATH[:LINE]: REASON`` line on stderr per bad input, the good inputs still
in the JSON, every claim's span pointing at its text in the file, every interval the right way round.

Small fixtures are committed under ``fixtures/broken/`` (see its README); binary, huge, linked and
unreadable inputs are generated in ``tmp_path``. Property tests drive the numeral parser, the HTML
reader and the extractor with text biased toward Chinese numerals, digits, units and punctuation.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import struct
import subprocess
import sys
import time
import zlib
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.extract.claims import extract_source
from factcheck.extract.numerals import MAX_DIGITS, parse_number
from factcheck.ingest.source import make_source
from factcheck.model import Document

BROKEN = Path(__file__).resolve().parent / "fixtures" / "broken"
GOOD = BROKEN / "good.md"
CHINA = timezone(timedelta(hours=8))
runner = CliRunner()
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


# --------------------------------------------------------------------------------------------
# helpers


def extract(*paths, options=(), input=None):
    """Run `factcheck extract PATHS --format json` in-process; (result, parsed JSON or None)."""
    result = runner.invoke(app, ["extract", *map(str, paths), "--format", "json", *options], input=input)
    everything = result.stdout + result.stderr
    assert "Traceback" not in everything
    assert "internal error" not in everything, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    data = json.loads(result.stdout) if result.stdout.strip() else None
    return result, data


def problem_lines(result) -> list[str]:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    for line in lines:
        assert line.startswith("factcheck: "), line
    return lines


def assert_reported(result, path, reason: str, line: int | None = None) -> str:
    """Exactly one stderr line names this input (and line), with a reason that says what is wrong."""
    where = f"{path}:{line}: " if line else f"{path}: "
    mine = [text for text in problem_lines(result) if f"factcheck: {where}" in text]
    assert len(mine) == 1, (where, result.stderr)
    assert reason in mine[0], (reason, mine[0])
    return mine[0]


def raw_text(document: dict, texts: dict[str, str] | None = None) -> str:
    """The file as factcheck decoded it, read here independently (JSON Lines: the record's text)."""
    if document["path"] is None:
        return (texts or {})[document["id"]]
    return Path(document["path"]).read_bytes().decode(document["encoding"])


def assert_sound(data: dict, texts: dict[str, str] | None = None) -> None:
    """Every claim's span is its text in the raw input; every interval has lower <= upper."""
    by_id = {d["id"]: d for d in data["documents"]}
    raws: dict[str, str] = {}
    for claim in data["claims"] + (data.get("mentions") or []):
        doc = by_id[claim["document"]]
        if doc["id"] not in raws:
            raws[doc["id"]] = raw_text(doc, texts)
        raw = raws[doc["id"]]
        start, end = claim["span"]["start"], claim["span"]["end"]
        assert 0 <= start < end <= len(raw), claim
        assert raw[start:end] == claim["text"], (claim["text"], raw[start:end])
        assert claim["line"] >= 1 and claim["column"] >= 1
        if claim["lower"] is not None and claim["upper"] is not None:
            assert claim["lower"] <= claim["upper"], claim
        if claim["date"]:
            assert claim["date"]["start"] <= claim["date"]["end"], claim


def claims_of(data: dict, document: str) -> list[dict]:
    return [c for c in data["claims"] if c["document"] == document]


def assert_good_read(data: dict) -> None:
    """The well-formed article given next to a broken one is still read in full."""
    assert any(c["value"] == 500 and c["unit"] == "PFLOPS" for c in claims_of(data, "good")), data["claims"]


def png_bytes() -> bytes:
    """A real 1x1 PNG."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def zip_bytes(tmp_path: Path) -> bytes:
    import zipfile

    target = tmp_path / "made.zip"
    with zipfile.ZipFile(target, "w") as z:
        z.writestr("article.txt", "算力 500P")
    return target.read_bytes()


# --------------------------------------------------------------------------------------------
# files that cannot be read: one line each, exit 2, the good article still read

UNREADABLE = [
    # (fixture, line in the message or None, words the reason must contain)
    ("undecodable.txt", None, "cannot decode"),
    ("mixed_encodings.txt", 5, "mixes encodings"),
    ("bom_only.txt", None, "empty file"),
    ("bom_utf16_truncated.txt", None, "not valid utf-16"),
    ("nul_bytes.txt", None, "binary file (contains NUL bytes)"),
    ("empty.txt", None, "empty file"),
    ("whitespace_only.md", None, "empty file"),
    ("only_front_matter.md", None, "only front matter"),
    ("front_matter_not_yaml.md", 4, "front matter is not valid YAML"),
    ("front_matter_list.md", None, "front matter is a list, not a YAML mapping"),
    ("front_matter_unclosed.md", 1, "front matter opened with --- but never closed"),
    ("坏 文件 broken.md", 1, "never closed"),
]


@pytest.mark.parametrize("name, line, reason", UNREADABLE, ids=[u[0] for u in UNREADABLE])
def test_an_unreadable_file_gets_one_line_and_the_rest_is_read(name, line, reason):
    started = time.monotonic()
    result, data = extract(BROKEN / name, GOOD)
    assert result.exit_code == 2
    assert_reported(result, BROKEN / name, reason, line)
    assert len(problem_lines(result)) == 1
    assert [d["id"] for d in data["documents"]] == ["good"]
    assert_good_read(data)
    assert_sound(data)
    assert time.monotonic() - started < 10  # the alias bomb is never expanded


UNDATED = [
    # (fixture, words the warning must contain): SEMANTICS §1, a document is never dropped for its metadata
    ("front_matter_bad_date.md", "front matter date is not a date: 'not a date'"),
    ("front_matter_impossible_date.md", "front matter date is not a date: '2024-02-30'"),
    ("front_matter_alias_bomb.md", "front matter date is not a date: a list of 9 items"),
]
OTHER_WARNINGS = {"front_matter_alias_bomb.md": "front matter title is a list of 9 items, not text; ignored"}


@pytest.mark.parametrize("name, reason", UNDATED, ids=[u[0] for u in UNDATED])
def test_a_bad_publication_date_is_a_warning_and_the_article_is_read(name, reason):
    started = time.monotonic()
    result, data = extract(BROKEN / name, GOOD)
    assert result.exit_code == 0
    lines = [text for text in problem_lines(result) if reason in text]
    assert len(lines) == 1 and "relative dates are left unresolved" in lines[0], result.stderr
    if name in OTHER_WARNINGS:
        assert any(OTHER_WARNINGS[name] in text for text in problem_lines(result)), result.stderr
    assert len(problem_lines(result)) == 1 + (name in OTHER_WARNINGS)
    doc = next(d for d in data["documents"] if d["id"] == Path(name).stem)
    assert doc["published"] is None and doc["published_precision"] is None
    assert any(c["value"] == 100 for c in claims_of(data, doc["id"]))
    assert_good_read(data)
    assert_sound(data)
    assert time.monotonic() - started < 10  # the alias bomb is never expanded


def test_a_missing_path_is_named():
    result, data = extract(BROKEN / "no such article.md", GOOD)
    assert result.exit_code == 2
    assert_reported(result, BROKEN / "no such article.md", "no such file or folder")
    assert_good_read(data)


# --------------------------------------------------------------------------------------------
# encodings and line endings that must be read


def test_utf8_bom_before_front_matter_still_gives_front_matter():
    result, data = extract(BROKEN / "bom_utf8.md")
    assert result.exit_code == 0 and result.stderr == ""
    doc = data["documents"][0]
    assert doc["title"] == "带 BOM 的文章" and doc["published"].startswith("2024-06-11")
    assert any(c["value"] == 400 for c in data["claims"])
    date = next(c for c in data["claims"] if c["text"] == "去年11月")
    assert date["date"]["start"] == "2023-11-01"
    assert_sound(data)


def test_utf16_with_bom_is_read():
    result, data = extract(BROKEN / "bom_utf16.txt", GOOD)
    assert result.exit_code == 0 and result.stderr == ""
    doc = next(d for d in data["documents"] if d["id"] == "bom_utf16")
    assert doc["encoding"].replace("_", "-").lower().startswith("utf-16")
    assert any(c["value"] == 800 for c in claims_of(data, "bom_utf16"))
    assert_sound(data)


@pytest.mark.parametrize("name, city_value", [("crlf.md", 1000), ("lone_cr.md", 200)])
def test_crlf_and_lone_cr_keep_front_matter_and_line_numbers(name, city_value):
    result, data = extract(BROKEN / name)
    assert result.exit_code == 0 and result.stderr == ""
    doc = data["documents"][0]
    assert doc["published"].startswith("2024-06-11"), "front matter must be recognised with these line endings"
    texts = {c["text"] for c in data["claims"]}
    assert not any("2024-06-11" in t for t in texts), "front matter is not article text"
    value = next(c for c in data["claims"] if c["value"] == city_value)
    assert value["line"] == 6
    date = next(c for c in data["claims"] if c["text"] == "去年12月")
    assert date["line"] == 7 and date["date"]["start"] == "2023-12-01"
    assert_sound(data)


def test_control_and_invisible_characters_do_not_break_offsets():
    result, data = extract(BROKEN / "control_chars.txt")
    assert result.exit_code == 0
    assert any(c["value"] == 40 for c in data["claims"])
    assert_sound(data)


# --------------------------------------------------------------------------------------------
# binary files: fatal when named, a note when met in a folder


@pytest.mark.parametrize("name, kind", [("photo.png", "png"), ("archive.md", "zip"), ("disguised.txt", "png")])
def test_a_binary_file_named_on_the_command_line_is_refused(tmp_path, name, kind):
    target = tmp_path / name
    target.write_bytes(png_bytes() if kind == "png" else zip_bytes(tmp_path))
    result, data = extract(target, GOOD)
    assert result.exit_code == 2
    assert_reported(result, target.as_posix(), "binary file")
    assert_good_read(data)


def test_binary_files_met_in_a_folder_are_skipped_with_a_note(tmp_path):
    (tmp_path / "photo.png").write_bytes(png_bytes())
    (tmp_path / "disguised.txt").write_bytes(png_bytes())
    (tmp_path / "bundle.zip").write_bytes(zip_bytes(tmp_path))
    (tmp_path / "made.zip").unlink()
    (tmp_path / "good.md").write_bytes(GOOD.read_bytes())
    result, data = extract(tmp_path)
    assert result.exit_code == 0 and result.stderr == ""
    assert_good_read(data)
    verbose, _ = extract(tmp_path, options=["--verbose"])
    assert verbose.exit_code == 0
    assert_reported(verbose, (tmp_path / "disguised.txt").as_posix(), "binary file")
    assert_reported(verbose, (tmp_path / "photo.png").as_posix(), "skipped: not an article (.png)")
    assert_reported(verbose, (tmp_path / "bundle.zip").as_posix(), "skipped: not an article (.zip)")


# --------------------------------------------------------------------------------------------
# front matter


@pytest.mark.parametrize(
    "front",
    [
        "title: " + "[" * 50_000 + "]" * 50_000,  # flow nesting
        "tags:\n" + "- " * 50_000 + "x",  # compact block sequences, no brackets
        "? " * 50_000 + "x",  # compact complex keys
    ],
    ids=["brackets", "dashes", "keys"],
)
def test_deeply_nested_front_matter_is_refused_without_killing_the_process(tmp_path, front):
    target = tmp_path / "deep.md"
    target.write_text("---\n" + front + "\n---\n算力 100P。\n", encoding="utf-8")
    result, data = extract(target, GOOD)
    assert result.exit_code == 2
    assert_reported(result, target.as_posix(), "front matter is nested too deeply")
    assert_good_read(data)


def test_a_publication_date_far_in_the_future_is_read():
    result, data = extract(BROKEN / "published_far_future.md", BROKEN / "published_future_zone.md")
    assert result.exit_code == 0 and result.stderr == ""
    assert {d["id"] for d in data["documents"]} == {"published_far_future", "published_future_zone"}
    far = claims_of(data, "published_far_future")
    assert any(c["value"] == 900 for c in far) and any(c["value"] == 300 for c in far)
    # 下周 and 明年 from 9999-12-30 fall past the calendar: no claim, no crash
    assert not any(c["text"] in ("下周", "明年") for c in far)
    assert next(c for c in far if c["text"] == "去年12月")["date"]["start"] == "9998-12-01"
    assert any(c["value"] == 900 for c in claims_of(data, "published_future_zone"))
    assert_sound(data)


# --------------------------------------------------------------------------------------------
# HTML


def test_html_nested_ten_thousand_levels_deep(tmp_path):
    target = tmp_path / "deep.html"
    target.write_text(
        "<html><body>" + "<div><span>" * 10_000 + "<p>合肥智算中心算力达到 400P。</p>" + "</span></div>" * 10_000 + "</body></html>",
        encoding="utf-8",
    )
    started = time.monotonic()
    result, data = extract(target, GOOD)
    assert result.exit_code == 0
    assert any(c["value"] == 400 for c in claims_of(data, "deep"))
    assert_good_read(data)
    assert_sound(data)
    assert time.monotonic() - started < 15


def test_unclosed_tags_still_give_the_text():
    result, data = extract(BROKEN / "unclosed_tags.html")
    assert result.exit_code == 0
    values = {c["value"] for c in data["claims"]}
    assert {600, 80, 200} <= values
    assert_sound(data)


def test_numbers_in_scripts_and_styles_are_not_claims():
    result, data = extract(BROKEN / "script_style_numbers.html")
    assert result.exit_code == 0
    assert [c["value"] for c in data["claims"]] == [400]
    assert_sound(data)


def test_entity_encoded_text_maps_back_to_the_entities():
    result, data = extract(BROKEN / "entities.html")
    assert result.exit_code == 0
    claim = next(c for c in data["claims"] if c["unit"] == "PFLOPS")
    assert claim["value"] == 50_000 and claim["text"] == "达到 5&#x4e07;P"
    assert_sound(data)


def test_a_character_reference_with_thousands_of_digits(tmp_path):
    target = tmp_path / "charref.html"
    target.write_text("<p>算力 5&#" + "1" * 5000 + ";00P，另一处 300P。</p>", encoding="utf-8")
    result, data = extract(target, GOOD)
    assert result.exit_code == 0
    assert any(c["value"] == 300 for c in claims_of(data, "charref"))
    assert_sound(data)


def test_tags_that_never_close_do_not_make_reading_quadratic(tmp_path):
    target = tmp_path / "broken_attrs.html"
    target.write_text(
        "<p>合肥 </p><p>" + "<a href='" * 20_000 + "</p><p>合肥智算中心算力 400P</p><script>var x = '5000P';</script>"
        + "<!--" * 5000 + "<p>又 300P",
        encoding="utf-8",
    )
    started = time.monotonic()
    result, data = extract(target)
    assert result.exit_code == 0
    values = [c["value"] for c in data["claims"]]
    assert 400 in values and 300 in values and 5000 not in values
    assert_sound(data)
    assert time.monotonic() - started < 10


# --------------------------------------------------------------------------------------------
# size


def test_a_single_five_megabyte_line(tmp_path):
    filler = "这是很长的文字用来测试单行超长输入的处理速度，"
    text = "杭州智算中心算力规模达到 500P，" + filler * (5_000_000 // len(filler.encode())) + "成都智算中心算力 300P。"
    target = tmp_path / "one_line.txt"
    target.write_text(text, encoding="utf-8")
    assert target.stat().st_size >= 5_000_000 and "\n" not in text
    result, data = extract(target)
    assert result.exit_code == 0
    assert_reported(result, target.as_posix(), "no publication date given")  # the only line: a warning
    assert len(problem_lines(result)) == 1
    assert sorted(c["value"] for c in data["claims"]) == [300, 500]
    assert_sound(data)


@pytest.fixture
def small_limit(tmp_path, monkeypatch):
    """Settings(max_bytes=1000) the way a user sets it: factcheck.toml in the working folder."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "factcheck.toml").write_text("max_bytes = 1000\n", encoding="utf-8")
    monkeypatch.chdir(work)
    return work


def test_a_file_over_the_size_limit_is_named_with_the_limit(small_limit):
    big = small_limit / "big.txt"
    big.write_text("杭州智算中心算力规模达到 500P。\n" * 60, encoding="utf-8")
    result, data = extract(big, GOOD)
    assert result.exit_code == 2
    line = assert_reported(result, big.as_posix(), "larger than the limit of 1,000 bytes")
    assert "max_bytes" in line
    assert_good_read(data)


def test_a_json_lines_record_over_the_size_limit_is_named_by_line(small_limit):
    feed = small_limit / "feed.jsonl"
    lines = [{"id": "a", "text": "北京智算中心算力约5000P。"}, {"id": "big", "text": "算力 100P。" * 200},
             {"id": "c", "text": "济南智算中心算力达到 250P。"}]
    feed.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    result, data = extract(feed)
    assert result.exit_code == 2
    assert_reported(result, feed.as_posix(), "line is larger than the limit of 1,000 bytes", 2)
    assert {d["id"] for d in data["documents"]} == {"a", "c"}


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_stops_at_the_size_limit(small_limit):
    result, data = extract("/dev/zero", GOOD)
    assert result.exit_code == 2
    assert_reported(result, "/dev/zero", "larger than the limit of 1,000 bytes")
    assert_good_read(data)


# --------------------------------------------------------------------------------------------
# folders: links, pipes, permissions, names


def test_symlink_loops_in_a_folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.md").write_bytes(GOOD.read_bytes())
    (folder / "loop_a.txt").symlink_to("loop_b.txt")
    (folder / "loop_b.txt").symlink_to("loop_a.txt")
    (folder / "dangling.md").symlink_to("gone.md")
    (folder / "up").symlink_to("..", target_is_directory=True)
    (folder / "self").symlink_to(".", target_is_directory=True)
    result, data = extract(folder)
    assert result.exit_code == 2
    assert_reported(result, (folder / "loop_a.txt").as_posix(), "symbolic link that leads back to itself")
    assert_reported(result, (folder / "loop_b.txt").as_posix(), "symbolic link that leads back to itself")
    assert_reported(result, (folder / "dangling.md").as_posix(), "symbolic link to a file that does not exist")
    assert len(problem_lines(result)) == 3
    assert [d["id"] for d in data["documents"]] == ["good"]
    assert_good_read(data)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_in_a_folder_is_skipped_not_waited_on(tmp_path):
    (tmp_path / "good.md").write_bytes(GOOD.read_bytes())
    os.mkfifo(tmp_path / "pipe.txt")
    result, data = extract(tmp_path)
    assert result.exit_code == 0
    assert_good_read(data)
    verbose, _ = extract(tmp_path, options=["-v"])
    assert_reported(verbose, (tmp_path / "pipe.txt").as_posix(), "skipped: a named pipe")


@pytest.mark.skipif(IS_ROOT, reason="running as root: chmod 000 does not stop root from reading")
def test_an_unreadable_folder_and_file_are_named(tmp_path):
    (tmp_path / "good.md").write_bytes(GOOD.read_bytes())
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.md").write_bytes(GOOD.read_bytes())
    secret = tmp_path / "secret.md"
    secret.write_bytes(GOOD.read_bytes())
    locked.chmod(0)
    secret.chmod(0)
    try:
        result, data = extract(tmp_path)
    finally:
        locked.chmod(0o755)
        secret.chmod(0o644)
    assert result.exit_code == 2
    assert_reported(result, locked.as_posix(), "cannot read folder")
    assert_reported(result, secret.as_posix(), "permission denied")
    assert_good_read(data)


def test_names_with_spaces_and_chinese_are_named_in_full():
    name = BROKEN / "名字 有 空格.md"
    result, data = extract(name, BROKEN / "坏 文件 broken.md")
    assert result.exit_code == 2
    assert_reported(result, BROKEN / "坏 文件 broken.md", "never closed", 1)
    claim = next(c for c in data["claims"] if c["value"] == 350)
    assert claim["path"] == str(name)
    assert_sound(data)


def test_a_file_name_that_is_not_utf8(tmp_path):
    folder = os.fsencode(tmp_path)
    try:
        with open(os.path.join(folder, b"bad\xffname.txt"), "wb") as fh:
            fh.write("苏州智算中心算力达到 350P。\n".encode())
        with open(os.path.join(folder, b"broken\xfe.md"), "wb") as fh:
            fh.write(b"---\ntitle: x\n")
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    result, data = extract(tmp_path)
    assert result.exit_code == 2
    assert_reported(result, f"{tmp_path.as_posix()}/broken\\xfe.md", "never closed", 1)
    doc = next(d for d in data["documents"] if "350" not in d["id"])
    assert doc["path"].endswith("bad\\xffname.txt")
    claim = next(c for c in data["claims"] if c["value"] == 350)
    assert claim["text"].endswith("350P")


# --------------------------------------------------------------------------------------------
# JSON Lines


def jsonl_texts(path: Path) -> dict[str, str]:
    """id -> text for the records that parse, read here independently of factcheck."""
    out = {}
    for line in path.read_bytes().splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            out[re.sub(r"[^\w.\-]+", "_", str(record.get("id"))).strip("._")] = record["text"]
    return out


def test_json_lines_bad_records_are_named_by_line_and_good_ones_read():
    feed = BROKEN / "feed.jsonl"
    result, data = extract(feed, GOOD)
    assert result.exit_code == 2
    expected = {
        2: "not valid JSON (Unterminated string",
        3: "a JSON Lines record must be an object, not a list",
        4: 'record has no "text"',
        5: '"text" must be a string, not a number',
        6: "\"published\" is not a date: 'next tuesday-ish'",  # a warning: the record is read
        7: "no publication date given",  # a warning too
        9: "unpaired surrogate",
        10: "line is not UTF-8",
    }
    for line, reason in expected.items():
        assert_reported(result, feed, reason, line)
    assert len(problem_lines(result)) == len(expected), result.stderr  # the blank line 8 is no problem
    ids = [d["id"] for d in data["documents"]]
    assert ids == ["first", "baddate", "x", "last", "good"]  # ../../x is data, never a path; the line after the bad ones is read
    assert not any("/" in i or ".." in i for i in ids)
    assert any(c["value"] == 150 for c in claims_of(data, "last"))
    assert_good_read(data)
    assert_sound(data, jsonl_texts(feed))


def test_json_lines_nested_too_deeply_or_with_huge_numbers(tmp_path):
    feed = tmp_path / "hostile.jsonl"
    feed.write_text("\n".join([
        "[" * 100_000,
        '{"text": "算力 100P", "n": ' + "9" * 5000 + "}",
        '{"text": "算力 100P", "published": 1e999}',
        json.dumps({"id": "ok", "text": "太原智算中心算力达到 150P。"}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    result, data = extract(feed)
    assert result.exit_code == 2
    assert_reported(result, feed.as_posix(), "nested too deeply", 1)
    assert_reported(result, feed.as_posix(), "a number with 5000 digits", 2)
    assert_reported(result, feed.as_posix(), '"published" is not a date', 3)  # a warning: the record is read
    assert [d["id"] for d in data["documents"]] == ["line3", "ok"]


def test_standard_input_that_is_binary_empty_or_bom_json_lines():
    result, data = extract("-", GOOD, input=png_bytes())
    assert result.exit_code == 2
    assert_reported(result, "<stdin>", "binary file")
    assert_good_read(data)
    result, data = extract("-", GOOD, input=b"")
    assert result.exit_code == 2
    assert_reported(result, "<stdin>", "empty input")
    line = json.dumps({"id": "s", "text": "成都智算中心首期算力300P。"}, ensure_ascii=False)
    result, data = extract("-", input=b"\xef\xbb\xbf" + line.encode() + b"\n")
    assert result.exit_code == 0, result.stderr
    assert [c["value"] for c in data["claims"]] == [300]


# --------------------------------------------------------------------------------------------
# numbers and dates at the edges


def test_numbers_at_the_edges_never_crash_and_stay_sane():
    result, data = extract(BROKEN / "numbers_at_edges.txt")
    assert result.exit_code == 0 and result.stderr == ""
    assert_sound(data)
    claims = data["claims"]
    by_text = {c["text"]: c for c in claims}
    assert by_text["〇〇〇家"]["value"] == 0
    assert by_text["万万亿元"]["value"] == 10**16
    assert by_text["一千零十家"]["value"] == 1010
    for c in claims:
        if c["value"] is not None:
            assert abs(c["value"]) < 10**MAX_DIGITS, c  # no 1e308, 400 digits or 亿亿亿… piled up
    dates = [c["text"] for c in claims if c["kind"] == "date"]
    for impossible in ("2月30日", "2024年2月30日", "2月29日", "去年2月30日", "99世纪"):
        assert impossible not in dates
    assert not any(c["text"] in ("十十", "千千") for c in claims)


def test_mentions_say_why_an_impossible_date_is_not_a_claim():
    result, data = extract(BROKEN / "numbers_at_edges.txt", options=["--mentions"])
    assert result.exit_code == 0
    reasons = {m["text"]: m["reason"] for m in data["mentions"]}
    assert reasons.get("2月30日") == "invalid date"
    assert reasons.get("2024年2月30日") == "invalid date"


def test_signed_and_malformed_numbers_are_not_misread():
    result, data = extract(BROKEN / "numbers_at_edges.txt")
    claims = data["claims"]
    for c in claims:
        if c["unit"] == "percent" and c["value"] == 5:
            pytest.fail("同比增长-5% was read as +5 %")
    assert not any(c["unit"] == "PFLOPS" and c["value"] in (5, 308) for c in claims), [
        c["text"] for c in claims if c["unit"] == "PFLOPS"]
    assert not any(c["unit"] == "card" and c["value"] == 0 for c in claims)


# --------------------------------------------------------------------------------------------
# command line and speed: fixes that belong outside ingest


def test_a_bad_published_option_is_a_usage_error_not_an_internal_error():
    result = runner.invoke(app, ["extract", str(GOOD), "--published", "not a date"])
    assert result.exit_code == 2
    assert "internal error" not in result.stderr
    assert "--published" in result.stderr and "not a date" in result.stderr


def run_with_timeout(path: Path, seconds: float) -> subprocess.CompletedProcess:
    """In a child process: a regular expression stuck in C cannot be interrupted in-process. The
    budget is generous (start-up alone can take seconds on a loaded machine); the quadratic
    behaviour these tests guard against took minutes."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "factcheck", "extract", str(path), "--format", "json"],
            capture_output=True, timeout=seconds, cwd=Path(__file__).resolve().parent.parent,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"factcheck extract took more than {seconds} s on {path.name}")


def test_a_long_run_of_letters_is_read_in_linear_time(tmp_path):
    target = tmp_path / "letters.txt"
    target.write_text("合肥智算中心算力达到 400P。" + "a" * 30_000 + "\n", encoding="utf-8")
    assert run_with_timeout(target, 20).returncode == 0


def test_many_blank_lines_are_read_in_linear_time(tmp_path):
    target = tmp_path / "blank.txt"
    target.write_text("合肥智算中心算力达到 400P。" + "\n" * 40_000 + "又 300P。\n", encoding="utf-8")
    assert run_with_timeout(target, 20).returncode == 0


# --------------------------------------------------------------------------------------------
# properties

CN_NUMERALS = list("零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟廿卅皕半点")
DIGITS = list("0123456789０１２３")
UNITS = ["P", "PF", "PFLOPS", "EFLOPS", "E级", "卡", "张卡", "万卡", "万P", "家", "个", "%", "个百分点", "元", "亿元",
         "年", "月", "日", "号", "周", "世纪", "标准机架", "毫秒", "个月"]
PUNCT = list("，。、；：！？.,-~—–至到 ()（）\n\r\t+−±/")
WORDS = ["约", "超过", "不到", "近", "多", "余", "以上", "左右", "去年", "今年", "明年", "下周", "上周", "年初", "年底",
         "上半年", "第", "截至", "达到", "计划", "预计", "算力", "智算中心", "杭州", "第三季度", "同比", "增长"]
token = st.sampled_from(CN_NUMERALS + DIGITS + UNITS + PUNCT + WORDS) | st.text(max_size=3)
article_text = st.lists(token, max_size=40).map("".join)
numeral_text = st.lists(st.sampled_from(CN_NUMERALS + DIGITS + list(".,-+ ")), max_size=25).map("".join) | st.text(max_size=30)
published_at = st.none() | st.sampled_from([datetime(1, 1, 1, tzinfo=CHINA), datetime(9999, 12, 31, tzinfo=CHINA)]) | st.datetimes(
    min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)).map(lambda d: d.replace(tzinfo=CHINA))
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def to_chinese(n: int) -> str:
    """0 <= n < 10**12 written out the standard way: 100010000 -> 一亿零一万."""
    if n == 0:
        return "零"

    def below(x: int) -> str:
        out, gap = "", False
        for power, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = x // power % 10
            if d:
                out += ("零" if gap else "") + "一二三四五六七八九"[d - 1] + unit
                gap = False
            elif out:
                gap = True
        return out

    out, gap = "", False
    for size, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        chunk = n // size % 10000
        if not chunk:
            gap = gap or bool(out)
            continue
        out += ("零" if out and (gap or chunk < 1000) else "") + below(chunk) + name
        gap = False
    return out


@PROPERTY
@given(numeral_text)
def test_parse_number_never_raises_and_stays_in_range(text):
    parsed = parse_number(text)
    if parsed is not None:
        value, resolution = parsed
        assert isinstance(value, Fraction) and isinstance(resolution, Fraction)
        assert abs(value) < 10**MAX_DIGITS  # 负 and a leading minus sign make negatives (issue 11)
        assert resolution > 0


@PROPERTY
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_parse_number_reads_integers_as_written(n):
    assert parse_number(str(n))[0] == n
    assert parse_number(f"{n:,}")[0] == n
    assert parse_number(to_chinese(n))[0] == n, to_chinese(n)


def _check_extraction(source, text):
    kwargs = {"mentions": True} if "mentions" in inspect.signature(extract_source).parameters else {}
    extraction = extract_source(source, **kwargs)
    for claim in extraction.claims + extraction.mentions:
        assert text[claim.span.start : claim.span.end] == claim.text
        assert claim.span.start < claim.span.end
        if claim.lower is not None and claim.upper is not None:
            assert claim.lower <= claim.upper, claim
        if claim.date is not None:
            assert claim.date.start <= claim.date.end, claim


@PROPERTY
@given(article_text, published_at)
def test_extraction_of_arbitrary_text_never_raises_and_spans_map_back(text, published):
    source = make_source(Document(id="x", lang="zh", published=published), text, 0, None)
    _check_extraction(source, text)


HTML_TOKENS = ["<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<br>", "<br/>", "<script>", "</script>", "<style>",
               "</style>", "<!--", "-->", "<a href='", "'>", '"', "&amp;", "&#x4e07;", "&#20116;", "&nbsp;", "&#",
               "&", "<", ">", "<title>", "</title>", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<?xml ?>", "</"]


@PROPERTY
@given(st.lists(token | st.sampled_from(HTML_TOKENS), max_size=40).map(lambda parts: "<p>" + "".join(parts)))
def test_html_of_any_shape_maps_every_character_back(html):
    source = make_source(Document(id="x", lang="zh"), html, 0, None)
    view = source.view
    assert len(view.starts) == len(view.ends) == len(view.text)
    for s, e in zip(view.starts, view.ends, strict=True):
        assert 0 <= s <= e <= len(html)
    _check_extraction(source, html)
