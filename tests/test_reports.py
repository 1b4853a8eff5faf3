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
    assert "script" not in parser.tags and "img" not in parser.tags and "a" not in parser.tags
    assert "onerror" not in parser.attrs and "src" not in parser.attrs
    assert "&lt;script&gt;" in page and "&lt;img" in page


def test_markdown_report_escapes_links_pipes_and_backticks(tmp_path, settings):
    report = _report(tmp_path, settings)
    text = render_markdown(report, title=next(d.title for d in report.documents if d.id == "hostile"))
    assert "[click](http://evil)" not in text and "\\[click\\]" in text
    assert "[link](javascript" not in text
    body = "\n".join(line for line in text.splitlines() if not line.startswith("|"))
    assert "`x`" not in body and " | [" not in body
