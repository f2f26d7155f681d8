"""Benchmark `scan --incremental` against a full scan on a world cut by date.

The world is cut at the date after which `--share` (1 %) of its timestamped records fall
(bench/world_cut.py). Timed: a full scan of the whole data into a fresh store, and the daily
scan — the history already scanned with `--incremental` into a kept store (not timed), then the
same scan with the delta added. Both are checked to give the same findings and cases. Each scan
runs in a fresh process, as a daily `redflags scan` does: nothing parsed or compiled by an
earlier scan is still in memory (what is kept on disk or in the store is). Printed: wall and
CPU seconds (the scan's process, DuckDB's threads included) per scan and stage, the ratio, and
the load average (the machine is shared).

    .venv/bin/python bench/bench_incremental.py                     # small, seed 1
    .venv/bin/python bench/bench_incremental.py --scale medium --seed 2
    .venv/bin/python bench/bench_incremental.py --cache /work/tmp/worlds   # worlds kept there
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from world_cut import cut_world

from redflags.pipeline import ScanOptions, run_scan
from redflags_synth.world.generate import generate_world


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# What the bench compares and prints of one scan: findings, cases and stages, as plain data
# (a ScanResult holds open things, and classes of a spawned __main__ do not cross processes).
_Scanned = dict[str, Any]


def _scan(paths: list[Path], options: ScanOptions) -> tuple[_Scanned, float, float]:
    wall, cpu = time.perf_counter(), _cpu()
    result = run_scan(paths, options)
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    findings = [f.model_dump_json() for f in result.findings]
    cases = [(c.case_id, c.score.model_dump_json(), sorted(c.records)) for c in result.cases]
    return {"findings": findings, "cases": cases, "stages": result.stages}, wall, cpu


def _timed(paths: list[Path], options: ScanOptions) -> tuple[_Scanned, float, float]:
    """One scan in a fresh process (spawned, so no parse or import of this one is shared)."""
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        return pool.submit(_scan, paths, options).result()


def _world(args: argparse.Namespace, tmp: Path) -> Path:
    if args.world is not None:
        return Path(args.world)
    folder = (args.cache or tmp) / f"{args.scale}-{args.seed}"
    if not (folder / "ads").is_dir():
        generate_world(folder, args.scale, args.seed)
    return folder


def _same(full: _Scanned, daily: _Scanned) -> bool:
    return full["findings"] == daily["findings"] and full["cases"] == daily["cases"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", default="small")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--world", type=Path, default=None, help="an existing world")
    parser.add_argument("--cache", type=Path, default=None, help="keep generated worlds here")
    parser.add_argument("--share", type=float, default=0.01, help="the delta's share of rows")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        world = _world(args, tmp)
        cut = cut_world(world, tmp / "cut", args.share)
        paths = [cut.history, cut.delta]
        base = ScanOptions(redaction_key=b"bench")
        full, full_s, full_cpu = _timed(
            paths, replace(base, out=tmp / "full", db=tmp / "full.duckdb")
        )
        kept = replace(base, db=tmp / "kept.duckdb", incremental=True)
        _timed([cut.history], replace(kept, out=tmp / "history"))
        daily, daily_s, daily_cpu = _timed(paths, replace(kept, out=tmp / "day"))
        print(
            f"world {world}: history {cut.history_rows:,} rows, delta {cut.delta_rows:,} rows "
            f"({cut.delta_rows / (cut.history_rows + cut.delta_rows):.1%}) from {cut.cut:%Y-%m-%d}"
        )
        same = _same(full, daily)
        print(f"{len(full['findings'])} findings, {len(full['cases'])} cases; identical: {same}")
        print(f"{'stage':<10}{'full s':>10}{'delta s':>10}{'full cpu':>10}{'delta cpu':>10}")
        for stage, row in full["stages"].items():
            day = daily["stages"][stage]
            print(
                f"{stage:<10}{row['seconds']:>10.2f}{day['seconds']:>10.2f}"
                f"{row.get('cpu_s', 0):>10.2f}{day.get('cpu_s', 0):>10.2f}"
            )
        print(f"{'wall':<10}{full_s:>10.2f}{daily_s:>10.2f}   ratio {daily_s / full_s:.1%}")
        print(f"{'cpu':<10}{full_cpu:>10.2f}{daily_cpu:>10.2f}   ratio {daily_cpu / full_cpu:.1%}")
        print("load average", " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
