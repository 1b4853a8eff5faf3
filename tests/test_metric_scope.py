"""Figures that only look alike are different facts (SEMANTICS §3): an addition and the total it adds
to, the first phase and the second, inbound and international visitors, a quarter and the first nine
months, one rack and the whole campus, a sequential and a year-on-year rate. Each test runs two outlets
as a user would (`factcheck check` over a folder) and asserts no contradiction across scopes, and that a
true conflict in the same scope, written in other words, is still reported.

The articles are written for these tests, with page chrome; names and figures are made up.
"""

import pytest

from factcheck.api import run


def _check(tmp_path, settings, articles: dict[str, str]):
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = run([str(tmp_path)], settings, compare=True)
    by_id = {c.id: c for c in report.claims}
    return [(f.kind, sorted(by_id[i].text.strip() for i in f.claims)) for f in report.findings]


def _page(title: str, date: str, body: str) -> str:
    return f"---\ntitle: {title}\ndate: {date}\n---\n\n当前位置：首页 > 科技 > 正文\n\n{body}\n\n【责任编辑：王某】\n"


def _contradictions(findings, *texts):
    return [f for f in findings if f[0] == "contradict" and all(any(t in x for x in f[1]) for t in texts)]


ADDED = _page("江门滨海智算中心扩容", "2025-07-02T09:00:00+08:00",
              "江门滨海智算中心6月新增加速卡1200张，进一步扩充算力。\n\n截至6月底，江门滨海智算中心已部署加速卡5000张。")
TOTAL_ELSEWHERE = _page("江门滨海智算中心加速卡达5000张", "2025-07-03T10:00:00+08:00",
                        "记者从江门市工信局获悉，截至6月底，江门滨海智算中心已部署加速卡5000张，上架率超过七成。")
TOTAL_CONFLICT = _page("江门滨海智算中心加速卡4200张", "2025-07-03T11:00:00+08:00",
                       "据江门日报消息，截至6月底，江门滨海智算中心部署的加速卡共有4200张。")


def test_an_addition_is_not_the_total_it_adds_to(tmp_path, settings):
    findings = _check(tmp_path, settings, {"a.md": ADDED, "b.md": TOTAL_ELSEWHERE})
    assert not _contradictions(findings, "1200张"), findings
    assert any(f[0] == "agree" and any("5000张" in x for x in f[1]) for f in findings), "the totals still agree"


def test_two_totals_that_differ_still_contradict(tmp_path, settings):
    findings = _check(tmp_path, settings, {"a.md": ADDED, "c.md": TOTAL_CONFLICT})
    assert _contradictions(findings, "5000张", "4200张"), findings
    assert not _contradictions(findings, "1200张")


ENGLISH_ADDED = """---
title: Harbourline adds 2,000 GPUs
date: 2025-04-10T08:00:00+00:00
---
Home > Cloud > Infrastructure

Harbourline Cloud added 2,000 GPUs to its Tema campus this quarter, taking the fleet there to 9,000 GPUs.

Posted: 2025-04-10 08:00 | 1,204 views
"""
ENGLISH_OTHER = """---
title: Tema campus now runs 9,000 GPUs
date: 2025-04-11T08:00:00+00:00
---
Harbourline Cloud's Tema campus now runs 9,000 GPUs, the company said on Friday.
"""
ENGLISH_CONFLICT = """---
title: Tema campus runs 7,500 GPUs
date: 2025-04-11T09:00:00+00:00
---
Harbourline Cloud's Tema campus now runs 7,500 GPUs, a filing showed.
"""


def test_english_more_and_added_gpus_are_not_the_fleet(tmp_path, settings):
    findings = _check(tmp_path, settings, {"a.md": ENGLISH_ADDED, "b.md": ENGLISH_OTHER})
    assert not _contradictions(findings, "2,000 GPUs"), findings
    findings = _check(tmp_path, settings, {"c.md": ENGLISH_CONFLICT})
    assert _contradictions(findings, "9,000 GPUs", "7,500 GPUs"), findings


PHASES = _page("鹤山云谷数据中心一期投运", "2025-03-20T09:00:00+08:00",
               "鹤山云谷数据中心一期算力为300P，二期算力为500P，两期均由本地国资平台投资建设。")
FIRST_PHASE_AGAIN = _page("鹤山云谷数据中心首期300P", "2025-03-21T09:00:00+08:00",
                          "鹤山云谷数据中心首期算力300P已全部投入使用。")
FIRST_PHASE_CONFLICT = _page("鹤山云谷数据中心首期350P", "2025-03-21T10:00:00+08:00",
                             "鹤山云谷数据中心首期算力350P已全部投入使用。")


def test_phases_are_separate_facts_and_first_phase_is_one_name(tmp_path, settings):
    findings = _check(tmp_path, settings, {"a.md": PHASES, "b.md": FIRST_PHASE_AGAIN})
    assert not [f for f in findings if f[0] == "contradict"], findings
    assert any(f[0] == "agree" and {"300P"} <= {x.replace("为", "") for x in f[1]} for f in findings) or any(
        f[0] == "agree" and sum("300P" in x for x in f[1]) == 2 for f in findings
    ), findings  # 一期 and 首期 name the same phase
    findings = _check(tmp_path, settings, {"c.md": FIRST_PHASE_CONFLICT})
    assert _contradictions(findings, "300P", "350P"), findings
    assert not _contradictions(findings, "500P")


VISITORS = """---
title: 珠澳口岸8月客流
date: 2025-09-03T10:00:00+08:00
---
珠海拱北口岸8月共验放入境旅客约310万人次，其中内地旅客约240万人次，国际旅客约18万人次。

分享到：微信 | 微博 | QQ空间
"""
VISITORS_CONFLICT = """---
title: 拱北口岸入境旅客
date: 2025-09-03T12:00:00+08:00
---
珠海拱北口岸8月共验放入境旅客约420万人次。
"""


def test_sub_populations_are_not_the_whole(tmp_path, settings):
    findings = _check(tmp_path, settings, {"a.md": VISITORS})
    assert not [f for f in findings if f[0] == "contradict"], findings
    findings = _check(tmp_path, settings, {"b.md": VISITORS_CONFLICT})
    assert _contradictions(findings, "310万人次", "420万人次"), findings
    assert not _contradictions(findings, "240万人次") and not _contradictions(findings, "18万人次")


QUARTER = """---
title: 星海微电子第三季度营收3.1亿元
date: 2025-10-28T18:00:00+08:00
---
星海微电子第三季度营收3.1亿元，前三季度营收8.9亿元，第三季度营收环比增长15%，同比增长62%。
"""
NINE_MONTHS_CONFLICT = """---
title: 星海微电子前三季度营收9.6亿元
date: 2025-10-28T21:00:00+08:00
---
据证券日报消息，星海微电子前三季度营收9.6亿元。星海微电子第三季度营收同比增长48%。
"""


def test_a_quarter_is_not_nine_months_and_sequential_is_not_year_on_year(tmp_path, settings):
    findings = _check(tmp_path, settings, {"a.md": QUARTER})
    assert not [f for f in findings if f[0] == "contradict"], findings
    findings = _check(tmp_path, settings, {"b.md": NINE_MONTHS_CONFLICT})
    assert _contradictions(findings, "8.9亿元", "9.6亿元"), findings
    assert _contradictions(findings, "62%", "48%"), "two year-on-year rates of one quarter"
    assert not _contradictions(findings, "15%") and not _contradictions(findings, "3.1亿元")


def test_first_nine_months_is_one_period_however_written(settings):
    from factcheck.api import read_and_extract

    keys = set()
    for text in ("星海微电子前三季度营收8.9亿元。", "星海微电子1-9月营收8.9亿元。", "星海微电子今年前9个月营收8.9亿元。"):
        _, claims, _, _, _ = read_and_extract(["-"], settings, stdin=__import__("io").StringIO(text))
        keys |= {c.metric.key for c in claims if c.unit == "CNY"}
    assert len(keys) == 1 and "m1-9" in next(iter(keys)), keys


@pytest.mark.parametrize("per_rack", ["Racks are built for 40 kW per rack.", "Each rack draws up to 40 kW."])
def test_a_rack_is_not_the_campus(tmp_path, settings, per_rack):
    one = f"""---
title: Volta Park campus power
date: 2025-05-06T09:00:00+00:00
---
The Volta Park data campus draws 60 MW from the grid. {per_rack}
"""
    other = """---
title: Volta Park campus power
date: 2025-05-07T09:00:00+00:00
---
The Volta Park data campus draws 75 MW from the grid, the utility said.
"""
    findings = _check(tmp_path, settings, {"a.md": one})
    assert not [f for f in findings if f[0] == "contradict"], findings
    findings = _check(tmp_path, settings, {"b.md": other})
    assert _contradictions(findings, "60 MW", "75 MW"), findings
    assert not _contradictions(findings, "40 kW")


MILESTONES = _page("临沂云端智算中心建成", "2025-01-10T09:00:00+08:00",
                   "临沂云端智算中心于2024年3月开工，2024年9月建成，2024年12月正式投运。")
OPENING_ELSEWHERE = _page("临沂云端智算中心投运", "2025-01-11T09:00:00+08:00",
                          "临沂云端智算中心2024年12月投运，算力规模为600P。")
COMPLETION_CONFLICT = _page("临沂云端智算中心建成", "2025-01-11T10:00:00+08:00",
                            "临沂云端智算中心2024年11月建成。")


def test_start_completion_and_opening_are_three_milestones(tmp_path, settings):
    findings = _check(tmp_path, settings, {"a.md": MILESTONES, "b.md": OPENING_ELSEWHERE})
    assert not [f for f in findings if f[0] == "contradict"], findings
    assert any(f[0] == "agree" and sum("12月" in x for x in f[1]) == 2 for f in findings), findings
    findings = _check(tmp_path, settings, {"c.md": COMPLETION_CONFLICT})
    assert _contradictions(findings, "2024年9月", "2024年11月"), findings
    assert not _contradictions(findings, "2024年12月")
