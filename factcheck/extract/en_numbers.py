"""English numerals: digits (1,234.5, 1 234 567, .08, 1.3e6, 3/4, 2 1/4, 10k, 12.6M), spelled-out
compounds (one hundred and sixty-one, twenty-one trillion three hundred), fractions (three quarters,
five and a half million, two and fifty-four hundredths), decimals (two point zero three), dozens,
lakh/crore and signs (minus five, -4/5).

``find_numbers(text, taken)`` yields each number as a ``Num`` with its span and exact value; it knows
nothing of units or qualifiers (en_quantities reads those around the number).

A run of number tokens is matched by one regular expression and then parsed from left to right;
where the grammar stops (4000 3 hundred: a digit group after a digit group), a new number starts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from factcheck.extract.scan import finditer
from factcheck.lang import load_english
from factcheck.lang.loader import alternation


@dataclass
class Num:
    start: int
    end: int
    value: Fraction
    resolution: Fraction
    spelled: bool  # written in words, at least in part
    fraction: bool  # a fraction below one (two thirds, a half): never a count of things
    scale_power: int = 0  # the power of the last scale word (million = 6), for a range's upper end


# digit groups: 1,234,567; 1 234 567; the Indian lakh grouping 1,25,000 and 12,34,56,789 (two digits a group
# above the thousands), read before a plain run of digits so that 1,25,000 is not "1"
_DIGIT_ATOM = (
    r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])|\d{1,3}(?:[\u202f\u00a0]\d{3})+(?!\d)|\d{1,3}(?: \d{3}){2,}(?!\d)|\d{1,3} 000(?![\d,])|\d+)"
    r"(?:\.\d+)?|(?<![\d,])\.\d+"
)
_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
_PLAIN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_EXPONENT = r"(?:[eE][+-]?\d+(?![\w])|\^[+-]{0,2}\d+|[ ]?[x×][ ]?10\^[+-]?\d+)"


@dataclass
class _Tok:
    kind: str  # D digits, U 0-9, T 10-19, X tens, H hundred, S scale, Z dozen, F fraction word, a, and, point, over, -
    value: Fraction
    start: int
    end: int
    res: Fraction = Fraction(1)
    power: int = 0
    slash: bool = False  # a digit fraction (3/4)
    plural: bool = False


@cache
def _lex():
    n = load_english().numbers
    words = {k.lower(): v for k, v in n.words.items()}
    scales = {k.lower(): v for k, v in n.scales.items() if len(k) > 1 or k.lower() == "k"}
    scales.pop("m", None)  # "5 m" is metres far more often than millions; glued "5M" is a suffix
    fractions = {k.lower(): v for k, v in n.fractions.items()}
    mult = {k.lower(): v for k, v in n.multipliers.items()}
    signs = [w.lower() for w in n.signs.words]
    suffixes = dict(n.suffixes)
    ordinal_units = {k.lower(): v for k, v in n.ordinal_units.items()}
    tens = alternation(w for w, v in words.items() if v in range(20, 100, 10))
    ord_units = alternation(ordinal_units)
    word = alternation(list(words) + list(scales) + list(fractions) + list(mult))
    digit = (rf"(?:(?:{_DIGIT_ATOM}){_EXPONENT}?(?:/\d+(?![\d/])|[{_VULGAR}])?"
             rf"(?:(?-i:{alternation(suffixes)})(?![A-Za-z]))?)")
    tok = rf"(?:{digit}|[{_VULGAR}]|\b(?:{tens})[ ]?-[ ]?(?:{ord_units})\b|\b(?:{word})\b)"
    link = r"(?:[ \t]*-[ \t]*|[ \t]+(?:(?:and|point|over)[ \t]+)?(?:(?:a|an)[ \t]+)?)"
    sign = rf"(?:\b(?:{alternation(signs)})[ \t]+|(?<![\w.,)\-−])[-−](?=[\d.]))"
    codes = [k.upper() for k in load_english().units.currency_before if k.isalpha()]
    # one lookbehind per code length (a lookbehind is fixed-width): fewer branches tried at every figure
    glued = "".join(f"|(?<=(?-i:{alternation(c for c in codes if len(c) == n)}))" for n in sorted({len(c) for c in codes}))
    start = rf"(?:(?<![\w.,/]){glued})"  # RMB16 billion: a currency code may touch the figure
    run = re.compile(rf"(?i:(?:{sign})?(?:\b(?:a|an)[ \t]+)?{start}(?:{tok})(?:{link}(?:{tok}))*)")
    token = re.compile(
        rf"(?P<d>{digit})|(?P<v>[{_VULGAR}])|(?P<ord>(?:{tens})[ ]?-[ ]?(?:{ord_units})\b)|(?P<w>[A-Za-z]+)|(?P<h>[-−])",
        re.I)
    return dict(run=run, token=token, words=words, scales=scales, fractions=fractions, mult=mult, signs=set(signs),
                suffixes=suffixes, ordinal_units=ordinal_units,
                pronoun=frozenset(w.lower() for w in n.pronoun_before.words))


def _digits(text: str, lx) -> tuple[Fraction, Fraction, bool]:
    """The value and resolution of a digit atom: 1,234.5  1 234  .08  1.3e6  2.5^-1  3/4  10k."""
    if text[-1] in _VULGAR:  # 2½
        v, res, _ = _digits(text[:-1], lx)
        return v + Fraction(unicodedata.numeric(text[-1])).limit_denominator(16), res, False
    suf = 0
    m = re.search(r"[A-Za-z]+$", text)
    if m and m.group() in lx["suffixes"] and not re.search(r"\d[eE]$", text[: m.start() + 1]):
        suf, text = lx["suffixes"][m.group()], text[: m.start()]
    slash = None
    if "/" in text:
        text, slash = text.split("/")
    exp = 0
    if "^" in text:
        base, e = text.split("^")
        if re.search(r"[x×]\s?10$", base):
            base = re.sub(r"\s?[x×]\s?10$", "", base)
            exp = int(e.replace("--", ""))
            text = base
        else:
            sign = -1 if e.count("-") == 1 else 1
            b = Fraction(base.replace(",", "").replace(" ", "").replace("\u202f", "").replace("\u00a0", ""))
            v = b ** (sign * int(e.lstrip("+-")))
            return Fraction(v), Fraction(0), False
    em = re.search(r"[eE]([+-]?\d+)$", text)
    if em:
        exp, text = int(em.group(1)), text[: em.start()]
    clean = re.sub(r"[,\s\u202f\u00a0]", "", text)
    value = Fraction(clean)
    res = Fraction(1, 10 ** len(clean.split(".")[1])) if "." in clean else Fraction(1)
    if slash is not None:
        den = int(slash)
        if den == 0:
            raise ZeroDivisionError
        return value / den, Fraction(1, den), True
    mult = Fraction(10) ** (exp + suf)
    return value * mult, res * mult, False


def _tokens(text: str, start: int, end: int, lx) -> list[_Tok]:
    toks = []
    for m in lx["token"].finditer(text, start, end):
        s, e = m.span()
        if m.group("d"):
            try:
                v, res, slash = _digits(m.group("d"), lx)
            except (ZeroDivisionError, ValueError, OverflowError):
                return toks
            toks.append(_Tok("D", v, s, e, res, slash=slash))
        elif m.group("v"):  # ½, ¾: a fraction of its own, or the part after a whole number (2½)
            toks.append(_Tok("D", Fraction(unicodedata.numeric(m.group("v"))).limit_denominator(16), s, e, slash=True))
        elif m.group("ord"):  # twenty-first, thirty-fifths: a denominator
            tens, unit = re.split(r"[ ]?-[ ]?", m.group("ord").lower())
            toks.append(_Tok("F", Fraction(lx["words"][tens] + lx["ordinal_units"][unit]), s, e))
        elif m.group("h"):
            toks.append(_Tok("-" if toks else "sign", Fraction(0), s, e))  # a run starts with "-" only as a sign
        else:
            w = m.group("w").lower()
            if w in lx["words"]:
                v = lx["words"][w]
                kind = "U" if v < 10 else "T" if v < 20 else "X"
                toks.append(_Tok(kind, Fraction(v), s, e))
            elif w in lx["scales"]:
                p = lx["scales"][w]
                alone = w in ("hundred", "thousand")  # hundred thousand dollars; "billion" alone is a word
                toks.append(_Tok("H" if p == 2 else "S", Fraction(10) ** p, s, e, power=p, plural=not alone))
            elif w in lx["fractions"]:
                toks.append(_Tok("F", Fraction(lx["fractions"][w]), s, e))
            elif w in lx["mult"]:
                toks.append(_Tok("Z", Fraction(lx["mult"][w]), s, e))
            elif w in ("a", "an", "and", "point", "over"):
                toks.append(_Tok(w if w != "an" else "a", Fraction(1), s, e))
            elif w in lx["signs"]:
                toks.append(_Tok("sign", Fraction(-1), s, e))
    return toks


class _Parser:
    """Reads one number from a token list, from index i."""

    def __init__(self, toks: list[_Tok]):
        self.t = [x for x in toks]

    def _plural(self, j: int) -> bool:
        """hundreds, thousands, bn, lakh: vague or cryptic alone (hundreds of firms), a multiplier only after a number."""
        return self.t[j].plural

    def kind(self, j: int) -> str | None:
        return self.t[j].kind if j < len(self.t) else None

    def cardinal(self, i: int):
        """An integer (or a decimal digit atom) with its scale words: returns (value, res, j, spelled,
        power, and_at) or None. and_at: (value before the last 'and', index after it)."""
        t, n = self.t, len(self.t)
        total, cur, last, j = Fraction(0), None, None, i
        spelled, power, res, and_at = False, 0, Fraction(1), None
        while j < n:
            k = t[j].kind
            if k == "-":
                if (last in ("U", "X", "T", "H", "S") and self.kind(j + 1) in ("U", "F", "H", "S", "X")) or (
                        last == "D" and self.kind(j + 1) == "S"):  # 2.8-billion-yuan
                    j += 1
                    continue
                break
            if k == "a":
                if last in (None, "and") and self.kind(j + 1) in ("H", "S", "Z"):
                    cur, last, j, spelled = Fraction(1), "a", j + 1, True
                    continue
                break
            if k == "D":
                if t[j].slash:
                    break
                if last is None:
                    cur, res, last = t[j].value, t[j].res, "D"
                elif last in ("S", "H", "and") and (cur or 0) % 100 == 0 and t[j].value < 1000 and t[j].res == 1:
                    cur, last = (cur or 0) + t[j].value, "D"
                else:
                    break
            elif k == "U":
                if last in (None, "and", "S", "H") or (last == "X" and cur is not None and cur % 10 == 0 and j > i and t[j - 1].kind in ("X", "-")):
                    cur, last = (cur or 0) + t[j].value, "U"
                else:
                    break
            elif k in ("T", "X"):
                if last in (None, "and", "S", "H") and (cur or 0) % 100 == 0:
                    cur, last = (cur or 0) + t[j].value, k
                else:
                    break
            elif k == "H":
                if last in ("U", "T", "X", "D", "a") or (last is None and not self._plural(j)):
                    cur, last, spelled = (cur if cur is not None else Fraction(1)) * 100, "H", True
                    res = res * 100 if last == "D" else Fraction(100)
                else:
                    break
            elif k == "S":
                if last in ("U", "T", "X", "D", "H", "a") or (last is None and not self._plural(j)):
                    total += (cur if cur is not None else Fraction(1)) * t[j].value
                    res, power = (res if t[j - 1].kind == "D" else Fraction(1)) * t[j].value, t[j].power
                    cur, last = None, "S"
                elif last == "S" and t[j].power > 2:  # three lakh crore
                    total *= t[j].value
                    res, power = res * t[j].value, power + t[j].power
                else:
                    break
            elif k == "Z":
                if last in ("U", "T", "X", "D", "a", "H"):
                    cur, last = (cur if cur is not None else Fraction(1)) * t[j].value, "Z"
                else:
                    break
            elif k == "and":
                if last in ("H", "S") and self.kind(j + 1) in ("U", "T", "X", "D"):
                    and_at = (total + (cur or 0), j + 1)
                    last = "and"
                else:
                    break
            else:
                break
            if k in ("U", "T", "X", "a") or (k == "H" and last != "D"):
                spelled = True  # words for the number itself; "2 trillion" is digits with a scale word
            j += 1
        while j > i and t[j - 1].kind in ("and", "a", "-"):
            j -= 1
        if j == i or last in ("and", "a"):
            return None
        if cur is not None and last != "S":
            res = res if last in ("D", "H", "Z") else Fraction(1)
        return total + (cur or 0), res, j, spelled, power, and_at

    def number(self, i: int):
        """(value, res, j, spelled, fraction, power) for the number that starts at token i, or None."""
        t = self.t
        neg = False
        if self.kind(i) == "sign":
            neg, i = True, i + 1
        k = self.kind(i)
        if k == "D" and t[i].slash:
            v, res, j = t[i].value, t[i].res, i + 1
            return (-v if neg else v), res, j, False, v < 1, 0
        if k == "F" or (k == "a" and self.kind(i + 1) == "F"):
            # a half, half a dozen, quarter million, a hundredth
            j = i + 1 if k == "F" else i + 2
            f = t[j - 1]
            if k == "F" and f.value not in (2, 4):
                return None
            v = 1 / f.value
            if self.kind(j) == "a" and self.kind(j + 1) == "Z":
                v, j = v * t[j + 1].value, j + 2
            elif self.kind(j) in ("S", "H"):
                v, j = v * t[j].value, j + 1
            return (-v if neg else v), v, j, True, v < 1, 0
        c = self.cardinal(i)
        if c is None:
            return None
        v, res, j, spelled, power, and_at = c
        fraction = False
        nk = self.kind(j)
        if nk == "D" and t[j].slash and t[j - 1].kind == "D" and v.denominator == 1:  # 2 1/4
            v, res, j = v + t[j].value, t[j].res, j + 1
        elif nk == "point" and self.kind(j + 1) in ("U", "T", "X") and t[j - 1].kind != "D":
            digits, j = "", j + 1
            while self.kind(j) in ("U", "T", "X", "-"):
                if t[j].kind == "-":
                    j += 1
                    continue
                if t[j].kind == "X" and self.kind(j + 1) == "U":
                    digits, j = digits + str(int(t[j].value + t[j + 1].value)), j + 2
                elif t[j].kind == "X" and self.kind(j + 1) == "-" and self.kind(j + 2) == "U":
                    digits, j = digits + str(int(t[j].value + t[j + 2].value)), j + 3
                else:
                    digits, j = digits + str(int(t[j].value)), j + 1
            v, res = v + Fraction("0." + digits), Fraction(1, 10 ** len(digits))
            spelled = True
        elif nk == "F" and spelled and v.denominator == 1:  # two thirds, twenty-three fifths
            den = t[j].value
            proper = and_at and and_at[0] and v - and_at[0] < den  # one hundred and three quarters
            if proper:
                step = Fraction(10) ** power if power and and_at[0] % (Fraction(10) ** power) == 0 else 1
                v = and_at[0] + (v - and_at[0]) / den * step  # five billion and three quarters
            else:
                v = v / den
            res, j, fraction = Fraction(0), j + 1, v < 1
        elif nk == "-" and self.kind(j + 1) == "F" and spelled:  # one-eighth
            v, res, j = v / t[j + 1].value, Fraction(0), j + 2
            fraction = v < 1
        elif nk == "and" and spelled and self.kind(j + 1) in ("U", "T", "X") and (c2 := self.cardinal(j + 1)) and \
                self.kind(c2[2]) == "F" and c2[0] < t[c2[2]].value and not c2[5]:
            v, res, j = v + c2[0] / t[c2[2]].value, Fraction(0), c2[2] + 1  # two and fifty-four hundredths
        elif nk == "and" and self.kind(j + 1) in ("a", "U") and self.kind(j + 2) == "F" and spelled or (
                nk == "and" and self.kind(j + 1) == "a" and self.kind(j + 2) == "F"):
            num = Fraction(1) if t[j + 1].kind == "a" else t[j + 1].value
            add = num / t[j + 2].value
            if add < 1:
                if power and self.kind(j + 3) == "S" and t[j + 3].power < power:  # one billion and a half million
                    v, res, j = v + add * t[j + 3].value, Fraction(0), j + 4
                    return (-v if neg else v), res, j, spelled, fraction, power
                if power and v % (Fraction(10) ** power) == 0:  # one million and a half
                    add *= Fraction(10) ** power
                v, res, j = v + add, Fraction(0), j + 3
                if self.kind(j) == "S" and not power:  # five and a half million
                    v, res, power, j = v * t[j].value, t[j].value / 10, t[j].power, j + 1
        elif nk == "over" and spelled:
            d = self.cardinal(j + 1)
            if d is not None and d[0]:
                v, res, j, fraction = v / d[0], Fraction(0), d[2], v < d[0]
        return (-v if neg else v), res, j, spelled, fraction, power


def find_numbers(text: str, start: int = 0, end: int | None = None):
    """Every number in text[start:end], in order, as Num."""
    lx = _lex()
    end = len(text) if end is None else end
    for m in finditer(lx["run"], text, start, end):
        if _PLAIN.fullmatch(m.group()):  # most figures: 1,024 or 3.5, nothing to parse
            clean = m.group().replace(",", "")
            res = Fraction(1, 10 ** (len(clean) - clean.index(".") - 1)) if "." in clean else Fraction(1)
            yield Num(m.start(), m.end(), Fraction(clean), res, False, False)
            continue
        toks = _tokens(text, m.start(), m.end(), lx)
        p = _Parser(toks)
        i = 0
        while i < len(toks):
            got = p.number(i)
            if got is None:
                i += 1
                continue
            v, res, j, spelled, fraction, power = got
            s, e = toks[i].start, toks[j - 1].end
            if spelled and j == i + 1 and toks[i].kind == "U" and toks[i].value == 1 and _pronoun(text, s, lx):
                i = j
                continue
            yield Num(s, e, v, res, spelled, fraction, power)
            i = j


def _pronoun(text: str, s: int, lx) -> bool:
    """the one, which one, this one: "one" as a pronoun."""
    m = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, s - 20) : s])
    return bool(m and m.group(1).lower() in lx["pronoun"])
