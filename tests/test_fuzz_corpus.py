"""The hostile-input corpus (tests/fuzz/): every malformed input ends in a one-line error or is
accepted with counts that reconcile with the store, in bounded time and memory, writing nothing
outside its own folder. Plus scan-level checks: payloads never become live HTML, and --out
never deletes what redflags did not create. The coverage-guided targets of fuzz/ run in
tests/test_fuzz_targets.py (their own module, so that xdist can run them beside this one).

At the end the terminal summary says "fuzz corpus: tried N, held M" (docs/security.md).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from demo_world import rewrite_records, write_demo_world
from fuzz.build import SCRIPT, csv_bytes, valid_row
from fuzz.corpus import all_cases, one
from fuzz.harness import (
    TALLY,
    Case,
    ContractBroken,
    check_clean_output,
    check_one_line_error,
    invoke,
    run_case,
)
from redflags.model.records import RecordKind

CASES = all_cases()


@pytest.fixture(scope="module", autouse=True)
def _summary(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if not TALLY.held:
        return
    line = f"fuzz corpus: {TALLY.summary()}"
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(line)
    if target := os.environ.get("REDFLAGS_FUZZ_SUMMARY"):
        Path(target).write_text(line + "\n", encoding="utf-8")


def test_the_corpus_is_broad() -> None:
    classes = {case.klass for case in CASES}
    assert len(CASES) >= 150
    assert len(classes) >= 20


def test_the_harness_can_fail(tmp_path: Path) -> None:
    """A harness that cannot fail proves nothing: wrong expectations must break the contract."""
    good = csv_bytes([valid_row(RecordKind.AD, i) for i in range(2)])
    wrong = [
        Case("x", "meta", one("ads.csv", good), "error"),
        Case("y", "meta", one("ads.csv", good), "accept", stored=3),
        Case("z", "meta", one("ads.csv", good), "accept", quarantine_lines=(2,)),
        Case("w", "meta", one("ads.csv", b""), "accept"),
    ]
    for number, case in enumerate(wrong):
        with pytest.raises(ContractBroken):
            run_case(case, tmp_path / str(number))
    with pytest.raises(ContractBroken):
        check_one_line_error("error: a\nsecond line\n")
    run_case(Case("v", "meta", one("ads.csv", good), "accept", stored=2), tmp_path / "ok")


@pytest.mark.timeout(90)
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    ok = False
    try:
        run_case(case, tmp_path)
        ok = True
    finally:
        TALLY.record(case.id, ok)


# -- scan level: payloads never become live HTML; --out never deletes what is not ours -------------


class _LiveHtml(HTMLParser):
    """Collects what would run in a browser: script elements, on* handlers, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self.csp: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "base"):
            self.live.append(f"<{tag}> element")
        for name, value in attrs:
            text = (value or "").strip().lower().replace("\t", "").replace("\n", "")
            if name.startswith("on"):
                self.live.append(f"{name}= handler on <{tag}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and text.startswith(
                ("javascript:", "data:text/html", "vbscript:")
            ):
                self.live.append(f"{name}={value!r} on <{tag}>")
        named = {name: value or "" for name, value in attrs}
        if tag == "meta" and named.get("http-equiv", "").lower() == "content-security-policy":
            self.csp.append(named.get("content", ""))


def live_parts(html: str) -> tuple[list[str], list[str]]:
    parser = _LiveHtml()
    parser.feed(html)
    parser.close()
    return parser.live, parser.csp


PAYLOAD_FOLDER = '"><svg onload=alert(1)> [bold]x[/]'


def _poison(record: dict[str, Any]) -> dict[str, Any]:
    """Append the script payload to every text field of one record."""
    for name in ("persona", "title", "body", "site", "city", "text", "sender", "handle"):
        if isinstance(record.get(name), str):
            record[name] = f"{record[name]} {SCRIPT}"
    return record


@pytest.mark.timeout(120)
def test_scan_report_has_no_live_payload(tmp_path: Path) -> None:
    data = tmp_path / PAYLOAD_FOLDER
    write_demo_world(data)
    for kind in ("ads", "messages"):
        rewrite_records(data, kind, _poison)
    run = tmp_path / "run"
    result = invoke(["scan", str(data), "--out", str(run)])
    check_clean_output(result)
    assert result.exit_code == 0, result.output
    pages = [run / "report.html", *sorted((run / "cases").glob("*.html"))]
    assert len(pages) > 1, "the poisoned demo should still make cases"
    for page in pages:
        live, csp = live_parts(page.read_text(encoding="utf-8"))
        assert not live, f"{page.name}: {live[:5]}"
        assert csp, f"{page.name}: no Content-Security-Policy"
        policy = csp[0].replace(" ", "").lower()
        assert "unsafe-inline" not in policy.split("script-src")[-1].split(";")[0]
        assert "default-src'none'" in policy or "script-src'none'" in policy, csp[0]
    assert not list(run.glob("*.duckdb")), "the run folder holds the raw store without --db"


def _foreign_folder(path: Path) -> dict[Path, bytes]:
    files = {path / "thesis.docx": b"years of work", path / "notes" / "a.txt": b"keep me"}
    for file, content in files.items():
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(content)
    return files


def _intact(files: dict[Path, bytes]) -> None:
    for file, content in files.items():
        assert file.exists() and file.read_bytes() == content, f"{file} was deleted or changed"


def test_demo_refuses_a_folder_it_did_not_make(tmp_path: Path) -> None:
    files = _foreign_folder(tmp_path / "mine")
    result = invoke(["demo", "--out", str(tmp_path / "mine")])
    check_clean_output(result)
    assert result.exit_code == 1, result.output
    check_one_line_error(result.output)
    _intact(files)


@pytest.mark.timeout(60)
def test_scan_out_never_deletes_what_is_not_ours(tmp_path: Path) -> None:
    files = _foreign_folder(tmp_path / "mine")
    data = tmp_path / "data"
    data.mkdir()
    (data / "ads.csv").write_bytes(csv_bytes([valid_row(RecordKind.AD, i) for i in range(3)]))
    result = invoke(["scan", str(data), "--out", str(tmp_path / "mine")])
    check_clean_output(result)
    if result.exit_code == 1:
        check_one_line_error(result.output)
    _intact(files)
    target = tmp_path / "a-file.txt"
    target.write_bytes(b"not a folder")
    result = invoke(["scan", str(data), "--out", str(target)])
    check_clean_output(result)
    assert result.exit_code == 1, result.output
    check_one_line_error(result.output)
    assert target.read_bytes() == b"not a folder"
