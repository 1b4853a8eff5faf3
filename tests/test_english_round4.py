"""English forms real pages print, fourth round: fiscal years (FY2027, FY28, fiscal 2026, FY2025/26,
the year to March 2026), a first phase set off by commas at the head of its sentence, a country's
total in a sentence that names no one, and "the company said Tuesday" after a consortium's leader.
Every article is written for these tests (wire reposts, page chrome, machine-translated English)."""

from factcheck.api import read_and_extract, run
from factcheck.link import subject_key

WIRE = """---
title: Norvale Solar plans $1.2 billion Atacama farm
date: 2026-03-04
---
Home | Markets | Energy | Subscribe

Norvale Solar plans $1.2 billion Atacama farm

SANTIAGO, March 4 (Andes Wire) - Norvale Solar will spend $1.2 billion on a solar farm in the Atacama
desert, the developer said on Wednesday.

The first phase, costing $400 million, will add 300 MW by FY2027, with the full 900 MW farm due in fiscal 2029.

Norvale Solar expects revenue of $2.3 billion in FY28. Its FY2025/26 profit was $310 million.
Revenue in the year to March 2026 was $1.9 billion; revenue for 1H FY26 was $0.8 billion.

Share this article: Facebook | X | LinkedIn
"""

REPOST_MT = """---
title: Norvale Solar Atacama solar base signs contract
date: 2026-03-06
---
Reposted from Andes Business Daily. Shared 312 times.

Norvale Solar has invested total investment of 1.2 billion US dollars in the Atacama solar base project.

The first phrase invests 400 million US dollars, with a capacity of 300 MW, and the project reaches 900 MW when completed.

Disclaimer: this article is reprinted for information only.
"""


def _claims(tmp_path, settings, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _, claims, _, _, _ = read_and_extract([str(path)], settings)
    return claims


def _by_text(claims):
    return {c.text: c for c in claims}


def test_fiscal_years_are_dates_named_for_their_year(tmp_path, settings):
    got = _by_text(_claims(tmp_path, settings, "wire.md", WIRE))
    assert (got["FY2027"].date.start, got["FY2027"].date.end) == ("2027-01-01", "2027-12-31")
    assert got["fiscal 2029"].date.start == "2029-01-01"
    assert got["FY28"].date.start == "2028-01-01"
    # a fiscal year over two calendar years is the year it ends in, as FY26 is
    assert (got["FY2025/26"].date.start, got["FY2025/26"].date.end) == ("2026-01-01", "2026-12-31")
    # the year to March 2026 is the twelve months that end with March
    assert (got["the year to March 2026"].date.start, got["the year to March 2026"].date.end) == ("2025-04-01", "2026-03-31")
    # the first half of a fiscal year is no whole year (its months depend on the company)
    assert "FY26" not in got and "1H FY26" not in got
    assert got["$2.3 billion"].as_of == "2028"


def test_a_year_ended_on_a_day_and_a_financial_year(tmp_path, settings):
    text = ("---\ndate: 2025-08-20\n---\nKestrel Data Centres reported revenue of A$246 million for the financial "
            "year ended 30 June 2025, and guided to capex of A$300 million in the 2026 financial year.\n")
    got = _by_text(_claims(tmp_path, settings, "results.md", text))
    ended = got["the financial year ended 30 June 2025"]
    assert (ended.date.start, ended.date.end) == ("2024-07-01", "2025-06-30")
    assert got["2026 financial year"].date.start == "2026-01-01"
    assert got["A$246 million"].as_of == "2025-06"


def test_a_first_phase_at_the_head_of_its_sentence_is_not_the_whole_project(tmp_path, settings):
    got = _by_text(_claims(tmp_path, settings, "wire.md", WIRE))
    assert got["$400 million"].metric.key.endswith("@phase1|fixed")
    assert got["300 MW"].metric.key.startswith("power@phase1")
    assert "@phase1" not in got["900 MW"].metric.key  # "the full 900 MW farm" is the whole again
    assert "@phase" not in got["$1.2 billion"].metric.key


def test_phase_and_total_never_contradict_across_a_wire_and_its_machine_translation(tmp_path, settings):
    (tmp_path / "wire.md").write_text(WIRE, encoding="utf-8")
    (tmp_path / "repost.md").write_text(REPOST_MT, encoding="utf-8")
    findings = run([str(tmp_path)], settings, compare=True, jobs=1).findings
    assert not [f for f in findings if f.kind == "contradict"], [f.why for f in findings]
    across = [f.why for f in findings if f.kind in ("agree", "plan_met") and f.documents == 2]
    # the first phase's 300 MW and the whole farm's 900 MW each meet their own restatement, never each other
    assert any("300 megawatt" in w and "900" not in w for w in across), across
    assert any("900 megawatt" in w and "300" not in w for w in across), across


def test_a_total_in_a_sentence_naming_no_one_is_the_countrys(tmp_path, settings):
    text = """---
title: Brightwater wins approval for Texas battery sites
date: 2025-03-03
---
<nav>Power | Grid | Storage</nav>
<h1>US grid adds record storage as Brightwater wins approval</h1>
<p>Close to 12 gigawatts of battery storage were added to the U.S. grid last year, the Energy Information Administration said on Monday.</p>
<p>Separately, Brightwater Storage won approval for six battery sites totalling 640 megawatts in Texas.</p>
<p>About 4.1 GW of utility-scale solar was added in the fourth quarter alone.</p>
<p>Brightwater Storage expects the first sites to run by mid-2026.</p>
"""
    claims = _claims(tmp_path, settings, "grid.md", text)
    got = _by_text(claims)
    assert subject_key(got["About 4.1 GW"].subject.text) == subject_key("United States")
    assert subject_key(got["640 megawatts"].subject.text) == subject_key("Brightwater Storage")


def test_the_company_said_tuesday_after_a_consortiums_leader(tmp_path, settings):
    text = """---
date: 2025-10-14
---
<div class="crumb">Home &gt; Tech</div>
<p>LISBON, Oct. 14 (Iberia Wire) -- A consortium led by Tagus Compute plans to spend about 2.1 billion euros on
a data centre campus near Sines, the company said Tuesday.</p>
<p>The Atlantico Data Campus will house up to 12 data halls.</p>
<p>Tagus Compute holds 60 percent of the project company.</p>
"""
    got = _by_text(_claims(tmp_path, settings, "wire.html", text))
    assert got["Tuesday"].date.start == "2025-10-14"
    assert subject_key(got["Tuesday"].subject.text) == subject_key("Tagus Compute")
