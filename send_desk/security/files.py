"""Files and folders only their owner may read: the store, its key, backups, exports, logs.

On POSIX a file is created 0600 and a folder 0700 (the mode is given when the file is
created, so there is no moment when another user could open it). Windows keeps a
user's data folder private through its ACLs, so nothing is changed there.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
POSIX = os.name == "posix"


def private_opener(path: str, flags: int) -> int:
    """For ``open(..., opener=private_opener)``: a new file is created 0600."""
    return os.open(path, flags, PRIVATE_FILE)


def make_private(path: Path) -> None:
    """Tighten an existing file (or folder) we own to owner-only; a failure is harmless."""
    if not POSIX:
        return
    with contextlib.suppress(OSError):
        path.chmod(PRIVATE_DIR if path.is_dir() else PRIVATE_FILE)


def touch_private(path: Path) -> None:
    """Create ``path`` empty and 0600 if it is not there (SQLite then keeps its mode)."""
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
    make_private(path)


def private_dir(path: Path) -> None:
    """Create a folder (and missing parents) 0700; an existing one is left as it is,
    since it may be a folder the user chose and shares with other things."""
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    for made in missing:
        make_private(made)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all, owner-only: exports carry records
    out of the store, often into a shared Documents folder."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        with open(partial, "wb", opener=private_opener) as handle:
            handle.write(data)
        make_private(partial)  # a leftover partial file keeps its old mode
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
