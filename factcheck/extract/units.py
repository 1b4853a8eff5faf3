"""Unit words to canonical units, through pint and the standalone definitions in data/units.txt.

pint's default registry reads "P" as poise and knows no 卡 or E级, so factcheck keeps its own
registry; conversion factors are exact Fractions, computed once per unit.

Importing pint and building the registry take about 0.35 s, more than reading a whole article
corpus's worth of figures, and every ``factcheck`` command would pay it on start-up. So pint's
answers for every unit that units.txt defines are kept in data/units_table.tsv, written by
``python -m factcheck.extract.units`` and stamped with a SHA-256 of what they came from.
A lookup uses the table while the stamp matches (units.txt and the CANONICAL and DIMENSION_NAMES
tables below are hashed); a unit the table lacks, or a units.txt edited since, goes to pint itself, so the answers are pint's either way (tests/test_units_table.py
checks that the table is fresh and agrees with pint).
"""

from __future__ import annotations

import hashlib
from fractions import Fraction
from functools import cache

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
    "[apparent_power]": "MVA",
    "[index]": "index_point",
}
DIMENSION_NAMES = {
    "[compute]": "compute", "[integer_ops]": "integer_ops", "[accelerator]": "accelerator", "[rack]": "rack",
    "[count]": "count", "[score]": "score", "[rank]": "rank", "[share]": "share",
    "[share_change]": "share_change", "[money_cny]": "money", "[money_usd]": "money_usd",
    "[money_eur]": "money_eur", "[money_hkd]": "money_hkd", "[money_twd]": "money_twd", "[money_mop]": "money_mop", "[time]": "time",
    "[freight_work]": "freight_work", "[passenger_work]": "passenger_work", "[volume]": "volume",
    "[voltage]": "voltage", "[apparent_power]": "apparent_power", "[index]": "index",
    "[mass]": "mass", "[area]": "area", "[storage]": "storage", "[multiple]": "multiple", "[ratio]": "ratio",
    "[power]": "power", "[energy]": "energy",
    "[electricity_price]": "electricity_price", "[length]": "length", "[temperature]": "temperature",
}
TABLE = "units_table.tsv"


@cache
def registry():
    import pint

    return pint.UnitRegistry(str(data_path("units.txt")), non_int_type=Fraction, autoconvert_offset_to_baseunit=False)


def _dimension_key(unit: str) -> str:
    dims = registry().Unit(unit).dimensionality
    return next(iter(dims.keys())) if dims else "[count]"


def _pint_canonical(unit: str) -> tuple[str, Fraction, str]:
    dim = _dimension_key(unit)
    target = CANONICAL.get(dim, unit)
    factor = registry().Quantity(Fraction(1), unit).to(target).magnitude
    return target, Fraction(factor), DIMENSION_NAMES.get(dim, dim.strip("[]"))


def _pint_seconds(unit: str) -> Fraction:
    return Fraction(registry().Quantity(Fraction(1), unit).to("second").magnitude)


def definitions_hash() -> str:
    """What the table's answers depend on: units.txt and the canonical units and dimension names above."""
    digest = hashlib.sha256(data_path("units.txt").read_bytes())
    digest.update(repr((sorted(CANONICAL.items()), sorted(DIMENSION_NAMES.items()))).encode())
    return digest.hexdigest()


def defined_units() -> list[str]:
    """Every unit name and alias that units.txt defines (``name = definition [= alias …]``)."""
    names = []
    for line in data_path("units.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "=" not in line or line.startswith("@"):
            continue
        parts = [p.strip() for p in line.split("=")]
        names.append(parts[0])
        names.extend(p for p in parts[2:] if p and p != "_")
    return names


def table_text() -> str:
    """data/units_table.tsv as pint gives it now for units.txt."""
    rows = [
        "# factcheck unit table, written by `python -m factcheck.extract.units` from units.txt and units.py: do not edit.",
        "# Columns (tab-separated): unit, canonical unit, factor to it (a fraction), dimension name,",
        "# seconds in one unit (a fraction; empty for a unit that is not a duration).",
        f"# definitions sha256 (units.txt and units.py tables) {definitions_hash()}",
    ]
    for unit in defined_units():
        target, factor, dimension = _pint_canonical(unit)
        secs = str(_pint_seconds(unit)) if dimension == "time" else ""
        rows.append(f"{unit}\t{target}\t{factor}\t{dimension}\t{secs}")
    return "\n".join(rows) + "\n"


@cache
def _table() -> dict[str, tuple[str, Fraction, str, Fraction | None]]:
    """The table, or nothing when it is missing or was written from another units.txt."""
    try:
        lines = data_path(TABLE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    stamp = next((x for x in lines if x.startswith("# definitions sha256 ")), "")
    if stamp.rsplit(" ", 1)[-1] != definitions_hash():
        return {}
    out = {}
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        unit, target, factor, dimension, secs = line.split("\t")
        out[unit] = (target, Fraction(factor), dimension, Fraction(secs) if secs else None)
    return out


@cache
def canonical(unit: str) -> tuple[str, Fraction, str]:
    """(canonical unit, factor to it, dimension name) for a unit in the definitions file."""
    row = _table().get(unit)
    return row[:3] if row else _pint_canonical(unit)


@cache
def seconds(unit: str) -> Fraction:
    """How many seconds one unit of time is (durations compare through seconds)."""
    row = _table().get(unit)
    return row[3] if row and row[3] is not None else _pint_seconds(unit)


if __name__ == "__main__":
    data_path(TABLE).write_text(table_text(), encoding="utf-8")
    print(f"wrote {data_path(TABLE)}")
