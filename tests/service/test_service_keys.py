"""The installation's redaction key: made owner-only, refused when others may read it, and
rotated with every pivot digest recomputed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redflags.cli import app as cli
from redflags.pipeline import ScanResult
from redflags.service.audit import SYSTEM
from redflags.service.keys import KeyFileError, load_or_create_key
from redflags.service.pivots import cases_sharing
from redflags.service.publish import publish_scan
from redflags.service.settings import load_service_settings

from .conftest import Service


def test_the_key_is_made_owner_only_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "state" / "redaction.key"
    key = load_or_create_key(path)
    assert len(key) >= 32 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create_key(path) == key
    os.chmod(path, 0o644)
    with pytest.raises(KeyFileError, match="chmod 600"):
        load_or_create_key(path)


def test_rotation_recomputes_the_pivot_digests(service: Service, demo_scan: ScanResult) -> None:
    state = service.app.state.service
    publish_scan(service.db, state.key, demo_scan, SYSTEM)
    case = demo_scan.cases[0]
    pivot = case.pivots[0]
    old_key = state.key
    result = CliRunner().invoke(
        cli,
        [
            "service",
            "rotate-key",
            "--database",
            service.settings.database,
            "--state-dir",
            str(service.settings.state_dir),
        ],
    )
    assert result.exit_code == 0, result.output
    new_key = load_or_create_key(service.settings.key_file)
    assert new_key != old_key
    with service.db.read() as session:
        assert case.case_id in cases_sharing(session, new_key, [pivot])[pivot]
        assert cases_sharing(session, old_key, [pivot]) == {}


def test_settings_come_from_file_then_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "service.toml"
    config.write_text("port = 9001\nlogin_max_failures = 3\n", encoding="utf-8")
    assert load_service_settings(config).port == 9001
    monkeypatch.setenv("REDFLAGS_SERVICE_PORT", "9002")
    chosen = load_service_settings(config)
    assert chosen.port == 9002 and chosen.login_max_failures == 3
    assert load_service_settings(config, port=9003).port == 9003
    config.write_text("prot = 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="prot"):
        load_service_settings(config)
