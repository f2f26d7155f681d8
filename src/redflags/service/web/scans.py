"""Scan jobs in the browser: the list with live progress (htmx polls the rows while a job is
queued or running), a form for paths under the data root, an upload form (sent on to the API's
own upload route, which checks its size before reading it) and re-runs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from redflags.service.api.deps import Principal
from redflags.service.api.problems import ServiceError
from redflags.service.api.routes import scans as api_scans
from redflags.service.api.state import ServiceState, service
from redflags.service.runner import wake_runner
from redflags.service.scaninputs import InputRefused, relative_to_root, resolve_under_root
from redflags.service.scanjobs import job_view, list_jobs, new_job_id, submit
from redflags.service.web.guard import AnalystPage
from redflags.service.web.i18n import N_
from redflags.service.web.rendering import is_htmx, page, translate

router = APIRouter(include_in_schema=False)
JOBS_SHOWN = 50
ACTIVE = frozenset({"queued", "running"})


def _jobs(state: ServiceState) -> tuple[int, list[dict[str, Any]]]:
    with state.db.read() as session:
        total, rows = list_jobs(session, JOBS_SHOWN, 0, None)
        return total, [job_view(job, name) for job, name in rows]


def _scans_page(request: Request, problem: str = "", done: str = "", status: int = 200) -> Response:
    state = service(request)
    total, jobs = _jobs(state)
    context = {
        "nav": "scans",
        "jobs": jobs,
        "total": total,
        "polling": any(j["state"] in ACTIVE for j in jobs),
        "has_data_root": state.settings.data_root is not None,
        "problem": problem,
        "done": done,
    }
    if is_htmx(request):
        return page(request, "_scan_jobs.html", context, status=status)
    return page(request, "scans.html", context, status=status)


@router.get("/scans")
def scans(who: AnalystPage, request: Request) -> Response:
    return _scans_page(request)


@router.get("/scans/jobs")
def scan_rows(who: AnalystPage, request: Request) -> Response:
    """The job list alone: what the page polls while a job is queued or running."""
    return _scans_page(request)


def _refusal_words(request: Request, status: int) -> str:
    if status == 403:
        return translate(
            request, "The service may only read files under its data folder; upload the files."
        )
    if status == 413:
        return translate(request, "The upload is larger than this service takes.")
    if status == 409:
        return translate(request, "That job is still queued or running.")
    return translate(request, "A path does not exist under the data folder, or a field is wrong.")


def _queue_paths(state: ServiceState, who: Principal, asked: api_scans.PathScan) -> None:
    settings = state.settings
    real = [resolve_under_root(settings, path) for path in asked.paths]
    inputs: list[dict[str, Any]] = [{"path": relative_to_root(settings, p)} for p in real]
    with state.db.write() as session:
        submit(session, new_job_id(), who.user_id, who.actor, inputs, asked.options())
    wake_runner(state)


@router.post("/scans")
def submit_paths(
    who: AnalystPage,
    request: Request,
    paths: Annotated[str, Form(max_length=20_000)] = "",
    model: Annotated[str, Form(max_length=16)] = "",
    region: Annotated[str, Form(max_length=8)] = "",
    lang: Annotated[str, Form(max_length=8)] = "en",
) -> Response:
    """Scan paths under the data root, one per line (as POST /api/v1/scans with JSON)."""
    wanted = [line.strip() for line in paths.splitlines() if line.strip()]
    try:
        asked = api_scans.PathScan(
            paths=wanted,
            model=model or None,  # type: ignore[arg-type]
            region=region.strip() or None,
            lang=lang,  # type: ignore[arg-type]
        )
        _queue_paths(service(request), who, asked)
    except ValidationError:
        problem = translate(request, "Give at least one path, and a valid phone region if any.")
        return _scans_page(request, problem, status=422)
    except InputRefused as refused:
        return _scans_page(request, _refusal_words(request, refused.status), status=refused.status)
    if not is_htmx(request):
        return RedirectResponse("/scans", status_code=303)
    return _scans_page(request, done=translate(request, "The scan is queued."))


@router.post("/scans/upload")
async def submit_upload(who: AnalystPage, request: Request) -> Response:
    """Uploaded files, through the API's own route (its size limits and name rules)."""
    try:
        await api_scans.submit_scan(who, request)
    except ServiceError as refusal:
        words = _refusal_words(request, refusal.status)
        return await run_in_threadpool(_scans_page, request, words, "", refusal.status)
    except RequestValidationError:
        words = translate(request, "Give a valid phone region, or leave it empty.")
        return await run_in_threadpool(_scans_page, request, words, "", 422)
    if not is_htmx(request):
        return RedirectResponse("/scans", status_code=303)
    done = translate(request, "The scan is queued.")
    return await run_in_threadpool(_scans_page, request, "", done)


@router.post("/scans/{job_id}/cancel")
def cancel(job_id: str, who: AnalystPage, request: Request) -> Response:
    try:
        api_scans.cancel_scan(job_id, who, request)
    except ServiceError as refusal:
        words = {
            403: N_("Only the person who started a scan, or a reviewer, may cancel it."),
            409: N_("That job has finished already."),
        }.get(refusal.status, N_("There is no such scan job."))
        return _scans_page(request, translate(request, words), status=refusal.status)
    if not is_htmx(request):
        return RedirectResponse("/scans", status_code=303)
    return _scans_page(request, done=translate(request, "The scan is being cancelled."))


@router.post("/scans/{job_id}/rerun")
def rerun(job_id: str, who: AnalystPage, request: Request) -> Response:
    try:
        api_scans.rerun_scan(job_id, who, request)
    except ServiceError as refusal:
        return _scans_page(request, _refusal_words(request, refusal.status), status=refusal.status)
    if not is_htmx(request):
        return RedirectResponse("/scans", status_code=303)
    return _scans_page(request, done=translate(request, "The scan is queued again."))
