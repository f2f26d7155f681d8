"""Alerts and youth-queue items (redacted, their state changed by an analyst) and the
catalogue, through the API, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy import select

from redflags.pipeline import ScanResult
from redflags.report.redact import case_personal_pairs
from redflags.service.audit import SYSTEM
from redflags.service.db.models import AuditEvent
from redflags.service.publish import publish_scan
from redflags.service.roles import Role

from .conftest import Service

Headers = dict[str, str]
API = "/api/v1"


def test_alerts_are_listed_redacted_and_their_state_changes(
    service: Service, demo_scan: ScanResult, as_role: Callable[[Role], Headers]
) -> None:
    publish_scan(service.db, service.app.state.service.key, demo_scan, SYSTEM)
    viewer, analyst = as_role(Role.viewer), as_role(Role.analyst)
    listed = service.client.get(f"{API}/alerts", params={"kind": "alert"}, headers=viewer)
    assert listed.status_code == 200, listed.text
    page = listed.json()
    assert page["total"] == len(demo_scan.alerts) > 0
    scores = [i["score"] for i in page["items"]]
    assert scores == sorted(scores, reverse=True)
    first = page["items"][0]
    assert first["state"] == "open" and first["item"]["findings"] and first["item"]["indicators"]
    clear = {
        v
        for item in (*demo_scan.alerts, *demo_scan.youth_queue)
        for k, v in case_personal_pairs(item)
        if k in {"phone", "email", "account"} and len(v) >= 6
    }
    assert clear
    youth = service.client.get(f"{API}/alerts", params={"kind": "youth"}, headers=viewer)
    assert youth.json()["total"] == len(demo_scan.youth_queue)
    for text in (listed.text, youth.text):
        leaked = [v for v in clear if re.search(rf"(?<![\w+]){re.escape(v)}(?!\w)", text)]
        assert leaked == []

    url = f"{API}/alerts/{first['id']}"
    assert service.client.patch(url, json={"state": "dismissed"}, headers=viewer).status_code == 403
    changed = service.client.patch(url, json={"state": "dismissed"}, headers=analyst)
    assert changed.status_code == 200, changed.text
    assert changed.json()["state"] == "dismissed"
    dismissed = service.client.get(
        f"{API}/alerts", params={"state": "dismissed"}, headers=viewer
    ).json()
    assert [i["id"] for i in dismissed["items"]] == [first["id"]]
    still_open = service.client.get(f"{API}/alerts", params={"state": "open"}, headers=viewer)
    assert still_open.json()["total"] == page["total"] + len(demo_scan.youth_queue) - 1
    bad = service.client.patch(url, json={"state": "gone"}, headers=analyst)
    assert bad.status_code == 422
    missing = service.client.patch(f"{API}/alerts/A-x", json={"state": "open"}, headers=analyst)
    assert missing.status_code == 404
    with service.db.read() as session:
        states = list(
            session.scalars(select(AuditEvent.details).where(AuditEvent.action == "alert.state"))
        )
    assert states == [{"from": "open", "to": "dismissed"}]


def test_the_catalogue_in_both_languages(
    service: Service, as_role: Callable[[Role], Headers]
) -> None:
    viewer = as_role(Role.viewer)
    listed = service.client.get(f"{API}/catalogue", headers=viewer)
    assert listed.status_code == 200
    catalogue = listed.json()
    assert len(catalogue["categories"]) == 4 and len(catalogue["indicators"]) > 20
    chosen = catalogue["indicators"][0]
    assert chosen["title"]["en"] and chosen["title"]["da"]
    one = service.client.get(f"{API}/catalogue/{chosen['id'].lower()}", headers=viewer).json()
    assert one["id"] == chosen["id"]
    assert one["description"]["da"] and one["rule"]["en"] and one["category_title"]["da"]
    missing = service.client.get(f"{API}/catalogue/BEH-NOTHING", headers=viewer)
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")


def test_dismissing_a_youth_item_needs_a_second_reviewer(
    service: Service, demo_scan: ScanResult, as_role: Callable[[Role], Headers]
) -> None:
    publish_scan(service.db, service.app.state.service.key, demo_scan, SYSTEM)
    viewer = as_role(Role.viewer)
    youth = service.client.get(f"{API}/alerts", params={"kind": "youth"}, headers=viewer).json()
    item = youth["items"][0]
    url = f"{API}/alerts/{item['id']}"
    service.user("rita", Role.reviewer)
    rita, other_analyst = service.token("rita"), as_role(Role.analyst)

    def dismiss(headers: Headers) -> tuple[int, str]:
        answer = service.client.patch(url, json={"state": "dismissed"}, headers=headers)
        return answer.status_code, answer.json().get("state", "")

    assert dismiss(rita) == (200, "dismiss_pending")  # asked, not done, even by a reviewer
    pending = service.client.get(
        f"{API}/alerts", params={"state": "dismiss_pending"}, headers=viewer
    ).json()
    assert [i["id"] for i in pending["items"]] == [item["id"]]
    assert dismiss(rita)[0] == 403  # nobody approves their own dismissal
    assert dismiss(other_analyst)[0] == 403  # an analyst approves none
    assert dismiss(as_role(Role.reviewer)) == (200, "dismissed")
    reopened = service.client.patch(url, json={"state": "open"}, headers=other_analyst)
    assert reopened.json()["state"] == "open"
    assert dismiss(other_analyst) == (200, "dismiss_pending")  # a new request, a new proposer
    assert dismiss(rita) == (200, "dismissed")
    with service.db.read() as session:
        steps = [
            (d["from"], d["to"])
            for d in session.scalars(
                select(AuditEvent.details)
                .where(AuditEvent.action == "alert.state", AuditEvent.target_id == item["id"])
                .order_by(AuditEvent.id)
            )
        ]
    assert steps == [
        ("open", "dismiss_pending"),
        ("dismiss_pending", "dismissed"),
        ("dismissed", "open"),
        ("open", "dismiss_pending"),
        ("dismiss_pending", "dismissed"),
    ]
