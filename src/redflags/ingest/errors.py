"""The one error a caller of ingest needs to handle."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A whole file (or descriptor) cannot be ingested. str() is one line naming file and problem.

    Row-level problems never raise: those rows go to quarantine.
    """

    def __init__(self, file: str | Path | None, problem: str) -> None:
        self.file = str(file) if file is not None else None
        # One line, always: the message is shown to analysts without a traceback.
        self.problem = " ".join(problem.split())
        super().__init__(f"{self.file}: {self.problem}" if self.file else self.problem)


class DescriptorError(IngestError):
    """A source descriptor is invalid; the message names file:line when it can."""
