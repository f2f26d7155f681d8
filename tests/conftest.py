"""Shared fixtures: an in-memory store filled from example-style record dicts, and the worlds
and scans that many modules read (made once per test run; see docs/testing.md)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from redflags.engines import DuckDBEngine
from redflags.generator import DEMO_SCALE, DEMO_SEED
from redflags.ingest import ingest_records
from redflags.model import KIND_TABLES, RecordKind
from redflags.pipeline import EvaluationResult, ScanOptions, ScanResult, run_evaluation, run_scan
from redflags.store import Store
from redflags_synth.world.generate import generate_world

TABLE_KINDS = {table: kind for kind, (table, _) in KIND_TABLES.items()}


def load_records(store: Store, records: dict[str, list[dict[str, Any]]]) -> None:
    """Ingest records keyed by table name; fail loudly if any row is quarantined."""
    for table, rows in records.items():
        report = ingest_records(store, TABLE_KINDS[table], rows, source="test")
        assert report.quarantined == 0, f"{table}: a test row was quarantined"


@pytest.fixture(autouse=True)
def _redaction_key(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests never touch the user's key file.
    monkeypatch.setenv(
        "REDFLAGS_REDACTION_KEY", "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"
    )


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(None) as opened:
        yield opened


@pytest.fixture
def engine_for(store: Store) -> Any:
    def build(records: dict[str, list[dict[str, Any]]]) -> DuckDBEngine:
        load_records(store, records)
        return DuckDBEngine(store.connection)

    return build


# -- worlds and scans shared by the whole session ------------------------------------------------
# Generating a world or scanning one takes seconds; many modules read the same ones. Each is made
# once per run into a folder every xdist worker sees, under a file lock, and shared read-only: a
# test that changes a world copies it first (shutil.copytree), and scans write to their own --out.


def _shared_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Under xdist each worker's base folder sits inside the run's; that one is shared by all.
    base = tmp_path_factory.getbasetemp()
    root = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "shared"
    root.mkdir(parents=True, exist_ok=True)
    return root


def shared_folder(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]
) -> Path:
    """`make(folder)` once per test run, whichever worker asks first; the others wait for it."""
    root = _shared_root(tmp_path_factory)
    folder, done = root / name, root / f"{name}.done"
    with FileLock(root / f"{name}.lock"):
        if not done.exists():
            if folder.exists():  # a worker died half-way: start again
                shutil.rmtree(folder)
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The world `redflags demo` scans (the generator's demo scale, the demo's seed), with its
    truth/. Read-only: copy it to change it."""
    return shared_folder(
        tmp_path_factory, "demo-data", lambda out: generate_world(out, DEMO_SCALE, DEMO_SEED)
    )


@pytest.fixture(scope="session")
def demo_world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated world at the smallest scale, seed 3: every typology once, with background."""
    return shared_folder(
        tmp_path_factory, "world-demo-3", lambda out: generate_world(out, "demo", seed=3)
    )


@pytest.fixture(scope="session")
def demo_scan(tmp_path_factory: pytest.TempPathFactory, demo_data: Path) -> ScanResult:
    """`demo_data` scanned with default options; tests only read the result and its run folder."""
    out = tmp_path_factory.mktemp("demo-scan") / "run"
    return run_scan([demo_data], ScanOptions(out=out, redaction_key=b"k"))


@pytest.fixture(scope="session")
def demo_world_evaluation(
    tmp_path_factory: pytest.TempPathFactory, demo_world: Path
) -> EvaluationResult:
    """`demo_world` scanned with default options and measured against its truth (the scan is
    `.scan`); tests only read the result and its run folder."""
    out = tmp_path_factory.mktemp("world-evaluation") / "run"
    return run_evaluation(demo_world, ScanOptions(out=out, redaction_key=b"k"))


__all__ = ["TABLE_KINDS", "RecordKind", "load_records", "shared_folder"]
