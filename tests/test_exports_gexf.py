"""Every GEXF and CSV export reads back with its receiving library: networkx for the graph
(Gephi reads the same file), pandas for the tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from export_readback import gexf_export_problems
from filing_world import revealed_demo
from redflags.pipeline import ScanResult

nx = pytest.importorskip("networkx")
pd = pytest.importorskip("pandas")
__all__ = ["revealed_demo"]


@pytest.mark.parametrize("which", ["redacted", "revealed"])
def test_every_gexf_opens_in_networkx_with_integer_payment_counts(
    which: str, demo_scan: ScanResult, revealed_demo: Path
) -> None:
    run_dir = demo_scan.run_dir if which == "redacted" else revealed_demo / "run"
    assert gexf_export_problems(run_dir) == []
    for path in [run_dir / "network.gexf", *sorted((run_dir / "cases").glob("*.gexf"))]:
        graph = nx.read_gexf(path)
        payments = [d for _, _, d in graph.edges(data=True) if d.get("kind") == "payment"]
        assert all(isinstance(d.get("count"), int) for d in payments)


def test_payments_point_from_payer_to_payee(revealed_demo: Path) -> None:
    graph = nx.read_gexf(revealed_demo / "run" / "network.gexf")
    payments = [(a, b) for a, b, d in graph.edges(data=True) if d.get("kind") == "payment"]
    assert payments
    assert all(a.startswith("account:") and b.startswith("account:") for a, b in payments)


def test_every_csv_reads_back_in_pandas(demo_scan: ScanResult) -> None:
    cases = pd.read_csv(demo_scan.run_dir / "cases.csv", dtype=str)
    findings = pd.read_csv(demo_scan.run_dir / "findings.csv", dtype=str, keep_default_na=False)
    evidence = pd.read_csv(demo_scan.run_dir / "evidence.csv", dtype=str, keep_default_na=False)
    assert list(cases["case_id"]) == [c.case_id for c in demo_scan.shown]
    assert len(findings) == len(demo_scan.findings)
    assert len(evidence) == sum(len(f.evidence) for f in demo_scan.findings)
    assert set(evidence["finding_id"]) <= set(findings["finding_id"])
