"""Where detectors read data: DuckDB embedded by default, Spark for the aggregates at scale."""

from redflags.engines.dialect import SQLDefinitionError, render
from redflags.engines.duckdb_engine import DuckDBEngine, Engine

__all__ = ["DuckDBEngine", "Engine", "SQLDefinitionError", "render"]
