"""Benchmark the whole scan (ingest, extract, evaluate with every detector, link, score, cases,
report: the real `run_scan`) on a synthetic world, against a floor measured in the same run.

    .venv/bin/python bench/bench_scan.py                         # `small`, seed 1
    .venv/bin/python bench/bench_scan.py --scale medium --seed 2 # cached in /work/tmp/worlds
    .venv/bin/python bench/bench_scan.py --world worlds/small    # an existing world
    .venv/bin/python bench/bench_scan.py --scale small --profile evaluate.prof

Prints wall and CPU seconds and peak resident memory per stage, the slowest indicators, and the
**floor**: DuckDB reading every column of every input file once (`count(*)` and a hash of every
column, per record kind). The ratio scan / floor is how far the scan is from just reading its
input. Generated worlds are kept in `--cache/SCALE-SEED` (a `large` world takes minutes to
write), and reused when that folder holds a finished world.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import resource
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import duckdb

from redflags.ingest.discover import discover
from redflags.pipeline import ScanOptions, run_scan

DEFAULT_CACHE = Path("/work/tmp/worlds")
READERS = {".parquet": "read_parquet", ".csv": "read_csv_auto", ".jsonl": "read_json_auto"}
DONE = ".bench-complete"


def world_folder(scale: str, seed: int, cache: Path) -> Path:
    """The cached world of this scale and seed, generated on first use."""
    world = cache / f"{scale}-{seed}"
    if (world / DONE).exists():
        return world
    from redflags_synth.world.generate import generate_world

    start = time.perf_counter()
    generate_world(world, scale, seed, overwrite=True)
    (world / DONE).write_text(f"{time.perf_counter() - start:.1f} s\n")
    print(f"generated {world} in {time.perf_counter() - start:.0f} s")
    return world


def floor_seconds(world: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds for DuckDB to read every column of every input file once, and the
    rows read."""
    files: dict[tuple[str, str], list[str]] = defaultdict(list)
    for spec in discover([world]):
        for path in spec.files:
            suffix = path.suffix if path.suffix != ".gz" else Path(path.stem).suffix
            files[(spec.kind.value, suffix)].append(str(path))
    con = duckdb.connect()
    start, cpu, rows = time.perf_counter(), time.process_time(), 0
    for (_, suffix), paths in sorted(files.items()):
        reader = READERS.get(suffix)
        if reader is None:
            continue
        row = con.execute(
            f"SELECT count(*), sum(hash(COLUMNS(*))) FROM {reader}(?)", [paths]
        ).fetchone()
        rows += int(row[0]) if row else 0
    con.close()
    return time.perf_counter() - start, time.process_time() - cpu, rows


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:  # it ended between the listing and the read
        pass
    return 0.0


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found += frontier
    return found


class TreeMemory:
    """The largest resident memory of this process and its children together, sampled twice a
    second (Linux's /proc). A child's own getrusage peak cannot say it: a spawned worker is
    forked before it runs its program, and its peak counts the parent's pages of that moment."""

    def __init__(self) -> None:
        self.peak_mb = self.children_peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        me = os.getpid()
        while not self._stop.wait(0.5):
            children = sum(_rss_mb(pid) for pid in _descendants(me))
            self.children_peak_mb = max(self.children_peak_mb, children)
            self.peak_mb = max(self.peak_mb, _rss_mb(me) + children)


class Printed:
    """Progress as lines with wall and CPU seconds so far: a long run that is stopped still
    says how far each stage got."""

    def __init__(self) -> None:
        self.start, self.cpu = time.perf_counter(), time.process_time()
        self.done, self.total = 0, 0

    def _line(self, text: str) -> None:
        wall, cpu = time.perf_counter() - self.start, time.process_time() - self.cpu
        print(f"[{wall:8.1f} s, {cpu:8.1f} CPU s] {text}", flush=True)

    def stage(self, name: str, total: int | None = None) -> None:
        self.done, self.total = 0, total or 0
        self._line(name)

    def advance(self, amount: int = 1) -> None:
        self.done += amount
        if self.total:
            self._line(f"  {self.done}/{self.total}")

    def note(self, message: str) -> None:
        self._line(message)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", default="small", help="demo, small, medium or large")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--world", type=Path, default=None, help="an existing world folder")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="generated worlds")
    parser.add_argument("--top", type=int, default=12, help="slowest indicators to list")
    parser.add_argument("--profile", type=Path, default=None, help="write cProfile stats here")
    parser.add_argument("--progress", action="store_true", help="print each stage as it starts")
    parser.add_argument(
        "--memory-limit", default=None, help="DuckDB's cap, as `redflags scan --memory-limit`"
    )
    args = parser.parse_args()
    world = args.world or world_folder(args.scale, args.seed, args.cache)

    floor_wall, floor_cpu, floor_rows = floor_seconds(world)
    with tempfile.TemporaryDirectory() as tmp, TreeMemory() as memory:
        profiler = cProfile.Profile() if args.profile else None
        start, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        result = run_scan(
            [world],
            ScanOptions(
                out=Path(tmp) / "run", redaction_key=b"bench", memory_limit=args.memory_limit
            ),
            Printed() if args.progress else None,
        )
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    # The per-record lane and the photo-hashing pool run in child processes: their CPU and
    # memory are the scan's too.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    child_cpu = children.ru_utime + children.ru_stime
    rows = sum(r.read for r in result.ingest)
    peak = max(row["peak_mb"] for row in result.stages.values())
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"world {world}: {rows:,} rows, {len(result.findings):,} findings, "
        f"{len(result.cases)} cases; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        f", {os.cpu_count()} cores"
    )
    print(f"{'stage':<10}{'seconds':>10}{'CPU s':>10}{'peak MB':>10}")
    for stage, row in result.stages.items():
        print(
            f"{stage:<10}{row['seconds']:>10.2f}{row.get('cpu_s', float('nan')):>10.2f}"
            f"{row['peak_mb']:>10.0f}"
        )
    print(f"{'scan':<10}{wall:>10.2f}{cpu:>10.2f}{max(peak, max_rss):>10.0f}")
    print(
        f"child processes (lane, hashing pool): {child_cpu:.2f} CPU s, at most "
        f"{memory.children_peak_mb:.0f} MB at once; this process and its children together at "
        f"most {memory.peak_mb:.0f} MB (sampled twice a second)"
        + (f"; DuckDB memory limit {args.memory_limit}" if args.memory_limit else "")
    )
    print(
        f"floor (DuckDB reads every column of {floor_rows:,} rows once): {floor_wall:.2f} s, "
        f"{floor_cpu:.2f} CPU s; scan / floor {wall / floor_wall:.0f}x wall, "
        f"{cpu / max(floor_cpu, 1e-9):.0f}x CPU ({(cpu + child_cpu) / max(floor_cpu, 1e-9):.0f}x "
        "with the child processes)"
    )
    print(f"ingest {rows / result.stages['ingest']['seconds']:,.0f} rows/s")
    slowest = sorted(result.indicator_seconds.items(), key=lambda kv: -kv[1])[: args.top]
    print("slowest indicators: " + ", ".join(f"{i} {s:.1f} s" for i, s in slowest))


if __name__ == "__main__":
    main()
