"""Page noise gives no claims, as classes of line (SEMANTICS §1: page chrome and spam are not claims):
bylines and their counters, related-link lists with dates and figures in their titles, SEO keyword
blocks, promotions, cookie banners, footers, previous/next navigation, editor lines, image sizes.
The article's own figures on the same pages, including sentences that share a word with the noise
(算力券 vouchers, a timeline list), stay claims.

The pages are written for these tests in the shapes real pages print; names and figures are made up.
"""

from factcheck.api import read_and_extract

CONTENT_FARM = """<html><head><title>韶山智算中心算力达到800P</title>
<meta name="keywords" content="韶山算力,800P"></head><body>
<div class="nav">首页 | 新闻 | 科技 | 财经 | 汽车 | 房产 | 旅游</div>
<h1>韶山智算中心算力达到800P</h1>
<div class="info">2025-06-12 09:30　来源：湘潭在线　作者：李某　阅读：3476次</div>
<div class="info">1.8万次阅读 · 评论 56</div>
<p>韶山智算中心二期工程近日完成设备安装，中心算力规模达到800P，已服务企业120家。</p>
<p>此外，中心已上线普惠算力券，单家企业每年最高可申领30万元。</p>
<p><img src="a.jpg"> 图为机房内景（图片尺寸 1920×1080）</p>
<p>- 2024-03-18：韶山智算中心一期建成投运</p>
<p>领取500元现金红包 立即下载APP 新用户注册即送</p>
<p>韶山算力 智算中心排名 算力租赁价格 800P算力多少钱 GPU服务器出租 高防服务器</p>
<div class="related"><h3>相关阅读</h3>
<ul><li>湘潭数字经济规模突破1200亿元</li><li>长株潭算力网络建成36个节点 2025-05-30</li></ul></div>
<p>湖南新增算力中心12个 2025-05-28</p>
<div>上一篇：韶山建成5G基站2300座</div>
<div>【责任编辑：周某】</div>
<div class="footer">Copyright © 2008-2025 湘潭在线 版权所有 湘ICP备12345678号</div>
</body></html>
"""

SCRAPED_ENGLISH = """<html><head><title>Keta hydro campus reaches 240MW</title></head><body>
<div class="cookie">We use cookies to personalise content. Cookies are kept for 90 days. <button>Accept all</button></div>
<div class="byline">By Ama Mensah | Published Jun 3, 2025 | 4 min read | 8,912 views</div>
<p>The Keta hydro campus now draws 240MW, and its operator plans a further 60MW by 2027.</p>
<p>Its newest hall holds 1,600 GPUs.</p>
<p>Related: Ghana's grid operator signs 500MW deal</p>
<p>Also read: 12 ways data centres save water</p>
<p>BEST VPN 2025 - Click here to earn $300 daily from home</p>
<p>Previous article: Lagos campus adds 30MW</p>
<div class="footer">© 2025 West Coast Tech Media. All rights reserved.</div>
</body></html>
"""


def _claims(tmp_path, settings, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _, claims, mentions, _, _ = read_and_extract([str(path)], settings, mentions=True)
    return {c.text.strip() for c in claims}, {m.text.strip(): m.reason for m in mentions if m.reason}


def test_chinese_content_farm_noise_gives_no_claims(tmp_path, settings):
    texts, reasons = _claims(tmp_path, settings, "farm.html", CONTENT_FARM)
    for noise in ("2025-06-12", "3476次", "1.8万次", "56", "1920", "500元", "1200亿元", "36个", "2025-05-30",
                  "12个", "2025-05-28", "2300座", "2008", "2025"):
        assert not any(t == noise or t.endswith(noise) and noise in t for t in texts), (noise, texts)
    assert reasons.get("12个") == "page noise" or "12个" not in reasons, "a related link's figure is explained"


def test_chinese_article_figures_on_a_noisy_page_stay(tmp_path, settings):
    texts, _ = _claims(tmp_path, settings, "farm.html", CONTENT_FARM)
    assert any("800P" in t for t in texts)
    assert any("120家" in t for t in texts)
    assert any("30万元" in t for t in texts), "a 算力券 voucher in a sentence is news, not a promotion"
    assert "2024-03-18" in texts, "a timeline list item that starts with its date is a claim"


def test_english_scraped_page_noise_gives_no_claims(tmp_path, settings):
    texts, _ = _claims(tmp_path, settings, "scrape.html", SCRAPED_ENGLISH)
    for noise in ("90 days", "Jun 3, 2025", "4 min", "8,912 views", "500MW", "12 ways", "$300", "30MW", "2025"):
        assert not any(noise in t for t in texts), (noise, texts)
    assert any("240MW" in t for t in texts) and any("60MW" in t for t in texts)
    assert any("1,600 GPUs" in t for t in texts)


LOOKS_LIKE_NOISE = """---
title: 资讯速递
date: 2025-02-12T09:00:00+08:00
---
2025年2月10日工信部发布：全国在用算力中心标准机架超过900万架

春节期间微信红包收发量达到98亿个

项目信息
建成时间：2024-09-30
总投资：12亿元

By Mar 31, 2026, the Tema campus will draw 180MW.
"""


def test_news_lines_that_share_a_word_with_noise_stay_claims(tmp_path, settings):
    texts, reasons = _claims(tmp_path, settings, "brief.md", LOOKS_LIKE_NOISE)
    assert any("900万架" in t for t in texts), "a headline that states a date and 发布 is not a byline"
    assert any("98亿个" in t for t in texts), "a headline that names 红包 once is not a promotion"
    assert "2024-09-30" in texts, "a field's date after its label is not a related link's date"
    assert any("180MW" in t for t in texts), "By and a date is a deadline, not an author"
    assert "page noise" not in reasons.values(), reasons
