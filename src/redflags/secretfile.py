"""Secret files (keys): created owner-only (0600) in one step, so there is no moment at which
others may read them, and never overwritten."""

from __future__ import annotations

import os
from pathlib import Path


def create_owner_only(path: Path, content: bytes) -> bool:
    """Write `content` to a new file at `path` with mode 0600 (its folder 0700 if made here);
    False, and nothing written, when the file exists already."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    return True
