"""Every aggregate indicator gives identical findings on DuckDB and on Spark, and a whole
`redflags scan` on a real standalone Spark cluster gives DuckDB's findings and cases.

One Spark run serves both: the parity store — the smallest world that exercises the aggregate
indicators (every typology once, hard negatives included, over a thin background) plus the
records of every aggregate indicator's catalogue examples, so each definition has rows that fire
and rows that must not — is scanned by the command line with `--engine spark --spark-master
spark://127.0.0.1:PORT` on a master and two one-core workers (tests/spark_cluster.py, a session
fixture in tests/conftest.py), and once on DuckDB, each in a process of its own. Each aggregate
indicator's findings are compared on their own (so a difference names its indicator), then the
whole findings and cases. The demo scale's full background (14,600 rows against 6,800) makes no
further aggregate indicator fire and only slows Spark;
`test_the_world_exercises_every_aggregate_indicator` holds the small world to that. Spark binds
to loopback only (SPARK_LOCAL_IP=127.0.0.1; `test_spark_graph.py` checks a local session's
addresses).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from redflags.catalogue import load_catalogue
from redflags.detectors import detector_for
from redflags.detectors.aggregate import AggregateDetector
from redflags.engines import DuckDBEngine
from redflags.ingest import discover, ingest_records, ingest_source
from redflags.model import KIND_TABLES
from redflags.store import Store

pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("the Spark engine needs a Java runtime", allow_module_level=True)

from spark_cluster import SparkCluster

pytestmark = pytest.mark.spark  # the slowest module: `-m "not spark"` leaves it out locally

CATALOGUE = load_catalogue()
TABLE_KINDS = {table: kind for kind, (table, _) in KIND_TABLES.items()}
AGGREGATE = [
    indicator.id
    for indicator in CATALOGUE
    if isinstance(detector_for(indicator), AggregateDetector)
]

# Aggregate indicators that no typology plants (yet): only their catalogue examples fire them.
EXAMPLE_ONLY = {
    "FIN-DEBT-REMITTANCE",
    "FIN-RECRUIT-FEES-DEDUCTIONS",
    "FIN-TRAVEL-FOR-OTHERS",
    "RCS-REMOTE-CONTROLLER",
}

REDFLAGS = Path(sys.executable).parent / "redflags"
SRC = Path(__file__).resolve().parents[1] / "src"
# Outputs that differ between two runs of the same code on the same data.
VOLATILE_KEYS = {
    "run_id",
    "created",
    "stages",
    "seconds",
    "peak_mb",
    "indicator_seconds",
    "first_seen",  # the clock of the baseline each scan keeps beside its copy of the store
}


def _firing(engine: DuckDBEngine) -> set[str]:
    return {i for i in AGGREGATE if list(detector_for(CATALOGUE.get(i)).evaluate(engine))}


@pytest.fixture(scope="module")
def parity_store(
    thin_world: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, set[str]]:
    """The parity store as a DuckDB file (`thin_world` and the examples), and the aggregate
    indicators that fired on the world before the catalogue examples were added."""
    path = tmp_path_factory.mktemp("parity") / "store.duckdb"
    with Store.open(path) as opened:
        for spec in discover([thin_world]):
            list(ingest_source(opened, spec))
        on_the_world = _firing(DuckDBEngine(opened.connection))
        for indicator_id in AGGREGATE:
            for index, example in enumerate(CATALOGUE.examples.get(indicator_id, ())):
                for table, rows in example.records.items():
                    source = f"example:{indicator_id}:{index}"
                    report = ingest_records(opened, TABLE_KINDS[table], rows, source=source)
                    assert report.quarantined == 0
    return path, on_the_world


def _scan(world: Path, store: Path, out: Path, *engine: str) -> subprocess.Popen[str]:
    """`redflags scan` of a copy of the parity store (the world is read again and is already
    in it), with identifiers in clear so that the values themselves are compared."""
    folder = out.parent / f"{out.name}-store"
    folder.mkdir()
    copy = folder / "store.duckdb"  # the scan writes its baseline beside the store
    shutil.copy(store, copy)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")])
    env["REDFLAGS_HOME"] = str(out.parent / f"{out.name}-home")
    env["REDFLAGS_REDACTION_KEY"] = "spark-cluster-test-redaction-key-0123456789"
    command = [str(REDFLAGS), "scan", str(world), "--db", str(copy), "--out", str(out)]
    return subprocess.Popen(
        [*command, "--all", "--reveal", *engine],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _finished(scan: subprocess.Popen[str], out: Path) -> dict[str, Any]:
    output, _ = scan.communicate()
    assert scan.returncode == 0, output[-6000:]
    return _outputs(out)


def _normal(value: Any, run_id: str) -> Any:
    if isinstance(value, dict):
        return {k: _normal(v, run_id) for k, v in value.items() if k not in VOLATILE_KEYS}
    if isinstance(value, list):
        return [_normal(v, run_id) for v in value]
    if isinstance(value, str):
        return value.replace(run_id, "<run>")
    return value


def _outputs(out: Path) -> dict[str, Any]:
    run_id = json.loads((out / "run.json").read_text(encoding="utf-8"))["run_id"]
    lines = (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    return {
        "findings": [_normal(json.loads(line), run_id) for line in lines],
        "cases": _normal(json.loads((out / "cases.json").read_text(encoding="utf-8")), run_id),
    }


@pytest.fixture(scope="module")
def scans(
    spark_cluster_running: SparkCluster,
    thin_world: Path,
    parity_store: tuple[Path, set[str]],
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, dict[str, Any]]:
    """The parity store scanned on the cluster and on DuckDB, at the same time."""
    root = tmp_path_factory.mktemp("scans")
    store = parity_store[0]
    master = ("--engine", "spark", "--spark-master", spark_cluster_running.master_url)
    on_spark = _scan(thin_world, store, root / "spark", *master)
    on_duckdb = _scan(thin_world, store, root / "duckdb")
    try:
        return {
            "duckdb": _finished(on_duckdb, root / "duckdb"),
            "spark": _finished(on_spark, root / "spark"),
        }
    finally:
        for scan in (on_spark, on_duckdb):
            if scan.poll() is None:
                scan.kill()
                scan.wait()


def _by_indicator(findings: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for finding in findings:
        grouped[finding["indicator_id"]].append(finding)
    return grouped


def test_the_world_exercises_every_aggregate_indicator(
    parity_store: tuple[Path, set[str]],
) -> None:
    """Every aggregate indicator fires on the world's own records, but those no typology plants;
    a world trimmed too far (or a typology that stops planting one) fails here."""
    _, on_the_world = parity_store
    assert set(AGGREGATE) - on_the_world <= EXAMPLE_ONLY


def test_there_are_aggregate_indicators_to_compare() -> None:
    assert len(AGGREGATE) >= 1


@pytest.mark.parametrize("indicator_id", AGGREGATE)
def test_duckdb_and_spark_agree(indicator_id: str, scans: dict[str, dict[str, Any]]) -> None:
    on_duckdb = _by_indicator(scans["duckdb"]["findings"]).get(indicator_id, [])
    on_spark = _by_indicator(scans["spark"]["findings"]).get(indicator_id, [])
    assert on_duckdb, f"{indicator_id}: no finding on the parity data, so nothing is compared"
    assert on_spark == on_duckdb


def test_a_scan_on_a_standalone_cluster_equals_duckdb(
    scans: dict[str, dict[str, Any]], spark_cluster_running: SparkCluster
) -> None:
    on_duckdb, on_spark = scans["duckdb"], scans["spark"]
    assert on_duckdb["findings"], "nothing found, so nothing is compared"
    assert on_duckdb["cases"]["cases"], "no case, so cases are not compared"
    assert on_spark["findings"] == on_duckdb["findings"]
    assert on_spark["cases"] == on_duckdb["cases"]
    completed = spark_cluster_running.completed_applications()
    assert completed == ["redflags"], "the scan ran on the cluster"
    assert spark_cluster_running.alive_workers() == 2
