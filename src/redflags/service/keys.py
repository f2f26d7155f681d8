"""The installation's redaction key: random, made once in the state folder with 0600
permissions, never logged. Responses redact identifiers with it (keyed digests, as the
scanner's files do); the case store's pivot digests for online scoring are keyed with it too.

Rotation (docs/service.md): `redflags service rotate-key` writes a new key beside the old one,
recomputes the pivot digests under it in one transaction, then replaces the file. Tokens shown
in earlier responses and exports no longer match afterwards; that is the point of rotating."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import stat
from pathlib import Path

from redflags.report.redact import MIN_KEY_CHARS, canonical
from redflags.secretfile import create_owner_only


class KeyFileError(ValueError):
    pass


def load_or_create_key(path: Path) -> bytes:
    create_owner_only(path, secrets.token_hex(32).encode())  # kept if it exists
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise KeyFileError(
            f"{path}: the redaction key may be read by others (mode {mode:o}); chmod 600"
        )
    key = path.read_bytes().strip()
    if len(key) < MIN_KEY_CHARS:
        raise KeyFileError(f"{path}: the redaction key is shorter than {MIN_KEY_CHARS} characters")
    return key


def write_new_key(path: Path) -> tuple[Path, bytes]:
    """A new key in `<path>.new` (0600); the caller renames it over `path` once committed."""
    new = path.with_name(path.name + ".new")
    new.unlink(missing_ok=True)
    key = secrets.token_hex(32).encode()
    create_owner_only(new, key)
    return new, key


def pivot_digest(key: bytes, pivot: str) -> str:
    """The keyed digest of an identifier ("phone:+45...") for lookups without the clear value."""
    kind, _, value = pivot.partition(":")
    message = f"pivot|{kind}:{canonical(kind, value)}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()
