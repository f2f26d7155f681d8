"""How an ingest is shown to a user: each file named by its path under the input, the
per-file summary with that name, and the quarantine grouped by reason.

Read by the surfaces (the ingest stage, stages/ingest.py, for run.json and the report; cli.py
for the terminal).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from redflags.ingest import IngestReport
from redflags.ingest.discover import kind_from_name
from redflags.store import Store


def file_labels(inputs: Sequence[Path], files: Iterable[Path | str]) -> dict[str, str]:
    """A name to show for each input file: its path relative to the input it was found under
    (`bank/transactions/part-00000.csv`), so part files and files of the same name in different
    folders are told apart. A file given directly, or a part folder, counts from its parent.
    Keys are the files as ingest reports name them (str of the path)."""
    roots: list[Path] = []
    for item in inputs:
        path = Path(item)
        whole = path.is_dir() and kind_from_name(path) is None
        roots.append(Path(os.path.abspath(path if whole else path.parent)))
    labels: dict[str, str] = {}
    for file in files:
        absolute = Path(os.path.abspath(file))
        under = [r for r in roots if r in absolute.parents]
        deepest = max(under, key=lambda r: len(r.parts)) if under else None
        labels[str(file)] = absolute.relative_to(deepest).as_posix() if deepest else str(file)
    taken = Counter(labels.values())
    return {file: (label if taken[label] == 1 else file) for file, label in labels.items()}


def ingest_summary(report: IngestReport, labels: Mapping[str, str]) -> str:
    """IngestReport.summary() naming the file by its label (not just its base name)."""
    text = report.summary()
    name = Path(report.file).name if report.file else None
    if name is None or not text.startswith(name):
        return text
    return labels.get(str(report.file), str(report.file)) + text[len(name) :]


# Values pasted into quarantine reasons: quoted (possibly cut short with "..."), or after
# pydantic's ", got"; and line or column numbers. Taken out, reasons of one kind group together
# and outputs never repeat a raw value (which may be an identifier).
_QUOTED = re.compile(
    r"""'(?:[^'\\]|\\.)*?\.\.\.(?=;|$)|"(?:[^"\\]|\\.)*?\.\.\.(?=;|$)"""
    r"""|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\""""
)
_GOT = re.compile(r", got [^;]*")
_NUMBERED = re.compile(r"\b(line|column|row) \d+")
QUARANTINE_REASONS_KEPT = 20  # per file, in run.json; the rest are counted as other_reasons


def reason_pattern(reason: str) -> str:
    """A quarantine reason without the values it quotes: `amount: not a number '12,5x'` ->
    `amount: not a number …`."""
    text = _QUOTED.sub("…", reason)
    text = _GOT.sub(", got …", text)
    return _NUMBERED.sub(r"\1 N", text)


def quarantine_summary(
    store: Store, reports: Sequence[IngestReport], labels: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Per file that quarantined rows in this run: the reasons grouped (by reason_pattern) with
    their counts and first three line numbers, most frequent first."""
    summary: list[dict[str, Any]] = []
    for report in reports:
        if not report.quarantined or report.skipped_file:
            continue
        # this run's rows of the file are the last ones appended (a kept store may hold rows of
        # an earlier version of the same file)
        cursor = store.connection.execute(
            "SELECT reason, _line FROM (SELECT reason, _line, rowid AS r FROM quarantine "
            "WHERE _source = ? AND kind = ? AND _file IS NOT DISTINCT FROM ? "
            "ORDER BY rowid DESC LIMIT ?) ORDER BY _line NULLS LAST, r",
            [report.source, report.kind.value, report.file, report.quarantined],
        )
        label = labels.get(report.file, report.file) if report.file else None
        summary.append(_grouped(cursor, label, report.source, report.kind.value))
    return summary


def stored_quarantine(
    store: Store, source: str | None = None, kept: int = QUARANTINE_REASONS_KEPT
) -> list[dict[str, Any]]:
    """Everything a store holds in quarantine (every ingest, not only the last), per source,
    kind and file, grouped like `quarantine_summary` (`redflags quarantine show`)."""
    files = store.connection.execute(
        "SELECT _source, kind, _file FROM quarantine WHERE ? IS NULL OR _source = ? "
        "GROUP BY ALL ORDER BY _source, kind, _file NULLS FIRST",
        [source, source],
    ).fetchall()
    summary = []
    for name, kind, file in files:
        cursor = store.connection.execute(
            "SELECT reason, _line FROM quarantine WHERE _source = ? AND kind = ? "
            "AND _file IS NOT DISTINCT FROM ? ORDER BY _line NULLS LAST, rowid",
            [name, kind, file],
        )
        summary.append(_grouped(cursor, file, name, kind, kept))
    return summary


def _grouped(
    cursor: Any, file: str | None, source: str, kind: str, kept: int = QUARANTINE_REASONS_KEPT
) -> dict[str, Any]:
    """Reasons of one file grouped by pattern, with counts and their first three lines."""
    groups: dict[str, dict[str, Any]] = {}
    total = 0
    while batch := cursor.fetchmany(10_000):
        for reason, line in batch:
            total += 1
            pattern = reason_pattern(reason)
            group = groups.setdefault(pattern, {"reason": pattern, "count": 0, "lines": []})
            group["count"] += 1
            if line is not None and len(group["lines"]) < 3:
                group["lines"].append(line)
    ordered = sorted(groups.values(), key=lambda g: -g["count"])
    shown = ordered[:kept]
    return {
        "file": file,
        "source": source,
        "kind": kind,
        "quarantined": total,
        "reasons": shown,
        "other_reasons": sum(g["count"] for g in ordered[len(shown) :]),
    }
