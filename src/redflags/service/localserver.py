"""The service in a process of its own on 127.0.0.1, for the benches and the crash test:
`uvicorn redflags.service.asgi:app` with the settings in its environment, returned once
`/api/v1/health` answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx

from redflags.service.settings import WORKER_HEALTHCHECK_SECONDS, ServiceSettings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(
    settings: ServiceSettings, port: int, workers: int = 1, wait_seconds: float = 60.0
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "REDFLAGS_SERVICE_STATE_DIR": str(settings.state_dir),
        "REDFLAGS_SERVICE_DATABASE_URL": settings.database,
    }
    command = [
        sys.executable, "-m", "uvicorn", "redflags.service.asgi:app", "--host", "127.0.0.1",
        "--port", str(port), "--workers", str(workers), "--log-level", "warning",
        "--no-access-log", "--timeout-worker-healthcheck", str(WORKER_HEALTHCHECK_SECONDS),
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError(f"the service did not answer on port {port} within {wait_seconds:g} s")
