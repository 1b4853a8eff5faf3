"""The HTML report in a real browser: headless Chromium opens the report of the seeds and the
example articles (a wire copy, a traditional-script restatement, a contradicting figure, a series
over three years), and checks what a reader sees. Saves reports/report.png, which the README shows.

Skipped when no Chromium is installed, unless FACTCHECK_REQUIRE_BROWSER is set (.ci/run sets it
after installing Debian's chromium), so CI never passes by skipping it.
"""

import json
import os
from pathlib import Path

import pytest

from factcheck.api import run
from factcheck.report.html import render_html
from tests.browser import Browser, find_chromium
from tests.conftest import SEEDS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
CHROMIUM = find_chromium()

pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("FACTCHECK_REQUIRE_BROWSER"),
    reason="no chromium installed (apt-get install chromium); .ci/run installs it",
)


@pytest.fixture(scope="module")
def page(tmp_path_factory, request):
    from factcheck.settings import Settings

    report = run([str(SEEDS), str(EXAMPLES)], Settings(), compare=True)
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render_html(report, "factcheck: seeds and example articles"), encoding="utf-8")
    assert CHROMIUM, "FACTCHECK_REQUIRE_BROWSER is set but no chromium was found"
    with Browser(CHROMIUM) as browser:
        browser.open(path.as_uri())
        yield browser, report


def test_the_report_renders_without_a_console_error(page):
    browser, _ = page
    assert browser.errors() == []


def test_the_first_screen_shows_the_documents_and_the_counts(page):
    browser, report = page
    rows = browser.evaluate("document.querySelectorAll('#documents tbody tr').length")
    assert rows == len(report.documents)
    lede = browser.evaluate("document.querySelector('.lede').innerText")
    assert f"{len(report.documents)} documents read" in lede and "contradiction" in lede
    table_top = browser.evaluate("document.getElementById('documents').getBoundingClientRect().top")
    assert table_top < 900  # in the first screen of a laptop window


def test_a_contradiction_comes_before_any_agreement(page):
    browser, _ = page
    order = browser.evaluate("""(() => {
        const c = document.querySelector('.fact.contradict');
        const a = document.querySelector('[data-verdict="agree"]');
        return [c.getBoundingClientRect().top + scrollY, a.getBoundingClientRect().top + scrollY,
                !!(c.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING)];
    })()""")
    assert order[2] and order[0] < order[1]
    values = browser.evaluate("document.querySelectorAll('.fact.contradict')[0].querySelectorAll('.value').length")
    assert values >= 2  # the competing values side by side


def test_each_timeline_draws_its_points_and_names_their_sources(page):
    browser, _ = page
    charts = browser.evaluate("""[...document.querySelectorAll('svg.timeline')].map(svg => ({
        expected: +svg.dataset.points,
        drawn: [...svg.querySelectorAll('g.point circle')].filter(c => c.getBBox().width > 0).length,
        named: [...svg.querySelectorAll('g.point')].every(g => g.dataset.sources && g.querySelector('title')),
        clash: [...svg.querySelectorAll('g.point.clash circle')].map(c => c.getAttribute('cx')),
        width: svg.getBoundingClientRect().width,
    }))""")
    assert charts, "no timeline"
    for chart in charts:
        assert chart["expected"] >= 2 and chart["drawn"] == chart["expected"] and chart["named"] and chart["width"] > 200
    # the example series has two figures for one month: two points at one date
    assert any(len(c["clash"]) >= 2 and len(set(c["clash"])) < len(c["clash"]) for c in charts)


def test_quotes_are_clean_marked_and_tagged_with_their_language(page):
    browser, _ = page
    quotes = browser.evaluate("""[...document.querySelectorAll('blockquote')].map(q => ({
        lang: q.lang, text: q.innerText, marks: q.querySelectorAll('mark').length}))""")
    assert quotes and all(q["lang"] in ("zh-Hans", "zh-Hant", "en") for q in quotes)
    assert all(q["marks"] >= 1 for q in quotes)
    assert {"zh-Hans", "zh-Hant"} <= {q["lang"] for q in quotes}
    assert not any("(dá)" in q["text"] or "<" in q["text"] for q in quotes)


def test_the_board_filters_by_verdict_and_folds_agreements(page):
    browser, _ = page
    ids = browser.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))  # every anchor leads to one place
    targets = browser.evaluate("[...document.querySelectorAll('a[href^=\"#\"]')].map(a => a.getAttribute('href').slice(1))")
    assert targets and set(targets) <= set(ids)
    folded = browser.evaluate("[...document.querySelectorAll('#board details')].every(d => !d.open)")
    assert folded
    shown = browser.evaluate("""(() => {
        const s = document.getElementById('f-verdict');
        s.value = 'contradict'; s.dispatchEvent(new Event('change'));
        const rows = [...document.querySelectorAll('#board tr[data-verdict]')].filter(r => !r.hidden);
        const out = rows.map(r => r.dataset.verdict);
        s.value = ''; s.dispatchEvent(new Event('change'));
        return out;
    })()""")
    assert shown and set(shown) == {"contradict"}


def test_screenshot_for_the_readme(page):
    browser, _ = page
    target = ROOT / "reports" / "report.png"
    browser.screenshot(target)
    assert target.stat().st_size > 10_000
    assert json.dumps(browser.errors()) == "[]"


def test_on_a_phone_the_page_fits_the_screen(page):
    browser, _ = page
    browser.call("Emulation.setDeviceMetricsOverride", session=True, width=390, height=844, deviceScaleFactor=2, mobile=True)
    try:
        widths = browser.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1] + 1
    finally:
        browser.call("Emulation.setDeviceMetricsOverride", session=True, width=1280, height=900, deviceScaleFactor=1, mobile=False)
