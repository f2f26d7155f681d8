"""The truth of a blind world (tests/blind/worlds/*/truth.yaml), resolved against a scan's store.

A blind world is written by someone who never saw the generator or the detectors, in its own
export formats; its truth names each network's and look-alike's rows by the file they are in and
either their id (the value of the file's id column) or their 1-based data line (the header not
counted). After the world is ingested through descriptors, each such row is found in the store
by the file it came from (`_file`) and its id or line (`_line`), giving the "kind:id" keys the
metrics use. Rows that were quarantined, or that the descriptors do not read, are counted as
unresolved and reported; nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from redflags.evaluation.truth import TruthError, WorldTruth
from redflags.model.records import KIND_TABLES, RecordKind
from redflags.store import Store
from redflags.store.sql import quote_identifier

TRUTH_FILE = "truth.yaml"
_HEADERLESS = (".jsonl", ".json", ".ndjson", ".txt")  # .txt: a WhatsApp export


@dataclass(frozen=True)
class BlindNetwork:
    network_id: str
    positive: bool
    typology: str
    description: str
    indicators: tuple[str, ...]
    members: dict[str, list[str | int]]  # file (relative to the world) -> ids or data lines


@dataclass
class Resolved:
    truth: WorldTruth
    unresolved: dict[str, int] = field(default_factory=dict)  # network -> rows not found


def is_blind_world(world: Path) -> bool:
    return (world / TRUTH_FILE).is_file() and not (world / "truth").is_dir()


LIST_KEYS = ("networks", "groups", "entities")


def load_blind_truth(world: Path) -> tuple[dict[str, Any], list[BlindNetwork]]:
    path = world / TRUTH_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        networks = [
            BlindNetwork(
                network_id=str(n["id"]),
                positive=bool(n["positive"]),
                typology=str(n.get("typology", "")),
                description=str(n.get("description", "")),
                indicators=tuple(n.get("indicators") or ()),
                members={str(f): list(v or ()) for f, v in (n.get("members") or {}).items()},
            )
            # "networks" as the brief asked; some writers called them "groups" or "entities"
            for n in data[next(k for k in LIST_KEYS if k in data)]
        ]
    except (OSError, yaml.YAMLError, KeyError, TypeError, StopIteration) as exc:
        raise TruthError(f"{path}: not a readable blind truth ({exc.__class__.__name__})") from None
    meta = {k: v for k, v in data.items() if k not in LIST_KEYS}
    return meta, networks


def resolve(
    world_meta: dict[str, Any], networks: list[BlindNetwork], store: Store, data_dir: Path
) -> Resolved:
    """The truth as `kind:id` keys, by looking each member row up in the store."""
    index = _row_index(store, data_dir)
    records: dict[str, str | None] = {}
    unresolved: dict[str, int] = {}
    for network in networks:
        missing = 0
        for file, members in network.members.items():
            name = Path(file).name
            by_id, by_line = index.get(name, ({}, {}))
            for member in members:
                key = by_line.get(member) if isinstance(member, int) else by_id.get(str(member))
                if key is None:
                    missing += 1
                else:
                    records[key] = network.network_id
        if missing:
            unresolved[network.network_id] = missing
    truth = WorldTruth(
        world={"blind": True, **world_meta},
        networks={
            n.network_id: {
                "network_id": n.network_id,
                "typology": n.typology,
                "positive": n.positive,
                "hard_negative": not n.positive,
                "description": n.description,
            }
            for n in networks
        },
        records=records,
        expected={},
        entities=[],
    )
    return Resolved(truth=truth, unresolved=unresolved)


def _row_index(store: Store, data_dir: Path) -> dict[str, tuple[dict[str, str], dict[int, str]]]:
    """file name -> ({source id: key}, {data line: key}) for every stored record."""
    index: dict[str, tuple[dict[str, str], dict[int, str]]] = {}
    for kind in RecordKind:
        table, id_field = KIND_TABLES[kind]
        rows = store.connection.execute(
            f"SELECT {quote_identifier(id_field)}, _file, _line "
            f"FROM {quote_identifier(table)} WHERE _file IS NOT NULL"
        ).fetchall()
        for record_id, file, line in rows:
            path = Path(file)
            if data_dir not in path.parents:
                continue
            by_id, by_line = index.setdefault(path.name, ({}, {}))
            key = f"{kind.value}:{record_id}"
            by_id[str(record_id)] = key
            if line is not None:
                header = 0 if path.suffix.lower() in _HEADERLESS else 1
                by_line[int(line) - header] = key
    return index
