"""A case's network for Cytoscape.js (static/network.js), in the reader's language: nodes (the
case's identifiers as tokens, with kind, role and the records that name them), edges (shared
identity, payments with their count and amount in words) and the groups a large network starts
collapsed into: the organisers, recruiters and workers with the accounts next to them stay,
everything else folds into one node per role or kind until it is opened."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from redflags.service.web import labels
from redflags.service.web.i18n import Formats

COLLAPSE_FROM = 40  # nodes: a network this large starts collapsed
CORE_ROLES = frozenset({"organiser", "recruiter", "worker"})
RECORDS_PER_NODE = 30


def _records_by_node(data: dict[str, Any]) -> dict[str, set[str]]:
    """The records that name each identifier: its role's, its edges', its findings'."""
    found: dict[str, set[str]] = defaultdict(set)
    for role in data.get("roles") or ():
        found[str(role.get("entity"))].update(role.get("records") or ())
    for edge in (data.get("network") or {}).get("edges") or ():
        for end in (edge.get("source"), edge.get("target")):
            found[str(end)].update(edge.get("records") or ())
    for finding in data.get("findings") or ():
        refs = {f"{e['kind']}:{e['record_id']}" for e in finding.get("evidence") or ()}
        for pivot in finding.get("pivots") or ():
            found[str(pivot)].update(refs)
    return found


def _edge_label(edge: dict[str, Any], gettext: Any, ngettext: Any, fmt: Formats) -> str:
    count = int(edge.get("count") or 1)
    number = fmt.number(count)
    if edge.get("kind") == "payment":
        times = str(ngettext("%(num)s payment", "%(num)s payments", count)) % {"num": number}
        amount = fmt.money(edge.get("amount"), edge.get("currency"))
        return f"{times}, {amount}" if amount else times
    if edge.get("kind") == "identity":
        return str(ngettext("named together once", "named together %(num)s times", count)) % {
            "num": number
        }
    return str(gettext(labels.word(labels.EDGE_KIND, edge.get("kind"))))


def network_elements(data: dict[str, Any], translations: Any, lang: str) -> dict[str, Any]:
    """What network.js draws: {nodes, edges, groups, collapsed, words}."""
    gettext, ngettext = translations.gettext, translations.ngettext
    fmt = Formats(lang)
    network = data.get("network") or {}
    raw_nodes = list(network.get("nodes") or ())
    raw_edges = list(network.get("edges") or ())
    records = _records_by_node(data)
    core = {n["id"] for n in raw_nodes if n.get("role") in CORE_ROLES}
    beside_core = {
        end
        for e in raw_edges
        for a, end in ((e.get("source"), e.get("target")), (e.get("target"), e.get("source")))
        if a in core and str(end).startswith("account:")
    }
    reasons = {
        str(r.get("entity")): r.get(f"reasons_{lang}") or [] for r in data.get("roles") or ()
    }
    nodes = []
    for node in raw_nodes:
        node_id, kind, role = str(node["id"]), str(node.get("kind")), node.get("role")
        group = f"group:{role}" if role and role not in CORE_ROLES else f"group:{kind}"
        kind_word = gettext(labels.word(labels.IDENTIFIER_KIND, kind))
        role_word = gettext(labels.word(labels.NETWORK_ROLE, role)) if role else ""
        token = node_id.partition(":")[2]
        nodes.append(
            {
                "id": node_id,
                "kind": kind,
                "kind_word": kind_word,
                "role": role or "",
                "role_word": role_word,
                "label": f"{role_word or kind_word} {token.rpartition('#')[2][:4]}".strip(),
                "degree": int(node.get("degree") or 0),
                "core": node_id in core or node_id in beside_core,
                "group": group,
                "records": sorted(records.get(node_id, ()))[:RECORDS_PER_NODE],
                "records_total": len(records.get(node_id, ())),
                "reasons": reasons.get(node_id, []),
            }
        )
    edges = [
        {
            "id": f"e{i}",
            "source": str(e.get("source")),
            "target": str(e.get("target")),
            "kind": str(e.get("kind") or ""),
            "count": int(e.get("count") or 1),
            "label": _edge_label(e, gettext, ngettext, fmt),
        }
        for i, e in enumerate(raw_edges)
    ]
    return {
        "nodes": nodes,
        "edges": edges,
        "groups": _group_words(nodes, gettext, ngettext),
        "collapsed": len(nodes) >= COLLAPSE_FROM,
        "derived": bool(network.get("derived")),
    }


def _group_words(nodes: list[dict[str, Any]], gettext: Any, ngettext: Any) -> dict[str, str]:
    """The label of each folded group: "25 buyers", "140 accounts"."""
    sizes: dict[str, int] = defaultdict(int)
    for node in nodes:
        if not node["core"]:
            sizes[node["group"]] += 1
    words = {}
    for group, size in sizes.items():
        code = group.partition(":")[2]
        if code in labels.NETWORK_ROLE:
            singular = gettext(labels.NETWORK_ROLE[code])
            plural = gettext(labels.NETWORK_ROLE_PLURAL[code])
        else:
            singular = gettext(labels.word(labels.IDENTIFIER_KIND, code))
            plural = gettext(labels.word(labels.IDENTIFIER_KIND_PLURAL, code))
        words[group] = f"{size} {(singular if size == 1 else plural).lower()}"
    return words


def kind_counts(data: dict[str, Any]) -> list[tuple[str, int]]:
    counts: dict[str, int] = defaultdict(int)
    for node in (data.get("network") or {}).get("nodes") or ():
        counts[str(node.get("kind"))] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
