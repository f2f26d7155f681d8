"""`redflags scan --engine spark` against a real standalone cluster gives DuckDB's results.

A master and two one-core workers start on 127.0.0.1 (tests/spark_cluster.py), the same small
world is scanned once with `--spark-master spark://127.0.0.1:PORT` and once on DuckDB, each by
the command line in a process of its own, and the findings and cases must be identical. The
daemons are stopped when the module ends, whether or not the test passed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("the Spark cluster needs a Java runtime", allow_module_level=True)

from spark_cluster import SparkCluster, spark_cluster

pytestmark = pytest.mark.spark

REDFLAGS = Path(sys.executable).parent / "redflags"
SRC = Path(__file__).resolve().parents[1] / "src"
# Outputs that differ between two runs of the same code on the same data.
VOLATILE_KEYS = {"run_id", "created", "stages", "seconds", "peak_mb", "indicator_seconds"}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparkCluster]:
    with spark_cluster(tmp_path_factory.mktemp("cluster")) as running:
        yield running


@pytest.fixture(scope="module")
def world(thin_world: Path) -> Path:
    """The Spark tests' world: every typology once over a thin background (tests/conftest.py)."""
    return thin_world


def _scan(world: Path, out: Path, *engine: str) -> dict[str, Any]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")])
    env["REDFLAGS_HOME"] = str(out.parent / f"{out.name}-home")
    env["REDFLAGS_REDACTION_KEY"] = "spark-cluster-test-redaction-key-0123456789"
    done = subprocess.run(
        [str(REDFLAGS), "scan", str(world), "--out", str(out), "--all", *engine],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
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


def test_a_scan_on_a_standalone_cluster_equals_duckdb(
    cluster: SparkCluster, world: Path, tmp_path: Path
) -> None:
    on_spark = _scan(
        world, tmp_path / "spark", "--engine", "spark", "--spark-master", cluster.master_url
    )
    on_duckdb = _scan(world, tmp_path / "duckdb")
    assert on_duckdb["findings"], "nothing found, so nothing is compared"
    assert on_duckdb["cases"]["cases"], "no case, so cases are not compared"
    assert on_spark["findings"] == on_duckdb["findings"]
    assert on_spark["cases"] == on_duckdb["cases"]
    assert cluster.completed_applications() == ["redflags"], "the scan ran on the cluster"
    assert cluster.alive_workers() == 2
