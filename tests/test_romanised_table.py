"""The kept table of romanised place names must say what pypinyin derives from the place list."""

import subprocess
import sys

from factcheck.lang import data_path
from factcheck.link import places


def test_table_is_fresh_for_the_place_list():
    written = data_path(*places.TABLE).read_text(encoding="utf-8")
    assert written == places.table_text(), "place list changed: run `python -m factcheck.link.places`"


def test_the_kept_table_is_the_derivation_in_the_same_order():
    kept = places._table()
    assert kept is not None
    assert list(kept.items()) == list(places.derive().items())


def test_a_table_from_another_place_list_is_not_used(tmp_path, monkeypatch):
    stale = tmp_path / "romanised.tsv"
    stale.write_text("# inputs sha256 (place names and gazetteer spellings) 0000\nNowhere Town\t无处\n", encoding="utf-8")
    monkeypatch.setattr(places, "data_path", lambda *parts: stale)
    assert places._table() is None


def test_an_english_place_name_keys_without_importing_pypinyin():
    code = ("import sys\nfrom factcheck.link.normalise import subject_key\n"
            "print(subject_key('Lanzhou New Area data centre') == subject_key('兰州新区数据中心'), 'pypinyin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False"]
