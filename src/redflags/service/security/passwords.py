"""Password hashes: argon2id with argon2-cffi's defaults (RFC 9106's second recommendation),
re-hashed on login when the parameters have grown."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher()  # argon2id
MIN_LENGTH = 12


class WeakPassword(ValueError):
    pass


def check_strength(password: str, username: str = "") -> None:
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"a password has at least {MIN_LENGTH} characters")
    if username and username.casefold() in password.casefold():
        raise WeakPassword("a password must not contain the user name")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    if not stored:
        return False
    try:
        return _HASHER.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _HASHER.check_needs_rehash(stored)


# A hash of a random password: verifying against it when the user does not exist takes as long
# as a real check, so the answer's timing does not tell which user names exist.
DUMMY_HASH = _HASHER.hash("not a password of anyone here")
