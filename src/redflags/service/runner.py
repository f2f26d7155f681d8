"""The scan job runner: a thread in the service that runs queued jobs one at a time, each in a
process of its own (scanwork.run_job).

A process per job keeps a scan's memory and a crash out of the API's process, and lets a stop
end a scan at once. One job at a time is what two cores afford; jobs wait `queued` in the case
store, so a job submitted to any worker process is found by polling.

Several worker processes (`redflags serve --workers N`): only the process holding the lock file
`<state dir>/scan-runner.lock` runs jobs; the others keep trying to take it, so one of them takes
over when its holder dies. The holder is the only process that runs jobs, so when a process
takes the lock, a job still `running` was cut off. When the service starts (the startup hook
takes the lock), queued jobs of the previous process are failed too, as cut off by a restart:
re-running is the submitter's choice, not an old queue's. The lock is an OS file lock: it is
released when its process dies, however it dies.

A cancel (`cancelling` in the job's row, set by any worker process) is seen by the runner within
CANCEL_POLL_SECONDS: it ends the job's process as a stop does and marks the job `cancelled`."""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from multiprocessing.process import BaseProcess

from filelock import FileLock, Timeout

from redflags.service.api.state import ServiceState
from redflags.service.scanjobs import (
    CUT_OFF,
    cancel_requested,
    claim_next,
    fail,
    fail_cut_off,
    finish_cancel,
)
from redflags.service.scanwork import run_job

log = logging.getLogger("redflags.service")
LOCK_NAME = "scan-runner.lock"
POLL_SECONDS = 2.0
STOP_SECONDS = 10.0
CANCEL_POLL_SECONDS = 1.0
EXTRAS_KEY = "scan_runner"


class ScanRunner:
    def __init__(self, state: ServiceState, poll_seconds: float = POLL_SECONDS) -> None:
        self.settings, self.db = state.settings, state.db
        self.poll_seconds = poll_seconds
        self._lock = FileLock(str(state.settings.state_dir / LOCK_NAME), thread_local=False)
        self._holding = False
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._take_lock():
            cut = fail_cut_off(self.db, ("running", "cancelling", "queued"))
            if cut:
                log.warning("scan jobs cut off by a restart, marked failed: %s", ", ".join(cut))
        self._thread = threading.Thread(target=self._loop, name="scan-runner", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """A job was queued: look now rather than at the next poll."""
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(STOP_SECONDS * 3)
        if self._holding:
            self._lock.release()
            self._holding = False

    @property
    def is_runner(self) -> bool:
        return self._holding

    def _take_lock(self) -> bool:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return False
        self._holding = True
        return True

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                if not self._holding and self._take_lock():
                    # the runner before this one died
                    fail_cut_off(self.db, ("running", "cancelling"))
                job_id = claim_next(self.db) if self._holding else None
                if job_id is not None:
                    self._run(job_id)
                    continue
            except Exception:  # the loop outlives a database that is away for a while
                log.exception("scan runner: could not look for or run a job")
            self._wake.wait(self.poll_seconds)

    def _run(self, job_id: str) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a threaded server
        child: BaseProcess = context.Process(
            target=run_job,
            args=(self.settings.model_dump(), job_id, os.getpid()),
            name=f"redflags-{job_id}",
            daemon=True,  # ends with the service
        )
        child.start()
        cancelled = False
        while child.is_alive() and not self._stop.is_set():
            child.join(CANCEL_POLL_SECONDS)
            if child.is_alive() and cancel_requested(self.db, job_id):
                cancelled = True
                break
        if child.is_alive():  # the service is stopping, or the job was cancelled
            self._end(child)
            if cancelled:
                finish_cancel(self.db, job_id)
            else:
                fail(self.db, job_id, CUT_OFF, only_if=("running", "cancelling"))
            return
        # the job ended of itself with a cancel pending (it failed or died): that is cancelled
        finish_cancel(self.db, job_id, "cancelled; the scan had stopped")
        # a job process that died without saying so (killed, out of memory) leaves it running
        fail(
            self.db,
            job_id,
            f"the scan process ended unexpectedly (exit code {child.exitcode}); re-run it",
            only_if=("running",),
        )

    @staticmethod
    def _end(child: BaseProcess) -> None:
        child.terminate()
        child.join(STOP_SECONDS)
        if child.is_alive():
            child.kill()
            child.join()


def start_runner(state: ServiceState) -> None:
    runner = ScanRunner(state)
    state.extras[EXTRAS_KEY] = runner
    runner.start()


def stop_runner(state: ServiceState) -> None:
    runner = state.extras.pop(EXTRAS_KEY, None)
    if isinstance(runner, ScanRunner):
        runner.stop()


def wake_runner(state: ServiceState) -> None:
    runner = state.extras.get(EXTRAS_KEY)
    if isinstance(runner, ScanRunner):
        runner.wake()
