"""The subject of an English figure, as a careful reader names it (SEMANTICS.md section 4).

Articles read like real pages (datelines, bylines, page chrome, machine-translated leads); the
sentences and figures are this test's own.
"""

from factcheck.api import read_and_extract, run
from factcheck.link import subject_key


class _Subjects(dict):
    """Claim text -> subject name; looked up by the figure as printed."""

    def __getitem__(self, figure: str):
        hits = [subject for text, subject in self.items() if figure in text]
        assert hits, f"no claim for {figure!r} in {list(self)}"
        return hits[0]


def _subjects(tmp_path, settings, text: str, name: str = "a.md", title: str | None = None) -> _Subjects:
    head = f"title: \"{title}\"\n" if title else ""
    (tmp_path / name).write_text(f"---\n{head}date: 2025-03-12\n---\n{text}\n", encoding="utf-8")
    _, claims, _, _, _ = read_and_extract([str(tmp_path / name)], settings)
    return _Subjects({c.text: c.subject.text if c.subject else None for c in claims})


CAMPUS = """\
Home > News > Construction

By Staff Reporter | Updated: March 12, 2025

Pinecrest Compute has filed plans for a $2.2 billion data center campus in Marysville, Kansas, with four buildings totaling 1.1 million square feet.

The campus would draw up to 300MW once complete. The first building is due to open in 2027.

Pinecrest's existing Kansas site, which opened in 2021, has 80MW of capacity and is 90% leased.

Subscribe for $1 | Cookies are kept for 30 days.
"""


def test_a_doer_opening_the_sentence_owns_the_unnamed_campus_it_builds(tmp_path, settings):
    got = _subjects(tmp_path, settings, CAMPUS, title="Cloud builder plans $2.2bn Kansas data center campus")
    campus = got["$2.2 billion"]
    assert campus.startswith("Pinecrest Compute") and "Marysville" in campus
    # "the campus" and the unnamed sentences after it are that campus, not the headline's description
    assert got["up to 300MW"] == campus
    assert got["in 2027"] == campus
    # the owner's older site is its own entity, not the new campus and not the company
    assert got["80MW"] == "Pinecrest's existing Kansas site"
    assert got["90%"] == "Pinecrest's existing Kansas site"


def test_a_possessive_owner_named_elsewhere_is_the_subject_not_the_place(tmp_path, settings):
    got = _subjects(tmp_path, settings,
                    "Advertisement\n\n"
                    "Tidewater Data Centres has begun work on BKK3, its third Bangkok facility, the company said on Tuesday.\n\n"
                    "Tidewater's Thailand portfolio now totals 72MW.\n\n"
                    "Thailand had about 410MW of data centre capacity at the end of last year, according to an industry survey.\n")
    assert got["72MW"] == "Tidewater Data Centres"
    assert got["Tuesday"] == "Tidewater Data Centres"  # the company said it: its own report's date
    # "data centre capacity" describes a kind of capacity: the figure is the country's
    assert got["about 410MW"] == "Thailand"


def test_the_speaker_of_said_on_a_date_is_the_dates_subject_but_a_source_for_figures(tmp_path, settings):
    got = _subjects(tmp_path, settings,
                    "KUALA LUMPUR: The Malaysian Investment Development Authority (MIDA) said on March 3 that "
                    "Kedah approved 11 data centre projects last year.\n\n"
                    "The lowest tariff was 38 sen per kWh, the energy ministry said on Friday.\n")
    assert got["March 3"] == "MIDA"
    assert got["Friday"] == "energy ministry"
    assert got["11 data centre projects"] != "MIDA"


def test_a_body_defined_with_its_acronym_is_named_by_it(tmp_path, settings):
    got = _subjects(tmp_path, settings,
                    "OSLO - Norway's National Centre for Computational Research (NCCR) said on Monday that its new "
                    "machine, Fjell-2, is in service.\n\n"
                    "Fjell-2 holds 2,048 GPUs and reaches 3.1 exaflops at low precision.\n\n"
                    "NCCR expects more than 900 research groups to use Fjell-2 this year.\n")
    assert got["Monday"] == "NCCR"
    assert got["2,048 GPUs"] == "Fjell-2"
    assert got["3.1 exaflops"] == "Fjell-2"


def test_a_company_with_its_suffix_is_one_name(tmp_path, settings):
    got = _subjects(tmp_path, settings,
                    "Harbourline Systems Co., Ltd. shipped 1,450 AI servers in the fourth quarter, while revenue "
                    "rose 31% from a year earlier.\n")
    assert got["1,450 AI servers"] == "Harbourline Systems"
    assert got["31%"] == "Harbourline Systems"


def test_common_words_opening_a_sentence_are_not_names(tmp_path, settings):
    got = _subjects(tmp_path, settings,
                    "The Elmfield AI Computing Centre opened in Leeds on Monday.\n\n"
                    "Construction began in 2023 and cost £180 million.\n\n"
                    "Cookies are stored for 30 days.\n")
    assert got["£180 million"] == "Elmfield AI Computing Centre"
    assert "Construction" not in got.values() and "Cookies" not in got.values()


def test_a_figure_before_a_named_centre_or_a_contract_for_it_describes_it(tmp_path, settings):
    got = _subjects(tmp_path, settings,
                    "The Nordic Compute Alliance has signed a €310 million procurement contract for ARKTIS-AI, the new "
                    "AI supercomputer in Luleå.\n\n"
                    "ARKTIS-AI will deliver 28 exaflops of AI performance.\n")
    assert got["€310 million"] == "ARKTIS-AI"
    assert got["28 exaflops"] == "ARKTIS-AI"


def test_two_outlets_naming_one_centre_differently_link(tmp_path, settings):
    """A machine-translated lead with a possessive owner, and a wire story with the full name: one centre."""
    (tmp_path / "wire.md").write_text(
        "---\ndate: 2025-03-10\n---\n"
        "SHAOXING, March 10 (Wire) -- The Shaoxing Binhai Intelligent Computing Center, built by China Mobile, "
        "has 420 petaflops of computing power, the city government said.\n", encoding="utf-8")
    (tmp_path / "mt.md").write_text(
        "---\ndate: 2025-03-11\n---\n"
        "ITWorld March 11 news, China Mobile's Shaoxing Binhai AI Computing Centre today officially put into use, "
        "computing power reaches 420 PFLOPS.\n", encoding="utf-8")
    (tmp_path / "zh.md").write_text("---\ndate: 2025-03-11\n---\n绍兴滨海智算中心正式投用，算力达到420P。\n", encoding="utf-8")
    report = run([str(tmp_path)], settings, compare=True)
    compute = {c.document: c for c in report.claims if c.unit == "PFLOPS"}
    assert compute["wire"].subject.key == subject_key("绍兴滨海智算中心")
    assert compute["mt"].subject.text == "China Mobile's Shaoxing Binhai AI Computing Centre"  # the owner is wrapping
    by_id = {c.id: c for c in report.claims}
    linked = [f for f in report.findings if f.kind == "agree"]
    pairs = [{by_id[i].document for i in f.claims} for f in linked]
    assert any({"wire", "mt"} <= p for p in pairs) and any({"mt", "zh"} <= p for p in pairs), pairs


WIRE = """\
Source: Zhejiang Daily | Editor: Wang Li

JINHUA, April 17 (Wire) -- The Jinhua Intelligent Computing Center, jointly built by the city government and China \
Unicom, was officially put into operation on Thursday, according to the city's big data bureau.

The center has a computing power of 500 PFLOPS in its first phase, and will reach 1,200 PFLOPS after the second \
phase is completed in 2026, said Zhang Wei, deputy director of the bureau.

It has signed agreements with 46 enterprises, and its utilization rate exceeds 80 percent.

According to the Zhejiang Provincial Department of Economy and Information Technology, the province's total \
computing power reached 18 EFLOPS by the end of 2024.

Sunrise Semiconductor Ltd., a local chipmaker, said its revenue rose 24 percent in the first quarter.
"""


def test_a_wire_story_about_a_centre_keeps_the_centre_through_builders_sources_and_pronouns(tmp_path, settings):
    got = _subjects(tmp_path, settings, WIRE, title="Jinhua AI computing center officially put into operation")
    centre = subject_key("金华智算中心")
    # the builders in ", jointly built by …," describe the centre; the date is the centre's opening
    assert subject_key(got["Thursday"]) == centre
    assert subject_key(got["500 PFLOPS"]) == centre and subject_key(got["1,200 PFLOPS"]) == centre
    # "It" and "its" with no name: the article's centre
    assert subject_key(got["46 enterprises"]) == centre and subject_key(got["80 percent"]) == centre
    # a provincial department is a source; "the province's total" is the province's
    assert subject_key(got["18 EFLOPS"]) == subject_key("浙江")
    # a company with its suffix, its own results: not "said its revenue"
    assert got["24 percent"] == "Sunrise Semiconductor"


def test_the_factory_points_at_the_ai_factory_named_before(tmp_path, settings):
    got = _subjects(tmp_path, settings,
                    "Home / News\n\n"
                    "Work has started on the Fjordline AI Factory near Bergen, a partnership of three universities.\n\n"
                    "Its first machine, HALDOR-1, will hold 1,536 GPUs.\n\n"
                    "The factory's buildings will reuse about 35% of their waste heat in the town's district heating.\n")
    assert got["about 35%"] == "Fjordline AI Factory"


ROUNDUP = """\
Data Center Investment News | Week 11

Corvex acquires three data centers in Columbus, Ohio

Corvex has acquired three data centers in the Columbus area, its first sites in the Midwest. Corvex now runs \
2.1 million sq ft of space across North America, Europe, and Japan, with 210MW of IT capacity.

Tallis Holdings, founded in 2019, has sold two facilities to a pension fund.

Brightwater is planning a 180MW data center campus in Lyon Township, with an investment of up to $2.5 billion. \
The company expects the first building to open in 2027.

Kestrel Data has broken ground on a new data center in Phoenix, Arizona, called PHX07. The 9-acre facility will \
provide 36MW of IT capacity.
"""


def test_a_news_roundup_names_each_item_after_its_own_doer(tmp_path, settings):
    got = _subjects(tmp_path, settings, ROUNDUP)
    # a one-word company that opens two sentences is a name; places in a list are where, not who
    assert got["three data centers"] == "Corvex"
    assert got["210MW"] == "Corvex"
    # the name before an appositive is the doer: its founding year is its own
    assert got["in 2019"] == "Tallis Holdings"
    # a one-word company the next sentence calls "the company"; the campus it plans is its own
    assert got["180MW"].startswith("Brightwater") and "Lyon Township" in got["180MW"]
    assert got["up to $2.5 billion"] == got["180MW"]
    # a new data center "called PHX07": the name it is given
    assert got["36MW"] == "PHX07"


def test_a_speaker_with_an_appositive_is_a_source_not_the_subject(tmp_path, settings):
    got = _subjects(tmp_path, settings,
                    "Chen Hao, deputy head of the city's data bureau, said revenue from computing services would "
                    "grow 30% this year.\n")
    assert got["30%"] != "Chen Hao"
