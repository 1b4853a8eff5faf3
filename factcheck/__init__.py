"""factcheck: a fact-consistency checker across news sources."""

__version__ = "0.1.0"
