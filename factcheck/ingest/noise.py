"""Page chrome and spam: lines of the analysis text that must give no claims."""

from __future__ import annotations

import re
from functools import cache

from factcheck.lang import load_lexicon


@cache
def _phrases():
    f = load_lexicon().filters
    return f.chrome.phrases, f.spam


_CONTACT = re.compile(r"^\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?[\d\s()-]{7,20})\s*$")


def noisy_ranges(text: str) -> list[tuple[int, int]]:
    """[start, end) ranges of lines that are navigation, bylines, contact details or SEO spam."""
    chrome, spam = _phrases()
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if stripped:
            seps = sum(stripped.count(s) for s in spam.separators)
            items = [i for s in spam.separators for i in stripped.split(s)] if seps else []
            is_spam = seps >= spam.min_separators and items and (
                sum(len(i) for i in items) / len(items) <= spam.max_item_chars
            )
            is_chrome = len(stripped) < 80 and any(p in stripped for p in chrome)
            if is_spam or is_chrome or _CONTACT.match(stripped):
                out.append((pos, end))
        pos = end + 1
    return out
