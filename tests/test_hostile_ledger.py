"""The ledger, its index and the extraction cache under hostile conditions: ids that fold to one
file name, ids too long for a file name, two writers at once, an index that no longer matches
the ledger, damaged cache entries, and the faults a CI runner meets (a lock that is a folder, a
read-only folder, a full disk, a ledger file that is not UTF-8). Nothing is lost, nothing is
silently wrong, and every failure is one line naming the file, exit 2.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.ledger.store import NAME_MAX, file_name

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent

OLD = "---\ntitle: 大连智算中心\ndate: 2024-03-01\n---\n大连智算中心一期算力达到 300P，上架机柜 800 个。\n"
NEW = "---\ntitle: 大连智算中心\ndate: 2024-03-02\n---\n据介绍，大连智算中心一期算力为 900P。\n"


def invoke(*args, input=None):
    result = runner.invoke(app, [str(a) for a in args], input=input)
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def lines(result) -> list[str]:
    out = [line for line in result.stderr.splitlines() if line.strip()]
    for line in out:
        assert line.startswith("factcheck: "), line
    return out


def ledger_ids(root: Path) -> list[str]:
    return sorted({json.loads(line)["document"] for f in root.glob("*.jsonl")
                   for line in f.read_text(encoding="utf-8").splitlines()})


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "old.md").write_text(OLD, encoding="utf-8")
    return folder


# --------------------------------------------------------------------------------------------
# file names from ids


@pytest.mark.parametrize("a, b", [("x~2", "x_2"), ("a b", "a_b"), ("a%20b", "a b"), (".x", "x"), ("X", "x"),
                                  ("名" * 120, "名" * 119 + "字"), ("名" * 200 + "a", "名" * 200 + "b")])
def test_file_names_from_ids_are_distinct_and_fit(a, b):
    assert file_name(a) != file_name(b)
    for name in (file_name(a), file_name(b)):
        assert len(name.encode("utf-8")) <= NAME_MAX and "/" not in name and not name.startswith(".")


def test_ids_that_fold_to_one_name_do_not_overwrite_each_other(tmp_path):
    folder = tmp_path / "articles"
    for sub in ("a", "b"):
        (folder / sub).mkdir(parents=True)
        (folder / sub / "x.md").write_text(OLD.replace("300P", f"{300 + len(sub) * (sub == 'b') * 100}P"), encoding="utf-8")
    (folder / "x_2.md").write_text(NEW, encoding="utf-8")
    root = tmp_path / "claims"
    result = invoke("ledger", "build", folder, "--ledger", root)
    assert result.exit_code == 0, result.stderr
    assert ledger_ids(root) == ["x", "x_2", "x~2"]
    assert len(list(root.glob("*.jsonl"))) == 3
    listed = json.loads("[" + ",".join(invoke("ledger", "list", "--ledger", root, "--format", "json").stdout.split("\n")[:-1]) + "]")
    assert {c["document"] for c in listed} == {"x", "x_2", "x~2"}
    again = invoke("ledger", "build", folder, "--ledger", root, "--prune")  # prune keeps every one of them
    assert again.exit_code == 0 and ledger_ids(root) == ["x", "x_2", "x~2"]


def test_an_id_too_long_for_a_file_name_is_written_with_the_others(tmp_path, corpus):
    record = {"id": "大连智算中心二期扩容工程" * 10, "published": "2024-03-02", "text": NEW.split("---\n")[-1]}
    (corpus / "feed.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")  # 360 bytes
    root = tmp_path / "claims"
    result = invoke("ledger", "build", corpus, "--ledger", root)
    assert result.exit_code == 0, result.stderr
    ids = ledger_ids(root)
    assert len(ids) == 2 and "old" in ids
    assert all(len(p.name.encode()) <= NAME_MAX for p in root.glob("*.jsonl"))
    assert invoke("ledger", "verify", "--ledger", root).exit_code == 0
    again = invoke("ledger", "add", corpus, "--ledger", root)
    assert again.exit_code == 2 and "already in the ledger" in again.stderr


def test_one_document_that_cannot_be_written_is_one_line_and_the_others_are_written(tmp_path, corpus, monkeypatch):
    import factcheck.ledger.store as store
    from factcheck.errors import OutputError

    (corpus / "broken.md").write_text(NEW, encoding="utf-8")
    (corpus / "zzz.md").write_text(NEW.replace("900P", "950P"), encoding="utf-8")
    real = store.write_atomic

    def flaky(path, text, durable=True):
        if Path(path).name.startswith("broken"):
            raise OutputError(str(path), "cannot write (File name too long)")
        return real(path, text, durable)

    monkeypatch.setattr(store, "write_atomic", flaky)
    root = tmp_path / "claims"
    result = invoke("ledger", "build", corpus, "--ledger", root)
    assert result.exit_code == 2
    bad = [line for line in lines(result) if "broken" in line]
    assert len(bad) == 1 and "not written" in bad[0]
    assert ledger_ids(root) == ["old", "zzz"]


# --------------------------------------------------------------------------------------------
# two writers at once


def test_two_ledger_adds_of_one_id_at_once_one_wins_and_one_is_refused(tmp_path, corpus):
    root = tmp_path / "claims"
    assert invoke("ledger", "build", corpus, "--ledger", root).exit_code == 0
    new = tmp_path / "new"
    new.mkdir()
    writers = []
    for i in range(4):  # four writers, each with its own copy of the same id and its own figure
        (new / str(i)).mkdir()
        article = new / str(i) / "same.md"
        article.write_text(NEW.replace("900P", f"{900 + i}P"), encoding="utf-8")
        writers.append(article)
    procs = [subprocess.Popen([sys.executable, "-m", "factcheck", "ledger", "add", str(a), "--ledger", str(root)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path) for a in writers]
    outs = [p.communicate(timeout=180) for p in procs]
    codes = [p.returncode for p in procs]
    assert sorted(codes) == [0, 2, 2, 2], [o[1] for o in outs]
    for code, (_, err) in zip(codes, outs, strict=True):
        if code == 2:
            assert b"already in the ledger: same" in err and b"Traceback" not in err
    winner = codes.index(0)
    claims = [json.loads(line) for line in (root / "same.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [c["value"] for c in claims] == [900 + winner]  # the one that said it wrote is the one there
    assert ledger_ids(root) == ["old", "same"]


# --------------------------------------------------------------------------------------------
# the index follows the ledger's content


@pytest.fixture
def gated(tmp_path, corpus):
    root = tmp_path / "claims"
    assert invoke("ledger", "build", corpus, "--ledger", root).exit_code == 0
    article = tmp_path / "new.md"
    article.write_text(NEW, encoding="utf-8")
    first = invoke("gate", article, "--ledger", root)
    assert first.exit_code == 1, first.stderr  # 900P against the ledger's 300P a day apart
    return root, article


def test_an_index_with_rows_deleted_is_rebuilt_and_the_contradiction_still_fails(gated):
    root, article = gated
    db = sqlite3.connect(root / ".index.sqlite")
    db.execute("delete from claims")
    db.commit()
    db.close()
    result = invoke("gate", article, "--ledger", root)
    assert result.exit_code == 1, result.stderr


def test_an_index_with_a_row_edited_in_place_is_not_trusted(gated):
    root, article = gated
    db = sqlite3.connect(root / ".index.sqlite")
    for rowid, body in db.execute("select rowid, body from claims").fetchall():
        db.execute("update claims set body = ? where rowid = ?", (body.replace('"value":300.0', '"value":900.0'), rowid))
    db.commit()
    db.close()
    assert invoke("gate", article, "--ledger", root).exit_code == 1


def test_a_ledger_file_changed_with_the_same_size_and_time_is_seen(gated):
    import os

    root, article = gated
    target = root / "old.jsonl"
    stat = target.stat()
    target.write_text(target.read_text(encoding="utf-8").replace("300", "900"), encoding="utf-8")
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert target.stat().st_size == stat.st_size
    result = invoke("gate", article, "--ledger", root)
    assert result.exit_code == 0, result.stderr  # the ledger now says 900P too: agreement


@pytest.mark.parametrize("damage", ["schema", "columns", "garbage", "empty", "no_tables"])
def test_an_index_of_another_schema_or_shape_is_rebuilt(gated, damage):
    root, article = gated
    index = root / ".index.sqlite"
    if damage == "garbage":
        index.write_bytes(b"not a database at all" * 50)
    elif damage == "empty":
        index.write_bytes(b"")
    else:
        db = sqlite3.connect(index)
        if damage == "schema":
            db.execute("update meta set value = 'x' where key = 'schema'")
        elif damage == "columns":
            db.execute("drop table claims")
            db.execute("create table claims(block text, other text)")
        else:
            for table in ("meta", "claims", "blocks"):
                db.execute(f"drop table {table}")
        db.commit()
        db.close()
    result = invoke("gate", article, "--ledger", root)
    assert result.exit_code == 1, result.stderr


def test_an_index_that_is_a_folder_is_one_line(gated):
    root, article = gated
    index = root / ".index.sqlite"
    index.unlink()
    index.mkdir()
    result = invoke("gate", article, "--ledger", root)
    assert result.exit_code == 2
    assert lines(result) == [f"factcheck: {index}: the ledger's index is a folder; remove it (the index is rebuilt "
                             "from the ledger files)"]


def test_a_full_disk_during_an_index_rebuild_is_one_line_and_the_ledger_is_unchanged(gated, monkeypatch):
    import factcheck.ledger.index as index_module

    root, article = gated
    (root / ".index.sqlite").unlink()
    before = {p.name: p.read_bytes() for p in root.glob("*.jsonl")}
    real_connect = sqlite3.connect

    class FullDisk:
        def __init__(self, db):
            self.db = db

        def executemany(self, *args):
            raise sqlite3.OperationalError("database or disk is full")

        def __getattr__(self, name):
            return getattr(self.db, name)

    def connect(path, *args, **kwargs):
        db = real_connect(path, *args, **kwargs)
        return FullDisk(db) if str(path).endswith(".tmp") else db

    monkeypatch.setattr(index_module.sqlite3, "connect", connect)
    result = invoke("gate", article, "--ledger", root)
    assert result.exit_code == 2
    out = lines(result)
    assert len(out) == 1 and "database or disk is full" in out[0] and ".index.sqlite" in out[0]
    assert {p.name: p.read_bytes() for p in root.glob("*.jsonl")} == before
    assert not list(root.glob(".index.*.tmp"))


# --------------------------------------------------------------------------------------------
# faults: one line naming the file, exit 2


def test_a_ledger_file_that_is_not_utf8_is_named_with_its_line(gated):
    root, article = gated
    bad = root / "legacy.jsonl"
    bad.write_bytes(b"\n" + "大连".encode("gb18030") + b"\n")
    for args in (("gate", article, "--ledger", root), ("ledger", "list", "--ledger", root),
                 ("ledger", "verify", "--ledger", root)):
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert lines(result)[-1] == f"factcheck: {bad}:2: not UTF-8 text (a ledger file is UTF-8 JSON Lines)"


def test_a_lock_file_that_is_a_folder_is_one_line(tmp_path, corpus):
    root = tmp_path / "claims"
    (root / ".lock").mkdir(parents=True)
    for args in (("ledger", "build", corpus, "--ledger", root), ("ledger", "add", corpus, "--ledger", root)):
        result = invoke(*args)
        assert result.exit_code == 2
        assert lines(result) == [f"factcheck: {root / '.lock'}: the lock file is a folder; remove it (no factcheck "
                                 "process uses it)"]


def _read_only(monkeypatch, folder: Path):
    """What a read-only folder does to every way factcheck creates a file in it (the tests run as
    root too, where chmod would not stop a write)."""
    import os
    import tempfile

    real_mkstemp, real_open = tempfile.mkstemp, os.open

    def mkstemp(*args, dir=None, **kwargs):
        if dir is not None and Path(dir).resolve() == folder.resolve():
            raise PermissionError(13, "Permission denied", str(Path(dir) / "tmp"))
        return real_mkstemp(*args, dir=dir, **kwargs)

    def os_open(path, flags, *args, **kwargs):
        if Path(path).parent.resolve() == folder.resolve() and flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(os, "open", os_open)  # filelock opens its lock file with os.open


def test_a_read_only_ledger_folder_is_one_line(tmp_path, corpus, monkeypatch):
    root = tmp_path / "claims"
    root.mkdir()
    _read_only(monkeypatch, root)
    result = invoke("ledger", "build", corpus, "--ledger", root)
    assert result.exit_code == 2
    assert lines(result) == [f"factcheck: {root / '.lock'}: cannot take the ledger's lock (Permission denied)"]


def test_a_read_only_folder_for_a_text_report_is_one_line_and_the_old_report_stays(tmp_path, corpus, monkeypatch):
    out = tmp_path / "reports"
    out.mkdir()
    target = out / "report.txt"
    target.write_text("the old report\n", encoding="utf-8")
    _read_only(monkeypatch, out)
    for command in ("extract", "check"):
        result = invoke(command, corpus, "-o", target)
        assert result.exit_code == 2
        assert len(lines(result)) == 1 and "Permission denied" in result.stderr and str(target) in result.stderr
        assert target.read_text(encoding="utf-8") == "the old report\n"


def test_a_ledger_named_longer_than_the_file_system_allows_is_one_line(tmp_path, corpus):
    root = tmp_path / ("账本" * 200)
    for args in (("ledger", "build", corpus, "--ledger", root), ("gate", corpus, "--ledger", root),
                 ("ledger", "list", "--ledger", root), ("extract", corpus, "-o", root / "out.json")):
        result = invoke(*args)
        assert result.exit_code == 2, args
        out = lines(result)
        assert len(out) == 1 and "longer than the file system allows" in out[0] and len(out[0]) < 400, out


# --------------------------------------------------------------------------------------------
# the cache


def test_a_cache_entry_with_a_flipped_byte_is_extracted_again(tmp_path, corpus, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plain = invoke("extract", corpus, "--format", "json")
    entries = [p for p in (tmp_path / ".factcheck_cache").rglob("*.json") if p.parent.name != "runs"]
    assert len(entries) == 1
    data = entries[0].read_bytes()
    assert b"300P" in data and b"700P" not in data
    entries[0].write_bytes(data.replace(b"300P", b"700P").replace(b"300.0", b"700.0"))  # valid JSON, wrong figure
    again = invoke("extract", corpus, "--format", "json")
    assert again.stdout == plain.stdout
    assert b"700P" not in entries[0].read_bytes()  # extracted again and written again


def test_a_cached_run_with_a_flipped_byte_is_compared_again(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "b.md").write_text(NEW, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    plain = invoke("check", ".", "--format", "json")
    assert "contradict" in plain.stdout
    for run in (tmp_path / ".factcheck_cache" / "runs").glob("*.json"):
        run.write_bytes(run.read_bytes().replace(b"contradict", b"agree"))
    assert invoke("check", ".", "--format", "json").stdout == plain.stdout


def test_a_ledger_folder_where_no_file_can_be_written_is_one_line(tmp_path, corpus, monkeypatch):
    import tempfile

    (corpus / "second.md").write_text(NEW, encoding="utf-8")
    root = tmp_path / "claims"
    root.mkdir()
    (root / ".lock").write_text("", encoding="utf-8")  # the lock can be taken; no new file can be made
    real_mkstemp, real_temporary = tempfile.mkstemp, tempfile.TemporaryFile

    def refuse(*args, dir=None, **kwargs):
        if dir is not None and Path(dir).resolve() == root.resolve():
            raise OSError(30, "Read-only file system", str(dir))
        return real_mkstemp(*args, dir=dir, **kwargs)

    def refuse_temporary(*args, dir=None, **kwargs):
        if dir is not None and Path(dir).resolve() == root.resolve():
            raise OSError(30, "Read-only file system", str(dir))
        return real_temporary(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    monkeypatch.setattr(tempfile, "TemporaryFile", refuse_temporary)
    result = invoke("ledger", "build", corpus, "--ledger", root)
    assert result.exit_code == 2
    assert lines(result) == [f"factcheck: {root}: cannot write to the ledger folder (Read-only file system); the ledger "
                             "is unchanged"]


def test_writing_a_baseline_when_an_input_cannot_be_read_changes_nothing(gated):
    root, article = gated
    assert invoke("gate", article, "--ledger", root, "--write-baseline").exit_code == 0
    accepted = (root / "accepted.json").read_bytes()
    result = invoke("gate", article, article.parent / "missing.md", "--ledger", root, "--write-baseline")
    assert result.exit_code == 2 and "the baseline is unchanged" in result.stderr
    assert (root / "accepted.json").read_bytes() == accepted


def test_pinned_figures_that_are_not_utf8_are_one_line(gated):
    root, article = gated
    (root / "pinned.toml").write_bytes("[[pin]]\nsubject = '大连'\n".encode("gb18030"))
    for args in (("gate", article, "--ledger", root), ("ledger", "list", "--ledger", root)):
        result = invoke(*args)
        assert result.exit_code == 2
        assert lines(result)[-1] == f"factcheck: {root / 'pinned.toml'}: cannot read pinned figures (not UTF-8 text)"


def test_a_full_disk_while_writing_ledger_files_is_one_line(tmp_path, corpus, monkeypatch):
    import errno
    import os

    for i in range(5):
        (corpus / f"more{i}.md").write_text(NEW.replace("900P", f"{910 + i}P"), encoding="utf-8")
    root = tmp_path / "claims"
    result = invoke("ledger", "build", corpus, "--ledger", root)
    assert result.exit_code == 0
    before = {p.name: p.read_bytes() for p in root.glob("*.jsonl")}

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    for i in range(5):
        (corpus / f"more{i}.md").write_text(NEW.replace("900P", f"{920 + i}P"), encoding="utf-8")
    result = invoke("ledger", "build", corpus, "--ledger", root)
    assert result.exit_code == 2
    assert lines(result) == [f"factcheck: {root}: cannot write to the ledger folder (No space left on device); "
                             "the ledger is unchanged"]
    assert {p.name: p.read_bytes() for p in root.glob("*.jsonl")} == before


def test_a_ledger_written_under_the_old_names_is_not_doubled(tmp_path):
    folder = tmp_path / "articles"
    for sub in ("a", "b"):
        (folder / sub).mkdir(parents=True)
        (folder / sub / "x.md").write_text(OLD, encoding="utf-8")
    root = tmp_path / "claims"
    assert invoke("ledger", "build", folder, "--ledger", root).exit_code == 0
    renamed = root / file_name("x~2")
    legacy = root / "x_2.jsonl"  # how earlier versions named the file of the id x~2
    renamed.rename(legacy)
    assert invoke("ledger", "build", folder, "--ledger", root).exit_code == 0
    assert sorted(p.name for p in root.glob("*.jsonl")) == sorted([file_name("x"), file_name("x~2")])
    claims = [json.loads(line) for f in root.glob("*.jsonl") for line in f.read_text(encoding="utf-8").splitlines()]
    assert len(claims) == len({c["id"] for c in claims})


def test_a_cache_entry_copied_over_another_is_not_served(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "b.md").write_text(NEW, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    plain = invoke("extract", ".", "--format", "json")
    entries = [p for p in (tmp_path / ".factcheck_cache").rglob("*.json") if p.parent.name != "runs"]
    assert len(entries) == 2
    entries[1].write_bytes(entries[0].read_bytes())  # a valid entry, with a valid checksum, in the wrong place
    assert invoke("extract", ".", "--format", "json").stdout == plain.stdout


def test_a_read_only_ledger_is_still_gated(tmp_path, corpus, monkeypatch):
    import tempfile

    root = tmp_path / "claims"
    assert invoke("ledger", "build", corpus, "--ledger", root).exit_code == 0
    (root / ".index.sqlite").unlink()  # never committed: a fresh checkout has none
    (root / ".lock").unlink()
    article = tmp_path / "new.md"
    article.write_text(NEW, encoding="utf-8")
    _read_only(monkeypatch, root)
    real_temporary = tempfile.TemporaryFile

    def temporary(*args, dir=None, **kwargs):
        if dir is not None and Path(dir).resolve() == root.resolve():
            raise PermissionError(13, "Permission denied", str(dir))
        return real_temporary(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "TemporaryFile", temporary)
    result = invoke("gate", article, "--ledger", root)
    assert result.exit_code == 1, result.stderr  # the contradiction is found; nothing written in the ledger
    assert sorted(p.name for p in root.iterdir()) == [".gitignore", "old.jsonl"]  # as built: nothing written since
