"""Shared by the fuzz targets: run under atheris (coverage-guided) when it is installed, else
under a plain loop of random mutations of the seed corpus, so a target always runs.

Usage: python fuzz/fuzz_readers.py [CORPUS_DIR ...] [-max_total_time=20] (libFuzzer flags).
Without atheris only -max_total_time= and -runs= are understood.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

try:
    import atheris
except ImportError:  # atheris only builds for CPython on x86-64 Linux / macOS
    atheris = None

__all__ = ["atheris", "main"]


def _flag(argv: list[str], name: str, default: int) -> int:
    for arg in argv:
        if arg.startswith(f"-{name}="):
            return int(arg.split("=", 1)[1])
    return default


def _mutate(data: bytes, rng: random.Random, pool: list[bytes]) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        position = rng.randint(0, len(buffer))
        if choice < 0.3 and buffer:
            buffer[min(position, len(buffer) - 1)] = rng.randrange(256)
        elif choice < 0.55:
            buffer[position:position] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif choice < 0.75 and buffer:
            del buffer[position : position + rng.randint(1, 16)]
        elif pool:
            donor = rng.choice(pool)
            start = rng.randint(0, len(donor))
            buffer[position:position] = donor[start : start + rng.randint(1, 64)]
    return bytes(buffer)


def _random_loop(target: Callable[[bytes], None], argv: list[str]) -> None:
    seconds = _flag(argv, "max_total_time", 20)
    runs = _flag(argv, "runs", -1)
    pool = [
        p.read_bytes()
        for arg in argv[1:]
        if not arg.startswith("-")
        for p in sorted(Path(arg).glob("*"))
        if p.is_file()
    ] or [b""]
    rng = random.Random(_flag(argv, "seed", 0) or None)
    done, end = 0, time.monotonic() + seconds
    for seed in pool:
        target(seed)
    while time.monotonic() < end and done != runs:
        target(_mutate(rng.choice(pool), rng, pool))
        done += 1
    print(f"random loop: {done} inputs in {seconds} s, no crash (atheris is not installed)")


def main(target: Callable[[bytes], None]) -> None:
    if atheris is None:
        _random_loop(target, sys.argv)
        return
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()
