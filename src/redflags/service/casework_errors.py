"""What casework can refuse, by HTTP meaning, without the domain modules knowing HTTP: the
routes turn each into a problem+json answer (api/refusals.py)."""

from __future__ import annotations

from typing import Any


class CaseworkError(Exception):
    status = 400
    title = "bad request"
    kind = "bad-request"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class NotFound(CaseworkError):
    status, title, kind = 404, "not found", "not-found"


class NotAllowed(CaseworkError):
    status, title, kind = 403, "forbidden", "forbidden"


class Conflict(CaseworkError):
    status, title, kind = 409, "conflict", "conflict"


class StaleVersion(Conflict):
    kind = "stale-version"


class Invalid(CaseworkError):
    status, title, kind = 422, "invalid request", "invalid-request"
