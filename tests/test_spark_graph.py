"""Connected components on Spark (large-star / small-star rounds) equal the linker's own
(`graph.components_by_shared_keys`, rustworkx) on the same record-pivot pairs; and a local
session binds to loopback only. One local[2] session, sized for small data, serves the module."""

from __future__ import annotations

import os
import random
import shutil
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest

from redflags.graph import components_by_shared_keys as on_one_machine

pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("the Spark engine needs a Java runtime", allow_module_level=True)

from redflags.engines.spark_engine import size_shuffles, spark_session
from redflags.engines.spark_graph import components_by_shared_keys

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def session() -> Iterator[Any]:
    started = spark_session("local[2]")
    size_shuffles(started, rows=1_000)  # the graphs here are small: no codegen, one partition
    yield started
    started.stop()  # its executors and memory would otherwise stay beside later modules


def test_a_local_session_binds_to_loopback(session: Any) -> None:
    conf = session.sparkContext.getConf()
    assert conf.get("spark.driver.host") == "127.0.0.1"
    assert conf.get("spark.driver.bindAddress") == "127.0.0.1"
    assert os.environ["SPARK_LOCAL_IP"] == "127.0.0.1"


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


def test_random_graphs_give_the_same_groups(session: Any) -> None:
    """Two random graphs in one frame (the second's items and keys renamed apart, so they stay
    two graphs): groups of several records, records alone, keys shared by many."""
    pairs = _random_pairs(1, items=120, keys=90, pairs=135)
    pairs += [(f"S{item}", f"{key}'") for item, key in _random_pairs(2, 120, 90, 135)]
    expected = _on_one_machine(pairs)
    assert any(len(g) == 1 for g in expected), "some records alone"
    assert any(len(g) > 4 for g in expected), "some groups of several records"
    assert _on_spark(session, pairs) == expected


def test_a_long_chain_is_one_group(session: Any) -> None:
    """Record i shares a key with record i+1, in an order unlike the ids': the worst case for
    passing the smallest label along one neighbour per round."""
    order = list(range(64))
    random.Random(3).shuffle(order)
    pairs = [(f"R{order[i]:02d}", f"k{i}") for i in range(64)]
    pairs += [(f"R{order[i + 1]:02d}", f"k{i}") for i in range(63)]
    pairs += [("Z1", "alone"), ("Z2", "other")]
    on_spark = _on_spark(session, pairs)
    assert on_spark == _on_one_machine(pairs)
    assert len(on_spark) == 3
