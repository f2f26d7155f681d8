"""The coverage-guided fuzz targets of fuzz/, briefly: REDFLAGS_FUZZ_SECONDS each (default 10),
marked `fuzz` (`-m "not fuzz"` leaves them out). The hostile-input corpus is
tests/test_fuzz_corpus.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.fuzz
@pytest.mark.timeout(180)
@pytest.mark.parametrize("target", ["readers", "descriptor"])
def test_fuzz_target_finds_no_crash(target: str, tmp_path: Path) -> None:
    """Runs fuzz/fuzz_<target>.py for REDFLAGS_FUZZ_SECONDS (default 10); `-m "not fuzz"` skips."""
    seconds = int(os.environ.get("REDFLAGS_FUZZ_SECONDS", "10"))
    root = Path(__file__).resolve().parents[1]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    # CI starts from a fixed seed so that a red build can be replayed; fuzz/run.sh stays random.
    seed = ["-seed=1"] if os.environ.get("CI") else []
    done = subprocess.run(
        [
            sys.executable,
            str(root / "fuzz" / f"fuzz_{target}.py"),
            str(corpus),
            str(root / "fuzz" / "seeds" / target),
            f"-max_total_time={seconds}",
            "-rss_limit_mb=2560",
            "-timeout=10",
            f"-artifact_prefix={tmp_path}/",
            *seed,
        ],
        capture_output=True,
        timeout=seconds + 120,
        env=env,
        check=False,
    )
    log = [
        line
        for line in done.stderr.decode(errors="replace").splitlines()
        if not line.startswith("INFO: Instrumenting")
    ]
    start = next((i for i, line in enumerate(log) if "Uncaught Python exception" in line), -30)
    assert done.returncode == 0, "\n".join(log[start : start + 30])
