"""The audit trail is append-only in the database, and its hash chain shows an edited, deleted
or cut row (the tamper test)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from redflags.cli import app as cli
from redflags.service.audit import Actor, record, verify

from .conftest import PASSWORD, Service


def _events(service: Service, count: int) -> None:
    with service.db.write() as session:
        for i in range(count):
            record(
                session,
                Actor(f"user{i}", "10.0.0.1"),
                "case.view",
                "case",
                f"C-{i}",
                details={"n": i, "note": "æøå"},
            )


def _drop_protection(service: Service) -> None:
    """What only the database's owner could do: take the append-only triggers away."""
    with service.db.write() as session:
        if service.db.is_sqlite:
            session.execute(text("DROP TRIGGER audit_events_no_update"))
            session.execute(text("DROP TRIGGER audit_events_no_delete"))
        else:
            session.execute(text("DROP TRIGGER audit_events_append_only ON audit_events"))


def test_the_database_refuses_to_change_audit_rows(service: Service) -> None:
    _events(service, 3)
    for statement in ("UPDATE audit_events SET actor = 'someone else'", "DELETE FROM audit_events"):
        with pytest.raises(DBAPIError, match="append-only"), service.db.write() as session:
            session.execute(text(statement))
    with service.db.read() as session:
        assert verify(session).ok


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE audit_events SET actor = 'someone else' WHERE target_id = 'C-4'",
        "UPDATE audit_events SET details = '{\"n\": 99}' WHERE target_id = 'C-4'",
        "DELETE FROM audit_events WHERE target_id = 'C-4'",
    ],
)
def test_an_edited_or_deleted_row_breaks_the_chain(service: Service, tamper: str) -> None:
    _events(service, 8)
    with service.db.read() as session:
        before = verify(session)
    assert before.ok and before.rows == 8
    _drop_protection(service)
    with service.db.write() as session:
        session.execute(text(tamper))
    with service.db.read() as session:
        after = verify(session)
    assert not after.ok
    assert after.broken_at is not None and after.broken_at >= 5


def test_a_cut_tail_shows_against_an_anchor(service: Service) -> None:
    _events(service, 6)
    with service.db.read() as session:
        anchor = verify(session)
    _drop_protection(service)
    with service.db.write() as session:
        session.execute(
            text("DELETE FROM audit_events WHERE id = (SELECT MAX(id) FROM audit_events)")
        )
    with service.db.read() as session:
        assert verify(session).ok  # the chain alone cannot tell
        cut = verify(session, {"rows": anchor.rows, "head": anchor.head})
    assert not cut.ok and "cut" in cut.problem


def test_cli_users_and_audit_verify(service: Service, tmp_path: Path) -> None:
    runner = CliRunner()
    where = ["--database", service.settings.database, "--state-dir", str(tmp_path / "s")]
    added = runner.invoke(
        cli,
        ["users", "add", "carla", "--role", "reviewer", "--password-stdin", *where],
        input=PASSWORD + "\n",
    )
    assert added.exit_code == 0, added.output
    assert (
        service.client.post(
            "/api/v1/auth/login", json={"username": "carla", "password": PASSWORD}
        ).status_code
        == 200
    )
    weak = runner.invoke(cli, ["users", "add", "dan", "--password-stdin", *where], input="short\n")
    assert weak.exit_code == 1 and "at least" in weak.output
    anchor = tmp_path / "anchor.json"
    ok = runner.invoke(cli, ["audit", "verify", "--write-anchor", str(anchor), *where])
    assert ok.exit_code == 0 and "intact" in ok.output
    assert json.loads(anchor.read_text())["rows"] >= 2
    _drop_protection(service)
    with service.db.write() as session:
        session.execute(text("UPDATE audit_events SET client = '1.2.3.4'"))
    broken = runner.invoke(cli, ["audit", "verify", *where])
    assert broken.exit_code == 1 and "does not hold" in broken.output
    listed = runner.invoke(cli, ["users", "list", *where])
    assert "carla" in listed.output and "reviewer" in listed.output
