"""An open-loop HTTP/1.1 load driver for the service benches: requests leave on a fixed
schedule whatever the server does, and each latency runs from the request's *intended* send
time, so a server that falls behind shows it in the latencies instead of slowing the client
down (the coordinated omission of a closed-loop tool such as wrk).

Raw asyncio streams with keep-alive connections (opened as needed, up to a cap), no HTTP
library: on a 2-core machine shared with the server, httpx's own CPU would be a large part of
the load. Only what the service answers is understood: a status line, headers and a body of
`Content-Length` bytes or chunked.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Outcome:
    """Latencies (seconds from the intended send time) by route, and the errors."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    error_samples: list[str] = field(default_factory=list)
    wall: float = 0.0
    late_sends: int = 0  # requests that left over 10 ms after their time (the client lagged)


Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]


async def _read_body(reader: asyncio.StreamReader, headers: dict[str, str]) -> int:
    if "content-length" in headers:
        size = int(headers["content-length"])
        await reader.readexactly(size)
        return size
    if headers.get("transfer-encoding", "").lower() == "chunked":
        total = 0
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            if size == 0:
                await reader.readline()
                return total
            await reader.readexactly(size + 2)
            total += size
    raise ValueError("an answer without Content-Length or chunked encoding")


class StaleConnection(ConnectionError):
    """The server closed the connection without answering a byte."""


async def _exchange(connection: Connection, request: bytes) -> int:
    reader, writer = connection
    writer.write(request)
    await writer.drain()
    status_line = await reader.readline()
    if not status_line:
        raise StaleConnection("the server closed the connection")
    status = int(status_line.split()[1])
    headers: dict[str, str] = {}
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    await _read_body(reader, headers)
    if headers.get("connection", "").lower() == "close":
        writer.close()
        raise ConnectionResetError("closed after the answer")
    return status


async def run_open_loop(
    host: str,
    port: int,
    plan: Callable[[int], tuple[str, str]],
    headers: dict[str, str],
    rate: float,
    seconds: float,
    max_connections: int = 256,
) -> Outcome:
    """`rate` GET requests a second for `seconds`; request i is `plan(i)` = (route, path)."""
    outcome = Outcome()
    idle: list[Connection] = []
    opened = 0
    slots = asyncio.Semaphore(max_connections)
    extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())

    async def one(i: int, due: float) -> None:
        nonlocal opened
        route, path = plan(i)
        request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n{extra}\r\n".encode()
        async with slots:  # beyond the cap a request waits, and its wait is counted
            connection = idle.pop() if idle else None
            try:
                if connection is not None:
                    try:
                        status = await _exchange(connection, request)
                    except StaleConnection:
                        # the server closed this idle keep-alive connection before we sent
                        # (its keep-alive timeout): a GET is sent again on a new one, as HTTP
                        # clients do; a fresh connection that fails still counts below
                        connection[1].close()
                        connection = None
                if connection is None:
                    connection = await asyncio.open_connection(host, port)
                    opened += 1
                    status = await _exchange(connection, request)
            except (OSError, ValueError, asyncio.IncompleteReadError) as failure:
                outcome.errors[route] = outcome.errors.get(route, 0) + 1
                if len(outcome.error_samples) < 5:
                    outcome.error_samples.append(f"{route}: {failure!r}")
                if connection is not None:
                    connection[1].close()
                return
            idle.append(connection)
        elapsed = time.perf_counter() - due
        if status >= 400:
            outcome.errors[route] = outcome.errors.get(route, 0) + 1
            if len(outcome.error_samples) < 5:
                outcome.error_samples.append(f"{route}: HTTP {status} for {path}")
        else:
            outcome.latencies.setdefault(route, []).append(elapsed)

    tasks = []
    start = time.perf_counter()
    for i in range(int(rate * seconds)):
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        elif delay < -0.010:
            outcome.late_sends += 1
        tasks.append(asyncio.create_task(one(i, due)))
    await asyncio.gather(*tasks)
    outcome.wall = time.perf_counter() - start
    for _, writer in idle:
        writer.close()
    return outcome
