"""Benchmark a full scan (ingest, evaluate, link, score, report) on a synthetic world and print
seconds and peak memory per stage, plus ingest rows per second.

    .venv/bin/python bench/bench_scan.py                       # a fresh `small` world
    .venv/bin/python bench/bench_scan.py --scale medium
    .venv/bin/python bench/bench_scan.py --world worlds/small  # an existing world
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from redflags.pipeline import ScanOptions, run_scan
from redflags_synth.world.generate import generate_world


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", default="small")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--world", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        world = args.world
        if world is None:
            world = Path(tmp) / "world"
            generate_world(world, args.scale, args.seed)
        result = run_scan([world], ScanOptions(out=Path(tmp) / "run", redaction_key=b"bench"))
        rows = sum(r.read for r in result.ingest)
        print(
            f"world {world if args.world else args.scale}: {rows:,} rows, "
            f"{len(result.findings)} findings, {len(result.cases)} cases"
        )
        print(f"{'stage':<10}{'seconds':>10}{'peak MB':>10}")
        for stage, row in result.stages.items():
            print(f"{stage:<10}{row['seconds']:>10.2f}{row['peak_mb']:>10.0f}")
        ingest = result.stages["ingest"]["seconds"]
        print(
            f"ingest {rows / ingest:,.0f} rows/s; total "
            f"{sum(r['seconds'] for r in result.stages.values()):.1f} s"
        )


if __name__ == "__main__":
    main()
