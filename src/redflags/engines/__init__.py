"""Where detectors read data: DuckDB embedded by default (Spark at scale comes later)."""

from redflags.engines.duckdb_engine import DuckDBEngine, Engine

__all__ = ["DuckDBEngine", "Engine"]
