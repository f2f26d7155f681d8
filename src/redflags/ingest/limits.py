"""Bounds on what one file may make ingest hold or do, so hostile input costs little.

Every bound is a setting (`IngestLimits`), threaded through `open_rows`, so a settings file or
CLI flag can change it. A row over a bound is quarantined with its reason and line; reading
resumes at the next line. See docs/data.md, "Limits and hostile input".
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

# Every number field (amounts, prices, incomes, head counts) must lie within +-1e12: a bank's
# largest plausible single value is far below it, and sums of values past it overflow towards
# infinity downstream. Both ingest paths (rows and the Parquet fast path) apply it.
MAX_ABS_NUMBER = 1e12
MAX_ABS_NUMBER_TEXT = "1e12"

# How much of a refused over-long line or field is kept in quarantine, in characters.
RAW_PREFIX_CHARS = 1000


class IngestLimits(BaseModel):
    """Per-file bounds for the readers. The defaults suit real exports with long ad texts."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_line_bytes: int = Field(default=8 * 1024 * 1024, gt=0)
    """A physical line (and a whole CSV record, however many lines it spans) may be this long."""
    max_field_bytes: int = Field(default=1024 * 1024, gt=0)
    """One CSV field or JSON string (UTF-8 bytes)."""
    max_record_lines: int = Field(default=200, gt=0)
    """Physical lines one CSV record may span (a quoted field with line breaks in it)."""
    max_nesting: int = Field(default=64, gt=0)
    """Nesting depth of a JSON Lines row (the row object itself is depth 1)."""
    batch_rows: int = Field(default=50_000, gt=0)
    """Rows per Parquet batch held in memory at once."""
