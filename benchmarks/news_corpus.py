"""The news mode of make_corpus.py: each planted fact recurs across many articles, as news does.

    python benchmarks/make_corpus.py N OUT_DIR --news [--seed S]

A planted story is one subject and metric (a centre's compute, its accelerator cards, the firms it
serves, its opening date) told over time as a series of steps. Each step is a fact, published
within one same-time window by 1-3 independent origins (a wire agency or a newspaper). Each
origin's statement reaches the corpus as:
  * verbatim copies of its wire lead (新华社成都5月10日电 + the sentence) in many outlets (they
    must count as one origin),
  * paraphrases that say where they come from (据新华社报道，...: the same origin),
  * rounded restatements (约1,200P for 1,234P), also attributed: they agree and add no origin,
and, for about one step in eight, an outlier: one outlet with a figure that contradicts the rest.
A later step of a series has a higher figure, a month or more later: one update. About one
compute series in six moves from FP32 to FP16 figures: a basis change.

OUT_DIR/expected.json lists each story with its steps: subject, metric, date window, value,
origins, documents, the outlier if any. Standard library only.
"""

from __future__ import annotations

import json
import os
import random
from datetime import date, timedelta
from fractions import Fraction

AGENCIES = ["新华社", "中新社", "人民网", "央视新闻", "经济日报", "科技日报", "中国电子报", "长江日报"]
OUTLETS = ["高科技行业门户", "ZAKER", "新浪科技", "智能相对论", "通信世界", "数据中心世界", "算力观察",
           "四川日报", "新华日报", "经济观察网", "澎湃新闻", "界面新闻", "第一财经", "21世纪经济报道"]

# (metric, dimension, unit text, the origins' own sentences, attributed paraphrases, rounded form)
STORIES = {
    "compute": dict(
        unit="P",
        wire=["{S}已建成智能算力总规模{V}，可为区域内企业和科研机构提供普惠算力服务。",
              "{S}目前算力规模{V}，算力供给能力持续提升。",
              "作为区域算力枢纽，{S}的人工智能算力已达{V}。"],
        para=["据{A}报道，{S}的算力规模已经达到{V}。", "{A}消息，{S}算力达到{V}，服务范围进一步扩大。"],
        lo=2.0, hi=4.0),
    "cards": dict(
        unit="张加速卡",
        wire=["{S}已部署{V}，训练能力大幅提升。", "{S}现有{V}，可支撑大模型训练。"],
        para=["据{A}报道，{S}上线的加速卡规模达{V}。"],
        lo=3.0, hi=4.3),
    "enterprises": dict(
        unit="家企业",
        wire=["{S}已服务{V}，覆盖制造、医疗、交通等领域。", "{S}目前已引进{V}，产业集聚效应显现。"],
        para=["据{A}报道，{S}已吸引{V}入驻。"],
        lo=1.3, hi=2.7),
    "opening": dict(
        unit=None,
        wire=["{S}于{V}正式上线运营。", "{V}，{S}建成投运，成为区域数字经济的新引擎。"],
        para=["据{A}报道，{S}已于{V}正式投入运营。"],
        lo=0, hi=0),
}

PROSE = [
    "算力作为数字经济时代的关键生产力要素，正在深刻改变产业发展格局。",
    "业内人士表示，智算中心的建设将带动上下游产业链协同发展。",
    "围绕大模型训练与推理需求，各地纷纷加快布局新型算力基础设施。",
    "专家认为，算力网络的互联互通是下一阶段的工作重点。",
    "当地有关部门表示，将持续优化营商环境，吸引更多创新主体落户。",
    "多家企业负责人在活动中分享了人工智能赋能行业的实践经验。",
]


def _sig(x: float, sig: int = 3) -> int:
    from math import floor, log10

    return int(round(x, -int(floor(log10(abs(x)))) + (sig - 1)))


def _round2(v: int) -> int:
    return _sig(v, 2)


def _digits(v: int) -> str:
    return str(v)


class Planned:
    def __init__(self):
        self.stories: list[dict] = []
        self.statements: list[tuple[date, int, str, dict]] = []  # (day, fact index, sentence, origin)


def _value_text(metric: str, v, basis: str | None) -> str:
    if metric == "opening":
        return f"{v.year}年{v.month}月{v.day}日"
    unit = STORIES[metric]["unit"]
    text = f"{_digits(v)}{unit}"
    if basis:
        text += f"（{basis}）"
    return text


def plan(n: int, seed: int) -> tuple[list[dict], list[list[tuple[str, int]]], list[date]]:
    """Stories and, for each article, its statements (sentence, step id) and its date."""
    rng = random.Random(f"news:{seed}")
    from make_corpus import CITIES, HEADS, PROPER

    names = [(c, p) for c in CITIES for p in PROPER if p]
    rng.shuffle(names)
    target = int(n * 2.4)  # statements in the whole corpus
    start = date(2022, 1, 3)
    slots = max(12, n // 150)  # ten-day windows the corpus spans
    stories, steps = [], []
    statements: dict[int, list[tuple[str, int, int]]] = {}  # slot -> (sentence, step id, story id)
    made = 0
    name_i = 0
    while made < target:
        metric = rng.choice(["compute", "compute", "cards", "enterprises", "opening"])
        city, proper = names[name_i % len(names)]
        gen = name_i // len(names)
        name_i += 1
        head = rng.choice(HEADS)
        subject = f"{city}{proper}{'二号' if gen == 1 else ''}{head}" if gen < 2 else f"{city}{proper}{gen}号{head}"
        n_steps = 1 if metric == "opening" else rng.choice([1, 1, 2, 2, 3])
        basis_change = metric == "compute" and n_steps >= 2 and rng.random() < 0.2
        slot = rng.randrange(0, max(1, slots - 8 * n_steps))
        d = STORIES[metric]
        v = _sig(10 ** rng.uniform(d["lo"], d["hi"])) if metric != "opening" else date(2021, rng.randint(1, 12), rng.randint(1, 28))
        story = {"id": len(stories), "subject": subject, "metric": metric, "steps": []}
        for k in range(n_steps):
            basis = ("FP32" if k == 0 else "FP16") if basis_change else None
            if k:
                v = _sig(v * rng.uniform(1.8, 3.0))
                slot += rng.randint(5, 8)
            step_id = len(steps)
            origins = rng.choice([1, 1, 2, 2, 3])
            agencies = rng.sample(AGENCIES, origins)
            outlier = rng.random() < 0.125
            step = {"id": step_id, "story": story["id"], "slot": slot, "value": str(v), "basis": basis,
                    "origins": origins, "agencies": agencies, "outlier": None, "statements": 0}
            count = rng.randint(6, 40)
            wires = rng.sample(d["wire"], min(origins, len(d["wire"])))
            wire_day = start + timedelta(days=10 * slot)
            for i in range(count):
                o = i % origins
                A = agencies[o]
                kind = rng.random()
                if kind < 0.6:  # a verbatim copy of the origin's wire lead
                    tpl = f"{A}{city}{wire_day.month}月{wire_day.day}日电 " + wires[o % len(wires)]
                    text = tpl.format(S=subject, V=_value_text(metric, v, basis), A=A)
                elif kind < 0.85 or metric == "opening":  # an attributed paraphrase
                    text = rng.choice(d["para"]).format(S=subject, V=_value_text(metric, v, basis), A=A)
                else:  # a rounded restatement, attributed
                    text = f"据{A}消息，{subject}的规模约{_round2(v)}{d['unit']}" + (f"（{basis}）" if basis else "") + "。"
                statements.setdefault(slot, []).append((text, step_id, story["id"]))
            if outlier:
                if metric == "opening":
                    other = v + timedelta(days=rng.choice([-1, 1]) * rng.randint(45, 120))
                else:
                    other = _sig(v * rng.uniform(1.6, 2.4))
                tpl = "记者实地走访了解到，" + d["wire"][-1]
                text = tpl.format(S=subject, V=_value_text(metric, other, basis), A="")
                statements.setdefault(slot, []).append((text, step_id, story["id"]))
                step["outlier"] = str(other)
                count += 1
            step["statements"] = count
            made += count
            steps.append(step)
            story["steps"].append(step_id)
        stories.append(story)
    # articles per slot in proportion to its statements; no article states one story twice
    total = sum(len(v) for v in statements.values())
    articles: list[list[tuple[str, int]]] = []
    days: list[date] = []
    for slot in sorted(statements):
        items = statements[slot]
        rng.shuffle(items)
        k = max(1, round(n * len(items) / total))
        bins: list[list[tuple[str, int, int]]] = [[] for _ in range(k)]
        for j, item in enumerate(items):
            for t in range(k):
                b = bins[(j + t) % k]
                if all(s != item[2] for _, _, s in b):
                    b.append(item)
                    break
            # (a statement no bin can take is dropped: its story is in every article of the slot)
        for b in bins:
            articles.append([(text, step) for text, step, _ in b])
            days.append(start + timedelta(days=10 * slot + rng.randint(0, 9)))
    for a in articles:
        for _, step in a:
            steps[step].setdefault("documents", 0)
            steps[step]["documents"] += 1
    return [dict(s, steps=[steps[i] for i in s["steps"]]) for s in stories], articles, days


def write(n: int, out_dir: str, seed: int) -> dict:
    import sys

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    stories, articles, days = plan(n, seed)
    rng = random.Random(f"news-text:{seed}")
    os.makedirs(out_dir, exist_ok=True)
    total = 0
    for i, (items, day) in enumerate(zip(articles, days, strict=True)):
        outlet = rng.choice(OUTLETS)
        paras = [rng.choice(PROSE)] + [t for t, _ in items] + rng.sample(PROSE, 2)
        body = "".join(f"<p>{p}</p>\n" for p in paras)
        text = (f"---\ntitle: '算力基础设施建设观察（{i}）'\nauthor: {outlet}\n"
                f"date: {day.isoformat()}T{rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}:00+08:00\n---\n\n"
                f"<div>\n{body}</div>\n")
        data = text.encode("utf-8")
        with open(os.path.join(out_dir, f"news_{i:06d}.html"), "wb") as fh:
            fh.write(data)
        total += len(data)
    steps = [s for st in stories for s in st["steps"]]
    meta = {"generator": "benchmarks/make_corpus.py --news", "n": len(articles), "seed": seed, "bytes": total,
            "stories": len(stories), "facts": len(steps),
            "series_steps": sum(len(st["steps"]) - 1 for st in stories),
            "outliers": sum(1 for s in steps if s["outlier"]),
            "basis_changes": sum(1 for st in stories for a, b in zip(st["steps"], st["steps"][1:], strict=False)
                                 if a["basis"] != b["basis"]),
            "statements": sum(s["statements"] for s in steps)}
    with open(os.path.join(out_dir, "expected.json"), "w", encoding="utf-8") as fh:
        json.dump({"meta": meta, "stories": stories}, fh, ensure_ascii=False, default=str)
    return meta


_ = Fraction  # kept for symmetry with make_corpus's exact values
