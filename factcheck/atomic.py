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


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode(target: Path) -> int:
    """The mode a written file gets: the replaced file's, else 0666 less the umask (0644 under
    022), as open() would give; mkstemp's 0600 would hide a report from the rest of a team."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def make_owned_dir(path: str | Path, ignore: list[str]) -> Path:
    """Create a folder factcheck owns (the ledger, the cache) with a .gitignore listing what in it
    must never be committed; a folder that already exists is left as it is."""
    folder = Path(path)
    if folder.is_dir():
        return folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / ".gitignore", "# written by factcheck: files that never belong in a commit\n"
                     + "".join(f"{line}\n" for line in ignore), durable=False)
    except OSError as exc:
        raise OutputError(str(folder), f"cannot create the folder ({exc.strerror or exc})") from None
    return folder


def write_atomic(path: str | Path, text: str | Iterable[str | bytes], durable: bool = True) -> None:
    """Write text (or pieces of it, as they come: text, or UTF-8 bytes) to path, in UTF-8,
    replacing it only once all is on disk.

    durable=False skips the fsync: a crash of the machine (not of the run) may then leave an empty
    or cut file. Only for files that are checked when read and rebuilt when broken (the cache).
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = file_mode(target)
        # the temporary name starts like the target's, short enough to fit where the target's fits
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(str(target), f"cannot write ({os_reason(exc)})", exc.errno) from None
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:  # UTF-8, no newline translated
            for piece in [text] if isinstance(text, str) else text:
                fh.write(piece.encode() if isinstance(piece, str) else piece)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(str(target), f"cannot write ({os_reason(exc)}); the previous file is unchanged",
                          exc.errno) from None
