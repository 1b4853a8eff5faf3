"""Chinese figure forms, round two: what mainland, Hong Kong and Taiwan pages print beyond computing.

Ranges of shares (5%-8%, 百分之五到百分之八), a wave-dash range, a page's own currency for a bare 元
(a declaration such as (新台幣，下同), or the words a Taiwan or Hong Kong page writes), conversions
(约合), 开外 / 突破 / 出头, transport and health counters (架次, 班次, 艘, 例, 剂), freight and passenger
work, volume, voltage, per mille, and money named after a bare 亿 figure (千亿营收).

The articles are written for these tests in the shape real pages have (chrome, repost notices,
lists, tables, mixed lines); each test asserts what a reader of the page takes from a figure.
"""

import pytest

from factcheck.extract.claims import extract_source
from factcheck.ingest.source import make_source
from factcheck.model import Document

TAIWAN_PAGE = """首頁 > 財經 > 產業　　2025/03/11 14:02　記者林小明／台北報導
分享 | 加入好友 | 字級
半導體封測大廠今（10）日公布2月營收新台幣 412 億 3,500 萬元，月減 6.4%，年增 18.9%。
累計前兩月營收 853.2 億元，公司預估第二季毛利率落在 24.5%-27% 之間，
法人估全年營收可望突破 5,000 億元，年增率約百分之十二到十五。
公司去年每股純益八點七五元，股價昨日收在 168 元，市值約 7,350 億元。
全台去年用電量2,815億度，資料中心年耗電逾30萬度；公司將斥資NT$120億擴建新廠，另以US$8億收購海外同業。
▲ 延伸閱讀：AI 晶片帶旺封測　下半年產能滿載
"""

HK_PAGE = """即時財經｜2025年6月2日 星期一
【星島記者報道】本港首個公營數據園區昨日公布，第一期將提供約4千匹算力，
政府為此撥款28億元，並推出資助計劃，企業最低每月只需付1,200元試用。
園區已接獲逾60宗申請，現有逾1800間初創企業進駐，使用率已達八成以上。
本港初創企業數目達4,870間，按年上升9%，融資額則按年下跌4.5%；園區企業由 40 間增加至超過 120 間。
政府另撥款2.4億元推出配對計劃，每間企業資助上限為2,500萬元。
（本網保留一切權利，未經授權不得轉載）
"""

DECLARED_PAGE = """本報訊 【財經】某晶圓廠去年12月營收1,486億元（新台幣，下同），較11月減少9.2%，
全年總營收19,870億元，同比增加3.6%。另以美元計，全年營收約合635億美元。
"""

MAINLAND_TRANSPORT = """首页 > 交通 > 正文    来源：本地晚报    2025-02-16 08:30    【字号 大 中 小】
春运40天，本市铁路、航空共发送旅客812.6万人次，同比增长9.4%。
其中，机场保障进出港航班2.15万架次，日均起降538架次；铁路开行列车4860班次，加开临客96列。
港口完成集装箱吞吐量356万标准箱，货物吞吐量1.28亿吨；全年完成货物周转量653.7亿吨公里。
本文转自：交通发布　如有侵权请联系删除
"""

MAINLAND_MIXED = """【经济观察】
1. 全年营收86.5亿元，同比增长12.4%；
2. 净利润9.8亿元，同比下降3.1%；
项目总投资约合12亿港元，年用水量180万立方米，配套建设220千伏变电站一座。
该地区人口出生率为6.3‰，新增确诊病例15例，累计接种疫苗3600万剂次。
新区全部建成后可实现千亿营收，吸纳技术工人逾2万名，骨干工程师多在三十五岁开外。
房价在每平方米3万元上下，主力户型面积在75〜105平方米之间。
"""


def _extract(text: str):
    doc = Document(id="a", lang="zh", published=None)
    extraction = extract_source(make_source(doc, text, 0, None), mentions=True)
    return extraction.claims


def _claim(claims, text):
    found = [c for c in claims if c.text == text]
    assert found, (text, [c.text for c in claims])
    return found[0]


# --- ranges of shares -----------------------------------------------------------------------------


def test_a_range_of_shares_with_a_percent_sign_on_both_ends_is_one_range_not_a_negative_figure():
    claims = _extract(TAIWAN_PAGE)
    c = _claim(claims, "24.5%-27%")
    assert (c.unit, c.qualifier, c.lower, c.upper) == ("percent", "range", 24.5, 27)
    assert not [x for x in claims if x.value is not None and x.value < 0]


def test_a_range_of_shares_in_words_takes_its_upper_end_without_a_second_percent_word():
    c = _claim(_extract(TAIWAN_PAGE), "約百分之十二到十五")
    assert (c.unit, c.lower, c.upper) == ("percent", 12, 15)


@pytest.mark.parametrize("sentence, lower, upper", [
    ("今年夜間備用容量率預估約在百分之十點二至百分之十三點六。", 10.2, 13.6),
    ("毛利率將維持在58%至61%之間。", 58, 61),
    ("年複合成長率預期為32%~37%。", 32, 37),
])
def test_share_ranges_in_each_form(sentence, lower, upper):
    c = [c for c in _extract(sentence) if c.unit == "percent"]
    assert len(c) == 1 and (c[0].lower, c[0].upper) == (pytest.approx(float(lower)), pytest.approx(float(upper)))


def test_a_percent_before_a_year_is_no_range():
    claims = _extract("該指標今年上升2.5%至2026年將持平。")
    c = _claim(claims, "2.5%")
    assert c.qualifier == "exact" and c.value == 2.5


def test_a_wave_dash_joins_a_range():
    c = _claim(_extract(MAINLAND_MIXED), "75〜105平方米")
    assert (c.unit, c.lower, c.upper) == ("square_metre", 75, 105)


# --- a page's own currency --------------------------------------------------------------------------


def test_a_taiwan_page_reads_a_bare_yuan_as_new_taiwan_dollars():
    claims = _extract(TAIWAN_PAGE)
    assert _claim(claims, "412 億 3,500 萬元").unit == "TWD"
    assert _claim(claims, "853.2 億元").unit == "TWD"
    assert _claim(claims, "168 元").value == 168 and _claim(claims, "168 元").unit == "TWD"
    eps = _claim(claims, "八點七五元")
    assert (eps.value, eps.unit) == (8.75, "TWD")


def test_a_hong_kong_page_reads_a_bare_yuan_as_hong_kong_dollars():
    claims = _extract(HK_PAGE)
    c = _claim(claims, "28億元")
    assert (c.value, c.unit) == (2_800_000_000, "HKD")
    assert _claim(claims, "1,200元").unit == "HKD"


def test_a_declared_currency_covers_its_figure_and_the_later_ones():
    claims = _extract(DECLARED_PAGE)
    assert _claim(claims, "1,486億元").unit == "TWD"
    assert _claim(claims, "19,870億元").unit == "TWD"
    usd = _claim(claims, "約合635億美元")
    assert (usd.unit, usd.qualifier) == ("USD", "approx")


def test_a_mainland_page_keeps_renminbi_and_a_page_naming_renminbi_is_not_moved():
    claims = _extract(MAINLAND_MIXED)
    assert _claim(claims, "86.5亿元").unit == "CNY"
    mixed = _extract("港股公司公布業績，營收30億港元，約合27.6億元人民幣，另投資5億元。")
    assert _claim(mixed, "5億元").unit == "CNY"


def test_a_currency_named_in_the_unit_wins_over_the_page():
    c = _claim(_extract(MAINLAND_MIXED), "约合12亿港元")
    assert (c.unit, c.qualifier, c.value) == ("HKD", "approx", 1_200_000_000)


# --- counters, units and qualifiers -------------------------------------------------------------------


def test_transport_counters_count_flights_services_and_containers():
    claims = _extract(MAINLAND_TRANSPORT)
    flights = _claim(claims, "2.15万架次")
    assert (flights.value, flights.unit, flights.counted) == (21500, "count", "架次")
    services = _claim(claims, "4860班次")
    assert (services.value, services.counted) == (4860, "班次")
    assert _claim(claims, "96列").counted == "列"
    assert _claim(claims, "356万标准箱").value == 3_560_000
    work = _claim(claims, "653.7亿吨公里")
    assert (work.unit, work.value) == ("tonne_kilometre", 65_370_000_000)
    assert _claim(claims, "1.28亿吨").unit == "tonne"


def test_health_counters_volume_voltage_and_per_mille():
    claims = _extract(MAINLAND_MIXED)
    assert _claim(claims, "15例").counted == "例"
    assert _claim(claims, "3600万剂次").value == 36_000_000
    assert _claim(claims, "180万立方米").unit == "cubic_metre"
    assert _claim(claims, "220千伏").unit == "kilovolt"
    births = _claim(claims, "6.3‰")
    assert (births.unit, births.value) == ("percent", pytest.approx(0.63))


def test_hong_kong_pi_of_computing_power_is_petaflops():
    c = _claim(_extract(HK_PAGE), "約4千匹算力")
    assert (c.unit, c.value, c.qualifier) == ("PFLOPS", 4000, "approx")


def test_hong_kong_counters_for_applications_and_companies():
    claims = _extract(HK_PAGE)
    apps = _claim(claims, "逾60宗")
    assert (apps.value, apps.qualifier, apps.lower) == (60, "at_least", 60)
    firms = _claim(claims, "逾1800間")
    assert firms.counted.startswith("間") or firms.counted.startswith("间")


def test_qualifiers_kaiwai_tupo_and_shangxia():
    claims = _extract(TAIWAN_PAGE)
    c = _claim(claims, "突破 5,000 億元")
    assert (c.qualifier, c.lower, c.upper) == ("at_least", 500_000_000_000, None)
    mixed = _extract(MAINLAND_MIXED)
    price = _claim(mixed, "3万元上下")
    assert price.qualifier == "approx" and price.lower == 27000
    assert _claim(mixed, "逾2万名").qualifier == "at_least"
    age = _claim(mixed, "三十五岁开外")
    assert (age.value, age.qualifier, age.counted) == (35, "at_least", "岁")


def test_money_named_after_a_bare_hundred_million_figure():
    c = _claim(_extract(MAINLAND_MIXED), "千亿")
    assert c.unit == "CNY" and c.metric.key == "revenue"


# --- metrics a reader names -------------------------------------------------------------------------


def test_growth_and_decline_words_of_both_scripts_name_their_metric():
    tw = _extract(TAIWAN_PAGE)
    assert _claim(tw, "6.4%").metric.key.split("@")[0] == "decline"
    assert _claim(tw, "18.9%").metric.key.split("@")[0] == "growth"
    cn = _extract(MAINLAND_MIXED)
    assert _claim(cn, "12.4%").metric.key.split("@")[0] == "growth"
    assert _claim(cn, "3.1%").metric.key.split("@")[0] == "decline"
    assert _claim(cn, "9.8亿元").metric.key == "profit"


def test_list_numbers_and_page_chrome_are_not_claims():
    claims = _extract(MAINLAND_MIXED + MAINLAND_TRANSPORT)
    texts = {c.text for c in claims}
    assert "1" not in texts and "2" not in texts
    assert not [c for c in claims if c.text in ("40天",) and c.unit == "count"]


def test_hong_kong_year_on_year_words_caps_and_counted_companies():
    claims = _extract(HK_PAGE)
    assert _claim(claims, "9%").metric.key.split("@")[0] == "growth"
    assert _claim(claims, "4.5%").metric.key.split("@")[0] == "decline"
    cap = _claim(claims, "上限為2,500萬元")
    assert (cap.unit, cap.qualifier, cap.upper) == ("HKD", "at_most", 25_000_000)
    assert _claim(claims, "40 間").counted in ("間", "间")
    assert _claim(claims, "2.4億元").metric.key == "investment"


def test_du_after_a_section_word_is_kilowatt_hours_and_a_currency_symbol_names_the_currency():
    claims = _extract(TAIWAN_PAGE)
    use = _claim(claims, "2,815億度")
    assert (use.unit, use.value, use.metric.key) == ("kWh", 281_500_000_000, "electricity_use")
    assert _claim(claims, "逾30萬度").qualifier == "at_least"
    assert _claim(claims, "NT$120億").unit == "TWD"
    usd = _claim(claims, "US$8億")
    assert (usd.unit, usd.value) == ("USD", 800_000_000)


def test_a_temperature_in_du_is_no_energy():
    claims = _extract("當日氣溫高達36度，用電量再創新高。")
    assert not [c for c in claims if c.unit == "kWh"]


TAIWAN_PRINT = """經濟日報 ／ 記者陳大文／台北報導　2025-12-09 07:10
代工大廠昨公告11月營收二六○五．一八億元，年增一八三．二一％，月增四二．六％；
累計前十一月營收達一．七六兆元。公司去年出貨4萬櫃AI伺服器，今年可望出貨6.5萬櫃。
研調機構估明年全球AI支出將達二．四一兆美元，年增率三十八％。
〔相關新聞〕新竹重劃區房價每坪逾80萬元，園區規劃用地約386.25公頃。
"""


def test_chinese_digits_with_a_printed_point_are_decimals():
    claims = _extract(TAIWAN_PRINT)
    rev = _claim(claims, "二六○五．一八億元")
    assert rev.value == 260_518_000_000
    share = _claim(claims, "一八三．二一％")
    assert (share.unit, share.value) == ("percent", pytest.approx(183.21))
    assert _claim(claims, "達二．四一兆美元").value == 2_410_000_000_000


def test_a_taiwan_page_without_the_currency_name_is_known_by_its_year_on_year_words():
    claims = _extract(TAIWAN_PRINT)
    assert _claim(claims, "二六○五．一八億元").unit == "TWD"
    assert _claim(claims, "達一．七六兆元").unit == "TWD"
    mainland = _extract("该市全年增长8%，地区生产总值达1.2万亿元，月减少排放3万吨；今年增至5000家，年增资3亿元。")
    assert _claim(mainland, "达1.2万亿元").unit == "CNY"
    assert _claim(mainland, "3亿元").unit == "CNY"


def test_cabinets_hectares_and_ping():
    claims = _extract(TAIWAN_PRINT)
    racks = _claim(claims, "4萬櫃")
    assert (racks.value, racks.unit) == (40_000, "count") and racks.counted.startswith(("櫃", "柜"))
    land = _claim(claims, "約386.25公頃")
    assert (land.unit, land.value) == ("square_metre", pytest.approx(3_862_500))
    assert _claim(claims, "逾80萬元").unit == "TWD"


HK_PROPERTY = """地產版 ｜ 更新時間：10:05 2025-04-12 HKT
差估署數據顯示，3月私人住宅落成量為2870伙，按月回落約3%。其中面積420方呎至760方呎單位錄2110伙，
多區均錄約1,200伙至1,400多伙。一個實用面積580方呎單位以960萬元售出，發展商預計明年推盤涉資80億元至120億元。
《本報》APP經已推出最新版本，請立即更新
"""


def test_a_range_that_repeats_its_unit_is_one_range():
    claims = _extract(HK_PROPERTY)
    money = _claim(claims, "80億元至120億元")
    assert (money.qualifier, money.lower, money.upper, money.unit) == ("range", 8_000_000_000, 12_000_000_000, "HKD")
    flats = _claim(claims, "約1,200伙至1,400多伙")
    assert (flats.lower, flats.upper, flats.counted) == (1200, 1500, "伙")
    area = _claim(claims, "420方呎至760方呎")
    assert area.unit == "square_metre" and area.lower == pytest.approx(39.02, abs=0.01)
    assert area.upper == pytest.approx(70.61, abs=0.01)


def test_flats_square_feet_and_month_on_month_falls():
    claims = _extract(HK_PROPERTY)
    assert _claim(claims, "2870伙").counted == "伙"
    assert _claim(claims, "580方呎").value == pytest.approx(53.88, abs=0.01)
    assert _claim(claims, "約3%").metric.key.split("@")[0] == "decline"
    assert _claim(claims, "960萬元").unit == "HKD"


def test_a_year_span_and_a_month_span_stay_dates():
    claims = _extract("項目工期3年至5年，預計2026年至2028年分期落成。")
    years = _claim(claims, "3年至5年")
    assert (years.unit, years.lower, years.upper) == ("year", 3, 5)
    assert not [c for c in claims if c.kind == "quantity" and c.text.startswith("2026")]


def test_shang_before_a_bare_scale_word_is_at_least_and_never_before_digits():
    claims = _extract("產業園已集聚上百家初創公司、上萬台伺服器，線上3000家門店同步開業。")
    firms = _claim(claims, "上百家")
    assert (firms.value, firms.qualifier, firms.lower, firms.upper) == (100, "at_least", 100, None)
    assert _claim(claims, "上萬台").lower == 10000
    assert _claim(claims, "3000家").qualifier == "exact"


def test_a_players_points_rebounds_and_a_minute_that_is_no_score():
    claims = _extract("體育快訊｜他本季場均攻下28.6分、9.2籃板，投籃命中率47.3%。中場休息5分後再戰。")
    pts = _claim(claims, "28.6分")
    assert (pts.unit, pts.value) == ("score", 28.6)
    reb = [c for c in claims if c.counted in ("篮板", "籃板")]
    assert reb and reb[0].value == 9.2
    assert not [c for c in claims if c.value == 5]


def test_margins_name_their_metric():
    claims = _extract("公司第四季毛利率達到百分之五十八點四，營業利益率為百分之四十九。")
    assert _claim(claims, "達到百分之五十八點四").metric.key == "margin"
    assert _claim(claims, "百分之四十九").metric.key == "margin"
