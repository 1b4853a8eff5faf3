"""One regex pass over well-formed HTML, calling the same handlers the standard parser calls.

``html.parser`` spends most of its time per tag (position bookkeeping, attribute parsing that the
text never uses). Most articles are plain markup: tags with well-formed attributes, entity
references ending in ``;`` and text. For those, ``drive`` makes the calls the standard parser
would make, in the same order, with the same tag names, data pieces and positions. Anything
else (comments, declarations, ``<?``, script and style and the other elements whose content is
not parsed as markup, malformed or unclosed tags, ``&`` references without ``;``) makes it
return False, and the caller starts again with the standard parser.
tests/test_fast_paths.py checks that both give the same text, offsets, title and comments.
"""

from __future__ import annotations

import re

_SEP = r"[ \t\n\r\f]"  # exactly the characters that end a tag name for the standard parser
_TOKEN = re.compile(
    rf"""
    (?P<text>[^<&]+)
  | (?P<tag><(?P<name>[a-zA-Z][-a-zA-Z0-9:_]*)
      (?:{_SEP}+[a-zA-Z_:][-a-zA-Z0-9_:.]*
         (?:{_SEP}*={_SEP}*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+(?=[ \t\n\r\f>])))?
      )*{_SEP}*(?P<empty>/?)>)
  | (?P<end></(?P<end_name>[a-zA-Z][-a-zA-Z0-9:_]*){_SEP}*>)
  | (?P<ref>&(?:\#[0-9]+|\#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);)
  | (?P<lone>&(?![a-zA-Z\#])|<(?![a-zA-Z/!?]))
  | (?P<other>[<&])
    """,
    re.X,
)
# elements whose content the standard parser reads as raw text in some Python version
_RAW_CONTENT = frozenset({"script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"})


def drive(handler, raw: str) -> bool:
    """Feed raw to handler as html.parser would. False when raw is not plain markup: the handler
    has then been given part of it and must be thrown away."""
    for m in _TOKEN.finditer(raw):
        kind = m.lastgroup
        handler.at = m.start()
        if kind == "text" or kind == "lone":  # a lone & or < is a piece of data of its own
            handler.handle_data(m.group())
        elif kind == "tag":
            name = m.group("name").lower()
            if name in _RAW_CONTENT:
                return False
            if m.group("empty"):
                handler.handle_startendtag(name, [])
            else:
                handler.handle_starttag(name, [])
        elif kind == "end":
            name = m.group("end_name").lower()
            if name in _RAW_CONTENT:
                return False
            handler.handle_endtag(name)
        elif kind == "ref":
            handler.handle_ref(m.group())
        else:
            return False
    return True
