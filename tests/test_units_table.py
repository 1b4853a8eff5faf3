"""The unit table that spares each command pint's start-up must say what pint says."""

import subprocess
import sys
from fractions import Fraction

from factcheck.extract import units
from factcheck.lang import data_path


def test_table_is_fresh_for_units_txt():
    written = data_path(units.TABLE).read_text(encoding="utf-8")
    assert written == units.table_text(), "units.txt changed: run `python -m factcheck.extract.units`"


def test_every_defined_unit_converts_as_pint_converts_it():
    for unit in units.defined_units():
        assert units.canonical(unit) == units._pint_canonical(unit)
        if units.canonical(unit)[2] == "time":
            assert units.seconds(unit) == units._pint_seconds(unit)


def test_common_conversions():
    assert units.canonical("EFLOPS") == ("PFLOPS", Fraction(1000), "compute")
    assert units.canonical("TFLOPS") == ("PFLOPS", Fraction(1, 1000), "compute")
    assert units.seconds("week") == 7 * 24 * 3600


def test_a_unit_outside_the_table_still_goes_to_pint():
    units.canonical.cache_clear()
    try:
        assert "EFLOPS * second / second" not in units._table()
        assert units.canonical("EFLOPS * second / second") == ("PFLOPS", Fraction(1000), "compute")
    finally:
        units.canonical.cache_clear()


def test_extracting_a_figure_does_not_import_pint():
    code = ("import sys\nfrom factcheck.extract.quantities import find_quantities\n"
            "from factcheck.extract.units import canonical\ncanonical('EFLOPS'); canonical('card')\n"
            "print('pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
