"""How many processes a scan may use for its parallel parts (photo hashing, the per-record
lane): the cores this process may run on, or one inside a daemonic process — a service's scan
job runs in one (service/runner.py), and Python forbids a daemonic process children."""

from __future__ import annotations

import multiprocessing
import os


def worker_count(wanted: int | None = None) -> int:
    """`wanted` processes (default: the cores this process may use), or 1 where no child may
    be started."""
    if multiprocessing.current_process().daemon:
        return 1
    return wanted or len(os.sched_getaffinity(0))
