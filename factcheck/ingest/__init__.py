"""Reading articles: decoding, front matter, HTML to text with offsets, chrome and spam."""

from factcheck.ingest.loader import Loaded, iter_sources
from factcheck.ingest.source import Source

__all__ = ["Loaded", "Source", "iter_sources"]
