"""The API's filing routes on a confirmed case: the goAML report (XML, validated) and the signed
referral package, for an analyst with a reason; a viewer is refused, a case not confirmed is
refused, and every attempt is audited. SQLite; the route-table test covers 401/403 for both."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from filing_world import case_store, institution_file, revealed_cases, revealed_demo
from redflags.filing.package import verify_package
from redflags.service.api import create_app
from redflags.service.audit import SYSTEM
from redflags.service.db.models import AuditEvent
from redflags.service.roles import Role
from redflags.service.security.tokens import issue_token
from redflags.service.settings import ServiceSettings
from redflags.service.users import add_user

__all__ = ["revealed_demo"]
REASON = {"reason": "confirmed by two analysts; file with the FIU"}


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory, revealed_demo: Path) -> dict:
    state = tmp_path_factory.mktemp("filing-api") / "state"
    state.mkdir()
    cases = revealed_cases(revealed_demo)
    with_money = [c for c in cases if any(r.startswith("transaction:") for r in c.records)]
    small = min(with_money, key=lambda c: len(c.records))
    other = next(c for c in with_money if c.case_id != small.case_id)
    url = case_store(state, revealed_demo, [small.case_id])
    institution_file(state)
    shutil.copy(revealed_demo / "store.duckdb", state / "records.duckdb")
    app = create_app(ServiceSettings(state_dir=state, database_url=url))
    with TestClient(app, raise_server_exceptions=False) as client:
        headers = {}
        with app.state.service.db.write() as session:
            for role in (Role.viewer, Role.analyst):
                user = add_user(session, role.name, role, None, SYSTEM)
                issued = issue_token(session, user, "test", role, 30)
                headers[role] = {"Authorization": f"Bearer {issued.secret}"}
        yield {"client": client, "app": app, "headers": headers, "case": small, "other": other}


def _post(api: dict, case_id: str, what: str, role: Role, body: dict = REASON):
    return api["client"].post(
        f"/api/v1/cases/{case_id}/filing/{what}", json=body, headers=api["headers"][role]
    )


def test_an_analyst_files_goaml_for_a_confirmed_case(api: dict) -> None:
    answer = _post(api, api["case"].case_id, "goaml", Role.analyst)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/xml")
    assert b"<report_code>STR</report_code>" in answer.content
    assert "structural checks" in answer.headers["x-redflags-check"]


def test_refusals(api: dict) -> None:
    assert _post(api, api["case"].case_id, "goaml", Role.viewer).status_code == 403
    assert _post(api, api["other"].case_id, "goaml", Role.analyst).status_code == 409
    short = _post(api, api["case"].case_id, "goaml", Role.analyst, {"reason": "x"})
    assert short.status_code == 422
    with api["app"].state.service.db.read() as session:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "case.file_goaml")
        ).all()
        seen = {(r.target_id, bool(r.ok)) for r in rows}
    assert (api["case"].case_id, True) in seen and (api["other"].case_id, False) in seen


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium prints the dossier")
def test_an_analyst_gets_a_signed_referral_package(api: dict) -> None:
    answer = _post(api, api["case"].case_id, "referral", Role.analyst)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/zip"
    public = answer.headers["x-redflags-public-key"]
    pem = public.replace("-----BEGIN PUBLIC KEY----- ", "-----BEGIN PUBLIC KEY-----\n").replace(
        " -----END PUBLIC KEY-----", "\n-----END PUBLIC KEY-----\n"
    )
    assert verify_package(answer.content, pem.encode()).ok
    assert "dossier.pdf" in zipfile.ZipFile(io.BytesIO(answer.content)).namelist()
