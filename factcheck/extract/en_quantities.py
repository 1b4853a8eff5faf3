"""English figures: 1,000, 1.5 million, twelve, a dozen, $300 million, 2 billion yuan, 100 petaflops,
more than 20 companies, between 10 and 20, nearly 90%, 12 percentage points."""

from __future__ import annotations

import re
from fractions import Fraction
from functools import cache

from factcheck.extract.en_entities import chrome_lines, glosses
from factcheck.extract.en_numbers import Num, find_numbers
from factcheck.extract.intervals import apply_qualifier
from factcheck.extract.mention import Mention
from factcheck.extract.scan import finditer
from factcheck.extract.units import canonical
from factcheck.lang import load_english
from factcheck.lang.loader import alternation, trie_alternation

# exascale, and E级 in translation (E-class computing power; a Mercedes E-Class is no computer)
_EXASCALE = re.compile(r"\b(?:[Ee]xascale|EXASCALE|E-(?:class|level)(?=[ ](?:computing|compute|supercomput|intelligent|AI)))\b")
_PERCENT_OF = re.compile(r"(?i)\b(?:per ?cent|percents?)\s+of\s+$")
_SCORE = re.compile(r"(?i)\b(?:scored|scores? of|scoring|points? of|a score of)\s*$")
_OF = re.compile(r"[ ]+of\b")
_TIMES = re.compile(r"[ ]?times\b")
_PUE = re.compile(r"\bPUE\b[^.;\d]{0,24}$")
_PAREN = re.compile(r"[ ]?[(（][ ]?")
# "up to" is a bound (up to 20 halls), not a change from the figure before: "up" pairs with "from" only
_FROM = re.compile(r"(?i)\b(?:up\s+from|down\s+(?:from|to)|(?:rising|rose|falling|fell|increased?|decreased?|grew|growing|climbed|dropped|compared)\s+(?:from|with|to))\s*$")
_SCORE_LIST = re.compile(r"\s*(?:,|and|,\s*and|&)\s*$")  # scores of 812.5 and 96.4
_NUMBER_OF = re.compile(r"(?i)\bthe (?:total )?number of (?:[\w-]+ ){0,3}?(?P<n>[a-z][\w-]*s)\b")
_DIGITS = r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])|\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"


def _defined(unit: str) -> bool:
    """Whether data/units.txt defines the unit (an English surface of a family not defined yet stays out)."""
    try:
        canonical(unit)
    except Exception:  # noqa: BLE001 - pint raises several kinds for an unknown name
        return False
    return True


@cache
def _rx():
    en = load_english()
    scales = alternation(k for k in en.numbers.scales if k.lower() != "m")
    cur = alternation(en.units.currency_before)
    units = {k.lower(): v for k, v in en.units.units.items() if _defined(v[0])}
    unit = re.compile(rf"(?:[ ]|-(?=[A-Za-z]))?(?P<u>(?:{trie_alternation(units)}))(?![A-Za-z])", re.I)
    nouns = trie_alternation(en.units.count_nouns.words)
    count = re.compile(rf"[ ](?:(?!(?:of|the|a|an|and|or|to|in|for|from|with|by|at|on)\b)[A-Za-z0-9][A-Za-z0-9-]*[ ]){{0,3}}?(?P<n>{nouns})\b")
    device_units = trie_alternation(k for k, v in units.items() if v[0] in ("card", "rack"))
    device = re.compile(rf"[ ](?:(?!(?:of|the|a|an|and|or|to|in|for|from|with|by|at|on)\b)[A-Za-z0-9][A-Za-z0-9-]*[ ]){{1,4}}?(?P<u>{device_units})\b", re.I)
    qb = {k.lower(): v for k, v in en.qualifiers.before.items()}
    qa = {k.lower(): v for k, v in en.qualifiers.after.items()}
    before = re.compile(rf"\b(?P<q>{trie_alternation(qb)})\s*$", re.I)
    after = re.compile(rf"[ ]?(?P<q>{trie_alternation(qa)})(?![A-Za-z])(?![ ]?(?:\d|{cur}))", re.I)  # not "plus 200 racks"
    between = re.compile(r"\bbetween\s*$", re.I)
    rng = re.compile(rf"[ ]?(?:-|–|to|and)[ ]?(?P<cur>{cur})?[ ]?(?P<num>{_DIGITS})(?:[ ]?(?P<scale>\b(?:{scales})\b))?", re.I)
    currency = re.compile(rf"(?:{cur})[ ]?$", re.I)
    codes = re.compile(rf"(?<![A-Za-z])(?:{alternation(k.upper() for k in en.units.currency_before if k.isalpha())})$")
    compute = re.compile(rf"\b(?:{alternation(en.units.compute_context.words)})\b", re.I)
    stop = r"(?:of|the|a|an|and|or|to|in|for|from|with|by|at|on|than|that|which|who|per|each|were|are|was|is|have|has|had|will|would|could|can|may|more|less|over|under|about|its|their|our|this|these|those)"
    plural = re.compile(rf"[ ](?:(?!{stop}\b)[A-Za-z][\w-]*[ ]){{0,2}}?(?!{stop}\b)(?P<n>[a-z][a-z-]{{2,}}s|[A-Z]{{2,}}s)\b(?!['’]\w)")
    not_counted = frozenset(w.lower() for w in en.units.not_counted.words)
    streets = en.units.street_names.words
    street = re.compile(rf"[ ](?:{alternation(streets)})\b" if streets else r"(?!)")
    return dict(street=street, codes=codes, plural=plural, not_counted=not_counted, unit=unit, units=units, count=count, device=device, before=before, after=after, qb=qb, qa=qa,
                between=between, range=rng, compute=compute, currency_rx=currency,
                scales={k.lower(): v for k, v in en.numbers.scales.items()},
                currency={k.lower(): v for k, v in en.units.currency_before.items()})


@cache
def _shared_symbols() -> dict:
    """A currency sign two currencies share (¥) -> (the other unit, its country's words, the usual one's words)."""
    out = {}
    for sign, rule in load_english().units.shared_symbols.items():
        out[sign] = (rule.unit, re.compile(rf"\b(?:{alternation(rule.words)})\b"),
                     re.compile(rf"\b(?:{alternation(rule.against)})\b"))
    return out


def _shared_sign_unit(text: str, mention: Mention, seen: dict) -> None:
    """¥38 billion in a piece on Japan is yen, in one on China yuan: the words the whole text uses decide."""
    piece = text[mention.start : mention.end]
    for sign, (unit, words, against) in _shared_symbols().items():
        if sign not in piece:
            continue
        if sign not in seen:
            seen[sign] = unit if len(words.findall(text)) > len(against.findall(text)) else None
        if seen[sign] is not None:
            target, _, dimension = canonical(seen[sign])
            mention.unit, mention.dimension = target, dimension
        return


_CENTS = re.compile(r"\s*cents?$", re.I)


@cache
def _dollar_signs() -> dict[str, str]:
    """The dollar signs of [currency_before] other than the bare one (S$, HK$, NT$) -> their currency."""
    return {k: v for k, v in load_english().units.currency_before.items() if k.endswith("$") and len(k) > 1}


def _cents_unit(text: str, mention: Mention) -> None:
    """3.2 cents is a hundredth of the text's dollar: Singapore's in a piece quoting S$ figures, else the US one."""
    if mention.unit != "USD" or not _CENTS.search(text, mention.start, mention.end):
        return
    low = text.lower()
    counts: dict[str, int] = {}
    for sign, cur in _dollar_signs().items():  # us$ is not s$
        counts[cur] = counts.get(cur, 0) + len(re.findall(rf"(?<![a-z]){re.escape(sign)}", low))
    best = max(counts, key=counts.get, default=None)
    if best and counts[best] > 0 and best != "USD":
        target, _, dimension = canonical(best)
        mention.unit, mention.dimension = target, dimension


def find_quantities_en(text: str, blocked, taken: bytearray, tolerance: Fraction,
                       spans: list[tuple[int, int]] | None = None) -> list[Mention]:
    """English figures in text (only within spans, the English parts, when given)."""
    r = _rx()
    out: list[Mention] = []
    consumed = 0  # the end of the last mention: the upper end of a range is not a number of its own
    spans = [(0, len(text))] if spans is None else spans
    gloss = [g for a, b in spans for g in glosses(text, a, b)] + [c for a, b in spans for c in chrome_lines(text, a, b)]
    last_score = last = None
    shared_signs = any(sign in text for sign in _shared_symbols())
    seen_signs: dict = {}
    for num in (n for a, b in spans for n in find_numbers(text, a, b)):
        s, e = num.start, num.end
        if s < consumed or any(taken[s:e]):
            continue
        glued = r["codes"].search(text, max(0, s - 4), s)  # RMB16 billion: read as a code by the filters
        if (blocked(s, e) and not glued) or any(a <= s < b for a, b in gloss):
            reason = "unit gloss" if not blocked(s, e) or glued else "filtered"
            out.append(Mention(start=s, end=e, kind="quantity", num_start=s, reason=reason))
            continue
        mention = _read(text, num, r, tolerance, consumed)
        if mention is None:
            continue
        if shared_signs and mention.dimension is not None and mention.dimension.startswith("money"):
            _shared_sign_unit(text, mention, seen_signs)
        if mention.unit == "USD":
            _cents_unit(text, mention)
        if mention.reason == "bare number" and last_score is not None and _SCORE_LIST.fullmatch(text, last_score, s):
            _set_unit(mention, "score", Fraction(1), tolerance)  # the second of "scores of 812.5 and 96.4"
        elif mention.reason == "bare number" and last is not None and _FROM.search(text, last.end, s) and "." not in text[last.end : s]:
            # passed 6.4 million racks, up from 5.2 million: the figure compared takes the first one's unit
            mention.counted = last.counted
            _set_unit(mention, last.unit, Fraction(1), tolerance)
        if (mention.reason is None and last is not None and _PAREN.fullmatch(text, last.end, mention.start)
                and mention.dimension == last.dimension and not (mention.dimension or "").startswith("money")):
            mention.reason = "gloss"  # 6.7 EFLOPS (6.7 quintillion floating-point operations per second): the figure again
        if mention.reason is None and mention.unit:
            last = mention
        last_score = mention.end if mention.unit == "score" else None
        out.append(mention)
        consumed = mention.end
        if mention.reason is None:
            taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    return out


_SPELLED_TO = re.compile(r"[ ](?:to|-|–|or)[ ]")
_FROM_BEFORE = re.compile(r"(?i)\bfrom\s*$")


def _spelled_upper(text: str, pos: int, before: str, value, upper):
    """forty to fifty roles: a range of spelled numbers (not "from forty to fifty", a change)."""
    to = _SPELLED_TO.match(text, pos)
    if to is None or _FROM_BEFORE.search(before):
        return upper, pos
    hi = next(iter(find_numbers(text, to.end(), min(len(text), to.end() + 40))), None)
    if hi is None or hi.start != to.end() or not hi.spelled or hi.value <= value or hi.scale_power:
        return upper, pos
    return hi.value, hi.end


def _set_unit(mention: Mention, unit: str, factor: Fraction, tolerance) -> None:
    target, to_canon, dimension = canonical(unit)
    mention.value = mention.value * factor * to_canon
    mention.resolution = mention.resolution * factor * to_canon
    mention.unit, mention.dimension, mention.reason = target, dimension, None
    apply_qualifier(mention, tolerance)


def _read(text: str, num: Num, r, tolerance, after: int = 0) -> Mention | None:
    s, e = num.start, num.end
    value, res = num.value, num.resolution
    cm = r["currency_rx"].search(text, max(0, s - 4), s)
    if cm and cm.start() > 0 and text[cm.start() - 1].isalpha() and cm.group()[0].isalpha():
        cm = None  # "erm 5" is not RMB
    unit = r["currency"].get(cm.group().strip().lower()) if cm else None
    if cm:
        s = cm.start()
    mention = Mention(start=s, end=e, kind="quantity", num_start=s, value=value, resolution=res)
    spelled = num.spelled
    before = text[max(0, s - 30) : s]
    qb = r["before"].search(before)
    if qb:
        mention.qualifier = r["qb"][qb.group("q").lower()]
        mention.start = s - (len(before) - qb.start())
    pos = e
    if unit and re.match(r"[ ]?m(?:n)?\b", text[pos : pos + 3]):  # $5m, $5 m
        value, res = value * 10**6, res * 10**6
        mention.value, pos = value, pos + len(re.match(r"[ ]?mn?", text[pos:]).group())
    upper = None
    bw = r["between"].search(before) if "etween" in before else None
    if bw or not spelled:
        rng = r["range"].match(text, pos)
        if rng and (rng.group(0).strip().startswith(("-", "–", "to")) or bw):
            hi = digits = Fraction(rng.group("num").replace(",", ""))
            if rng.group("scale"):
                power = r["scales"][rng.group("scale").lower()]
                hi *= 10**power
                if not num.scale_power and value < digits:  # $2-3 billion: the scale word serves both ends
                    value, res = value * 10**power, res * 10**power
            elif num.scale_power:
                hi *= 10 ** num.scale_power
            if hi > value:
                upper, pos = hi, rng.end()
                if bw:
                    mention.start = s - (len(before) - bw.start())
    if spelled and upper is None and not bw:
        upper, pos = _spelled_upper(text, pos, before, value, upper)
    factor = Fraction(1)
    early = r["after"].match(text, pos) if upper is None and mention.qualifier in ("exact", "reach") else None
    if early:  # 200-plus companies, 200 or more companies: the qualifier comes before the noun
        mention.qualifier, pos = r["qa"][early.group("q").lower()], early.end()
    if unit is None:
        um = r["unit"].match(text, pos)
        word = um.group("u").lower() if um else None
        if um and not (word in ("m", "ms") and spelled):
            if text[um.end() + 1 : um.end() + 2].isupper() and r["street"].match(text, um.end()):
                return None  # 29km Road: a name, not a length
            unit_name, f = r["units"][word]
            unit, factor, pos = unit_name, Fraction(str(f)), um.end()
        elif (pe := re.match(r"[ ]?([PpE])\b", text[pos:pos + 3])) and r["compute"].search(text, max(0, s - 60), pos + 60):
            unit, pos = ("EFLOPS" if pe.group(1) == "E" else "PFLOPS"), pos + len(pe.group())  # 120P, 450p, 3E
        elif re.match(r"[xX×](?![A-Za-z0-9])", text[pos : pos + 2]):
            unit, pos = "times", pos + 1  # 2.1x, 10x faster
        elif pos < len(text) and text[pos].isalpha():
            return None  # 180ml, 29km, 4th: a unit or suffix this reader does not know
        elif num.fraction:
            if _OF.match(text, pos) and text[num.start : num.end].lower() not in ("quarter", "quarters"):
                # about a fifth of the total, three quarters of the racks: a share ("the final quarter of" is a date)
                unit, factor = "percent", Fraction(100)
        elif res != 1 and (tm := _TIMES.match(text, pos)):
            unit, pos = "times", tm.end()  # about 1.7 times (a whole "5 times" may count events)
        elif (dm := r["device"].match(text, pos)) and not any(
                w.lower() in r["not_counted"] for w in text[pos : dm.start("u")].split()):  # 7 nanometre chips
            # 4,096 Ascend 910 AI processors, 1,600 AI accelerator cards
            unit_name, f = r["units"][dm.group("u").lower()]
            unit, factor, pos = unit_name, Fraction(str(f)), dm.end()
        else:
            cm = r["count"].match(text, pos)
            yearlike = num.resolution == 1 and 1900 <= value <= 2100 and "," not in text[s:e]  # the 2023 rankings
            pm = None if cm or yearlike or value == 1 else r["plural"].match(text, pos)
            if pm and pm.group("n").lower() in r["not_counted"]:
                pm = None
            if cm or pm:  # 20 companies; 36 clients, 1,024 CPUs, 80,000 desktop PCs
                unit, mention.counted, pos = "count", (cm or pm).group("n").lower(), (cm or pm).end()
                mention.counted_end = pos
            elif not yearlike and value != 1 and text[pos + 1 : pos + 2].isdigit() and (sized := _sized_things(text, pos, r)):
                # 20 100MW data halls, 25 40MW buildings: the things counted come after each one's size
                unit, mention.counted, mention.counted_end = "count", sized.group("n").lower(), sized.end()
            elif (text[max(0, s - 3) : s].rstrip().endswith(":") and (lm := _LABEL.search(text, max(after, s - 40), s))
                  and lm.group("n").lower() not in r["not_counted"]):
                # a list item "Passengers: 2.6 million, +9.1%": the label names the things counted
                unit, mention.counted = "count", lm.group("n").lower()
            elif (_reach_before(text, s) and (vm := _NOUN_VERB.search(text, max(after, s - 60), s))
                  and vm.group("n").lower() not in r["not_counted"]):
                # data center racks reached 110,000; users exceeded 2 million: the noun before the verb is counted
                noun = vm.group("n").lower()
                unit, mention.counted = (r["units"][noun][0], None) if r["units"].get(noun, ("",))[0] in ("rack", "card") else ("count", noun)
            elif nm := _number_of(text, s, after):
                # the number of data-centre racks in use passed 6.4 million: the noun comes first
                noun = nm.group("n").lower()
                unit, mention.counted = (r["units"][noun][0], None) if r["units"].get(noun, ("",))[0] in ("rack", "card") else ("count", noun)
    qa = r["after"].match(text, pos)
    if qa and mention.qualifier in ("exact", "reach"):
        mention.qualifier = r["qa"][qa.group("q").lower()]
        pos = qa.end()
    if unit is None and _PUE.search(text, max(0, s - 40), s):
        unit = "ratio"  # power usage effectiveness (PUE) of 1.3
    if unit is None and _SCORE.search(text, max(0, s - 20), s):
        unit = "score"  # scored 7,043.99 / a score of 85.5
    if unit is None and (pm := _PERCENT_OF.search(text, max(0, s - 16), s)):
        unit, mention.start = "percent", pm.start()  # per cent of twenty-two
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


# a plural noun, a verb of reaching and the figure (racks reached 110,000, users have exceeded 2 million)
_NOUN_VERB = re.compile(r"\b(?P<n>[a-z][a-z-]{2,}s|[A-Z]{2,}s)[ ](?:(?:has|have|had)[ ])?(?:reached|exceeded|exceeds|exceed|"
                        r"totall?ed|totals|stood[ ]at|stands[ ]at|hit|rose[ ]to|grew[ ]to|increased[ ]to|climbed[ ]to|"
                        r"amounted[ ]to|numbered|surpassed|topped)[ ]+(?:(?:about|around|nearly|almost|over|more[ ]than)[ ]+)?$")
_REACH_WORDS = frozenset({"reached", "exceeded", "exceeds", "exceed", "totalled", "totaled", "totals", "at", "hit", "to",
                          "numbered", "surpassed", "topped", "about", "around", "nearly", "almost", "over", "than"})


def _reach_before(text: str, s: int) -> bool:
    """The cheap test for _NOUN_VERB: the word right before the figure is one it can end on."""
    words = text[max(0, s - 16) : s].split()
    return bool(words) and words[-1] in _REACH_WORDS


# a line or list item opening on a plural label and a colon, the figure right after it
_LABEL = re.compile(r"(?m)^[ \t]*(?:[-*•·][ \t]*)?(?P<n>[A-Z][a-z]{2,}s)[ \t]*:[ \t]*$")
_SIZED = re.compile(rf"[ ]{_DIGITS}")


def _sized_things(text: str, pos: int, r):
    """The plural noun after "N <size><unit>" (20 100MW data halls), or None; the size stays a figure of its own."""
    size = _SIZED.match(text, pos)
    if size is None:
        return None
    um = r["unit"].match(text, size.end())
    if um is None or r["units"][um.group("u").lower()][0] in ("count", "card", "rack", "percent", "times"):
        return None
    pm = r["count"].match(text, um.end()) or r["plural"].match(text, um.end())
    if pm is None or pm.group("n").lower() in r["not_counted"]:
        return None
    return pm


def _number_of(text: str, s: int, after: int):
    """"the number of <nouns> ..." earlier in the sentence, with no figure in between."""
    start = max(after, s - 120)
    for stop in (".", ";", "\n"):
        start = max(start, text.rfind(stop, start, s) + 1)
    found = None
    for m in _NUMBER_OF.finditer(text, start, s):
        found = m
    if found and not re.search(r"\d", text[found.end() : s]):
        return found
    return None


def find_exascale(text: str, blocked, taken: bytearray, spans: list[tuple[int, int]] | None = None) -> list[Mention]:
    """"exascale" with no number: [1000, ∞) PFLOPS, like E级."""
    out = []
    spans = [(0, len(text))] if spans is None else spans
    for m in (m for a, b in spans for m in finditer(_EXASCALE, text, a, b)):
        s, e = m.span()
        if blocked(s, e) or any(taken[s:e]):
            continue
        mention = Mention(start=s, end=e, kind="quantity", num_start=s, value=Fraction(1000), unit="PFLOPS",
                          dimension="compute", qualifier="at_least")
        mention.lower, mention.lower_open = Fraction(1000), False
        out.append(mention)
        taken[s:e] = b"\x01" * (e - s)
    return out
