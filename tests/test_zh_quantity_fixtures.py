"""The Chinese quantity fixtures (tests/fixtures/zh_quantities): each article's figures as a reader
takes them, and the glosses, words and idioms that are no claim (see the folder's README)."""

import json
from pathlib import Path

import pytest

from factcheck.extract.claims import extract_source
from factcheck.ingest.loader import Loaded, iter_sources

FIXTURES = Path(__file__).parent / "fixtures" / "zh_quantities"
GOLD = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))


def _extract(name):
    [source] = list(iter_sources([str(FIXTURES / name)], Loaded()))
    extraction = extract_source(source, mentions=True)
    return extraction.claims, extraction.mentions


CASES = [(name, item) for name, gold in GOLD.items() for item in gold["claims"]]


@pytest.fixture(scope="module")
def extracted():
    return {name: _extract(name) for name in GOLD}


@pytest.mark.parametrize("name, item", CASES, ids=[f"{n[:2]}:{i['text']}" for n, i in CASES])
def test_fixture_figures_are_claims_with_their_value_and_unit(extracted, name, item):
    claims, _ = extracted[name]
    found = [c for c in claims if c.text == item["text"]]
    assert found, (item["text"], [c.text for c in claims])
    claim = found[0]
    assert claim.value == pytest.approx(item["value"]) and claim.unit == item["unit"]
    for end in ("lower", "upper"):
        if end in item:
            assert getattr(claim, end) == (pytest.approx(item[end]) if item[end] is not None else None)
    if "counted" in item:
        assert claim.counted == item["counted"]


@pytest.mark.parametrize("name", [n for n, g in GOLD.items() if g["not_claims"]])
def test_fixture_glosses_and_words_are_not_claims(extracted, name):
    claims, _ = extracted[name]
    texts = {c.text for c in claims}
    assert not texts & set(GOLD[name]["not_claims"])


def test_mu_is_an_area_in_square_metres(extracted):
    gold = GOLD["01_park_phase_two.md"]["area"]
    claim = next(c for c in extracted["01_park_phase_two.md"][0] if c.text == gold["text"])
    assert claim.unit == "square_metre" and claim.value == pytest.approx(gold["square_metres"], rel=1e-6)
