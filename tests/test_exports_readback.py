"""Every export reads back with its receiving library on two worlds: the bundled demo and a
second generated world (seed 3, every typology once over background), redacted and revealed;
and a confirmed case of that world files as a goAML STR the XSD reads. The `small` scale is
checked the same way by `bench/check_exports.py` (too slow for the suite)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

from export_readback import export_problems
from filing_world import file_goaml, revealed_cases, revealed_demo, revealed_scan
from redflags.pipeline import EvaluationResult, ScanResult

pytest.importorskip("followthemoney")
pytest.importorskip("networkx")
pytest.importorskip("pandas")
XSD = Path(__file__).parent / "data" / "goaml_subset_NOT_OFFICIAL.xsd"
__all__ = ["revealed_demo"]


@pytest.fixture(scope="session")
def revealed_world(tmp_path_factory: pytest.TempPathFactory, demo_world: Path) -> Path:
    """`demo_world` (seed 3) scanned with --reveal and a kept record store."""
    return revealed_scan(tmp_path_factory, "world-3-revealed", demo_world)


def test_the_demo_exports_read_back_redacted_and_revealed(
    demo_scan: ScanResult, revealed_demo: Path
) -> None:
    assert export_problems(demo_scan.run_dir) == []
    assert export_problems(revealed_demo / "run") == []


def test_a_second_world_exports_read_back_redacted_and_revealed(
    demo_world_evaluation: EvaluationResult, revealed_world: Path
) -> None:
    run_dir = demo_world_evaluation.scan.run_dir
    assert list((run_dir / "cases").glob("*.ftm.jsonl")), "the world raised no case"
    assert export_problems(run_dir) == []
    assert export_problems(revealed_world / "run") == []


def test_a_confirmed_case_of_the_second_world_files_and_the_xsd_reads_it(
    revealed_world: Path, tmp_path: Path
) -> None:
    cases = revealed_cases(revealed_world)
    with_money = [c for c in cases if any(r.startswith("transaction:") for r in c.records)]
    assert with_money, "no case of the world has transactions"
    case = with_money[0]
    result, out = file_goaml(revealed_world, tmp_path, case.case_id, "--xsd", str(XSD))
    assert result.exit_code == 0, result.output
    xmlschema.XMLSchema11(str(XSD)).validate(str(out))  # raises on any problem
    root = ET.parse(out).getroot()
    assert root.findtext("entity_reference") == case.case_id
    transactions = [r for r in case.records if r.startswith("transaction:")]
    assert len(root.findall("transaction")) == len(transactions)
