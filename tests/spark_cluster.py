"""A real Spark standalone cluster on 127.0.0.1 for tests: one master, N workers, then gone.

pyspark's pip package ships `bin/spark-class` but not `sbin/start-master.sh`, so the daemons are
started with `spark-class` directly, each in a session of its own so that stopping one also
stops the executors it launched. Ports are free ones picked by the OS, logs and work folders
live under the caller's temporary folder, and the master's JSON status page says when every
worker has registered. `spark_cluster` stops everything it started, by process id, even when
the test fails.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LOOPBACK = "127.0.0.1"
START_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 20.0


def spark_class() -> Path:
    """pyspark's own launcher script."""
    import pyspark

    return Path(pyspark.__file__).parent / "bin" / "spark-class"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        port: int = probe.getsockname()[1]
        return port


def daemon_environment(root: Path) -> dict[str, str]:
    """Loopback only, logs and work under `root`, small daemon heaps, executors' Python ours."""
    env = dict(os.environ)
    env.update(
        {
            "SPARK_LOCAL_IP": LOOPBACK,
            "SPARK_LOG_DIR": str(root / "logs"),
            "SPARK_WORKER_DIR": str(root / "work"),
            "SPARK_DAEMON_MEMORY": "256m",
            "PYSPARK_PYTHON": sys.executable,
        }
    )
    return env


@dataclass
class SparkCluster:
    """The master's URL and the daemons behind it."""

    root: Path
    master_url: str = ""
    status_url: str = ""
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start_daemon(self, name: str, *args: str) -> None:
        log = (self.root / "logs" / f"{name}.log").open("wb")
        try:
            process = subprocess.Popen(
                [str(spark_class()), *args],
                env=daemon_environment(self.root),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: executors go with it
            )
        finally:
            log.close()
        self.processes.append(process)

    def status(self) -> dict[str, Any]:
        """The master's JSON status page (empty while it is not up)."""
        try:
            with urllib.request.urlopen(self.status_url, timeout=2) as reply:
                status: dict[str, Any] = json.load(reply)
        except OSError:
            return {}
        return status

    def alive_workers(self) -> int:
        return int(self.status().get("aliveworkers", 0))

    def completed_applications(self) -> list[str]:
        return [app["name"] for app in self.status().get("completedapps", [])]

    def wait_for_workers(self, count: int) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while self.alive_workers() < count:
            for process in self.processes:
                if process.poll() is not None:
                    raise RuntimeError(f"a Spark daemon exited early:\n{self.logs()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{count} Spark workers did not register:\n{self.logs()}")
            time.sleep(0.5)

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-2000:]}"
            for path in sorted((self.root / "logs").glob("*.log"))
        )

    def stop(self) -> None:
        """SIGTERM to each daemon's process group (its executors included), SIGKILL if it
        lingers; workers first so they do not try to reconnect to a gone master."""
        for process in reversed(self.processes):
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
        for process in reversed(self.processes):
            try:
                process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                with suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@contextmanager
def spark_cluster(
    root: Path, workers: int = 2, worker_memory: str = "1g"
) -> Iterator[SparkCluster]:
    """A master and `workers` one-core workers on 127.0.0.1, stopped on the way out."""
    for folder in ("logs", "work"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    cluster = SparkCluster(root)
    with ExitStack() as stack:
        stack.callback(cluster.stop)
        port, web = free_port(), free_port()
        cluster.master_url = f"spark://{LOOPBACK}:{port}"
        cluster.status_url = f"http://{LOOPBACK}:{web}/json/"
        cluster.start_daemon(
            "master",
            "org.apache.spark.deploy.master.Master",
            *("--host", LOOPBACK, "--port", str(port), "--webui-port", str(web)),
        )
        for index in range(workers):
            cluster.start_daemon(
                f"worker-{index}",
                "org.apache.spark.deploy.worker.Worker",
                cluster.master_url,
                *("--host", LOOPBACK, "--port", str(free_port())),
                *("--webui-port", str(free_port()), "--cores", "1", "--memory", worker_memory),
                *("--work-dir", str(root / "work" / f"worker-{index}")),
            )
        cluster.wait_for_workers(workers)
        yield cluster
