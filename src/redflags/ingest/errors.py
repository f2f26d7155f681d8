"""The one error a caller of ingest needs to handle."""

from __future__ import annotations

from pathlib import Path

# A problem text may quote attacker-written bytes (a column name, a library's message about a
# broken file); this much is plenty to say what is wrong.
MAX_PROBLEM_CHARS = 500


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str, limit: int = MAX_PROBLEM_CHARS) -> str:
    """`text` on one line, without control characters (a terminal would obey an escape
    sequence in a file name), at most `limit` characters."""
    flat = " ".join(text.split())
    safe = "".join(c if c.isprintable() else _escape(c) for c in flat)
    return safe if len(safe) <= limit else safe[: limit - 3] + "..."


class IngestError(Exception):
    """A whole file (or descriptor) cannot be ingested. str() is one line naming file and problem.

    Row-level problems never raise: those rows go to quarantine.
    """

    def __init__(self, file: str | Path | None, problem: str) -> None:
        self.file = one_line(str(file), 1000) if file is not None else None
        # One line, always: the message is shown to analysts without a traceback.
        self.problem = one_line(problem)
        super().__init__(f"{self.file}: {self.problem}" if self.file else self.problem)


class DescriptorError(IngestError):
    """A source descriptor is invalid; the message names file:line when it can."""


class IngestProblems(IngestError):
    """Several files could not be ingested: all of them are said at once (the other files were
    ingested, each in its own transaction). One problem alone is raised as itself."""

    def __init__(self, problems: list[IngestError]) -> None:
        self.problems = problems
        count = len(problems)
        super().__init__(
            None,
            f"{count} files could not be ingested (the others were): "
            + "; ".join(str(p) for p in problems),
        )
        self.summary = f"{count} files could not be ingested (the others were)"
