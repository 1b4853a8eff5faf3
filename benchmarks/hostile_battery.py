"""A battery of hostile inputs and faults, run as a user would, with the figures issue 13 asks for:
kinds of bad input tried and how many failed, SIGKILLs survived, concurrent writers, data lost.

    python benchmarks/hostile_battery.py            # about two minutes on a busy 2-core machine
    python benchmarks/hostile_battery.py --kills 150 --writers 8

A kind fails when the run prints a traceback or "internal error", exits with the wrong code, does
not name the file in one line, lets an escape sequence or markup through, or reads a figure
wrong. Kills: a ledger build, a text report and an index rebuild are killed at random points; the
ledger must still read, the report be the old or the new one. Writers: ledger adds at once, of
distinct ids (all must be there) and of one id (exactly one must win).
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from typer.testing import CliRunner  # noqa: E402

from factcheck.cli import app  # noqa: E402

OLD = "---\ndate: 2024-03-01\n---\n大连智算中心一期算力达到 300P，上架机柜 800 个。\n"
NEW = "---\ndate: 2024-03-02\n---\n据介绍，大连智算中心一期算力为 900P。\n"
runner = CliRunner()
KINDS: list = []


def kind(name):
    def wrap(fn):
        KINDS.append((name, fn))
        return fn
    return wrap


class Failed(Exception):
    pass


def check(cond, why):
    if not cond:
        raise Failed(why)


def cli(*args, input=None, env=None):
    result = runner.invoke(app, [str(a) for a in args], input=input, env=env)
    text = result.stdout + result.stderr
    check("Traceback" not in text and "internal error" not in text, f"internal error: {text[-300:]}")
    check(result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception))
    shown = result.stderr + ("" if "json" in args else result.stdout)  # JSON escapes controls itself
    for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
        check(bad not in shown, f"escape {bad!r} reached the terminal")
    return result


def one_line(result, *words):
    lines = [x for x in result.stderr.splitlines() if x.strip()]
    hits = [x for x in lines if all(w in x for w in words)]
    check(len(hits) == 1, f"expected one line with {words}, got {lines}")


def values(result):
    return sorted(c["value"] for c in json.loads(result.stdout)["claims"] if c["value"] is not None)


def proc(*args, **kw):
    return subprocess.run([sys.executable, "-m", "factcheck", *map(str, args)], capture_output=True, cwd=kw.pop("cwd", ROOT),
                          timeout=120, **kw)


# ------------------------------------------------------------------------------------------ inputs

def _figure_kinds():
    marks = {"zwj": "\u200d", "zwnj": "\u200c", "zwsp": "\u200b", "rlo": "\u202e", "lri": "\u2066", "shy": "\u00ad",
             "wj": "\u2060", "bom": "\ufeff", "acute": "\u0301", "keycap": "\u20e3", "vs16": "\ufe0f", "tag": "\U000e0041"}
    for label, mark in marks.items():
        @kind(f"figure with {label}")
        def _(w, mark=mark):
            (w / "f.md").write_text(f"---\ndate: 2024-03-01\n---\n大连智算中心算力达到 5{mark}00P，机柜 1,{mark}200 个。\n",
                                    encoding="utf-8")
            r = cli("extract", w / "f.md", "-f", "json", "--no-cache")
            check(r.exit_code == 0 and values(r) == [500, 1200], f"values {values(r)}")


_figure_kinds()


@kind("figure with entity-encoded zero-width joiner in HTML")
def _(w):
    (w / "f.html").write_text("<html><body><p>大连智算中心算力达到 5&zwj;00P。</p></body></html>", encoding="utf-8")
    r = cli("extract", w / "f.html", "-f", "json", "--no-cache")
    check(values(r) == [500], values(r))


@kind("huge DTD before <html>")
def _(w):
    dtd = "".join(f'<!ENTITY e{i} "x {i}P">\n' for i in range(12000))
    (w / "d.html").write_text(f"<!DOCTYPE html [\n{dtd}]>\n<html><body><p>大连智算中心算力达到 400P。</p></body></html>",
                              encoding="utf-8")
    r = cli("extract", w / "d.html", "-f", "json", "--no-cache")
    check(values(r) == [400], values(r))


@kind("huge comment before <html>")
def _(w):
    (w / "c.html").write_text("<!--" + "注释 " * 80000 + "-->\n<html><body><p>大连智算中心算力达到 400P。</p></body></html>",
                              encoding="utf-8")
    r = cli("extract", w / "c.html", "-f", "json", "--no-cache")
    check(values(r) == [400], values(r))


@kind("folder and a file inside it")
def _(w):
    (w / "n").mkdir()
    (w / "n" / "a.md").write_text(OLD, encoding="utf-8")
    r = cli("check", w / "n", w / "n" / "a.md", "-f", "json", "--no-cache")
    check(json.loads(r.stdout)["summary"]["documents"] == 1, "read twice")


@kind("symlink and hard link to one file")
def _(w):
    (w / "a.md").write_text(OLD, encoding="utf-8")
    (w / "s.md").symlink_to("a.md")
    os.link(w / "a.md", w / "h.md")
    r = cli("check", w / "a.md", w / "s.md", w / "h.md", "-f", "json", "--no-cache")
    check(json.loads(r.stdout)["summary"]["documents"] == 1, "read more than once")


@kind("GB18030 four-byte sequences")
def _(w):
    (w / "g.txt").write_bytes("---\ndate: 2024-03-01\n---\n𠮷𡈼数据中心😀算力达到 320P。".encode("gb18030"))
    r = cli("extract", w / "g.txt", "-f", "json", "--no-cache")
    check(r.exit_code == 0 and values(r) == [320], values(r))


@kind("short GB18030 file with an emoji")
def _(w):
    (w / "g.txt").write_bytes("算力😀500P".encode("gb18030"))
    r = cli("extract", w / "g.txt", "-f", "json", "--no-cache")
    check(r.exit_code == 0 and values(r) == [500], values(r))


@kind("UTF-8 cut mid-character")
def _(w):
    (w / "u.txt").write_bytes("大连智算中心算力达到 300P，全文完".encode()[:-1])
    r = cli("extract", w / "u.txt", "-f", "json", "--no-cache")
    check(r.exit_code == 2, r.exit_code)
    one_line(r, "u.txt", "cut off in the middle")


@kind("argument longer than the file system allows")
def _(w):
    r = cli("extract", w / ("长" * 300 + ".md"))
    check(r.exit_code == 2, r.exit_code)
    one_line(r, "longer than the file system allows")


@kind("path longer than PATH_MAX")
def _(w):
    r = cli("extract", "/".join(["d" * 250] * 20))
    check(r.exit_code == 2, r.exit_code)
    one_line(r, "longer than the file system allows")


@kind("standard input closed")
def _(w):
    p = subprocess.run([sys.executable, "-m", "factcheck", "extract", "-"], stdin=subprocess.DEVNULL, capture_output=True,
                       cwd=ROOT, preexec_fn=lambda: os.close(0), timeout=120)
    check(p.returncode == 2 and b"standard input is closed" in p.stderr and b"Traceback" not in p.stderr, p.stderr)


for _label, _value in [("2024-09", "2024-09"), ("2024", "2024"), ("2021年10月", "2021年10月"), ("2021/07/08", "2021/07/08"),
                       ("RFC 2822", "'Thu, 08 Jul 2021 20:33:00 GMT'"), ("ISO zone", "2021-07-08T20:33:00+02:00"),
                       ("ISO no zone", "2021-07-08 20:33")]:
    @kind(f"publication date {_label}")
    def _(w, value=_value):
        (w / "p.md").write_text(f"---\ndate: {value}\n---\n去年大连智算中心算力达到 300P。\n", encoding="utf-8")
        r = cli("extract", w / "p.md", "-f", "json", "--no-cache")
        check(r.exit_code == 0 and r.stderr == "", r.stderr)
        check(json.loads(r.stdout)["documents"][0]["published"] is not None, "no date")


@kind("publication date unknown")
def _(w):
    (w / "p.md").write_text("---\ndate: unknown\n---\n去年大连智算中心算力达到 300P。\n", encoding="utf-8")
    r = cli("extract", w / "p.md", "-f", "json", "--no-cache")
    check(r.exit_code == 0 and values(r) == [300], "not read")
    one_line(r, "p.md", "relative dates are left unresolved")


# ------------------------------------------------------------------------------------------ ledger

def _ledger(w, *articles):
    src = w / "src"
    src.mkdir(exist_ok=True)
    for name, text in articles or (("old.md", OLD),):
        (src / name).write_text(text, encoding="utf-8")
    root = w / "claims"
    r = cli("ledger", "build", src, "--ledger", root)
    check(r.exit_code == 0, r.stderr)
    return root


def _ids(root):
    return sorted({json.loads(x)["document"] for f in root.glob("*.jsonl") for x in f.read_text(encoding="utf-8").splitlines()})


@kind("ids that fold to one file name")
def _(w):
    for sub in ("a", "b"):
        (w / "in" / sub).mkdir(parents=True)
        (w / "in" / sub / "x.md").write_text(OLD, encoding="utf-8")
    (w / "in" / "x_2.md").write_text(NEW, encoding="utf-8")
    r = cli("ledger", "build", w / "in", "--ledger", w / "claims")
    check(r.exit_code == 0 and _ids(w / "claims") == ["x", "x_2", "x~2"], _ids(w / "claims"))


@kind("id too long for a file name (bytes)")
def _(w):
    feed = w / "f.jsonl"
    feed.write_text("\n".join(json.dumps({"id": i, "published": "2024-03-01", "text": "大连智算中心算力达到 300P。"},
                                         ensure_ascii=False) for i in ["长" * 120, "短"]) + "\n", encoding="utf-8")
    r = cli("ledger", "build", feed, "--ledger", w / "claims")
    check(r.exit_code == 0 and len(_ids(w / "claims")) == 2, r.stderr)


@kind("index rows deleted, manifest intact")
def _(w):
    root = _ledger(w)
    (w / "new.md").write_text(NEW, encoding="utf-8")
    check(cli("gate", w / "new.md", "--ledger", root).exit_code == 1, "no contradiction at first")
    db = sqlite3.connect(root / ".index.sqlite")
    db.execute("delete from claims")
    db.commit()
    db.close()
    check(cli("gate", w / "new.md", "--ledger", root).exit_code == 1, "gate passed on a stale index")


@kind("ledger file edited, same size and time")
def _(w):
    root = _ledger(w)
    (w / "new.md").write_text(NEW, encoding="utf-8")
    cli("gate", w / "new.md", "--ledger", root)
    f = root / "old.jsonl"
    st = f.stat()
    f.write_text(f.read_text(encoding="utf-8").replace("300", "900"), encoding="utf-8")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    check(cli("gate", w / "new.md", "--ledger", root).exit_code == 0, "the index kept the old content")


for _damage in ("schema", "columns", "garbage", "folder"):
    @kind(f"index with wrong {_damage}")
    def _(w, damage=_damage):
        root = _ledger(w)
        (w / "new.md").write_text(NEW, encoding="utf-8")
        index = root / ".index.sqlite"
        if damage == "garbage":
            index.write_bytes(b"garbage" * 100)
        elif damage == "folder":
            index.unlink(missing_ok=True)
            index.mkdir()
        else:
            cli("gate", w / "new.md", "--ledger", root)
            db = sqlite3.connect(index)
            if damage == "schema":
                db.execute("update meta set value = '99' where key = 'schema'")
            else:
                db.execute("drop table claims")
                db.execute("create table claims(a, b)")
            db.commit()
            db.close()
        r = cli("gate", w / "new.md", "--ledger", root)
        if damage == "folder":
            check(r.exit_code == 2, r.exit_code)
            one_line(r, ".index.sqlite", "folder")
        else:
            check(r.exit_code == 1, f"exit {r.exit_code}")


@kind("ledger file not UTF-8")
def _(w):
    root = _ledger(w)
    (root / "bad.jsonl").write_bytes("大连".encode("gb18030") + b"\n")
    (w / "new.md").write_text(NEW, encoding="utf-8")
    r = cli("gate", w / "new.md", "--ledger", root)
    check(r.exit_code == 2, r.exit_code)
    one_line(r, "bad.jsonl", "not UTF-8")


@kind("lock file is a folder")
def _(w):
    (w / "claims" / ".lock").mkdir(parents=True)
    (w / "a.md").write_text(OLD, encoding="utf-8")
    r = cli("ledger", "build", w / "a.md", "--ledger", w / "claims")
    check(r.exit_code == 2, r.exit_code)
    one_line(r, ".lock", "folder")


def _refuse_in(folder: Path, stack: ExitStack, code=errno.EACCES):
    real_mkstemp, real_open, real_temp = tempfile.mkstemp, os.open, tempfile.TemporaryFile

    def mkstemp(*a, dir=None, **k):
        if dir is not None and Path(dir).resolve() == folder.resolve():
            raise OSError(code, os.strerror(code), str(dir))
        return real_mkstemp(*a, dir=dir, **k)

    def temporary(*a, dir=None, **k):
        if dir is not None and Path(dir).resolve() == folder.resolve():
            raise OSError(code, os.strerror(code), str(dir))
        return real_temp(*a, dir=dir, **k)

    def os_open(path, flags, *a, **k):
        if Path(path).parent.resolve() == folder.resolve() and flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *a, **k)

    stack.enter_context(mock.patch.object(tempfile, "mkstemp", mkstemp))
    stack.enter_context(mock.patch.object(tempfile, "TemporaryFile", temporary))
    stack.enter_context(mock.patch.object(os, "open", os_open))


@kind("read-only ledger folder (lock)")
def _(w):
    (w / "claims").mkdir()
    (w / "a.md").write_text(OLD, encoding="utf-8")
    with ExitStack() as stack:
        _refuse_in(w / "claims", stack)
        r = cli("ledger", "build", w / "a.md", "--ledger", w / "claims")
    check(r.exit_code == 2, r.exit_code)
    one_line(r, ".lock", "Permission denied")


@kind("read-only ledger folder (files)")
def _(w):
    (w / "claims").mkdir()
    (w / "claims" / ".lock").write_text("")
    (w / "a.md").write_text(OLD, encoding="utf-8")
    (w / "b.md").write_text(NEW, encoding="utf-8")
    with ExitStack() as stack:
        _refuse_in(w / "claims", stack, errno.EROFS)
        r = cli("ledger", "build", w / "a.md", w / "b.md", "--ledger", w / "claims")
    check(r.exit_code == 2, r.exit_code)
    one_line(r, "claims", "Read-only file system")


@kind("read-only folder for a text report")
def _(w):
    (w / "out").mkdir()
    (w / "out" / "r.txt").write_text("old\n")
    (w / "a.md").write_text(OLD, encoding="utf-8")
    with ExitStack() as stack:
        _refuse_in(w / "out", stack)
        r = cli("check", w / "a.md", "-o", w / "out" / "r.txt", "--no-cache")
    check(r.exit_code == 2 and (w / "out" / "r.txt").read_text() == "old\n", r.exit_code)
    one_line(r, "r.txt", "Permission denied")


@kind("full disk during an index rebuild")
def _(w):
    root = _ledger(w)
    (root / ".index.sqlite").unlink(missing_ok=True)
    (w / "new.md").write_text(NEW, encoding="utf-8")
    import factcheck.ledger.index as index_module

    real = sqlite3.connect

    class Full:
        def __init__(self, db):
            self.db = db

        def executemany(self, *a):
            raise sqlite3.OperationalError("database or disk is full")

        def __getattr__(self, name):
            return getattr(self.db, name)

    with mock.patch.object(index_module.sqlite3, "connect", lambda p, *a, **k: Full(real(p)) if str(p).endswith(".tmp") else real(p)):
        r = cli("gate", w / "new.md", "--ledger", root)
    check(r.exit_code == 2, r.exit_code)
    one_line(r, ".index.sqlite", "disk is full")


@kind("cache entry with a flipped figure")
def _(w):
    (w / "a.md").write_text(OLD, encoding="utf-8")
    env = {"PWD": str(w)}
    cwd = os.getcwd()
    os.chdir(w)
    try:
        first = cli("extract", "a.md", "-f", "json", env=env)
        for e in (w / ".factcheck_cache").rglob("*.json"):
            e.write_bytes(e.read_bytes().replace(b"300", b"700"))
        check(cli("extract", "a.md", "-f", "json", env=env).stdout == first.stdout, "a damaged entry was served")
    finally:
        os.chdir(cwd)


# ------------------------------------------------------------------------------------------ output

for _label, _name in [("OSC 52", "o\x1b]52;c;eA==\x07.md"), ("clear screen", "c\x1b[2J.md"),
                      ("rich link markup", "[link=https:x.invalid]y [bold]z.md"), ("bidi override", "b\u202ex.md"),
                      ("C1 CSI", "k\x9b31m.md")]:
    @kind(f"file name with {_label}")
    def _(w, name=_name):
        (w / name).write_text("", encoding="utf-8")
        (w / ("ok" + name)).write_text(OLD, encoding="utf-8")
        for args in (["extract", w], ["check", w], ["extract", w / name]):
            cli(*args, "--no-cache")


@kind("GitHub annotation properties")
def _(w):
    root = _ledger(w)
    (w / "n").mkdir()
    (w / "n" / "a,b:c%\x1b.md").write_text(NEW, encoding="utf-8")
    r = cli("gate", w / "n", "--ledger", root, "-f", "github")
    line = next(x for x in r.stdout.splitlines() if x.startswith("::error"))
    check("a%2Cb%3Ac%25%1B.md" in line and line.count("::") == 2, line)


@kind("JUnit with control characters in a name")
def _(w):
    from xml.etree import ElementTree as ET

    root = _ledger(w)
    (w / "n").mkdir()
    (w / "n" / "x\x01\x1f<&.md").write_text(NEW, encoding="utf-8")
    cli("gate", w / "n", "--ledger", root, "-f", "junit", "-o", w / "j.xml")
    ET.parse(w / "j.xml")


@kind("SARIF URI with spaces, #, ?, %")
def _(w):
    root = _ledger(w)
    (w / "n").mkdir()
    (w / "n" / "名 #1?%.md").write_text(NEW, encoding="utf-8")
    cli("gate", w / "n", "--ledger", root, "-f", "sarif", "-o", w / "s.sarif")
    uri = json.loads((w / "s.sarif").read_text())["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"]
    check(all(0x21 <= ord(c) < 0x7F for c in uri) and "#" not in uri and "?" not in uri, uri)


@kind("--changed-since=--output=x")
def _(w):
    subprocess.run(["git", "init", "-q"], cwd=w, check=True)
    root = _ledger(w)
    r = proc("gate", ".", "--ledger", root, "--changed-since=--output=x", cwd=w)
    check(r.returncode == 2 and not (w / "x").exists() and b"Traceback" not in r.stderr, r.stderr)


@kind("closed pipe on standard output")
def _(w):
    p = subprocess.Popen([sys.executable, "-m", "factcheck", "check", str(ROOT / "seeds"), "--no-cache"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    p.stdout.read(5)
    p.stdout.close()
    err = p.stderr.read()
    check(p.wait() == 0 and b"Traceback" not in err, (p.returncode, err[-200:]))


@kind("closed standard output")
def _(w):
    p = subprocess.run([sys.executable, "-m", "factcheck", "extract", str(ROOT / "seeds"), "-f", "json", "--no-cache"],
                       stderr=subprocess.PIPE, cwd=ROOT, timeout=120, preexec_fn=lambda: os.close(1))
    check(p.returncode == 2 and b"standard output is closed" in p.stderr, p.stderr)


@kind("report written over its input article")
def _(w):
    (w / "a.md").write_text(OLD, encoding="utf-8")
    r = cli("check", w / "a.md", "-o", w / "a.md")
    check(r.exit_code == 2 and (w / "a.md").read_text(encoding="utf-8") == OLD, "the article was overwritten")


@kind("eval with an unreadable input")
def _(w):
    r = cli("eval", "--gold", ROOT / "tests/fixtures/gold/seeds.gold.json", ROOT / "seeds", w / "missing.md")
    check(r.exit_code == 2, r.exit_code)
    one_line(r, "missing.md", "no such file")


@kind("pinned figures not UTF-8")
def _(w):
    root = _ledger(w)
    (root / "pinned.toml").write_bytes("[[pin]]\nsubject = '大连'\n".encode("gb18030"))
    (w / "new.md").write_text(NEW, encoding="utf-8")
    r = cli("gate", w / "new.md", "--ledger", root)
    check(r.exit_code == 2, r.exit_code)
    one_line(r, "pinned.toml", "not UTF-8")


@kind("full disk while writing ledger files")
def _(w):
    (w / "a.md").write_text(OLD, encoding="utf-8")
    (w / "b.md").write_text(NEW, encoding="utf-8")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    with mock.patch.object(os, "fsync", full):
        r = cli("ledger", "build", w / "a.md", w / "b.md", "--ledger", w / "claims")
    check(r.exit_code == 2, r.exit_code)
    one_line(r, "No space left on device")


@kind("cache entry copied over another")
def _(w):
    (w / "a.md").write_text(OLD, encoding="utf-8")
    (w / "b.md").write_text(NEW, encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(w)
    try:
        first = cli("extract", "a.md", "b.md", "-f", "json")
        entries = [e for e in (w / ".factcheck_cache").rglob("*.json") if e.parent.name != "runs"]
        entries[1].write_bytes(entries[0].read_bytes())
        check(cli("extract", "a.md", "b.md", "-f", "json").stdout == first.stdout, "another entry was served")
    finally:
        os.chdir(cwd)


@kind("--write-baseline with an unreadable input")
def _(w):
    root = _ledger(w)
    (w / "new.md").write_text(NEW, encoding="utf-8")
    cli("gate", w / "new.md", "--ledger", root, "--write-baseline")
    before = (root / "accepted.json").read_bytes()
    r = cli("gate", w / "new.md", w / "gone.md", "--ledger", root, "--write-baseline")
    check(r.exit_code == 2 and (root / "accepted.json").read_bytes() == before, "the baseline lost entries")


# ------------------------------------------------------------------------------------------ kills and writers

BUILD_KILL = "ledger build"


def kills(n: int, work: Path) -> tuple[int, list[str]]:
    """SIGKILL a ledger build, a text report and an index rebuild at random points."""
    rng = random.Random(5)
    broken = []
    corpus = work / "corpus"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"a{i}.md").write_text(OLD.replace("300P", f"{300 + i}P"), encoding="utf-8")
    root = work / "claims"
    report = work / "report.txt"
    report.write_text("old report\n", encoding="utf-8")
    whole = work / "whole.txt"  # the report a run that is not killed writes
    proc("check", corpus, "-o", whole, "--no-cache", cwd=work)
    expected = whole.read_text(encoding="utf-8")
    done = 0
    for i in range(n):
        which = i % 3
        if which == 0:
            cmd = ["ledger", "build", str(corpus), "--ledger", str(root)]
        elif which == 1:
            cmd = ["check", str(corpus), "-o", str(report), "--no-cache"]
        else:
            (root / ".index.sqlite").unlink(missing_ok=True) if root.exists() else None
            cmd = ["gate", str(corpus / "a0.md"), "--ledger", str(root)]
            if not root.exists():
                continue
        p = subprocess.Popen([sys.executable, "-m", "factcheck", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             cwd=work)
        time.sleep(rng.uniform(0.3, 2.5))
        p.send_signal(signal.SIGKILL)
        p.wait()
        done += 1
        for f in root.glob("*.jsonl") if root.exists() else []:
            try:
                for line in f.read_text(encoding="utf-8").splitlines():
                    json.loads(line)
            except ValueError:
                broken.append(f.name)
        text = report.read_text(encoding="utf-8")
        if text not in ("old report\n", expected):
            broken.append("report.txt")
    r = proc("gate", corpus / "a0.md", "--ledger", root, cwd=work) if root.exists() else None
    if r is not None and (r.returncode not in (0, 1) or b"Traceback" in r.stderr):
        broken.append("gate after kills")
    return done, broken


def writers(n: int, work: Path) -> tuple[int, list[str]]:
    root = work / "claims"
    (work / "seed.md").write_text(OLD, encoding="utf-8")
    proc("ledger", "build", work / "seed.md", "--ledger", root, cwd=work)
    lost = []
    articles = []
    for i in range(n):
        (work / f"d{i}").mkdir()
        a = work / f"d{i}" / f"doc{i}.md"
        a.write_text(NEW.replace("900P", f"{900 + i}P"), encoding="utf-8")
        articles.append(a)
        s = work / f"d{i}" / "same.md"
        s.write_text(NEW.replace("900P", f"{950 + i}P"), encoding="utf-8")
        articles.append(s)
    ps = [subprocess.Popen([sys.executable, "-m", "factcheck", "ledger", "add", str(a), "--ledger", str(root)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=work) for a in articles]
    codes = [p.wait(timeout=300) for p in ps]
    ids = _ids(root)
    for i in range(n):
        if f"doc{i}" not in ids:
            lost.append(f"doc{i}")
    same_wins = [c for a, c in zip(articles, codes, strict=True) if a.name == "same.md" and c == 0]
    if len(same_wins) != 1:
        lost.append(f"{len(same_wins)} adds of one id succeeded")
    else:
        winner = next(a for a, c in zip(articles, codes, strict=True) if a.name == "same.md" and c == 0)
        value = json.loads((root / "same.jsonl").read_text(encoding="utf-8").splitlines()[0])["value"]
        if f"{int(value)}P" not in winner.read_text(encoding="utf-8"):
            lost.append("the add that won is not the one in the ledger")
    return len(articles), lost


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kills", type=int, default=30)
    ap.add_argument("--writers", type=int, default=4, help="pairs of writers: one distinct id each, and one shared id")
    args = ap.parse_args()
    failed = []
    started = time.monotonic()
    for name, fn in KINDS:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                fn(Path(tmp))
            except Failed as exc:
                failed.append((name, str(exc)[:300]))
            except Exception as exc:  # a crash of the battery itself is a failing kind too
                failed.append((name, f"{type(exc).__name__}: {exc}"[:300]))
    print(f"kinds      {len(KINDS)} kinds of bad input and fault tried, {len(failed)} failed "
          f"({time.monotonic() - started:.0f} s)")
    for name, why in failed:
        print(f"  FAILED   {name}: {why}")
    with tempfile.TemporaryDirectory() as tmp:
        done, broken = kills(args.kills, Path(tmp))
    print(f"kills      {done} SIGKILLs (ledger build, text report, index rebuild): {len(broken)} broken files {broken}")
    with tempfile.TemporaryDirectory() as tmp:
        n, lost = writers(args.writers, Path(tmp))
    print(f"writers    {n} concurrent ledger adds ({args.writers} distinct ids, {args.writers} of one id): "
          f"{lost or 'nothing lost'}")


if __name__ == "__main__":
    main()
