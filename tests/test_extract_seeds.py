"""Extraction on the five seed articles, scored against the hand annotation (the issue's bars)."""

from pathlib import Path

import pytest

from factcheck.evaluate import load_gold, score
from tests.conftest import GOLD


@pytest.fixture(scope="module")
def seed_score(seed_run):
    documents, claims, _, sources, _ = seed_run
    by_doc = {Path(s.document.path).name: (s.raw, [c for c in claims if c.document == s.document.id]) for s in sources}
    return score(load_gold(GOLD / "seeds.gold.json"), by_doc)


def test_seed_extraction_meets_the_accuracy_bars(seed_score):
    assert seed_score.recall >= 0.95, seed_score.as_dict()["misses"]
    assert seed_score.precision >= 0.95, seed_score.as_dict()["false_positive_claims"]
    assert seed_score.value_accuracy >= 0.97, seed_score.as_dict()["value_errors"]
    assert seed_score.subject_accuracy >= 0.85, seed_score.as_dict()["subject_errors"]


def test_every_span_points_at_its_text_in_the_original_file(seed_run):
    _, claims, mentions, sources, _ = seed_run
    raw = {s.document.id: s.raw for s in sources}
    for c in claims + mentions:
        assert raw[c.document][c.span.start : c.span.end] == c.text
        line_start = raw[c.document].rfind("\n", 0, c.span.start) + 1
        assert c.column == c.span.start - line_start + 1


def test_no_claim_from_urls_attributes_phone_numbers_or_spam(seed_run):
    _, claims, _, sources, _ = seed_run
    for c in claims:
        assert "http" not in c.text and "@" not in c.text
        assert "13244777854" not in c.text
        assert not any(word in c.sentence for word in ("国产精品", "國產精品", "视频", "data-width"))


def test_gmt_timestamp_becomes_china_date(seed_run):
    documents = {d.id: d for d in seed_run[0]}
    assert documents["000_74b131ee0bc25097"].published.isoformat() == "2021-07-09T04:33:00+08:00"
    assert documents["004_8dc7adef4a87eb04"].published.date().isoformat() == "2025-02-06"


def test_glossed_traditional_units_normalise(seed_run):
    claims = [c for c in seed_run[1] if c.document == "004_8dc7adef4a87eb04"]
    by_text = {c.text: c for c in claims}
    racks = by_text["超 830 萬(wàn)標(biāo)準(zhǔn)機(jī)架"]
    assert (racks.value, racks.unit, racks.qualifier, racks.lower_open) == (8_300_000, "rack", "at_least", True)
    assert by_text["高達(dá) 246 Eflops"].value == 246_000 and by_text["高達(dá) 246 Eflops"].unit == "PFLOPS"
    assert by_text["約 5000P"].lower == 4500 and by_text["約 5000P"].upper == 5500
    assert racks.as_of == "2024-06"
