"""The hostile-input corpus (tests/fuzz/): every malformed input ends in a one-line error or is
accepted with counts that reconcile with the store, in bounded time and memory, writing nothing
outside its own folder. Plus scan-level checks: payloads never become live HTML, and --out
never deletes what redflags did not create.

At the end the terminal summary says "fuzz corpus: tried N, held M" (docs/security.md).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from fuzz.corpus import all_cases
from fuzz.harness import TALLY, Case, run_case

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


@pytest.mark.timeout(90)
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    ok = False
    try:
        run_case(case, tmp_path)
        ok = True
    finally:
        TALLY.record(case.id, ok)
