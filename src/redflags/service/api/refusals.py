"""Casework's refusals (service/casework_errors.py) as problem+json answers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from redflags.service.api.problems import ServiceError
from redflags.service.casework_errors import CaseworkError


@contextmanager
def refusals_answered() -> Iterator[None]:
    """Run a block; a casework refusal in it becomes the matching ServiceError."""
    try:
        yield
    except CaseworkError as exc:
        raise ServiceError(exc.status, exc.title, exc.detail, kind=exc.kind, **exc.extra) from None
