"""Exports of a run for other tools: CSV (cases, findings, evidence), FollowTheMoney entities
(JSON lines, for Aleph/OpenAleph; built in report/ftm.py) and GEXF 1.3 (Gephi, networkx).
Column and schema reference: docs/exports.md.

Everything goes through the run's `Redactor`; with redaction on, each row is also passed through a
`Scrubber` that knows the clear values of its case or finding, so a summary that quotes a phone
number cannot leak it.
"""

from __future__ import annotations

import csv
import math
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from redflags.catalogue import Catalogue
from redflags.model import Case, Finding
from redflags.report.context import ReportContext
from redflags.report.detail import CaseDetail
from redflags.report.ftm import Texts, ftm_entities
from redflags.report.json_export import dumps
from redflags.report.redact import Redactor, Scrubber, finding_personal_pairs, finite
from redflags.report.redact import case_personal_pairs as _case_pairs
from redflags.report.svg import build_network

CASE_COLUMNS = (
    "case_id",
    "status",
    "priority",
    "score",
    "model",
    "source_types",
    "indicators",
    "categories",
    "findings",
    "records",
    "identifiers",
    "signature_elements",
    "forced_review",
    "first_seen",
    "verdict",
    "dossier",
)
FINDING_COLUMNS = (
    "finding_id",
    "case_id",
    "indicator_id",
    "indicator_version",
    "category",
    "weight",
    "subject_kind",
    "subject",
    "window_start",
    "window_end",
    "strength",
    "summary_en",
    "summary_da",
    "evidence_count",
    "pivots",
)
EVIDENCE_COLUMNS = (
    "finding_id",
    "case_id",
    "indicator_id",
    "record_kind",
    "record_id",
    "field",
    "value",
    "value_kind",
    "start",
    "end",
)


def _category(catalogue: Catalogue, indicator_id: str) -> tuple[str, float]:
    try:
        indicator = catalogue.get(indicator_id)
    except (KeyError, LookupError):
        return "", 0.0
    return str(indicator.category.value), float(indicator.weight)


def write_csv(
    folder: Path,
    cases: Sequence[Case],
    findings: Iterable[Finding],
    catalogue: Catalogue,
    redactor: Redactor,
    *,
    statuses: Mapping[str, Mapping[str, Any]] | None = None,
    prefix: str = "",
) -> dict[str, int]:
    """cases.csv, findings.csv and evidence.csv (one row per item); returns rows per file.
    `findings` may include findings outside any case (their case_id is empty)."""
    folder.mkdir(parents=True, exist_ok=True)
    statuses = statuses or {}
    case_of = {f.finding_id: c.case_id for c in cases for f in c.findings}
    counts = {"cases": 0, "findings": 0, "evidence": 0}
    with (folder / f"{prefix}cases.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CASE_COLUMNS)
        for case in cases:
            scrub = Scrubber(redactor, _case_pairs(case))
            status = statuses.get(case.case_id, {})
            verdict = status.get("verdict") or {}
            categories = sorted({_category(catalogue, i)[0] for i in case.indicator_ids} - {""})
            row = [
                case.case_id,
                status.get("status", "new"),
                case.score.priority,
                _number(case.score.total),
                case.score.model,
                ";".join(case.score.source_types),
                ";".join(case.indicator_ids),
                ";".join(categories),
                len(case.findings),
                len(case.records),
                len(case.pivots),
                ";".join(case.score.signature_elements),
                case.score.forced_review,
                status.get("first_seen", ""),
                verdict.get("status", ""),
                f"cases/{case.case_id}.html",
            ]
            writer.writerow([scrub(str(v)) for v in row])
            counts["cases"] += 1
    with (
        (folder / f"{prefix}findings.csv").open("w", newline="", encoding="utf-8") as f_handle,
        (folder / f"{prefix}evidence.csv").open("w", newline="", encoding="utf-8") as e_handle,
    ):
        f_writer, e_writer = csv.writer(f_handle), csv.writer(e_handle)
        f_writer.writerow(FINDING_COLUMNS)
        e_writer.writerow(EVIDENCE_COLUMNS)
        for finding in findings:
            scrub = Scrubber(redactor, finding_personal_pairs(finding))
            data = redactor.finding(finding)
            category, weight = _category(catalogue, finding.indicator_id)
            case_id = case_of.get(finding.finding_id, "")
            row = [
                finding.finding_id,
                case_id,
                finding.indicator_id,
                finding.indicator_version,
                category,
                _number(weight),
                finding.subject_kind,
                data["subject"],
                finding.window_start or "",
                finding.window_end or "",
                _number(finding.strength),
                data["summary_en"],
                data["summary_da"],
                len(finding.evidence),
                ";".join(data["pivots"]),
            ]
            f_writer.writerow([scrub(str(v)) for v in row])
            counts["findings"] += 1
            for e in data["evidence"]:
                row = [
                    finding.finding_id,
                    case_id,
                    finding.indicator_id,
                    e["kind"],
                    e["record_id"],
                    e["field"] or "",
                    e["value"] or "",
                    e["value_kind"] or "",
                    "" if e["start"] is None else e["start"],
                    "" if e["end"] is None else e["end"],
                ]
                e_writer.writerow([scrub(str(v)) for v in row])
                counts["evidence"] += 1
    return counts


def _number(value: float | None) -> str:
    """A number for a cell: empty when it is not finite (an overflowed sum), never 'inf'."""
    return "" if value is None or not math.isfinite(value) else f"{value:g}"


# --- FollowTheMoney (report/ftm.py) ---------------------------------------------------------


def write_ftm(
    path: Path,
    cases: Sequence[Case],
    catalogue: Catalogue,
    redactor: Redactor,
    lang: str = "en",
    texts: Texts | None = None,
    details: Mapping[str, CaseDetail] | None = None,
) -> int:
    """The cases' entities as JSON lines; `details` (case id -> the store's rows) adds people's
    names and one payment per transaction."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for case in cases:
            detail = (details or {}).get(case.case_id)
            for entity in ftm_entities(case, catalogue, redactor, lang, texts, detail):
                handle.write(dumps(entity, sort_keys=True) + "\n")
                count += 1
    return count


# --- GEXF -----------------------------------------------------------------------------------

GEXF_NS = "http://gexf.net/1.3"
NODE_ATTRIBUTES = (("kind", "string"), ("case_id", "string"), ("role", "string"))
EDGE_ATTRIBUTES = (
    ("kind", "string"),
    ("case_id", "string"),
    ("count", "integer"),
    ("amount", "double"),
    ("currency", "string"),
    ("label", "string"),
)


def write_gexf(path: Path, cases: Sequence[Case], redactor: Redactor) -> tuple[int, int]:
    """One GEXF 1.3 graph of the cases' networks: node ids are (redacted) pivots.

    The graph is directed and every edge says so: payments run payer -> payee ("directed"),
    identity and finding edges go both ways ("mutual"). A reader that takes one direction for
    the whole graph (networkx refuses a directed edge in an undirected graph) and Gephi's
    mixed view both read it."""
    ET.register_namespace("", GEXF_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.3"})
    meta = ET.SubElement(
        root, f"{{{GEXF_NS}}}meta", {"lastmodifieddate": datetime.now(UTC).date().isoformat()}
    )
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "redflags"
    ET.SubElement(meta, f"{{{GEXF_NS}}}description").text = (
        "Networks of redflags cases (identifiers redacted)"
        if not redactor.reveal
        else "Networks of redflags cases (identifiers in clear)"
    )
    graph = ET.SubElement(
        root, f"{{{GEXF_NS}}}graph", {"defaultedgetype": "directed", "mode": "static"}
    )
    for cls, attributes in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        block = ET.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": cls})
        for index, (title, kind) in enumerate(attributes):
            ET.SubElement(
                block, f"{{{GEXF_NS}}}attribute", {"id": str(index), "title": title, "type": kind}
            )
    nodes_el = ET.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    edges_el = ET.SubElement(graph, f"{{{GEXF_NS}}}edges")

    def attvalues(
        parent: ET.Element, spec: Sequence[tuple[str, str]], values: dict[str, Any]
    ) -> None:
        block = ET.SubElement(parent, f"{{{GEXF_NS}}}attvalues")
        for index, (title, _) in enumerate(spec):
            if values.get(title) not in (None, ""):
                ET.SubElement(
                    block,
                    f"{{{GEXF_NS}}}attvalue",
                    {"for": str(index), "value": str(values[title])},
                )

    seen: set[str] = set()
    n_edges = 0
    for case in cases:
        scrub = Scrubber(redactor, _case_pairs(case))
        network = build_network(case, redactor.pivot, max_nodes=None)
        for pivot, node in sorted(network.nodes.items()):
            node_id = scrub(redactor.pivot(pivot))
            if node_id in seen:
                continue
            seen.add(node_id)
            el = ET.SubElement(nodes_el, f"{{{GEXF_NS}}}node", {"id": node_id, "label": node_id})
            attvalues(
                el,
                NODE_ATTRIBUTES,
                {"kind": node.kind, "case_id": case.case_id, "role": node.role},
            )
        for edge in network.edges:
            n_edges += 1
            el = ET.SubElement(
                edges_el,
                f"{{{GEXF_NS}}}edge",
                {
                    "id": f"e{n_edges}",
                    "source": scrub(redactor.pivot(edge.source)),
                    "target": scrub(redactor.pivot(edge.target)),
                    "type": "directed" if edge.kind == "payment" else "mutual",
                    "weight": str(edge.count),
                    "label": redactor.text(edge.label),
                },
            )
            attvalues(
                el,
                EDGE_ATTRIBUTES,
                {
                    "kind": edge.kind,
                    "case_id": case.case_id,
                    "count": edge.count,
                    "amount": finite(edge.amount),
                    "currency": redactor.text(edge.currency or ""),
                    "label": redactor.text(edge.label),
                },
            )
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return len(seen), n_edges


def write_exports(
    run_dir: Path, context: ReportContext, details: Mapping[str, CaseDetail] | None = None
) -> dict[str, Any]:
    """Every export of a run: CSV, FtM and GEXF for the run's (shown) cases in the run folder,
    and per case `cases/<id>.ftm.jsonl` and `cases/<id>.gexf`. `details` (case id -> the
    store's rows, given with --reveal) adds people and every transaction to the FtM entities.
    Returns counts per file."""
    cases, catalogue, redactor, lang = (
        context.cases,
        context.catalogue,
        context.redactor,
        context.lang,
    )
    counts: dict[str, Any] = {
        "csv": write_csv(
            run_dir, cases, context.findings, catalogue, redactor, statuses=context.statuses
        )
    }
    texts = context.record_texts
    counts["entities.ftm.jsonl"] = write_ftm(
        run_dir / "entities.ftm.jsonl", cases, catalogue, redactor, lang, texts, details
    )
    counts["network.gexf"] = write_gexf(run_dir / "network.gexf", cases, redactor)
    folder = run_dir / "cases"
    folder.mkdir(parents=True, exist_ok=True)
    for case in cases:
        write_ftm(
            folder / f"{case.case_id}.ftm.jsonl", [case], catalogue, redactor, lang, texts, details
        )
        write_gexf(folder / f"{case.case_id}.gexf", [case], redactor)
    return counts


__all__ = [
    "CASE_COLUMNS",
    "EDGE_ATTRIBUTES",
    "EVIDENCE_COLUMNS",
    "FINDING_COLUMNS",
    "GEXF_NS",
    "NODE_ATTRIBUTES",
    "CaseDetail",
    "ftm_entities",  # built in report/ftm.py; the service's per-case export reaches it here
    "write_csv",
    "write_exports",
    "write_ftm",
    "write_gexf",
]
