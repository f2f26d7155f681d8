"""`/api/v1/health`: is the service up and its case store reachable (no authentication)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import text

from redflags import __version__
from redflags.service.api.problems import ServiceError
from redflags.service.api.state import service

router = APIRouter(tags=["health"])


@router.get("/health")
def health(request: Request) -> dict[str, Any]:
    state = service(request)
    try:
        with state.db.read() as session:
            session.execute(text("SELECT 1"))
    except Exception:
        raise ServiceError(503, "unavailable", "the case store does not answer") from None
    return {"status": "ok", "version": __version__, "database": state.db.reader.dialect.name}
