"""Contact details of background people: e-mail addresses and messenger handles built from names
the way people pick them, made unique so that two strangers never share one by chance (which
would link them, or look like KYC-SHARED-IDENTIFIERS); and fresh values from allocators that
skip anything the typologies already use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import phonenumbers
from anyascii import anyascii


@dataclass
class Taken:
    """Identifiers the typologies already use; the background never hands them out again."""

    phones: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    handles: set[str] = field(default_factory=set)
    addresses: set[str] = field(default_factory=set)


def slug(text: str) -> str:
    return "".join(c for c in anyascii(text).lower() if c.isalnum())


def unique(
    candidates: Iterable[str | None], taken: set[str], numbers: Iterable[int]
) -> list[str | None]:
    """Strings made unique (among themselves and against `taken`, case-insensitively) by adding
    digits before any '@'. Adds the results to `taken`."""
    out: list[str | None] = []
    for value, number in zip(candidates, numbers, strict=True):
        if value is None:
            out.append(None)
            continue
        candidate, extra = value, int(number)
        while candidate.lower() in taken:
            stem, at, domain = value.partition("@")
            candidate = f"{stem}{extra}{at}{domain}"
            extra = extra * 7 + 3
        taken.add(candidate.lower())
        out.append(candidate)
    return out


def fresh(
    make: Callable[[int], list[str]],
    n: int,
    taken: set[str],
    valid: Callable[[str], bool] | None = None,
) -> list[str]:
    """`n` values from an allocator, drawing again for any the typologies already use (or that
    are not `valid`)."""
    values = make(n)
    while True:
        redo = [i for i, v in enumerate(values) if v in taken or (valid and not valid(v))]
        if not redo:
            return values
        for i, v in zip(redo, make(len(redo)), strict=True):
            values[i] = v


@cache
def _danish_prefixes() -> frozenset[str]:
    """Three-digit Danish prefixes (after +45) libphonenumber accepts; the allocators also draw
    from unassigned ranges, and an invalid number would be invisible to extraction."""
    return frozenset(
        str(p)
        for p in range(200, 1000)
        if phonenumbers.is_valid_number(phonenumbers.parse(f"+45{p}12345"))
    )


def valid_phone(number: str) -> bool:
    if number.startswith("+45") and len(number) == 11:
        return number[3:6] in _danish_prefixes()
    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(number)))
    except phonenumbers.NumberParseException:
        return False


def emails(
    rng: np.random.Generator,
    first: np.ndarray,
    last: np.ndarray,
    birth_year: np.ndarray,
    domain: np.ndarray,
) -> list[str | None]:
    """Candidate e-mails ('mette.jensen@', 'mjensen@', 'mette84@', ...)."""
    style = rng.integers(0, 5, len(first)).tolist()
    out: list[str | None] = []
    for f, s, y, d, lst in zip(
        first.tolist(),
        style,
        (birth_year % 100).tolist(),
        domain.tolist(),
        last.tolist(),
        strict=True,
    ):
        fs, ls = slug(f), slug(lst)
        stem = (f"{fs}.{ls}", f"{fs}{ls}", f"{fs[:1]}{ls}", f"{fs}{y:02d}", f"{fs}.{ls}{y:02d}")[s]
        out.append(f"{stem}@{d}")
    return out


def handles(rng: np.random.Generator, first: np.ndarray, last: np.ndarray) -> list[str | None]:
    """Candidate messenger handles ('mette_jensen', 'mettej', 'jensenm', ...)."""
    style = rng.integers(0, 4, len(first)).tolist()
    out: list[str | None] = []
    for f, lst, s in zip(first.tolist(), last.tolist(), style, strict=True):
        fs, ls = slug(f), slug(lst)
        out.append((f"{fs}_{ls}", f"{fs}{ls[:1]}", f"{fs}{ls}", f"{ls}{fs[:1]}")[s])
    return out
