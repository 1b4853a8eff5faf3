"""English forms that real pages print: numerals in words and digits, percents, dates relative to
publication, glued units, counted nouns, ratios, scores, datelines and glosses, and English read on
mostly Chinese pages. Every article here is written for this test."""

from datetime import date

import pytest

from factcheck.api import read_and_extract
from factcheck.extract.en_dates import find_dates_en


def _extract(tmp_path, settings, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _, claims, mentions, _, _ = read_and_extract([str(path)], settings, mentions=True)
    return claims, mentions


def _by_text(items):
    return {c.text: c for c in items}


NUMBERS = """---
title: Regional compute survey
date: 2024-03-14T09:00:00+08:00
---
Home > Tech > Infrastructure

The survey counted one hundred and sixteen engineers on site, and three quarters of the racks were in use.
Operators reported 8.1 million users, nine million in the previous round, and 10.85M visits to the portal.
The province has committed RMB 4.2 billion to the second phase, about $580 million.
Energy use fell by minus 3.5 percent, to -12.5 on the index the operator publishes.
About twenty percent of jobs ran overnight; the cluster ran at 87 per cent load, and 4.5 pct of tasks failed.
Idle time was 2.5 p.c. of the total, and the error rate stayed at 1.5‰.

Share this article: Facebook | Twitter
"""


def test_english_numerals_in_words_and_digits(tmp_path, settings):
    claims, mentions = _extract(tmp_path, settings, "numbers.md", NUMBERS)
    found = _by_text(mentions)
    assert found["one hundred and sixteen engineers"].value == 116
    assert found["one hundred and sixteen engineers"].counted == "engineers"
    assert (found["three quarters"].value, found["three quarters"].unit) == (75, "percent")  # a share, not 0.75 racks
    assert found["8.1 million users"].value == 8_100_000
    assert found["nine million"].value == 9_000_000
    assert found["10.85M visits"].value == 10_850_000
    assert found["RMB 4.2 billion"].value == 4_200_000_000 and found["RMB 4.2 billion"].unit == "CNY"
    assert found["-12.5"].value == -12.5


def test_english_percents(tmp_path, settings):
    claims, _ = _extract(tmp_path, settings, "numbers.md", NUMBERS)
    percents = {c.text: c.value for c in claims if c.unit == "percent"}
    assert percents["minus 3.5 percent"] == -3.5
    assert percents["About twenty percent"] == 20
    assert percents["87 per cent"] == 87
    assert percents["4.5 pct"] == 4.5
    assert percents["2.5 p.c."] == 2.5
    assert percents["1.5‰"] == 0.15  # per mille


DATES = """---
title: Data centre timeline
date: 2024-03-14T10:00:00+08:00
---
The operator said yesterday that the hall opened on Friday, two years ago it was farmland,
and the next hall will open in three months. Testing ran April 12-19, after a pilot between 2019 and 2021.
The first contract was signed on Dec. 31, 1994, the plan was drafted in april 2017, and the review is due
the 3rd of May. An earlier notice was dated 1/31/2021. Engineers meet again next Monday.
Demand for such halls has grown since the 2010s.
"""


def test_english_dates_resolve_against_publication(tmp_path, settings):
    claims, mentions = _extract(tmp_path, settings, "dates.md", DATES)
    dates = {c.text: (c.date.start, c.date.end) for c in mentions if c.kind == "date" and c.date}
    assert dates["yesterday"] == ("2024-03-13", "2024-03-13")
    assert dates["Friday"][0] == "2024-03-08"  # the last Friday up to publication
    assert dates["two years ago"][0] == "2022-03-14"
    assert dates["in three months"][0] == "2024-06-14"
    assert dates["April 12-19"] == ("2024-04-12", "2024-04-19")
    assert dates["between 2019 and 2021"] == ("2019-01-01", "2021-12-31")
    assert dates["Dec. 31, 1994"][0] == "1994-12-31"
    assert dates["april 2017"] == ("2017-04-01", "2017-04-30")
    assert dates["the 3rd of May"][0] == "2024-05-03"
    assert dates["1/31/2021"][0] == "2021-01-31"
    assert dates["next Monday"][0] == "2024-03-18"
    assert dates["2010s"] == ("2010-01-01", "2019-12-31")


@pytest.mark.parametrize(("precision", "pub"), [("month", date(2024, 9, 1)), ("year", date(2024, 1, 1))])
def test_relative_dates_under_a_coarse_publication_date(precision, pub):
    text = "The hall opened yesterday, and a second one follows this year."
    found = {text[m.start : m.end]: m for m in find_dates_en(text, lambda a, b: False, pub, pub_precision=precision)}
    assert found["yesterday"].date_start is None and "publication date" in found["yesterday"].reason
    assert (found["this year"].date_start, found["this year"].date_end) == ("2024-01-01", "2024-12-31")


def test_month_relative_dates_resolve_under_month_precision():
    text = "Orders doubled last month."
    (m,) = find_dates_en(text, lambda a, b: False, date(2024, 9, 1), pub_precision="month")
    assert (m.date_start, m.date_end) == ("2024-08-01", "2024-08-31")


MIXED = """---
title: 华东智算中心扩容
date: 2024-05-10T08:00:00+08:00
---
华东智算中心二期工程已经完工（The centre now serves 36 clients across the region），算力达到500P。
Capacity: 100 percent
该中心计划明年再增加2000张加速卡。
"""


def test_a_line_is_read_by_every_language_it_contains(tmp_path, settings):
    claims, _ = _extract(tmp_path, settings, "mixed.md", MIXED)
    found = _by_text(claims)
    assert found["36 clients"].value == 36 and found["36 clients"].counted == "clients"
    assert found["100 percent"].value == 100
    assert any(c.value == 500 and c.unit == "PFLOPS" for c in claims), "the Chinese figure stays Chinese"
    assert any(c.value == 2000 and c.unit == "card" for c in claims)


GLUED = """---
title: Harbour compute hub in numbers
date: 2024-05-20T08:00:00+08:00
---
HARBOURTON, May 19 (Wire) - The Harbour AI Computing Center went online with 120P of AI computing power.
The second phase adds 450p of computing power, and the centre will reach 2,000P of computing capacity.
Operators installed 12.6M racks across the country, and the flagship machine delivers 3E OPS of integer
performance and 1.2 EFLOP of peak compute. Its rival reaches 5 exaflops, or 5,000 petaflop/s.
Its planned successor targets two quintillion floating-point operations per second.
A 1-EFLOPS system can perform one quintillion floating-point operations per second.
"""


def test_glued_units_and_spelled_flops(tmp_path, settings):
    claims, mentions = _extract(tmp_path, settings, "glued.md", GLUED)
    found = _by_text(claims)
    assert (found["120P"].value, found["120P"].unit) == (120, "PFLOPS")
    assert (found["450p"].value, found["450p"].unit) == (450, "PFLOPS")
    assert found["2,000P"].value == 2000
    assert (found["12.6M racks"].value, found["12.6M racks"].unit) == (12_600_000, "rack")
    assert (found["3E OPS"].value, found["3E OPS"].unit) == (3_000_000, "TOPS"), "integer ops stay apart from FLOPS"
    assert (found["1.2 EFLOP"].value, found["1.2 EFLOP"].unit) == (1200, "PFLOPS")
    assert found["reaches 5 exaflops"].value == found["5,000 petaflop/s"].value == 5000
    assert found["two quintillion floating-point operations per second"].value == 2000


def test_datelines_and_unit_glosses_are_not_claims(tmp_path, settings):
    claims, mentions = _extract(tmp_path, settings, "glued.md", GLUED)
    assert not any(c.text == "May 19" for c in claims)
    assert any(m.text == "May 19" and m.reason == "dateline" for m in mentions)
    gloss = "A 1-EFLOPS system can perform one quintillion floating-point operations per second."
    assert not any(c.sentence == gloss for c in claims)


COUNTS = """---
title: Cloud park keeps growing
date: 2024-06-03T08:00:00+08:00
---
The park's computing centre serves 36 clients and runs 1,024 CPUs. It also hosts 80,000 desktop PCs
and 3,000 domestically made AI accelerator cards.
The number of data-centre racks in use nationwide passed 6.4 million last year, up from 5.2 million a year earlier.
Its storage grew five times faster than the national average, equivalent to 20,000 personal computers.
On two benchmark lists, the centre's machine posted scores of 812.5 and 96.4, respectively.
As of the end of last year, the centre had 300 racks.
"""


def test_counted_nouns_before_and_after_the_number(tmp_path, settings):
    claims, _ = _extract(tmp_path, settings, "counts.md", COUNTS)
    found = _by_text(claims)
    assert (found["36 clients"].unit, found["36 clients"].counted) == ("count", "clients")
    assert found["1,024 CPUs"].counted == "cpus"
    assert found["80,000 desktop PCs"].counted == "pcs"
    assert found["3,000 domestically made AI accelerator cards"].unit == "card"
    assert (found["6.4 million"].value, found["6.4 million"].unit) == (6_400_000, "rack")
    assert found["5.2 million"].unit == "rack"


def test_ratios_equivalents_and_scores(tmp_path, settings):
    claims, _ = _extract(tmp_path, settings, "counts.md", COUNTS)
    found = _by_text(claims)
    assert (found["five times faster"].value, found["five times faster"].unit) == (5, "times")
    assert found["20,000 personal computers"].counted == "computers"
    scores = [c.value for c in claims if c.unit == "score"]
    assert scores == [812.5, 96.4]


def test_as_of_from_english_relative_time(tmp_path, settings):
    claims, _ = _extract(tmp_path, settings, "counts.md", COUNTS)
    found = _by_text(claims)
    assert found["6.4 million"].as_of == "2023"
    assert found["5.2 million"].as_of.startswith("2023-06")  # a year before publication
    assert found["300 racks"].as_of == "2023-12"
    assert not any(c.text == "a year earlier" for c in claims)


NEGATIVES = """---
title: Reader letters
date: 2024-02-02T08:00:00+08:00
---
Which one do you prefer? The one you mentioned is the road past the 4th exit.
The 180ml bottle and the A100 card were on the desk, next to a COVID-19 leaflet.
The 2023 rankings praised its 7 nanometres chips.
"""


def test_words_and_codes_that_are_not_numbers(tmp_path, settings):
    claims, mentions = _extract(tmp_path, settings, "negatives.md", NEGATIVES)
    assert not claims
    valued = [m.text for m in mentions if m.value is not None]
    assert not any(t in ("one", "4", "180", "100") for t in valued), valued


def test_a_bare_number_carries_its_value(tmp_path, settings):
    _, mentions = _extract(tmp_path, settings, "bare.md", "---\ndate: 2024-01-01\n---\nRoom 42 is on the left and seventy-five is next door.\n")
    found = _by_text(mentions)
    assert found["42"].value == 42 and found["42"].reason == "bare number"
    assert found["seventy-five"].value == 75


REAL_FORMS = """---
title: Harbour region grows its data centre estate
date: 2025-03-12T20:00:00+08:00
---
<p class="meta">Posted: 2025-03-11 09:30 | 2,315 views | 4 min read</p>
Marlow, March 11 (Bay Wire) Data centres used 19pc of the region's power, up 1.8pc on a year before.
TechDaily March 10 news, the operator today at a forum unveiled a 3.6-billion-yuan (about 500 million U.S. dollars) campus.
Its new cluster delivers 40 PFLOPs (TechDaily note: 1 PFLOPs is 10^15 floating-point operations per second), about 2.5 times
its older system, and memory bandwidth reaches 1.8x. Investors put in RM12 billion, 300 billion won and Rs 450 crore.
About a fifth of the capacity is reserved for research, with a PUE of 1.25 or lower, in 4,000 standard cabinets.
Orders peaked in the final quarter of 2024 and stood at 120 by the end of last year.
Also read: 7 ways operators cut cooling bills
"""


def test_forms_real_english_pages_print(tmp_path, settings):
    claims, mentions = _extract(tmp_path, settings, "real.md", REAL_FORMS)
    found = _by_text(claims)
    assert (found["19pc"].value, found["19pc"].unit) == (19, "percent")
    assert (found["3.6-billion-yuan"].value, found["3.6-billion-yuan"].unit) == (3_600_000_000, "CNY")
    assert found["about 500 million U.S. dollars"].unit == "USD", "a conversion into another currency is a figure of its own"
    assert (found["about 2.5 times"].value, found["about 2.5 times"].unit) == (2.5, "times")
    assert (found["reaches 1.8x"].value, found["reaches 1.8x"].unit) == (1.8, "times")
    assert found["RM12 billion"].unit == "MYR" and found["300 billion won"].unit == "KRW"
    assert found["Rs 450 crore"].value == 4_500_000_000 and found["Rs 450 crore"].unit == "INR"
    assert (found["About a fifth"].value, found["About a fifth"].unit) == (20, "percent")
    assert (found["1.25 or lower"].unit, found["1.25 or lower"].qualifier) == ("ratio", "at_most")
    assert found["4,000 standard cabinets"].unit == "rack"
    quarter = next(c for c in claims if c.kind == "date" and "final quarter" in c.text)
    assert (quarter.date.start, quarter.date.end) == ("2024-10-01", "2024-12-31")
    end = next(m for m in mentions if m.text == "the end of last year")
    assert (end.date.start, end.date.end) == ("2024-12-01", "2024-12-31")  # the end of a year is its December


def test_page_furniture_datelines_and_notes_are_not_claims(tmp_path, settings):
    claims, mentions = _extract(tmp_path, settings, "real.md", REAL_FORMS)
    texts = {c.text for c in claims}
    assert not {"2025-03-11", "March 11", "March 10", "today", "2,315 views", "7 ways"} & texts, texts
    assert not any("10^15" in t or t.startswith("1 PFLOPs") for t in texts)
    reasons = {m.text: m.reason for m in mentions if m.reason}
    assert reasons.get("March 11") == "dateline" and reasons.get("March 10") == "dateline"
    assert reasons.get("2025-03-11") == "page date"
