"""Unit words to canonical units, through pint and the standalone definitions in data/units.txt.

pint's default registry reads "P" as poise and knows no 卡 or E级, so factcheck keeps its own
registry; conversion factors are exact Fractions, computed once per unit.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import pint

from factcheck.lang import data_path

# the canonical unit of each dimension (SEMANTICS.md section 2); durations and masses stay as stated
CANONICAL = {
    "[compute]": "PFLOPS",
    "[integer_ops]": "TOPS",
    "[accelerator]": "card",
    "[rack]": "rack",
    "[count]": "count",
    "[score]": "score",
    "[rank]": "rank",
    "[share]": "percent",
    "[share_change]": "percentage_point",
    "[money_cny]": "CNY",
    "[area]": "square_metre",
    "[storage]": "PB",
    "[multiple]": "times",
    "[power]": "megawatt",
    "[energy]": "kWh",
    "[ratio]": "ratio",
}
DIMENSION_NAMES = {
    "[compute]": "compute", "[integer_ops]": "integer_ops", "[accelerator]": "accelerator", "[rack]": "rack",
    "[count]": "count", "[score]": "score", "[rank]": "rank", "[share]": "share",
    "[share_change]": "share_change", "[money_cny]": "money", "[money_usd]": "money_usd",
    "[money_eur]": "money_eur", "[money_hkd]": "money_hkd", "[money_twd]": "money_twd", "[time]": "time",
    "[mass]": "mass", "[area]": "area", "[storage]": "storage", "[multiple]": "multiple", "[ratio]": "ratio",
    "[power]": "power", "[energy]": "energy",
    "[electricity_price]": "electricity_price", "[length]": "length", "[temperature]": "temperature",
}


@cache
def registry() -> pint.UnitRegistry:
    return pint.UnitRegistry(str(data_path("units.txt")), non_int_type=Fraction, autoconvert_offset_to_baseunit=False)


def _dimension_key(unit: str) -> str:
    dims = registry().Unit(unit).dimensionality
    return next(iter(dims.keys())) if dims else "[count]"


@cache
def canonical(unit: str) -> tuple[str, Fraction, str]:
    """(canonical unit, factor to it, dimension name) for a unit in the definitions file."""
    dim = _dimension_key(unit)
    target = CANONICAL.get(dim, unit)
    factor = registry().Quantity(Fraction(1), unit).to(target).magnitude
    return target, Fraction(factor), DIMENSION_NAMES.get(dim, dim.strip("[]"))


@cache
def seconds(unit: str) -> Fraction:
    """How many seconds one unit of time is (durations compare through seconds)."""
    return Fraction(registry().Quantity(Fraction(1), unit).to("second").magnitude)
