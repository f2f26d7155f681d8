"""The verdict baseline: stable case ids across re-scans, new/changed/unchanged, dismissed cases
stay hidden unless they change materially, and the `verdict` command records who/when/why."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from redflags.cases.baseline import Baseline, BaselineError
from redflags.cli import app
from redflags.model import Case, Evidence, Finding, Score, Step


def _finding(indicator: str, record: str, subject: str = "+4512345678") -> Finding:
    kind, _, record_id = record.partition(":")
    return Finding(
        indicator_id=indicator,
        indicator_version=1,
        subject_kind="phone",
        subject=subject,
        summary_en="s",
        summary_da="s",
        evidence=(Evidence(kind=kind, record_id=record_id),),
        pivots=(f"phone:{subject}",),
    )


def _case(case_id: str, records: list[str], indicators: list[str], total: float) -> Case:
    findings = tuple(_finding(i, records[n % len(records)]) for n, i in enumerate(indicators))
    steps = tuple(
        Step(code=i, delta=total / len(indicators), detail_en="", detail_da="") for i in indicators
    )
    score = Score(
        model="risk-v1",
        total=sum(s.delta for s in steps),
        steps=steps,
        source_types=("ad", "customer"),
        is_case=True,
        priority="high" if total >= 10 else "review",
    )
    return Case(
        case_id=case_id,
        group_id="G-" + case_id[2:],
        score=score,
        findings=findings,
        records=tuple(sorted(records)),
        pivots=("phone:+4512345678",),
        timeline=(),
    )


def token(pivot: str) -> str:
    return "t-" + pivot  # stands in for the keyed hash


WORLD = [f"ad:A{i}" for i in range(6)] + ["customer:K1"]


def test_second_scan_of_the_same_world_shows_no_case(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    book = Baseline.load(path)
    _, first = book.apply([_case("C-1", WORLD, ["BEH-A", "FIN-B"], 8)], token, "r1")
    assert [s.status for s in first.values()] == ["new"] and first["C-1"].shown
    book.save()
    _, second = Baseline.load(path).apply([_case("C-1", WORLD, ["BEH-A", "FIN-B"], 8)], token, "r2")
    assert second["C-1"].status == "unchanged" and not second["C-1"].shown
    _, shown_all = Baseline.load(path).apply(
        [_case("C-1", WORLD, ["BEH-A", "FIN-B"], 8)], token, "r3", show_all=True
    )
    assert shown_all["C-1"].shown
    assert yaml.safe_load(path.read_text())["version"] == 1


def test_a_changed_world_keeps_the_old_id_and_shows_why(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    book = Baseline.load(path)
    book.apply([_case("C-1", WORLD, ["BEH-A", "FIN-B"], 8)], token, "r1")
    book.save()
    grown = _case("C-9", [*WORLD, "ad:A99"], ["BEH-A", "FIN-B", "RCS-C"], 11)  # id is a hash
    unrelated = _case("C-5", ["ad:Z1", "customer:K7"], ["BEH-A", "KYC-D"], 7)
    cases, statuses = Baseline.load(path).apply([grown, unrelated], token, "r2")
    assert [c.case_id for c in cases] == ["C-1", "C-5"]
    assert statuses["C-1"].status == "changed" and statuses["C-1"].shown
    assert statuses["C-1"].previous_id == "C-9"
    reasons = " ".join(statuses["C-1"].reasons)
    assert "RCS-C" in reasons and "new record" in reasons and "priority review -> high" in reasons
    assert statuses["C-5"].status == "new"


def test_dismissed_stays_hidden_unless_it_changes_materially(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    book = Baseline.load(path)
    book.apply([_case("C-1", WORLD, ["BEH-A", "FIN-B"], 8)], token, "r1")
    book.record_verdict("C-1", "dismissed", "ana", "family business")
    book.save()
    # one more record but nothing material: still hidden
    more = _case("C-1", [*WORLD, "ad:A77"], ["BEH-A", "FIN-B"], 8)
    _, statuses = Baseline.load(path).apply([more], token, "r2")
    assert not statuses["C-1"].shown
    assert (statuses["C-1"].verdict or {}).get("status") == "dismissed"
    # a new indicator: it reappears and says why
    worse = _case("C-1", [*WORLD, "ad:A77"], ["BEH-A", "FIN-B", "RCS-C"], 9)
    _, statuses = Baseline.load(path).apply([worse], token, "r3")
    assert statuses["C-1"].shown and "reappeared although dismissed" in statuses["C-1"].reasons[0]
    assert "RCS-C" in statuses["C-1"].reasons[0]


def test_suppression_hides_until_material_change(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    book = Baseline.load(path)
    book.apply([_case("C-1", WORLD, ["BEH-A", "FIN-B"], 8)], token, "r1")
    book.suppress("C-1", "ana", "known shelter")
    book.save()
    _, statuses = Baseline.load(path).apply(
        [_case("C-1", [*WORLD, "ad:A5x"], ["BEH-A", "FIN-B"], 8)], token, "r2"
    )
    assert not statuses["C-1"].shown and statuses["C-1"].suppressed


def test_bad_baselines_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text("version: 7\ncases: {}\n")
    with pytest.raises(BaselineError, match="version"):
        Baseline.load(path)
    with pytest.raises(BaselineError, match="not in"):
        Baseline(tmp_path / "x.yaml").record_verdict("C-0", "dismissed", "ana")


def test_verdict_command_records_who_when_why(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    book = Baseline.load(path)
    book.apply([_case("C-1", WORLD, ["BEH-A", "FIN-B"], 8)], token, "r1")
    book.save()
    runner = CliRunner()
    result = runner.invoke(
        app,
        ["verdict", "C-1", "confirmed", "--note", "passed to CMM", "--baseline", str(path)],
        env={"REDFLAGS_USER": "ana"},
    )
    assert result.exit_code == 0, result.output
    entry = yaml.safe_load(path.read_text())["cases"]["C-1"]["verdict"]
    assert (
        entry["status"] == "confirmed" and entry["by"] == "ana" and entry["note"] == "passed to CMM"
    )
    assert entry["at"]
    bad = runner.invoke(app, ["verdict", "C-1", "guilty", "--baseline", str(path)])
    assert bad.exit_code == 1


def test_rescan_of_the_demo_shows_zero_new_cases(tmp_path: Path) -> None:
    from demo_world import write_demo_world
    from redflags.pipeline import ScanOptions, run_scan

    write_demo_world(tmp_path / "data")
    baseline = tmp_path / "redflags.baseline.yaml"
    options = ScanOptions(
        out=tmp_path / "r1", db=tmp_path / "s.duckdb", redaction_key=b"k", baseline=baseline
    )
    first = run_scan([tmp_path / "data"], options)
    assert first.cases and len(first.shown) == len(first.cases)
    second = run_scan(
        [tmp_path / "data"],
        ScanOptions(
            out=tmp_path / "r2", db=tmp_path / "s.duckdb", redaction_key=b"k", baseline=baseline
        ),
    )
    assert second.shown == [] and len(second.cases) == len(first.cases)
    assert {c.case_id for c in second.cases} == {c.case_id for c in first.cases}
    assert "+45" not in baseline.read_text()  # pivots are stored as keyed hashes


def _three_cases() -> list[Case]:
    return [
        _case(f"C-{n}", [f"ad:X{n}{i}" for i in range(3)], ["BEH-A", "FIN-B"], 8) for n in range(3)
    ]


def test_a_verdict_recorded_during_a_scan_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    first = Baseline.load(path)
    first.apply(_three_cases(), token, "r1")
    first.save()
    scan = Baseline.load(path)  # a second scan starts and reads the baseline
    analyst = Baseline.load(path)  # meanwhile an analyst records a verdict
    analyst.record_verdict("C-1", "confirmed", "ana", "passed to CMM")
    analyst.suppress("C-2", "ana", "known shelter")
    analyst.save()
    scan.apply(_three_cases(), token, "r2")  # the scan ends and writes its snapshots
    scan.save()
    data = yaml.safe_load(path.read_text())
    assert data["cases"]["C-1"]["verdict"]["status"] == "confirmed"
    assert [s["case_id"] for s in data["suppressions"]] == ["C-2"]
    assert data["cases"]["C-0"]["last_run"] == "r2"
    assert data["cases"]["C-0"]["first_run"] == "r1"  # first seen stays the first


def test_concurrent_verdicts_on_different_cases_are_all_kept(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "b.yaml"
    book = Baseline.load(path)
    book.apply(_three_cases(), token, "r1")
    book.save()
    everyone_has_read = threading.Barrier(3)
    failures: list[BaseException] = []

    def analyst(n: int) -> None:
        try:
            mine = Baseline.load(path)
            everyone_has_read.wait(10)  # all read the same file before anyone writes
            mine.record_verdict(f"C-{n}", "dismissed", f"analyst{n}")
            mine.save()
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    threads = [threading.Thread(target=analyst, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not failures
    cases = yaml.safe_load(path.read_text())["cases"]
    assert {cases[f"C-{n}"]["verdict"]["by"] for n in range(3)} == {
        "analyst0",
        "analyst1",
        "analyst2",
    }
    assert not list(tmp_path.glob("*.tmp"))  # no temp file left behind


def test_two_verdicts_on_one_case_keep_the_earlier_in_history(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    book = Baseline.load(path)
    book.apply(_three_cases(), token, "r1")
    book.save()
    ana, bo = Baseline.load(path), Baseline.load(path)
    ana.record_verdict("C-0", "needs_information", "ana")
    bo.record_verdict("C-0", "confirmed", "bo")
    ana.save()
    bo.save()
    entry = yaml.safe_load(path.read_text())["cases"]["C-0"]
    assert entry["verdict"]["by"] == "bo"
    assert [v["by"] for v in entry["history"]] == ["ana"]


def test_a_held_lock_gives_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    from redflags.cases import baseline as baseline_module

    path = tmp_path / "b.yaml"
    book = Baseline.load(path)
    book.apply(_three_cases(), token, "r1")
    monkeypatch.setattr(baseline_module, "LOCK_TIMEOUT", 0.2)
    context = multiprocessing.get_context("spawn")
    ready, done = context.Event(), context.Event()
    holder = context.Process(target=_hold_lock, args=(str(path) + ".lock", ready, done))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(BaselineError, match="another redflags process") as exc:
            book.save()
        assert "\n" not in str(exc.value)
    finally:
        done.set()
        holder.join(30)
    book.save()  # once the other writer is done, the scan's changes are written
    assert set(yaml.safe_load(path.read_text())["cases"]) == {"C-0", "C-1", "C-2"}


def _hold_lock(lock_path: str, ready: object, done: object) -> None:
    from filelock import FileLock

    with FileLock(lock_path):
        ready.set()  # type: ignore[attr-defined]
        done.wait(30)  # type: ignore[attr-defined]
