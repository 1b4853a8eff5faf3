"""A headline in its page's terms: its bare 元 in the page's currency, its bare 117年 a Minguo year.

The headline is read apart from the body (its own view), so the words that mark a Taiwan, Hong Kong
or Macau page (新台幣, 國科會, 本港, 博彩監察協調局) are usually not in it: 每股純益十二點六元 over a
Taiwan results story is new Taiwan dollars, as the body's figures are.
"""

from __future__ import annotations

from factcheck.extract.mention import Mention
from factcheck.extract.patterns import patterns
from factcheck.extract.quantities import page_currency
from factcheck.extract.roc_years import roc_years
from factcheck.extract.units import canonical


def in_page_terms(title: str, page: str, out: list[Mention]) -> None:
    """Give the headline's figures (in place) the currency and calendar the page's markers name."""
    p = patterns()
    if p.currency_markers is None:
        return
    if any(m.unit == "CNY" and m.reason is None for m in out) and not p.renminbi.search(title):
        cur = page_currency(page)
        if cur and cur != "CNY":
            target, _, dimension = canonical(cur)
            for m in out:
                if m.unit == "CNY" and m.reason is None:  # 十二點六元, 賭收187億
                    m.unit, m.dimension = target, dimension
    if "年" in title:
        roc_years(title, out, p, page=page)
