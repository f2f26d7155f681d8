"""The Ed25519 key that signs referral packages: made on first use, kept owner-only (0600) as
PKCS#8 PEM in the redflags home (`$REDFLAGS_HOME`, default ~/.redflags) or the service's state
folder, never printed. Its public half is written beside every package, so a receiver can
check the package with `redflags verify-package --public-key`."""

from __future__ import annotations

import base64
import hashlib
import os
import stat
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from redflags.secretfile import create_owner_only

KEY_FILE = "signing.key"


class SigningKeyError(ValueError):
    """The key cannot be used; one line says why."""


def default_key_path() -> Path:
    return Path(os.environ.get("REDFLAGS_HOME") or Path.home() / ".redflags") / KEY_FILE


def load_or_create_signing_key(path: Path) -> Ed25519PrivateKey:
    if not path.exists():  # created owner-only in one step; an existing key is kept
        create_owner_only(
            path,
            Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ),
        )
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise SigningKeyError(f"{path}: the signing key may be read by others (mode {mode:o})")
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError) as exc:
        raise SigningKeyError(f"{path}: not a PEM private key ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"{path}: not an Ed25519 key")
    return key


def public_pem(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def key_id(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """A short fingerprint: the SHA-256 of the public key's PEM, first 16 hex digits."""
    return hashlib.sha256(public_pem(key)).hexdigest()[:16]


def load_public_key(data: bytes, where: str) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        raise SigningKeyError(f"{where}: not a PEM public key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise SigningKeyError(f"{where}: not an Ed25519 public key")
    return key


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    return base64.b64encode(key.sign(data)) + b"\n"


def signature_holds(key: Ed25519PublicKey, data: bytes, signature: bytes) -> bool:
    try:
        key.verify(base64.b64decode(signature.strip(), validate=True), data)
    except (InvalidSignature, ValueError):
        return False
    return True
