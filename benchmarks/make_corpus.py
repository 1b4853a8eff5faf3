#!/usr/bin/env python3
"""Write a synthetic corpus of Chinese (and some English) news articles about AI computing centres, with known answers.

    python benchmarks/make_corpus.py N OUT_DIR [--seed S] [--en-rate 0.1]

Each article is in the seeds' format (a blank line, YAML front matter with title/date/author, then
HTML).  About 30 % are in traditional script (a third of those in the "scrape" style of seed 004:
pinyin glosses after characters, page chrome, a contact block and an SEO spam line).
A share (--en-rate) is in English, in the style of tests/fixtures/english (front matter, then HTML
or Markdown; URLs, versions, phone numbers, ordinals).  English sides of a pair are about a centre
whose name folds to the Chinese key (a gazetteer place: cross-language pairs) or, between English
articles, a centre with a pinyin name (its key keeps the pinyin).

Every figure in the corpus is planted on purpose:
  * pairs: one (subject, metric) stated in two articles; the two values agree (intervals overlap),
    update (later article, later as_of, bigger value, metric varies over time) or contradict
    (disjoint values at the same as_of, or a time-invariant fact such as an opening date);
  * singletons: a (subject, metric) stated once in the whole corpus.
Each (subject, metric) key is used by exactly one pair or singleton (until the key space of
about 60 000 keys runs out, then keys are reused with an extra name part), so the pairs in
expected.json are the only cross-article comparisons a perfect extractor + linker can make.
Everything else is figure-free prose or noise that SEMANTICS.md says is not a claim (URLs, <img>
sizes, versions, product and event names, list ordinals, phone numbers, e-mail, chrome, spam).

OUT_DIR/expected.json lists every pair (both files, subject, metric, values as written and as
intervals, as_of, expected kind) and every singleton.  The output depends only on N and the seed.
Standard library only (no opencc: traditional text comes from the character map below).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import sys
import time
from datetime import date, timedelta
from fractions import Fraction

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

CITIES = [
    "武汉", "成都", "南京", "西安", "合肥", "杭州", "长沙", "郑州", "济南", "青岛", "沈阳", "大连",
    "哈尔滨", "长春", "福州", "厦门", "南昌", "昆明", "贵阳", "南宁", "太原", "石家庄", "兰州", "银川",
    "西宁", "呼和浩特", "乌鲁木齐", "宁波", "苏州", "无锡", "常州", "南通", "徐州", "温州", "绍兴",
    "嘉兴", "东莞", "佛山", "珠海", "广州", "深圳", "天津", "重庆", "北京", "上海", "廊坊", "保定",
    "唐山", "洛阳", "宜昌", "襄阳", "株洲", "湘潭", "绵阳", "宜宾", "遵义", "庆阳", "中卫", "韶关",
    "芜湖", "烟台", "扬州", "镇江", "惠州", "中山", "海口", "三亚", "拉萨",
]
PROPER = [
    "", "星河", "天枢", "云帆", "星海", "昆仑", "紫金", "滨江", "临空", "数智", "智谷", "云谷", "启明",
    "北辰", "凌云", "长风", "新港", "科学城", "高新", "经开", "江北", "东方", "明珠", "银河", "天工",
    "青云", "飞星", "瑞云", "鸿雁", "玉衡", "开阳", "天璇", "天玑", "摇光", "翠湖", "金沙", "锦城",
    "湘江", "汉江", "珠江", "闽江", "赣江", "麓山", "岳麓", "钱塘", "秦岭", "太行", "泰山", "黄山",
    "庐山", "峨眉", "青城", "鼓楼", "白云", "蓝湾", "未来城", "数港", "云港", "智港", "芯谷", "鲲鹏",
    "海峡", "丝路", "长安", "金陵", "鹭岛", "泉城", "蓉城", "星城", "江城", "榕城", "羊城",
    "鹏程", "滨湖", "空港", "西部云", "北部湾", "东海", "南海",
]
# (no name here is a place in factcheck's gazetteer, and none contains another: 空港 and 航空港
# would be one area to a reader, so only one of them is used)
OPERATORS = ["中国电信", "中国移动", "中国联通"]
PROVINCES = [
    "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南",
    "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "内蒙古", "广西",
    "宁夏", "新疆",
]
HEADS = ["人工智能计算中心", "智算中心", "智能计算中心"]
CANON_HEAD = "智算中心"  # every head above folds to this one (factcheck/data/subjects/heads.toml)
SITES = ["高科技行业门户", "ZAKER", "新浪科技", "智能相对论", "科技日报", "中国电子报", "通信世界",
         "数据中心世界", "算力观察", "长江日报", "四川日报", "新华日报", "经济观察网"]
AUTHORS = ["叶远风", "李明", "王芳", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "孙悦", "周婷"]
CN_DIGITS = "零一二三四五六七八九"

# Figure-free prose in the style of the seeds (checked: no claim, no mention with a value).
PROSE = [
    "算力作为数字经济时代的新型生产力，正在成为支撑数字中国建设的核心基础。",
    "千行百业数字化转型进程的加速，给人工智能产业带来了新的机遇。",
    "当下这一轮人工智能技术的发展，主要得益于深度学习能力的提升，其对底层算力的要求越来越高。",
    "普通的数据中心已无法满足人工智能算法运算及其业务开展的需要，智算基础设施的扩建与完善正在成为业界呼唤。",
    "高校、科研院所和中小企业普遍面临算力贵、算力难获取的尴尬状况。",
    "人工智能计算中心提供高性价比、安全、普惠的算力资源，可大幅缩减各类组织的算力成本。",
    "从新基建到东数西算，智能计算中心已经成为算力基础设施的重要组成部分。",
    "政府产业引导型的计算中心建设，产业发展和创新的诉求较强，更加适合大规模高投入建设。",
    "业内人士认为，算力网络的互联互通将进一步释放区域算力的价值。",
    "通过公共算力服务平台、应用创新孵化平台、产业聚合发展平台和科研创新人才培养平台，智算中心正在带动地方产业升级。",
    "在政策与市场的双重驱动下，各地智算中心建设进入全面爆发期。",
    "外界对于人工智能算力使用的迫切程度，超出了预期。",
    "智算中心的落地，让地方的人工智能产业获得了更好的长期发展环境。",
    "构建自主生态体系更是当务之急，需要产学研用协同合作，打造从芯片设计到应用开发的完整闭环。",
    "大模型的训练与推理需求快速增长，对算力的规模、效率和稳定性提出了更高要求。",
    "专家指出，算力调度和绿色低碳将是下阶段智算中心建设的关键词。",
    "智算中心采用液冷等节能技术，有效降低了能耗。",
    "一批基于国产芯片的行业大模型相继发布，覆盖政务、医疗、交通、制造等领域。",
    "可以说，随着人工智能计算中心的落地，地区的人工智能产业发展将被大大加速。",
    "与此同时，产业生态也如热带雨林般逐渐繁茂，电信运营商与互联网企业携手共进。",
    "这一模式已开始复制到其他重点城市，形成了可推广的经验。",
    "面向未来，智算中心还需在运营模式、人才培养和生态建设上持续发力。",
    "阻碍人工智能发展的原因首先是算力贵，其次是分散建设的算力利用效率不高。",
    "政府在公信力方面的优势，也更容易让大家相信智算中心的数据安全及商业收费合规。",
    "人工智能技术的发展及落地是分阶段的，早期阶段以技术探索为主，当前已进入规模化应用的新阶段。",
    "从宏观的视角来看，智算中心就是人工智能发展过程中的精细化分工，让各类组织能够专注于自己擅长的工作。",
    "众所周知，中美在人工智能领域的创新各有优势，而基础软硬件的自主可控是长期竞争力的关键。",
    "智算中心以集中化的方式建设，结合区域行业特点开展应用创新，是人工智能全栈技术的集中探索和实践。",
    "在智慧城市、智能制造、智慧医疗、自动驾驶等场景，基于智算中心的解决方案正在加速落地。",
    "业内普遍认为，算力、算法和数据是人工智能发展的三要素，其中算力是基础中的基础。",
    "随着东数西算工程全面启动，算力资源的跨区域调度成为行业关注的焦点。",
    "地方政府、龙头企业与高校院所协同发力，推动人工智能与实体经济深度融合。",
    "智算中心不仅提供算力，还通过开放平台、联合实验室和人才培训，构建完整的产业生态。",
    "多位专家表示，智算中心的价值不在于建了多少，而在于用得好不好。",
    "在绿色低碳的要求下，智算中心普遍采用高效供电与余热回收等技术。",
    "面对大模型带来的算力需求，不少企业选择就近使用公共智算资源，降低了研发门槛。",
]
HEADINGS = ["算力底座持续夯实", "打造人工智能创新高地", "生态聚合效应显现", "从建设到运营",
            "普惠算力惠及千行百业", "区域协同发展", "国产算力加速突围"]
TITLES = [
    "{S}：打造区域算力新高地", "探访{S}：算力如何赋能千行百业", "{S}持续夯实人工智能算力底座",
    "智算新基建提速，{S}交出成绩单", "{S}助力突破人工智能发展算力瓶颈", "算力观察｜{S}的建设与运营",
]
SPAM_ITEMS = [
    "免费在线观看", "高清视频下载2024", "最新影视大全", "99热资源站", "免费小说在线阅读", "影视大全app",
    "手游排行榜100", "2024最新电视剧", "韩剧网在线看", "第1集在线播放", "动漫网站大全", "直播间入口888",
    "蜘蛛池模板", "永久免费入口", "电影天堂8", "网页游戏排行", "美剧天堂", "1080P蓝光下载",
]
NOISE_SENTENCES = [
    "该平台基于 MindSpore 2.0 与 CANN 6.3 构建，支持主流开发框架。",
    "中心基于昇思MindSpore1．2版本完成了适配。",
    "{YEAR}世界人工智能大会期间，多个城市与企业签署了合作协议。",
    "在WAIC{YEAR}期间，相关成果集中亮相。",
    "中心采用Atlas 900 集群架构，一体式液冷技术由合作企业提供。",
    "发布会于上午10:30开始，现场演示了 4K/1080P 视频智能分析，模型文件仅 2.5MB。",
    "各方优势互补，发挥出 1 + 1>2 的协同效应。",
    "详情可访问 www.example-aicc.cn/news/{YEAR}/0{M}/index.html 了解。",
]
ORDINAL_ITEMS = ["加快算力基础设施建设", "完善公共算力服务体系", "推动算力与产业深度融合",
                 "强化人才培养与引进", "构建开放的产业生态"]

# --------------------------------------------------------------------------------------------
# Simplified -> traditional (Taiwan forms), for exactly the characters this generator writes
# (made once with OpenCC s2tw, which the generator does not import). Characters with several
# traditional forms are mapped for the words used here: 后 only in 后续 (後), 余 in 十余 (餘),
# 复 in 复制 (複), 签 in 签署 (簽), 台 in 平台/烟台 (臺); 伙 stays (合作伙伴).
# --------------------------------------------------------------------------------------------

_S2T_PAIRS = (
    "万萬 与與 专專 业業 东東 丝絲 个個 临臨 为為 义義 乌烏 习習 争爭 于於 云雲 亚亞 产產 亿億 仅僅 从從 仑侖 价價 众眾 优優 会會 伟偉 体體 余餘 兰蘭 关關 兴興 "
    "养養 内內 决決 况況 准準 减減 刘劉 创創 剧劇 务務 动動 势勢 区區 医醫 华華 协協 单單 卫衛 厦廈 双雙 发發 台臺 叶葉 后後 启啟 唤喚 围圍 国國 图圖 场場 块塊 复複 "
    "够夠 头頭 孙孫 学學 宁寧 实實 宾賓 对對 导導 将將 尔爾 尴尷 层層 岛島 岭嶺 岳嶽 峡峽 带帶 广廣 庄莊 庆慶 庐廬 应應 开開 张張 强強 当當 态態 总總 悦悅 戏戲 户戶 "
    "扩擴 扬揚 报報 拥擁 择擇 挥揮 据據 携攜 摇搖 撑撐 数數 无無 时時 显顯 术術 机機 来來 杨楊 构構 枢樞 标標 栈棧 楼樓 槛檻 汇匯 汉漢 济濟 渐漸 温溫 游遊 湾灣 满滿 "
    "滨濱 点點 烟煙 热熱 状狀 玑璣 环環 现現 电電 疗療 盖蓋 着著 础礎 碍礙 稳穩 竞競 筹籌 签簽 类類 紧緊 约約 级級 纽紐 线線 练練 组組 细細 织織 绍紹 经經 结結 绕繞 "
    "给給 络絡 统統 继繼 绩績 续續 绵綿 绿綠 缓緩 缩縮 网網 联聯 肃肅 节節 芜蕪 苏蘇 获獲 营營 萨薩 蓝藍 补補 观觀 规規 视視 计計 认認 让讓 训訓 议議 论論 设設 访訪 "
    "诉訴 词詞 话話 该該 详詳 说說 读讀 调調 负負 贵貴 费費 资資 赋賦 赣贛 赵趙 践踐 转轉 轮輪 软軟 载載 较較 辽遼 达達 过過 运運 还還 这這 进進 远遠 连連 适適 选選 "
    "郑鄭 采採 释釋 钱錢 银銀 锡錫 锦錦 键鍵 镇鎮 长長 门門 闭閉 问問 间間 闻聞 闽閩 阅閱 阳陽 阶階 陈陳 陕陝 随隨 难難 静靜 韩韓 页頁 项項 预預 领領 颈頸 频頻 题題 "
    "风風 飞飛 驱驅 驶駛 驻駐 驾駕 验驗 鲁魯 鲲鯤 鸿鴻 鹏鵬 鹭鷺 黄黃 齐齊 龙龍 "
)
S2T = {pair[0]: pair[1] for pair in _S2T_PAIRS.split()}
_S2T_TABLE = str.maketrans(S2T)
# words where the character map alone is not the Taiwan form (checked against OpenCC s2tw)
_T_WORDS = [("制造", "製造"), ("複制", "複製"), ("沈陽", "瀋陽"), ("昆侖", "崑崙"), ("依托", "依託"),
            ("周期", "週期"), ("聯系", "聯繫")]


def to_traditional(text: str) -> str:
    """Character by character, then the few words above."""
    out = text.translate(_S2T_TABLE)
    for wrong, right in _T_WORDS:
        if wrong in out:
            out = out.replace(wrong, right)
    return out


# Pinyin glosses for the scrape style of seed 004 (會(huì)). Only characters that differ between the
# scripts get one, as in the seed; the list covers the frequent ones.
PINYIN = {
    "會": "huì", "數": "shù", "據": "jù", "國": "guó", "萬": "wàn", "標": "biāo", "準": "zhǔn",
    "機": "jī", "發": "fā", "時": "shí", "間": "jiān", "規": "guī", "達": "dá", "億": "yì",
    "東": "dōng", "計": "jì", "與": "yǔ", "業": "yè", "產": "chǎn", "開": "kāi", "設": "shè",
    "進": "jìn", "動": "dòng", "網": "wǎng", "電": "diàn", "運": "yùn", "營": "yíng", "區": "qū",
    "經": "jīng", "濟": "jì", "過": "guò", "頁": "yè", "當": "dāng", "聞": "wén", "現": "xiàn",
    "實": "shí", "總": "zǒng", "資": "zī", "應": "yìng", "這": "zhè", "們": "men", "來": "lái",
    "個": "gè", "為": "wèi", "線": "xiàn", "華": "huá", "雲": "yún", "長": "cháng", "漢": "hàn",
    "慶": "qìng", "廣": "guǎng", "蘇": "sū", "門": "mén", "鐘": "zhōng", "構": "gòu", "體": "tǐ",
    "對": "duì", "務": "wù", "協": "xié", "創": "chuàng", "術": "shù", "礎": "chǔ", "領": "lǐng",
    "態": "tài", "優": "yōu", "勢": "shì", "號": "hào", "級": "jí", "樞": "shū",
}

# --------------------------------------------------------------------------------------------
# Numbers and intervals (SEMANTICS.md section 2)
# --------------------------------------------------------------------------------------------

INF = None  # an open upper end


def fmt_num(v: Fraction) -> str:
    """Shortest decimal text of v (v has a finite decimal expansion here)."""
    if v.denominator == 1:
        return str(int(v))
    s = f"{float(v):.6f}".rstrip("0").rstrip(".")
    return s


def last_digit_step(text: str) -> Fraction:
    """Place value of the last printed digit: '62.5' -> 0.1, '300' -> 1, '1.5' -> 0.1."""
    if "." in text:
        return Fraction(1, 10 ** len(text.split(".")[1]))
    return Fraction(1)


def next_step(v: Fraction) -> Fraction:
    """多/余: the step of the last non-zero digit, 600 -> 100, 320 -> 10, 10 -> 10."""
    n, step = int(v), 1
    while n and n % 10 == 0:
        n //= 10
        step *= 10
    return Fraction(step)


class Val:
    """One value as written: its text and its interval in the canonical unit."""

    __slots__ = ("text", "value", "unit", "lo", "hi", "lo_open", "hi_open", "qualifier")

    def __init__(self, text, value, unit, lo, hi, lo_open=False, hi_open=False, qualifier="exact"):
        self.text, self.value, self.unit = text, value, unit
        self.lo, self.hi, self.lo_open, self.hi_open, self.qualifier = lo, hi, lo_open, hi_open, qualifier

    def json(self):
        return {"text": self.text, "value": _num(self.value), "unit": self.unit, "qualifier": self.qualifier,
                "interval": [_num(self.lo), _num(self.hi) if self.hi is not INF else None],
                "open": [self.lo_open, self.hi_open]}


class DateVal:
    __slots__ = ("text", "start", "end", "precision", "prep")

    def __init__(self, text, start: date, end: date, precision: str, prep: str = ""):
        self.text, self.start, self.end, self.precision = text, start, end, precision
        self.prep = prep  # English: the preposition a sentence puts before it (in, on, at)

    def json(self):
        return {"text": self.text, "date": {"start": self.start.isoformat(), "end": self.end.isoformat(),
                                            "precision": self.precision}}


def _num(x):
    if x is None:
        return None
    if isinstance(x, Fraction):
        return int(x) if x.denominator == 1 else float(x)
    return x


def overlaps(a: Val, b: Val) -> bool:
    """Do the two intervals share a point? (None as upper end is +inf; open ends excluded.)"""
    # the higher lower end, open if that end is open in the interval it comes from
    lo, lo_open = max((a.lo, a.lo_open), (b.lo, b.lo_open))
    uppers = [(x.hi, not x.hi_open) for x in (a, b) if x.hi is not INF]
    if not uppers:
        return True
    hi, hi_closed = min(uppers)  # the lower upper end, open if that end is open
    return lo < hi or (lo == hi and not lo_open and hi_closed)


def dates_overlap(a: DateVal, b: DateVal) -> bool:
    return a.start <= b.end and b.start <= a.end


def round_sig(x: float, sig: int = 2) -> int:
    if x <= 0:
        return 1
    p = 10 ** max(0, int(math.floor(math.log10(x))) - sig + 1)
    return max(p, int(round(x / p)) * p)


def cn_number(n: int) -> str | None:
    """Chinese numerals for 1..9999 (五, 十二, 三百, 一千五百); None above."""
    if not 0 < n < 10000:
        return None
    parts, units = [], [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
    zero = False
    for u, w in units:
        d = n // u % 10
        if d:
            if zero and parts:
                parts.append("零")
            parts.append(("" if (u == 10 and n < 20) else CN_DIGITS[d]) + w)
            zero = False
        elif parts:
            zero = True
    return "".join(parts)


# --------------------------------------------------------------------------------------------
# Metrics: how a value is written and the sentences that carry it
# --------------------------------------------------------------------------------------------

def _sp(rng) -> str:
    return " " if rng.random() < 0.35 else ""


def _digits(rng, n: int) -> str:
    """Arabic digits, now and then full-width or with thousands separators."""
    r = rng.random()
    if r < 0.03:
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if r < 0.06 and n >= 10000:
        return f"{n:,}"
    return str(n)


def qualify(rng, kind: str, v: Fraction, unit: str, body: str, noun: str = "") -> Val:
    """Qualify body (number + unit, for value v) as approx / at_least / at_most; noun follows the unit."""
    if kind == "approx":
        if rng.random() < 0.25:
            return Val(body + "左右" + ("的" + noun if noun else ""), v, unit, v * Fraction(9, 10), v * Fraction(11, 10), qualifier="approx")
        w = rng.choice(["约", "约 ", "近", "接近", "大约"])
        return Val(w + body + noun, v, unit, v * Fraction(9, 10), v * Fraction(11, 10), qualifier="approx")
    if kind == "at_least":
        if rng.random() < 0.2:
            return Val(body + "以上" + ("的" + noun if noun else ""), v, unit, v, INF, lo_open=True, qualifier="at_least")
        w = rng.choice(["超", "超过", "逾", "超 ", "超过 "])
        return Val(w + body + noun, v, unit, v, INF, lo_open=True, qualifier="at_least")
    if kind == "at_most":
        w = rng.choice(["不到", "不足"])
        return Val(w + body + noun, v, unit, Fraction(0), v, hi_open=True, qualifier="at_most")
    raise ValueError(kind)


class Metric:
    key = ""
    dimension = ""
    varies = True

    def base(self, rng) -> int:
        raise NotImplementedError

    def render(self, rng, v: int, kind: str) -> Val:
        raise NotImplementedError

    def sentence(self, rng, subj: str, val: Val) -> str:
        return rng.choice(self.templates).format(S=subj, V=val.text)


class Compute(Metric):
    key, dimension = "compute", "compute"
    templates = [
        "{S}已建成智能算力总规模{V}，可为区域内企业和科研机构提供普惠算力服务。",
        "{S}目前算力规模{V}。",
        "作为区域算力枢纽，{S}的人工智能算力{V}。",
        "据介绍，{S}AI算力{V}，位居区域前列。",
        "{S}的AI峰值性能{V}，有效缓解了本地算力紧缺问题。",
    ]

    def base(self, rng):
        return round_sig(10 ** rng.uniform(1.7, 4.3))

    def render(self, rng, v, kind):
        V = Fraction(v)
        if kind == "exact":
            forms = ["P", "PFLOPS", "PFlops", "P"]
            if v % 1000 == 0 and v >= 1000:
                forms.append("E")
            if v % 1000 == 0 and v >= 10000:
                forms.append("W")
            f = rng.choice(forms)
            verb = rng.choice(["", "达", "达到", "达到 ", "可达", "高达", "已达"])
            if f == "E":
                n = fmt_num(V / 1000)
                step = last_digit_step(n) * 1000
                unit = rng.choice([" Eflops", "EFLOPS", " EFLOPS"])
                return Val(verb + n + unit, V, "PFLOPS", V - step / 2, V + step / 2)
            if f == "W":
                n = fmt_num(V / 10000)
                step = last_digit_step(n) * 10000
                return Val(verb + n + _sp(rng) + "万P", V, "PFLOPS", V - step / 2, V + step / 2)
            n = _digits(rng, v)
            return Val(verb + n + _sp(rng) + f, V, "PFLOPS", V - Fraction(1, 2), V + Fraction(1, 2))
        return qualify(rng, kind, V, "PFLOPS", str(v) + _sp(rng) + rng.choice(["P", "PFLOPS", "P"]))


class Cards(Metric):
    key, dimension = "cards", "accelerator"
    templates = [
        "{S}已部署{V}，训练能力大幅提升。",
        "{S}现有算力卡{V}。",
        "{S}上线的加速卡规模{V}。",
    ]

    def base(self, rng):
        return round_sig(10 ** rng.uniform(2.7, 4.4))

    def render(self, rng, v, kind):
        V = Fraction(v)
        unit = rng.choice(["卡", "张卡", "卡", "张GPU卡", "块卡"])
        if kind == "exact":
            if v % 1000 == 0 and v >= 10000 and rng.random() < 0.4:
                n = fmt_num(V / 10000)
                step = last_digit_step(n) * 10000
                return Val(n + "万卡", V, "card", V - step / 2, V + step / 2)
            n = _digits(rng, v)
            return Val(n + _sp(rng) + unit, V, "card", V - Fraction(1, 2), V + Fraction(1, 2))
        return qualify(rng, kind, V, "card", str(v) + _sp(rng) + unit)


class Racks(Metric):
    key, dimension = "racks", "rack"
    templates = [
        "{S}目前拥有{V}。",
        "{S}已投产{V}，上架业务稳步增长。",
        "{S}建成{V}。",
    ]

    def base(self, rng):
        return round_sig(10 ** rng.uniform(2.5, 4.5))

    def render(self, rng, v, kind):
        V = Fraction(v)
        if kind == "exact":
            if v % 1000 == 0 and v >= 10000 and rng.random() < 0.4:
                n = fmt_num(V / 10000)
                step = last_digit_step(n) * 10000
                return Val(n + _sp(rng) + "万标准机架", V, "rack", V - step / 2, V + step / 2)
            n = _digits(rng, v)
            return Val(n + _sp(rng) + rng.choice(["个标准机架", "架标准机架", "个机架"]), V, "rack",
                       V - Fraction(1, 2), V + Fraction(1, 2))
        return qualify(rng, kind, V, "rack", str(v) + _sp(rng) + rng.choice(["个标准机架", "标准机架"]))


class Counted(Metric):
    """Counts of enterprises, partners, developers: 20+企业, 300多家, 超过 500 家, 十余家."""

    dimension = "count"

    def __init__(self, key, measure, noun, templates, lo, hi, wan=False):
        self.key, self.measure, self.noun, self.templates = key, measure, noun, templates
        self.lo, self.hi, self.wan = lo, hi, wan

    def base(self, rng):
        return round_sig(10 ** rng.uniform(self.lo, self.hi))

    def render(self, rng, v, kind):
        V = Fraction(v)
        m, noun = self.measure, self.noun
        if kind == "exact":
            if self.wan and v >= 10000 and v % 1000 == 0 and rng.random() < 0.6:
                n = fmt_num(V / 10000)
                step = last_digit_step(n) * 10000
                return Val(n + _sp(rng) + "万" + m + noun, V, "count", V - step / 2, V + step / 2)
            cn = cn_number(v) if v < 1000 and rng.random() < 0.15 else None
            if cn and v >= 10:
                # Chinese numerals: exact to the unit of their last digit
                return Val(cn + m + noun, V, "count", V - Fraction(1, 2), V + Fraction(1, 2))
            return Val(_digits(rng, v) + _sp(rng) + m + noun, V, "count", V - Fraction(1, 2), V + Fraction(1, 2))
        if kind == "more":  # 多/余 follow a round number: 300多家, 十余家
            if v >= 10 and v % 10:
                v = v // 10 * 10
            V = Fraction(v)
            step = next_step(V)
            if v < 10000 and rng.random() < 0.2 and cn_number(v):
                return Val(cn_number(v) + "余" + m + noun, V, "count", V, V + step, True, True, "range")
            return Val(str(v) + rng.choice(["多", "余"]) + m + noun, V, "count", V, V + step, True, True, "range")
        if kind == "at_least" and rng.random() < 0.35 and m == "家":
            return Val(str(v) + "+" + noun, V, "count", V, INF, lo_open=True, qualifier="at_least")
        return qualify(rng, kind, V, "count", str(v) + _sp(rng) + m, noun)


class Share(Metric):
    key, dimension = "utilisation", "share"
    templates = [
        "{S}的上架率{V}。",
        "{S}算力使用率{V}，高峰时段一卡难求。",
        "投运以来，{S}的算力负荷{V}。",
    ]

    def base(self, rng):
        return rng.choice([rng.randint(30, 95), rng.randint(300, 950) / 10])

    def render(self, rng, v, kind):
        V = Fraction(str(v))
        n = fmt_num(V)
        pct = rng.choice(["%", "%", "％"])
        if kind == "exact":
            step = last_digit_step(n)
            verb = rng.choice(["达", "达到", "为", "已达", ""])
            return Val(verb + n + pct, V, "percent", V - step / 2, V + step / 2)
        return qualify(rng, kind, V, "percent", n + pct)


class Money(Metric):
    key, dimension = "investment", "money"
    templates = [
        "{S}总投资{V}。",
        "{S}的建设总投资{V}。",
        "据了解，{S}的总投资{V}，由地方政府统筹推进。",
    ]

    def base(self, rng):
        return round_sig(10 ** rng.uniform(0.5, 3.0))  # 亿元

    def render(self, rng, v, kind):
        V = Fraction(v) * 10 ** 8
        if kind == "exact":
            if v < 10 and rng.random() < 0.5:
                n = str(v * 10000)
                return Val(n + "万元", V, "CNY", V - 5000, V + 5000)
            return Val(_digits(rng, v) + _sp(rng) + "亿元", V, "CNY", V - 5 * 10 ** 7, V + 5 * 10 ** 7)
        return qualify(rng, kind, V, "CNY", str(v) + _sp(rng) + "亿元")


class BuildPeriod(Metric):
    key, dimension, varies = "build_period", "time", False
    templates = [
        "{S}建设周期仅{V}，刷新了同类项目的建设速度。",
        "从开工到投运，{S}核心建设周期{V}。",
    ]

    def base(self, rng):
        return rng.randint(3, 18)

    def render(self, rng, v, kind):
        V = Fraction(v)
        if kind == "exact":
            cn = cn_number(v)
            n = cn if (cn and rng.random() < 0.4) else str(v)
            return Val(n + _sp(rng) + "个月", V, "month", V - Fraction(1, 2), V + Fraction(1, 2))
        return qualify(rng, kind, V, "month", str(v) + "个月")


class EventDate(Metric):
    """The date of an event (time-invariant): opening (上线/投运/揭牌) or construction start (开工)."""

    dimension, varies = "date", False

    def __init__(self, key, templates):
        self.key, self.templates = key, templates

    def sentence(self, rng, subj, val):
        return rng.choice(self.templates).format(S=subj, D=val.text)


METRICS_VARYING = [
    Compute(), Cards(), Racks(),
    Counted("enterprises", "家", "企业", [
        "{S}已吸引{V}入驻。", "{S}已服务{V}，覆盖制造、医疗、交通等领域。",
        "{S}目前已引进{V}。"], 1.0, 2.9),
    Counted("partners", "家", "合作伙伴", [
        "{S}已聚集{V}。", "围绕{S}，生态已汇聚{V}。"], 1.0, 2.8),
    Counted("developers", "名", "开发者", [
        "{S}已汇聚{V}。", "依托平台，{S}已培养{V}。"], 2.5, 5.0, wan=True),
    Share(), Money(),
]
METRICS_FIXED = [
    BuildPeriod(),
    EventDate("opening", [
        "{S}于{D}正式上线。", "{D}，{S}正式投入运营。", "{S}于{D}揭牌。", "{D}，{S}建成投运。"]),
    EventDate("construction_start", [
        "{S}于{D}开工建设。", "{D}，{S}正式开工。"]),
]

# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

START = date(2021, 1, 1)
SPAN_DAYS = 1640  # to mid 2025
UPDATE_GAP_DAYS = 180  # later article, later as_of: well beyond the same-time window (45 days)


def month_end(y: int, m: int) -> date:
    return (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1))


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def render_date(rng, ev: date, pub: date, form: str) -> DateVal | None:
    """The event date ev written in one form, as seen from an article published on pub."""
    y, m, d = ev.year, ev.month, ev.day
    sp = " " if rng.random() < 0.25 else ""
    if form == "day":
        return DateVal(f"{y}{sp}年{sp}{m}{sp}月{sp}{d}{sp}日", ev, ev, "day")
    if form == "month":
        return DateVal(f"{y}{sp}年{sp}{m}{sp}月", date(y, m, 1), month_end(y, m), "month")
    if form == "relative":
        if y == pub.year - 1:
            return DateVal(f"去年{m}月", date(y, m, 1), month_end(y, m), "month")
        if y == pub.year and m < pub.month:
            return DateVal(f"今年{m}月", date(y, m, 1), month_end(y, m), "month")
        return None
    if form == "quarter":
        if m <= 3:
            return DateVal(f"{y}年年初", date(y, 1, 1), date(y, 3, 31), "quarter")
        if m >= 10:
            return DateVal(f"{y}年年底", date(y, 10, 1), date(y, 12, 31), "quarter")
        return None
    if form == "half":
        if m <= 6:
            return DateVal(f"{y}年上半年", date(y, 1, 1), date(y, 6, 30), "half")
        return DateVal(f"{y}年下半年", date(y, 7, 1), date(y, 12, 31), "half")
    raise ValueError(form)


DATE_FORMS = ["day", "month", "month", "relative", "quarter", "half"]


def any_date_form(rng, ev, pub, precise=False, lang="zh") -> DateVal:
    forms = ["day", "month", "relative"] if precise else DATE_FORMS
    render = render_date_en if lang == "en" else render_date
    for _ in range(8):
        dv = render(rng, ev, pub, rng.choice(forms))
        if dv is not None:
            return dv
    return render(rng, ev, pub, "month")


# --------------------------------------------------------------------------------------------
# English articles (--en-rate): news prose in the style of tests/fixtures/english, with planted
# claims only in forms factcheck reads (checked with `factcheck extract` when this was written)
# --------------------------------------------------------------------------------------------

# English names of the cities and provinces above that factcheck's gazetteer knows (only these
# are written in English: a romanised name the gazetteer lacks would not fold to the Chinese one)
PLACE_EN = {
    "武汉": "Wuhan", "成都": "Chengdu", "南京": "Nanjing", "西安": "Xi'an", "合肥": "Hefei", "杭州": "Hangzhou",
    "长沙": "Changsha", "郑州": "Zhengzhou", "济南": "Jinan", "青岛": "Qingdao", "沈阳": "Shenyang",
    "大连": "Dalian", "哈尔滨": "Harbin", "长春": "Changchun", "福州": "Fuzhou", "厦门": "Xiamen",
    "南昌": "Nanchang", "昆明": "Kunming", "贵阳": "Guiyang", "南宁": "Nanning", "太原": "Taiyuan",
    "石家庄": "Shijiazhuang", "兰州": "Lanzhou", "银川": "Yinchuan", "西宁": "Xining", "呼和浩特": "Hohhot",
    "乌鲁木齐": "Urumqi", "宁波": "Ningbo", "苏州": "Suzhou", "无锡": "Wuxi", "东莞": "Dongguan",
    "佛山": "Foshan", "珠海": "Zhuhai", "广州": "Guangzhou", "深圳": "Shenzhen", "天津": "Tianjin",
    "重庆": "Chongqing", "北京": "Beijing", "上海": "Shanghai", "廊坊": "Langfang", "庆阳": "Qingyang",
    "中卫": "Zhongwei", "韶关": "Shaoguan", "芜湖": "Wuhu", "海口": "Haikou", "拉萨": "Lhasa",
    "河北": "Hebei", "山西": "Shanxi", "辽宁": "Liaoning", "吉林": "Jilin", "黑龙江": "Heilongjiang",
    "江苏": "Jiangsu", "浙江": "Zhejiang", "安徽": "Anhui", "福建": "Fujian", "江西": "Jiangxi",
    "山东": "Shandong", "河南": "Henan", "湖北": "Hubei", "湖南": "Hunan", "广东": "Guangdong",
    "海南": "Hainan", "四川": "Sichuan", "贵州": "Guizhou", "云南": "Yunnan", "陕西": "Shaanxi",
    "甘肃": "Gansu", "青海": "Qinghai", "内蒙古": "Inner Mongolia", "广西": "Guangxi", "宁夏": "Ningxia",
    "新疆": "Xinjiang",
}
# Pinyin of the proper names, for centres only English articles write about (their key keeps the
# pinyin: Wuhan Xinghe AI Computing Center -> 武汉xinghe智算中心). Left out: 鹏程 (Pengcheng is a
# gazetteer place), 庐山 and 榕城 (same pinyin as 麓山 and 蓉城), 长安 (an apostrophe).
PROPER_EN = {
    "星河": "Xinghe", "天枢": "Tianshu", "云帆": "Yunfan", "星海": "Xinghai", "昆仑": "Kunlun", "紫金": "Zijin",
    "滨江": "Binjiang", "临空": "Linkong", "数智": "Shuzhi", "智谷": "Zhigu", "云谷": "Yungu", "启明": "Qiming",
    "北辰": "Beichen", "凌云": "Lingyun", "长风": "Changfeng", "新港": "Xingang", "科学城": "Kexuecheng",
    "高新": "Gaoxin", "经开": "Jingkai", "江北": "Jiangbei", "东方": "Dongfang", "明珠": "Mingzhu",
    "银河": "Yinhe", "天工": "Tiangong", "青云": "Qingyun", "飞星": "Feixing", "瑞云": "Ruiyun",
    "鸿雁": "Hongyan", "玉衡": "Yuheng", "开阳": "Kaiyang", "天璇": "Tianxuan", "天玑": "Tianji",
    "摇光": "Yaoguang", "翠湖": "Cuihu", "金沙": "Jinsha", "锦城": "Jincheng", "湘江": "Xiangjiang",
    "汉江": "Hanjiang", "珠江": "Zhujiang", "闽江": "Minjiang", "赣江": "Ganjiang", "麓山": "Lushan",
    "岳麓": "Yuelu", "钱塘": "Qiantang", "秦岭": "Qinling", "太行": "Taihang", "泰山": "Taishan",
    "黄山": "Huangshan", "峨眉": "Emei", "青城": "Qingcheng", "鼓楼": "Gulou", "白云": "Baiyun",
    "蓝湾": "Lanwan", "未来城": "Weilaicheng", "数港": "Shugang", "云港": "Yungang", "智港": "Zhigang",
    "芯谷": "Xingu", "鲲鹏": "Kunpeng", "海峡": "Haixia", "丝路": "Silu", "金陵": "Jinling", "鹭岛": "Ludao",
    "泉城": "Quancheng", "蓉城": "Rongcheng", "星城": "Xingcheng", "江城": "Jiangcheng", "羊城": "Yangcheng",
    "滨湖": "Binhu", "空港": "Konggang", "西部云": "Xibuyun", "北部湾": "Beibuwan", "东海": "Donghai",
    "南海": "Nanhai",
}
HEADS_EN = ["Artificial Intelligence Computing Center", "AI Computing Center", "Intelligent Computing Center",
            "Intelligent Computing Centre", "AI Computing Centre", "Artificial Intelligence Computing Centre"]
EN_SITES = ["Xinhua", "Reuters", "DCD", "The Register", "China Daily", "CGTN", "South China Morning Post",
            "Global Times", "TechNode", "Caixin Global"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
EN_MONTH_ABBR = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}  # AP style
EN_SPELLED = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
              "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
              "twenty"]
# qualifier words factcheck reads with the right interval (not "at least": its lower end comes out
# open; not "up to": its upper end comes out open)
EN_APPROX = ["about", "around", "roughly", "nearly", "some", "close to"]
EN_AT_LEAST = ["more than", "over", "above", "more than"]
EN_AT_MOST = ["less than", "under"]

EN_PROSE = [
    "Computing power has become a core productive force of the digital economy, officials said.",
    "Demand for AI training and inference has grown quickly as Chinese companies race to build large models.",
    "Ordinary data centres can no longer meet the needs of AI workloads, industry analysts say.",
    "Universities, research institutes and small companies have long complained that computing power is expensive and hard to get.",
    "Public AI computing centres offer affordable and secure computing resources to local organisations.",
    "The facility also runs an open innovation platform and a talent training programme.",
    "Industry insiders say interconnected computing networks will unlock the value of regional computing power.",
    "The East Data, West Computing project has made cross-regional scheduling of computing resources a focus.",
    "Local governments, leading companies and universities are working together to bring AI into the real economy.",
    "Liquid cooling and other energy-saving technologies have cut the centre's power use.",
    "Industry models built on domestic chips now cover government services, healthcare, transport and manufacturing.",
    "Experts say scheduling and green operation will be the key words for the next stage of construction.",
    "The model has since been copied in other major cities, the operator said.",
    "Operators still need to work on business models, talent and the software ecosystem, analysts say.",
    "Government backing also makes it easier for users to trust the centres on data security and pricing.",
    "Local officials see the centre as a way to attract AI companies and keep young engineers in the city.",
    "Smart city, smart manufacturing, healthcare and autonomous driving projects are among its main users.",
    "Computing power, algorithms and data are widely seen as the three pillars of artificial intelligence.",
    "The centre offers not only computing power but also joint laboratories, training courses and an open platform.",
    "Several experts said the value of such centres lies in how well they are used, not in how many are built.",
    "Facing the demands of large models, many companies now prefer to rent public computing resources nearby.",
    "Telecom operators and internet companies are working together on the build-out.",
    "Building an independent software and hardware ecosystem has become a priority for the industry.",
    "The operator did not disclose the centre's pricing.",
    "Officials expect the centre to speed up the development of the local AI industry.",
    "The centre's early users were mostly universities, but companies now make up the bulk of demand.",
    "Analysts caution that some regional centres have struggled to find enough paying customers.",
    "The project is part of a national push to build a unified computing power network.",
    "Researchers at local universities say access to the centre has shortened their training runs.",
    "The operator plans to offer more services for fine-tuning and deploying large models.",
]
EN_TITLES = [
    "{S} steps up AI computing services", "Inside {S}: how computing power reaches local industry",
    "{S} eyes wider AI ecosystem", "{S} bets on public computing power", "How {S} became a regional AI hub",
    "{S} opens its doors to small AI firms",
]
EN_NOISE = [
    "The centre is built on Huawei's Ascend 910B processors and the MindSpore 2.0 framework.",
    "The facility runs Atlas 900 AI clusters and CANN 6.3, according to the operator.",
    "The centre was showcased at WAIC {YEAR} in Shanghai.",
    "The launch event began at 10:30 a.m. with a demo of 4K video analytics; the model file is only 2.5MB.",
    "For details, visit www.example-aicc.cn/news/{YEAR}/0{M}/index.html.",
    "Several industry models were presented at the World Artificial Intelligence Conference {YEAR}.",
]
EN_ORDINALS = ["Large-model training for local universities", "Industrial visual inspection",
               "Smart government services", "Medical imaging", "Autonomous driving simulation"]


def en_int(rng, n: int) -> str:
    """An integer as English news writes it: thousands separators, now and then none."""
    return f"{n:,}" if n >= 1000 and rng.random() < 0.85 else str(n)


def en_num(rng, v: Fraction) -> str:
    return en_int(rng, int(v)) if v.denominator == 1 else fmt_num(v)


def qualify_en(rng, kind: str, v: Fraction, unit: str, body: str, fewer: bool = False) -> Val:
    """Qualify body (number + unit) in English: about / more than / less than."""
    if kind == "approx":
        return Val(rng.choice(EN_APPROX) + " " + body, v, unit, v * Fraction(9, 10), v * Fraction(11, 10),
                   qualifier="approx")
    if kind in ("at_least", "more"):
        return Val(rng.choice(EN_AT_LEAST) + " " + body, v, unit, v, INF, lo_open=True, qualifier="at_least")
    if kind == "at_most":
        w = rng.choice(EN_AT_MOST + (["fewer than"] if fewer else []))
        return Val(w + " " + body, v, unit, Fraction(0), v, hi_open=True, qualifier="at_most")
    raise ValueError(kind)


def exact_en(text: str, v: Fraction, unit: str, step: Fraction) -> Val:
    return Val(text, v, unit, v - step / 2, v + step / 2)


def render_en(metric, rng, v, kind) -> Val:
    """metric's value v written in English (the intervals follow the same rules as the Chinese)."""
    key = metric.key
    if key == "compute":
        V = Fraction(v)
        if kind == "exact":
            if v >= 1000 and v % 100 == 0 and rng.random() < 0.3:
                n = fmt_num(V / 1000)
                return exact_en(n + " " + rng.choice(["EFLOPS", "exaflops"]), V, "PFLOPS", last_digit_step(n) * 1000)
            unit = rng.choice(["PFLOPS", "petaflops", "PFLOPS", "PFlops"])
            return exact_en(en_int(rng, v) + " " + unit, V, "PFLOPS", Fraction(1))
        return qualify_en(rng, kind, V, "PFLOPS", en_int(rng, v) + " " + rng.choice(["PFLOPS", "petaflops"]))
    if key in ("cards", "racks"):
        V = Fraction(v)
        units = (["GPUs", "cards", "AI accelerator cards", "AI chips", "NPUs", "GPU cards", "accelerators"]
                 if key == "cards" else ["standard racks", "racks", "server racks"])
        unit = "card" if key == "cards" else "rack"
        body = en_int(rng, v) + " " + rng.choice(units)
        if kind == "exact":
            return exact_en(body, V, unit, Fraction(1))
        return qualify_en(rng, kind, V, unit, body, fewer=True)
    if isinstance(metric, Counted):
        if kind == "more" and v >= 10 and v % 10:
            v = v // 10 * 10
        V = Fraction(v)
        noun = rng.choice(EN_NOUNS[key])
        if kind == "exact":
            if v == 12 and rng.random() < 0.5:
                return exact_en("a dozen " + noun, V, "count", Fraction(1))
            if v <= 20 and rng.random() < 0.5:
                return exact_en(EN_SPELLED[v] + " " + noun, V, "count", Fraction(1))
            return exact_en(en_int(rng, v) + " " + noun, V, "count", Fraction(1))
        return qualify_en(rng, kind, V, "count", en_int(rng, v) + " " + noun, fewer=True)
    if key == "utilisation":
        V = Fraction(str(v))
        body = fmt_num(V) + rng.choice(["%", "%", " percent", " per cent"])
        if kind == "exact":
            return exact_en(body, V, "percent", last_digit_step(fmt_num(V)))
        return qualify_en(rng, kind, V, "percent", body)
    if key == "investment":
        V = Fraction(v) * 10 ** 8
        scale, word = (10 ** 9, "billion") if V >= 10 ** 9 else (10 ** 6, "million")
        n = fmt_num(V / scale)
        body = n + " " + word + " yuan"
        if kind == "exact":
            return exact_en(body, V, "CNY", last_digit_step(n) * scale)
        return qualify_en(rng, kind, V, "CNY", body)
    if key == "build_period":
        V = Fraction(v)
        if kind == "exact":
            n = EN_SPELLED[v] if v <= 20 and rng.random() < 0.4 else str(v)
            return exact_en(n + " months", V, "month", Fraction(1))
        return qualify_en(rng, kind, V, "month", f"{v} months")
    raise ValueError(key)


EN_NOUNS = {"enterprises": ["companies", "enterprises", "firms", "businesses"],
            "partners": ["partners", "ecosystem partners"],
            "developers": ["developers", "registered developers"]}
# {S} is a centre's name without the article; sentences start with a capital letter
EN_TEMPLATES = {
    "compute": ["The {S} now offers {V} of AI computing power.", "The {S} has computing power of {V}.",
                "The {S} delivers {V} of computing power, the operator said.",
                "The computing power of the {S} has reached {V}.", "The {S} has a peak performance of {V}."],
    "cards": ["The {S} has deployed {V}.", "The {S} now has {V} in service.",
              "The {S} runs {V}, the operator said, adding that demand remains strong."],
    "racks": ["The {S} has installed {V}.", "The {S} houses {V}.", "The {S} has {V} in operation."],
    "enterprises": ["The {S} serves {V}.", "The {S} has attracted {V}.",
                    "The {S} serves {V} across manufacturing, healthcare and transport."],
    "partners": ["The {S} has brought together {V}.", "The {S} has signed up {V}."],
    "developers": ["The {S} has trained {V}.", "The {S} has gathered {V}."],
    "utilisation": ["The utilization rate of the {S} was {V}.", "The {S} is running at a load of {V}.",
                    "Utilization at the {S} has reached {V}.", "The {S}'s utilization rate stands at {V}."],
    "investment": ["The {S} has a total investment of {V}.", "Total investment in the {S} is {V}.",
                   "The {S} represents an investment of {V}."],
    "build_period": ["The {S} had a construction period of just {V}.",
                     "The core construction period of the {S} was {V}.",
                     "From groundbreaking to operation, the {S} had a construction period of {V}."],
    # {P} is the preposition with its space (in / on / at), or nothing before "last November"
    "opening": ["The {S} went into operation {P}{D}.", "The {S} opened {P}{D}, the operator said.",
                "The {S} went online {P}{D}.", "The {S} was put into operation {P}{D}.",
                "{P_}{D}, the {S} was officially put into operation."],
    "construction_start": ["The {S} began construction {P}{D}.", "The {S} broke ground {P}{D}.",
                           "Construction began on the {S} {P}{D}.", "{P_}{D}, the {S} broke ground."],
}


def sentence_en(rng, metric, subj: str, val) -> str:
    templates = EN_TEMPLATES[metric.key]
    if isinstance(val, DateVal):
        if not val.prep:  # "Last November, the …" is not read: the date stays inside the sentence
            templates = [t for t in templates if not t.startswith("{P_}")]
        t = rng.choice(templates)
        return t.format(S=subj, D=val.text, P=val.prep + " " if val.prep else "", P_=val.prep.capitalize() + " ")
    return rng.choice(templates).format(S=subj, V=val.text)


def render_date_en(rng, ev: date, pub: date, form: str) -> DateVal | None:
    y, m, d = ev.year, ev.month, ev.day
    if form == "day":
        name = EN_MONTH_ABBR.get(m, EN_MONTHS[m - 1]) if rng.random() < 0.5 else EN_MONTHS[m - 1]
        return DateVal(f"{name} {d}, {y}", ev, ev, "day", "on")
    if form == "month":
        return DateVal(f"{EN_MONTHS[m - 1]} {y}", date(y, m, 1), month_end(y, m), "month", "in")
    if form == "relative":  # "last November": only where no later November has passed
        if y == pub.year - 1 and m > pub.month:
            return DateVal(f"last {EN_MONTHS[m - 1]}", date(y, m, 1), month_end(y, m), "month")
        return None
    if form == "quarter":
        if m >= 10 and rng.random() < 0.5:
            return DateVal(f"the end of {y}", date(y, 10, 1), date(y, 12, 31), "quarter", "at")
        q = (m - 1) // 3
        name = ["first", "second", "third", "fourth"][q]
        return DateVal(f"the {name} quarter of {y}", date(y, 3 * q + 1, 1), month_end(y, 3 * q + 3), "quarter", "in")
    if form == "half":
        if m <= 6:
            return DateVal(f"the first half of {y}", date(y, 1, 1), date(y, 6, 30), "half", "in")
        return DateVal(f"the second half of {y}", date(y, 7, 1), date(y, 12, 31), "half", "in")
    raise ValueError(form)


def as_of_phrase_en(y: int, m: int) -> tuple[str, str]:
    """'As of June 2024, ' and the as_of it sets ("As of the end of June 2024" and "By the end of
    June 2024" are not used: factcheck makes a second, dated claim of them)."""
    return f"As of {EN_MONTHS[m - 1]} {y}, ", f"{y:04d}-{m:02d}"


def with_prefix(prefix: str, sentence: str) -> str:
    """Put an as_of phrase before a sentence, lower-casing its first word where that is 'The'."""
    if not prefix:
        return sentence
    if sentence.startswith(("The ", "Total ", "Utilization ")):
        sentence = sentence[0].lower() + sentence[1:]
    return prefix + sentence


def en_subject_name(subj: tuple, generation: int, head: str) -> str:
    """A centre's English name: Wuhan AI Computing Center, Wuhan Xinghe Intelligent Computing Centre."""
    kind, a, b = subj
    parts = [PLACE_EN[a]]
    if b:
        parts.append(PROPER_EN[b])
    if generation:
        parts.append(EN_EXTRA[generation % len(EN_EXTRA)])
    return " ".join(parts + [head])


def en_subject_key(subj: tuple, generation: int) -> str:
    """The key factcheck should give it: the place folded through the gazetteer, the pinyin kept (lower
    case, no spaces), the head folded to 智算中心. Bilingual subjects (no pinyin) have the Chinese key."""
    kind, a, b = subj
    key = a + (PROPER_EN[b].lower() if b else "")
    if generation:
        key += EN_EXTRA[generation % len(EN_EXTRA)].lower()
    return key + CANON_HEAD


EN_EXTRA = sorted(set(PROPER_EN.values()))


def render_lang(metric, rng, v, kind, lang) -> Val:
    return render_en(metric, rng, v, kind) if lang == "en" else metric.render(rng, v, kind)


# --------------------------------------------------------------------------------------------
# Subjects and keys
# --------------------------------------------------------------------------------------------

def build_subjects() -> list[tuple]:
    """(canonical name, kind, parts): city+proper, operator+city, province."""
    out = []
    for c in CITIES:
        for p in PROPER:
            out.append(("city", c, p))
    for o in OPERATORS:
        for c in CITIES:
            out.append(("operator", o, c))
    for p in PROVINCES:
        out.append(("province", p, ""))
    return out


SUBJECTS = build_subjects()
# written in both languages, with one key (cross-language pairs): a gazetteer place and a head
BILINGUAL_SUBJECTS = [s for s in SUBJECTS if s[0] in ("city", "province") and not s[2] and s[1] in PLACE_EN]
# written only in English (pinyin proper name): English-English pairs and English singletons
EN_SUBJECTS = [s for s in SUBJECTS if s[0] == "city" and s[1] in PLACE_EN and s[2] in PROPER_EN]


def subject_name(subj: tuple, generation: int, head: str) -> str:
    kind, a, b = subj
    extra = PROPER[1 + generation % (len(PROPER) - 1)] if generation else ""
    if kind == "city":
        return a + b + extra + head
    if kind == "operator":
        return a + b + extra + head
    return a + extra + head


class KeyPool:
    """Hands out (subject, metric) keys, each once, in a scattered order fixed by the seed.

    Pools that share a used set never hand out the same key (the Chinese pools and the bilingual
    ones); once=True hands out generation 0 only, then None."""

    def __init__(self, rng, metrics, subjects=None, used=None, once=False):
        self.metrics, self.subjects = metrics, SUBJECTS if subjects is None else subjects
        self.size = len(self.subjects) * len(metrics)
        a = rng.randrange(1, self.size)
        while math.gcd(a, self.size) != 1:
            a = rng.randrange(1, self.size)
        self.a, self.b, self.n = a, rng.randrange(self.size), 0
        self.used, self.once = used, once

    def take(self):
        while True:
            if self.once and self.n >= self.size:
                return None
            k = (self.a * self.n + self.b) % self.size
            generation = self.n // self.size
            self.n += 1
            s, m = divmod(k, len(self.metrics))
            subj, metric = self.subjects[s], self.metrics[m]
            if self.used is not None:
                key = (subj, metric.key, generation)
                if key in self.used:
                    continue
                self.used.add(key)
            return subj, metric, generation


# --------------------------------------------------------------------------------------------
# Planting pairs and singletons
# --------------------------------------------------------------------------------------------

def as_of_phrase(rng, y, m) -> tuple[str, str]:
    """截至 text and the as_of it sets (month precision)."""
    tail = rng.choice(["", "底", "末"])
    sp = " " if rng.random() < 0.3 else ""
    return f"截至{sp}{y}{sp}年{sp}{m}{sp}月{tail}，", f"{y:04d}-{m:02d}"


def month_before(d: date, k: int) -> tuple[int, int]:
    return add_months(d.year, d.month, -k)


def disjoint_pair(rng, metric, small_kinds, big_kinds, ratio_lo=1.6, ratio_hi=3.5, langs=("zh", "zh")):
    """Two values whose intervals do not overlap: (small, big), written in langs."""
    for _ in range(30):
        v1 = metric.base(rng)
        if isinstance(metric, Share):
            v1 = min(v1, 55)
            v2 = round(v1 * rng.uniform(1.3, 1.7))
            v2 = min(v2, 99)
        elif isinstance(metric, BuildPeriod):
            v1 = rng.randint(3, 9)
            v2 = v1 + rng.randint(2, 8)
        else:
            v2 = round_sig(v1 * rng.uniform(ratio_lo, ratio_hi))
        a = render_lang(metric, rng, v1, rng.choice(small_kinds), langs[0])
        b = render_lang(metric, rng, v2, rng.choice(big_kinds), langs[1])
        if not overlaps(a, b) and a.hi is not INF and b.lo >= a.hi:
            return a, b
    raise RuntimeError("no disjoint values for " + metric.key)


def agreeing_pair(rng, metric, langs=("zh", "zh")):
    """Two values whose intervals overlap, written differently where possible (in langs)."""
    counted = isinstance(metric, Counted)
    kinds = ["exact", "exact", "approx", "at_least"] + (["more"] if counted else [])
    if isinstance(metric, BuildPeriod):
        kinds = ["exact", "exact", "at_most"]
    for _ in range(40):
        v = metric.base(rng)
        k1, k2 = rng.choice(kinds), rng.choice(kinds)
        # English has no 300多 (a range): it says "more than 300", a lower bound
        k1, k2 = ("at_least" if k == "more" and lang == "en" else k for k, lang in zip((k1, k2), langs, strict=True))
        if k1 == "at_least" and k2 == "at_least":
            k2 = "exact"
        v2 = v
        if k2 == "approx" or (k1 == "approx" and k2 == "exact" and rng.random() < 0.5):
            v2 = v  # same figure, one of them approximate
        if k1 == "at_least":
            v1 = round_sig(v * rng.uniform(0.6, 0.95)) if not isinstance(metric, Share) else max(1, int(v) - 5)
        else:
            v1 = v
        if isinstance(metric, BuildPeriod) and "at_most" in (k1, k2):
            v1, v2 = (v + rng.randint(1, 2), v) if k1 == "at_most" else (v, v + rng.randint(1, 2))
        a = render_lang(metric, rng, v1, k1, langs[0])
        b = render_lang(metric, rng, v2, k2, langs[1])
        if overlaps(a, b) and a.text != b.text:
            return a, b
    a = render_lang(metric, rng, v, "exact", langs[0])
    return a, render_lang(metric, rng, v, "exact", langs[1])


class Article:
    __slots__ = ("index", "name", "pub", "hour", "minute", "trad", "gloss", "items", "en")

    def __init__(self, index, name, pub, hour, minute, trad, gloss, en=False):
        self.index, self.name, self.pub, self.hour, self.minute = index, name, pub, hour, minute
        self.trad, self.gloss, self.items, self.en = trad, gloss, [], en

    @property
    def lang(self) -> str:
        return "en" if self.en else "zh"


def plan_articles(n: int, seed: int, trad_rate: float, en_rate: float = 0.0) -> list[Article]:
    width = max(3, len(str(n - 1)))
    arts = []
    for i in range(n):
        r = random.Random(f"{seed}:art:{i}")
        pub = START + timedelta(days=(i * SPAN_DAYS) // max(1, n) + (r.randrange(2) if n < SPAN_DAYS else 0))
        trad = r.random() < trad_rate
        gloss = trad and r.random() < 0.35
        h = hashlib.sha1(f"{seed}:{i}".encode()).hexdigest()[:16]
        # the language from its own stream, so the Chinese articles do not change with --en-rate
        en = random.Random(f"{seed}:lang:{i}").random() < en_rate
        if en:
            trad = gloss = False
        arts.append(Article(i, f"{i:0{width}d}_{h}.txt", pub, r.randint(0, 23), r.randrange(60), trad, gloss, en))
    return arts


def pick_pair_articles(rng, arts, kind, cap, mixed_ok=True):
    n = len(arts)
    for _ in range(60):
        a = rng.randrange(n)
        if kind == "update":
            # the later article: an index far enough on to be published UPDATE_GAP_DAYS later
            lo = a + math.ceil(UPDATE_GAP_DAYS * n / SPAN_DAYS) + 1
            if lo > n - 1:
                continue
            b = rng.randint(lo, n - 1)
            if (arts[b].pub - arts[a].pub).days < UPDATE_GAP_DAYS:
                continue
        else:
            b = rng.randrange(n)
            if b == a:
                continue
            if b < a:
                a, b = b, a
        if not mixed_ok and arts[a].en != arts[b].en:
            continue
        if len(arts[a].items) < cap and len(arts[b].items) < cap:
            return a, b
    return None


def plant(arts, seed, rates, pairs_per_doc, singles, cap=8):
    rng = random.Random(f"{seed}:plant")
    used: set = set()  # keys of the Chinese and the bilingual pools (they share subjects)
    pool_var = KeyPool(random.Random(f"{seed}:keys:var"), METRICS_VARYING, used=used)
    pool_fix = KeyPool(random.Random(f"{seed}:keys:fix"), METRICS_FIXED, used=used)
    bi_var = KeyPool(random.Random(f"{seed}:keys:bi:var"), METRICS_VARYING, BILINGUAL_SUBJECTS, used, once=True)
    bi_fix = KeyPool(random.Random(f"{seed}:keys:bi:fix"), METRICS_FIXED, BILINGUAL_SUBJECTS, used, once=True)
    en_var = KeyPool(random.Random(f"{seed}:keys:en:var"), METRICS_VARYING, EN_SUBJECTS)
    en_fix = KeyPool(random.Random(f"{seed}:keys:en:fix"), METRICS_FIXED, EN_SUBJECTS)
    n = len(arts)
    n_pairs = int(round(n * pairs_per_doc)) if n >= 2 else 0
    kinds = []
    for kind, share in rates.items():
        kinds += [kind] * int(round(n_pairs * share))
    while len(kinds) < n_pairs:
        kinds.append("agree")
    kinds = kinds[:n_pairs]
    rng.shuffle(kinds)
    pairs = []
    fixed_share = 0.25  # of agree/contradict pairs, about a time-invariant metric
    mixed_ok = True  # until the bilingual keys run out; then both articles of a pair share a language
    for pid, kind in enumerate(kinds):
        for _ in range(3):
            ab = pick_pair_articles(rng, arts, kind, cap, mixed_ok)
            if ab is None and kind == "update":
                kind = "contradict"  # corpus too short in time for an update
                ab = pick_pair_articles(rng, arts, kind, cap, mixed_ok)
            if ab is None:
                break
            a, b = ab
            A, B = arts[a], arts[b]
            use_fixed = kind != "update" and rng.random() < fixed_share
            if A.en == B.en:
                pools = (en_fix, en_var) if A.en else (pool_fix, pool_var)
                taken = (pools[0] if use_fixed else pools[1]).take()
                break
            taken = (bi_fix.take() if use_fixed else None) or bi_var.take()
            if taken is not None:
                break
            mixed_ok = False  # bilingual keys used up: draw the articles again
        if ab is None or taken is None:
            continue
        subj, metric, gen = taken
        langs = (A.lang, B.lang)
        heads = (rng.choice(HEADS), rng.choice(HEADS))
        if A.en or B.en:
            heads = tuple(rng.choice(HEADS_EN) if art.en else h for art, h in zip((A, B), heads, strict=True))
        key = en_subject_key(subj, gen) if A.en and B.en else subject_name(subj, gen, CANON_HEAD)
        entry = {"id": f"p{pid:06d}", "kind": kind, "metric": metric.key, "dimension": metric.dimension,
                 "varies": metric.varies, "subject": key}
        if A.en or B.en:
            entry["langs"] = "-".join(sorted(set(langs)))
        sides = []
        if isinstance(metric, EventDate):
            lo_pub = min(A.pub, B.pub)
            for _ in range(40):
                ev = lo_pub - timedelta(days=rng.randint(20, 900))
                if kind == "agree":
                    va, vb = any_date_form(rng, ev, A.pub, lang=A.lang), any_date_form(rng, ev, B.pub, lang=B.lang)
                    if va.text != vb.text:
                        break
                else:
                    ev2 = lo_pub - timedelta(days=rng.randint(20, 900))
                    va, vb = any_date_form(rng, ev, A.pub, lang=A.lang), any_date_form(rng, ev2, B.pub, lang=B.lang)
                    if not dates_overlap(va, vb):
                        break
            for art, v, head in ((A, va, heads[0]), (B, vb, heads[1])):
                name = side_name(art, subj, gen, head)
                sides.append((art, side_sentence(rng, art, metric, name, v), v, art.pub.isoformat(), name))
        else:
            if kind == "agree":
                va, vb = agreeing_pair(rng, metric, langs)
            elif A.en == B.en:
                small, big = disjoint_pair(rng, metric, ["exact", "exact", "approx", "at_most"],
                                           ["exact", "exact", "approx", "at_least"], langs=langs)
                if kind == "update" or rng.random() < 0.5:
                    va, vb = small, big
                else:
                    va, vb = big, small
            else:  # the order first, so that each value is written in its own article's language
                up = kind == "update" or rng.random() < 0.5
                small, big = disjoint_pair(rng, metric, ["exact", "exact", "approx", "at_most"],
                                           ["exact", "exact", "approx", "at_least"],
                                           langs=langs if up else langs[::-1])
                va, vb = (small, big) if up else (big, small)
            # as_of: contradictions at one explicit 截至 month; updates at their own (later) times
            explicit = {"agree": rng.random() < 0.3, "update": rng.random() < 0.5,
                        "contradict": metric.varies}[kind]
            common = None
            if kind == "contradict" and metric.varies:
                common = month_before(min(A.pub, B.pub), rng.randint(0, 2))
            for art, v, head in ((A, va, heads[0]), (B, vb, heads[1])):
                name = side_name(art, subj, gen, head)
                prefix, as_of = "", art.pub.isoformat()
                if explicit:
                    ym = common or month_before(art.pub, rng.randint(0, 1))
                    prefix, as_of = as_of_phrase_en(*ym) if art.en else as_of_phrase(rng, *ym)
                sentence = side_sentence(rng, art, metric, name, v)
                sides.append((art, with_prefix(prefix, sentence) if art.en else prefix + sentence, v, as_of, name))
        for role, (art, sentence, v, as_of, name) in zip("ab", sides, strict=True):
            text, vtext, written = written_forms(art, sentence, v.text, name)
            art.items.append(text)
            side = {"file": art.name, "lang": art.lang, "published": art.pub.isoformat(), "script": script_of(art),
                    "subject_as_written": written, "as_of": as_of}
            side.update(v.json())
            side["text"] = vtext
            entry[role] = side
        pairs.append(entry)

    # singletons: every article gets some, with keys nobody else uses
    single_list = []
    for art in arts:
        r = random.Random(f"{seed}:single:{art.index}")
        k = r.randint(singles[0], singles[1]) if not art.items else r.randint(0, singles[1] - 1)
        for _ in range(k):
            use_fixed = r.random() < 0.2
            if art.en:
                subj, metric, gen = (en_fix if use_fixed else en_var).take()
                name, key = en_subject_name(subj, gen, r.choice(HEADS_EN)), en_subject_key(subj, gen)
            else:
                subj, metric, gen = (pool_fix if use_fixed else pool_var).take()
                name, key = subject_name(subj, gen, r.choice(HEADS)), subject_name(subj, gen, CANON_HEAD)
            if isinstance(metric, EventDate):
                ev = art.pub - timedelta(days=r.randint(10, 900))
                v = any_date_form(r, ev, art.pub, lang=art.lang)
            else:
                v = render_lang(metric, r, metric.base(r), r.choice(["exact", "exact", "approx", "at_least"]), art.lang)
            text, vtext, written = written_forms(art, side_sentence(r, art, metric, name, v), v.text, name)
            art.items.append(text)
            s = {"file": art.name, "lang": art.lang, "subject": key, "metric": metric.key,
                 "dimension": metric.dimension, "as_of": art.pub.isoformat(), "subject_as_written": written}
            s.update(v.json())
            s["text"] = vtext
            single_list.append(s)
    pools = (pool_var, pool_fix, en_var, en_fix)
    return pairs, single_list, max(p.n // p.size for p in pools) > 0


def side_name(art, subj, gen, head) -> str:
    return en_subject_name(subj, gen, head) if art.en else subject_name(subj, gen, head)


def side_sentence(rng, art, metric, name, v) -> str:
    return sentence_en(rng, metric, name, v) if art.en else metric.sentence(rng, name, v)


def script_of(art) -> str:
    return "latin" if art.en else "traditional" if art.trad else "simplified"


def written_forms(art, sentence: str, vtext: str, name: str) -> tuple[str, str, str]:
    """The sentence, the value and the subject as they appear in the article's script."""
    if art.trad:
        sentence, vtext, name = to_traditional(sentence), to_traditional(vtext), to_traditional(name)
    if art.gloss:
        sentence, vtext = gloss(sentence), gloss(vtext)
    return sentence, vtext, name


def gloss(text: str) -> str:
    """會 -> 會(huì) for the characters in PINYIN, outside HTML tags."""
    out, in_tag = [], False
    for ch in text:
        if ch == "<":
            in_tag = True
        elif ch == ">":
            in_tag = False
        out.append(ch + f"({PINYIN[ch]})" if not in_tag and ch in PINYIN else ch)
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Writing one article
# --------------------------------------------------------------------------------------------

P_STYLE = '<p style="text-indent: 2em; text-align: left;">'


def link(rng, word: str, year: int) -> str:
    n = rng.randrange(10 ** 7, 10 ** 8)
    href = rng.choice([
        "https://www.ofweek.com/ai/",
        f"https://www.ofweek.com/ai/{year}-{rng.randint(1, 12):02d}/ART-201700-8420-{n}.html",
        f"http://www.ofweek.com/seminar/{year}/ai{rng.randint(1, 9)}/",
        f"https://news.example.cn/{year}/{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}/c{n}.shtml",
    ])
    return f'<span class="hrefStyle"><a href="{href}" target="_blank" title="{word}">{word}</a></span>'


def image(rng, year: int) -> str:
    w, h = rng.choice([(550, 275), (640, 360), (1024, 576), (800, 450), (1920, 1080)])
    tag = rng.randrange(16 ** 12)
    src = f"https://mp.ofweek.com/Upload/News/Img/member{rng.randint(1000, 99999)}/{year}{rng.randint(1, 12):02d}/{tag:012x}.jpg"
    return (f'<p style="text-align:center"><img class="lazy" src="{src}" width="{w}" height="{h}" '
            f'data-width="{w}" data-height="{h}" alt="图片" referrerpolicy="no-referrer"></p>')


def phone(rng) -> str:
    if rng.random() < 0.5:
        return f"1{rng.choice('3456789')}{rng.randrange(10 ** 9):09d}"
    return f"0{rng.choice(['27', '28', '25', '29', '551', '571', '731', '371'])}-{rng.randrange(10 ** 7, 10 ** 8)}"


def spam_line(rng) -> str:
    items = rng.sample(SPAM_ITEMS, rng.randint(8, 14))
    return "主站蜘蛛池模板: " + "| ".join(items) + "|"


def article_text(art: Article, seed: int) -> tuple[str, dict]:
    if art.en:
        return article_text_en(art, seed)
    rng = random.Random(f"{seed}:text:{art.index}")
    year = art.pub.year
    noise = {"url": 0, "img": 0, "version": 0, "phone": 0, "spam": 0, "ordinal": 0, "event_name": 0, "email": 0,
             "idiom": sum(("一卡" in it) for it in art.items)}
    conv = to_traditional if art.trad else (lambda s: s)
    # a figure-free title about some centre
    subj = rng.choice(CITIES) + rng.choice(HEADS)
    title = conv(rng.choice(TITLES).format(S=subj))
    site = rng.choice(SITES)
    author = rng.choice(AUTHORS) if rng.random() < 0.5 else site
    img_head = f"https://mp.ofweek.com/Upload/News/Img/member{rng.randint(1000, 99999)}/{year}{art.pub.month:02d}/{rng.randrange(16 ** 10):010x}.jpg"
    front = (
        f"\n---\ntitle: '{title}'\ncategories: \n - 新媒体\n - {conv(site)}\n - {conv('新闻')}\n"
        f"headimg: '{img_head}'\nauthor: {conv(author)}\ncomments: false\n"
        f"date: {art.pub.isoformat()}T{art.hour:02d}:{art.minute:02d}:00+08:00\n"
        f"thumbnail: '{img_head}'\n---\n\n"
    )
    blocks: list[str] = []
    # paragraphs: prose with links, the planted sentences, noise
    units: list[tuple[str, str, bool]] = []
    for _ in range(rng.randint(4, 11)):
        s = conv("".join(rng.sample(PROSE, rng.randint(1, 3))))
        if "人工智能" in s and rng.random() < 0.5:
            w = conv("人工智能")
            s = s.replace(w, link(rng, w, year), 1)
            noise["url"] += 1
        units.append(("p", s, False))
    for it in art.items:  # planted sentences are already glossed where the article is
        tail = conv(rng.choice(PROSE)) if rng.random() < 0.3 else ""
        units.append(("p", it + (gloss(tail) if art.gloss else tail), True))
    if rng.random() < 0.6:
        units.append(("raw", image(rng, year), False))
        noise["img"] += 1
    for s in rng.sample(NOISE_SENTENCES, rng.randint(1, 3)):
        units.append(("p", conv(s.format(YEAR=year, M=rng.randint(1, 9))), False))
        if "MindSpore" in s or "Atlas" in s:
            noise["version"] += 1
        if "WAIC" in s or "大会" in s:
            noise["event_name"] += 1
        if "www." in s:
            noise["url"] += 1
    listing = []  # a heading and a numbered list, kept together
    if rng.random() < 0.25:
        listing.append(("p", f"<strong>{conv(rng.choice(HEADINGS))}</strong>", False))
        sep = rng.choice(["．", ".", "、"])
        for k, item in enumerate(rng.sample(ORDINAL_ITEMS, rng.randint(2, 4)), 1):
            listing.append(("p", f"{k}{sep}{conv(item)}", False))
            noise["ordinal"] += 1
    intro = units[0]
    rest = units[1:]
    rng.shuffle(rest)
    at = rng.randint(0, len(rest))
    units = [intro] + rest[:at] + listing + rest[at:]
    if art.gloss:
        # the scrape style of seed 004: chrome, glosses, contact block, spam
        head = [conv("当前位置: 首页 > 新闻中心"), conv(f"作者:{site}发布时间:{art.pub.isoformat()}")]
        lines = [f"<p>{gloss(h)}</p>" for h in head]
        for k, s, planted in units:
            lines.append(s if k == "raw" else f"<p>{s if planted else gloss(s)}</p>")
        lines.append(f"<p>{phone(rng)}</p>")
        noise["phone"] += 1
        lines.append(f"<p>jinnianhui@{rng.randint(100, 999)}.com</p>")
        noise["email"] += 1
        lines.append(f"<p>{spam_line(rng)}</p>")
        noise["spam"] += 1
        html = "<div class=\"article\">\n" + "\n".join(lines) + "\n</div>\n"
    else:
        for k, s, _planted in units:
            blocks.append(s if k == "raw" else P_STYLE + s + "</p>")
        if rng.random() < 0.3:
            blocks.append(P_STYLE + conv("联系电话：") + phone(rng) + "</p>")
            noise["phone"] += 1
        if rng.random() < 0.08:
            blocks.append("<p>" + spam_line(rng) + "</p>")
            noise["spam"] += 1
        byline = P_STYLE + conv(f"文|{site}") + "</p>" + P_STYLE + conv(f"作者|{author}") + "</p>"
        html = "<div>   \n" + byline + "".join(blocks) + " \n  \n</div>\n"
    return front + html, noise


def en_link(rng, words: str, year: int, markdown: bool) -> str:
    n = rng.randrange(10 ** 6, 10 ** 7)
    href = rng.choice([
        f"https://english.news.cn/{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}/c{n}/c.html",
        f"https://www.datacenterdynamics.com/en/news/china-ai-computing-{year}-{rng.randint(100, 999)}pflops/",
        f"https://www.example-tech.com/{year}/{rng.randint(1, 12):02d}/{n}.html",
    ])
    return f"[{words}]({href})" if markdown else f'<a href="{href}">{words}</a>'


def en_image(rng, year: int, markdown: bool) -> str:
    w, h = rng.choice([(1200, 675), (1024, 576), (800, 450), (1920, 1080)])
    src = f"https://media.example-news.com/images/{year}{rng.randint(1, 12):02d}/aicc_{rng.randrange(16 ** 8):08x}_{w}x{h}.jpg"
    if markdown:
        return f"![An AI computing centre]({src})"
    return f'<p><img src="{src}" width="{w}" height="{h}" alt=""></p>'


def en_phone(rng) -> str:
    area = rng.choice(["27", "28", "25", "29", "551", "571", "731", "371"])
    if rng.random() < 0.5:
        return f"Tel: 0{area}-{rng.randrange(10 ** 7, 10 ** 8)}"
    return f"Contact: +86 {area} {rng.randrange(1000, 10000)} {rng.randrange(1000, 10000)}"


def article_text_en(art: Article, seed: int) -> tuple[str, dict]:
    """An English article: wire or trade-press prose, front matter, then HTML or Markdown."""
    rng = random.Random(f"{seed}:text:{art.index}")
    year = art.pub.year
    noise = {"url": 0, "img": 0, "version": 0, "phone": 0, "spam": 0, "ordinal": 0, "event_name": 0, "email": 0,
             "idiom": 0}
    markdown = rng.random() < 0.4
    city = rng.choice([c for c in CITIES if c in PLACE_EN])
    title = rng.choice(EN_TITLES).format(S=PLACE_EN[city] + rng.choice([" AI computing center", " AI computing centre",
                                                                          " intelligent computing center"]))
    site = rng.choice(EN_SITES)
    front = (f'---\ntitle: "{title}"\ndate: {art.pub.isoformat()}T{art.hour:02d}:{art.minute:02d}:00+08:00\n'
             f"author: {site}\n---\n\n")
    paras: list[str] = []
    prose = rng.sample(EN_PROSE, len(EN_PROSE))  # each sentence once in an article
    for _ in range(rng.randint(3, 8)):
        s = " ".join(prose.pop() for _ in range(rng.randint(1, 2)))
        if "computing power" in s and rng.random() < 0.5:
            s = s.replace("computing power", en_link(rng, "computing power", year, markdown), 1)
            noise["url"] += 1
        paras.append(s)
    for it in art.items:
        tail = " " + prose.pop() if rng.random() < 0.3 and prose else ""
        paras.append(it + tail)
    for s in rng.sample(EN_NOISE, rng.randint(1, 3)):
        paras.append(s.format(YEAR=year, M=rng.randint(1, 9)))
        if "MindSpore" in s or "Atlas" in s:
            noise["version"] += 1
        if "WAIC" in s or "Conference" in s:
            noise["event_name"] += 1
        if "www." in s:
            noise["url"] += 1
    intro, rest = paras[0], paras[1:]
    if site in ("Xinhua", "China Daily", "CGTN"):  # a dateline without a date (a dated one is a claim)
        intro = f"{PLACE_EN[city].upper()} ({site}) -- " + intro
    rng.shuffle(rest)
    paras = [intro] + rest
    if rng.random() < 0.5:
        paras.insert(rng.randint(1, len(paras)), "\x00img")
        noise["img"] += 1
    if rng.random() < 0.25:
        k = rng.randint(2, 4)
        at = rng.randint(1, len(paras))
        items = [f"{i}. {x}" for i, x in enumerate(rng.sample(EN_ORDINALS, k), 1)]
        paras[at:at] = ["The centre focuses on these areas:"] + items
        noise["ordinal"] += k
    if rng.random() < 0.5:
        paras.append("Read more: " + en_link(rng, rng.choice(["China's AI compute build-out", "More on AI computing centres"]),
                                             year, markdown))
        noise["url"] += 1
    if rng.random() < 0.3:
        paras.append(en_phone(rng) + f" | Email: news@{site.split()[0].lower()}-{rng.randint(10, 99)}.com")
        noise["phone"] += 1
        noise["email"] += 1
    lines = [en_image(rng, year, markdown) if p == "\x00img" else p for p in paras]
    if markdown:
        body = "\n\n".join(lines) + "\n"
    else:
        body = ('<div class="article-body">\n' + "\n".join(ln if ln.startswith("<p>") else f"<p>{ln}</p>" for ln in lines)
                + "\n</div>\n")
    return front + body, noise


# --------------------------------------------------------------------------------------------

def parse_rates(text: str) -> dict[str, float]:
    rates = {}
    for part in text.split(","):
        k, v = part.split("=")
        rates[k.strip()] = float(v)
    total = sum(rates.values())
    if set(rates) - {"agree", "update", "contradict"} or total <= 0:
        raise SystemExit("--rates takes agree=…,update=…,contradict=…")
    return {k: v / total for k, v in rates.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--trad-rate", type=float, default=0.30, help="share of traditional-script articles (of the Chinese ones)")
    ap.add_argument("--en-rate", type=float, default=0.10, help="share of articles in English")
    ap.add_argument("--pairs-per-doc", type=float, default=1.0, help="planted pairs per article (each pair uses two)")
    ap.add_argument("--rates", default="agree=0.4,update=0.3,contradict=0.3", help="mix of planted pair kinds")
    ap.add_argument("--news", action="store_true", help="news mode: each planted fact recurs across many articles "
                    "(wire copies, attributed paraphrases, rounded restatements, outliers, series); see news_corpus.py")
    args = ap.parse_args(argv)
    if args.n < 1:
        raise SystemExit("N must be at least 1")
    if args.news:
        from news_corpus import write

        t0 = time.perf_counter()
        meta = write(args.n, args.out_dir, args.seed)
        print(f"wrote {meta['n']} news articles ({meta['bytes'] / 1e6:.1f} MB): {meta['facts']} facts in {meta['stories']} "
              f"stories, {meta['series_steps']} series steps, {meta['outliers']} outliers, {meta['statements']} statements "
              f"to {args.out_dir} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        return 0
    t0 = time.perf_counter()
    rates = parse_rates(args.rates)
    os.makedirs(args.out_dir, exist_ok=True)
    arts = plan_articles(args.n, args.seed, args.trad_rate, args.en_rate)
    pairs, singles, reused = plant(arts, args.seed, rates, args.pairs_per_doc, (1, 4))
    noise_total: dict[str, int] = {}
    total_bytes = 0
    for art in arts:
        text, noise = article_text(art, args.seed)
        data = text.encode("utf-8")
        with open(os.path.join(args.out_dir, art.name), "wb") as fh:
            fh.write(data)
        total_bytes += len(data)
        for k, v in noise.items():
            noise_total[k] = noise_total.get(k, 0) + v
        art.items = []  # written: drop the text
    counts = {k: 0 for k in ("agree", "update", "contradict")}
    by_langs: dict[str, dict[str, int]] = {}
    for p in pairs:
        counts[p["kind"]] += 1
        langs = by_langs.setdefault(p.get("langs", "zh"), {k: 0 for k in counts})
        langs[p["kind"]] += 1
    meta = {
        "generator": "benchmarks/make_corpus.py", "n": args.n, "seed": args.seed, "trad_rate": args.trad_rate,
        "en_rate": args.en_rate,
        "requested_rates": rates, "pairs_by_kind": counts, "pairs": len(pairs), "singletons": len(singles),
        "pairs_by_langs": by_langs, "english_articles": sum(a.en for a in arts),
        "english_claims": sum(s["lang"] == "en" for s in singles) + sum((p["a"]["lang"] == "en") + (p["b"]["lang"] == "en") for p in pairs),
        "traditional_articles": sum(a.trad for a in arts), "glossed_articles": sum(a.gloss for a in arts),
        "bytes": total_bytes, "noise_planted": noise_total, "keys_reused": reused,
        "notes": [
            "values are intervals in the canonical unit (PFLOPS, card, rack, count, percent, CNY, month); "
            "'open' says which ends are open; null upper = +inf",
            "exact figures are widened by half the place value of their last printed digit (SEMANTICS.md 2)",
            "as_of is the 截至 month when the sentence has one, else the publication date (China time)",
            "subject is the canonical name with the head folded to 智算中心; subject_as_written is the form in the file",
            "text is the value as written in the file (traditional and pinyin glosses included)",
            "lang is the article's language (zh or en); a pair's langs is en or en-zh when an English article takes part "
            "(en-zh: one subject written in both languages, e.g. Wuhan AI Computing Center and 武汉人工智能计算中心)",
            "English-only subjects keep their pinyin in the key: Wuhan Xinghe AI Computing Center -> 武汉xinghe智算中心",
            "as_of in English is the 'As of June 2024' month when the sentence has one, else the publication date",
        ],
    }
    with open(os.path.join(args.out_dir, "expected.json"), "w", encoding="utf-8") as fh:
        fh.write('{"meta": ' + json.dumps(meta, ensure_ascii=False) + ',\n"pairs": [\n')
        for i, p in enumerate(pairs):
            fh.write(("," if i else "") + json.dumps(p, ensure_ascii=False) + "\n")
        fh.write('],\n"singletons": [\n')
        for i, s in enumerate(singles):
            fh.write(("," if i else "") + json.dumps(s, ensure_ascii=False) + "\n")
        fh.write("]}\n")
    dt = time.perf_counter() - t0
    print(f"wrote {args.n} articles ({total_bytes / 1e6:.1f} MB), {len(pairs)} pairs {counts}, "
          f"{len(singles)} singletons to {args.out_dir} in {dt:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
