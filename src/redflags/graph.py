"""Connected components of things joined by shared keys. A leaf utility: imports nothing
from the package, so every stage may use it."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
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
