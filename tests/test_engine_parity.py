"""Every aggregate indicator gives identical findings on DuckDB and on Spark (local[2]).

The data: the smallest world that exercises them, every typology once (hard negatives included)
over a thin background, plus the records of every aggregate indicator's catalogue examples, so
each definition has rows that fire and rows that must not. The demo scale's full background
(14,600 rows against 6,800) makes no further aggregate indicator fire and only slows Spark;
`test_the_world_exercises_every_aggregate_indicator` holds the small world to that.
Spark binds to loopback only (SPARK_LOCAL_IP=127.0.0.1).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
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

from redflags.engines.spark_engine import SparkEngine

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


def _firing(engine: DuckDBEngine) -> set[str]:
    return {i for i in AGGREGATE if list(detector_for(CATALOGUE.get(i)).evaluate(engine))}


@pytest.fixture(scope="module")
def store(thin_world: Path) -> Iterator[tuple[Store, set[str]]]:
    """The parity store (`thin_world` and the examples), and the aggregate indicators that fired
    on the world before the catalogue examples were added."""
    with Store.open(None) as opened:
        for spec in discover([thin_world]):
            list(ingest_source(opened, spec))
        on_the_world = _firing(DuckDBEngine(opened.connection))
        for indicator_id in AGGREGATE:
            for index, example in enumerate(CATALOGUE.examples.get(indicator_id, ())):
                for table, rows in example.records.items():
                    source = f"example:{indicator_id}:{index}"
                    report = ingest_records(opened, TABLE_KINDS[table], rows, source=source)
                    assert report.quarantined == 0
        yield opened, on_the_world


@pytest.fixture(scope="module")
def engines(
    store: tuple[Store, set[str]], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Any, Any]]:
    connection = store[0].connection
    spark = SparkEngine(connection, tmp_path_factory.mktemp("spark"), master="local[2]")
    yield DuckDBEngine(connection), spark
    # the executors and their memory would otherwise stay beside the worker's later modules
    spark.session.stop()


def test_the_world_exercises_every_aggregate_indicator(store: tuple[Store, set[str]]) -> None:
    """Every aggregate indicator fires on the world's own records, but those no typology plants;
    a world trimmed too far (or a typology that stops planting one) fails here."""
    _, on_the_world = store
    assert set(AGGREGATE) - on_the_world <= EXAMPLE_ONLY


def test_spark_binds_to_loopback(engines: tuple[Any, Any]) -> None:
    conf = engines[1].session.sparkContext.getConf()
    assert conf.get("spark.driver.host") == "127.0.0.1"
    assert conf.get("spark.driver.bindAddress") == "127.0.0.1"
    assert os.environ["SPARK_LOCAL_IP"] == "127.0.0.1"


def test_there_are_aggregate_indicators_to_compare() -> None:
    assert len(AGGREGATE) >= 1


@pytest.mark.parametrize("indicator_id", AGGREGATE)
def test_duckdb_and_spark_agree(indicator_id: str, engines: tuple[Any, Any]) -> None:
    duck, spark = engines
    detector = detector_for(CATALOGUE.get(indicator_id))
    assert detector is not None
    on_duckdb = [f.model_dump() for f in detector.evaluate(duck)]
    on_spark = [f.model_dump() for f in detector.evaluate(spark)]
    assert on_duckdb, f"{indicator_id}: no finding on the parity data, so nothing is compared"
    assert on_spark == on_duckdb
