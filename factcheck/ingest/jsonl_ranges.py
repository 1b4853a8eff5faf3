"""Byte ranges of one large JSON Lines file, so that worker processes can read it side by side.

A range starts at the beginning of a line and ends just after a newline byte (or at the end of
the file), so it holds whole lines: the byte 0x0A never occurs inside a UTF-8 multi-byte
character, and a CRLF line ends at its LF, as when the file is read whole. Each range carries the
number of its first line (one more than the newlines before it), so line numbers, default ids
(line12) and the problems a range reports name the same lines as a one-process read.
"""

from __future__ import annotations

import os
from typing import NamedTuple

_CHUNK = 1 << 20


class JsonlRange(NamedTuple):
    """Bytes [start, end) of the JSON Lines file at path; its first line is line first_line."""

    path: str
    start: int
    end: int
    first_line: int


def split_jsonl(path: str, pieces: int) -> list[JsonlRange]:
    """The file cut into at most `pieces` ranges of whole lines, each about as long as the others.

    Each cut is made after the first newline at or beyond its even share of the bytes, so a line
    longer than a share (one record of several MB) makes fewer ranges, never a broken line. Reads
    the file once, a chunk at a time, to count the lines before each cut. Raises OSError.
    """
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        targets = [size * k // pieces for k in range(1, max(1, pieces))]
        ranges: list[JsonlRange] = []
        start, first, lines, pos = 0, 1, 0, 0  # lines: newlines counted before pos + i
        while chunk := fh.read(_CHUNK):
            i = 0
            while targets:
                if targets[0] <= start:  # a long line already carried the cut past this share
                    targets.pop(0)
                    continue
                j = chunk.find(b"\n", max(i, targets[0] - 1 - pos))
                if j < 0:
                    break
                lines += chunk.count(b"\n", i, j + 1)
                cut = pos + j + 1
                ranges.append(JsonlRange(path, start, cut, first))
                start, first, i = cut, lines + 1, j + 1
            lines += chunk.count(b"\n", i)
            pos += len(chunk)
        if pos > start or not ranges:
            ranges.append(JsonlRange(path, start, pos, first))
        return ranges
