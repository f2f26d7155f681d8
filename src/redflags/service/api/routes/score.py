"""Online scoring: `POST /api/v1/score` (one ad, profile or message) and `/score/batch` (up to
1,000), answered synchronously with contacts, indicators, a score, cluster matches and the open
cases that share an identifier (docs/service.md, "Online scoring").

Identifiers in the answer are redacted like every answer; `?reveal=true` (analyst role) answers
them in clear — they are the caller's own data. Scoring calls are not audited one by one (a
platform sends thousands); a reveal is."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from redflags.online import BatchRequest, ItemResult, ScoreItem
from redflags.report.redact import Redactor
from redflags.service.api.deps import Principal, ViewerUser
from redflags.service.api.problems import ServiceError
from redflags.service.api.state import ServiceState, service
from redflags.service.audit import record
from redflags.service.roles import Role
from redflags.service.scoring import open_cases_sharing, scorer_for

router = APIRouter(prefix="/score", tags=["scoring"])


def _redactor(state: ServiceState, who: Principal, reveal: bool) -> Redactor:
    if reveal and not who.may(Role.analyst):
        raise ServiceError(403, "forbidden", "answers in clear need the analyst role")
    return Redactor(state.key, reveal=reveal)


def _answer(state: ServiceState, results: list[Any], redactor: Redactor) -> list[dict[str, Any]]:
    answers: list[dict[str, Any]] = []
    with state.db.read() as session:
        for result in results:
            if not isinstance(result, ItemResult):
                answers.append(result.model_dump(mode="json"))
                continue
            data = result.redact(redactor)
            shared = open_cases_sharing(session, state.key, result)
            data["open_cases"] = [
                {"pivot": redactor.pivot(pivot), "cases": sorted(cases)}
                for pivot, cases in sorted(shared.items())
            ]
            answers.append(data)
    return answers


def _audit_reveal(state: ServiceState, who: Principal, count: int) -> None:
    with state.db.write() as session:
        record(session, who.actor, "score.reveal", details={"items": count})


@router.post("")
async def score(
    item: ScoreItem, who: ViewerUser, request: Request, reveal: bool = False
) -> dict[str, Any]:
    state = service(request)
    redactor = _redactor(state, who, reveal)
    scorer = await run_in_threadpool(scorer_for, state)
    try:
        result = await run_in_threadpool(scorer.score, item)
    except ValidationError as exc:  # the record's values, as ingest reads them
        raise ServiceError(
            422, "invalid request", "; ".join(e["msg"] for e in exc.errors())[:500]
        ) from None
    if reveal:
        await run_in_threadpool(_audit_reveal, state, who, 1)
    return (await run_in_threadpool(_answer, state, [result], redactor))[0]


@router.post("/batch")
async def score_batch(
    batch: BatchRequest, who: ViewerUser, request: Request, reveal: bool = False
) -> dict[str, Any]:
    state = service(request)
    redactor = _redactor(state, who, reveal)
    scorer = await run_in_threadpool(scorer_for, state)
    result = await run_in_threadpool(scorer.score_batch, list(batch.items))
    if reveal:
        await run_in_threadpool(_audit_reveal, state, who, len(batch.items))
    items = await run_in_threadpool(_answer, state, list(result.items), redactor)
    return {"items": items, "coverage": [c.model_dump(mode="json") for c in result.coverage]}
