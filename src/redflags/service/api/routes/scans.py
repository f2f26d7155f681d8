"""Scan jobs: submit (uploaded files, or paths under the data root), list, follow, cancel, re-run.

POST /scans takes either `multipart/form-data` (files in the `files` field, options as fields)
or JSON `{"paths": [...], ...options}`; it answers 202 with the queued job. Uploads are limited
to `max_upload_mb` in all (the request's Content-Length is checked before anything is read)."""

from __future__ import annotations

from typing import Any, Literal

import phonenumbers
from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, ValidationError, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from redflags.service.api.deps import AnalystUser, Principal
from redflags.service.api.problems import ServiceError
from redflags.service.api.state import ServiceState, service
from redflags.service.roles import Role
from redflags.service.runner import wake_runner
from redflags.service.scaninputs import (
    InputRefused,
    UploadFolder,
    relative_to_root,
    resolve_under_root,
)
from redflags.service.scanjobs import (
    JobError,
    get_job,
    job_view,
    list_jobs,
    new_job_id,
    request_cancel,
    rerun,
    submit,
    submitter_of,
)

router = APIRouter(tags=["scans"])
MAX_FILES = 1000
MAX_PATHS = 100


class ScanSettings(BaseModel):
    """What a client may choose of a scan's options (the rest are the service's)."""

    model: Literal["risk-v1", "risk-v2"] | None = None
    region: str | None = Field(default=None, min_length=2, max_length=2)
    lang: Literal["en", "da"] = "en"

    @field_validator("region")
    @classmethod
    def _phone_region(cls, value: str | None) -> str | None:
        if value is not None and value.upper() not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError("not a phone region (ISO 3166 alpha-2, e.g. DK, US)")
        return value.upper() if value else None

    def options(self) -> dict[str, Any]:
        return self.model_dump(include=set(ScanSettings.model_fields), exclude_none=True)


class PathScan(ScanSettings):
    paths: list[str] = Field(min_length=1, max_length=MAX_PATHS)


_REQUEST_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": PathScan.model_json_schema()},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["files"],
                "properties": {
                    "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                    "model": {"type": "string", "enum": ["risk-v1", "risk-v2"]},
                    "region": {"type": "string"},
                    "lang": {"type": "string", "enum": ["en", "da"]},
                },
            }
        },
    },
}


def _refused(exc: InputRefused | JobError) -> ServiceError:
    titles = {403: "forbidden", 404: "not found", 409: "conflict", 413: "too large"}
    return ServiceError(exc.status, titles.get(exc.status, "invalid request"), str(exc))


def _checked(model: type[ScanSettings], values: dict[str, Any]) -> Any:
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False)) from None


def _queue(
    state: ServiceState,
    who: Principal,
    job_id: str,
    inputs: list[dict[str, Any]],
    options: dict[str, Any],
) -> dict[str, Any]:
    with state.db.write() as session:
        job = submit(session, job_id, who.user_id, who.actor, inputs, options)
        view = job_view(job, who.username)
    wake_runner(state)
    return view


async def _from_paths(state: ServiceState, who: Principal, request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise ServiceError(400, "bad request", "the body is not JSON") from None
    asked: PathScan = _checked(PathScan, body if isinstance(body, dict) else {})
    settings = state.settings
    try:
        real = [resolve_under_root(settings, path) for path in asked.paths]
    except InputRefused as exc:
        raise _refused(exc) from None
    inputs: list[dict[str, Any]] = [{"path": relative_to_root(settings, p)} for p in real]
    return await run_in_threadpool(_queue, state, who, new_job_id(), inputs, asked.options())


async def _from_upload(state: ServiceState, who: Principal, request: Request) -> dict[str, Any]:
    limit = state.settings.max_upload_mb * 1024 * 1024
    length = request.headers.get("content-length")
    if length is None or not length.isdigit():
        raise ServiceError(411, "length required", "an upload must say its Content-Length")
    if int(length) > limit:
        raise ServiceError(413, "too large", f"an upload is at most {limit >> 20} MB")
    form = await request.form(max_files=MAX_FILES, max_fields=20)
    try:
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        asked: ScanSettings = _checked(ScanSettings, fields)
        files = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
        if not files:
            raise ServiceError(422, "invalid request", "send the files to scan in `files`")
        job_id = new_job_id()
        folder = UploadFolder.create(state.settings, job_id)
        try:
            names = [await folder.add(f.filename, f) for f in files]
            inputs: list[dict[str, Any]] = [{"upload": n, "job": job_id} for n in names]
            return await run_in_threadpool(_queue, state, who, job_id, inputs, asked.options())
        except BaseException:
            folder.remove()
            raise
    except InputRefused as exc:
        raise _refused(exc) from None
    finally:
        await form.close()


@router.post("/scans", status_code=202, openapi_extra={"requestBody": _REQUEST_BODY})
async def submit_scan(who: AnalystUser, request: Request) -> dict[str, Any]:
    """Queue a scan of uploaded files or of paths under the data root; follow it at
    GET /scans/{id}. Its cases are published into the case store when it succeeds."""
    state = service(request)
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind == "application/json":
        return await _from_paths(state, who, request)
    if kind == "multipart/form-data":
        return await _from_upload(state, who, request)
    raise ServiceError(
        415,
        "unsupported media type",
        "send multipart/form-data (files) or application/json (paths under the data root)",
    )


@router.get("/scans")
def scans(
    who: AnalystUser,
    request: Request,
    state: Literal["queued", "running", "cancelling", "succeeded", "failed", "cancelled"]
    | None = None,
    limit: int = Query(default=50, ge=1, le=500),
    offset: int = Query(default=0, ge=0),
) -> dict[str, Any]:
    with service(request).db.read() as session:
        total, rows = list_jobs(session, limit, offset, state)
        items = [job_view(job, name) for job, name in rows]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/scans/{job_id}")
def scan_job(job_id: str, who: AnalystUser, request: Request) -> dict[str, Any]:
    with service(request).db.read() as session:
        try:
            job = get_job(session, job_id)
        except JobError as exc:
            raise _refused(exc) from None
        return job_view(job, submitter_of(session, job))


@router.post("/scans/{job_id}/rerun", status_code=202)
def rerun_scan(job_id: str, who: AnalystUser, request: Request) -> dict[str, Any]:
    """A finished (succeeded or failed) job's inputs and options again, as a new job."""
    state = service(request)
    try:
        with state.db.write() as session:
            job = rerun(session, job_id, who.user_id, who.actor)
            view = job_view(job, who.username)
    except JobError as exc:
        raise _refused(exc) from None
    wake_runner(state)
    return view


@router.post("/scans/{job_id}/cancel", status_code=202)
def cancel_scan(job_id: str, who: AnalystUser, request: Request) -> dict[str, Any]:
    """Cancel a queued job at once, or end a running one within a second or two (`cancelling`,
    then `cancelled`). Its submitter may, and any reviewer; 409 when it has finished."""
    state = service(request)
    try:
        with state.db.write() as session:
            job = get_job(session, job_id)
            if job.created_by != who.user_id and who.role < Role.reviewer:
                raise ServiceError(
                    403, "forbidden", "only its submitter or a reviewer may cancel a scan job"
                )
            job = request_cancel(session, job_id, who.actor)
            view = job_view(job, submitter_of(session, job))
    except JobError as exc:
        raise _refused(exc) from None
    return view
