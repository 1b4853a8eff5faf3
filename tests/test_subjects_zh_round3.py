"""Whose figure it is, on Hong Kong, Taiwan and Macau pages (round 3 of Chinese subjects).

A territory's own statistics body (差餉物業估價署, 統計暨普查局, 主計總處) is a source: its figures
are about the territory, even on a page that never writes the territory's name. A bare head after a
figure and 的 (本港有近80萬平方米的數據中心樓面) is a kind of thing, not a centre named after the
place. A headline that shortens or describes a centre the body names in full gives its figures to the
body's name. A body that shares a cost (由中央與市府共同分擔) pays, it is not whose figures follow.

The pages are written for these tests in the shape real ones have (stamps, bylines, chrome lines);
every name that is not a public body and every figure is made up.
"""

from factcheck.api import read_and_extract
from factcheck.link.normalise import subject_key


def _claims(tmp_path, settings, name: str, page: str):
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    _, claims, _, _, _ = read_and_extract([str(path)], settings)
    return claims


def _subject(claims, text: str) -> str | None:
    found = [c for c in claims if c.text == text]
    assert found, (text, [c.text for c in claims])
    return found[0].subject.key if found[0].subject else None


HK_RENTS = """---
title: 差估署：私樓租金指數再創新高
published: Fri, 14 Nov 2025 09:15:00 GMT
---
<html><body>
<p>更新時間：17:05 2025-11-14　｜　字體：大 中 小</p>
<p>差餉物業估價署今日公布，10月私人住宅租金指數報198.4點，按月升0.35%，連升六個月，今年首10個月累計升4.6%。</p>
<p>按單位面積劃分，430方呎以下細單位租金按月升0.8%，升幅最大。</p>
<p>另據政府統計處資料，第三季失業率為3.9%。</p>
<p>相關新聞</p>
</body></html>
"""

MACAU_HOTELS = """---
title: 統計局：上月酒店入住率逾九成
date: 2025-09-28
---
【本報訊】統計暨普查局公布，8月份酒店及公寓住客共142.7萬人次，按年上升6.2%；平均入住率為91.4%。
住客平均留宿1.6晚，與去年同期相若。
"""


def test_a_hong_kong_departments_figures_are_hong_kongs_when_the_page_never_names_it(tmp_path, settings):
    claims = _claims(tmp_path, settings, "hk_rents.txt", HK_RENTS)
    for text in ("198.4點", "0.35%", "4.6%", "0.8%", "3.9%"):
        assert _subject(claims, text) == subject_key("香港"), text
    assert _subject(claims, "10月") == subject_key("香港")


def test_macaus_statistics_bureau_gives_its_figures_to_macau(tmp_path, settings):
    claims = _claims(tmp_path, settings, "mo_hotels.md", MACAU_HOTELS)
    for text in ("142.7萬人次", "6.2%", "91.4%", "逾九成"):
        assert _subject(claims, text) == subject_key("澳門"), text


def test_a_mainland_ministry_is_not_a_territorys_source(tmp_path, settings):
    page = "財政部公布，前三季全國一般公共預算收入16.3萬億元，同比增長1.2%。\n"
    claims = _claims(tmp_path, settings, "mof.txt", page)
    assert _subject(claims, "1.2%") != subject_key("台灣")


HK_DC_SUPPLY = """---
title: 葵涌數據中心大樓平頂
published: Mon, 08 Sep 2025 04:00:00 GMT
---
<html><body>
<div class="crumb">首頁 &gt; 財經</div>
<p>2025-09-08　來源：本地財經台</p>
<p>營運商表示，葵涌新大樓提供約1.2萬個機櫃位置。</p>
<p>顧問行報告指，本港目前有近百萬平方呎的數據中心樓面可供出租，預計未來三年需求每年增長約9%。</p>
<p>[責任編輯：陳小姐]</p>
</body></html>
"""


def test_a_bare_head_measured_by_a_figure_is_no_centre_named_after_the_place(tmp_path, settings):
    claims = _claims(tmp_path, settings, "hk_supply.txt", HK_DC_SUPPLY)
    # 本港…的數據中心樓面: the growth is Hong Kong's, not a "本港數據中心" made up from the place and the head
    assert _subject(claims, "約9%") == subject_key("香港")
    assert _subject(claims, "三年") == subject_key("香港")


def test_a_place_before_a_bare_head_with_no_figure_between_still_names_the_centre(tmp_path, settings):
    page = "在蘭州，上月投入運營的人工智能計算中心算力規模達300P。\n"
    claims = _claims(tmp_path, settings, "lz.txt", page)
    assert _subject(claims, "達300P") == subject_key("蘭州人工智能計算中心")


TW_CENTRE = """---
title: 南部算力中心上樑 預計118年啟用
date: 2025-10-03T11:20:00+08:00
---
我是廣告 請繼續往下閱讀

（中央社記者王小華高雄3日電）數位部今（3）日在高雄舉行「楠梓算力中心」上樑典禮，中心規劃電量十五MW（千瓩）。

數位部表示，楠梓算力中心完工後可容納約3,100片GPU，並與學研單位合作。

楠梓算力中心將分兩期建置，第一期預計118年啟用。
"""


def test_a_headline_describing_a_centre_the_body_names_gives_its_figures_to_the_bodys_name(tmp_path, settings):
    claims = _claims(tmp_path, settings, "tw_centre.md", TW_CENTRE)
    headline = [c for c in claims if c.line == 2]
    assert headline and {c.subject.key for c in headline} == {subject_key("楠梓算力中心")}


HK_CAMPUS = """---
title: 葵涌數據中心落成 機櫃逾6000個
published: Wed, 02 Jul 2025 06:00:00 GMT
---
<html><body>
<p>2025-07-02　來源：財經網</p>
<p>位於葵涌的葵涌貨櫃碼頭數據中心昨日落成，共提供逾6000個機櫃，營運商表示出租率已達七成。</p>
</body></html>
"""


def test_a_headline_shortening_a_centres_name_takes_the_full_name_the_body_gives(tmp_path, settings):
    claims = _claims(tmp_path, settings, "hk_campus.txt", HK_CAMPUS)
    headline = [c for c in claims if c.line == 2]
    assert headline and {c.subject.key for c in headline} == {subject_key("葵涌貨櫃碼頭數據中心")}


def test_the_second_of_a_pair_that_pays_is_not_whose_figures_follow(tmp_path, settings):
    page = """（中央社記者李小芳嘉義5日電）數位部今（5）日表示，朴子算力中心總經費約41億元，由中央與嘉義縣政府共同負擔，啟用後可容納約1,800片GPU，年用電量約9,000萬度。
"""
    claims = _claims(tmp_path, settings, "cy.txt", page)
    for text in ("約1,800片", "約9,000萬度"):
        assert _subject(claims, text) == subject_key("朴子算力中心"), text


def test_a_partner_after_yu_with_no_helper_word_before_it_stays_the_subject(tmp_path, settings):
    page = "截至去年底，已有逾80家企業與新竹智算中心展開合作。\n"
    claims = _claims(tmp_path, settings, "hc.txt", page)
    assert _subject(claims, "逾80家") == subject_key("新竹智算中心")


HK_PORT = """---
title: 香港國際機場10月貨運量按年增長
date: 2025-11-18
---

香港國際機場上月處理貨物約41萬公噸，按年上升百分之六。

機管局表示，自動化貨運處理系統於今年3月投入服務後，機場每小時最高處理量可由1,900公噸增至2,300公噸。

目前機場每日平均起降約1,150架次。
"""


def test_a_bare_head_opening_a_clause_is_the_articles_topic_named_short(tmp_path, settings):
    claims = _claims(tmp_path, settings, "hk_port.md", HK_PORT)
    for text in ("1,900公噸", "2,300公噸", "約1,150架次"):
        assert _subject(claims, text) == subject_key("香港國際機場"), text


def test_a_thousands_comma_does_not_cut_a_clause_in_two():
    from factcheck.extract.context import Context

    text = "機場每小時最高處理量可由1,900公噸增至2,300公噸，按年增長12%。"
    sentence = Context(text).sentences[0]
    assert [text[a:b] for a, b in sentence.clauses] == ["機場每小時最高處理量可由1,900公噸增至2,300公噸", "按年增長12%。"]


def test_a_head_after_a_verb_is_its_object_not_a_centre_named_after_the_place(tmp_path, settings):
    page = """（槟城8日讯）州首长说，去年槟城吸引数据中心投资达42亿令吉（约9.5亿美元），创下新高。
"""
    claims = _claims(tmp_path, settings, "pg.txt", page)
    for text in ("达42亿令吉", "约9.5亿美元"):
        assert _subject(claims, text) == subject_key("槟城"), text


HK_BUS = """---
title: 新巴士線開通首月 日均載客逾二萬人次
published: Tue, 04 Nov 2025 08:20:00 GMT
---
<html><body>
<p>2025-11-04　來源：交通頻道　記者：張家朗</p>
<p>屯門南巴士總站新線上月開通，日均載客逾2萬人次。</p>
<p>營辦商發言人指，繁忙時間班次已由每12分鐘一班加密至每8分鐘一班。</p>
<p>運輸業界有關負責人說，今年全港專營巴士載客量可望回升至約13億人次。</p>
<p>記者從機管局獲悉，第三跑道全面啟用後首季，香港國際機場日均客量約15萬人次。</p>
<p>機管局發言人指，全年客量預計突破5,600萬人次。</p>
</body></html>
"""


def test_a_speaker_who_says_or_points_out_is_a_source_not_the_subject(tmp_path, settings):
    claims = _claims(tmp_path, settings, "hk_bus.txt", HK_BUS)
    subjects = {c.text: c.subject.text if c.subject else None for c in claims}
    assert not any(s and ("發言人" in s or "負責人" in s or "业界" in s) for s in subjects.values()), subjects
    # the speaker's body is no subject either: the figure is about the line named before it
    assert _subject(claims, "突破5,600萬人次") == subject_key("香港國際機場")


def test_a_dates_whole_area_word_after_it_names_the_area_the_speaker_heads(tmp_path, settings):
    page = "---\ntitle: 軟件業收入增長\ndate: 2025-03-02\n---\n鄞州區有關負責人說，去年全區軟件業務收入同比增長9.3%。\n"
    claims = _claims(tmp_path, settings, "yz.txt", page)
    assert _subject(claims, "去年") == subject_key("鄞州區")
    assert _subject(claims, "9.3%") == subject_key("鄞州區")


def test_a_comparison_with_the_original_plan_names_no_plan(tmp_path, settings):
    page = """9月3日，佛山順德智算中心正式上線。該中心部署8,000張加速卡，總工期為300日曆天，比原計劃提前2個月完工。
"""
    claims = _claims(tmp_path, settings, "fs.txt", page)
    assert _subject(claims, "2個月") == subject_key("佛山順德智算中心")


def test_a_holder_of_the_companys_shares_is_not_read_as_a_topic_phrase(tmp_path, settings):
    page = """證券時報e公司訊，晶岳科技（688321）8月28日晚間披露半年報，上半年營業收入41.3億元，同比增長12.6%。
公司研發投入佔營業收入的比例為8.1%。截至6月30日，社保基金持有公司512.4萬股。
"""
    claims = _claims(tmp_path, settings, "gy.txt", page)
    subject = [c for c in claims if c.text == "512.4萬股"][0].subject
    assert subject is None or "持" not in subject.text


PENANG_DC = """---
title: 槟城数据中心投资额突破50亿令吉
published: 2025-08-21T15:30:00+08:00
---
<html><body>
<nav>首页 | 地方 | 财经 | 国际 | 副刊</nav>
<p>(槟城21日讯)槟城已批准9个数据中心项目，总投资约52亿令吉，另有3个项目正在审批中。</p>
<p>州行政议员说，槟城的数据中心用电需求预计在2027年达到450兆瓦。</p>
<p>热门新闻</p>
</body></html>
"""


def test_a_headlines_place_and_head_over_a_body_about_the_place_is_the_places(tmp_path, settings):
    claims = _claims(tmp_path, settings, "pg_dc.txt", PENANG_DC)
    headline = [c for c in claims if c.line == 2]
    assert headline and {c.subject.key for c in headline} == {subject_key("槟城")}


def test_a_verb_that_sets_a_body_up_is_not_part_of_its_name(tmp_path, settings):
    page = """國研院表示，至2027年國網中心的雲端算力將擴充至20MW，並與電信業者共組AI算力聯盟，首批成員達12家。
"""
    claims = _claims(tmp_path, settings, "tw_alliance.md", page)
    subject = [c for c in claims if c.text == "達12家"][0].subject
    assert subject is None or "共組" not in subject.text


def test_a_clause_opening_on_a_verb_keeps_the_subject_named_before_it(tmp_path, settings):
    page = "旅遊局數據顯示，黃金周期間澳門共接待旅客98.6萬人次，按年增長7%；錄得酒店收入約23億元。\n"
    claims = _claims(tmp_path, settings, "mo_week.md", page)
    assert _subject(claims, "約23億元") == subject_key("澳門")
