"""The real service for browser tests and UI screenshots: the demo world published into a
fresh state folder, known users, and `uvicorn redflags.service.asgi:app` in a subprocess,
listening on a free 127.0.0.1 port (a socket it inherits) and configured the way `redflags
serve` configures its workers (the REDFLAGS_SERVICE_* environment).

`build_state` is slow (the demo world is generated and scanned, about a minute), so the browser
tests make it once per run and copy it per worker (`copy_state`); `LiveService` starts and stops
one server on a copy."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

PASSWORD = "correct horse battery staple"
# user name -> role; `admin` comes from the demo itself (load_demo resets it)
USERS = {"analyst": "analyst", "reviewer": "reviewer", "lockme": "analyst"}
LARGE_CASE_ID = "C-synthetic2000"
LARGE_NETWORK_NODES = 2000
DEMO_CASES = "demo-cases.json"  # the demo's case ids, highest score first
_STATE_FILES = ("cases.sqlite", "redaction.key", DEMO_CASES)


def build_state(state_dir: Path, large_case: bool = True) -> None:
    """The demo world published into `state_dir`, the users of USERS and (with `large_case`) a
    case whose network has LARGE_NETWORK_NODES nodes."""
    from sqlalchemy import select

    from redflags.service.audit import SYSTEM
    from redflags.service.db import open_database
    from redflags.service.db.models import CaseRow
    from redflags.service.demo import load_demo
    from redflags.service.keys import load_or_create_key
    from redflags.service.roles import Role
    from redflags.service.settings import ServiceSettings
    from redflags.service.users import add_user

    settings = ServiceSettings(state_dir=state_dir)
    load_demo(settings, PASSWORD)
    db = open_database(settings.database)
    try:
        with db.write() as session:
            for name, role in USERS.items():
                add_user(session, name, Role[role], PASSWORD, SYSTEM, name.title())
            ranked = session.scalars(select(CaseRow.id).order_by(CaseRow.score.desc(), CaseRow.id))
            (state_dir / DEMO_CASES).write_text(json.dumps(list(ranked)))
        if large_case:
            _publish_large_case(db, load_or_create_key(settings.key_file))
    finally:
        db.dispose()
    shutil.rmtree(state_dir / "demo")  # the world and its run folder: not read by the service


def demo_cases(state_dir: Path) -> list[str]:
    """The demo's case ids, highest score first (the large synthetic case is not one)."""
    ids: list[str] = json.loads((state_dir / DEMO_CASES).read_text())
    return ids


def copy_state(template: Path, state_dir: Path) -> None:
    """A private copy of what a built state folder holds that the service reads."""
    state_dir.mkdir(mode=0o700, parents=True)
    for name in _STATE_FILES:
        shutil.copy2(template / name, state_dir / name)
    (state_dir / "redaction.key").chmod(0o600)  # the service refuses a key others may read


@dataclass(frozen=True)
class _SyntheticScan:
    """What publish_scan reads of a ScanResult."""

    run_id: str
    cases: list[Any]
    alerts: tuple[()] = ()
    youth_queue: tuple[()] = ()


def large_network_case(base: Any, nodes: int = LARGE_NETWORK_NODES) -> Any:
    """`base` (a demo Case) grown into a network of exactly `nodes` pivots: 4 organisers, as many
    worker phones as worker accounts, and buyers paying the workers. Its records are its own, so
    publication does not match it to `base`."""
    from redflags.model.cases import NetworkEdge, NetworkInfo, Role

    organisers = [f"account:DK90ORG{i:06d}" for i in range(4)]
    workers = (nodes // 10 - 4) // 2
    phones = [f"phone:+452{i:07d}" for i in range(workers)]
    accounts = [f"account:DK90WRK{i:06d}" for i in range(workers)]
    buyers = [f"account:DK90BUY{i:06d}" for i in range(nodes - 4 - 2 * workers)]
    edges: list[NetworkEdge] = []
    records: list[str] = []

    def payment(source: str, target: str, amount: float) -> None:
        record = f"transaction:SYN{len(records):06d}"
        records.append(record)
        edges.append(
            NetworkEdge(
                source=source,
                target=target,
                kind="payment",
                amount=amount,
                currency="DKK",
                first="2025-03-01T10:00:00+00:00",
                last="2025-03-01T10:00:00+00:00",
                records=(record,),
            )
        )

    for i, (phone, account) in enumerate(zip(phones, accounts, strict=True)):
        edges.append(NetworkEdge(source=phone, target=account, kind="identity"))
        payment(account, organisers[i % len(organisers)], 2000.0)
    for i, buyer in enumerate(buyers):
        payment(buyer, accounts[i % workers], 800.0)

    def role(entity: str, name: str, reason: str) -> Role:
        return Role(entity=entity, role=name, reasons_en=(reason,), reasons_da=(reason,))

    roles = [role(p, "organiser", "receives the workers' money") for p in organisers]
    roles += [role(p, "worker", "advertised contact") for p in phones]
    roles += [role(p, "buyer", "paid a worker") for p in buyers]
    pivots = sorted({*organisers, *phones, *accounts, *buyers})
    assert len(pivots) == nodes
    return base.model_copy(
        update={
            "case_id": LARGE_CASE_ID,
            "group_id": "G-synthetic2000",
            "records": tuple(records),
            "pivots": tuple(pivots),
            "roles": tuple(roles),
            "edges": tuple(edges),
            "network": NetworkInfo(component_size=nodes),
        }
    )


def _publish_large_case(db: Any, key: bytes) -> None:
    from sqlalchemy import select

    from redflags.service.audit import SYSTEM
    from redflags.service.db.models import CaseRow
    from redflags.service.publish import case_from_payload, publish_scan

    with db.read() as session:
        # the demo case with the most findings: a realistic score, indicators and timeline
        richest = select(CaseRow.payload).order_by(CaseRow.n_findings.desc())
        payload = session.scalars(richest).first()
    case = large_network_case(case_from_payload(payload))
    publish_scan(db, key, _SyntheticScan("synthetic-large-network", [case]), SYSTEM)


def listening_socket() -> socket.socket:
    """A socket listening on a free 127.0.0.1 port, for uvicorn to take over (--fd). Holding the
    port from the start leaves no moment in which another test's server could take it (a port
    picked, closed and handed to a server that binds it seconds later can be taken twice)."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    return listener


class LiveService:
    """`uvicorn redflags.service.asgi:app` on a state folder, for as long as the `with` lasts."""

    def __init__(self, state_dir: Path, start_seconds: float = 60.0) -> None:
        self.state_dir = state_dir
        self._listener = listening_socket()
        self.port: int = self._listener.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log = state_dir / "uvicorn.log"
        self._start_seconds = start_seconds
        self._process: subprocess.Popen[bytes] | None = None

    def environment(self) -> dict[str, str]:
        return {
            **os.environ,
            "REDFLAGS_SERVICE_STATE_DIR": str(self.state_dir),
            "REDFLAGS_SERVICE_HOST": "127.0.0.1",
            "REDFLAGS_SERVICE_PORT": str(self.port),
            # every test signs in from 127.0.0.1: the per-address limit would throttle the
            # suite, while the per-account lock-out (what the tests check) stays as shipped
            "REDFLAGS_SERVICE_LOGIN_ATTEMPTS_PER_MINUTE": "10000",
        }

    def __enter__(self) -> LiveService:
        command = [sys.executable, "-m", "uvicorn", "redflags.service.asgi:app"]
        command += ["--fd", str(self._listener.fileno()), "--log-level", "warning"]
        with self.log.open("wb") as log, self._listener:
            self._process = subprocess.Popen(
                command,
                env=self.environment(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                pass_fds=[self._listener.fileno()],
            )
        self._wait_until_up()
        return self

    def _wait_until_up(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self._start_seconds
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"the service exited at start:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/api/v1/health", timeout=2):
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)  # polling a port that is not open yet; not a test wait
        self.stop()
        raise RuntimeError(f"the service did not answer in {self._start_seconds:.0f} s")

    def check_alive(self) -> None:
        """Fail with the server's log if it has died since it started."""
        if self._process is None or self._process.poll() is not None:
            raise RuntimeError(f"the service is not running:\n{self.log.read_text()[-4000:]}")

    def stop(self) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process = None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
