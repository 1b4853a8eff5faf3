"""Output under hostile names: nothing a file or folder name holds reaches the terminal as an
escape sequence or as rich markup, CI formats stay valid for any name, git never takes a ref as
an option, a closed pipe is not a failure, and every report file is written atomically (killed
at random points, it is the old report or the new one).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from tests.conftest import FIXTURES, SEEDS

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
OLD = "---\ndate: 2024-03-01\n---\n大连智算中心一期算力达到 300P。\n"
NEW = "---\ndate: 2024-03-02\n---\n据介绍，大连智算中心一期算力为 900P。\n"

HOSTILE_NAMES = [
    "osc52\x1b]52;c;ZWNobyBwd25lZA==\x07.md",  # writes the clipboard
    "clear\x1b[2J\x1b[H.md",  # clears the screen
    "[link=https://example.invalid]click[/link].md",  # rich markup
    "[bold red]alarm[/].md",
    "bidi\u202eevil\u202c.md",
    "bell\x07and\x08back.md",
    "csi\x9b31m.md",  # a C1 control
]


def _write_hostile(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, name in enumerate(HOSTILE_NAMES):
        target = folder / name
        try:
            target.write_text(NEW if i % 2 else OLD, encoding="utf-8")
        except OSError:
            continue
        out.append(target)
    (folder / "[link=x]unreadable\x1b[31m.md").write_bytes(b"")
    return out


def _clean(text: str) -> None:
    for bad in ("\x1b", "\x07", "\x08", "\x9b", "\u202e", "\u202c"):
        assert bad not in text, repr(bad)


def test_names_with_escape_sequences_and_markup_never_reach_the_terminal(tmp_path, monkeypatch):
    folder = tmp_path / "news\x1b[31m"
    _write_hostile(folder)
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "claims\x1b]0;title\x07"
    for args in (["extract", str(folder), "-v"], ["check", str(folder), "-v"], ["ledger", "build", str(folder), "--ledger", str(root)],
                 ["gate", str(folder), "--ledger", str(root)], ["ledger", "list", "--ledger", str(root)],
                 ["ledger", "verify", "--ledger", str(root)], ["extract", str(folder / "missing\x1b[2J.md")]):
        result = runner.invoke(app, args, color=True)
        _clean(result.stdout)
        _clean(result.stderr)
        assert "Traceback" not in result.output and "internal error" not in result.output
    result = runner.invoke(app, ["extract", str(folder)])
    assert "[link=x]unreadable[31m.md" in result.stderr  # shown literally, escape removed, markup not read


def test_a_line_number_between_colons_is_printed_as_written_not_as_an_emoji(tmp_path):
    # JSON Lines problems name the line as file:100: — rich reads :100: as an emoji code
    from io import StringIO

    from factcheck.report.consoles import SafeConsole

    lines = [json.dumps({"id": f"a{i}", "text": "2024年产值增长5%。"}, ensure_ascii=False) for i in range(120)]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "feed.jsonl"), "--format", "json"])
    assert "feed.jsonl:100: no publication date" in result.stderr
    on_terminal = StringIO()
    SafeConsole(file=on_terminal, force_terminal=True, highlight=False, soft_wrap=True).print("feed.jsonl:100: no date :smile:")
    assert on_terminal.getvalue() == "feed.jsonl:100: no date :smile:\n"


def test_messages_to_a_pipe_are_the_lines_rich_would_write_without_importing_it(tmp_path):
    article = tmp_path / "note[bold]:1:.md"
    article.write_text("园区2023年用电量增长12%。\n", encoding="utf-8")
    code = ("import atexit, sys\n"
            "atexit.register(lambda: sys.__stdout__.write('rich imported: %s\\n' % ('rich' in sys.modules)))\n"
            "from factcheck.cli import main\n"
            f"sys.argv = ['factcheck', 'extract', {str(article)!r}, '--format', 'json', '-v']\n"
            "main()\n")
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "rich imported: False" in proc.stdout
    assert f"factcheck: {article}: read as utf-8, language zh" in proc.stderr
    assert all(line.startswith("factcheck: ") for line in proc.stderr.splitlines())


def test_messages_written_without_rich_are_what_rich_writes(monkeypatch):
    from io import StringIO

    from factcheck.report.consoles import SafeConsole
    from factcheck.report.safe import ErrorLines

    lines = ["factcheck: feeds/站点 2.jsonl:100: no publication date given", "tab\there [b]x[/b]\x1b[2J",
             "  indented  ", "文件名很长" * 40, ""]
    for kwargs in ({"markup": False}, {"sep": "\n", "markup": False}):
        with_rich, direct = StringIO(), StringIO()
        monkeypatch.setattr(sys, "stderr", with_rich)
        SafeConsole(stderr=True, highlight=False, soft_wrap=True).print(*lines, **kwargs)
        monkeypatch.setattr(sys, "stderr", direct)
        ErrorLines().print(*lines, **kwargs)
        assert direct.getvalue() == with_rich.getvalue()


# --------------------------------------------------------------------------------------------
# CI formats


@pytest.fixture
def hostile_gate(tmp_path):
    ledger_src = tmp_path / "ledger_src"
    ledger_src.mkdir()
    (ledger_src / "old.md").write_text(OLD, encoding="utf-8")
    root = tmp_path / "claims"
    assert runner.invoke(app, ["ledger", "build", str(ledger_src), "--ledger", str(root)]).exit_code == 0
    news = tmp_path / "news"
    news.mkdir()
    names = ["a,b:c%d\r\n::error title=x::pwned.md", "x\x1b[2J\x00?.md".replace("\x00", ""), "名 #1?q=%41&.md",
             "tab\tand\x01ctl.md", "c:\\evil.md", "<x>&\"'.md", "a]]>b.md"]
    made = []
    for name in names:
        try:
            (news / name).write_text(NEW, encoding="utf-8")
            made.append(name)
        except OSError:
            pass
    return root, news, made


def test_github_annotations_escape_every_property(hostile_gate, monkeypatch):
    root, news, made = hostile_gate
    monkeypatch.chdir(news.parent)
    for name in made:  # one article at a time: each contradicts the ledger, so each is annotated
        result = runner.invoke(app, ["gate", f"news/{name}", "--ledger", str(root), "--format", "github"])
        assert result.exit_code == 1
        assert all(ch not in result.stdout.replace("\n", "") for ch in "\r\x1b\x01\t")
        lines = [line for line in result.stdout.splitlines() if line.startswith("::error")]
        assert len(lines) == 1, result.stdout
        line = lines[0]
        escaped = (name.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A")
                   .replace(",", "%2C").replace("\x1b", "%1B").replace("\t", "%09").replace("\x01", "%01"))
        assert line.startswith(f"::error file=news/{escaped},line="), line
        props = line[len("::error "):line.index("::", 2)]
        assert all(ch not in props for ch in "\r\n\x1b\x01\t"), props
        assert props.count(",") == 3  # file, line, col, title: no comma of a name splits a property


def test_junit_is_well_formed_for_any_name(hostile_gate, tmp_path):
    root, news, made = hostile_gate
    target = tmp_path / "junit.xml"
    result = runner.invoke(app, ["gate", str(news), "--ledger", str(root), "--format", "junit", "-o", str(target)])
    assert result.exit_code == 1
    tree = ET.parse(target)  # raises on XML that is not well-formed
    cases = tree.getroot().findall(".//testcase")
    assert len(cases) == len(made)
    assert all(case.find("failure") is not None for case in cases)
    names = {case.get("name") for case in cases}
    assert any("\\x01" in n for n in names if "tab" in n)


def test_sarif_uris_are_percent_encoded_and_valid(hostile_gate, monkeypatch, tmp_path):
    from urllib.parse import unquote, urlsplit

    root, news, made = hostile_gate
    monkeypatch.chdir(news.parent)
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    for name in made:
        target = tmp_path / "out.sarif"
        result = runner.invoke(app, ["gate", f"news/{name}", "--ledger", str(root), "--format", "sarif", "-o", str(target)])
        assert result.exit_code == 1
        log = json.loads(target.read_text(encoding="utf-8"))
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
        assert len(uris) == 1
        uri = uris.pop()
        parts = urlsplit(uri)
        assert not parts.scheme and not parts.query and not parts.fragment and parts.path == uri, uri
        assert all(0x21 <= ord(ch) < 0x7F for ch in uri), uri
        assert unquote(uri) == f"news/{name}"
        jsonschema.validate(log, schema)


# --------------------------------------------------------------------------------------------
# --changed-since


@pytest.fixture
def repo(tmp_path, monkeypatch):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True,
                       env=dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t",
                                GIT_COMMITTER_EMAIL="t@t"))

    git("init", "-q")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "old.md").write_text(OLD, encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "first")
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["ledger", "build", "news", "--ledger", "claims"]).exit_code == 0
    (tmp_path / "news" / "new.md").write_text(NEW, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("ref", ["--output=x", "-p", "--exec=touch pwned", "--no-index", "HEAD --output=y", "",
                                 "a\nb", "-"])
def test_changed_since_never_passes_an_option_to_git(repo, ref):
    result = runner.invoke(app, ["gate", "news", "--ledger", "claims", f"--changed-since={ref}"])
    assert result.exit_code == 2
    assert "--changed-since" in result.stderr and "Traceback" not in result.output
    assert not (repo / "x").exists() and not (repo / "y").exists() and not (repo / "pwned").exists()


def test_changed_since_an_unknown_ref_is_one_line(repo):
    result = runner.invoke(app, ["gate", "news", "--ledger", "claims", "--changed-since", "no-such-branch"])
    assert result.exit_code == 2
    assert [line for line in result.stderr.splitlines() if line] == [
        "factcheck: --changed-since: no such commit in this repository: 'no-such-branch'"]


def test_changed_since_a_real_ref_checks_the_new_article_only(repo):
    result = runner.invoke(app, ["gate", "news", "--ledger", "claims", "--changed-since", "HEAD"])
    assert "1 file changed since HEAD" in result.stderr
    assert result.exit_code == 1  # new.md contradicts the ledger


# --------------------------------------------------------------------------------------------
# a closed pipe on standard output


@pytest.mark.parametrize("args", [["extract", str(SEEDS)], ["extract", str(SEEDS), "--format", "json"],
                                  ["check", str(SEEDS)], ["ledger", "list", "--ledger", str(ROOT / "claims")]])
def test_a_closed_pipe_on_standard_output_exits_0(args):
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", *args, "--no-cache"] if args[0] != "ledger" else
                            [sys.executable, "-m", "factcheck", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.read(10)
    proc.stdout.close()  # the reader leaves, as `| head -c 10` does
    stderr = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert code == 0, stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr and "internal error" not in stderr


def test_a_pipe_closed_before_anything_is_written_exits_0():
    r, w = os.pipe()
    os.close(r)
    proc = subprocess.run([sys.executable, "-m", "factcheck", "check", str(SEEDS), "--format", "json", "--no-cache"],
                          stdout=w, stderr=subprocess.PIPE, cwd=ROOT, timeout=120)
    os.close(w)
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"Traceback" not in proc.stderr


# --------------------------------------------------------------------------------------------
# text reports are written atomically

TEXT_WRITER = """
import sys
from factcheck.api import run
from factcheck.cli import render
from factcheck.settings import Settings
from pathlib import Path
report = run([sys.argv[2]], Settings(), compare=True, cache_dir=None)
print("ready", flush=True)
while True:
    render(report, "text", Path(sys.argv[1]))
"""


def test_a_text_report_killed_at_random_points_is_the_old_or_the_new_one(tmp_path):
    from factcheck.api import run
    from factcheck.cli import render
    from factcheck.settings import Settings

    article = SEEDS / "004_8dc7adef4a87eb04.txt"
    whole = tmp_path / "whole.txt"
    render(run([str(article)], Settings(), compare=True, cache_dir=None), "text", whole)
    expected = whole.read_text(encoding="utf-8")
    target = tmp_path / "report.txt"
    target.write_text("the previous report\n", encoding="utf-8")
    rng = random.Random(13)
    kills = 0
    proc = None
    for _ in range(8):
        proc = subprocess.Popen([sys.executable, "-c", TEXT_WRITER, str(target), str(SEEDS / "004_8dc7adef4a87eb04.txt")],
                                cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready", proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills += 1
        text = target.read_text(encoding="utf-8")
        assert text in ("the previous report\n", expected), text[-200:]
    assert kills == 8  # benchmarks/hostile_battery.py kills many more, at every stage of a real run


def test_text_output_to_a_file_is_written_through_the_atomic_writer(tmp_path, monkeypatch):
    import factcheck.atomic as atomic

    calls = []
    real = atomic.write_atomic

    def spy(path, text, durable=True):
        calls.append(Path(path).name)
        return real(path, text, durable)

    monkeypatch.setattr(atomic, "write_atomic", spy)
    for command, name in (("extract", "e.txt"), ("check", "c.txt")):
        result = runner.invoke(app, [command, str(SEEDS), "-o", str(tmp_path / name), "--no-cache"])
        assert result.exit_code == 0
    assert calls == ["e.txt", "c.txt"]


def test_eval_and_config_print_article_text_and_settings_literally(tmp_path, monkeypatch):
    (tmp_path / "x\x1b[2J.md").write_text("---\ndate: 2024-03-01\n---\n[bold]大连[/bold]\x1b]52;c;eA==\x07智算中心算力达到 300P。\n",
                                          encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"format": "factcheck-gold/1", "documents": {}}), encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text('cache_dir = "c\\u001b[2Jx"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for args in (["eval", "--gold", str(gold), "."], ["config", "show"]):
        result = runner.invoke(app, args)
        _clean(result.stdout)
        _clean(result.stderr)
        assert "Traceback" not in result.output


def test_a_report_is_never_written_over_an_input_article(tmp_path):
    article = tmp_path / "a.md"
    article.write_text(NEW, encoding="utf-8")
    before = article.read_bytes()
    for args in (["check", str(article), "-o", str(article)], ["extract", str(article), "-f", "json", "-o", str(article)],
                 ["gate", str(article), "--ledger", str(tmp_path / "claims"), "--also", f"sarif={article}"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert f"{article}: is one of the input articles; it is not overwritten" in result.stderr
        assert article.read_bytes() == before


def test_eval_with_an_unreadable_input_names_it_and_exits_2():
    gold = FIXTURES / "gold" / "seeds.gold.json"
    result = runner.invoke(app, ["eval", "--gold", str(gold), str(SEEDS), str(SEEDS / "missing.txt")])
    assert result.exit_code == 2
    assert [x for x in result.stderr.splitlines() if x] == [f"factcheck: {SEEDS / 'missing.txt'}: no such file or folder"]


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_closed_standard_output_is_one_line(fmt):
    proc = subprocess.run([sys.executable, "-m", "factcheck", "extract", str(SEEDS / "004_8dc7adef4a87eb04.txt"),
                           "--format", fmt, "--no-cache"], stderr=subprocess.PIPE, cwd=ROOT, timeout=120,
                          preexec_fn=lambda: os.close(1))
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [
        "factcheck: <stdout>: standard output is closed; write the report to a file with -o FILE"]
