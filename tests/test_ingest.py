"""Reading real-world input: encodings, front matter, HTML offsets, JSON Lines, and bad input."""

import json

from factcheck.api import read_and_extract
from factcheck.settings import Settings

ARTICLE = "---\ntitle: 测试\ndate: 2024-06-11T08:00:00+08:00\n---\n<p>截至2024年6月，杭州智算中心算力规模达到 500P，服务超过 120 家企业。</p>\n"


def _run(paths, **kw):
    return read_and_extract([str(p) for p in paths], Settings(), **kw)


def test_legacy_encodings_are_detected_and_offsets_still_match(tmp_path):
    text = "发布时间：2024-06-11 08:00\n杭州智算中心算力规模达到 500P，服务超过 120 家企业。\n"
    files = {
        "gbk.txt": text.encode("gbk"), "big5.txt": text.replace("发布时间", "發佈時間").encode("big5", errors="replace"),
        "utf16.txt": text.encode("utf-16"), "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    documents, claims, _, sources, loaded = _run([tmp_path])
    assert not loaded.problems
    assert {d.encoding.replace("_", "-").lower() for d in documents} >= {"utf-16", "utf-8-sig"}
    for s in sources:
        mine = [c for c in claims if c.document == s.document.id]
        assert any(c.value == 500 and c.unit == "PFLOPS" for c in mine), s.document.path
        for c in mine:
            assert s.raw[c.span.start : c.span.end] == c.text


def test_html_entities_map_back_to_the_raw_file(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>武汉智算中心算力达到 4&#x30;0P &amp; 更多</p></body></html>", encoding="utf-8")
    _, claims, _, sources, _ = _run([page])
    claim = next(c for c in claims if c.unit == "PFLOPS")
    assert claim.value == 400
    assert sources[0].raw[claim.span.start : claim.span.end] == claim.text == "达到 4&#x30;0P"


def test_bad_inputs_each_get_one_message_and_the_rest_is_still_read(tmp_path):
    (tmp_path / "good.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.md").write_text("---\ntitle: [unclosed\n---\n正文 100P\n", encoding="utf-8")
    (tmp_path / "baddate.md").write_text("---\ndate: not a date\n---\n正文 100P\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    lines = [json.dumps({"id": "a", "text": "北京智算中心 约5000P", "published": "2025-02-06"}, ensure_ascii=False), "{not json", json.dumps({"id": "b"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents, claims, _, _, loaded = _run([tmp_path])
    messages = {p.message() for p in loaded.problems}
    assert any(m.endswith("empty.txt: empty file") for m in messages)
    assert any("broken.md" in m and "front matter is not valid YAML" in m for m in messages)
    warnings = {p.message() for p in loaded.skipped if p.warning}  # SEMANTICS §1: never dropped for its metadata
    assert any("baddate.md" in m and "not a date" in m for m in warnings)
    assert any("feed.jsonl:2" in m and "not valid JSON" in m for m in messages)
    assert any("feed.jsonl:3" in m and '"text"' in m for m in messages)
    assert any("image.png" in p.path for p in loaded.skipped)
    assert {d.id for d in documents} == {"good", "a", "baddate"}
    assert any(c.value == 5000 for c in claims)


def test_a_binary_file_named_on_the_command_line_is_an_error(tmp_path):
    blob = tmp_path / "photo.txt"
    blob.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    _, _, _, _, loaded = _run([blob])
    assert loaded.problems and "binary" in loaded.problems[0].reason


def test_jsonl_ids_are_data_not_paths(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "../../etc/x", "text": "合肥智算中心 算力 100P"}) + "\n", encoding="utf-8")
    documents, claims, *_ = _run([feed])
    assert "/" not in documents[0].id and ".." not in documents[0].id
    assert claims[0].as_of is None  # no publication date: never the clock
