"""`POST /api/v1/score`: one ad scored through the service, redacted, with the open cases that
share its phone found by keyed digest; batches answer bad items in place."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from redflags.pipeline import ScanResult
from redflags.service.api import create_app
from redflags.service.audit import SYSTEM
from redflags.service.db.models import AuditEvent, CaseRow
from redflags.service.publish import publish_scan
from redflags.service.roles import Role
from redflags.service.settings import ServiceSettings

from .conftest import Service


def _ad(phone: str) -> dict[str, object]:
    return {
        "kind": "ad",
        "record": {
            "ad_id": "new-1",
            "posted_at": "2026-05-01T10:00:00",
            "persona": "Lina",
            "city": "Aarhus",
            "title": "Ny pige i byen",
            "body": f"Hej, ring {phone} eller skriv på telegram. Åben 00-24, ingen grænser.",
            "price": "300,00",
            "currency": "DKK",
        },
    }


def _phone_of(scan: ScanResult) -> tuple[str, str]:
    for case in scan.cases:
        for pivot in case.pivots:
            if pivot.startswith("phone:+45"):
                return case.case_id, pivot.split(":", 1)[1]
    raise AssertionError("no Danish phone among the demo's pivots")


def test_an_ad_is_scored_redacted_and_linked_to_the_open_case_with_its_phone(
    service: Service, demo_scan: ScanResult, as_role: Callable[[Role], dict[str, str]]
) -> None:
    publish_scan(service.db, service.app.state.service.key, demo_scan, SYSTEM)
    case_id, phone = _phone_of(demo_scan)
    viewer = as_role(Role.viewer)
    answer = service.client.post("/api/v1/score", json=_ad(phone), headers=viewer)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert phone not in answer.text and phone[3:] not in answer.text  # redacted by default
    assert any(c["pivot"].startswith("phone:phone#") for c in body["contacts"])
    assert {f["indicator_id"] for f in body["findings"]} >= {"BEH-ALWAYS-AVAILABLE"}
    assert body["score"]["total"] > 0
    shared = {case for entry in body["open_cases"] for case in entry["cases"]}
    assert case_id in shared

    # closed cases are not "open cases"
    with service.db.write() as session:
        for row in session.query(CaseRow):
            row.status = "dismissed"
    closed = service.client.post("/api/v1/score", json=_ad(phone), headers=viewer).json()
    assert closed["open_cases"] == []


def test_reveal_needs_the_analyst_role_and_is_audited(
    service: Service, as_role: Callable[[Role], dict[str, str]]
) -> None:
    phone = "+4520123456"
    refused = service.client.post(
        "/api/v1/score?reveal=true", json=_ad(phone), headers=as_role(Role.viewer)
    )
    assert refused.status_code == 403
    clear = service.client.post(
        "/api/v1/score?reveal=true", json=_ad(phone), headers=as_role(Role.analyst)
    )
    assert clear.status_code == 200 and phone in clear.text
    with service.db.read() as session:
        assert session.query(AuditEvent).filter(AuditEvent.action == "score.reveal").count() == 1


def test_bad_input_is_refused_and_a_batch_answers_bad_items_in_place(
    service: Service, as_role: Callable[[Role], dict[str, str]]
) -> None:
    viewer = as_role(Role.viewer)
    bad = _ad("+4520123456")
    bad["record"] = {**bad["record"], "posted_at": "soon"}  # type: ignore[dict-item]
    refused = service.client.post("/api/v1/score", json=bad, headers=viewer)
    assert refused.status_code == 422
    assert refused.headers["content-type"] == "application/problem+json"
    unknown = service.client.post("/api/v1/score", json={"kind": "tx"}, headers=viewer)
    assert unknown.status_code == 422
    batch = service.client.post(
        "/api/v1/score/batch",
        json={"items": [_ad("+4520123456"), bad, {"kind": "nonsense"}, _ad("+4520654321")]},
        headers=viewer,
    )
    assert batch.status_code == 200
    items = batch.json()["items"]
    assert [i["index"] for i in items] == [0, 1, 2, 3]
    assert ["errors" in i for i in items] == [False, True, True, False]


def test_the_service_region_reads_local_numbers(settings: ServiceSettings) -> None:
    """A Swedish installation: a number written without +46 is read as Swedish."""
    with pytest.raises(ValueError, match="phone region"):
        ServiceSettings(state_dir=settings.state_dir, region="XX")
    swedish = settings.model_copy(update={"region": "SE"})
    with TestClient(create_app(swedish)) as client:
        service = Service(client.app, client, swedish)  # type: ignore[arg-type]
        headers = service.token("analyst-se", Role.analyst)
        answer = client.post(
            "/api/v1/score?reveal=true", json=_ad("070-123 45 67"), headers=headers
        )
        assert answer.status_code == 200, answer.text
        assert "+46701234567" in answer.text and "+45" not in answer.text
