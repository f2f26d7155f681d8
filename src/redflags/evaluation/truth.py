"""Read a world's truth/ folder (written by `redflags synth`)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from redflags.evaluation.truth_schema import (
    ENTITIES_FILE,
    NETWORKS_FILE,
    RECORDS_FILE,
    TRUTH_FOLDER,
    WORLD_FILE,
)


class TruthError(Exception):
    """The world folder has no usable truth/ (one line, names the file)."""


@dataclass(frozen=True)
class WorldTruth:
    world: dict[str, Any]
    networks: dict[str, dict[str, Any]]  # network_id -> row
    records: dict[str, str | None]  # "kind:id" -> network_id
    expected: dict[str, set[str]]  # indicator id -> {"kind:id"}
    entities: list[dict[str, Any]]

    def network_records(self) -> dict[str, set[str]]:
        by_network: dict[str, set[str]] = defaultdict(set)
        for record, network in self.records.items():
            if network is not None:
                by_network[network].add(record)
        return dict(by_network)


def _table(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise TruthError(f"{path}: missing; is this a world written by `redflags synth`?")
    try:
        rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise TruthError(
            f"{path}: not a readable Parquet file ({exc.__class__.__name__})"
        ) from None
    return rows


def load_truth(world: Path) -> WorldTruth:
    folder = world / TRUTH_FOLDER
    meta_path = folder / WORLD_FILE
    world_meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
    networks = {row["network_id"]: row for row in _table(folder / NETWORKS_FILE)}
    records: dict[str, str | None] = {}
    expected: dict[str, set[str]] = defaultdict(set)
    for row in _table(folder / RECORDS_FILE):
        key = f"{row['kind']}:{row['record_id']}"
        records[key] = row["network_id"]
        for indicator in row["expected_indicators"] or []:
            expected[indicator].add(key)
    return WorldTruth(
        world=world_meta,
        networks=networks,
        records=records,
        expected=dict(expected),
        entities=_table(folder / ENTITIES_FILE),
    )
