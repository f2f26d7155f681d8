"""`redflags scan … --publish` into the service's case store, and the store's verdicts out to a
YAML baseline and back (`redflags cases export-baseline | import-baseline`)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from sqlalchemy import select
from typer.testing import CliRunner

from redflags.cli import app
from redflags.report.redact import PERSONAL_KINDS
from redflags.service.db import open_database
from redflags.service.db.models import AuditEvent, CaseRow
from redflags.service.settings import ServiceSettings

runner = CliRunner()


def _one_line_error(output: str) -> None:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), output


def test_publish_options_are_checked_before_the_scan(tmp_path: Path, demo_data: Path) -> None:
    alone = runner.invoke(app, ["scan", str(demo_data), "--database", "sqlite:///x.sqlite"])
    assert alone.exit_code == 1
    _one_line_error(alone.output)
    config = tmp_path / "service.toml"
    config.write_text(f'state_dir = "{tmp_path / "state"}"\n', encoding="utf-8")
    unreachable = runner.invoke(
        app,
        [
            *("scan", str(demo_data), "--out", str(tmp_path / "run"), "--publish"),
            *("--service-config", str(config)),
            *("--database", "postgresql+psycopg://nobody:secret@127.0.0.1:1/none"),
        ],
    )
    assert unreachable.exit_code == 1
    _one_line_error(unreachable.output)
    assert "cannot open the case store" in unreachable.output
    assert "secret" not in unreachable.output
    assert not (tmp_path / "run").exists()  # said before the scan, not after
    assert not (tmp_path / "state" / "redaction.key").exists()


def test_scan_publish_then_export_and_import_the_verdicts(tmp_path: Path, demo_data: Path) -> None:
    state = tmp_path / "state"
    config = tmp_path / "service.toml"
    config.write_text(f'state_dir = "{state}"\n', encoding="utf-8")
    scanned = runner.invoke(
        app,
        [
            *("scan", str(demo_data), "--out", str(tmp_path / "run")),
            *("--publish", "--service-config", str(config)),
        ],
    )
    assert scanned.exit_code == 0, scanned.output
    counts = re.search(
        r"published into sqlite:///\S+: (\d+) new, 0 changed, 0 unchanged", scanned.output
    )
    assert counts, scanned.output
    db = open_database(ServiceSettings(state_dir=state).database)
    try:
        with db.write() as session:
            rows = list(session.scalars(select(CaseRow).order_by(CaseRow.id)))
            assert len(rows) == int(counts.group(1)) > 1
            dismissed, reopened = rows[0].id, rows[1].id
            rows[0].status = "dismissed"
            rows[1].status = "confirmed"
            pivots = {p for r in rows for p in r.snapshot["pivots"]}
            actors = session.scalars(
                select(AuditEvent.actor).where(AuditEvent.action == "scan.publish")
            )
            assert all(actor.startswith("cli") for actor in actors)

        baseline = tmp_path / "verdicts.yaml"
        exported = runner.invoke(
            app, ["cases", "export-baseline", "--out", str(baseline), "--config", str(config)]
        )
        assert exported.exit_code == 0, exported.output
        data = yaml.safe_load(baseline.read_text(encoding="utf-8"))
        exported_pivots = {p for entry in data["cases"].values() for p in entry["pivots"]}
        personal = {p for p in pivots if p.split(":", 1)[0] in PERSONAL_KINDS}
        assert personal and not exported_pivots & personal  # keyed, as in a scan's baseline
        keyed = exported_pivots - pivots
        assert len(keyed) == len(personal)
        assert all(re.fullmatch(r"(\w+):\1#[0-9a-f]{10}", p) for p in keyed)
        assert data["version"] == 1 and len(data["cases"]) == len(rows)
        assert data["cases"][dismissed]["verdict"]["status"] == "dismissed"
        assert data["cases"][reopened]["verdict"]["status"] == "confirmed"

        # a store where one case is undecided again and the other was decided otherwise
        with db.write() as session:
            session.get(CaseRow, dismissed).status = "new"
            session.get(CaseRow, reopened).status = "needs_information"
        imported = runner.invoke(
            app, ["cases", "import-baseline", str(baseline), "--config", str(config)]
        )
        assert imported.exit_code == 0, imported.output
        assert "1 verdict(s) applied; 1 case(s) already decided" in imported.output
        with db.read() as session:
            assert session.get(CaseRow, dismissed).status == "dismissed"
            assert session.get(CaseRow, reopened).status == "needs_information"
            audited = session.scalars(
                select(AuditEvent.target_id).where(AuditEvent.action == "case.import_verdict")
            )
            assert list(audited) == [dismissed]
    finally:
        db.dispose()
