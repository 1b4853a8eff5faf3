"""Reads every data file once per process and prepares the lookups the extractor needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from factcheck.lang import schemas


def data_path(*parts: str) -> Path:
    """Path of a file under factcheck/data."""
    return Path(str(resources.files("factcheck").joinpath("data", *parts)))


def parse_data_toml(text: str) -> dict:
    """One of factcheck's own data files (factcheck/data/**.toml), parsed.

    rtoml, a TOML parser in Rust, reads all of them in 2 ms where the standard library's tomllib
    takes 17 ms, a twentieth of every command's start-up; tests/test_data_files.py checks that it
    gives tomllib's values for each file, types and key order included. Files that users write
    (factcheck.toml, pinned.toml) are read with tomllib, the reference.
    """
    import rtoml

    return rtoml.loads(text)


def _read(model, *parts):
    path = data_path(*parts)
    try:
        raw = parse_data_toml(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:  # rtoml's TomlParsingError is a ValueError
        raise ValueError(f"{path}: invalid data file: {exc}") from exc
    try:
        return model.model_validate(raw)
    except Exception as exc:  # pydantic.ValidationError, re-raised with the file named
        raise ValueError(f"{path}: invalid data file: {exc}") from exc


def alternation(words) -> str:
    """A regex alternation that tries longer words first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def trie_alternation(words) -> str:
    """The same alternation as a prefix tree (longer words still first): a regex engine tries a position's
    next letters once against the tree, not once per word, which pays where hundreds of words are scanned
    for at every position. Words are taken as given: compile case-insensitively for lower-case words."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        parts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            parts.append("")
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(root)


@dataclass(frozen=True)
class Lexicon:
    numerals: schemas.NumeralsFile
    units: schemas.UnitsFile
    qualifiers: schemas.QualifiersFile
    dates: schemas.DatesFile
    modality: schemas.ModalityFile
    filters: schemas.FiltersFile
    entities: schemas.EntitiesFile
    metrics: schemas.MetricsFile
    heads: schemas.HeadsFile
    aliases: schemas.AliasesFile


@cache
def load_lexicon() -> Lexicon:
    return Lexicon(
        numerals=_read(schemas.NumeralsFile, "zh", "numerals.toml"),
        units=_read(schemas.UnitsFile, "zh", "units.toml"),
        qualifiers=_read(schemas.QualifiersFile, "zh", "qualifiers.toml"),
        dates=_read(schemas.DatesFile, "zh", "dates.toml"),
        modality=_read(schemas.ModalityFile, "zh", "modality.toml"),
        filters=_read(schemas.FiltersFile, "zh", "filters.toml"),
        entities=_read(schemas.EntitiesFile, "zh", "entities.toml"),
        metrics=_read(schemas.MetricsFile, "zh", "metrics.toml"),
        heads=_read(schemas.HeadsFile, "subjects", "heads.toml"),
        aliases=_read(schemas.AliasesFile, "subjects", "aliases.toml"),
    )


@dataclass(frozen=True)
class EnglishLexicon:
    numbers: schemas.EnNumbersFile
    units: schemas.EnUnitsFile
    qualifiers: schemas.QualifiersFile
    dates: schemas.EnDatesFile
    modality: schemas.ModalityFile
    entities: schemas.EnEntitiesFile
    metrics: schemas.EnMetricsFile


@cache
def load_english() -> EnglishLexicon:
    return EnglishLexicon(
        numbers=_read(schemas.EnNumbersFile, "en", "numbers.toml"),
        units=_read(schemas.EnUnitsFile, "en", "units.toml"),
        qualifiers=_read(schemas.QualifiersFile, "en", "qualifiers.toml"),
        dates=_read(schemas.EnDatesFile, "en", "dates.toml"),
        modality=_read(schemas.ModalityFile, "en", "modality.toml"),
        entities=_read(schemas.EnEntitiesFile, "en", "entities.toml"),
        metrics=_read(schemas.EnMetricsFile, "en", "metrics.toml"),
    )


@cache
def load_gazetteer() -> schemas.GazetteerFile:
    return _read(schemas.GazetteerFile, "subjects", "gazetteer.toml")
