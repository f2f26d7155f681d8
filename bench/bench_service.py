"""Load on the analyst service (issue #15, item 9): case list and case detail against
`redflags serve`'s ASGI app under uvicorn (2 workers) on 127.0.0.1, on SQLite or PostgreSQL;
closed-loop with wrk and open-loop with bench/openloop.py, in one run.

    .venv/bin/python bench/bench_service.py                        # SQLite
    eval "$(scripts/pg-throwaway start)"
    .venv/bin/python bench/bench_service.py --database "$REDFLAGS_TEST_POSTGRES_URL"
    .venv/bin/python bench/bench_service.py --wrk 2 --rate 50 --seconds 10   # a quick look
    .venv/bin/python bench/bench_service.py --state /tmp/b   # kept: a second run skips set-up

Set-up (not timed): the generator's demo world (redflags-synth), scanned and published into a
fresh case store; an analyst's API token; every case viewed by every worker (warm caches).
Requests: half `GET /api/v1/cases?...` with a rotating filter and sort, half `GET
/api/v1/cases/{id}` of a random case (each view is also an audit row: a write).

1. Closed loop (wrk, 2 threads, `--wrk` connections each, default 2, 4 and 8): as fast as the
   server answers; wrk waits for each answer before the next request on a connection, so
   queueing hides (coordinated omission).
2. Open loop (bench/openloop.py): `--rate` requests a second for `--seconds` on a fixed
   schedule, latencies from each request's intended send time.

Printed as JSON: requests, errors, rate, p50/p95/p99/max (per route for the open loop), the
server's CPU seconds and the load average. The client shares the machine's cores with the
server. Targets on 2 cores: 0 errors, p95 under 100 ms at 200 requests a second.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from openloop import run_open_loop

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
    db.dispose()
    return settings, analyst_token(settings), [c.case_id for c in result.cases]


def analyst_token(settings: ServiceSettings) -> str:
    """A new analyst's API token in the (migrated) case store of `settings`."""
    db = open_database(settings.database)
    upgrade(db)
    with db.write() as session:
        owner = add_user(session, f"bench-{os.getpid()}", Role.analyst, None, SYSTEM)
        token = issue_token(session, owner, "bench", Role.analyst, 1).secret
    db.dispose()
    return token


def open_loop(
    port: int, token: str, cases: list[str], rate: float, seconds: float
) -> dict[str, Any]:
    """Half list, half detail of a random case, on a fixed schedule (bench/openloop.py)."""
    pick = random.Random(7)

    def plan(i: int) -> tuple[str, str]:
        if i % 2 == 0:
            return "list", f"/api/v1/cases?{LIST_QUERIES[i // 2 % len(LIST_QUERIES)]}"
        return "detail", f"/api/v1/cases/{pick.choice(cases)}"

    headers = {"Authorization": f"Bearer {token}"}
    outcome = asyncio.run(run_open_loop("127.0.0.1", port, plan, headers, rate, seconds))
    answered = sum(len(v) for v in outcome.latencies.values())
    figures: dict[str, Any] = {
        "mode": "open loop",
        "target_rate": rate,
        "seconds": round(outcome.wall, 1),
        "sent": int(rate * seconds),
        "answered": answered,
        "errors": sum(outcome.errors.values()),
        "error_samples": outcome.error_samples,
        "late_sends": outcome.late_sends,
        "achieved_rate": round(answered / outcome.wall, 1),
    }
    for route in ("list", "detail"):
        values = outcome.latencies.get(route, [])
        figures[route] = {
            "n": len(values),
            "p50_ms": round(percentile(values, 0.50) * 1000, 1),
            "p95_ms": round(percentile(values, 0.95) * 1000, 1),
            "p99_ms": round(percentile(values, 0.99) * 1000, 1),
            "max_ms": round(max(values, default=float("nan")) * 1000, 1),
        }
    return figures


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
    """A closed-loop load with wrk (Debian's package; C, so the client is light): 2 threads,
    `connections` requests in flight at all times, half list, half detail."""
    script = WRK_SCRIPT % {
        "cases": ", ".join(f'"{c}"' for c in cases),
        "lists": ", ".join(f'"{q}"' for q in LIST_QUERIES),
        "token": token,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    command = [
        "wrk", "-t2", f"-c{connections}", f"-d{int(seconds)}s", "--timeout", "10s",
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


def prepared(folder: Path, database: str | None) -> tuple[ServiceSettings, str, list[str]]:
    """`prepare`d once per state folder: a second run with the same `--state` reuses it."""
    saved = folder / "bench.json"
    if saved.exists():
        kept = json.loads(saved.read_text(encoding="utf-8"))
        if kept["database"] == database:
            settings = ServiceSettings(state_dir=folder, database_url=database)
            return settings, kept["token"], kept["cases"]
    settings, token, cases = prepare(folder, database)
    record = {"database": database, "token": token, "cases": cases}
    saved.write_text(json.dumps(record), encoding="utf-8")
    return settings, token, cases


def measured(server_pid: int, run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """`run`'s figures with the server's CPU seconds and the load average after it."""
    before = cpu_seconds(server_pid)
    figures = run()
    figures["server_cpu_seconds"] = round(cpu_seconds(server_pid) - before, 1)
    figures["load_average"] = [round(x, 1) for x in os.getloadavg()]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=None, help="default: SQLite in the state folder")
    parser.add_argument("--state", type=Path, default=None, help="default: a temporary folder")
    parser.add_argument("--rate", type=float, default=200.0, help="open loop; 0: none")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument(
        "--wrk",
        type=int,
        nargs="*",
        default=[2, 4, 8],
        metavar="CONNECTIONS",
        help="closed-loop wrk runs with these many connections (none: skip)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-service-") as scratch:
        folder = args.state or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        settings, token, cases = prepared(folder, args.database)
        print(f"prepared in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        port = free_port()
        server = start_server(settings, port, args.workers)
        base = f"http://127.0.0.1:{port}"
        runs: list[dict[str, Any]] = []
        try:
            warm(base, token, cases, args.workers)
            print(f"warm after {time.perf_counter() - started:.0f} s", file=sys.stderr)
            for connections in args.wrk:
                runs.append(
                    measured(
                        server.pid,
                        lambda c=connections: {  # type: ignore[misc]
                            "mode": f"closed loop, wrk -t2 -c{c}",
                            **run_wrk(base, token, cases, args.seconds, c),
                        },
                    )
                )
                print(json.dumps(runs[-1]), file=sys.stderr)
            if args.rate:
                runs.append(
                    measured(
                        server.pid,
                        lambda: open_loop(port, token, cases, args.rate, args.seconds),
                    )
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
    figures = {
        "database": "postgresql" if args.database else "sqlite",
        "workers": args.workers,
        "cases": len(cases),
        "cpus": os.cpu_count(),
        "runs": runs,
    }
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
