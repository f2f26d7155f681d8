"""Benchmark the link stage (one graph across record kinds, hub cutting, payment pairs, Leiden
communities) on a synthetic world, and print seconds and peak memory per step.

    .venv/bin/redflags synth --out worlds/large --scale large --seed 1     # once, ~4+ min
    .venv/bin/python bench/bench_link.py --world worlds/large --db /tmp/large.duckdb

The store is ingested once (skipped when --db already holds the world). Running every detector
at this scale is a separate benchmark (bench_scan.py, bench_fin.py); here the findings are
STAND-INS from the world's truth: one finding per identity record (ad, customer, message,
device event) of a network that the truth expects an indicator on (evidence = that record, no
pivots), so the link stage sees the true networks' shape. Identifiers are streamed from the
store exactly as `run_scan` does (extraction is part of the link stage there, and is timed
separately here).
"""

from __future__ import annotations

import argparse
import time
from functools import partial
from pathlib import Path

from redflags.catalogue import load_catalogue
from redflags.engines import DuckDBEngine
from redflags.evaluation.stand_ins import stand_in_findings as truth_stand_ins
from redflags.ingest import discover, ingest_source
from redflags.link import IdentifierIndex, Linker
from redflags.model import Finding
from redflags.stages import StageMeter
from redflags.stages.link import all_identifiers, payment_pairs
from redflags.store import Store


def stand_in_findings(world: Path) -> list[Finding]:
    return truth_stand_ins(world, load_catalogue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--world", type=Path, required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--payment-mode", default="inside")
    parser.add_argument("--max-component-records", type=int, default=400)
    parser.add_argument("--time-extraction", action="store_true", help="also time extraction alone")
    parser.add_argument(
        "--in-memory", action="store_true", help="the old path: every record's pivots in Python"
    )
    args = parser.parse_args()
    meter = StageMeter()
    fresh = not args.db.exists()
    with Store.open(args.db) as store:
        if fresh:
            with meter.measure("ingest (once)"):
                for spec in discover([args.world]):
                    ingest_source(store, spec)
        engine = DuckDBEngine(store.connection)
        with meter.measure("stand-in findings"):
            findings = stand_in_findings(args.world)
        count = 0
        if args.time_extraction:  # a second full pass over the records
            with meter.measure("identifiers (stream)"):
                count = sum(1 for _ in all_identifiers(engine))
        started = time.perf_counter()
        linker = Linker(
            payment_mode=args.payment_mode, max_component_records=args.max_component_records
        )
        pairs = partial(payment_pairs, engine)
        if args.in_memory:
            with meter.measure("link (stream + graph)"):
                result = linker.link(all_identifiers(engine), findings, pairs)
        else:  # as run_scan does
            with meter.measure("index (stream to DuckDB)"):
                index = IdentifierIndex.build(store.connection, all_identifiers(engine))
            with meter.measure("link (hubs, reach, graph)"):
                result = linker.link_indexed(index, findings, pairs)
            index.close()
        seconds = time.perf_counter() - started
    print(
        f"world {args.world}: {result.pivot_count:,} distinct pivots, "
        f"{count:,} identifiers (0: untimed), "
        f"{result.payment_pairs:,} payment pairs touching flagged accounts, "
        f"{len(findings):,} stand-in findings -> {len(result.groups):,} groups, "
        f"{len(result.hubs):,} hubs cut, {result.split_components} components split by Leiden "
        f"({seconds:.1f} s)"
    )
    for pivot, reason in sorted(result.hub_reasons.items())[:20]:
        print(f"hub cut: {pivot.split(':', 1)[0]} ({reason})")
    print(f"{'step':<24}{'seconds':>10}{'peak MB':>10}")
    for stage, row in meter.stages.items():
        print(f"{stage:<24}{row['seconds']:>10.2f}{row['peak_mb']:>10.0f}")


if __name__ == "__main__":
    main()
