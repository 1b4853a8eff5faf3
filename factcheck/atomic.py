"""Atomic writes: a temporary file in the same folder, flushed to disk, then renamed over the target.

A run killed at any point leaves either the old file or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import OutputError, os_reason


def write_atomic(path: str | Path, text: str | Iterable[str], durable: bool = True) -> None:
    """Write text (or pieces of it, as they come) to path, replacing it only once all is on disk.

    durable=False skips the fsync: a crash of the machine (not of the run) may then leave an empty
    or cut file. Only for files that are checked when read and rebuilt when broken (the cache).
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # the temporary name starts like the target's, short enough to fit where the target's fits
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(str(target), f"cannot write ({os_reason(exc)})", exc.errno) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            for piece in [text] if isinstance(text, str) else text:
                fh.write(piece)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(str(target), f"cannot write ({os_reason(exc)}); the previous file is unchanged",
                          exc.errno) from None
