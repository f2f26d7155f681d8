"""Connected components as Spark DataFrames: the linker's grouping, for graphs past one machine.

Records that share a pivot are one group (`graph.components_by_shared_keys` on one machine).
Here the record-pivot pairs stay a DataFrame and the components come from alternating
large-star and small-star rounds (Kiveris et al., "Connected Components in MapReduce and
Beyond", 2014): each round is a few joins and group-bys, the number of rounds grows with the
logarithm of the graph's size, and no JAR beyond pyspark's is needed (GraphFrames is one).
When no edge changes, every node points straight at the smallest node of its component, which
is the component's label. Only the groups a caller keeps (those with findings) need to come
to the driver.
"""

from __future__ import annotations

from typing import Any

MAX_ROUNDS = 100  # log-squared rounds in theory; a guard, never reached on real graphs


def _both_ways(edges: Any) -> Any:
    from pyspark.sql import functions as F

    reverse = edges.select(F.col("b").alias("a"), F.col("a").alias("b"))
    return edges.unionByName(reverse)


def _large_star(edges: Any) -> Any:
    """Every node's larger neighbours move to the smallest node of its neighbourhood."""
    from pyspark.sql import functions as F

    both = _both_ways(edges)
    smallest = both.groupBy("a").agg(F.least(F.col("a"), F.min("b")).alias("m"))
    return (
        both.where(F.col("b") > F.col("a"))
        .join(smallest, "a")
        .select(F.col("b").alias("a"), F.col("m").alias("b"))
        .distinct()
    )


def _small_star(edges: Any) -> Any:
    """Every node and its smaller neighbours move to the smallest of them."""
    from pyspark.sql import functions as F

    smaller = _both_ways(edges).where(F.col("b") < F.col("a"))
    smallest = smaller.groupBy("a").agg(F.min("b").alias("m"))
    moved = smaller.join(smallest, "a")
    return (
        moved.select(F.col("b").alias("a"), F.col("m").alias("b"))
        .unionByName(moved.select("a", F.col("m").alias("b")))
        .where(F.col("a") != F.col("b"))
        .distinct()
    )


def _same(left: Any, right: Any) -> bool:
    # both sides are sets of edges: equal when the difference both ways is empty, asked in
    # one job rather than two
    return bool(left.exceptAll(right).unionByName(right.exceptAll(left)).isEmpty())


def component_labels(edges: Any) -> Any:
    """(node, label) for every node of `edges` (columns `a`, `b`, comparable values): the label
    is the smallest node of the node's component. Each round is checkpointed so that the plan
    does not grow with the rounds."""
    from pyspark.sql import functions as F

    current = edges.select("a", "b").where(F.col("a") != F.col("b")).distinct().localCheckpoint()
    for _ in range(MAX_ROUNDS):
        following = _small_star(_large_star(current)).localCheckpoint()
        if _same(current, following):
            break
        current = following
    else:  # pragma: no cover - the guard above
        raise RuntimeError(f"connected components did not settle in {MAX_ROUNDS} rounds")
    pointed = current.select(F.col("a").alias("node"), F.least("a", "b").alias("label"))
    roots = current.select(F.col("b").alias("node"), F.col("b").alias("label"))
    return pointed.unionByName(roots).groupBy("node").agg(F.min("label").alias("label"))


def components_by_shared_keys(pairs: Any) -> Any:
    """(item, component) for a DataFrame of (item, key) pairs: items that share a key,
    transitively, have one component, the smallest item among them. Items and keys are
    strings; they are told apart by a prefix so an item never meets a key of the same text."""
    from pyspark.sql import functions as F

    edges = pairs.select(
        F.concat(F.lit("i"), F.col("item").cast("string")).alias("a"),
        F.concat(F.lit("k"), F.col("key").cast("string")).alias("b"),
    )
    labels = component_labels(edges)
    items = labels.where(F.col("node").startswith("i")).select(
        F.expr("substring(node, 2)").alias("item"), "label"
    )
    # the label may be a key: name each component by its smallest item instead
    first_item = items.groupBy("label").agg(F.min("item").alias("component"))
    return items.join(first_item, "label").select("item", "component")
