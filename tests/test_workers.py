"""Parallel parts of a scan inside a daemonic process (a service's scan job): no child is
started there (Python forbids it), and the work is done in the process itself, the same."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from PIL import Image

from redflags.extract.image_hashes import hash_file, hash_files
from redflags.workers import worker_count


def _in_a_daemon(paths: list[Path], answers: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    answers.put((worker_count(), worker_count(4), hash_files(paths, workers=2, pool_min=1)))


def test_a_daemonic_process_hashes_photos_itself(tmp_path: Path) -> None:
    paths = []
    for i in range(3):
        image = Image.new("RGB", (40, 30), (i * 80, 40, 200 - i * 60))
        image.putpixel((i, i), (255, 255, 255))
        image.save(tmp_path / f"p{i}.png")
        paths.append(tmp_path / f"p{i}.png")
    context = multiprocessing.get_context("spawn")
    answers = context.Queue()
    child = context.Process(target=_in_a_daemon, args=(paths, answers), daemon=True)
    child.start()
    counts, wanted, hashed = answers.get(timeout=120)
    child.join(30)
    assert child.exitcode == 0
    assert (counts, wanted) == (1, 1)
    assert hashed == [hash_file(p) for p in paths]
    assert worker_count(3) == 3  # outside a daemon: as asked
