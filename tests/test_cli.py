"""The command line as a user meets it: exit codes, one-line errors, bilingual output."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from redflags.cli import app

runner = CliRunner()


def test_catalogue_lint_passes() -> None:
    result = runner.invoke(app, ["catalogue", "lint"])
    assert result.exit_code == 0, result.output
    assert "84 indicators" in result.output


def test_indicators_list_and_show_in_both_languages() -> None:
    listed = runner.invoke(app, ["indicators", "list", "--lang", "da"])
    assert listed.exit_code == 0
    assert "BEH-CONTACT-PROXY" in listed.output
    shown = runner.invoke(app, ["indicators", "show", "fin-buyer-pays-third-party", "--lang", "da"])
    assert shown.exit_code == 0, shown.output
    assert "Regel" in shown.output and "min_distinct_payers" in shown.output
    planned = runner.invoke(app, ["indicators", "show", "BEH-CRUDE-LANG"])
    assert "planned" in planned.output
    missing = runner.invoke(app, ["indicators", "show", "NOPE-1"])
    assert missing.exit_code == 1


def test_checklist_lists_only_human_observable_indicators_bilingually(tmp_path: Path) -> None:
    result = runner.invoke(app, ["checklist"])
    assert result.exit_code == 0
    assert "BEH-FEAR-INJURY" in result.output  # human only
    assert "FIN-BUYER-PAYS-THIRD-PARTY" not in result.output  # data only
    assert "hvad en person kan observere" in result.output
    out = tmp_path / "checklist.html"
    assert runner.invoke(app, ["checklist", "--format", "html", "--out", str(out)]).exit_code == 0
    assert "<table>" in out.read_text(encoding="utf-8")


def _one_line_error(result_output: str) -> None:
    assert "Traceback" not in result_output
    assert len([line for line in result_output.splitlines() if line.strip()]) == 1


def test_broken_files_give_one_line_errors(tmp_path: Path) -> None:
    cases = {
        "transactions.csv": "txn_id,ts,payer,payee\nT1,2026-01-01T10:00:00Z,a,b\n",  # no amount
        "ads.parquet": "this is not parquet",
        "customers.csv": None,  # latin-1 bytes below
    }
    for name, content in cases.items():
        folder = tmp_path / name.replace(".", "_")
        folder.mkdir()
        path = folder / name
        if content is None:
            path.write_bytes("customer_id,last_name\nK1,Sørensen\n".encode("utf-16"))
        else:
            path.write_text(content, encoding="utf-8")
        result = runner.invoke(app, ["scan", str(path), "--out", str(tmp_path / "run")])
        assert result.exit_code == 1, (name, result.output)
        assert name in result.output
        _one_line_error(result.output)


def test_scan_of_a_missing_path_fails_cleanly(tmp_path: Path) -> None:
    result = runner.invoke(app, ["scan", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    _one_line_error(result.output)


def test_ingest_prints_reconciled_counts(tmp_path: Path) -> None:
    path = tmp_path / "transactions.csv"
    path.write_text(
        "txn_id,ts,payer,payee,amount,channel\n"
        "T1,2026-01-01T10:00:00Z,a,b,100,p2p\n"
        "T2,2026-01-01T10:00:00Z,a,b,abc,p2p\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"
    first = runner.invoke(app, ["ingest", str(path), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "read 2 = stored 1" in first.output and "quarantined 1" in first.output
    again = runner.invoke(app, ["ingest", str(path), "--db", str(db)])
    assert "skipped" in again.output
