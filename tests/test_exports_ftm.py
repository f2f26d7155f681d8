"""FollowTheMoney exports that the followthemoney model (what Aleph and OpenAleph load with)
accepts, redacted and revealed, with people, one payment per transaction, ads and messages."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from filing_world import ftm_problems, revealed_cases, revealed_demo
from redflags.catalogue import load_catalogue
from redflags.engines import DuckDBEngine
from redflags.pipeline import ScanResult
from redflags.report.detail import read_case_detail
from redflags.report.ftm import ftm_entities
from redflags.report.redact import Redactor
from redflags.store import Store

pytest.importorskip("followthemoney")
__all__ = ["revealed_demo"]  # the fixture, used by name


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_redacted_scan_export_passes_the_model(demo_scan: ScanResult) -> None:
    entities = _lines(demo_scan.run_dir / "entities.ftm.jsonl")
    assert entities
    assert ftm_problems(entities) == []
    schemata = Counter(e["schema"] for e in entities)
    assert schemata["Payment"] and schemata["Note"] and schemata["LegalEntity"]
    for payment in (e for e in entities if e["schema"] == "Payment"):
        assert {"payer", "beneficiary", "amount", "currency"} <= set(payment["properties"])
    # a token is kept where any string is, never dropped by a phone or e-mail type
    contacts = [e for e in entities if e["properties"].get("name", [""])[0].startswith("phone")]
    assert contacts and all("phone" not in e["properties"] for e in contacts)
    assert all(e["properties"]["notes"][0].startswith("phone#") for e in contacts)


def test_the_revealed_scan_names_people_and_pays_per_transaction(revealed_demo: Path) -> None:
    entities = _lines(revealed_demo / "run" / "entities.ftm.jsonl")
    assert ftm_problems(entities) == []
    people = [e for e in entities if e["schema"] == "Person" and "birthDate" in e["properties"]]
    assert people, "no customer with a name and birth date"
    assert all(not p["properties"]["name"][0].startswith("customer ") for p in people)
    assert any("nationality" in p["properties"] for p in people)
    cases = revealed_cases(revealed_demo)
    transactions = {r for c in cases for r in c.records if r.startswith("transaction:")}
    payments = [e for e in entities if e["schema"] == "Payment"]
    assert len(payments) == len(transactions)
    assert all("date" in p["properties"] for p in payments)
    messages = [e for e in entities if e["schema"] == "Message"]
    articles = [e for e in entities if e["schema"] == "Article"]
    assert messages and articles
    assert any(m["properties"].get("bodyText") for m in messages)


def test_every_export_of_one_case_passes_redacted_and_revealed(revealed_demo: Path) -> None:
    catalogue = load_catalogue()
    cases = revealed_cases(revealed_demo)
    with Store.open(revealed_demo / "store.duckdb", read_only=True) as store:
        engine = DuckDBEngine(store.connection)
        detail = read_case_detail(engine, cases[0])
    assert detail.transactions and detail.customers
    for reveal in (False, True):
        redactor = Redactor(key=b"0123456789abcdef0123456789abcdef", reveal=reveal)
        entities = ftm_entities(cases[0], catalogue, redactor, "da", None, detail)
        assert ftm_problems(entities) == [], f"reveal={reveal}"
        text = json.dumps(entities, ensure_ascii=False)
        holder = next(iter(detail.customers.values()))
        assert (str(holder["last_name"]) in text) is reveal
        assert (str(detail.transactions[0]["payer"]) in text) is reveal
