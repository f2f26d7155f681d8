"""Moderation alerts and youth-queue items: a page of them (redacted) and their state."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from redflags.service.alerts import AlertState, Changer, ShownState, list_alerts, set_state
from redflags.service.api.deps import AnalystUser, ViewerUser
from redflags.service.api.refusals import refusals_answered
from redflags.service.api.state import service
from redflags.service.roles import Role

router = APIRouter(prefix="/alerts", tags=["alerts"])


@router.get("")
def alerts(
    who: ViewerUser,
    request: Request,
    kind: Literal["alert", "youth"] | None = None,
    state: Annotated[list[ShownState], Query()] = [],  # noqa: B006 (FastAPI copies defaults)
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    current = service(request)
    with current.db.read() as session:
        return list_alerts(session, current.key, kind, state, limit, offset)


class StateChange(BaseModel):
    state: AlertState


@router.patch("/{alert_id}")
def change_state(
    alert_id: str, body: StateChange, who: AnalystUser, request: Request
) -> dict[str, Any]:
    """A new state. Dismissing a youth-queue item is four-eyes: the first asks
    (`dismiss_pending`), a second person with the reviewer role dismisses it too."""
    changer = Changer(who.user_id, who.actor, who.may(Role.reviewer))
    with refusals_answered(), service(request).db.write() as session:
        return set_state(session, alert_id, body.state, changer)
