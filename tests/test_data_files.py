"""factcheck's own data files are parsed by rtoml (fast) and must read exactly as tomllib reads them."""

import tomllib

import pytest

from factcheck.lang import data_path
from factcheck.lang.loader import _read, parse_data_toml
from factcheck.lang.schemas import GazetteerFile

DATA_FILES = sorted(data_path().rglob("*.toml"))


def _same(a, b) -> bool:
    """Equal values of equal types, tables with their keys in the same order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def test_there_are_data_files():
    assert len(DATA_FILES) >= 15


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(data_path()).as_posix())
def test_every_data_file_reads_as_tomllib_reads_it(path):
    text = path.read_text(encoding="utf-8")
    assert _same(parse_data_toml(text), tomllib.loads(text))


def test_forms_tomllib_gives_particular_types_read_the_same():
    text = ('a = 1\nb = 1.5e3\nc = -0.0\nd = "x\\u4e00"\ne = \'\'\'\nline\n\'\'\'\nf = [1, "二", [true]]\n'
            'g = 0x1F\nh = 1_000\n[t]\n"引号" = { z = 1, a = 2 }\n[[arr]]\nk = 1\n[[arr]]\nk = 2\n')
    assert _same(parse_data_toml(text), tomllib.loads(text))


def test_a_broken_data_file_is_one_clear_error(tmp_path, monkeypatch):
    broken = tmp_path / "gazetteer.toml"
    broken.write_text("[places]\n\"北京\" = [\"Beijing\"\n", encoding="utf-8")
    monkeypatch.setattr("factcheck.lang.loader.data_path", lambda *parts: broken)
    with pytest.raises(ValueError, match="gazetteer.toml: invalid data file"):
        _read(GazetteerFile, "subjects", "gazetteer.toml")
