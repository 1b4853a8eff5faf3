"""Linking: normalised keys for subjects and metrics, and subject similarity with rapidfuzz."""

from factcheck.link.normalise import metric_key, subject_key
from factcheck.link.score import subject_similarity

__all__ = ["metric_key", "subject_key", "subject_similarity"]
