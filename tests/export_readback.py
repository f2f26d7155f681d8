"""Every export of a run folder read back by the library its receiver uses: followthemoney (Aleph,
OpenAleph) for the FtM entities, networkx (Gephi reads the same file) for GEXF, pandas for the
CSV tables, json for the JSON. Used by the tests and by `bench/check_exports.py`, which runs the
same checks on a larger world than the suite can afford."""

from __future__ import annotations

import json
from pathlib import Path

from filing_world import ftm_problems


def _json_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def ftm_export_problems(run_dir: Path) -> list[str]:
    """The run's and every case's FtM file: non-empty, and every entity passes the model."""
    problems = []
    for path in [run_dir / "entities.ftm.jsonl", *sorted((run_dir / "cases").glob("*.ftm.jsonl"))]:
        entities = _json_lines(path)
        if not entities:
            problems.append(f"{path.name}: no entity")
        problems += [f"{path.name}: {problem}" for problem in ftm_problems(entities)]
    return problems


def gexf_export_problems(run_dir: Path) -> list[str]:
    """The run's and every case's GEXF open in networkx as directed graphs with typed edges."""
    import networkx as nx

    problems = []
    for path in [run_dir / "network.gexf", *sorted((run_dir / "cases").glob("*.gexf"))]:
        graph = nx.read_gexf(path)
        if not (graph.is_directed() and graph.number_of_nodes() and graph.number_of_edges()):
            problems.append(f"{path.name}: not a directed graph with nodes and edges")
        kinds = {data.get("kind") for _, _, data in graph.edges(data=True)}
        if not kinds or not kinds <= {"identity", "payment", "finding"}:
            problems.append(f"{path.name}: edge kinds {sorted(map(str, kinds))}")
    return problems


def table_export_problems(run_dir: Path) -> list[str]:
    """The CSV tables read in pandas and agree with the JSON the same scan wrote."""
    import pandas as pd

    problems = []
    document = json.loads((run_dir / "cases.json").read_text(encoding="utf-8"))
    findings_jsonl = _json_lines(run_dir / "findings.jsonl")
    cases = pd.read_csv(run_dir / "cases.csv", dtype=str)
    findings = pd.read_csv(run_dir / "findings.csv", dtype=str, keep_default_na=False)
    evidence = pd.read_csv(run_dir / "evidence.csv", dtype=str, keep_default_na=False)
    if set(cases["case_id"]) != {c["case_id"] for c in document["cases"]}:
        problems.append("cases.csv and cases.json name different cases")
    if len(findings) != len(findings_jsonl):
        problems.append(f"findings.csv: {len(findings)} rows, findings.jsonl {len(findings_jsonl)}")
    if not set(evidence["finding_id"]) <= set(findings["finding_id"]):
        problems.append("evidence.csv names findings that findings.csv lacks")
    expected_evidence = sum(int(count) for count in findings["evidence_count"])
    if len(evidence) != expected_evidence:
        problems.append(f"evidence.csv has {len(evidence)} rows, the findings {expected_evidence}")
    json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    return problems


def export_problems(run_dir: Path) -> list[str]:
    """Everything a receiver would refuse in the run folder's exports; empty when all read back."""
    return (
        ftm_export_problems(run_dir)
        + gexf_export_problems(run_dir)
        + table_export_problems(run_dir)
    )
