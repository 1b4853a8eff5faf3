"""Linking: normalised keys for subjects and metrics, and subject similarity with rapidfuzz.

The names below are imported on first use (PEP 562), so that extraction, which needs only the
place table of factcheck.link.places, does not import rapidfuzz with the similarity scorer."""

from importlib import import_module

_HOMES = {"metric_key": "normalise", "subject_key": "normalise", "subject_similarity": "score"}
__all__ = ["metric_key", "subject_key", "subject_similarity"]


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(import_module(f"factcheck.link.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'factcheck.link' has no attribute {name!r}")
