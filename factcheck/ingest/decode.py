"""Bytes to text: BOMs, UTF-8, then the Chinese legacy encodings, detected by charset-normalizer."""

from __future__ import annotations

import codecs
import re

from factcheck.errors import InputError

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_BINARY_MAGIC = [b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"%PDF", b"\x7fELF", b"\x1f\x8b", b"BZh", b"Rar!"]
_CANDIDATES = ["gb18030", "big5", "utf_16_le", "utf_16_be", "shift_jis", "euc_kr", "cp1252"]


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name), or raise InputError naming why the bytes are not text."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise InputError(path, f"starts with a {name} byte-order mark but is not valid {name} ({exc.reason})") from None
    if any(data.startswith(m) for m in _BINARY_MAGIC):
        raise InputError(path, "binary file (an image, archive or executable), not an article")
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise InputError(path, "binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        _refuse_cut(data, exc, path)
        _refuse_mixed(data, exc, path)
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is not None and _strict_fit(data, best.encoding):
        return str(best), best.encoding
    for name in _STRICT_FALLBACK:  # the detector's guess failed: a strict decoding that fits wins
        if _strict_fit(data, name):
            return data.decode(name), name
    if best is None:
        raise InputError(path, "cannot decode: not UTF-8, GB18030, Big5 or UTF-16 text")
    text = str(best)
    bad = text.count("\ufffd")
    if bad > max(3, len(text) // 200):
        raise InputError(path, f"cannot decode cleanly as {best.encoding} ({bad} undecodable characters)")
    return text, best.encoding


_STRICT_FALLBACK = ["gb18030", "big5"]


def _strict_fit(data: bytes, encoding: str) -> bool:
    """True if the bytes decode in this encoding with no error. A UTF-16 or UTF-32 guess only fits
    bytes that look like it (_looks_utf16 already said they do not when we get here)."""
    if encoding.replace("-", "_").lower().startswith(("utf_16", "utf_32")):
        return False
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
MIXED_MIN_CHARS = 4  # valid multi-byte UTF-8 characters before the first bad byte that make a file "UTF-8"


def _refuse_mixed(data: bytes, exc: UnicodeDecodeError, path: str) -> None:
    """A file that is UTF-8 (with Chinese in it) up to some line and then is not: say where.

    Decoding such a file as GB18030 or Big5 would turn its UTF-8 part into mojibake with plausible
    numbers in it, so it is refused with the line of the first bad byte instead.
    """
    prefix = data[: exc.start].decode("utf-8")
    if sum(1 for ch in prefix if ord(ch) > 0x7F) < MIXED_MIN_CHARS:
        return
    line = len(_LINE_BREAK.findall(data, 0, exc.start)) + 1
    raise InputError(
        path,
        f"mixes encodings: UTF-8 up to here, then byte 0x{data[exc.start]:02X} that is not UTF-8 "
        "(save the whole file in one encoding)",
        line,
    )


def _refuse_cut(data: bytes, exc: UnicodeDecodeError, path: str) -> None:
    """A UTF-8 file whose last character was cut off (a truncated download or copy): say so.

    Only when everything before the cut is UTF-8 with at least one multi-byte character in it, and
    the bytes after it are the start of one UTF-8 character.
    """
    if exc.reason != "unexpected end of data" or exc.end != len(data) or len(data) - exc.start > 3:
        return
    prefix = data[: exc.start]
    if not any(b >= 0xC2 for b in prefix):
        return
    line = len(_LINE_BREAK.findall(data, 0, exc.start)) + 1
    raise InputError(
        path,
        "UTF-8 text cut off in the middle of its last character: the file is truncated; save or download it again",
        line,
    )
