"""Cases: the inbox (filter, sort, page), one case (redacted, its view audited), revealing one
identifier on purpose, assignment, comments, decisions with four-eyes, and exports."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal, get_args

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field, field_validator
from sqlalchemy.orm import Session

from redflags.service.api.deps import AnalystUser, Principal, ReviewerUser, ViewerUser
from redflags.service.api.fields import Reason
from redflags.service.api.problems import ServiceError
from redflags.service.api.refusals import refusals_answered
from redflags.service.api.routes.catalogue import catalogue_of
from redflags.service.api.state import ServiceState, service
from redflags.service.audit import record
from redflags.service.case_view import (
    MAX_FINDINGS_PAGE,
    CaseBodies,
    case_answer,
    comments_of,
    decisions_of,
    findings_page,
    revealed,
    team_redaction,
    warm_largest,
)
from redflags.service.cases import CaseQuery, Order, SortKey, case_summary, list_cases
from redflags.service.cases_merge import merge_cases
from redflags.service.casework import MAX_COMMENT_CHARS, add_comment, assign
from redflags.service.db.models import Decision
from redflags.service.decisions import STATUSES, Who, propose, review, withdraw
from redflags.service.exports import Format, Lang, export_case
from redflags.service.redaction import Redaction, token_in

router = APIRouter(prefix="/cases", tags=["cases"])
logger = logging.getLogger(__name__)
Status = Literal["new", "in_progress", "needs_information", "confirmed", "reported", "dismissed"]
assert set(get_args(Status)) == set(STATUSES)  # the API's names are the store's
# a case merged into another (cases_merge.py) has a status no decision gives it
ListedStatus = Literal[Status, "merged"]
Listed = Annotated[list[str], Query()]


def _who(principal: Principal) -> Who:
    return Who(principal.user_id, principal.actor)


@router.get("")
def cases(
    who: ViewerUser,
    request: Request,
    status: Annotated[list[ListedStatus], Query()] = [],  # noqa: B006 (FastAPI copies defaults)
    priority: Listed = [],  # noqa: B006
    scan_status: Listed = [],  # noqa: B006
    indicator: Listed = [],  # noqa: B006
    category: Listed = [],  # noqa: B006
    record_kind: Listed = [],  # noqa: B006
    city: Listed = [],  # noqa: B006
    assignee: Annotated[str | None, Query(max_length=64)] = None,
    youth: bool | None = None,
    awaiting_approval: bool | None = None,
    first_event_from: date | None = None,
    first_event_to: date | None = None,
    last_event_from: date | None = None,
    last_event_to: date | None = None,
    q: Annotated[str | None, Query(max_length=64)] = None,
    sort: SortKey = "score",
    order: Order = "desc",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    query = CaseQuery(
        status=status,
        priority=priority,
        scan_status=scan_status,
        indicator=indicator,
        category=category,
        record_kind=record_kind,
        city=city,
        assignee=assignee,
        youth=youth,
        awaiting_approval=awaiting_approval,
        first_event_from=first_event_from,
        first_event_to=first_event_to,
        last_event_from=last_event_from,
        last_event_to=last_event_to,
        q=q,
        sort=sort,
        order=order,
        limit=limit,
        offset=offset,
    )
    with service(request).db.read() as session:
        return list_cases(session, query, who.user_id)


def case_bodies(state: ServiceState) -> CaseBodies:
    """The service's cache of redacted cases (one per process)."""
    found = state.extras.get("case_bodies")
    if found is None:
        found = state.extras["case_bodies"] = CaseBodies()
    return found


def start_warming(state: ServiceState) -> None:
    """Redact the largest cases in the background as the service starts (a startup hook)."""
    if not state.settings.warm_cases:
        return
    stop = state.extras["warming_stop"] = threading.Event()

    def warm() -> None:
        try:
            bodies = case_bodies(state)
            warm_largest(state.db, state.key, bodies, state.settings.warm_cases, stop)
        except Exception:  # a view builds what this could not
            logger.warning("warming the case cache stopped", exc_info=True)

    threading.Thread(target=warm, name="warm-cases", daemon=True).start()


def stop_warming(state: ServiceState) -> None:
    found = state.extras.get("warming_stop")
    if found is not None:
        found.set()


@router.get("/{case_id}")
def case(case_id: str, who: ViewerUser, request: Request) -> Response:
    """The case with its first findings (`findings_page` says how many there are; the rest
    from `/findings`), evidence, score steps, network, timeline, comments and decisions; every
    identifier redacted. The view is audited."""
    state = service(request)
    with refusals_answered(), state.db.read() as session:
        body = case_answer(session, state.key, case_id, case_bodies(state))
    with state.db.write() as session:
        record(session, who.actor, "case.view", "case", case_id)
    return Response(body, media_type="application/json")


@router.get("/{case_id}/findings")
def findings(
    case_id: str,
    who: ViewerUser,
    request: Request,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_FINDINGS_PAGE)] = 100,
) -> Response:
    """A page of the case's findings with their evidence (redacted), in the order of the
    case's answer, and how many there are. Audited as a view of the case."""
    state = service(request)
    with refusals_answered(), state.db.read() as session:
        text = findings_page(session, state.key, case_id, offset, limit, case_bodies(state))
    with state.db.write() as session:
        details = {"findings": {"offset": offset, "limit": limit}}
        record(session, who.actor, "case.view", "case", case_id, details=details)
    return Response(text, media_type="application/json")


class Reveal(BaseModel):
    token: str = Field(max_length=200)  # "phone#0123456789" or a redacted pivot
    reason: Reason

    @field_validator("token")
    @classmethod
    def _one_token(cls, value: str) -> str:
        # only the token is kept (and audited): a clear value typed here by mistake is not
        token = token_in(value)
        if token is None:
            raise ValueError("one token as the case shows it, such as phone#0123456789")
        return token


@router.post("/{case_id}/reveal")
def reveal(case_id: str, body: Reveal, who: AnalystUser, request: Request) -> dict[str, Any]:
    """The clear value behind one token of this case; the reason is kept in the audit log."""
    state = service(request)
    with refusals_answered(), state.db.read() as session:
        found = revealed(session, state.key, case_id, body.token)
    details = {"token": body.token, "reason": body.reason}
    with state.db.write() as session:
        record(
            session,
            who.actor,
            "case.reveal",
            "case",
            case_id,
            ok=found is not None,
            details={**details, "kind": found[0] if found else None},
        )
    if found is None:
        raise ServiceError(404, "not found", f"{body.token!r} is no identifier of case {case_id}")
    return {"case_id": case_id, "token": body.token, "kind": found[0], "value": found[1]}


class Assignment(BaseModel):
    username: str | None = Field(max_length=64)  # None: nobody
    version: int = Field(ge=1)


@router.put("/{case_id}/assignee")
def set_assignee(
    case_id: str, body: Assignment, who: AnalystUser, request: Request
) -> dict[str, Any]:
    with refusals_answered(), service(request).db.write() as session:
        assign(session, case_id, body.username, body.version, _who(who))
        return case_summary(session, case_id) or {}


TeamList = Callable[[Session, str, Redaction], list[dict[str, Any]]]


def _team_list(request: Request, case_id: str, listing: TeamList) -> list[dict[str, Any]]:
    """What the team wrote about a case (comments or decisions), redacted."""
    state = service(request)
    with refusals_answered(), state.db.read() as session:
        redaction = team_redaction(session, state.key, case_id, case_bodies(state))
        return listing(session, case_id, redaction)


@router.get("/{case_id}/comments")
def comments(case_id: str, who: ViewerUser, request: Request) -> list[dict[str, Any]]:
    return _team_list(request, case_id, comments_of)


class NewComment(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_COMMENT_CHARS)
    version: int | None = Field(default=None, ge=1)  # checked when given; a comment bumps none


@router.post("/{case_id}/comments", status_code=201)
def comment(case_id: str, body: NewComment, who: AnalystUser, request: Request) -> dict[str, Any]:
    state = service(request)
    with refusals_answered(), state.db.write() as session:
        made = add_comment(session, case_id, body.text, _who(who), body.version)
        redaction = team_redaction(session, state.key, case_id, case_bodies(state))
        return {
            "id": made.id,
            "author": who.username,
            "at": made.at.isoformat(),
            "text": redaction.text(made.text),
        }


@router.get("/{case_id}/decisions")
def decisions(case_id: str, who: ViewerUser, request: Request) -> list[dict[str, Any]]:
    return _team_list(request, case_id, decisions_of)


class NewDecision(BaseModel):
    status: Status
    note: str = Field(default="", max_length=MAX_COMMENT_CHARS)
    version: int = Field(ge=1)


class ReviewNote(BaseModel):
    note: str = Field(default="", max_length=MAX_COMMENT_CHARS)
    version: int = Field(ge=1)


class Withdrawal(BaseModel):
    version: int = Field(ge=1)


def _decided(session: Any, case_id: str, decision: Decision, version: int) -> dict[str, Any]:
    return {
        "decision": {
            "id": decision.id,
            "status": decision.status,
            "state": decision.state,
            "needs_approval": decision.needs_approval,
        },
        "case": case_summary(session, case_id),
        "version": version,
    }


@router.post("/{case_id}/decisions", status_code=201)
def decide(case_id: str, body: NewDecision, who: AnalystUser, request: Request) -> dict[str, Any]:
    """A status change: applied at once, or pending a reviewer's approval (four-eyes)."""
    with refusals_answered(), service(request).db.write() as session:
        decision, version = propose(
            session, case_id, body.status, body.note.strip(), body.version, _who(who)
        )
        return _decided(session, case_id, decision, version)


def _reviewed(
    request: Request,
    case_id: str,
    decision_id: int,
    approve: bool,
    body: ReviewNote,
    who: Principal,
) -> dict[str, Any]:
    with refusals_answered(), service(request).db.write() as session:
        decision, version = review(
            session, case_id, decision_id, approve, body.note.strip(), body.version, _who(who)
        )
        return _decided(session, case_id, decision, version)


@router.post("/{case_id}/decisions/{decision_id}/approve")
def approve(
    case_id: str, decision_id: int, body: ReviewNote, who: ReviewerUser, request: Request
) -> dict[str, Any]:
    """A second person's yes: the case takes the decided status."""
    return _reviewed(request, case_id, decision_id, True, body, who)


@router.post("/{case_id}/decisions/{decision_id}/reject")
def reject(
    case_id: str, decision_id: int, body: ReviewNote, who: ReviewerUser, request: Request
) -> dict[str, Any]:
    """A second person's no: the case keeps its status."""
    return _reviewed(request, case_id, decision_id, False, body, who)


@router.post("/{case_id}/decisions/{decision_id}/withdraw")
def take_back(
    case_id: str, decision_id: int, body: Withdrawal, who: AnalystUser, request: Request
) -> dict[str, Any]:
    with refusals_answered(), service(request).db.write() as session:
        decision, version = withdraw(session, case_id, decision_id, body.version, _who(who))
        return _decided(session, case_id, decision, version)


class Merge(BaseModel):
    from_case: str = Field(min_length=1, max_length=32)  # B, merged into this case (A)
    version: int = Field(ge=1)  # of this case, as its reader saw it


@router.post("/{case_id}/merge")
def merge(case_id: str, body: Merge, who: ReviewerUser, request: Request) -> dict[str, Any]:
    """Merge case `from_case` (a fragment of the same network) into this one: this case gets
    its evidence and keeps its own status and decisions; the other is closed as `merged`
    (service/cases_merge.py). 409 while either has a pending four-eyes decision."""
    state = service(request)
    with refusals_answered(), state.db.write() as session:
        version = merge_cases(
            session, state.key, case_id, body.from_case.strip(), body.version, _who(who)
        )
        answer = {
            "case": case_summary(session, case_id),
            "merged": case_summary(session, body.from_case.strip()),
            "version": version,
        }
    case_bodies(state).forget(case_id)  # its evidence changed without a new publication
    return answer


@router.get("/{case_id}/export")
def export(
    case_id: str,
    who: AnalystUser,
    request: Request,
    format: Format = "json",
    lang: Lang = "en",
) -> Response:
    """The case as a file (redacted): json, csv (a zip of three files), ftm, gexf or html."""
    state = service(request)
    with refusals_answered(), state.db.read() as session:
        made = export_case(
            session, state.key, case_id, format, catalogue_of(state), lang, case_bodies(state)
        )
    with state.db.write() as session:
        record(
            session,
            who.actor,
            "case.export",
            "case",
            case_id,
            details={"format": format, "lang": lang, "bytes": len(made.body)},
        )
    return Response(made.body, media_type=made.media_type, headers=made.headers)
