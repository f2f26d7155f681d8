"""Connected components on Spark (large-star / small-star rounds) equal the linker's own
(`graph.components_by_shared_keys`, rustworkx) on the same record-pivot pairs."""

from __future__ import annotations

import os
import random
import shutil
from collections import defaultdict
from typing import Any

import pytest

from redflags.graph import components_by_shared_keys as on_one_machine

pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("the Spark engine needs a Java runtime", allow_module_level=True)

from redflags.engines.spark_engine import spark_session
from redflags.engines.spark_graph import components_by_shared_keys

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def session() -> Any:
    return spark_session("local[2]")


def _on_spark(session: Any, pairs: list[tuple[str, str]]) -> list[list[str]]:
    frame = session.createDataFrame(pairs, "item string, key string")
    groups: dict[str, list[str]] = defaultdict(list)
    for row in components_by_shared_keys(frame).collect():
        groups[row["component"]].append(row["item"])
    assert all(component == min(items) for component, items in groups.items())
    return sorted((sorted(items) for items in groups.values()), key=lambda g: g[0])


def _on_one_machine(pairs: list[tuple[str, str]]) -> list[list[str]]:
    keys: dict[str, list[str]] = defaultdict(list)
    for item, key in pairs:
        keys[item].append(key)
    return on_one_machine(keys)


def _random_pairs(seed: int, items: int, keys: int, pairs: int) -> list[tuple[str, str]]:
    chance = random.Random(seed)
    return [
        (f"R{chance.randrange(items):04d}", f"phone:{chance.randrange(keys)}") for _ in range(pairs)
    ]


@pytest.mark.parametrize("seed", [1, 2])
def test_random_graphs_give_the_same_groups(session: Any, seed: int) -> None:
    pairs = _random_pairs(seed, items=400, keys=300, pairs=450)
    expected = _on_one_machine(pairs)
    assert 1 < len(expected) < 400, "some groups of several records, some alone"
    assert _on_spark(session, pairs) == expected


def test_a_long_chain_is_one_group(session: Any) -> None:
    """Record i shares a key with record i+1, in an order unlike the ids': the worst case for
    passing the smallest label along one neighbour per round."""
    order = list(range(64))
    random.Random(3).shuffle(order)
    pairs = [(f"R{order[i]:02d}", f"k{i}") for i in range(64)]
    pairs += [(f"R{order[i + 1]:02d}", f"k{i}") for i in range(63)]
    pairs += [("Z1", "alone"), ("Z2", "other")]
    assert _on_spark(session, pairs) == _on_one_machine(pairs)
    assert len(_on_spark(session, pairs)) == 3
