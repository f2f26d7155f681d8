"""Shared fixtures: an in-memory store filled from example-style record dicts, and the worlds
and scans that many modules read (made once per test run; see docs/testing.md)."""

from __future__ import annotations

import functools
import json
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import typer.testing
from filelock import FileLock

from redflags.engines import DuckDBEngine
from redflags.evaluation.truth_schema import TRUTH_FOLDER
from redflags.generator import DEMO_SCALE, DEMO_SEED
from redflags.ingest import ingest_records
from redflags.model import KIND_TABLES, RecordKind
from redflags.pipeline import EvaluationResult, ScanOptions, ScanResult, run_evaluation, run_scan
from redflags.store import Store
from redflags_synth.world.generate import WorldSummary, _prepare, generate_world, resolve_scale

TABLE_KINDS = {table: kind for kind, (table, _) in KIND_TABLES.items()}
# Parsed catalogues are kept between processes (catalogue/parse_cache.py): in a folder of the
# test run's, never the user's home; subprocesses inherit it.
os.environ.setdefault("REDFLAGS_CACHE_DIR", tempfile.mkdtemp(prefix="redflags-test-cache-"))
# typer's CliRunner turns the Typer app into a click command at every invoke: ~0.1 s for the
# CLI's commands (thousands of signatures read), a third of a fuzz corpus case. The app does not
# change while the tests run, so each app is turned once (the command line does the same: once
# per process).
typer.testing._get_command = functools.cache(typer.testing._get_command)  # type: ignore[attr-defined]


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


def world_copier(
    world: Path, overrides: Mapping[str, int] | None = None
) -> Callable[..., WorldSummary]:
    """A stand-in for the generator's `generate_world` that copies `world` (generated with
    `overrides`) into `out`, for tests that run `redflags demo` or `serve --demo` where a world
    the run already made will do: the same bytes the generator would write for the same scale
    and seed, without generating them again."""

    def copy_world(
        out: Path, scale: str, seed: int, fmt: str = "parquet", overwrite: bool = False
    ) -> WorldSummary:
        _prepare(out, overwrite)  # the generator's own check of --out
        shutil.copytree(world, out, dirs_exist_ok=True)
        facts = json.loads((out / TRUTH_FOLDER / "world.json").read_text(encoding="utf-8"))
        return WorldSummary(
            out=out,
            seed=facts["seed"],
            scale=resolve_scale(scale, overrides),
            fmt=facts["format"],
            counts={kind: n["total"] for kind, n in facts["counts"].items()},
            typology_counts={kind: n["typology"] for kind, n in facts["counts"].items()},
            instances={t["name"]: t["instances"] for t in facts["typologies"]},
            networks=facts["networks"],
            images=facts["images"],
            seconds={},
        )

    return copy_world


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


# The typologies' records over a thin background: every typology once (hard negatives included),
# 6,800 rows against the demo scale's 14,600. The smallest world on which every aggregate
# indicator that a typology plants still fires (tests/test_engine_parity.py holds it to that).
THIN_BACKGROUND = {
    "customers": 100,
    "ads": 50,
    "messages": 50,
    "transactions": 500,
    "device_events": 100,
}


@pytest.fixture(scope="session")
def thin_world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`demo_world`'s typologies (seed 3) over THIN_BACKGROUND: for tests that need a world with
    cases and findings but not the background's volume. Read-only: copy it to change it."""
    return shared_folder(
        tmp_path_factory,
        "world-thin-3",
        lambda out: generate_world(out, "demo", seed=3, overrides=THIN_BACKGROUND),
    )


@pytest.fixture(scope="session")
def spark_cluster_running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A Spark standalone master and two one-core workers on 127.0.0.1 (tests/spark_cluster.py),
    started by the first test that asks and stopped, by process id, when the run ends."""
    from spark_cluster import spark_cluster

    with spark_cluster(tmp_path_factory.mktemp("spark-cluster")) as running:
        yield running


def shared_result(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]
) -> Any:
    """`make(folder / "run")` once per test run, its result pickled beside the run folder: every
    worker reads the same scan instead of making its own."""

    def make_and_keep(folder: Path) -> None:
        result = make(folder / "run")
        (folder / "result.pickle").write_bytes(pickle.dumps(result))

    folder = shared_folder(tmp_path_factory, name, make_and_keep)
    return pickle.loads((folder / "result.pickle").read_bytes())


@pytest.fixture(scope="session")
def demo_scan(tmp_path_factory: pytest.TempPathFactory, demo_data: Path) -> ScanResult:
    """`demo_data` scanned with default options; tests only read the result and its run folder."""
    result: ScanResult = shared_result(
        tmp_path_factory,
        "demo-scan",
        lambda out: run_scan([demo_data], ScanOptions(out=out, redaction_key=b"k")),
    )
    return result


@pytest.fixture(scope="session")
def demo_world_evaluation(
    tmp_path_factory: pytest.TempPathFactory, demo_world: Path
) -> EvaluationResult:
    """`demo_world` scanned with default options and measured against its truth (the scan is
    `.scan`); tests only read the result and its run folder."""
    result: EvaluationResult = shared_result(
        tmp_path_factory,
        "world-evaluation",
        lambda out: run_evaluation(demo_world, ScanOptions(out=out, redaction_key=b"k")),
    )
    return result


# -- how the work is shared between xdist workers (docs/testing.md) -------------------------------
# `--dist loadscope` hands out one module at a time, to whichever worker runs short, in collection
# order. The modules that take longest are collected first, so the many short ones even out the
# workers' ends (xdist's own order, most tests first, left a heavy module with few tests to the
# end of one worker). Most expensive first, as measured; a module not listed keeps its place.
HEAVY_FIRST = (  # summed seconds of a whole run on the idle machine, session 8 (docs/testing.md)
    "tests/test_engine_parity.py",  # a standalone Spark master, two workers and a scan on them
    "tests/test_fuzz_corpus.py",
    "tests/browser",  # one unit: one service and one Chromium per worker that runs any of it
    "tests/service/test_web_casework.py",
    "tests/service/test_service_jobs.py",
    "tests/test_spark_graph.py",
    "tests/service/test_web_pages.py",
    "tests/service/test_service_crash.py",
    "tests/test_synth_world.py",
    "tests/test_indicator_examples.py",
    "tests/service/test_service_cases.py",
    "tests/test_fuzz_targets.py",
    "tests/test_redaction_leaks.py",
    "tests/test_synth_typologies.py",
    "tests/test_demo_scan.py",
    "tests/test_filing_goaml.py",
    "tests/test_blind_sets.py",
    "tests/test_hostile_cli.py",
    "tests/test_hostile_output.py",
    "tests/service/test_service_demo.py",
)


def _work_unit(nodeid: str) -> str:
    """What xdist keeps on one worker: a module, or the whole browser folder."""
    module = nodeid.split("::", 1)[0]
    return "tests/browser" if module.startswith("tests/browser/") else module


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {unit: i for i, unit in enumerate(HEAVY_FIRST)}
    items.sort(key=lambda item: rank.get(_work_unit(item.nodeid), len(rank)))  # stable


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: fine without it (-p no:xdist)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """loadscope with the browser folder as one unit (its session fixtures start a service and
    a Chromium on each worker that runs a browser test) and in the collection order above."""
    if config.getoption("dist", None) != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class HeavyFirstScheduling(LoadScopeScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.startswith("tests/browser/"):
                return "tests/browser"
            return str(super()._split_scope(nodeid))

    config.option.loadscopereorder = False  # keep the order of pytest_collection_modifyitems
    return HeavyFirstScheduling(config, log)


__all__ = [
    "TABLE_KINDS",
    "THIN_BACKGROUND",
    "RecordKind",
    "load_records",
    "shared_folder",
    "shared_result",
    "world_copier",
]
