"""Load on the analyst service (issue #15, item 9): an open-loop load of R requests a second for
S seconds on the case list and case detail, against `redflags serve`'s ASGI app under uvicorn on
127.0.0.1, on SQLite or PostgreSQL.

    .venv/bin/python bench/bench_service.py                        # SQLite, 200/s for 60 s
    eval "$(scripts/pg-throwaway start)"
    .venv/bin/python bench/bench_service.py --database "$REDFLAGS_TEST_POSTGRES_URL"
    .venv/bin/python bench/bench_service.py --rate 50 --seconds 10 --workers 1   # a quick look

Set-up (not timed): the generator's demo world (redflags-synth), scanned and published into a
fresh case store; an analyst's API token. Requests are sent on a fixed schedule (open loop: a
slow answer does not slow the sender, so queueing shows in the latencies), half `GET
/api/v1/cases?limit=50` with a rotating filter and sort, half `GET /api/v1/cases/{id}` of a
random case (each view is also an audit row: a write). Printed: sent, answered, errors (non-2xx
or transport), achieved rate, p50/p95/p99/max per route, and the CPU seconds of the server.
Targets on 2 cores: 0 errors, p95 under 100 ms at 200 requests a second.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from redflags.generator import DEMO_SCALE, DEMO_SEED, load_generator
from redflags.pipeline import ScanOptions, run_scan
from redflags.service.audit import SYSTEM
from redflags.service.db import open_database
from redflags.service.db.migrate import upgrade
from redflags.service.keys import load_or_create_key
from redflags.service.localserver import free_port, start_server
from redflags.service.publish import publish_scan
from redflags.service.roles import Role
from redflags.service.security.tokens import issue_token
from redflags.service.settings import ServiceSettings
from redflags.service.users import add_user

LIST_QUERIES = (
    "limit=50",
    "limit=50&sort=score&order=desc",
    "limit=50&priority=high",
    "limit=50&status=new&sort=last_seen",
    "limit=20&offset=20",
)


def prepare(state: Path, database: str | None) -> tuple[ServiceSettings, str, list[str]]:
    """A case store with the demo world published in it, and an analyst's token."""
    settings = ServiceSettings(state_dir=state, database_url=database)
    world = state / "world"
    load_generator()(world, DEMO_SCALE, DEMO_SEED)
    result = run_scan([world], ScanOptions(out=state / "run"))
    db = open_database(settings.database)
    upgrade(db)
    key = load_or_create_key(settings.key_file)
    publish_scan(db, key, result, SYSTEM)
    with db.write() as session:
        owner = add_user(session, f"bench-{os.getpid()}", Role.analyst, None, SYSTEM)
        token = issue_token(session, owner, "bench", Role.analyst, 1).secret
    db.dispose()
    return settings, token, [c.case_id for c in result.cases]


async def load(
    base: str, token: str, cases: list[str], rate: float, seconds: float
) -> dict[str, list[float]]:
    latencies: dict[str, list[float]] = {"list": [], "detail": [], "errors": []}
    limits = httpx.Limits(max_connections=256, max_keepalive_connections=256)
    headers = {"Authorization": f"Bearer {token}"}
    pick = random.Random(7)
    async with httpx.AsyncClient(
        base_url=base, headers=headers, limits=limits, timeout=10
    ) as client:

        async def one(i: int) -> None:
            route = "list" if i % 2 == 0 else "detail"
            path = (
                f"/api/v1/cases?{LIST_QUERIES[i // 2 % len(LIST_QUERIES)]}"
                if route == "list"
                else f"/api/v1/cases/{pick.choice(cases)}"
            )
            start = time.perf_counter()
            try:
                answer = await client.get(path)
                ok = answer.status_code < 400
            except httpx.HTTPError:
                ok = False
            elapsed = time.perf_counter() - start
            latencies[route if ok else "errors"].append(elapsed)

        tasks = []
        t0 = time.perf_counter()
        total = int(rate * seconds)
        for i in range(total):
            delay = t0 + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(i)))
        await asyncio.gather(*tasks)
        latencies["wall"] = [time.perf_counter() - t0]
    return latencies


WRK_SCRIPT = """
local cases = {%(cases)s}
local lists = {%(lists)s}
local n = 0
request = function()
  n = n + 1
  local path
  if n %% 2 == 0 then
    path = "/api/v1/cases?" .. lists[(n / 2) %% #lists + 1]
  else
    path = "/api/v1/cases/" .. cases[math.random(#cases)]
  end
  return wrk.format("GET", path, {["Authorization"] = "Bearer %(token)s"})
end
done = function(summary, latency, requests)
  io.write(string.format(
    'WRK {"requests": %%d, "seconds": %%.1f, "errors": %%d, "p50_ms": %%.1f, '
    .. '"p95_ms": %%.1f, "p99_ms": %%.1f, "max_ms": %%.1f}' .. string.char(10),
    summary.requests, summary.duration / 1e6,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def run_wrk(
    base: str, token: str, cases: list[str], seconds: float, connections: int
) -> dict[str, Any]:
    """A closed-loop load with wrk (Debian's package; C, so the client is not the bottleneck):
    `connections` requests in flight at all times, half list, half detail."""
    script = WRK_SCRIPT % {
        "cases": ", ".join(f'"{c}"' for c in cases),
        "lists": ", ".join(f'"{q}"' for q in LIST_QUERIES),
        "token": token,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    command = [
        "wrk", "-t1", f"-c{connections}", f"-d{int(seconds)}s", "--timeout", "10s",
        "-s", handle.name, base,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    Path(handle.name).unlink()
    line = next((x for x in done.stdout.splitlines() if x.startswith("WRK ")), None)
    if line is None:
        raise SystemExit(f"wrk said: {done.stdout[-800:]} {done.stderr[-800:]}")
    figures: dict[str, Any] = json.loads(line[4:])
    figures["rate"] = round(figures["requests"] / figures["seconds"], 1)
    return figures


def warm(base: str, token: str, cases: list[str], workers: int) -> None:
    """Each case viewed a few times, so every worker has redacted it once (its cache; a cold
    view of a large case takes seconds and is not what the load measures)."""
    headers = {"Authorization": f"Bearer {token}"}
    for _ in range(workers * 4):  # a new connection each time: the kernel spreads them
        for case_id in cases:
            httpx.get(f"{base}/api/v1/cases/{case_id}", headers=headers, timeout=300)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its children (the uvicorn workers)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(proc.name) == pid or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=None, help="default: SQLite in a temporary folder")
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument(
        "--wrk",
        type=int,
        default=0,
        metavar="CONNECTIONS",
        help="instead of the open-loop Python client (which cannot read large answers at 200 a "
        "second on 2 cores), a closed-loop wrk load with this many connections",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-service-") as folder:
        started = time.perf_counter()
        settings, token, cases = prepare(Path(folder), args.database)
        print(f"prepared in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        port = free_port()
        server = start_server(settings, port, args.workers)
        warm(f"http://127.0.0.1:{port}", token, cases, args.workers)
        print(f"server up and warm after {time.perf_counter() - started:.0f} s", file=sys.stderr)
        if args.wrk:
            try:
                figures = run_wrk(f"http://127.0.0.1:{port}", token, cases, args.seconds, args.wrk)
            finally:
                server.terminate()
                server.wait(timeout=30)
            figures.update(
                database="postgresql" if args.database else "sqlite",
                workers=args.workers,
                connections=args.wrk,
                cases=len(cases),
            )
            print(json.dumps(figures, indent=2))
            if args.json:
                args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
            return
        try:
            cpu_before = cpu_seconds(server.pid)
            result = asyncio.run(
                load(f"http://127.0.0.1:{port}", token, cases, args.rate, args.seconds)
            )
            cpu = cpu_seconds(server.pid) - cpu_before
        finally:
            server.terminate()
            server.wait(timeout=30)
    answered = len(result["list"]) + len(result["detail"])
    figures: dict[str, Any] = {
        "database": "postgresql" if args.database else "sqlite",
        "workers": args.workers,
        "cases": len(cases),
        "target_rate": args.rate,
        "seconds": round(result["wall"][0], 1),
        "sent": int(args.rate * args.seconds),
        "answered": answered,
        "errors": len(result["errors"]),
        "achieved_rate": round(answered / result["wall"][0], 1),
        "server_cpu_seconds": round(cpu, 1),
    }
    for route in ("list", "detail"):
        values = result[route]
        figures[route] = {
            "n": len(values),
            "p50_ms": round(statistics.median(values) * 1000, 1) if values else None,
            "p95_ms": round(percentile(values, 0.95) * 1000, 1),
            "p99_ms": round(percentile(values, 0.99) * 1000, 1),
            "max_ms": round(max(values, default=float("nan")) * 1000, 1),
        }
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
