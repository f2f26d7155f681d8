"""Static inline SVG for the dossier: the network picture and the timeline plot.

No JavaScript and nothing fetched: the SVG is text inside the HTML page, so a dossier opens
offline and prints. The network layout is rustworkx's Fruchterman-Reingold `spring_layout` with
a fixed seed, so the same case draws the same picture every time.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import combinations
from typing import Any

import rustworkx as rx
from markupsafe import Markup, escape

from redflags.report.formats import Formats
from redflags.report.labels import DOSSIER_LABELS as DOSSIER_WORDS
from redflags.report.vocabulary import (
    counted_identifiers,
    counted_roles,
    identifier_kind,
    pivot_label,
    record_kind,
    role_name,
)

LAYOUT_SEED = 20240611
MAX_NODES = 80  # more would be a hairball; the rest are counted under the picture
COLLAPSE_AT = 40  # from this many identifiers on, a network is drawn collapsed (`collapse`)
SHARED_KEPT = 16  # identifiers shared by several role holders kept when collapsing
CORE_ROLES = ("organiser", "recruiter", "worker")
GROUP_COLOUR = "#9aa5b1"
KIND_COLOURS = {
    "customer": "#2e7d32",
    "account": "#1565c0",
    "phone": "#c62828",
    "handle": "#6a1b9a",
    "email": "#8d6e63",
    "persona": "#d81b60",
    "device": "#546e7a",
    "ip": "#9e9d24",
    "address": "#00838f",
    "url": "#ef6c00",
    "image": "#ff8f00",
}
ROLE_COLOURS = {"organiser": "#b3261e", "recruiter": "#e65100", "worker": "#1d232b"}
CATEGORY_COLOURS = {
    "behavioural": "#6a1b9a",
    "financial": "#1565c0",
    "know_your_customer": "#2e7d32",
    "recruitment_coercion_surveillance": "#b3261e",
}


@dataclass
class NetNode:
    pivot: str  # "kind:value" in clear; never written
    kind: str
    label: str  # what is written: a redacted token or the value with --reveal
    role: str | None = None
    degree: int = 0
    members: int = 0  # > 0: a group standing for this many identifiers of `kind` (collapsed)


@dataclass
class NetEdge:
    source: str
    target: str
    kind: str  # identity, payment, finding
    label: str
    count: int = 1
    amount: float | None = None  # payments: total
    currency: str | None = None
    record_kinds: tuple[str, ...] = ()  # identity edges: kinds of the records they share


@dataclass
class Network:
    nodes: dict[str, NetNode] = field(default_factory=dict)
    edges: list[NetEdge] = field(default_factory=list)
    hidden_nodes: int = 0  # not drawn (beyond MAX_NODES)
    derived: bool = False  # built from findings because the case carries no edges
    collapsed: int = 0  # identifiers drawn as groups (`collapse`)


def _kind(pivot: str) -> str:
    return pivot.partition(":")[0]


def _fmt_amount(amount: float | None, currency: str | None) -> str:
    if amount is None:
        return ""
    if not math.isfinite(amount):
        return f" (too large to show) {currency or ''}".rstrip()
    return f" {amount:,.0f} {currency or ''}".rstrip()


def build_network(
    case: Any, label_of: Callable[[str], str], max_nodes: int | None = MAX_NODES
) -> Network:
    """The case's network: its `edges` (identity and payment) when the linker gave them, else
    edges derived from the findings (identifiers on the same record; pivots of one finding)."""
    net = Network()
    roles = {r.entity: r.role for r in getattr(case, "roles", ()) or ()}

    def node(pivot: str) -> None:
        if pivot not in net.nodes:
            net.nodes[pivot] = NetNode(pivot, _kind(pivot), label_of(pivot), roles.get(pivot))

    case_edges = list(getattr(case, "edges", ()) or ())
    if case_edges:
        for e in case_edges:
            node(e.source)
            node(e.target)
            kinds = tuple(sorted({r.partition(":")[0] for r in e.records}))
            if e.kind == "payment":
                label = f"{e.count}× paid{_fmt_amount(e.amount, e.currency)}"
            else:
                label = f"{'/'.join(kinds) or 'record'} ×{e.count}"
            net.edges.append(
                NetEdge(e.source, e.target, e.kind, label, e.count, e.amount, e.currency, kinds)
            )
    else:
        net.derived = True
        on_record: dict[str, set[str]] = defaultdict(set)
        by_finding: Counter[tuple[str, str, str]] = Counter()
        for f in case.findings:
            pivots = sorted({p for p in f.pivots if ":" in p})
            for e in f.evidence:
                record = f"{e.kind}:{e.record_id}"
                if e.kind == "customer":
                    on_record[record].add(f"customer:{e.record_id}")
                if e.value and e.value_kind in KIND_COLOURS:
                    on_record[record].add(f"{e.value_kind}:{e.value}")
            for a, b in combinations(pivots[:12], 2):
                by_finding[(a, b, f.indicator_id)] += 1
            if f.subject_kind in KIND_COLOURS:  # the subject and the identifiers it points at
                subject = f"{f.subject_kind}:{f.subject}"
                named = {
                    f"{e.value_kind or e.field}:{e.value}"
                    for e in f.evidence
                    if e.value and (e.value_kind or e.field) in KIND_COLOURS and e.start is None
                } - {subject}
                for other in sorted(named)[:30]:
                    a, b = sorted((subject, other))
                    by_finding[(a, b, f.indicator_id)] += 1
        pair_records: Counter[tuple[str, str]] = Counter()
        pair_kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
        for record, held in on_record.items():
            for a, b in combinations(sorted(held), 2):
                pair_records[(a, b)] += 1
                pair_kinds[(a, b)].add(record.partition(":")[0])
        for (a, b), n in sorted(pair_records.items()):
            node(a)
            node(b)
            shared = tuple(sorted(pair_kinds[(a, b)]))
            net.edges.append(
                NetEdge(a, b, "identity", f"{'/'.join(shared)} ×{n}", n, record_kinds=shared)
            )
        seen = set(pair_records)
        for (a, b, indicator), n in sorted(by_finding.items()):
            if (a, b) in seen:
                continue
            seen.add((a, b))
            node(a)
            node(b)
            net.edges.append(NetEdge(a, b, "finding", indicator, n))
    for e in net.edges:
        net.nodes[e.source].degree += 1
        net.nodes[e.target].degree += 1
    return limit_nodes(net, max_nodes)


def limit_nodes(net: Network, max_nodes: int | None = MAX_NODES) -> Network:
    """At most `max_nodes` drawn (groups, roles and the best-connected first); the rest are
    counted in `hidden_nodes`."""
    if max_nodes is None or len(net.nodes) <= max_nodes:
        return net
    keep = sorted(
        net.nodes.values(),
        key=lambda n: (not n.members, n.role is None, -n.degree, n.kind, n.label),
    )[:max_nodes]
    kept = {n.pivot for n in keep}
    net.hidden_nodes += len(net.nodes) - len(kept)
    net.nodes = {p: n for p, n in net.nodes.items() if p in kept}
    net.edges = [e for e in net.edges if e.source in kept and e.target in kept]
    return net


def collapse(net: Network, at: int = COLLAPSE_AT, shared: int = SHARED_KEPT) -> Network:
    """A large network (`at` identifiers or more) as an analyst reads it: the organisers,
    recruiters and workers, the identifiers several of them share (at most `shared`), and one
    grey group per kind (and role) for all the rest, joined to what its members touched, with
    their payments added up. A smaller network is returned as it is."""
    if len(net.nodes) < at:
        return net
    core = {p for p, n in net.nodes.items() if n.role in CORE_ROLES}
    if not core:  # no roles inferred: the best-connected identifiers stand in for them
        ranked = sorted(net.nodes.values(), key=lambda n: (-n.degree, n.kind, n.label))
        core = {n.pivot for n in ranked[: max(1, shared // 2)]}
    touching: dict[str, set[str]] = defaultdict(set)
    for e in net.edges:
        for a, b in ((e.source, e.target), (e.target, e.source)):
            if a in core and b not in core:
                touching[b].add(a)
    glue = sorted(
        (p for p, s in touching.items() if len(s) >= 2), key=lambda p: (-len(touching[p]), p)
    )
    kept = core | set(glue[:shared])
    out = Network(derived=net.derived, hidden_nodes=net.hidden_nodes)
    group_of: dict[str, str] = {}
    for pivot, n in net.nodes.items():
        if pivot in kept:
            out.nodes[pivot] = NetNode(n.pivot, n.kind, n.label, n.role)
            continue
        group = f"group:{n.kind}:{n.role or ''}"
        group_of[pivot] = group
        if group not in out.nodes:
            out.nodes[group] = NetNode(group, n.kind, "", n.role if n.role else None)
        out.nodes[group].members += 1
    out.collapsed = len(group_of)
    merged: dict[tuple[str, str, str], NetEdge] = {}
    for e in net.edges:
        a, b = group_of.get(e.source, e.source), group_of.get(e.target, e.target)
        if a == b or (a.startswith("group:") and b.startswith("group:")):
            continue  # inside one group, or between two groups: not drawn
        key = (a, b, e.kind if e.kind != "finding" else f"finding:{e.label}")
        edge = merged.get(key)
        if edge is None:
            merged[key] = NetEdge(
                a, b, e.kind, e.label, e.count, e.amount, e.currency, e.record_kinds
            )
            continue
        edge.count += e.count
        edge.record_kinds = tuple(sorted(set(edge.record_kinds) | set(e.record_kinds)))
        if edge.currency == e.currency and edge.amount is not None and e.amount is not None:
            edge.amount += e.amount
        else:
            edge.amount = None
    out.edges = list(merged.values())
    for e in out.edges:
        out.nodes[e.source].degree += 1
        out.nodes[e.target].degree += 1
    return out


def _layout(
    net: Network, width: float, height: float, pad: float
) -> dict[str, tuple[float, float]]:
    """Lay out each connected component on its own (seeded spring layout) and pack the
    components in rows, largest first, so that loose pairs do not squeeze the main network."""
    graph = rx.PyGraph()
    pivots = sorted(net.nodes)
    index = {p: graph.add_node(p) for p in pivots}
    for e in net.edges:
        graph.add_edge(index[e.source], index[e.target], float(e.count))
    components = sorted(
        (sorted(c) for c in rx.connected_components(graph)), key=lambda c: (-len(c), c[0])
    )
    boxes: list[tuple[list[int], dict[int, tuple[float, float]], float]] = []
    for members in components:
        sub = graph.subgraph(members)
        side = max(1.0, len(members) ** 0.5)
        if len(members) == 1:
            local = {members[0]: (0.5, 0.5)}
        else:
            pos = rx.spring_layout(sub, seed=LAYOUT_SEED, num_iter=300)
            xs = [pos[i][0] for i in pos]
            ys = [pos[i][1] for i in pos]
            x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
            local = {
                index[sub[i]]: (
                    (pos[i][0] - x0) / ((x1 - x0) or 1),
                    (pos[i][1] - y0) / ((y1 - y0) or 1),
                )
                for i in pos
            }
        boxes.append((members, local, side))
    # shelf packing in abstract units, then scaled to the drawing
    row_width = (
        max(b[2] for b in boxes) * 1.0 + sum(b[2] for b in boxes) ** 0.5 * 1.6 if boxes else 1
    )
    placed: dict[int, tuple[float, float]] = {}
    x = y = shelf = 0.0
    for _members, local, side in boxes:
        if x > 0 and x + side > row_width:
            x, y, shelf = 0.0, y + shelf + 0.6, 0.0
        for node, (lx, ly) in local.items():
            placed[node] = (x + lx * side, y + ly * side)
        x += side + 0.6
        shelf = max(shelf, side)
    if not placed:  # a case whose evidence names no identifier: nothing to draw
        return {}
    total_w = max(p[0] for p in placed.values()) or 1.0
    total_h = max(p[1] for p in placed.values()) or 1.0
    sx, sy = (width - 2 * pad) / total_w, (height - 2 * pad) / total_h
    return {graph[n]: (pad + px * sx, pad + py * sy) for n, (px, py) in placed.items()}


def edge_label(edge: NetEdge, lang: str) -> str:
    """'4× paid 3,400 DKK' / '4× betalt 3.400 kr.'; 'ad/customer ×3' with the record kinds in
    the page's words; a finding's edge is named by its indicator."""
    f = Formats(lang)
    words = DOSSIER_WORDS.get(lang, DOSSIER_WORDS["en"])
    if edge.kind == "payment":
        money = f" {f.money(edge.amount, edge.currency)}" if edge.amount is not None else ""
        return f"{f.integer(edge.count)}× {words['paid']}{money}"
    if edge.kind == "identity":
        kinds = "/".join(record_kind(lang, k) for k in edge.record_kinds)
        return f"{kinds or words['legend_same']} ×{f.integer(edge.count)}"
    return edge.label


def node_label(node: NetNode, lang: str) -> str:
    """A group's count in words ('142 accounts', '25 købere'), else the identifier's token."""
    if node.members:
        if node.role:
            return counted_roles(lang, node.role, node.members)
        return counted_identifiers(lang, node.kind, node.members)
    return _short(pivot_label(node.label))


def network_svg(net: Network, lang: str = "en", width: int = 960) -> Markup:
    words = DOSSIER_WORDS.get(lang, DOSSIER_WORDS["en"])
    height = 560 if len(net.nodes) > 12 else 380
    pos = _layout(net, width, height, 60)
    out: list[str] = [
        f'<svg class="network" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} '
        f'{height + 40}" width="100%" role="img" aria-label="{escape(words["network"])}">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="20" refY="5" markerWidth="6" '
        'markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'fill="#1565c0"/></marker></defs>',
    ]
    label_edges = len(net.edges) <= 25
    # payments are labelled even in a larger picture, unless so many that labels overlap
    label_payments = sum(e.kind == "payment" for e in net.edges) <= 12
    for e in net.edges:
        (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
        style = {
            "payment": 'stroke="#1565c0" stroke-width="2" marker-end="url(#arrow)"',
            "identity": 'stroke="#7a8794" stroke-width="1.4"',
        }.get(e.kind, 'stroke="#b0b8c1" stroke-width="1" stroke-dasharray="4 3"')
        label = escape(edge_label(e, lang))
        out.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" {style}>'
            f"<title>{label}</title></line>"
        )
        if label_edges or (label_payments and e.kind == "payment"):
            out.append(
                f'<text class="edge" x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2 - 3:.1f}" '
                f'text-anchor="middle">{label}</text>'
            )
    for pivot, n in sorted(net.nodes.items()):
        x, y = pos[pivot]
        text = escape(node_label(n, lang))
        role = escape(role_name(lang, n.role)) if n.role else ""
        if n.members:
            out.append(
                f'<g class="node group"><rect x="{x - 13:.1f}" y="{y - 9:.1f}" width="26" '
                f'height="18" rx="9" fill="{GROUP_COLOUR}" stroke="#5f6b7a" '
                f'stroke-dasharray="3 2"><title>{text}</title></rect>'
                f'<text x="{x:.1f}" y="{y + 21:.1f}" text-anchor="middle">{text}</text></g>'
            )
            continue
        colour = KIND_COLOURS.get(n.kind, "#455a64")
        ring = ROLE_COLOURS.get(n.role or "", "#ffffff")
        radius = 11 if n.role else 8
        tip = f"{escape(identifier_kind(lang, n.kind))} {escape(pivot_label(n.label))}"
        out.append(
            f'<g class="node"><circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="{colour}" '
            f'stroke="{ring}" stroke-width="{3 if n.role else 1.5}"><title>{tip}'
            f"{' · ' + role if role else ''}</title></circle>"
            f'<text x="{x:.1f}" y="{y + radius + 11:.1f}" text-anchor="middle">{text}</text>'
        )
        if n.role:
            out.append(
                f'<text class="role" x="{x:.1f}" y="{y - radius - 4:.1f}" text-anchor="middle" '
                f'fill="{ring}">{role}</text>'
            )
        out.append("</g>")
    out.extend(_legend(net, lang, height))
    out.append("</svg>")
    return Markup("".join(out))


def _legend(net: Network, lang: str, height: int) -> list[str]:
    """Kinds of the drawn identifiers (colours) and the kinds of lines, in the page's words."""
    words = DOSSIER_WORDS.get(lang, DOSSIER_WORDS["en"])
    out = []
    x = 10.0
    for kind in sorted({n.kind for n in net.nodes.values() if not n.members}):
        name = identifier_kind(lang, kind)
        out.append(
            f'<circle cx="{x + 6:.0f}" cy="{height + 20}" r="6" '
            f'fill="{KIND_COLOURS.get(kind, "#455a64")}"/><text x="{x + 16:.0f}" '
            f'y="{height + 24}">{escape(name)}</text>'
        )
        x += 24 + 6.5 * len(name)
    lines = [
        ("identity", 'stroke="#7a8794" stroke-width="1.4"', words["legend_same"]),
        ("payment", 'stroke="#1565c0" stroke-width="2"', words["legend_paid"]),
        ("finding", 'stroke="#b0b8c1" stroke-dasharray="4 3"', words["legend_finding"]),
    ]
    for kind, style, name in lines:
        if not any(e.kind == kind for e in net.edges):
            continue
        out.append(
            f'<line x1="{x:.0f}" y1="{height + 20}" x2="{x + 18:.0f}" y2="{height + 20}" '
            f'{style}/><text x="{x + 22:.0f}" y="{height + 24}">{escape(name)}</text>'
        )
        x += 30 + 6.5 * len(name)
    if net.collapsed:
        name = words["legend_group"]
        out.append(
            f'<rect x="{x:.0f}" y="{height + 14}" width="18" height="12" rx="6" '
            f'fill="{GROUP_COLOUR}"/><text x="{x + 22:.0f}" y="{height + 24}">'
            f"{escape(name)}</text>"
        )
    return out


def _short(label: str) -> str:
    """A readable node label: the value part of a pivot, cut to 24 characters."""
    value = (
        label.partition(":")[2] if ":" in label and "#" not in label.partition(":")[0] else label
    )
    return value if len(value) <= 24 else value[:23] + "…"


def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


@dataclass(frozen=True)
class Lane:
    label: str
    colour: str
    spans: tuple[tuple[datetime, datetime | None, str], ...]  # start, end or None, tooltip


def timeline_lanes(
    entries: Iterable[Any],
    category_of: Callable[[str], str | None],
    lang: str,
    scrub: Callable[[str], str] = str,
) -> list[Lane]:
    """One lane per indicator or event; `scrub` redacts the summaries shown as tooltips."""
    lanes: dict[str, list[tuple[datetime, datetime | None, str]]] = defaultdict(list)
    colours: dict[str, str] = {}
    for entry in entries:
        start = _when(entry.start) or _when(entry.end)
        if start is None:
            continue
        end = _when(entry.end)
        key = entry.indicator_id or getattr(entry, "event", "") or "event"
        category = category_of(entry.indicator_id) if entry.indicator_id else None
        colours[key] = CATEGORY_COLOURS.get(category or "", "#546e7a")
        summary = scrub(entry.summary_da if lang == "da" else entry.summary_en)
        lanes[key].append((start, end if end and end > start else None, summary))
    ordered = sorted(lanes.items(), key=lambda kv: (min(s[0] for s in kv[1]), kv[0]))
    return [Lane(k, colours[k], tuple(sorted(v, key=lambda s: s[0]))) for k, v in ordered]


def timeline_svg(
    lanes: Sequence[Lane], lang: str = "en", width: int = 960, max_lanes: int = 40
) -> Markup:
    if not lanes:
        return Markup("")
    shown = list(lanes[:max_lanes])
    times = [t for lane in shown for s in lane.spans for t in (s[0], s[1]) if t is not None]
    t0, t1 = min(times), max(times)
    span = (t1 - t0).total_seconds() or 86400.0
    left, right, top, row = 250, 20, 28, 18
    plot = width - left - right
    height = top + row * len(shown) + 10

    def x_of(t: datetime) -> float:
        return left + plot * (t - t0).total_seconds() / span

    out = [
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} '
        f'{height}" width="100%" role="img" '
        f'aria-label="{escape(DOSSIER_WORDS.get(lang, DOSSIER_WORDS["en"])["timeline_plot"])}">'
    ]
    for i in range(6):
        t = t0 + (t1 - t0) * (i / 5)
        x = x_of(t)
        out.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 6}" stroke="#e3e6ea"/>'
            f'<text class="tick" x="{x:.1f}" y="{top - 10}" text-anchor="middle">'
            f"{escape(Formats(lang).short_date(t))}</text>"
        )
    for number, lane in enumerate(shown):
        y = top + row * number + row / 2
        out.append(
            f'<text class="lane" x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(lane.label)}</text>"
        )
        for start, end, summary in lane.spans:
            x = x_of(start)
            tip = f"{Formats(lang).span(start, end)}: {summary}"
            if end is None:
                out.append(
                    f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{lane.colour}">'
                    f"<title>{escape(tip)}</title></circle>"
                )
            else:
                w = max(x_of(end) - x, 3.0)
                out.append(
                    f'<rect x="{x:.1f}" y="{y - 5:.1f}" width="{w:.1f}" height="10" rx="2" '
                    f'fill="{lane.colour}" fill-opacity=".75"><title>{escape(tip)}</title></rect>'
                )
    out.append("</svg>")
    return Markup("".join(out))
