"""The command line under hostile and careless use (issue #11): output folders that are not
ours, raw stores left behind, tracebacks, terminal escapes in names, ambiguous file names and
invisible quarantine."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path

import duckdb
import pytest
from pydantic import BaseModel
from typer.testing import CliRunner

from conftest import THIN_BACKGROUND, world_copier
from redflags import generator, pipeline
from redflags.cli import app
from redflags.intake import reason_pattern
from redflags.pipeline import ScanOptions, run_scan
from redflags.runfolder import MARKER, RunFolder, RunFolderError
from redflags.terminal import printable

runner = CliRunner()
TXN_HEADER = "txn_id,ts,payer,payee,amount,channel"


def _lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.strip()]


def _one_line_error(output: str) -> str:
    assert "Traceback" not in output, output
    lines = _lines(output)
    assert len(lines) == 1, output
    assert lines[0].startswith("error: "), output
    return lines[0]


def _transactions(path: Path, bad: int = 0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [TXN_HEADER, "T1,2026-01-01T10:00:00Z,a,b,5,p2p"]
    rows += [f"B{i},2026-01-01T10:00:00Z,a,b,abc,p2p" for i in range(bad)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def thin_demo(monkeypatch: pytest.MonkeyPatch, thin_world: Path) -> None:
    """`redflags demo` writes a copy of the shared thin world instead of generating the demo
    scale: the tests that use this are about the run folder, not the demo's contents (those are
    tested on the demo world in tests/test_demo_scan.py), and generating and scanning the demo
    twice cost ~18 CPU-seconds."""
    copier = world_copier(thin_world, THIN_BACKGROUND)
    monkeypatch.setattr(generator, "load_generator", lambda: copier)


# -- 1. --out never deletes what redflags did not write -----------------------------------------


def test_demo_refuses_a_folder_that_is_not_a_run_folder(tmp_path: Path) -> None:
    out = tmp_path / "precious"
    out.mkdir()
    (out / "thesis.docx").write_text("years of work", encoding="utf-8")
    result = runner.invoke(app, ["demo", "--out", str(out)])
    assert result.exit_code == 1
    line = _one_line_error(result.output)
    assert "not empty and not a redflags run folder; choose another --out" in line
    assert (out / "thesis.docx").read_text(encoding="utf-8") == "years of work"
    assert sorted(p.name for p in out.iterdir()) == ["thesis.docx"]


def test_demo_twice_in_a_row_replaces_only_its_own_files(tmp_path: Path, thin_demo: None) -> None:
    out = tmp_path / "demo"
    first = runner.invoke(app, ["demo", "--out", str(out)])
    assert first.exit_code == 0, first.output
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "run" / "cases" / "analyst.txt").write_text("mine too", encoding="utf-8")
    second = runner.invoke(app, ["demo", "--out", str(out)])
    assert second.exit_code == 0, second.output
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "run" / "cases" / "analyst.txt").read_text(encoding="utf-8") == "mine too"
    assert (out / "run" / "report.html").is_file()
    marker = json.loads((out / MARKER).read_text(encoding="utf-8"))
    assert "notes.txt" not in marker["files"] and "data/ads/part-00000.parquet" in marker["files"]
    assert "run" in marker["folders"]  # a run folder inside, with a marker of its own
    inner = json.loads((out / "run" / MARKER).read_text(encoding="utf-8"))
    assert "report.html" in inner["files"] and "cases/analyst.txt" not in inner["files"]


def test_reused_run_folder_drops_stale_dossiers(tmp_path: Path, thin_world: Path) -> None:
    out = tmp_path / "run"
    first = run_scan([thin_world], ScanOptions(out=out, redaction_key=b"k"))
    dossiers = sorted((out / "cases").glob("C-*.html"))
    assert first.cases and dossiers
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    second = run_scan(
        [_transactions(tmp_path / "small" / "transactions.csv")],
        ScanOptions(out=out, redaction_key=b"k"),
    )
    assert not second.cases
    assert not any(path.exists() for path in dossiers)  # no dossier of a case that is gone
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["run_id"] == second.run_id


def test_scan_into_a_foreign_folder_is_refused(tmp_path: Path) -> None:
    data = _transactions(tmp_path / "data" / "transactions.csv")
    out = tmp_path / "home"
    out.mkdir()
    (out / "report.html").write_text("someone else's", encoding="utf-8")
    result = runner.invoke(app, ["scan", str(data), "--out", str(out)])
    assert result.exit_code == 1
    assert "not a redflags run folder" in _one_line_error(result.output)
    assert (out / "report.html").read_text(encoding="utf-8") == "someone else's"


def test_an_input_inside_the_run_folder_is_refused(tmp_path: Path) -> None:
    world = tmp_path / "world"
    _transactions(world / "transactions.csv")
    (world / MARKER).write_text(  # a world written by redflags synth is a run folder of ours
        json.dumps({"format": "redflags run folder", "files": ["transactions.csv"]}),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["scan", str(world), "--out", str(world)])
    assert result.exit_code == 1
    assert "inside the run folder" in _one_line_error(result.output)
    assert (world / "transactions.csv").is_file()


def test_a_forged_or_damaged_marker_deletes_nothing_outside(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "report.html").write_text("keep", encoding="utf-8")
    out = tmp_path / "run"
    out.mkdir()
    (out / "cases").symlink_to(elsewhere)  # a link where a folder of ours was
    forged = {
        "format": "redflags run folder",
        "version": 1,
        "run_id": "x",
        "files": ["../outside.txt", str(outside), "cases/report.html", "", "."],
        "folders": ["..", "cases"],
    }
    (out / MARKER).write_text(json.dumps(forged), encoding="utf-8")
    with pytest.raises(RunFolderError, match="symbolic link cases"):
        RunFolder.claim(out, "r")
    assert outside.read_text(encoding="utf-8") == "keep"
    assert (elsewhere / "report.html").read_text(encoding="utf-8") == "keep"

    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / MARKER).write_text("{not json", encoding="utf-8")
    (damaged / "data.csv").write_text("keep", encoding="utf-8")
    with pytest.raises(RunFolderError, match="damaged"):
        RunFolder.claim(damaged, "r")
    assert (damaged / "data.csv").exists()


def test_a_kept_store_and_baseline_in_the_run_folder_survive_reuse(tmp_path: Path) -> None:
    data = _transactions(tmp_path / "data" / "transactions.csv")
    out = tmp_path / "run"
    db = out / "work.duckdb"
    args = ["scan", str(data), "--out", str(out), "--db", str(db)]
    assert runner.invoke(app, args).exit_code == 0
    assert (out / "redflags.baseline.yaml").is_file()
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    assert db.is_file() and (out / "redflags.baseline.yaml").is_file()
    assert "skipped" in again.output or "already" in again.output  # the kept store remembers


def test_synth_overwrite_never_deletes_a_world_it_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "world"
    (out / "truth").mkdir(parents=True)
    (out / "truth" / "real_case.json").write_text("evidence", encoding="utf-8")
    result = runner.invoke(
        app, ["synth", "--out", str(out), "--scale", "demo", "--instances", "0", "--overwrite"]
    )
    assert result.exit_code == 1
    assert "not a redflags run folder" in _one_line_error(result.output)
    assert (out / "truth" / "real_case.json").read_text(encoding="utf-8") == "evidence"


def test_amlsim_out_never_replaces_a_store_it_did_not_write(tmp_path: Path) -> None:
    archive = tmp_path / "sample.tgz"
    archive.write_bytes(b"not read")
    out = tmp_path / "mine"
    out.mkdir()
    (out / "amlsim.duckdb").write_text("someone's database", encoding="utf-8")
    result = runner.invoke(app, ["amlsim", "--archive", str(archive), "--out", str(out)])
    assert result.exit_code == 1
    assert "not a redflags run folder" in _one_line_error(result.output)
    assert (out / "amlsim.duckdb").read_text(encoding="utf-8") == "someone's database"


# -- 2. no raw store in the run folder unless asked ---------------------------------------------


def test_run_folder_holds_no_store_and_the_temporary_one_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    opened: list[tuple[Path, int]] = []
    real_open = pipeline.Store.open

    def spy(path: Path | None = None, **kwargs: object) -> pipeline.Store:
        assert path is not None
        opened.append((path, stat.S_IMODE(path.parent.stat().st_mode)))
        return real_open(path)

    monkeypatch.setattr(pipeline.Store, "open", spy)
    data = _transactions(tmp_path / "data" / "transactions.csv")
    out = tmp_path / "run"
    result = runner.invoke(app, ["scan", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert not [p for p in out.rglob("*") if p.suffix in (".duckdb", ".wal", ".parquet")]
    assert opened and temp in opened[0][0].parents and opened[0][1] == 0o700
    assert list(temp.iterdir()) == []  # deleted at the end
    assert "Baseline:" not in result.output  # no kept store, no baseline beside it

    (tmp_path / "data" / "ads.csv").write_text("ad_id\nA1\n", encoding="utf-8")  # broken file
    failed = runner.invoke(app, ["scan", str(tmp_path / "data"), "--out", str(out)])
    assert failed.exit_code == 1
    _one_line_error(failed.output)
    assert list(temp.iterdir()) == []  # deleted after an error too


def test_with_db_the_store_is_kept_where_asked(tmp_path: Path) -> None:
    data = _transactions(tmp_path / "data" / "transactions.csv")
    db = tmp_path / "keep" / "s.duckdb"
    db.parent.mkdir()
    result = run_scan([data], ScanOptions(out=tmp_path / "run", db=db, redaction_key=b"k"))
    assert db.is_file() and result.ingest[0].stored == 1
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM transactions").fetchall() == [(1,)]


# -- 3. one line, never a traceback --------------------------------------------------------------


@pytest.mark.parametrize("command", ["scan", "ingest", "evaluate", "demo", "amlsim"])
def test_memory_limit_on_every_data_command_and_bad_values_in_one_line(
    tmp_path: Path, command: str
) -> None:
    data = _transactions(tmp_path / "data" / "transactions.csv")
    archive = tmp_path / "a.tgz"
    archive.write_bytes(b"x")
    args = {
        "scan": ["scan", str(data), "--out", str(tmp_path / "run")],
        "ingest": ["ingest", str(data), "--db", str(tmp_path / "s.duckdb")],
        "evaluate": ["evaluate", "--world", str(tmp_path / "data")],
        "demo": ["demo", "--out", str(tmp_path / "demo")],
        "amlsim": ["amlsim", "--archive", str(archive)],
    }[command]
    result = runner.invoke(app, [*args, "--memory-limit", "lots"])
    assert result.exit_code == 1
    assert "memory" in _one_line_error(result.output)
    assert not (tmp_path / "demo").exists() and not (tmp_path / "run").exists()


def test_out_of_memory_under_a_limit_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def starved(*args: object, **kwargs: object) -> None:
        raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block")

    monkeypatch.setattr(pipeline, "run_scan", starved)
    data = _transactions(tmp_path / "data" / "transactions.csv")
    result = runner.invoke(app, ["scan", str(data), "--memory-limit", "2GB"])
    assert result.exit_code == 1
    line = _one_line_error(result.output)
    assert "ran out of memory under --memory-limit 2GB; raise it" in line


def test_a_bug_is_one_line_unless_debug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("oops\x1b[2J")

    monkeypatch.setattr(pipeline, "run_scan", broken)
    data = _transactions(tmp_path / "data" / "transactions.csv")
    monkeypatch.delenv("REDFLAGS_DEBUG", raising=False)
    result = runner.invoke(app, ["scan", str(data)])
    assert result.exit_code == 1
    line = _one_line_error(result.output)
    assert "internal error" in line and "please report" in line and "--debug" in line
    assert "\x1b" not in result.output
    for debug in (["--debug", "scan", str(data)], ["scan", str(data)]):
        env = {"REDFLAGS_DEBUG": "1"} if debug[0] == "scan" else {}
        shown = runner.invoke(app, debug, env=env)
        assert shown.exit_code == 1
        assert "Traceback" in shown.output and "internal error" in shown.output
        assert "\x1b" not in shown.output


def test_validation_and_os_errors_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _transactions(tmp_path / "data" / "transactions.csv")
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["scan", str(data), "--out", str(blocker / "run")])
    assert result.exit_code == 1
    assert str(blocker) in _one_line_error(result.output)

    class Options(BaseModel):
        name: int

    def invalid(*args: object, **kwargs: object) -> None:
        Options.model_validate({"name": "my bank"})

    monkeypatch.setattr(pipeline, "run_scan", invalid)
    result = runner.invoke(app, ["scan", str(data)])
    assert result.exit_code == 1
    line = _one_line_error(result.output)
    assert "name" in line and "my bank" in line and "internal" not in line


def test_a_folder_name_with_a_space_gives_no_traceback(tmp_path: Path) -> None:
    data = _transactions(tmp_path / "my bank" / "transactions.csv")
    result = runner.invoke(app, ["scan", str(data.parent), "--out", str(tmp_path / "run")])
    assert "Traceback" not in result.output
    if result.exit_code != 0:
        assert result.exit_code == 1
        _one_line_error(result.output)


# -- 4. terminal escapes and markup in names -----------------------------------------------------


def test_printable_shows_control_and_bidi_characters() -> None:
    assert printable("x\x1b[2J.csv") == "x\\x1b[2J.csv"
    assert printable("a\x07b\rc\nd\x9be\u202ef\u2028") == "a\\x07b\\rc\\nd\\x9be\\u202ef\\u2028"
    assert printable("Sørensen 🙂 ok") == "Sørensen 🙂 ok"
    assert printable("bad\udcff") == "bad\\udcff"  # an undecodable byte in a file name


def test_escapes_and_markup_in_file_names_are_shown_not_obeyed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _transactions(data / "transactions.csv")
    (data / "x\x1b[2J.csv").write_text("a\n1\n", encoding="utf-8")
    (data / "[bold]notes[red].txt").write_text("hi", encoding="utf-8")
    (data / "evil\u202etxt.csv").write_text("a\n1\n", encoding="utf-8")
    result = runner.invoke(app, ["scan", str(data), "--out", str(tmp_path / "run")])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\u202e" not in result.output
    assert "x\\x1b[2J.csv" in result.output
    assert "[bold]notes[red].txt" in result.output
    assert "evil\\u202etxt.csv" in result.output

    broken = tmp_path / "evil\x1b]0;pwned\x07"
    (broken / "transactions.csv").parent.mkdir()
    (broken / "transactions.csv").write_text("txn_id\nT1\n", encoding="utf-8")
    failed = runner.invoke(app, ["scan", str(broken), "--out", str(tmp_path / "run2")])
    assert failed.exit_code == 1
    line = _one_line_error(failed.output)
    assert "\\x1b]0;pwned\\x07" in line and "\x07" not in failed.output


def test_extract_output_carries_no_terminal_controls() -> None:
    text = "see https://ex.com/a\u202eb\x9bc now\n"
    result = runner.invoke(app, ["extract"], input=text)
    assert result.exit_code == 0, result.output
    assert "\u202e" not in result.output and "\x9b" not in result.output
    [url] = [i for i in json.loads(result.output)["identifiers"] if i["kind"] == "url"]
    assert "\u202e" in url["value"]  # the same JSON value, only written escaped


# -- 5. unambiguous file names -------------------------------------------------------------------


def test_part_files_are_named_by_their_path_under_the_input(tmp_path: Path) -> None:
    root = tmp_path / "data"
    _transactions(root / "bank1" / "transactions" / "part-00000.csv", bad=1)
    _transactions(root / "bank2" / "transactions" / "part-00000.csv", bad=2)
    out = tmp_path / "run"
    result = runner.invoke(app, ["scan", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for name in ("bank1/transactions/part-00000.csv", "bank2/transactions/part-00000.csv"):
        assert f"{name}: read" in result.output
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert sorted(r["file"] for r in run["ingest"]) == [
        "bank1/transactions/part-00000.csv",
        "bank2/transactions/part-00000.csv",
    ]
    ingest = runner.invoke(
        app, ["ingest", str(root / "bank1" / "transactions"), "--db", str(tmp_path / "s.duckdb")]
    )
    assert "transactions/part-00000.csv: read 2" in ingest.output


# -- 6. quarantine made visible ------------------------------------------------------------------


def test_quarantine_reasons_grouped_with_counts_and_first_lines(tmp_path: Path) -> None:
    ads = tmp_path / "data" / "ads.csv"
    ads.parent.mkdir()
    rows = ["ad_id,posted_at,title,body"]
    rows += [f"A{i},+4512345{i:03d},t,b" for i in range(5)]  # lines 2-6: a phone, not a time
    rows += ["A9,2026-01-01T10:00:00Z,t,b", "A9,2026-01-02T10:00:00Z,t,b"]  # line 8: duplicate
    ads.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "run"
    result = runner.invoke(app, ["scan", str(ads.parent), "--out", str(out)])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("quarantined"))
    assert line.startswith("quarantined 6 row(s) in ads.csv: 5 × ")
    assert "(lines 2, 3, 4 …)" in line and "1 × " in line and "(line 8)" in line
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    [entry] = run["quarantine"]
    assert entry["file"] == "ads.csv" and entry["quarantined"] == 6
    counts = sorted((g["count"], g["lines"]) for g in entry["reasons"])
    assert counts == [(1, [8]), (5, [2, 3, 4])]
    assert "+4512345" not in json.dumps(run) and "+4512345" not in result.output

    again = runner.invoke(app, ["ingest", str(ads), "--db", str(tmp_path / "s.duckdb")])
    assert "quarantined 6 row(s) in ads.csv: 5 × " in again.output


def test_reason_pattern_drops_the_values() -> None:
    assert reason_pattern("amount: not a number 'abc'") == "amount: not a number …"
    assert reason_pattern("posted_at: not an ISO-8601 timestamp '+4512...") == (
        "posted_at: not an ISO-8601 timestamp …"
    )
    assert reason_pattern("amount: input should be greater than 0, got -5.0") == (
        "amount: input should be greater than 0, got …"
    )
    assert reason_pattern("duplicate ad_id 'A9', first at line 7") == (
        "duplicate ad_id …, first at line N"
    )
    assert reason_pattern("""x: bad "it's"; y: bad 'a\\'b'""") == "x: bad …; y: bad …"


def test_no_os_path_leaks_into_the_marker(tmp_path: Path) -> None:
    out = tmp_path / "r"
    with RunFolder.claim(out, "run-1") as folder:
        (out / "a.txt").write_text("x", encoding="utf-8")
        (out / "sub").mkdir()
        (out / "sub" / "b.txt").write_text("y", encoding="utf-8")
    marker = json.loads((out / MARKER).read_text(encoding="utf-8"))
    assert marker["run_id"] == folder.run_id == "run-1"
    assert marker["files"] == ["a.txt", "sub/b.txt"] and marker["folders"] == ["sub"]
    assert not any(os.path.isabs(f) for f in marker["files"])
