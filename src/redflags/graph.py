"""Connected components of things joined by shared keys. A leaf utility: imports nothing
from the package, so every stage may use it."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

import rustworkx as rx

T = TypeVar("T", bound=Hashable)


def components_by_shared_keys(
    keys_of: Mapping[T, Iterable[Hashable]],
) -> list[list[T]]:
    """Group items that share at least one key, transitively. Each group is sorted; groups
    are ordered by their first member."""
    graph = rx.PyGraph()
    index: dict[T, int] = {item: graph.add_node(item) for item in keys_of}
    first_holder: dict[Hashable, int] = {}
    for item, keys in keys_of.items():
        node = index[item]
        for key in keys:
            holder = first_holder.setdefault(key, node)
            if holder != node:
                graph.add_edge(holder, node, None)
    groups = [
        sorted((graph[n] for n in component), key=str)
        for component in rx.connected_components(graph)
    ]
    return sorted(groups, key=lambda g: str(g[0]))


def connected_components(nodes: Iterable[T], edges: Iterable[tuple[T, T]]) -> list[list[T]]:
    """Connected components of an explicit graph; nodes only reachable through `edges` are
    added. Each component is sorted; components are ordered by their first member."""
    graph = rx.PyGraph()
    index: dict[T, int] = {}
    for node in nodes:
        if node not in index:
            index[node] = graph.add_node(node)
    for a, b in edges:
        for node in (a, b):
            if node not in index:
                index[node] = graph.add_node(node)
        graph.add_edge(index[a], index[b], None)
    groups = [
        sorted((graph[n] for n in component), key=str)
        for component in rx.connected_components(graph)
    ]
    return sorted(groups, key=lambda g: str(g[0]))


def leiden_communities(
    edges: Sequence[tuple[str, str, float]],
    resolution: float = 1.0,
    seed: int = 42,
    randomness: float = 0.001,
    trials: int = 1,
) -> tuple[float, dict[str, int]]:
    """Leiden communities (graspologic-native, modularity quality) of an undirected weighted
    graph given as edges between string node names. Returns (modularity, node -> community);
    community ids start at 0. The same edges, parameters and seed give the same result."""
    from graspologic_native import leiden

    if not edges:
        return 0.0, {}
    quality, partition = leiden(
        edges=list(edges),
        resolution=resolution,
        randomness=randomness,
        seed=seed,
        trials=trials,
        use_modularity=True,
    )
    return float(quality), dict(partition)
