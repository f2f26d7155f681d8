"""A literal list membership renders as `IN (...)` for Spark (a hash set there), and gives the
same answer as DuckDB's `list_contains`, for NULL values too."""

from __future__ import annotations

import os
import shutil
from typing import Any

import duckdb
import pytest

from redflags.engines.dialect import render

MEMBERSHIP = "SELECT x, list_contains($wanted, x) AS hit FROM t ORDER BY x NULLS FIRST"
VALUES = ["a", "b", "c", None]
# More than ten values is where Spark's optimiser turns IN into a hash set. Parameter lists
# never hold NULL (the catalogue's lists, ids), and such a list is not rewritten.
WANTED = [["a", "b"], ["z"], [chr(ord("a") + i) for i in range(12)]]


def test_a_literal_list_becomes_an_in_list_for_spark_only() -> None:
    assert "x IN ('a', 'b')" in render(MEMBERSHIP, {"wanted": ["a", "b"]}, "spark")
    assert "IN (" not in render(MEMBERSHIP, {"wanted": ["a", "b"]})
    assert "ARRAY_CONTAINS(ARRAY()" in render(MEMBERSHIP, {"wanted": []}, "spark")


def _duckdb(wanted: list[Any]) -> list[tuple[Any, Any]]:
    connection = duckdb.connect()
    connection.execute("CREATE TABLE t AS SELECT unnest(?::VARCHAR[]) AS x", [VALUES])
    return [tuple(r) for r in connection.execute(render(MEMBERSHIP, {"wanted": wanted})).fetchall()]


@pytest.mark.spark
@pytest.mark.parametrize("wanted", WANTED)
def test_spark_answers_as_duckdb(wanted: list[Any]) -> None:
    pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("the Spark engine needs a Java runtime")
    from redflags.engines.spark_engine import spark_session

    session = spark_session("local[2]")
    session.createDataFrame([(v,) for v in VALUES], "x string").createOrReplaceTempView("t")
    rows = session.sql(render(MEMBERSHIP, {"wanted": wanted}, "spark")).collect()
    assert [(r["x"], r["hit"]) for r in rows] == _duckdb(wanted)
