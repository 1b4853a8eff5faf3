"""Articles written for the tests (never seen while building the rules): the extractor must generalise."""

from pathlib import Path

import pytest

from factcheck.api import read_and_extract
from factcheck.evaluate import load_gold, score
from tests.conftest import ARTICLES, GOLD


@pytest.fixture(scope="module")
def fixture_run(settings):
    return read_and_extract([str(ARTICLES)], settings)


@pytest.mark.parametrize("gold_name", ["pairs.gold.json", "unseen.gold.json"])
def test_fixture_articles_are_extracted_with_high_recall_and_precision(fixture_run, gold_name):
    _, claims, _, sources, loaded = fixture_run
    by_doc = {Path(s.document.path).name: (s.raw, [c for c in claims if c.document == s.document.id]) for s in sources}
    result = score(load_gold(GOLD / gold_name), by_doc)
    assert not result.missing_docs
    assert result.recall >= 0.90, result.as_dict()["misses"]
    assert result.precision >= 0.90, result.as_dict()["false_positive_claims"]
    assert result.value_accuracy >= 0.85, result.as_dict()["value_errors"]


def test_the_fixture_readme_is_not_read_as_an_article(fixture_run):
    assert not any(d.path.endswith("README.md") for d in fixture_run[0])
