"""Loads and validates the language data files under factcheck/data (unknown keys are errors)."""

from factcheck.lang.loader import Lexicon, data_path, load_lexicon

__all__ = ["Lexicon", "data_path", "load_lexicon"]
