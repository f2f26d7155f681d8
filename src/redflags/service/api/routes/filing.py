"""Filing a confirmed or reported case from the API: the goAML report for the FIU and the signed
referral package for the police. Both are in clear, so they need the analyst role (the one that
may reveal) and a reason, and every attempt is audited (service/filing.py).

The installation keeps what filing reads in its state folder: `institution.toml` (the reporting
institution; docs/exports.md), the indicator map it names, `records.duckdb` (the record store)
and `signing.key` (Ed25519, made on first use, 0600)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from redflags.filing.indicators import load_indicator_map
from redflags.filing.pdf import PdfError
from redflags.filing.settings import SettingsError, load_institution
from redflags.filing.signing import KEY_FILE, load_or_create_signing_key, public_pem
from redflags.service.api.deps import AnalystUser
from redflags.service.api.fields import Reason
from redflags.service.api.problems import ServiceError
from redflags.service.api.refusals import refusals_answered
from redflags.service.api.routes.catalogue import catalogue_of
from redflags.service.api.state import service
from redflags.service.filing import file_goaml, referral_package

router = APIRouter(prefix="/cases", tags=["filing"])
INSTITUTION_FILE = "institution.toml"


class Filing(BaseModel):
    reason: Reason
    lang: str = Field(default="da", pattern="^(da|en)$")


def _unavailable(detail: str) -> ServiceError:
    return ServiceError(409, "cannot file", detail, kind="filing-unavailable")


@router.post("/{case_id}/filing/goaml")
def goaml(case_id: str, body: Filing, who: AnalystUser, request: Request) -> Response:
    """The case's goAML STR (XML, in clear); 422 with every problem when it is not fit."""
    state = service(request)
    folder: Path = state.settings.state_dir
    try:
        institution = load_institution(folder / INSTITUTION_FILE)
        if institution.indicator_map is None:
            raise SettingsError(f"{INSTITUTION_FILE}: give indicator_map")
        indicators = load_indicator_map(institution.indicator_map)
    except (SettingsError, ValueError) as exc:
        raise _unavailable(str(exc)) from None
    with refusals_answered():
        made = file_goaml(
            state.db,
            case_id,
            state.settings.records_db,
            institution,
            indicators,
            catalogue_of(state),
            who.actor,
            body.reason,
        )
    if not made.ok:
        raise ServiceError(
            422,
            "report not fit to file",
            made.check.line(),
            kind="goaml-invalid",
            problems=made.all_problems()[:200],
        )
    return Response(
        made.xml,
        media_type="application/xml",
        headers={
            "Content-Disposition": f'attachment; filename="{case_id}.goaml.xml"',
            "X-Redflags-Check": made.check.line(),
        },
    )


@router.post("/{case_id}/filing/referral")
async def referral(case_id: str, body: Filing, who: AnalystUser, request: Request) -> Response:
    """The case's signed referral package (zip, in clear); the public key is in the zip and
    in the X-Redflags-Public-Key header (PEM, base64 lines joined by spaces)."""
    state = service(request)
    try:
        key = load_or_create_signing_key(state.settings.state_dir / KEY_FILE)
    except (ValueError, OSError) as exc:
        raise _unavailable(str(exc)) from None

    def made() -> bytes:
        with refusals_answered():
            return referral_package(
                state.db,
                case_id,
                state.settings.records_db,
                catalogue_of(state),
                key,
                who.actor,
                body.lang,
                body.reason,
            ).body

    try:  # Chromium prints for seconds: off the event loop
        package = await asyncio.to_thread(made)
    except PdfError as exc:
        raise _unavailable(str(exc)) from None
    return Response(
        package,
        media_type="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="{case_id}.referral.zip"',
            "X-Redflags-Public-Key": " ".join(public_pem(key).decode().split()),
        },
    )
