"""A model's JSON in UTF-8, byte for byte what the standard library writes for its JSON mode,
json.dumps(model.model_dump(mode="json"), ensure_ascii=False), in half the time.

Why it is the same text: pydantic's own serializer (pydantic_core.to_json) makes the values the
JSON mode makes, in the same order, and escapes strings as json does (quotes, backslashes,
\\b \\f \\n \\r \\t, other control characters as \\u00XX in lower case, everything else as it is).
Only the layout and some floats differ. Asked for indent=0, pydantic writes one item a line and
": " after each key; a raw newline never occurs inside a JSON string (it is written \\n), so every
newline in that text is layout: ",\\n" becomes ", " and the others (after { or [, before } or ])
go, which leaves json's ", " and ": ". Floats below 1e-4 (pydantic writes 1e-05 as 0.00001 and
1e-07 as 1e-7) and floats that are not finite (pydantic writes null, json Infinity or NaN) take
json's path, as does a model with a field of any other kind than str, int, float, bool, None, a
Literal or such a model (a list, a dict, a date, Any ...), or with a serializer of its own
(field_serializer, model_serializer, computed fields): its fields are read from the model's field
list and its schema, so a field added later is either covered or sent down json's path, never
written differently.
"""

from __future__ import annotations

import json
import math
import types
import typing
from collections.abc import Callable
from functools import cache
from operator import attrgetter

import pydantic_core
from pydantic import BaseModel

# json.dumps(value, ensure_ascii=False) without making an encoder per call (a model holds no cycles)
_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
_PLAIN = (str, int, bool, type(None))
_UNIONS = (typing.Union, types.UnionType)


def json_mode_text(model: BaseModel) -> str:
    """The reference: the model in pydantic's JSON mode, written by the standard library."""
    return _encode(model.model_dump(mode="json"))


def _float_paths(model: type[BaseModel], prefix: str = "") -> list[str] | None:
    """The dotted names of the fields that may hold a float, or None if a field may hold
    anything the fast path is not known to write as json does."""
    paths: list[str] = []
    for name, info in model.model_fields.items():
        if info.exclude:
            continue
        found = _annotation_floats(info.annotation, f"{prefix}{name}")
        if found is None:
            return None
        paths += found
    return paths


def _annotation_floats(annotation, path: str) -> list[str] | None:
    if annotation is float:
        return [path]
    if annotation in _PLAIN:
        return []
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return [] if all(type(v) in _PLAIN for v in typing.get_args(annotation)) else None
    if origin in _UNIONS:
        paths: list[str] = []
        for arm in typing.get_args(annotation):
            found = _annotation_floats(arm, path)
            if found is None:
                return None
            paths += found
        return sorted(set(paths), key=paths.index)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _float_paths(annotation, f"{path}.")
    return None


def _same_as_json(values) -> bool:
    """True when pydantic writes these values as json does: none is a float, or each float is
    zero or at least 1e-4 in size, and finite."""
    for v in values:  # noqa: SIM110 (a loop: a generator in all() costs more, once per claim)
        if v.__class__ is float and not (v == 0.0 or 1e-4 <= abs(v) < math.inf):
            return False
    return True


def _own_serializer(schema) -> bool:
    """True if a core schema (a model's, with every model in it) says how to serialize anything
    (a field or model serializer) or has computed fields."""
    if isinstance(schema, dict):
        return ("serialization" in schema or bool(schema.get("computed_fields"))
                or any(map(_own_serializer, schema.values())))
    if isinstance(schema, list | tuple):
        return any(map(_own_serializer, schema))
    return False


@cache
def _floats_of(model: type[BaseModel]) -> Callable[[BaseModel], tuple] | None:
    """A function giving the model's float-holding fields as a tuple; None when the model has a
    field the fast path does not cover (then json's path is always taken)."""
    paths = _float_paths(model)
    if paths is None or _own_serializer(model.__pydantic_core_schema__):
        return None
    if not paths:
        return lambda _model: ()
    getter = attrgetter(*paths)
    return (lambda m: (getter(m),)) if len(paths) == 1 else getter


def model_json(model: BaseModel) -> bytes:
    """json_mode_text(model) as UTF-8, made by pydantic's serializer where that gives the same bytes."""
    floats = _floats_of(type(model))
    if floats is not None:
        try:
            values = floats(model)
        except AttributeError:  # a nested model that is None: let json's path write it
            values = (math.nan,)
        if _same_as_json(values):
            try:
                text = pydantic_core.to_json(model, indent=0)
            except pydantic_core.PydanticSerializationError:
                pass  # json's path raises what it raises (a lone surrogate), as it always did
            else:
                return text.replace(b",\n", b", ").replace(b"\n", b"")
    return json_mode_text(model).encode()
