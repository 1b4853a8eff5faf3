"""Chinese dates in article sentences, resolved against the publication date (never the clock).

Every sentence here is written for these tests; the publication dates are chosen so that each form
has to be resolved, not copied.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from factcheck.extract.claims import _Doc, extract_source
from factcheck.extract.dates import find_dates
from factcheck.ingest.source import make_source
from factcheck.ingest.textmap import to_simplified
from factcheck.model.document import Document

PUB = date(2023, 11, 15)  # a Wednesday
CST = timezone(timedelta(hours=8))


def found(text: str, pub: date | None = PUB, precision: str = "day", clock: time | None = None):
    """(text, start, end, reason) of every date found in text."""
    text = to_simplified(text)
    return [(text[m.start : m.end], m.date_start, m.date_end, m.reason)
            for m in find_dates(text, lambda a, b: False, pub, lambda pos: None, pub_precision=precision, pub_clock=clock)]


def one(text: str, piece: str, **kw):
    """The date found for piece (a part of text): (start, end, reason)."""
    hits = [(s, e, r) for t, s, e, r in found(text, **kw) if piece in t]
    assert hits, (piece, found(text, **kw))
    return hits[0]


def article(body: str, published: datetime | None = datetime(2023, 11, 15, 9, 30, tzinfo=CST), mentions: bool = True):
    doc = Document(id="t", path="t.md", published=published)
    result = extract_source(make_source(doc, body, 0, None), mentions=mentions)
    return result


# ---------------------------------------------------------------- relative days and weeks


@pytest.mark.parametrize(("sentence", "piece", "day"), [
    ("园区今天宣布二期机房投入试运行。", "今天", "2023-11-15"),
    ("该公司昨日披露，新一批服务器已经到货。", "昨日", "2023-11-14"),
    ("前天晚间，数据中心完成了供电切换。", "前天", "2023-11-13"),
    ("明日起，新的电价政策开始执行。", "明日", "2023-11-16"),
    ("后天上午将举行签约仪式。", "后天", "2023-11-17"),
    ("大后天开始为期一周的检修。", "大后天", "2023-11-18"),
    ("後天下午將舉行發布會。", "后天", "2023-11-17"),  # traditional script
])
def test_relative_days_count_from_the_publication_day(sentence, piece, day):
    assert one(sentence, piece)[:2] == (day, day)


@pytest.mark.parametrize(("sentence", "piece", "day"), [
    ("项目将于周五正式上线。", "周五", "2023-11-17"),  # this week's Friday
    ("星期一上午，运维团队完成了扩容。", "星期一", "2023-11-13"),
    ("下周六将举办开放日活动。", "下周六", "2023-11-25"),  # next week's Saturday, not the coming one
    ("上周三，园区迎来首批客户。", "上周三", "2023-11-08"),
    ("二期工程下下周一开工。", "下下周一", "2023-11-27"),
    ("上上周二完成了验收。", "上上周二", "2023-10-31"),
    ("禮拜天將進行停電演練。", "礼拜天", "2023-11-19"),
])
def test_weekdays_fall_in_the_week_they_name(sentence, piece, day):
    assert one(sentence, piece)[:2] == (day, day)


def test_a_week_word_alone_is_the_whole_week_and_下下周_is_two_weeks_ahead():
    assert one("设备将在下下周陆续进场。", "下下周")[:2] == ("2023-11-27", "2023-12-03")
    assert one("上上周的巡检发现两处隐患。", "上上周")[:2] == ("2023-10-30", "2023-11-05")
    assert one("本周末完成搬迁。", "本周末")[:2] == ("2023-11-18", "2023-11-18")


def test_a_day_of_the_month_alone_takes_the_month_of_the_date_before_it_or_of_publication():
    assert one("机房于3月2日开工，9日完成封顶。", "9日")[:2] == ("2023-03-09", "2023-03-09")
    assert one("29日，项目通过了第三方测评。", "29日")[:2] == ("2023-11-29", "2023-11-29")
    assert found("12号楼的机房已经腾空。") == []  # 号 alone numbers a building as often as it dates


def test_29_february_without_a_year_is_the_nearest_leap_year():
    assert one("合同于2月29日签署。", "2月29日", pub=date(2023, 4, 1))[0] == "2024-02-29"
    assert one("合同于2月29日签署。", "2月29日", pub=date(2021, 4, 1))[0] == "2020-02-29"
    assert one("2023年2月29日", "2023年2月29日")[2] == "invalid date"


# ---------------------------------------------------------------- offsets, spans, years


@pytest.mark.parametrize(("sentence", "piece", "start", "end"), [
    ("3年后，这里将建成区域算力枢纽。", "3年后", "2026-11-15", "2026-11-15"),
    ("5天前，机房完成了冷却系统改造。", "5天前", "2023-11-10", "2023-11-10"),
    ("未来三年，园区计划新增机架两万个。", "未来三年", "2023-11-15", "2026-11-15"),
    ("近30天，平台累计调度算力超过百万卡时。", "近30天", "2023-10-16", "2023-11-15"),
    ("过去的一年，园区引进企业40家。", "过去的一年", "2022-11-15", "2023-11-15"),
    ("三个多月以来，订单持续增长。", "三个多月以来", "2023-08-01", "2023-11-15"),
])
def test_offsets_resolve_from_publication_and_stay_mentions(sentence, piece, start, end):
    s, e, reason = one(sentence, piece)
    assert (s, e) == (start, end)
    assert reason  # a duration as much as a date: never a dated claim of its own


def test_an_offset_keeps_its_duration_for_the_quantity_finder():
    claims = article("据介绍，项目三年内将带动就业2000人。").claims
    assert any(c.kind == "quantity" and c.unit == "year" and c.value == 3 for c in claims), [(c.text, c.unit) for c in claims]


@pytest.mark.parametrize(("sentence", "piece", "start", "end"), [
    ("08年奥运会期间，这座机房承担了转播任务。", "08年", "2008-01-01", "2008-12-31"),
    ("零八年建成的老机房已经退役。", "零八年", "2008-01-01", "2008-12-31"),
    ("该中心于二〇二一年三月正式投运。", "二〇二一年三月", "2021-03-01", "2021-03-31"),
    ("二零一九年十月十八日，项目签约落地。", "二零一九年十月十八日", "2019-10-18", "2019-10-18"),
    ("15年3月2日立项。", "15年3月2日", "2015-03-02", "2015-03-02"),
    ("1995-1997年的营收逐年下降。", "1995-1997年", "1995-01-01", "1997-12-31"),
    ("1995 – 1997年间完成了三期扩建。", "1995 – 1997年", "1995-01-01", "1997-12-31"),
    ("测试窗口定在2019年4月12-19日。", "2019年4月12-19日", "2019-04-12", "2019-04-19"),
    ("从二零一六年至二零一八年，机架数翻了一番。", "从二零一六年至二零一八年", "2016-01-01", "2018-12-31"),
    ("2018年2——4月完成了设备安装。", "2018年2——4月", "2018-02-01", "2018-04-30"),
    ("三月到五月是施工高峰。", "三月到五月", "2023-03-01", "2023-05-31"),
])
def test_years_and_ranges(sentence, piece, start, end):
    assert one(sentence, piece)[:2] == (start, end)


@pytest.mark.parametrize(("sentence", "piece", "start", "end"), [
    ("二季度，平台利用率升至七成。", "二季度", "2023-04-01", "2023-06-30"),
    ("今年第三季度营收再创新高。", "今年第三季度", "2023-07-01", "2023-09-30"),
    ("2024 上半年将完成二期建设。", "2024 上半年", "2024-01-01", "2024-06-30"),
    ("年底前完成全部机柜上电。", "年底", "2023-11-15", "2023-12-31"),
    ("年初，园区只有三家入驻企业。", "年初", "2023-01-01", "2023-03-31"),
    ("一季度末，在建项目达到12个。", "一季度末", "2023-03-01", "2023-03-31"),
    ("上季度，平台新增用户两万。", "上季度", "2023-07-01", "2023-09-30"),
    ("新中心將於明年第二季落成。", "明年第二季", "2024-04-01", "2024-06-30"),
    ("首季本地经济按年增长4.3%。", "首季", "2023-01-01", "2023-03-31"),
    ("前11个月，全市软件收入增长一成。", "前11个月", "2023-01-01", "2023-11-30"),
    ("2025年前建成投用。", "2025年前", "2023-11-15", "2025-12-31"),
])
def test_quarters_halves_and_parts_of_a_year(sentence, piece, start, end):
    assert one(sentence, piece)[:2] == (start, end)


@pytest.mark.parametrize(("sentence", "piece", "start", "end"), [
    ("上世纪90年代，这里还是一片农田。", "上世纪90年代", "1990-01-01", "1999-12-31"),
    ("二十世纪九十年代末期的老厂房被改造成机房。", "二十世纪九十年代末期", "1997-01-01", "1999-12-31"),
    ("八十年代的电子管计算机仍在展出。", "八十年代", "1980-01-01", "1989-12-31"),
    ("20世纪的大型机时代已经远去。", "20世纪", "1901-01-01", "2000-12-31"),
])
def test_decades_and_centuries(sentence, piece, start, end):
    assert one(sentence, piece)[:2] == (start, end)


@pytest.mark.parametrize(("sentence", "piece", "day"), [
    ("6月第3个星期日举行开放日。", "6月第3个星期日", "2023-06-18"),
    ("八月份的第一个周二召开评审会。", "八月份的第一个周二", "2023-08-01"),
    ("四月的最后一个星期五提交报告。", "四月的最后一个星期五", "2023-04-28"),
])
def test_the_nth_weekday_of_a_month(sentence, piece, day):
    assert one(sentence, piece)[:2] == (day, day)


def test_a_short_month_day_form_and_not_an_age_range():
    assert one("更新于 09-01 20:01", "09-01")[0] == "2023-09-01"
    assert found("适合08-12岁的学生。") == []


def test_week_n_of_a_month_starts_on_its_first_monday():
    assert one("3月第二周进行压力测试。", "3月第二周")[:2] == ("2023-03-13", "2023-03-19")


# ---------------------------------------------------------------- holidays, lunar dates, solar terms, seasons


@pytest.mark.parametrize(("sentence", "piece", "day"), [
    ("国庆节前，新机房完成了验收。", "国庆节", "2023-10-01"),
    ("今年春节，运维人员坚守岗位。", "今年春节", "2023-01-22"),
    ("去年中秋，园区举办了开放日。", "去年中秋", "2022-09-10"),
    ("2024年端午节前后交付。", "2024年端午节", "2024-06-10"),
    ("除夕夜，机房值守不断。", "除夕", "2024-02-09"),  # the eve of the lunar year 2023 falls in 2024
    ("农历八月十五将举行联欢。", "农历八月十五", "2023-09-29"),
    ("二零一二年农历正月十五开始招商。", "二零一二年农历正月十五", "2012-02-06"),
    ("明年腊月初八完成结算。", "明年腊月初八", "2025-01-07"),
    ("母亲节当天推出了优惠套餐。", "母亲节", "2023-05-14"),
    ("2024年冬至，园区的储能系统首次满负荷运行。", "2024年冬至", "2024-12-21"),
    ("清明节假期，客流明显增加。", "清明节", "2023-04-05"),
])
def test_holidays_lunar_dates_and_solar_terms(sentence, piece, day):
    assert one(sentence, piece)[:2] == (day, day)


def test_a_leap_lunar_month_and_a_season():
    assert one("农历闰二月初一", "农历闰二月初一")[0] == "2023-03-22"
    start, end, _ = one("今年夏季用电负荷创新高。", "今年夏季")
    assert (start, end) == ("2023-05-06", "2023-08-07")


def test_era_years_of_taiwan_and_the_qing():
    assert one("民國112年3月5日公布新規。", "民国112年3月5日")[:2] == ("2023-03-05", "2023-03-05")
    assert one("康熙三年五月", "康熙三年五月")[:2] == ("1664-05-01", "1664-05-31")


# ---------------------------------------------------------------- words around dates


def test_fuzzy_words_and_a_clock_time_after_a_date_keep_the_date():
    assert one("2023年5月左右启动招标。", "2023年5月")[:2] == ("2023-05-01", "2023-05-31")
    assert one("明天下午3点召开发布会。", "明天")[0] == "2023-11-16"
    assert one("7月25日15时23分，负荷达到峰值。", "7月25日15时23分")[0] == "2023-07-25"
    assert one("昨晚8时许，机房报警。", "昨晚")[0] == "2023-11-14"


def test_a_clock_time_alone_and_now_are_mentions_at_the_publication_day():
    start, _, reason = one("晚上十一点，最后一批设备上架。", "晚上十一点")
    assert start == "2023-11-15" and reason
    start, _, reason = one("现在，园区已有企业56家。", "现在")
    assert start == "2023-11-15" and reason


def test_vague_recent_words_are_a_window_before_publication_and_never_claims():
    start, end, reason = one("日前，该集团宣布在当地新建两座机房。", "日前")
    assert (start, end) == ("2023-10-16", "2023-11-15") and reason


def test_a_decimal_and_a_count_of_points_are_not_clock_times():
    assert not [f for f in found("增长十点五个百分点，提出3点建议。") if "点" in f[0]]


# ---------------------------------------------------------------- publication date at a lower precision


def test_a_month_precision_publication_resolves_years_and_months_but_not_days():
    pub = date(2024, 9, 1)
    assert one("今年，全市新增机架一万个。", "今年", pub=pub, precision="month")[:2] == ("2024-01-01", "2024-12-31")
    assert one("上个月，园区签约三个项目。", "上个月", pub=pub, precision="month")[:2] == ("2024-08-01", "2024-08-31")
    start, _, reason = one("昨日，项目通过验收。", "昨日", pub=pub, precision="month")
    assert start is None and "publication" in reason
    start, _, reason = one("下周，二期工程开工。", "下周", pub=pub, precision="month")
    assert start is None and reason


def test_a_year_precision_publication_resolves_only_years():
    pub = date(2024, 1, 1)
    assert one("去年，全市数据中心耗电下降。", "去年", pub=pub, precision="year")[:2] == ("2023-01-01", "2023-12-31")
    assert one("明年一季度投产。", "明年一季度", pub=pub, precision="year")[:2] == ("2025-01-01", "2025-03-31")
    assert one("上个月", "上个月", pub=pub, precision="year")[0] is None
    assert one("3年后建成。", "3年后", pub=pub, precision="year")[:2] == ("2027-01-01", "2027-12-31")


def test_without_a_publication_date_relative_dates_stay_unresolved():
    for sentence, piece in [("昨日签约。", "昨日"), ("下周六开放。", "下周六"), ("今年春节", "今年")]:
        start, _, reason = one(sentence, piece, pub=None)
        assert start is None and "publication" in reason
    assert one("2021年5月31日建成。", "2021年5月31日", pub=None)[0] == "2021-05-31"


def test_the_doc_threads_pub_precision_to_the_date_finder():
    source = make_source(Document(id="m", published=datetime(2024, 9, 1, tzinfo=CST)), "今年新增机架一万个，昨日通过验收。", 0, None)
    d = _Doc(source.view, source.noise, datetime(2024, 9, 1, tzinfo=CST), tolerance=__import__("fractions").Fraction(1, 10),
             pub_precision="month")
    by_text = {d.text[m.start : m.end]: m for m in d.dates}
    assert by_text["今年"].date_start == "2024-01-01"
    assert by_text["昨日"].date_start is None and by_text["昨日"].reason


def test_hours_before_publication_use_its_clock_time():
    assert one("3小时前", "3小时前", clock=time(1, 30))[0] == "2023-11-14"
    assert one("3小时前", "3小时前", clock=time(15, 0))[0] == "2023-11-15"


# ---------------------------------------------------------------- in an article


NEWS = """新华社杭州11月14日电（记者 张某）
2023-11-14 20:15 | 来源：某某日报

今年前三季度，该市数字经济核心产业营收达到860亿元，去年同期为720亿元。
截至去年底，全市共有数据中心37个；上年末的标准机架数为2.4万架。
据介绍，二期工程将于2025年前建成，届时机架总数将超过4万架。
"""


def test_a_dateline_and_the_page_time_stamp_are_not_claims():
    assert "dateline" in one("中新网北京3月5日电 据统计，全市新增算力企业12家。", "3月5日")[2]
    assert "dateline" in one("本报上海讯 （记者 李某）7月19日電，", "7月19日")[2]
    assert one("3月5日电网负荷创下新高。", "3月5日")[2] is None  # 电网 is the grid, not a wire
    assert "dateline" in one("【某某日报讯】记者14日从市港口发展中心获悉，全年吞吐量创新高。", "14日")[2]
    assert "report" in one("该公司今日公布第三季度财报。", "今日")[2]  # the report's own day
    assert one("新数据中心今日开幕。", "今日")[2] is None  # an opening: an event
    assert "dateline" in one("（通讯社台北11日电）外贸部门表示", "11日")[2]
    assert "dateline" in one("中央社5日台北電 半导体协会称", "5日")[2]
    assert "dateline" in one("《某某通訊社12日專訊》統計處今日公布", "12日")[2]
    assert one("白宮廿三日表示，谈判仍在进行。", "廿三日")[0] == "2023-11-23"
    assert "chrome" in one("发布于：2023-11-14 20:15 | 来源：某某日报", "2023-11-14")[2]
    result = article(NEWS)
    assert not any(c.kind == "date" and ("11月14日" in c.text or "20:15" in c.text) for c in result.claims)


def test_relative_time_words_set_the_as_of_of_their_figures():
    claims = {c.text: c for c in article(NEWS, mentions=False).claims if c.kind == "quantity"}
    current = next(c for t, c in claims.items() if "860" in t)
    assert current.as_of == "2023-09"  # 今年前三季度
    assert claims["720亿元"].as_of == "2022-11-15"  # 去年同期: the same day a year back
    assert claims["37个"].as_of == "2022-12"  # 截至去年底
    assert next(c for t, c in claims.items() if "2.4万架" in t).as_of == "2022-12"  # 上年末


def test_a_deadline_before_a_future_year_runs_from_publication():
    dated = [c for c in article(NEWS, mentions=False).claims if c.kind == "date" and "2025" in c.text]
    assert dated and dated[0].date.start == "2023-11-15" and dated[0].date.end == "2025-12-31"


# ---------------------------------------------------------------- robustness and the fast path


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import factcheck.extract.dates as dates_module  # noqa: E402

DATE_PIECES = list("0123456789一二三四五六七八九十百两半几廿初正腊闰年月日号周天时点分:：-/.·~至到前后来内以之多个第 ，。\n") + [
    "2021年", "二〇二一年", "08年", "3月", "十二月", "15日", "29日", "号", "今年", "去年", "明年", "同年", "次年", "上周",
    "下下周", "周三", "星期日", "礼拜天", "本月", "上个月", "今天", "昨日", "后天", "大后天", "季度", "一季度", "Q3",
    "上半年", "年底", "年初", "初", "底", "上旬", "下旬", "未来", "近", "过去的", "再过", "以来", "以内", "小时", "分钟",
    "世纪", "年代", "上世纪", "春节", "中秋", "除夕", "农历", "立冬", "冬至", "小寒", "大寒", "夏季", "母亲节", "国庆",
    "民国", "康熙", "下午", "晚上", "凌晨", "现在", "最近", "全天", "当日", "大年初", "电", "（", "社", "去年同期",
    "2019-2021年", "2021-05-31", "2021/5/31", "2021.05-2022.02", "20240307", "12:30", "第三天", "前11个月",
]
date_text = st.lists(st.sampled_from(DATE_PIECES), max_size=30).map("".join)
PUBS = st.sampled_from([None, date(2020, 2, 29), date(2023, 11, 15), date(2024, 12, 31), date(1999, 1, 1)])
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _spans(text, pub, precision="day"):
    return [(m.start, m.end, m.date_start, m.date_end, m.date_precision, m.reason)
            for m in find_dates(text, lambda a, b: False, pub, lambda pos: None, pub_precision=precision)]


@FAST
@given(date_text, PUBS, st.sampled_from(["day", "month", "year"]))
def test_any_date_text_gives_ordered_intervals_and_never_raises(text, pub, precision):
    for start, end, a, b, _prec, reason in _spans(text, pub, precision):
        assert 0 <= start < end <= len(text)
        assert (a is None) == (b is None)
        if a is not None:
            assert a <= b, (text[start:end], a, b)
        else:
            assert reason


@FAST
@given(date_text, PUBS)
def test_rules_run_around_their_anchors_find_what_a_full_scan_finds(text, pub):
    rules, gates, anchors = dates_module._compiled()
    fast = _spans(text, pub)
    try:
        dates_module._compiled = lambda: (rules, {}, {})
        slow = _spans(text, pub)
    finally:
        del dates_module._compiled  # back to the cached module function
        dates_module._compiled = _COMPILED
    assert fast == slow


_COMPILED = dates_module._compiled


def test_a_decimal_with_点_is_a_number_not_a_clock_time():
    """零点一 and 一七二零点一 are decimals; 下午三点一刻 and 九点半 are clock times."""
    body = "质检报告称，新工艺使误差缩小到零点一毫米，全年产量一七二零点一吨。\n发布会定于下午三点一刻开始，九点半散场。\n"
    result = article(body)
    values = {m.text: m.value for m in result.mentions + result.claims if m.kind == "quantity"}
    assert values.get("零点一毫米", values.get("零点一")) == 0.1
    assert any(t.startswith("一七二零点一") and v == 1720.1 for t, v in values.items()), values
    clocks = [t for t, *_ in found(body)]
    assert any("三点一刻" in t for t in clocks) and any("九点半" in t for t in clocks)
    assert not any("零点一" in t for t in clocks)


def test_a_date_before_a_reporter_dates_the_story_not_an_event():
    """本地新闻网讯 6月12日，记者从某中心获悉…: the date is the dateline; the opening is not dated by it."""
    body = "滨海新闻网讯 6月12日，记者从滨海智算中心获悉，中心二期已经上线运营，总算力达到300P。\n"
    result = article(body)
    dates = [c for c in result.claims if c.kind == "date"]
    assert dates == [], [(c.text, c.metric) for c in dates]
    assert any(m.kind == "date" and m.reason and "dateline" in m.reason for m in result.mentions)


CHEQUE = """通知公告
关于补发工程款支票的说明
发布时间：2024-03-20
经核对，原支票出票日期误写为贰零贰肆年零叁月零伍日，现已作废；新支票出票日期为贰零贰肆年零叁月壹拾捌日。
补充协议于贰零贰叁年壹拾贰月贰拾日签订，付款期限至二〇二四年六月三十日。
"""


@pytest.mark.parametrize(("piece", "day"), [
    ("贰零贰肆年零叁月零伍日", date(2024, 3, 5)), ("贰零贰肆年零叁月壹拾捌日", date(2024, 3, 18)),
    ("贰零贰叁年壹拾贰月贰拾日", date(2023, 12, 20)), ("二〇二四年六月三十日", date(2024, 6, 30)),
])
def test_dates_in_financial_digits_read_as_cheques_and_contracts_print_them(piece, day):
    result = article(CHEQUE)
    hits = [c for c in result.claims + result.mentions if c.text == piece and c.kind == "date"]
    assert hits, [c.text for c in result.claims + result.mentions]
    assert hits[0].date.start == hits[0].date.end == day.isoformat()
