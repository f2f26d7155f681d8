"""Apache Spark as the engine for the aggregate indicators, for data that outgrows one machine.

The store's record tables are written once to Parquet and read by Spark, so the same rendered
definitions run over the same rows as on DuckDB. Any master URL works (`local[2]` by default);
with a cluster, `workdir` must be storage every executor can read. Per-record detectors (text,
images) still read the DuckDB store in this process: they are Python code, not SQL.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from redflags.engines.dialect import render
from redflags.engines.duckdb_engine import DuckDBEngine, Params
from redflags.model import KIND_TABLES, RecordKind
from redflags.store.sql import quote_identifier, quote_literal


class SparkUnavailable(RuntimeError):
    """pyspark or a Java runtime is missing; the message says what to install."""


def _log_config() -> str:
    return str(resources.files("redflags.engines") / "resources" / "log4j2.properties")


LOOPBACK = "127.0.0.1"


def on_loopback(master: str) -> bool:
    """Local mode, or a standalone master on this machine's loopback address."""
    host = urlsplit(master).hostname if "://" in master else None
    return master.startswith("local") or host in (LOOPBACK, "localhost")


def spark_session(master: str = "local[2]", app: str = "redflags") -> Any:
    """A SparkSession bound to loopback unless the master says otherwise, in UTC, UI off."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkUnavailable(
            "the Spark engine needs pyspark: pip install 'redflags[spark]' (and Java 17+)"
        ) from None
    loopback = on_loopback(master)
    if loopback:
        # Nothing may listen on or talk to other addresses in local mode (or with a master
        # on this machine's loopback, as the cluster test starts).
        os.environ.setdefault("SPARK_LOCAL_IP", LOOPBACK)
    java_options = f"-Dlog4j2.configurationFile=file:{_log_config()}"
    builder = (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.extraJavaOptions", java_options)
    )
    if loopback:
        builder = builder.config("spark.driver.bindAddress", LOOPBACK).config(
            "spark.driver.host", LOOPBACK
        )
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # the JVM failed to start: say so in one line
        raise SparkUnavailable(f"cannot start Spark ({master}): {exc}") from None
    session.sparkContext.setLogLevel("ERROR")
    size_shuffles(session)
    return session


# Below this many rows in all, a statement's cost is the JVM's per-statement work, not data:
# one shuffle partition, no adaptive re-planning and no generated code (docs/performance.md,
# "Spark"). JVM CPU on local[2], the parity store (~9k rows, 33 definitions): 88 s with
# codegen, AQE and 4 partitions, 59 s without codegen, 42 s also without AQE on one partition;
# the 22 FIN definitions over 1.08M rows: 244 s against 176 s. Not measured beyond that.
SMALL_ROWS = 2_000_000


def size_shuffles(session: Any, rows: int | None = None) -> None:
    """Shuffle partitions and code generation sized to the data.

    Large (or unknown) data: two partitions per core Spark has, with adaptive execution to merge
    the small ones (the default 200 partitions per shuffle cost more in task overhead than the
    work). Up to SMALL_ROWS rows: one partition, AQE off, and expressions interpreted rather
    than compiled: compiling each plan's Java code costs more CPU than running it, and the
    driver threads (`concurrent_statements`) keep the cores busy instead of partitions."""
    small = rows is not None and rows < SMALL_ROWS
    cores = max(1, int(session.sparkContext.defaultParallelism))
    session.conf.set("spark.sql.shuffle.partitions", "1" if small else str(2 * cores))
    session.conf.set("spark.sql.adaptive.enabled", str(not small).lower())
    session.conf.set("spark.sql.adaptive.coalescePartitions.enabled", str(not small).lower())
    session.conf.set("spark.sql.codegen.wholeStage", str(not small).lower())
    session.conf.set("spark.sql.codegen.factoryMode", "NO_CODEGEN" if small else "FALLBACK")


def _utc(value: Any) -> Any:
    # Spark hands back naive timestamps in the session zone (UTC); DuckDB gives aware ones.
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    if isinstance(value, list):
        return [_utc(v) for v in value]
    return value


class SparkEngine:
    """Runs the aggregate definitions with Spark SQL over Parquet copies of the store's tables."""

    name = "spark"
    # Definitions run from this many driver threads at once (stages/aggregates_ahead.py): while
    # one statement is planned in the driver, another's tasks run on the executors.
    concurrent_statements = 2

    def __init__(
        self,
        connection: duckdb.DuckDBPyConnection,
        workdir: Path,
        master: str = "local[2]",
        session: Any = None,
    ) -> None:
        self._local = DuckDBEngine(connection)  # per-record detectors read here
        self.session = session or spark_session(master)
        self.workdir = workdir
        self._tables: set[str] = set()
        workdir.mkdir(parents=True, exist_ok=True)
        rows = 0
        for table, _ in KIND_TABLES.values():
            target = workdir / f"{table}.parquet"
            quoted = quote_identifier(table)
            connection.execute(f"COPY {quoted} TO {quote_literal(str(target))} (FORMAT parquet)")
            counted = connection.execute(f"SELECT count(*) FROM {quoted}").fetchone()
            rows += int(counted[0]) if counted else 0
            self.session.read.parquet(str(target)).createOrReplaceTempView(table)
        self.rows = rows
        size_shuffles(self.session, rows)

    def sql(self, definition: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        statement = render(definition, params or {}, "spark")
        return [
            {k: _utc(v) for k, v in row.asDict(recursive=True).items()}
            for row in self.session.sql(statement).collect()
        ]

    def materialise(
        self, table: str, definition: str, params: Mapping[str, Any] | None = None
    ) -> None:
        """Computed once, now, and kept in executor memory (spilling to disk): every indicator
        that reads it reads the cached rows rather than re-running its plan."""
        frame = self.session.sql(render(definition, params or {}, "spark"))
        self._keep(table, frame)

    def register(self, table: str, data: pa.Table) -> None:
        # Small lookup tables (merchant groups): through Parquet, so types map as for records.
        target = self.workdir / f"{table}.parquet"
        pq.write_table(data, target)
        self._keep(table, self.session.read.parquet(str(target)))

    def _keep(self, table: str, frame: Any) -> None:
        from pyspark import StorageLevel

        if table in self._tables:  # replaced: free the old copy first
            self.session.catalog.uncacheTable(table)
        frame.persist(StorageLevel.MEMORY_AND_DISK).createOrReplaceTempView(table)
        frame.count()  # build it now, in one job, not inside the first indicator's query
        self._tables.add(table)

    def has(self, table: str) -> bool:
        return table in self._tables

    def query(self, sql: str, params: Params = None) -> list[dict[str, Any]]:
        return self._local.query(sql, params)

    def records(
        self, kind: RecordKind, columns: Sequence[str] | None = None, where: str | None = None
    ) -> Iterator[dict[str, Any]]:
        return self._local.records(kind, columns, where)
