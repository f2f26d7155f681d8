"""Speed of online scoring in-process (issue #15, item 8): one ad at a time, and batches.

    .venv/bin/python bench/bench_online.py                    # a fresh small world, seed 1
    .venv/bin/python bench/bench_online.py --world /tmp/w1    # a world written before
    .venv/bin/python bench/bench_online.py --store-route      # also the DuckDB-store route

The ads are a generated world's (`redflags synth --scale small --seed 1`: Danish sex-work,
massage and job ads with phones, handles, photos and prices), sent as a platform would send
them: canonical fields in JSON-like values (ISO timestamps as text). The world is scanned once
and the ads of its cases become the reference index (text templates and photos), so every ad
is also matched against known clusters and its photos are hashed (the scorer's image roots are
the world's folder). Printed: the time to build the scorer and the index; p50/p95/p99 latency
of `score` over --calls single ads (after a warm-up), in wall time and in the process's CPU time;
the wall and CPU seconds of `score_batch` on --batch other ads, --repeats times (the first with
photos not hashed before); findings and matches per 1,000 ads; the machine's load average (a
wall time on a shared machine says little without it: CPU time does not grow with the load).
Targets on 2 cores: p95 < 50 ms for one ad, a batch of 1,000 ads < 2 s.

--http also sends them over HTTP to `redflags serve`'s app (uvicorn, --workers processes, a fresh
case store, an analyst's token) on 127.0.0.1: --calls single ads to `POST /api/v1/score` one
after the other (a bounded load: one request in flight), then --repeats batches of --batch ads
to `/api/v1/score/batch`; wall times at the client, and the server's CPU seconds. The service's
scorer has no reference index (its store holds no scan), so no template or photo matching.

--store-route also times the route not taken: each ad ingested into a one-ad in-memory DuckDB
store and the same detectors run on the store's engine (docs/service.md, "Online scoring").
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import httpx
from bench_service import analyst_token, cpu_seconds

from redflags.engines import DuckDBEngine
from redflags.ingest import ingest_records
from redflags.model import RecordKind
from redflags.online import OnlineScorer, ReferenceIndex
from redflags.pipeline import ScanOptions, run_scan
from redflags.service.localserver import free_port, start_server
from redflags.service.settings import ServiceSettings
from redflags.store import Store
from redflags_synth.world.generate import generate_world

SCALE, SEED = "small", 1


def platform_items(world: Path, limit: int) -> list[dict[str, Any]]:
    """The world's ads as items a platform sends (JSON values; timestamps as ISO text)."""
    rows = duckdb.connect().execute(
        "SELECT * FROM read_parquet(?) ORDER BY posted_at LIMIT ?",
        [str(world / "ads" / "*.parquet"), limit],
    )
    names = [d[0] for d in rows.description]
    items = []
    for values in rows.fetchall():
        record = {
            name: value.isoformat() if isinstance(value, datetime) else value
            for name, value in zip(names, values, strict=True)
            if value is not None and value != []
        }
        items.append({"kind": "ad", "record": record})
    return items


def reference_index(world: Path, tmp: Path) -> tuple[ReferenceIndex, float, int]:
    """A scan of the world kept in a store; its cases' ads indexed. (index, seconds, cases)"""
    db = tmp / "store.duckdb"
    result = run_scan([world], ScanOptions(out=tmp / "run", db=db, redaction_key=b"bench"))
    refs: dict[str, list[str]] = {}
    for case in result.cases:
        for ref in case.records:
            refs.setdefault(ref, []).append(case.case_id)
    start = time.perf_counter()
    with Store.open(db, read_only=True) as store:
        index = ReferenceIndex.build(store, refs, image_roots=[world])
    return index, time.perf_counter() - start, len(result.cases)


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def single_latencies(
    scorer: OnlineScorer, items: list[dict[str, Any]]
) -> tuple[list[float], list[float]]:
    """(wall, CPU) milliseconds of each call."""
    wall, cpu = [], []
    for item in items:
        start, start_cpu = time.perf_counter(), time.process_time()
        scorer.score(item)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def shown(label: str, ms: list[float]) -> str:
    return (
        f"{label} p50 {percentile(ms, 0.5):.1f} ms, p95 {percentile(ms, 0.95):.1f} ms, "
        f"p99 {percentile(ms, 0.99):.1f} ms, mean {statistics.fmean(ms):.1f} ms"
    )


def store_route(scorer: OnlineScorer, items: list[dict[str, Any]]) -> list[float]:
    """Each ad ingested into a one-ad in-memory store, the same detectors on its engine."""
    seconds = []
    with Store.open(None) as store:
        engine = DuckDBEngine(store.connection)
        for item in items:
            start = time.perf_counter()
            store.connection.execute("DELETE FROM ads")
            ingest_records(store, RecordKind.AD, [item["record"]], source="online")
            for detector in scorer.plan.detectors:
                list(detector.evaluate(engine))
            seconds.append(time.perf_counter() - start)
    return seconds


def http_route(
    state: Path, items: list[dict[str, Any]], calls: int, batch: int, repeats: int, workers: int
) -> None:
    """The same ads through `POST /api/v1/score` and `/score/batch` of a local service."""
    settings = ServiceSettings(state_dir=state)
    token = analyst_token(settings)
    port = free_port()
    server = start_server(settings, port, workers)
    headers = {"Authorization": f"Bearer {token}"}
    try:
        with httpx.Client(
            base_url=f"http://127.0.0.1:{port}/api/v1", headers=headers, timeout=120
        ) as client:
            for item in items[: 10 * workers]:  # every worker builds its scorer (seconds)
                with httpx.Client(base_url=client.base_url, headers=headers, timeout=120) as one:
                    one.post("/score", json=item).raise_for_status()
            cpu_before = cpu_seconds(server.pid)
            wall = []
            for item in items[:calls]:
                start = time.perf_counter()
                client.post("/score", json=item).raise_for_status()
                wall.append((time.perf_counter() - start) * 1000)
            cpu = cpu_seconds(server.pid) - cpu_before
            print(
                f"HTTP single ad, {len(wall)} calls: {shown('wall', wall)}; server CPU "
                f"{cpu / len(wall) * 1000:.1f} ms a call"
            )
            body = {"items": items[calls : calls + batch]}
            times = []
            for _ in range(repeats):
                cpu_before, start = cpu_seconds(server.pid), time.perf_counter()
                answer = client.post("/score/batch", json=body)
                answer.raise_for_status()
                times.append((time.perf_counter() - start, cpu_seconds(server.pid) - cpu_before))
            each = ", ".join(f"{w:.2f} s (server CPU {c:.2f} s)" for w, c in times)
            print(f"HTTP batch of {len(body['items'])} ads: {each}")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--world", type=Path, help=f"a world folder (default: {SCALE}, seed 1)")
    parser.add_argument("--calls", type=int, default=1000, help="single-ad calls (>= 500)")
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-reference", action="store_true", help="no template/photo index")
    parser.add_argument("--store-route", action="store_true")
    parser.add_argument("--http", action="store_true", help="also through the service's API")
    parser.add_argument("--workers", type=int, default=2, help="the service's, with --http")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-online-") as folder:
        tmp = Path(folder)
        world = args.world
        if world is None:
            world = tmp / "world"
            generate_world(world, SCALE, SEED)
        items = platform_items(world, args.calls + args.batch)
        start = time.perf_counter()
        scorer = OnlineScorer(image_roots=[world])
        built = time.perf_counter() - start
        scorer.warm_up()
        warm = time.perf_counter() - start - built
        print(f"scorer built in {built:.2f} s, warmed up (language models) in {warm:.2f} s")
        reference, index_seconds, cases = None, 0.0, 0
        if not args.no_reference:
            reference, index_seconds, cases = reference_index(world, tmp)
            scorer.reference = reference
        cpu = time.process_time()
        if reference is not None:
            print(
                f"reference index: {cases} cases, {reference.ads} ads, {reference.images} photos,"
                f" built in {index_seconds:.2f} s"
            )
        wall, cpu_ms = single_latencies(scorer, items[: args.calls])
        print(f"single ad, {len(wall)} calls: {shown('wall', wall)}; {shown('CPU', cpu_ms)}")
        batch = items[args.calls : args.calls + args.batch]  # not hashed before
        times = []
        for _ in range(args.repeats):
            start, start_cpu = time.perf_counter(), time.process_time()
            result = scorer.score_batch(batch)
            times.append((time.perf_counter() - start, time.process_time() - start_cpu))
        each = ", ".join(f"{w:.2f} s (CPU {c:.2f} s)" for w, c in times)
        print(f"batch of {len(batch)} ads: {each}")
        scored = [r for r in result.items if r.ok]
        per = 1000 / max(1, len(scored))
        findings = sum(len(r.findings) for r in scored if r.ok)
        template = sum(1 for r in scored if r.ok and r.template_matches)
        photo = sum(1 for r in scored if r.ok and r.photo_matches)
        print(
            f"per 1,000 ads: {findings * per:.0f} findings, {template * per:.0f} ads with a "
            f"template match, {photo * per:.0f} with a photo match; "
            f"{len(result.items) - len(scored)} items refused"
        )
        if args.store_route:
            route = [s * 1000 for s in store_route(scorer, items[: min(args.calls, 300)])]
            print(f"store route (one-ad DuckDB store), {len(route)} calls: {shown('wall', route)}")
        if args.http:
            http_route(tmp / "service", items, args.calls, args.batch, args.repeats, args.workers)
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"CPU {time.process_time() - cpu:.1f} s in all; load average {load}")
        print(f"on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
