"""`redflags file goaml`: a confirmed case of the case store as a goAML STR, read back with
xmlschema against a local XSD 1.1 (tests/data/goaml_subset_NOT_OFFICIAL.xsd, NOT the official
schema) and by the project's structural checks; an unfit report is never written."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema
from sqlalchemy import select
from typer.testing import CliRunner

from filing_world import case_store, institution_file, revealed_cases, revealed_demo
from redflags.catalogue import load_catalogue
from redflags.cli import app
from redflags.filing.goaml import build_goaml
from redflags.filing.goaml_schema import check_report, structural_problems
from redflags.filing.indicators import PLACEHOLDER, load_indicator_map, shipped_template
from redflags.filing.settings import load_institution
from redflags.report.detail import CaseDetail
from redflags.service.db import open_database
from redflags.service.db.models import AuditEvent

XSD = Path(__file__).parent / "data" / "goaml_subset_NOT_OFFICIAL.xsd"
runner = CliRunner()
__all__ = ["revealed_demo"]


@pytest.fixture(scope="module")
def filing(tmp_path_factory: pytest.TempPathFactory, revealed_demo: Path) -> dict:
    folder = tmp_path_factory.mktemp("goaml")
    cases = revealed_cases(revealed_demo)
    with_money = [c for c in cases if any(r.startswith("transaction:") for r in c.records)]
    confirmed = with_money[0].case_id
    url = case_store(folder, revealed_demo, [confirmed])
    return {
        "folder": folder,
        "url": url,
        "confirmed": confirmed,
        "new": with_money[1].case_id,
        "store": revealed_demo / "store.duckdb",
        "institution": institution_file(folder),
    }


def _file(filing: dict, case_id: str, out: Path, *extra: str) -> object:
    return runner.invoke(
        app,
        [
            "file",
            "goaml",
            case_id,
            "--out",
            str(out),
            "--institution",
            str(filing["institution"]),
            "--db",
            str(filing["store"]),
            "--database",
            filing["url"],
            "--reason",
            "confirmed by the team",
            *extra,
        ],
    )


def _audit(url: str, action: str) -> list[tuple[str, bool]]:
    """(case id, ok) of every audit row of `action`."""
    db = open_database(url)
    try:
        with db.read() as session:
            rows = session.scalars(select(AuditEvent).where(AuditEvent.action == action))
            return [(row.target_id, bool(row.ok)) for row in rows]
    finally:
        db.dispose()


def test_a_confirmed_case_files_and_the_xsd_reads_it(filing: dict, tmp_path: Path) -> None:
    out = tmp_path / "report.xml"
    result = _file(filing, filing["confirmed"], out, "--xsd", str(XSD))
    assert result.exit_code == 0, result.output
    assert "validated against the goAML XSD" in result.output
    schema = xmlschema.XMLSchema11(str(XSD))
    schema.validate(str(out))  # raises on any problem
    root = ET.parse(out).getroot()
    assert root.findtext("report_code") == "STR"
    assert root.findtext("entity_reference") == filing["confirmed"]
    assert "mistanke om menneskehandel" in root.findtext("reason", "")
    transactions = root.findall("transaction")
    assert transactions and root.findall("transaction/t_from_my_client")
    person = root.find(".//t_from_my_client/from_account/related_persons//t_person")
    assert person is not None and person.findtext("first_name") and person.findtext("birthdate")
    assert [i.text for i in root.findall("report_indicators/indicator")] == ["TRAF"]
    events = _audit(filing["url"], "case.file_goaml")
    assert (filing["confirmed"], True) in events


def test_without_an_xsd_the_output_says_which_checks_ran(filing: dict, tmp_path: Path) -> None:
    out = tmp_path / "report.xml"
    result = _file(filing, filing["confirmed"], out)
    assert result.exit_code == 0, result.output
    assert "structural checks" in result.output and "--xsd" in result.output
    assert structural_problems(out.read_bytes()) == []


def test_a_case_not_confirmed_is_not_filed(filing: dict, tmp_path: Path) -> None:
    out = tmp_path / "report.xml"
    result = _file(filing, filing["new"], out)
    assert result.exit_code == 1 and not out.exists()
    assert "only a confirmed or reported case" in result.output
    events = _audit(filing["url"], "case.file_goaml")
    assert (filing["new"], False) in events


def test_placeholder_codes_make_the_report_unfit_and_unwritten(
    filing: dict, tmp_path: Path
) -> None:
    institution = institution_file(tmp_path, codes=f"[{PLACEHOLDER}]")
    out = tmp_path / "report.xml"
    result = _file({**filing, "institution": institution}, filing["confirmed"], out)
    assert result.exit_code == 1 and not out.exists()
    assert "not fit to file" in result.output and PLACEHOLDER in result.output


def test_every_text_is_escaped_and_lengths_are_kept(filing: dict, revealed_demo: Path) -> None:
    case = next(c for c in revealed_cases(revealed_demo) if c.case_id == filing["confirmed"])
    payer, payee = "1234-0000000001", "1234-0000000002"
    hostile = "<b>&amp; 'quote\" \x01bell" + "x" * 5000
    detail = CaseDetail(
        customers={
            "K1": {
                "customer_id": "K1",
                "account_id": payer,
                "first_name": "Ån<e>",
                "last_name": "O'Brien & Co",
                "birth_date": "1990-02-03",
                "nationality": "dk",
                "address": hostile,
            }
        },
        transactions=[
            {
                "txn_id": "T1",
                "ts": "2026-01-02T03:04:05+00:00",
                "payer": payer,
                "payee": payee,
                "amount": 12.345,
                "currency": "DKK",
                "channel": "p2p",
                "memo": hostile,
                "merchant": None,
            }
        ],
    )
    settings = load_institution(filing["institution"]).model_copy(update={"xsd": XSD})
    indicators = load_indicator_map(settings.indicator_map)
    made = build_goaml(case, detail, settings, load_catalogue(), indicators)
    assert made.ok, made.all_problems()
    root = ET.fromstring(made.xml)
    assert root.findtext(".//t_person/last_name") == "O'Brien & Co"
    assert root.findtext(".//t_person/nationality1") == "DK"
    description = root.findtext("transaction/transaction_description", "")
    assert description.startswith("p2p: <b>&amp; 'quote\" bell") and len(description) <= 4000
    assert root.findtext("transaction/amount_local") == "12.35"
    assert root.findtext("transaction/date_transaction") == "2026-01-02T04:04:05"  # local time


def test_a_broken_report_fails_both_checks(filing: dict, tmp_path: Path) -> None:
    out = tmp_path / "report.xml"
    assert _file(filing, filing["confirmed"], out).exit_code == 0
    xml = out.read_bytes()
    start = xml.index(b"<amount_local>")
    broken = xml[:start] + xml[xml.index(b"</amount_local>", start) + 15 :]
    broken = broken.replace(b"<submission_code>E<", b"<submission_code>X<")
    structural = check_report(broken, None)
    assert not structural.ok
    assert any("amount_local is missing" in p for p in structural.problems)
    assert any("submission_code" in p for p in structural.problems)
    assert not check_report(broken, XSD).ok


def test_foreign_amounts_need_a_rate(filing: dict, revealed_demo: Path) -> None:
    case = next(c for c in revealed_cases(revealed_demo) if c.case_id == filing["confirmed"])
    row = {
        "txn_id": "T9",
        "ts": "2026-01-02T03:04:05+00:00",
        "payer": "A",
        "payee": "B",
        "amount": 100.0,
        "currency": "EUR",
        "channel": "transfer",
    }
    settings = load_institution(filing["institution"])
    indicators = load_indicator_map(settings.indicator_map)
    catalogue = load_catalogue()
    made = build_goaml(case, CaseDetail(transactions=[row]), settings, catalogue, indicators)
    assert any("EUR" in p for p in made.problems)
    rated = settings.model_copy(update={"exchange_rates": {"EUR": 7.46}})
    made = build_goaml(case, CaseDetail(transactions=[row]), rated, catalogue, indicators)
    assert made.ok, made.all_problems()
    root = ET.fromstring(made.xml)
    assert root.findtext("transaction/amount_local") == "746.00"
    assert root.findtext("transaction/t_from/from_foreign_currency/foreign_amount") == "100.00"


def test_the_shipped_indicator_map_names_catalogue_indicators(tmp_path: Path) -> None:
    catalogue = load_catalogue()
    shipped = tmp_path / "shipped.yaml"
    shipped.write_text(shipped_template(), encoding="utf-8")
    codes = load_indicator_map(shipped).codes
    assert set(codes) <= {i.id for i in catalogue} and len(codes) > 50
    assert all(c == (PLACEHOLDER,) for c in codes.values())
    out = tmp_path / "map.yaml"
    result = runner.invoke(app, ["file", "indicator-map", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert set(load_indicator_map(out).codes) == {i.id for i in catalogue}
    assert runner.invoke(app, ["file", "indicator-map", "--out", str(out)]).exit_code == 1
