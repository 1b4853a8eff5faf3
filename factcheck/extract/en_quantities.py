"""English figures: 1,000, 1.5 million, twelve, a dozen, $300 million, 2 billion yuan, 100 petaflops,
more than 20 companies, between 10 and 20, nearly 90%, 12 percentage points."""

from __future__ import annotations

import re
from fractions import Fraction
from functools import cache

from factcheck.extract.intervals import apply_qualifier
from factcheck.extract.mention import Mention
from factcheck.extract.scan import finditer
from factcheck.extract.units import canonical
from factcheck.lang import load_english
from factcheck.lang.loader import alternation

_EXASCALE = re.compile(r"\bexascale\b", re.I)
_SCORE = re.compile(r"(?i)\b(?:scored|score of|scoring|points? of)\s*$")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"


@cache
def _rx():
    en = load_english()
    words = alternation(en.numbers.words)
    tens = alternation(w for w, v in en.numbers.words.items() if v in range(20, 100, 10))
    units_words = alternation(w for w, v in en.numbers.words.items() if v in range(1, 10))
    scales = alternation(en.numbers.scales)
    cur = alternation(en.units.currency_before)
    number = re.compile(
        rf"(?<![\w.,])(?P<cur>{cur})?\s?(?:(?P<num>{_DIGITS})|(?P<word>\b(?:(?:{tens})-(?:{units_words})|{words})\b))"
        rf"(?:\s?(?P<scale>\b(?:{scales})\b))?(?![\w])", re.I)
    units = {k.lower(): v for k, v in en.units.units.items()}
    unit = re.compile(rf"\s?(?P<u>(?:{alternation(units)}))(?![A-Za-z])", re.I)
    nouns = alternation(en.units.count_nouns.words)
    count = re.compile(rf"\s(?:(?!(?:of|the|a|an|and|or|to|in|for|from|with|by|at|on)\b)[A-Za-z0-9][A-Za-z0-9-]*\s){{0,3}}?(?P<n>{nouns})\b")
    device_units = alternation(k for k, v in units.items() if v[0] in ("card", "rack"))
    device = re.compile(rf"\s(?:(?!(?:of|the|a|an|and|or|to|in|for|from|with|by|at|on)\b)[A-Za-z0-9][A-Za-z0-9-]*\s){{1,3}}?(?P<u>{device_units})\b", re.I)
    qb = {k.lower(): v for k, v in en.qualifiers.before.items()}
    qa = {k.lower(): v for k, v in en.qualifiers.after.items()}
    before = re.compile(rf"\b(?P<q>{alternation(qb)})\s*$", re.I)
    after = re.compile(rf"\s?(?P<q>{alternation(qa)})(?![A-Za-z])(?!\s?(?:\d|{cur}))", re.I)  # not "plus 200 racks"
    between = re.compile(r"\bbetween\s*$", re.I)
    rng = re.compile(rf"\s?(?:-|–|to|and)\s?(?P<cur>{cur})?\s?(?P<num>{_DIGITS})(?:\s?(?P<scale>\b(?:{scales})\b))?", re.I)
    compute = re.compile(rf"\b(?:{alternation(en.units.compute_context.words)})\b", re.I)
    return dict(number=number, unit=unit, units=units, count=count, device=device, before=before, after=after, qb=qb, qa=qa,
                between=between, range=rng, compute=compute, words={k.lower(): v for k, v in en.numbers.words.items()},
                scales={k.lower(): v for k, v in en.numbers.scales.items()},
                currency={k.lower(): v for k, v in en.units.currency_before.items()})


def _value(m, r) -> tuple[Fraction, Fraction] | None:
    if m.group("num"):
        text = m.group("num").replace(",", "")
        value = Fraction(text)
        res = Fraction(1, 10 ** len(text.split(".")[1])) if "." in text else Fraction(1)
    else:
        value = sum(Fraction(r["words"][w]) for w in m.group("word").lower().split("-"))  # thirty-five
        res = Fraction(1)
    if m.group("scale"):
        mult = 10 ** r["scales"][m.group("scale").lower()]
        value, res = value * mult, res * mult
    return value, res


def find_quantities_en(text: str, blocked, taken: bytearray, tolerance: Fraction) -> list[Mention]:
    r = _rx()
    out: list[Mention] = []
    for m in r["number"].finditer(text):
        s, e = m.span()
        if any(taken[s:e]):
            continue
        if m.group("scale") and m.group("scale").lower() == "m" and not m.group("cur"):
            e = m.start("scale")  # "5 m" is metres more often than millions without a currency
        if blocked(m.start("num") if m.group("num") else m.start("word"), e):
            out.append(Mention(start=s, end=e, kind="quantity", num_start=s, reason="filtered"))
            continue
        mention = _read(text, m, r, tolerance)
        if mention is None:
            continue
        out.append(mention)
        if mention.reason is None:
            taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    return out


def _read(text: str, m, r, tolerance) -> Mention | None:
    s, e = m.span()
    value, res = _value(m, r)
    mention = Mention(start=s, end=e, kind="quantity", num_start=s, value=value, resolution=res)
    spelled = m.group("num") is None
    unit = r["currency"].get(m.group("cur").lower()) if m.group("cur") else None
    before = text[max(0, s - 30) : s]
    qb = r["before"].search(before)
    if qb:
        mention.qualifier = r["qb"][qb.group("q").lower()]
        mention.start = s - (len(before) - qb.start())
    pos = e
    upper = None
    if r["between"].search(before) or not spelled:
        rng = r["range"].match(text, pos)
        if rng and (rng.group(0).strip().startswith(("-", "–", "to")) or r["between"].search(before)):
            hi = Fraction(rng.group("num").replace(",", ""))
            if rng.group("scale"):
                hi *= 10 ** r["scales"][rng.group("scale").lower()]
            elif m.group("scale"):
                hi *= 10 ** r["scales"][m.group("scale").lower()]
            if hi > value:
                upper, pos = hi, rng.end()
                if r["between"].search(before):
                    mention.start = s - (len(before) - r["between"].search(before).start())
    factor = Fraction(1)
    early = r["after"].match(text, pos) if upper is None and mention.qualifier in ("exact", "reach") else None
    if early:  # 200-plus companies, 200 or more companies: the qualifier comes before the noun
        mention.qualifier, pos = r["qa"][early.group("q").lower()], early.end()
    if unit is None:
        um = r["unit"].match(text, pos)
        word = um.group("u").lower() if um else None
        if um and not (word in ("m", "ms") and spelled):
            unit_name, f = r["units"][word]
            unit, factor, pos = unit_name, Fraction(str(f)), um.end()
        elif re.match(r"\s?P\b", text[pos:pos + 3]) and r["compute"].search(text, max(0, s - 60), pos + 60):
            unit, pos = "PFLOPS", pos + len(re.match(r"\s?P", text[pos:]).group())
        elif dm := r["device"].match(text, pos):
            # 4,096 Ascend 910 AI processors, 1,600 AI accelerator cards
            unit_name, f = r["units"][dm.group("u").lower()]
            unit, factor, pos = unit_name, Fraction(str(f)), dm.end()
        else:
            cm = r["count"].match(text, pos)
            if cm:
                unit, mention.counted, pos = "count", cm.group("n").lower(), cm.end()
                mention.counted_end = pos
    qa = r["after"].match(text, pos)
    if qa and mention.qualifier in ("exact", "reach"):
        mention.qualifier = r["qa"][qa.group("q").lower()]
        pos = qa.end()
    if unit is None and _SCORE.search(text, max(0, s - 20), s):
        unit = "score"  # scored 7,043.99 / a score of 85.5
    if unit is None:
        mention.reason = "bare number"
        mention.end = pos
        return mention
    mention.end = pos
    target, to_canon, dimension = canonical(unit)
    mention.value = value * factor * to_canon
    mention.resolution = res * factor * to_canon
    mention.unit, mention.dimension = target, dimension
    if upper is not None:
        mention.lower, mention.upper, mention.qualifier = mention.value, upper * factor * to_canon, "range"
    if mention.qualifier == "reach":
        mention.qualifier = "exact"
    apply_qualifier(mention, tolerance)
    return mention


def find_exascale(text: str, blocked, taken: bytearray) -> list[Mention]:
    """"exascale" with no number: [1000, ∞) PFLOPS, like E级."""
    out = []
    for m in finditer(_EXASCALE, text):
        s, e = m.span()
        if blocked(s, e) or any(taken[s:e]):
            continue
        mention = Mention(start=s, end=e, kind="quantity", num_start=s, value=Fraction(1000), unit="PFLOPS",
                          dimension="compute", qualifier="at_least")
        mention.lower, mention.lower_open = Fraction(1000), False
        out.append(mention)
        taken[s:e] = b"\x01" * (e - s)
    return out
