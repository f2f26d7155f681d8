"""Output folders that redflags may write into, and clean, without touching anything else.

Every folder a command writes (`--out`) gets a marker file, `.redflags-run`, that names the run
and lists the files and folders the run wrote. A non-empty folder without the marker is refused:
it may hold someone's data. A folder with the marker is reused by removing only what the marker
lists, so a second run leaves no stale outputs of the first (such as the dossier of a case that
no longer exists) and never deletes a file redflags did not write.

Also here: `scratch_folder`, the private temporary folder a scan keeps its store in when the
user did not ask to keep one (`--db`).
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import Any

MARKER = ".redflags-run"
_FORMAT = "redflags run folder"
_VERSION = 1


class RunFolderError(Exception):
    """An output folder that is not ours to write or clean, stated in one line."""


def _is_run_folder(path: Path) -> bool:
    marker = path / MARKER
    return marker.is_file() and not marker.is_symlink() and not path.is_symlink()


def _entries(root: Path) -> Iterator[tuple[str, os.stat_result]]:
    """Every file and folder below `root` (relative POSIX path, lstat), not following links.
    A run folder inside (the demo's `run/`) is listed, not entered: its own marker lists it."""
    for folder, dirs, files in os.walk(root, followlinks=False):
        base = Path(folder)
        for name in (*dirs, *files):
            path = base / name
            yield path.relative_to(root).as_posix(), path.lstat()
        dirs[:] = [d for d in dirs if not _is_run_folder(base / d)]


def _safe_relative(entry: Any) -> str | None:
    """A marker entry if it is a plain relative path inside the folder, else None."""
    if not isinstance(entry, str) or not entry or "\x00" in entry or "\\" in entry:
        return None
    path = PurePosixPath(entry)
    if path.is_absolute() or any(part in ("", ".", "..") for part in entry.split("/")):
        return None
    return path.as_posix()


def _inside_without_links(root: Path, relative: str) -> bool:
    """No folder between `root` and the entry is a symbolic link (it could point elsewhere)."""
    current = root
    for part in relative.split("/")[:-1]:
        current = current / part
        try:
            if not stat.S_ISDIR(current.lstat().st_mode):
                return False
        except OSError:
            return False
    return True


def _read_marker(root: Path) -> dict[str, Any]:
    marker = root / MARKER
    if not marker.is_file() or marker.is_symlink():
        raise RunFolderError(
            f"{root} is not empty and not a redflags run folder; choose another --out"
        )
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        data = None
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        raise RunFolderError(
            f"{root}: its {MARKER} is damaged, so what redflags wrote there is unknown; "
            "choose another --out"
        )
    return data


def _remove_listed(root: Path, data: dict[str, Any]) -> None:
    """Delete the regular files the marker lists, then the listed folders left empty."""
    files = [r for e in data.get("files", []) if (r := _safe_relative(e))]
    folders = [r for e in data.get("folders", []) if (r := _safe_relative(e))]
    for relative in files:
        if not _inside_without_links(root, relative):
            continue
        path = root / relative
        try:
            mode = path.lstat().st_mode
        except FileNotFoundError:
            continue
        if stat.S_ISREG(mode):  # never a link, a folder or a device someone put in its place
            path.unlink()
    for relative in sorted(folders, key=lambda r: r.count("/"), reverse=True):
        path = root / relative
        if not _inside_without_links(root, relative) or path.is_symlink():
            continue
        if _is_run_folder(path):  # a run folder of ours inside: cleaned by its own marker
            with suppress(RunFolderError):
                _remove_listed(path, _read_marker(path))
            if [p.name for p in path.iterdir()] == [MARKER]:
                (path / MARKER).unlink()
        with suppress(OSError):  # not empty: it holds something redflags did not write
            path.rmdir()


class RunFolder:
    """An output folder claimed for one run; `record()` (also on leaving a `with`) writes the
    marker listing what the run wrote."""

    def __init__(self, root: Path, run_id: str, keep: Iterable[Path], before: set[str]) -> None:
        self.root = root
        self.run_id = run_id
        self._keep = [Path(os.path.abspath(k)) for k in keep]
        self._before = before
        self._started = time.time_ns()

    @classmethod
    def claim(
        cls, root: Path, run_id: str, keep: Iterable[Path] = (), *, mark: bool = True
    ) -> RunFolder:
        """Make `root` ready for a run: create it, or clean what an earlier run of ours wrote
        there. `keep` are paths the user asked for (a --db store, a baseline) that are never
        listed, so never removed. With `mark=False` the marker is written only by `record()`
        (for writers that want an empty folder)."""
        root = Path(root)
        if root.exists() and not root.is_dir():
            raise RunFolderError(f"{root} exists and is not a folder; choose another --out")
        if root.is_dir() and any(root.iterdir()):
            _remove_listed(root, _read_marker(root))
            if not mark:
                (root / MARKER).unlink()
        root.mkdir(parents=True, exist_ok=True)
        present = dict(_entries(root))
        links = sorted(r for r, info in present.items() if stat.S_ISLNK(info.st_mode))
        if links:
            raise RunFolderError(
                f"{root} holds the symbolic link {links[0]}, which redflags did not write; "
                "choose another --out"
            )
        folder = cls(root, run_id, keep, set(present))
        if mark:
            folder.record()
        return folder

    def _kept(self, relative: str) -> bool:
        path = Path(os.path.abspath(self.root / relative))
        return any(path == k or k in path.parents for k in self._keep)

    def record(self) -> list[str]:
        """Write the marker: every file and folder created or rewritten since the claim."""
        files: list[str] = []
        folders: list[str] = []
        for relative, info in _entries(self.root):
            if relative == MARKER or stat.S_ISLNK(info.st_mode) or self._kept(relative):
                continue
            if relative in self._before and info.st_mtime_ns < self._started:
                continue  # was here before the run and untouched by it
            (folders if stat.S_ISDIR(info.st_mode) else files).append(relative)
        data = {
            "format": _FORMAT,
            "version": _VERSION,
            "run_id": self.run_id,
            "files": sorted(files),
            "folders": sorted(folders),
        }
        marker = self.root / MARKER
        marker.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return files

    def __enter__(self) -> RunFolder:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        # also after an error: what a failed run wrote is cleaned by the next one
        if self.root.is_dir():
            self.record()


@contextmanager
def scratch_folder() -> Iterator[Path]:
    """A private folder in the system's temp dir (mode 0700), removed at the end even after
    an error. A scan keeps its store here unless the user asked to keep it (--db)."""
    path = Path(tempfile.mkdtemp(prefix="redflags-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
