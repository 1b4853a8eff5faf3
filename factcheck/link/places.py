"""Romanised spellings of the places factcheck knows, so an English name links to the Chinese one
(Qingyuan data center = 清远数据中心, SEMANTICS.md section 4).

The spellings are derived with pypinyin from the Chinese place list (data/zh/entities.toml) and the
gazetteer keys, so a place added there is known in English too; the gazetteer lists only the
spellings no rule derives (Hong Kong, Harbin, Inner Mongolia). A derived spelling that two places
share (山西 and 陕西 are both "shanxi") names neither, unless only one of them has it by its
characters' usual readings (Shenyang is 沈阳, not 信阳); the gazetteer's spellings decide the rest.

Importing pypinyin and reading every place name through it take about 0.05 s, a sixth of the
extractor's start-up, for a table that changes only when the place list does. So the table is kept
in data/subjects/romanised.tsv, written by ``python -m factcheck.link.places`` and stamped with a
SHA-256 of the place names and gazetteer spellings it came from. ``romanised()`` reads it while the
stamp matches and derives the table with pypinyin otherwise (a place list edited since), so the
answer is the derivation's either way (tests/test_romanised_table.py checks that the file is fresh
and equals a fresh derivation).
"""

from __future__ import annotations

import hashlib
import itertools
import os
from functools import cache

from factcheck.extract.patterns import norm
from factcheck.lang import data_path, load_gazetteer, load_lexicon

_VOWELS = "aeiouv"
TABLE = ("subjects", "romanised.tsv")


def _readings(name: str) -> list[list[str]]:
    """Every reading of every character (重 is zhong or chong), from pypinyin's character table only:
    its phrase table costs 0.5 s and 40 MiB to load, and every combination of readings covers the
    one a phrase would pick (重庆 -> Chongqing among them)."""
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")  # documented pypinyin switch; must precede the import
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    from pypinyin import Style, pinyin

    return pinyin(name, style=Style.NORMAL, heteronym=True, errors="ignore")


def syllables(ch: str) -> str:
    """The first reading of one Chinese character in pinyin without tones ('' if it has none)."""
    readings = _readings(ch)
    return readings[0][0] if readings and readings[0] and readings[0][0].isascii() else ""


def _spellings(name: str) -> list[tuple[str, bool]]:
    """Pengcheng, Peng Cheng; Gui'an, Guian: one place written joined, spaced or with an apostrophe,
    each with whether it comes from the characters' first readings (the usual spelling)."""
    readings = _readings(name)
    if len(readings) != len(name) or len(readings) < 2:
        return []  # a Latin letter or an unknown character: no reliable spelling
    forms: dict[str, bool] = {}
    for n, syllables in enumerate(itertools.islice(itertools.product(*readings), 16)):
        if not all(s.isascii() and s.isalpha() for s in syllables):
            continue
        joined = "".join(syllables)
        marked = syllables[0] + "".join(("'" + s) if s[0] in _VOWELS else s for s in syllables[1:])
        for form in (joined.capitalize(), marked.capitalize(), " ".join(s.capitalize() for s in syllables)):
            forms[form] = forms.get(form, False) or n == 0
    return sorted(forms.items())


def _inputs() -> tuple[list[str], list[tuple[str, list[str]]]]:
    """What the table is derived from: the Chinese place names (the place list, then the gazetteer's
    keys) and the gazetteer's own spellings, in file order (a later spelling overrides an earlier)."""
    gazetteer = load_gazetteer()
    names = list(load_lexicon().entities.places.names) + list(gazetteer.places)
    return names, [(chinese, list(forms)) for chinese, forms in gazetteer.places.items()]


def inputs_hash() -> str:
    """The stamp of the table: a SHA-256 of its inputs."""
    return hashlib.sha256(repr(_inputs()).encode("utf-8")).hexdigest()


def derive() -> dict[str, str]:
    """Every romanised form (as written, capitalised) -> the normalised Chinese place name, by pypinyin."""
    names, gazetteer_places = _inputs()
    explicit: dict[str, str] = {}
    for chinese, forms in gazetteer_places:
        for f in forms:
            explicit[f] = norm(chinese)
    derived: dict[str, dict[str, bool]] = {}
    for chinese in names:
        for f, primary in _spellings(norm(chinese)):
            derived.setdefault(f, {})[norm(chinese)] = primary
    out = {}
    for f, places in derived.items():
        usual = [zh for zh, primary in places.items() if primary]
        if len(places) == 1:
            out[f] = next(iter(places))
        elif len(usual) == 1:  # Shenyang: 沈阳 by its usual reading, 信阳 only by a rare one
            out[f] = usual[0]
    out.update(explicit)
    return out


def table_text() -> str:
    """data/subjects/romanised.tsv as derive() gives it now, one form a line in the table's order."""
    rows = [
        "# factcheck romanised place table, written by `python -m factcheck.link.places` from the place",
        "# list (data/zh/entities.toml) and the gazetteer (data/subjects/gazetteer.toml): do not edit.",
        "# Columns (tab-separated): a romanised form as written (Peng Cheng, Xi'an), the normalised Chinese place name.",
        f"# inputs sha256 (place names and gazetteer spellings) {inputs_hash()}",
    ]
    rows += [f"{form}\t{chinese}" for form, chinese in derive().items()]
    return "\n".join(rows) + "\n"


def _table() -> dict[str, str] | None:
    """The kept table, or None when it is missing or was written from other inputs."""
    try:
        lines = data_path(*TABLE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    stamp = next((x for x in lines if x.startswith("# inputs sha256 ")), "")
    if stamp.rsplit(" ", 1)[-1] != inputs_hash():
        return None
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


@cache
def romanised() -> dict[str, str]:
    """Every romanised form (as written, capitalised) -> the normalised Chinese place name."""
    table = _table()
    return derive() if table is None else table


if __name__ == "__main__":
    data_path(*TABLE).write_text(table_text(), encoding="utf-8")
    print(f"wrote {data_path(*TABLE)}")
