"""English date forms that news prints, resolved as a reader would against the article's
publication date (never the clock): the Nth week or month of a period, later/earlier this week,
open spans after a year, and the verb "may". Every article here is written for this test."""

from datetime import date

import pytest

from factcheck.api import read_and_extract
from factcheck.extract.en_dates import find_dates_en


def _dates(text: str, pub: date, precision: str = "day") -> dict[str, tuple[str, str, str | None]]:
    found = find_dates_en(text, lambda a, b: False, pub, pub_precision=precision)
    return {text[m.start : m.end]: (m.date_start, m.date_end, m.reason) for m in found}


def _extract(tmp_path, settings, text: str):
    path = tmp_path / "story.md"
    path.write_text(text, encoding="utf-8")
    _, claims, mentions, _, _ = read_and_extract([str(path)], settings, mentions=True)
    return claims, mentions


SCHEDULE = """---
title: Port operator sets out its dredging timetable
date: 2024-05-15T08:30:00+00:00
---
Business > Shipping

ROTTERDAM — The harbour authority said dredging of the outer channel will start in the first week of June
and should be finished within the last two weeks of 2024, weather permitting.
A second contractor is due on site in the third month of next year, the authority added.
Officials expect a decision on the tender later this week; the board met earlier this month to review bids.
Container volumes, which had fallen 4.2 percent earlier this year, are forecast to recover later this year.

Related: Canal tolls rise again
"""


def test_nth_week_and_month_of_a_period(tmp_path, settings):
    _, mentions = _extract(tmp_path, settings, SCHEDULE)
    dates = {m.text: m.date for m in mentions if m.kind == "date"}
    # weeks are calendar weeks, Monday to Sunday, that lie mostly inside the period (ISO 8601)
    assert (dates["the first week of June"].start, dates["the first week of June"].end) == ("2024-06-03", "2024-06-09")
    last_two = dates["the last two weeks of 2024"]
    assert (last_two.start, last_two.end) == ("2024-12-16", "2024-12-29")  # ISO week 1 of 2025 starts 30 December
    assert (dates["the third month of next year"].start, dates["the third month of next year"].end) == ("2025-03-01", "2025-03-31")


def test_later_and_earlier_parts_of_the_current_period(tmp_path, settings):
    _, mentions = _extract(tmp_path, settings, SCHEDULE)
    dates = {m.text: m.date for m in mentions if m.kind == "date"}
    # published on a Wednesday: later this week is Thursday to Sunday
    assert (dates["later this week"].start, dates["later this week"].end) == ("2024-05-16", "2024-05-19")
    assert (dates["earlier this month"].start, dates["earlier this month"].end) == ("2024-05-01", "2024-05-15")
    assert (dates["earlier this year"].start, dates["earlier this year"].end) == ("2024-01-01", "2024-05-15")
    assert (dates["later this year"].start, dates["later this year"].end) == ("2024-07-01", "2024-12-31")


def test_later_this_week_from_publication_when_past_midweek():
    found = _dates("Talks resume later this week, a spokesman said.", date(2024, 5, 18))  # a Saturday
    assert found["later this week"][:2] == ("2024-05-18", "2024-05-19")


def test_first_week_of_a_year_is_its_iso_week():
    found = _dates("Flights were cancelled in the first week of 2021 and again in the last week of 2019.", date(2022, 2, 1))
    assert found["the first week of 2021"][:2] == ("2021-01-04", "2021-01-10")  # 1 January 2021 was a Friday
    assert found["the last week of 2019"][:2] == ("2019-12-23", "2019-12-29")


def test_nth_week_of_a_month_without_a_year_takes_the_nearest():
    found = _dates("Ticket sales open in the second week of March.", date(2025, 2, 10))
    assert found["the second week of March"][:2] == ("2025-03-10", "2025-03-16")


def test_relative_forms_respect_a_coarse_publication_date():
    found = _dates("A ruling is expected later this week.", date(2024, 9, 1), precision="month")
    assert found["later this week"][:2] == (None, None)
    assert "finer than the publication date" in found["later this week"][2]
    found = _dates("Exports recovered later this year.", date(2024, 9, 1), precision="month")
    assert found["later this year"][:2] == ("2024-09-01", "2024-12-31")


COMMENTARY = """---
title: Why housing starts slowed
date: 2023-11-02
---
Starts averaged 1.4 million annually after 2018, against 1.1 million in the decade before.
Builders must finish the units no later than 2026, and permits issued after March 2022 carry a new levy.
Analysts say rates may stay high, and this may weigh on starts into next spring.
"""


def test_after_a_year_is_an_open_span_not_a_claim(tmp_path, settings):
    claims, mentions = _extract(tmp_path, settings, COMMENTARY)
    dates = {m.text: m for m in mentions if m.kind == "date"}
    after = dates["after 2018"]
    assert (after.date.start, after.date.end, after.reason) == ("2019-01-01", "9999-12-31", "open span")
    assert dates["after March 2022"].date.start == "2022-04-01"
    assert (dates["2026"].date.start, dates["2026"].reason) == ("2026-01-01", None)  # no later than: a deadline
    assert not any(c.kind == "date" and c.date.end == "9999-12-31" for c in claims)


def test_may_the_verb_is_no_month(tmp_path, settings):
    _, mentions = _extract(tmp_path, settings, COMMENTARY)
    assert not any(m.kind == "date" and "may" in m.text for m in mentions)


@pytest.mark.parametrize("sentence", ["Shortly after March 3 the plant reopened.", "Prices rose after March 3, 2022."])
def test_after_a_day_keeps_the_day(sentence):
    (found,) = _dates(sentence, date(2022, 6, 1)).values()
    assert found[0] == "2022-03-03"


PARTS = """---
title: Grain shipments resume
date: 2024-05-15
---
The first cargoes left in mid-April, after the port had been shut since late February 2024.
Traders expect the backlog to clear by the end of June, and a new terminal opens in early September.
Exports for the end of 2023 were revised.
"""


def test_parts_of_a_month(tmp_path, settings):
    _, mentions = _extract(tmp_path, settings, PARTS)
    dates = {m.text: (m.date.start, m.date.end) for m in mentions if m.kind == "date"}
    assert dates["mid-April"] == ("2024-04-10", "2024-04-20")
    assert dates["late February 2024"] == ("2024-02-16", "2024-02-29")
    assert dates["end of June"] == ("2024-06-21", "2024-06-30")
    assert dates["early September"] == ("2024-09-01", "2024-09-15")
    assert dates["the end of 2023"] == ("2023-12-01", "2023-12-31")  # a year's end stays its December


HOLIDAYS = """---
title: Retailers count the holiday takings
date: 2023-12-04
---
Footfall on Black Friday rose 3 percent, and online sales on Cyber Monday set a record.
Road traffic over Thanksgiving weekend was the heaviest since 2019, after a quiet Labor Day weekend.
Stores had already cut prices around Memorial Day and again for the weekend of Halloween.
"""


def test_holidays_and_their_weekends(tmp_path, settings):
    _, mentions = _extract(tmp_path, settings, HOLIDAYS)
    dates = {m.text: (m.date.start, m.date.end) for m in mentions if m.kind == "date"}
    assert dates["Black Friday"] == ("2023-11-24", "2023-11-24")  # the day after Thanksgiving
    assert dates["Cyber Monday"] == ("2023-11-27", "2023-11-27")
    assert dates["Memorial Day"] == ("2023-05-29", "2023-05-29")  # the last Monday of May
    assert dates["Thanksgiving weekend"] == ("2023-11-23", "2023-11-26")  # Thursday to Sunday
    assert dates["Labor Day weekend"] == ("2023-09-02", "2023-09-04")  # Saturday to the Monday holiday
    assert dates["the weekend of Halloween"] == ("2023-10-28", "2023-10-29")  # Halloween fell on a Tuesday
    assert not any(t.lower() == "the weekend" for t in dates)


def test_years_in_words():
    text = ("The mill opened in nineteen eighty six, closed on fifteen August nineteen ninety three and was sold "
            "in October two thousand and five. Its founder was born on January twenty five nineteen oh two.")
    found = _dates(text, date(2024, 5, 15))
    assert found["in nineteen eighty six"][:2] == ("1986-01-01", "1986-12-31")
    assert found["fifteen August nineteen ninety three"][:2] == ("1993-08-15", "1993-08-15")
    assert found["October two thousand and five"][:2] == ("2005-10-01", "2005-10-31")
    assert found["January twenty five nineteen oh two"][:2] == ("1902-01-25", "1902-01-25")


def test_counts_in_words_are_no_years():
    found = _dates("Rebuilding reached two thousand homes in twenty three villages by nineteen hundred hours.",
                   date(2024, 5, 15))
    assert found == {}


def test_the_week_of_a_day_and_the_week_beginning_it():
    text = "Hearings resume the week of June 12, and duty rotas for the week beginning 3 June are posted."
    found = _dates(text, date(2024, 5, 15))
    assert found["the week of June 12"][:2] == ("2024-06-10", "2024-06-16")  # Monday to Sunday
    assert found["the week beginning 3 June"][:2] == ("2024-06-03", "2024-06-09")


def test_from_now_to_a_date():
    text = "Between now and November 15 the agency will hire 300 staff, and the levy stays from now until 2030."
    found = _dates(text, date(2024, 5, 15))
    assert found["Between now and November 15"][:2] == ("2024-05-15", "2024-11-15")  # the coming November
    assert found["from now until 2030"][:2] == ("2024-05-15", "2030-12-31")


def test_figures_that_look_like_year_spans_or_dates_are_not():
    text = ("The 2021-25 plan is on track. Call +44 2010-2015-86 for the desk. The lab reported a ratio of "
            "30/4.85, and the home side won 2015 - 32 in the trial.")
    found = _dates(text, date(2024, 5, 15))
    assert found == {"2021-25": ("2021-01-01", "2025-12-31", None)}


HISTORY = """---
title: The mill that outlived its town
date: 2018-11-01
---
Built in the 19th century, the mill was sold in April of '87 and again on 15 April '99.
Output in Q1 2019 is forecast to double, and records from April in 2016 to June in 2017 are lost.
"""


def test_two_digit_years_centuries_and_quarters(tmp_path, settings):
    claims, mentions = _extract(tmp_path, settings, HISTORY)
    dates = {m.text: m for m in mentions if m.kind == "date"}
    assert (dates["April of '87"].date.start, dates["April of '87"].date.end) == ("1987-04-01", "1987-04-30")
    assert dates["15 April '99"].date.start == "1999-04-15"
    century = dates["the 19th century"]
    assert (century.date.start, century.date.end, century.reason) == ("1800-01-01", "1899-12-31", "century")
    assert (dates["Q1 2019"].date.start, dates["Q1 2019"].date.end) == ("2019-01-01", "2019-03-31")
    span = dates["from April in 2016 to June in 2017"]
    assert (span.date.start, span.date.end) == ("2016-04-01", "2017-06-30")
    assert not any(c.kind == "date" and c.date.precision == "century" for c in claims)
