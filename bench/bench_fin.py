"""Benchmark every financial (FIN-*) aggregate indicator over 1M and 10M transactions.

For each size: a synthetic world with that many background transactions (and 1 customer per
20 transactions) is written once; then, each phase in its own process so peak memory is its own:

- ingest: the world's Parquet into a DuckDB store (the typed-Parquet fast path);
- floor: one DuckDB pass over the same Parquet counting distinct payers per payee and month;
- fin: all FIN aggregate indicators on DuckDB (shared feature table built once, then each
  indicator), seconds per indicator and peak memory of the process;
- spark (with --spark): the same indicators on Spark local[2] over the same store.

    .venv/bin/python bench/bench_fin.py                         # 1M and 10M
    .venv/bin/python bench/bench_fin.py --sizes 1000000 --spark
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s(engine: Any = None) -> float:
    """CPU seconds of this process, plus Spark's JVM (a child not yet waited for) if any."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    seconds = usage.ru_utime + usage.ru_stime
    process = getattr(getattr(getattr(engine, "session", None), "_sc", None), "_gateway", None)
    pid = getattr(getattr(process, "proc", None), "pid", None)
    if pid is not None:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        # utime, stime and the waited-for children's (the JVM itself under spark-submit's shell)
        seconds += sum(int(f) for f in fields[11:15]) / ticks
    return seconds


def _fin_detectors() -> list[Any]:
    from redflags.catalogue import load_catalogue
    from redflags.detectors import detector_for
    from redflags.detectors.aggregate import AggregateDetector

    return [
        d
        for i in load_catalogue()
        if i.id.startswith("FIN-") and isinstance(d := detector_for(i), AggregateDetector)
    ]


def phase_ingest(world: Path, db: Path) -> dict[str, Any]:
    from redflags.ingest import discover, ingest_source
    from redflags.store import Store

    started = time.perf_counter()
    rows = 0
    with Store.open(db) as store:
        for spec in discover([world]):
            rows += sum(r.read for r in ingest_source(store, spec))
    seconds = time.perf_counter() - started
    return {"rows": rows, "seconds": seconds, "rows_per_s": rows / seconds, "peak_mb": _peak_mb()}


def phase_floor(world: Path) -> dict[str, Any]:
    import duckdb

    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    files = str(world / "transactions" / "**" / "*.parquet")
    started = time.perf_counter()
    groups = con.execute(
        f"""SELECT count(*) FROM (
            SELECT payee, date_trunc('month', ts) AS month, count(DISTINCT payer)
            FROM read_parquet('{files}') GROUP BY payee, month)"""
    ).fetchall()[0][0]
    return {"seconds": time.perf_counter() - started, "groups": groups, "peak_mb": _peak_mb()}


def phase_fin(db: Path, engine_name: str, workdir: Path, memory_limit: str) -> dict[str, Any]:
    from redflags.detectors.features import ensure_features
    from redflags.engines import DuckDBEngine
    from redflags.stages.aggregates_ahead import aggregates_ahead
    from redflags.store import Store

    with Store.open(db, read_only=engine_name == "duckdb") as store:
        if memory_limit:
            store.limit_memory(memory_limit)
        started = time.perf_counter()
        if engine_name == "spark":
            from redflags.engines.spark_engine import SparkEngine

            engine: Any = SparkEngine(store.connection, workdir, master="local[2]")
        else:
            engine = DuckDBEngine(store.connection)
        setup = time.perf_counter() - started
        clock = time.perf_counter()
        ensure_features(engine, {})
        features = time.perf_counter() - clock
        clock_indicators = time.perf_counter()
        per_indicator: dict[str, dict[str, float]] = {}
        detectors = _fin_detectors()
        # as the evaluate stage runs them: from several threads on Spark, one by one on DuckDB
        seconds: dict[str, float] = {}
        ahead = aggregates_ahead(detectors, engine, seconds)
        for detector in detectors:
            clock = time.perf_counter()
            findings = ahead.get(detector.indicator.id)
            if findings is None:
                findings = list(detector.evaluate(engine))
                seconds[detector.indicator.id] = time.perf_counter() - clock
            per_indicator[detector.indicator.id] = {
                "seconds": seconds[detector.indicator.id],
                "findings": len(findings),
            }
        indicators = time.perf_counter() - clock_indicators
        total = time.perf_counter() - started
        cpu = _cpu_s(engine)
    return {
        "cpu_seconds": cpu,
        "engine": engine_name,
        "setup_seconds": setup,
        "features_seconds": features,
        "indicators_seconds": indicators,
        "indicators": per_indicator,
        "seconds": total,
        "peak_mb": _peak_mb(),
    }


def _child(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--phase", *args], check=True, capture_output=True, text=True
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _world(root: Path, rows: int, seed: int) -> Path:
    from redflags_synth.world.generate import generate_world

    world = root / f"world_{rows}"
    if not (world / "truth").exists():
        overrides = {
            "transactions": rows,
            "customers": max(rows // 20, 1000),
            "ads": 1000,
            "messages": 1000,
            "device_events": 1000,
            "instances": 1,
        }
        generate_world(world, "large", seed, overrides=overrides, overwrite=True)
    return world


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--root", type=Path, default=Path("/tmp/redflags-bench-fin"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--spark", action="store_true", help="also run on Spark local[2]")
    parser.add_argument(
        "--memory-limit", default="3GB", help="DuckDB memory cap for the FIN phase ('' for none)"
    )
    parser.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        name, *rest = args.phase
        if name == "ingest":
            out = phase_ingest(Path(rest[0]), Path(rest[1]))
        elif name == "floor":
            out = phase_floor(Path(rest[0]))
        else:
            out = phase_fin(Path(rest[0]), rest[1], Path(rest[2]), rest[3])
        print(json.dumps(out))
        return
    args.root.mkdir(parents=True, exist_ok=True)
    for size in (int(s) for s in args.sizes.split(",")):
        clock = time.perf_counter()
        world = _world(args.root, size, args.seed)
        print(f"== {size:,} transactions (world ready in {time.perf_counter() - clock:.0f} s)")
        db = args.root / f"store_{size}.duckdb"
        db.unlink(missing_ok=True)
        ingest = _child("ingest", str(world), str(db))
        print(
            f"ingest   {ingest['rows']:>12,} rows {ingest['seconds']:8.1f} s "
            f"{ingest['rows_per_s']:>10,.0f} rows/s  peak {ingest['peak_mb']:,.0f} MB"
        )
        floor = _child("floor", str(world))
        print(f"floor    {floor['seconds']:8.2f} s  peak {floor['peak_mb']:,.0f} MB")
        for engine in ("duckdb", "spark") if args.spark else ("duckdb",):
            workdir = str(args.root / f"spark_{size}")
            fin = _child("fin", str(db), engine, workdir, args.memory_limit)
            ratio = fin["seconds"] / floor["seconds"]
            print(
                f"{engine:<8} all FIN {fin['seconds']:8.2f} s = {ratio:.1f}x floor"
                f" (setup {fin['setup_seconds']:.1f} s, features "
                f"{fin['features_seconds']:.1f} s, indicators {fin['indicators_seconds']:.1f} s)"
                f"  CPU {fin['cpu_seconds']:.1f} s"
                f"  peak {fin['peak_mb']:,.0f} MB"
            )
            for indicator, row in sorted(fin["indicators"].items()):
                print(f"   {indicator:<28}{row['seconds']:8.2f} s {row['findings']:>6} findings")


if __name__ == "__main__":
    main()
