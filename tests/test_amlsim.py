"""The AMLSim outside check: loader, labels, metrics and the `redflags amlsim` command.

A tiny synthetic archive with a planted fan-in runs everywhere; the real IBM sample
(`20K_fanin200.tgz`) runs when it is present: $REDFLAGS_AMLSIM (the .tgz or its folder), else
`shared/data/amlsim` beside the repository.
"""

from __future__ import annotations

import io
import json
import os
import tarfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redflags.cli import app
from redflags.outside.amlsim import (
    AMLSIM_CURRENCY,
    MANY_PAYERS_ONLY,
    check_amlsim,
    day_of,
    load_amlsim,
)
from redflags.store import Store

runner = CliRunner()
ARCHIVE_NAME = "20K_fanin200.tgz"


def _real_archive() -> Path | None:
    configured = os.environ.get("REDFLAGS_AMLSIM")
    candidates = [Path(configured)] if configured else []
    candidates.append(Path(__file__).resolve().parents[2] / "shared" / "data" / "amlsim")
    for candidate in candidates:
        path = candidate / ARCHIVE_NAME if candidate.is_dir() else candidate
        if path.is_file():
            return path
    return None


def _tgz(path: Path, members: dict[str, str]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, text in members.items():
            data = text.encode()
            info = tarfile.TarInfo(f"tiny/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


RECEIVER = "100"
MEMBERS = [str(n) for n in range(1, 26)]  # 25 alert members: above min_distinct_payers (20)
BACKGROUND = [str(n) for n in range(200, 210)]


def _tiny_archive(tmp_path: Path) -> Path:
    nodes = ["nodeid,isFraud,init_balance,fraudStep", f"{RECEIVER},1,100.00,-1"]
    nodes += [f"{m},1,50.00,5" for m in MEMBERS]
    nodes += [f"{b},0,80.00,-1" for b in BACKGROUND]
    txns = ["sourceNodeId,targetNodeId,value,time"]
    for at, member in enumerate(MEMBERS):
        txns += [f"{member},{RECEIVER},3.{at:02d},5", f"{member},{RECEIVER},3.50,5"]
    for at, payer in enumerate(BACKGROUND):  # a ring of ordinary transfers
        txns.append(f"{payer},{BACKGROUND[(at + 1) % len(BACKGROUND)]},120.00,{at + 1}")
    txns += [
        "201,202,99.00,soon",  # step is not a whole number
        "203,204,-5.00,3",  # negative amount
        "205,206,10.00,3,extra",  # a field too many
    ]
    members = {"nodes.csv": "\n".join(nodes) + "\n", "transactions.csv": "\n".join(txns) + "\n"}
    return _tgz(tmp_path / "tiny.tgz", members)


def test_loader_maps_rows_quarantines_bad_ones_and_returns_labels(tmp_path: Path) -> None:
    archive = _tiny_archive(tmp_path)
    with Store.open() as store:
        load = load_amlsim(archive, store)
        report = load.report
        assert report.read == 2 * len(MEMBERS) + len(BACKGROUND) + 3
        assert report.read == report.stored + report.quarantined
        assert report.quarantined == 3
        reasons = [
            r[0] for r in store.connection.execute("SELECT reason FROM quarantine").fetchall()
        ]
        assert any("soon" in r for r in reasons)
        assert any("amount" in r for r in reasons)
        assert any("fields" in r for r in reasons)
        row = store.connection.execute(
            "SELECT ts, payer, payee, amount, currency, channel FROM transactions "
            "WHERE txn_id = 'amlsim-1'"
        ).fetchone()
    assert row is not None
    assert row[0] == day_of(5) and row[0].hour == 12
    assert row[1:] == ("1", RECEIVER, 3.0, AMLSIM_CURRENCY, "transfer")
    labels = load.labels
    assert labels.positives == frozenset([RECEIVER, *MEMBERS])
    assert labels.receivers == frozenset([RECEIVER])
    assert labels.groups == {a: RECEIVER for a in [RECEIVER, *MEMBERS]}


def test_check_finds_the_planted_receiver(tmp_path: Path) -> None:
    check = check_amlsim(_tiny_archive(tmp_path), tmp_path / "out")
    metrics = json.loads((tmp_path / "out" / "amlsim_metrics.json").read_text())
    assert metrics == json.loads(json.dumps(check.metrics()))
    by_name = {v.name: v for v in check.variants}
    many = by_name["buyer-many-payers-only"]
    assert many.ran and many.overrides == MANY_PAYERS_ONLY
    assert many.flagged == frozenset([RECEIVER])
    row = next(v for v in metrics["variants"] if v["name"] == "buyer-many-payers-only")
    assert row["receivers"] == {
        "flagged": 1,
        "positives": 1,
        "true_positives": 1,
        "precision": 1.0,
        "recall": 1.0,
    }
    assert row["is_fraud"]["precision"] == 1.0
    assert row["is_fraud"]["recall"] == round(1 / 26, 4)
    fan_in = by_name["fan-in-standin-kyc"]
    assert not fan_in.ran or RECEIVER in fan_in.flagged, fan_in.note
    # As catalogued the buyer rule reads P2P payments in DKK only: nothing here.
    assert by_name["buyer-as-is"].ran and not by_name["buyer-as-is"].flagged
    for variant in metrics["variants"]:
        assert variant["ran"] or variant["note"]
        for scores in (variant["is_fraud"], variant["receivers"]):
            if scores is not None:
                assert 0.0 <= scores["precision"] <= 1.0
                assert 0.0 <= scores["recall"] <= 1.0


def test_cli_on_the_tiny_archive(tmp_path: Path) -> None:
    result = runner.invoke(app, ["amlsim", "--archive", str(_tiny_archive(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "buyer-many-payers-only" in result.output
    assert "not trafficking" in result.output


def test_cli_refuses_a_missing_or_foreign_archive(tmp_path: Path) -> None:
    result = runner.invoke(app, ["amlsim", "--archive", str(tmp_path / "nope.tgz")])
    assert result.exit_code == 1
    foreign = _tgz(tmp_path / "foreign.tgz", {"other.csv": "a,b\n1,2\n"})
    result = runner.invoke(app, ["amlsim", "--archive", str(foreign)])
    assert result.exit_code == 1
    assert "nodes.csv" in result.output


@pytest.mark.skipif(
    _real_archive() is None,
    reason=f"AMLSim sample not found: set REDFLAGS_AMLSIM to {ARCHIVE_NAME} (or its folder), "
    "or place it in shared/data/amlsim beside the repository",
)
def test_real_amlsim_sample(tmp_path: Path) -> None:
    archive = _real_archive()
    assert archive is not None
    result = runner.invoke(app, ["amlsim", "--archive", str(archive), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    metrics = json.loads((tmp_path / "amlsim_metrics.json").read_text())
    ingest = metrics["ingest"]
    assert ingest["read"] == 118_250
    assert ingest["read"] == ingest["stored"] + ingest["quarantined"]
    labels = metrics["labels"]
    assert labels["accounts"] == 20_000
    assert labels["is_fraud"] == 954
    assert 0 < labels["fan_in_receivers"] <= labels["fan_in_groups"] <= 200
    ran = [v for v in metrics["variants"] if v["ran"]]
    assert {v["name"] for v in ran} >= {"buyer-as-is", "buyer-many-payers-only"}
    for variant in ran:
        for scores in (variant["is_fraud"], variant["receivers"]):
            assert 0.0 <= scores["precision"] <= 1.0
            assert 0.0 <= scores["recall"] <= 1.0
