"""Benchmark the world generator: write a world into a temporary folder and print rows per second
per kind, total seconds, size on disk and peak memory (resident set, from getrusage).

    .venv/bin/python bench/bench_synth.py                  # small
    .venv/bin/python bench/bench_synth.py --scale medium
    .venv/bin/python bench/bench_synth.py --scale large    # minutes; peak memory stays < 4 GB
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
from pathlib import Path

from redflags_synth.world.context import SCALES
from redflags_synth.world.generate import WorldSummary, generate_world


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def report(summary: WorldSummary, disk: int) -> str:
    lines = [f"world {summary.scale.name}, seed {summary.seed}, format {summary.fmt}"]
    lines.append(f"{'kind':<14}{'rows':>12}{'typology':>10}{'seconds':>10}{'rows/s':>12}")
    speed = summary.rows_per_second()
    for kind, rows in summary.counts.items():
        lines.append(
            f"{kind:<14}{rows:>12,}{summary.typology_counts[kind]:>10,}"
            f"{summary.seconds[kind]:>10.1f}{speed[kind]:>12,.0f}"
        )
    total = summary.seconds["total"]
    lines.append(
        f"total {summary.rows:,} rows in {total:.1f} s ({summary.rows / total:,.0f} rows/s); "
        f"typologies {summary.seconds['typologies']:.1f} s, {summary.networks} networks; "
        f"{summary.images:,} images; {disk / 2**20:,.0f} MiB on disk"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="small", choices=list(SCALES))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--format", default="parquet", choices=["parquet", "csv"])
    parser.add_argument("--keep", type=Path, help="write the world here (and keep it)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="redflags-bench-") as tmp:
        out = args.keep or Path(tmp) / "world"
        summary = generate_world(out, args.scale, args.seed, args.format, overwrite=True)
        print(report(summary, _size(out)))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(f"peak memory (max RSS) {peak_kib / 1024:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
