"""Loads and validates the language data files under factcheck/data (unknown keys are errors)."""

from factcheck.lang.loader import (
    EnglishLexicon,
    Lexicon,
    data_path,
    load_english,
    load_gazetteer,
    load_lexicon,
)

__all__ = ["EnglishLexicon", "Lexicon", "data_path", "load_english", "load_gazetteer", "load_lexicon"]
