"""The world `redflags demo` scans, for tests: the generator's demo scale with the demo's seed,
generated once per test session and copied into each test's folder, and the questions tests ask
of its truth."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from redflags.evaluation.truth import WorldTruth, load_truth
from redflags.generator import DEMO_SCALE, DEMO_SEED
from redflags_synth.world.generate import generate_world

CASE1 = "case1_sexual_exploitation"


@cache
def _generated() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="redflags-demo-world-"))
    atexit.register(shutil.rmtree, folder, True)
    generate_world(folder / "world", DEMO_SCALE, DEMO_SEED)
    return folder / "world"


def write_demo_world(out: Path) -> Path:
    """A copy of the demo world (records, images and truth/) at `out`."""
    shutil.copytree(_generated(), out)
    return out


def entity_ids(truth: WorldTruth, typology: str, role: str, kind: str = "customer") -> list[str]:
    """The ids of one role's entities of one kind in the networks of a typology."""
    networks = {n for n, row in truth.networks.items() if row["typology"] == typology}
    return sorted(
        e["entity_id"]
        for e in truth.entities
        if e["network_id"] in networks and e["role"] == role and e["entity_kind"] == kind
    )


def case1_controller() -> dict[str, Any]:
    """The customer record of the demo's Case 1 controller (her name, phone, account)."""
    world = _generated()
    controller = entity_ids(load_truth(world), CASE1, "controller")[0]
    customers = pq.read_table(world / "customers").to_pylist()
    row: dict[str, Any] = next(c for c in customers if c["customer_id"] == controller)
    return row


def rewrite_records(
    world: Path, folder: str, change: Callable[[dict[str, Any]], dict[str, Any]]
) -> None:
    """Every record of one kind's Parquet parts passed through `change`, schema kept."""
    for part in sorted((world / folder).glob("*.parquet")):
        table = pq.read_table(part)
        rows = [change(row) for row in table.to_pylist()]
        pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), part)
