"""The ledger's index is trusted by content, yet an unchanged ledger is not hashed again on every
gate run: each file's hash is reused while its stat signature (size, mtime, ctime, inode, device)
is unchanged, as git's index does. An edit with its mtime put back, a file replaced, rows deleted
from the index: each is seen, and the gate's verdict follows the ledger's content."""

from __future__ import annotations

import os
import sqlite3
import time

import pytest
from typer.testing import CliRunner

import factcheck.ledger.index as index_module
from factcheck.cli import app

runner = CliRunner()

OLD = """---
title: 南宁智算中心二期开工
date: 2024-05-10
---
首页 > 科技 > 正文
南宁智算中心二期项目昨日开工。记者了解到，南宁智算中心一期已上线算力 200P，机柜 600 个。
（责任编辑：李明）  分享到：微信 微博
"""
OTHER = """---
title: 柳州数据中心扩容
date: 2024-05-12
---
柳州数据中心本月完成扩容，标准机架达到 1200 个，上架率约 70%。
"""
NEW = """---
title: 南宁智算中心一期
date: 2024-05-11
---
转自：广西日报
南宁智算中心一期算力为 500P，目前已服务企业 40 余家。
"""


def invoke(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output
    return result


def index_line(result) -> str:
    found = [line for line in result.stderr.splitlines() if "ledger index" in line]
    assert len(found) == 1, result.stderr
    return found[0]


@pytest.fixture
def short_racy_window(monkeypatch):
    """A file changed within RACY_NS of being hashed is hashed again next time; tests wait out a
    short window instead of two seconds."""
    monkeypatch.setattr(index_module, "RACY_NS", 100_000_000)
    return 0.15


@pytest.fixture
def ledger(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "nanning.md").write_text(OLD, encoding="utf-8")
    (articles / "liuzhou.md").write_text(OTHER, encoding="utf-8")
    root = tmp_path / "claims"
    assert invoke("ledger", "build", articles, "--ledger", root).exit_code == 0
    new = tmp_path / "new.md"
    new.write_text(NEW, encoding="utf-8")
    return root, new


def gate(root, article):
    return invoke("gate", article, "--ledger", root, "--verbose")


def settled(root, article, wait):
    """Past the racy window, one run hashes the just-written files and records their signatures."""
    time.sleep(wait)
    first = gate(root, article)
    assert first.exit_code == 1, first.stderr  # 500P against the ledger's 200P a day earlier
    assert "2 of 2 ledger files hashed" in index_line(first)
    return first


def test_files_written_just_now_are_hashed_again_on_the_next_run(ledger):
    root, article = ledger
    result = gate(root, article)
    assert result.exit_code == 1, result.stderr
    assert index_line(result) == "factcheck: ledger index fresh: 2 of 2 ledger files hashed"


def test_an_unchanged_ledger_is_not_hashed_again(ledger, short_racy_window):
    root, article = ledger
    settled(root, article, short_racy_window)
    for _ in range(2):
        again = gate(root, article)
        assert again.exit_code == 1, again.stderr
        assert index_line(again) == ("factcheck: ledger index fresh: 0 of 2 ledger files hashed "
                                     "(the others unchanged since they were hashed)")


def test_an_edit_with_its_size_and_mtime_put_back_is_seen(ledger, short_racy_window):
    root, article = ledger
    settled(root, article, short_racy_window)
    target = root / "nanning.jsonl"
    before = target.stat()
    target.write_text(target.read_text(encoding="utf-8").replace("200", "500"), encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (target.stat().st_size, target.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    result = gate(root, article)
    assert result.exit_code == 0, result.stderr  # the ledger now says 500P too: no contradiction
    assert "ledger index rebuilt" in index_line(result)


def test_a_touched_file_is_hashed_once_and_not_rebuilt(ledger, short_racy_window):
    root, article = ledger
    settled(root, article, short_racy_window)
    os.utime(root / "liuzhou.jsonl")  # a new mtime, the same bytes (a checkout, a copy, an editor)
    time.sleep(short_racy_window)
    touched = gate(root, article)
    assert index_line(touched).startswith("factcheck: ledger index fresh: 1 of 2 ledger files hashed")
    assert index_line(gate(root, article)).startswith("factcheck: ledger index fresh: 0 of 2")


def test_a_file_replaced_by_an_edited_copy_is_seen(ledger, short_racy_window):
    root, article = ledger
    settled(root, article, short_racy_window)
    target = root / "nanning.jsonl"
    before = target.stat()
    copy = root / "nanning.jsonl.new"
    copy.write_text(target.read_text(encoding="utf-8").replace("200", "500"), encoding="utf-8")
    os.utime(copy, ns=(before.st_atime_ns, before.st_mtime_ns))
    copy.replace(target)
    result = gate(root, article)
    assert result.exit_code == 0, result.stderr
    assert "rebuilt" in index_line(result)


@pytest.mark.parametrize("change", ["added", "removed"])
def test_a_ledger_file_added_or_removed_rebuilds(ledger, short_racy_window, change):
    root, article = ledger
    settled(root, article, short_racy_window)
    if change == "added":
        (root / "copy.jsonl").write_bytes((root / "nanning.jsonl").read_bytes().replace(b"200", b"500"))
        expected = 1  # the copy says 500P, the original 200P: still a contradiction
    else:
        (root / "nanning.jsonl").unlink()
        expected = 0  # nothing left to contradict
    result = gate(root, article)
    assert result.exit_code == expected, result.stderr
    assert "rebuilt" in index_line(result)


@pytest.mark.parametrize("table, where", [
    ("claims", "document = 'liuzhou'"),   # rows of blocks the gate does not read: the count is off
    ("claims", "document = 'nanning'"),   # rows of the block the gate reads
    ("files", "name = 'nanning.jsonl'"),  # the record of a file the index was built from
    ("blocks", "1"),
])
def test_rows_deleted_from_the_index_are_detected(ledger, short_racy_window, table, where):
    root, article = ledger
    settled(root, article, short_racy_window)
    db = sqlite3.connect(root / ".index.sqlite")
    assert db.execute(f"delete from {table} where {where}").rowcount > 0
    db.commit()
    db.close()
    result = gate(root, article)
    assert result.exit_code == 1, result.stderr  # the contradiction still fails the gate
    assert "rebuilt" in index_line(result)
    assert index_line(gate(root, article)).startswith("factcheck: ledger index fresh")


def test_a_signature_forged_into_the_index_is_caught_by_the_block_hash(ledger, short_racy_window):
    """Rows edited together with a fresh-looking file record: the block the gate reads no longer
    hashes as written, so the index is rebuilt before its claims are used."""
    root, article = ledger
    settled(root, article, short_racy_window)
    db = sqlite3.connect(root / ".index.sqlite")
    for rowid, body in db.execute("select rowid, body from claims where document = 'nanning'").fetchall():
        db.execute("update claims set body = ? where rowid = ?", (body.replace("200", "500"), rowid))
    db.commit()
    db.close()
    result = gate(root, article)
    assert result.exit_code == 1, result.stderr
    assert "rebuilt" in index_line(result)


def test_a_busy_lock_leaves_signatures_to_the_next_run_without_waiting(ledger, short_racy_window):
    """Recording signatures is a cache: a gate run does not wait for another process's lock, it
    passes as usual and the next run hashes the files again and records them."""
    from filelock import FileLock

    root, article = ledger
    time.sleep(short_racy_window)
    held = FileLock(str(root / ".lock"), timeout=0)
    with held:
        start = time.monotonic()
        busy = gate(root, article)
        assert time.monotonic() - start < 10  # the ledger's lock timeout is 30 s: it did not wait
    assert busy.exit_code == 1, busy.stderr
    assert "2 of 2 ledger files hashed" in index_line(busy)
    assert "2 of 2 ledger files hashed" in index_line(gate(root, article))  # recorded now
    assert "0 of 2 ledger files hashed" in index_line(gate(root, article))
