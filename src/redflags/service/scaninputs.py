"""What a scan job may read: files uploaded with it, or paths under the configured data root.

A client names files; the service decides where they are. An uploaded file keeps only its base
name (no folders, no "..", no absolute path, no control characters) and is written into a fresh
folder of its job with O_EXCL|O_NOFOLLOW, so it can neither escape the folder nor follow a link.
A path is resolved (symlinks followed) and taken only if it then lies under the data root; it is
resolved again when the job runs, so a link changed in between does not lead elsewhere."""

from __future__ import annotations

import os
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redflags.service.settings import ServiceSettings

MAX_NAME_CHARS = 200
CHUNK = 1 << 20


class InputRefused(ValueError):
    """An input the service will not read: `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def uploads_dir(settings: ServiceSettings, job_id: str) -> Path:
    return settings.state_dir / "uploads" / job_id


def runs_dir(settings: ServiceSettings, job_id: str) -> Path:
    return settings.state_dir / "runs" / job_id


def safe_name(client_name: str | None) -> str:
    """The base name of a client's file name, or InputRefused (422) if nothing safe is left."""
    name = (client_name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    if not name or name in (".", "..") or name.startswith("."):
        raise InputRefused(422, f"{client_name!r} is not a file name a scan can read")
    if len(name) > MAX_NAME_CHARS:
        raise InputRefused(422, f"a file name is at most {MAX_NAME_CHARS} characters")
    return name


@dataclass
class UploadFolder:
    """One job's folder of uploaded files; `total` bytes written so far against `limit`."""

    folder: Path
    limit: int
    total: int = 0

    @classmethod
    def create(cls, settings: ServiceSettings, job_id: str) -> UploadFolder:
        folder = uploads_dir(settings, job_id)
        folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.mkdir(mode=0o700)  # a new job id: never an existing folder
        return cls(folder, settings.max_upload_mb * 1024 * 1024)

    async def add(self, client_name: str | None, source: Any) -> str:
        """Copy an upload (anything with `async read(n)`) in; returns the name it got."""
        name = safe_name(client_name)
        target = self.folder / name
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except FileExistsError:
            raise InputRefused(422, f"two files are named {name!r}; name each its own") from None
        with os.fdopen(fd, "wb") as out:
            while chunk := await source.read(CHUNK):
                self.total += len(chunk)
                if self.total > self.limit:
                    raise InputRefused(413, f"the files are larger than {self.limit >> 20} MB")
                out.write(chunk)
        return name

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def resolve_under_root(settings: ServiceSettings, given: str) -> Path:
    """`given` (absolute, or relative to the data root) as a real path under the data root."""
    if settings.data_root is None:
        raise InputRefused(
            403, "this service has no data root configured: send the files as an upload"
        )
    if "\x00" in given or not given.strip():
        raise InputRefused(422, "a path must be a non-empty file or folder name")
    root = settings.data_root.resolve()
    real = (root / given).resolve()  # an absolute `given` replaces the root here
    if real != root and root not in real.parents:
        raise InputRefused(403, f"{given}: a scan may read only files under the data root")
    if not real.exists():
        raise InputRefused(422, f"{given}: no such file or folder under the data root")
    return real


def relative_to_root(settings: ServiceSettings, path: Path) -> str:
    assert settings.data_root is not None
    relative = path.relative_to(settings.data_root.resolve())
    return str(relative) if str(relative) != "." else "."


def input_paths(settings: ServiceSettings, inputs: list[dict[str, Any]]) -> list[Path]:
    """The files a job reads, from its stored inputs ({"path": …} or {"upload": …, "job": …}),
    checked again now: a path must still resolve under the data root, an upload still exist."""
    paths: list[Path] = []
    for entry in inputs:
        if "upload" in entry:
            path = uploads_dir(settings, str(entry["job"])) / safe_name(str(entry["upload"]))
            if not path.is_file() or path.is_symlink():
                raise InputRefused(409, f"the uploaded file {entry['upload']!r} is gone")
            paths.append(path)
        else:
            paths.append(resolve_under_root(settings, str(entry["path"])))
    return paths


def shown(entry: dict[str, Any]) -> str:
    """How an input is named to clients: `upload:NAME` or its path under the data root."""
    return f"upload:{entry['upload']}" if "upload" in entry else str(entry["path"])


def readable(message: str, settings: ServiceSettings, paths: list[Path]) -> str:
    """A message about the job's files without the server's folders in it."""
    folders = {str(p.parent) + os.sep for p in paths if p.is_file()}
    if settings.data_root is not None:
        folders.add(str(settings.data_root.resolve()) + os.sep)
    for folder in sorted(folders, key=len, reverse=True):
        message = message.replace(folder, "")
    return message
