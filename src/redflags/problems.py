"""The one line that explains a problem with the data, the options or the machine: what the
command line prints after `error:` and what a failed scan job of the service shows. None means
anything else (a bug), which gets "internal error" and a traceback only where it is safe."""

from __future__ import annotations

import duckdb
from pydantic import ValidationError

from redflags.catalogue import CatalogueError
from redflags.ingest import DescriptorError, IngestError
from redflags.runfolder import RunFolderError
from redflags.store import StoreError

# A file or folder the user gave cannot be used (each says which and why, in one line).
DATA_ERRORS = (IngestError, DescriptorError, CatalogueError, StoreError, RunFolderError)


def problem_line(exc: BaseException) -> str | None:
    """The one line for `exc`, or None when it is not a known kind of problem (a bug)."""
    # imported here: the command line starts without loading the pipeline
    from redflags.cases.baseline import BaselineError
    from redflags.evaluation.truth import TruthError
    from redflags.generator import GeneratorMissing, WorldError
    from redflags.outside.amlsim import AmlsimError
    from redflags.stages.context import ScanError

    if isinstance(exc, CatalogueError):
        return "the catalogue has problems: " + "; ".join(exc.problems)
    known = (
        *DATA_ERRORS,
        ScanError,
        BaselineError,
        TruthError,
        AmlsimError,
        WorldError,
        GeneratorMissing,
    )
    if isinstance(exc, known):
        return str(exc)
    if isinstance(exc, ValidationError):
        parts = []
        for error in exc.errors(include_url=False):
            where = ".".join(str(p) for p in error["loc"]) or "value"
            got = error.get("input")
            shown = f", got {got!r}" if isinstance(got, str | int | float) else ""
            parts.append(f"{where}: {error['msg']}{shown}")
        return f"invalid {exc.title}: " + "; ".join(parts)
    if isinstance(exc, duckdb.OutOfMemoryException):
        return (
            "ran out of memory; set --memory-limit below the machine's memory so DuckDB "
            "spills to disk"
        )
    if isinstance(exc, MemoryError):
        return "ran out of memory"
    if isinstance(exc, duckdb.IOException | duckdb.PermissionException):
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, OSError):
        where = ": ".join(str(f) for f in (exc.filename, exc.filename2) if f is not None)
        what = exc.strerror or str(exc)
        return f"{where}: {what}" if where else what
    return None
