"""Time and peak memory per pipeline stage. A leaf utility: imports nothing from the package.

Peak memory per stage uses Linux's resettable high-water mark: writing "5" to
/proc/self/clear_refs resets VmHWM to the current resident size, so VmHWM read at the end of a
stage is that stage's own peak. Elsewhere the process-wide peak (ru_maxrss) is reported instead,
which can only grow.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


def _reset_peak() -> bool:
    try:
        _CLEAR_REFS.write_text("5")
        return True
    except OSError:
        return False


def peak_mb() -> float:
    """Resident high-water mark in MB (since the last reset where supported)."""
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(usage / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


class StageMeter:
    def __init__(self) -> None:
        self.stages: dict[str, dict[str, float]] = {}

    @contextmanager
    def measure(self, name: str) -> Iterator[None]:
        _reset_peak()
        start, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.stages[name] = {
                "seconds": round(time.perf_counter() - start, 3),
                "peak_mb": peak_mb(),
                # the process's CPU (all its threads, DuckDB's included): on a shared machine
                # steadier than wall seconds
                "cpu_s": round(time.process_time() - cpu, 3),
            }

    def add(self, name: str, seconds: float) -> None:
        """Count work done outside `measure` (e.g. reading done while the store was open)."""
        self.stages[name]["seconds"] = round(self.stages[name]["seconds"] + seconds, 3)
