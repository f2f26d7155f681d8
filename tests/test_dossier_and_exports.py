"""Dossiers and exports of a real scan (the demo world): one dossier per case with SVG and CMM
categories, CSV/FtM/GEXF that parse back with the right counts and links, and no clear
identifier anywhere in a redacted run folder."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from redflags.catalogue.schema import CATEGORY_TITLES
from redflags.pipeline import ScanResult
from redflags.report.redact import PERSONAL_KINDS, case_personal_pairs

GEXF = "{http://gexf.net/1.3}"


@pytest.fixture(scope="module")
def scan(demo_scan: ScanResult) -> ScanResult:
    return demo_scan


def _clear_values(result: ScanResult) -> set[str]:
    values = {v for c in result.cases for _, v in case_personal_pairs(c)}
    for finding in result.findings:
        values |= {p.partition(":")[2] for p in finding.pivots if p.split(":")[0] in PERSONAL_KINDS}
    return {v for v in values if len(v) >= 6}


def test_one_dossier_per_case_with_svg_categories_and_steps(scan: ScanResult) -> None:
    report = (scan.run_dir / "report.html").read_text(encoding="utf-8")
    assert scan.cases
    for case in scan.cases:
        path = scan.run_dir / "cases" / f"{case.case_id}.html"
        html = path.read_text(encoding="utf-8")
        assert f'href="cases/{case.case_id}.html"' in report
        assert html.count("<svg") >= 2  # the network and the timeline
        assert 'class="network"' in html and 'class="timeline"' in html
        assert "<script" not in html and "http://" not in html.replace("http://www.w3.org", "")
        assert "https://" not in html
        titles = [t["en"] for t in CATEGORY_TITLES.values()]
        assert any(t in html for t in titles)
        for step in case.score.steps:
            assert step.code in html
        assert f"{case.score.total:,.1f}" in html  # rounded to one decimal


def test_danish_dossier(tmp_path: Path, scan: ScanResult) -> None:
    from redflags.catalogue import load_catalogue
    from redflags.report import ReportContext
    from redflags.report.dossier import render_dossier
    from redflags.report.redact import Redactor

    context = ReportContext(
        cases=scan.cases, catalogue=load_catalogue(), run={}, redactor=Redactor(b"k"), lang="da"
    )
    html = render_dossier(scan.cases[0], context)
    assert "Sagsmappe" in html and "Derfor denne score" in html and 'lang="da"' in html


def test_no_clear_identifier_in_any_redacted_output(scan: ScanResult) -> None:
    values = _clear_values(scan)
    assert values, "the demo has identifiers to hide"
    written = [
        p
        for p in scan.run_dir.rglob("*")
        if p.is_file() and p.suffix in (".html", ".json", ".jsonl", ".csv", ".gexf")
    ]
    assert len(written) >= 10
    for path in written:
        text = path.read_text(encoding="utf-8")
        leaked = sorted(v for v in values if v in text)
        assert not leaked, f"{path.name} leaks {leaked[:5]}"


def test_csv_parses_back_one_row_per_item(scan: ScanResult) -> None:
    def rows(name: str) -> list[dict[str, str]]:
        with (scan.run_dir / name).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    cases, findings, evidence = rows("cases.csv"), rows("findings.csv"), rows("evidence.csv")
    assert [r["case_id"] for r in cases] == [c.case_id for c in scan.cases]
    assert len(findings) == len(scan.findings)
    assert len(evidence) == sum(len(f.evidence) for f in scan.findings)
    in_case = {f.finding_id: c.case_id for c in scan.cases for f in c.findings}
    for row in findings:
        assert row["case_id"] == in_case.get(row["finding_id"], "")
    top = scan.cases[0]
    assert cases[0]["score"] == f"{top.score.total:g}"
    assert cases[0]["indicators"].split(";") == list(top.indicator_ids)


def test_ftm_entities_parse_back_with_links(scan: ScanResult) -> None:
    lines = (scan.run_dir / "entities.ftm.jsonl").read_text(encoding="utf-8").splitlines()
    entities = [json.loads(line) for line in lines]
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities)
    schemata = {e["schema"] for e in entities}
    assert {"Person", "Note"} <= schemata
    for e in entities:
        assert all(isinstance(v, list) for v in e["properties"].values())
        for prop in ("subject", "object", "payerAccount", "beneficiaryAccount", "entity"):
            for ref in e["properties"].get(prop, []):
                assert ref in ids, f"{e['schema']}.{prop} points at a missing entity"
    notes = [e for e in entities if e["schema"] == "Note"]
    assert len(notes) == len(scan.cases) + sum(len(c.findings) for c in scan.cases)
    per_case = scan.run_dir / "cases" / f"{scan.cases[0].case_id}.ftm.jsonl"
    assert per_case.read_text(encoding="utf-8").strip()


def test_gexf_parses_back_with_nodes_edges_and_attributes(scan: ScanResult) -> None:
    root = ET.parse(scan.run_dir / "network.gexf").getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    graph = root.find(f"{GEXF}graph")
    assert graph is not None
    titles = {
        a.get("class"): {x.get("id"): x.get("title") for x in a}
        for a in graph.findall(f"{GEXF}attributes")
    }
    assert set(titles["node"].values()) >= {"kind", "case_id", "role"}
    nodes = graph.findall(f"{GEXF}nodes/{GEXF}node")
    edges = graph.findall(f"{GEXF}edges/{GEXF}edge")
    assert nodes and edges
    node_ids = {n.get("id") for n in nodes}
    for edge in edges:
        assert edge.get("source") in node_ids and edge.get("target") in node_ids
    case_ids = {c.case_id for c in scan.cases}
    for node in nodes:
        values = {
            titles["node"][v.get("for")]: v.get("value")
            for v in node.findall(f"{GEXF}attvalues/{GEXF}attvalue")
        }
        assert values["case_id"] in case_ids and values["kind"]
    run = json.loads((scan.run_dir / "run.json").read_text(encoding="utf-8"))
    assert run["exports"]["network.gexf"] == [len(nodes), len(edges)]


def test_a_network_without_identifiers_draws_an_empty_picture() -> None:
    from redflags.report.svg import Network, network_svg

    svg = str(network_svg(Network()))
    assert svg.startswith("<svg") and "<circle" not in svg
