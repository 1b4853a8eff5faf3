"""Article text is data: strip control and escape sequences before it reaches a terminal."""

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(text: str | None, limit: int | None = None) -> str:
    if not text:
        return ""
    cleaned = _CONTROL.sub("", text.replace("\n", " ").replace("\t", " "))
    if limit and len(cleaned) > limit:
        return cleaned[: limit - 1] + "…"
    return cleaned
