"""Parsed catalogue files kept on disk between processes.

Parsing the catalogue's YAML (composed node by node so errors name their line) costs about a
second per process, and every `redflags scan` is a new process. A parse is pickled under
`~/.redflags/cache/` (`REDFLAGS_HOME` moves it, `REDFLAGS_CACHE_DIR` names another folder, an
empty `REDFLAGS_CACHE_DIR` turns it off), keyed by the parsed files' contents and by the code
that parses them (this package's sources, pydantic's and Python's versions): a cache written
by another version is never read. The folder is safe to delete; a damaged file is parsed again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

import pydantic

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The folder of the kept parses, or None when turned off."""
    named = os.environ.get("REDFLAGS_CACHE_DIR")
    if named is not None:
        return Path(named) if named else None
    return Path(os.environ.get("REDFLAGS_HOME") or Path.home() / ".redflags") / "cache"


@cache
def _code_digest() -> str:
    """The parsing code's identity: the catalogue package's sources (models, params, loader)
    and the versions of pydantic and Python the pickles depend on."""
    digest = hashlib.sha256(f"{pydantic.VERSION}\0{sys.version}\0".encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(f"{path.relative_to(package)}\0".encode() + path.read_bytes())
    return digest.hexdigest()


def cached_parse(kind: str, contents: str, parse: Callable[[], T]) -> T:
    """`parse()`, or its result kept on disk for the same `kind`, file contents and code.
    Failures are not kept: a file with problems raises them every time."""
    folder = cache_dir()
    if folder is None:
        return parse()
    key = hashlib.sha256(f"{kind}\0{contents}\0{_code_digest()}".encode()).hexdigest()
    path = folder / f"{kind}-{key[:40]}.pickle"
    try:
        # the folder is the user's own (created owner-only below), like the redaction key
        return pickle.loads(path.read_bytes())  # type: ignore[no-any-return]
    except FileNotFoundError:
        pass
    except Exception:  # a damaged or foreign file: parse again, write anew
        pass
    value = parse()
    _write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value


def _write(path: Path, data: bytes) -> None:
    """Written whole or not at all (a temp file renamed), so concurrent scans never read half
    a file; a folder that cannot be written only costs the next process its speed."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as out:
            out.write(data)
        os.replace(out.name, path)
    except OSError:
        return
