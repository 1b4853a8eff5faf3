"""Markdown and HTML reports: self-contained, and no article text ever becomes markup."""

from html.parser import HTMLParser

from factcheck.api import run
from factcheck.report.html import render_html
from factcheck.report.markdown import render_markdown

HOSTILE = """---
title: "<script>alert(1)</script> | [click](http://evil) `x`"
date: 2025-02-07T09:00:00+08:00
---
<p>北京已建成智能算力总规模约7000P &lt;img src=x onerror=alert(1)&gt; | [link](javascript:alert(1)) ` ::error::x</p>
"""
SAME_TIME = """---
title: 北京智算
date: 2025-02-06T09:00:00+08:00
---
<p>北京已建成智能算力总规模约5000P。</p>
"""


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]
        if tag == "a":
            self.hrefs = [*getattr(self, "hrefs", []), dict(attrs).get("href", "")]


def _report(tmp_path, settings):
    (tmp_path / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "base.md").write_text(SAME_TIME, encoding="utf-8")
    return run([str(tmp_path)], settings, compare=True)


def test_html_report_escapes_article_text(tmp_path, settings):
    report = _report(tmp_path, settings)
    assert any(f.kind == "contradict" for f in report.findings)
    page = render_html(report, title=next(d.title for d in report.documents if d.id == "hostile"))
    parser = _Tags()
    parser.feed(page)
    # the page's one script is its own filter code, allowed by hash; links only jump inside the page
    assert parser.tags.count("script") == 1 and "img" not in parser.tags
    assert all(h.startswith("#") for h in getattr(parser, "hrefs", []))
    assert "onerror" not in parser.attrs and "src" not in parser.attrs
    assert "&lt;script&gt;" in page  # the title, shown as text; a tag inside a quote is dropped as debris


def test_markdown_report_escapes_links_pipes_and_backticks(tmp_path, settings):
    report = _report(tmp_path, settings)
    text = render_markdown(report, title=next(d.title for d in report.documents if d.id == "hostile"))
    assert "[click](http://evil)" not in text and "\\[click\\]" in text
    assert "[link](javascript" not in text
    body = "\n".join(line for line in text.splitlines() if not line.startswith("|"))
    assert "`x`" not in body and " | [" not in body


def test_terminal_output_strips_escape_sequences_from_article_text(tmp_path):
    from typer.testing import CliRunner

    from factcheck.cli import app

    article = tmp_path / "evil.md"
    article.write_text("---\ndate: 2025-02-06\n---\n北京已建成智能算力总规模约5000P\x1b[2J\x1b]0;owned\x07。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article)])
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_a_failed_report_write_is_exit_2_and_keeps_the_old_file(tmp_path, monkeypatch):
    import errno
    import os

    from typer.testing import CliRunner

    from factcheck.cli import app
    from tests.conftest import SEEDS

    target = tmp_path / "report.json"
    target.write_text("previous report\n", encoding="utf-8")

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    result = CliRunner().invoke(app, ["check", str(SEEDS / "004_8dc7adef4a87eb04.txt"), "--format", "json", "-o", str(target)])
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr and "previous file is unchanged" in result.stderr
    assert target.read_text(encoding="utf-8") == "previous report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_an_output_path_under_a_file_is_a_clear_error(tmp_path):
    from typer.testing import CliRunner

    from factcheck.cli import app
    from tests.conftest import SEEDS

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(SEEDS), "--format", "html", "-o", str(blocker / "out.html")])
    assert result.exit_code == 2 and "cannot write" in result.stderr and "Traceback" not in result.stderr
