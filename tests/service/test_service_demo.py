"""`redflags serve --demo`'s loader: the demo world scanned and published, an admin who can sign
in with the printed password; run twice, nothing is duplicated and the password is the new one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from redflags.service import demo
from redflags.service.api import create_app
from redflags.service.db.models import CaseRow, User
from redflags.service.demo import load_demo
from redflags.service.settings import ServiceSettings

FIRST = "first demo password 1"
SECOND = "second demo password 2"


def _login(client: TestClient, password: str) -> int:
    answer = client.post("/api/v1/auth/login", json={"username": "admin", "password": password})
    return answer.status_code


def test_load_demo_publishes_the_world_and_resets_admin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the world is seeded: the second load is given the first one's scan (one scan, not two)
    scans: list[Any] = []
    real = demo.scan_demo_world

    def scan_once(folder: Path, key: bytes, records: Path | None = None) -> Any:
        if not scans:
            scans.append(real(folder, key, records))
        return scans[0]

    monkeypatch.setattr(demo, "scan_demo_world", scan_once)
    settings = ServiceSettings(state_dir=tmp_path / "state")
    summary = load_demo(settings, FIRST)
    assert settings.records_db.is_file()  # kept for filing and online matching
    assert "user admin added" in summary and " new, 0 changed, 0 unchanged case(s)" in summary
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        assert _login(client, FIRST) == 200
        assert client.get("/api/v1/auth/me").json()["role"] == "admin"
        audit = client.get("/api/v1/audit", params={"action": "scan.publish"}).json()
        assert audit["total"] == 1
        published = audit["items"][0]["details"]
        with client.app.state.service.db.read() as session:  # type: ignore[attr-defined]
            stored = session.scalar(select(func.count()).select_from(CaseRow))
        assert stored == published["new"] > 0

    again = load_demo(settings, SECOND)
    assert "user admin reset" in again and f": 0 new, 0 changed, {stored} unchanged" in again
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        assert _login(client, FIRST) == 401
        assert _login(client, SECOND) == 200
        with client.app.state.service.db.read() as session:  # type: ignore[attr-defined]
            assert session.scalar(select(func.count()).select_from(CaseRow)) == stored
            assert session.scalar(select(func.count()).select_from(User)) == 1
