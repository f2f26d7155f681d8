"""Find the sources in files and folders: descriptors, and files named after a record kind.

Conventions, so that a folder of exports needs no configuration:
- `bank/transactions.csv` is a transaction source named `bank` (the folder's name);
- `bank/transactions/part-0001.parquet` (a folder named after a kind) holds part files;
- `bank/ledger.source.yaml` describes any other file and its column mapping;
- hidden files, a `truth/` folder (ground truth of synthetic data) and an `images/` folder (the
  ad photos that records point to by `image_refs`) are ignored.
Anything else is reported as skipped, with the reason.

File and folder names come from whoever wrote the data, so the walk is defensive: a symlinked
folder is entered at most once (no loops) and never outside the folders given; FIFOs, sockets
and devices are skipped unopened; names with `[`, `*` or `?` are plain names, never patterns.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from redflags.ingest.descriptor import (
    DESCRIPTOR_SUFFIXES,
    SourceDescriptor,
    kind_for_name,
    load_descriptor,
)
from redflags.ingest.errors import IngestError, IngestProblems
from redflags.ingest.ingest import IngestReport, Progress, ingest_file
from redflags.ingest.readers import EXTENSIONS, is_data_file, split_name
from redflags.model.records import KIND_TABLES, RecordKind
from redflags.store import Store

IGNORED_DIRS = frozenset({"truth", "images"})
_KIND_FILE_NAMES = ", ".join(f"{table}.csv" for table, _ in KIND_TABLES.values())


@dataclass(frozen=True)
class SourceSpec:
    """One source of one record kind and the files that hold it."""

    descriptor: SourceDescriptor
    files: tuple[Path, ...]
    origin: Path | None = None  # the descriptor file; None for a source found by convention

    @property
    def name(self) -> str:
        return self.descriptor.name

    @property
    def kind(self) -> RecordKind:
        return self.descriptor.kind


@dataclass(frozen=True)
class Skipped:
    """A path discovery did not use, and why."""

    path: Path
    reason: str


class Discovery(list[SourceSpec]):
    """The sources found (it is a list of them), plus `skipped`: what was passed over and why."""

    def __init__(self, specs: Iterable[SourceSpec] = (), skipped: Iterable[Skipped] = ()) -> None:
        super().__init__(specs)
        self.skipped: list[Skipped] = list(skipped)


def _hidden(path: Path) -> bool:
    return path.name.startswith(".")


def _is_descriptor(path: Path) -> bool:
    return path.name.endswith(DESCRIPTOR_SUFFIXES)


def kind_from_name(path: Path) -> RecordKind | None:
    """The record kind a data file or part folder is named after (`transactions.csv.gz`)."""
    stem, fmt, _ = split_name(path)
    if path.is_dir() or fmt is None:
        stem = path.name
    return kind_for_name(stem)


def _source_name(folder: Path) -> str:
    """The source a folder's files belong to: its name, made a valid source name (no spaces or
    slashes, which the descriptor's `name` refuses)."""
    name = re.sub(r"[\s/\\]+", "_", folder.resolve().name).strip("_")
    return name or "default"


@dataclass
class _Guard:
    """Where a walk may go: inside `roots` (resolved), each real folder once."""

    roots: tuple[Path, ...]
    visited: set[Path] = field(default_factory=set)
    skipped: list[Skipped] = field(default_factory=list)

    @classmethod
    def around(cls, *paths: Path) -> _Guard:
        return cls(tuple(p.resolve() for p in paths))

    def inside(self, path: Path) -> bool:
        real = path.resolve()
        return any(real == root or real.is_relative_to(root) for root in self.roots)

    def enter(self, folder: Path) -> bool:
        """Whether to walk into `folder`: not yet walked (a symlink loop ends here)."""
        real = folder.resolve()
        if real in self.visited:
            return False
        self.visited.add(real)
        return True

    def entries(self, folder: Path) -> list[Path]:
        """Folders and regular files in `folder` (hidden ones left out); anything else is
        noted in `skipped` and never opened."""
        found: list[Path] = []
        try:
            children = sorted(folder.iterdir())
        except OSError as exc:
            self.skipped.append(Skipped(folder, f"cannot list the folder ({exc.strerror})"))
            return found
        for entry in children:
            if _hidden(entry):
                continue
            why = _unusable(entry, self)
            if why:
                self.skipped.append(Skipped(entry, why))
            else:
                found.append(entry)
        return found


def _unusable(entry: Path, guard: _Guard) -> str | None:
    """Why discovery must not use `entry`, or None."""
    try:
        mode = entry.stat().st_mode  # follows a symlink
    except (OSError, RuntimeError):  # dangling symlink, symlink loop, no permission
        return "cannot be read (a broken symlink or no permission)"
    if entry.is_symlink() and not guard.inside(entry):
        return "a symlink leading outside the folders given; not followed"
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    kind = (
        "a FIFO"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "not a regular file"
    )
    return f"{kind}, not a regular file; not opened"


def part_files(folder: Path, guard: _Guard | None = None) -> tuple[Path, ...]:
    """Data files under a part folder. `_SUCCESS`, `.crc` and other tool droppings are ignored."""
    guard = guard or _Guard.around(folder)
    found: list[Path] = []

    def walk(current: Path) -> None:
        if not guard.enter(current):
            return
        for entry in guard.entries(current):
            if entry.name.startswith("_"):
                continue
            if entry.is_dir():
                walk(entry)
            elif is_data_file(entry):
                found.append(entry)

    walk(folder)
    return tuple(sorted(found))


def _descriptor_stem(path: Path) -> str:
    for suffix in DESCRIPTOR_SUFFIXES:
        if path.name.endswith(suffix):
            return path.name[: -len(suffix)]
    return path.stem


def load_source(path: Path) -> SourceSpec | Skipped:
    """A source from a descriptor file. Its `file` is relative to the descriptor; without one,
    a data file or part folder with the descriptor's own stem (`bank.source.yaml` -> `bank.csv`)
    is used.
    """
    descriptor = load_descriptor(path)
    base = path.parent
    # Files must lie inside the descriptor's folder, symlinks resolved (the descriptor itself
    # refuses absolute paths and '..').
    guard = _Guard.around(base)
    if descriptor.file is not None:
        target = base / descriptor.file
        # A name that exists is a name, even with [ * ? in it; otherwise it is a pattern.
        if not target.exists() and any(c in descriptor.file for c in "*?["):
            files = []
            for match in sorted(base.glob(descriptor.file)):
                if not guard.inside(match):
                    raise IngestError(path, f"{match} lies outside the descriptor's folder")
                if not _unusable(match, guard) and match.is_file():
                    files.append(match)
            if not files:
                raise IngestError(path, f"file pattern {descriptor.file!r} matches no file")
            return SourceSpec(descriptor, tuple(files), path)
        if target.exists() and not guard.inside(target):
            raise IngestError(
                path, f"file {descriptor.file!r} leads outside the descriptor's folder"
            )
        if target.is_dir():
            return SourceSpec(descriptor, part_files(target, guard), path)
        if not target.exists():
            raise IngestError(path, f"file {descriptor.file!r} not found (looked for {target})")
        why = _unusable(target, guard)
        if why or not target.is_file():
            raise IngestError(path, f"file {descriptor.file!r}: {why or 'not a regular file'}")
        return SourceSpec(descriptor, (target,), path)
    stem = _descriptor_stem(path)
    candidates = [
        p
        for p in guard.entries(base)
        if p.is_file() and not _is_descriptor(p) and split_name(p)[0] == stem and is_data_file(p)
    ]
    if (base / stem).is_dir() and guard.inside(base / stem):
        return SourceSpec(descriptor, part_files(base / stem, guard), path)
    if candidates:
        return SourceSpec(descriptor, tuple(candidates), path)
    return Skipped(path, f"names no file, and there is no {stem}.csv/.jsonl/.parquet beside it")


def _walk(folder: Path, guard: _Guard) -> tuple[list[Path], list[Path]]:
    """Descriptors and other entries under a folder, skipping hidden paths, truth/, images/."""
    descriptors: list[Path] = []
    entries: list[Path] = []
    for entry in guard.entries(folder):
        if entry.is_dir() and entry.name in IGNORED_DIRS:
            continue
        if entry.is_file() and _is_descriptor(entry):
            descriptors.append(entry)
        else:
            entries.append(entry)
    return descriptors, entries


class _Finder:
    def __init__(self, roots: Sequence[Path] = ()) -> None:
        self.specs: list[SourceSpec] = []
        self.skipped: list[Skipped] = []
        self.claimed: set[Path] = set()
        # (folder, kind) -> files found by convention, merged into one source
        self.convention: dict[tuple[Path, RecordKind], list[Path]] = {}
        self.roots = tuple(roots)
        # one guard per pass: each walks every folder once; only the second reports what it skips
        self.first_pass = _Guard.around(*roots)
        self.second_pass = _Guard.around(*roots)

    def add_descriptors(self, folder: Path) -> None:
        """First pass: descriptors anywhere below, so files they claim are not reported."""
        if not self.first_pass.enter(folder):
            return
        descriptors, entries = _walk(folder, self.first_pass)
        for path in descriptors:
            found = load_source(path)
            if isinstance(found, Skipped):
                self.skipped.append(found)
            else:
                self.specs.append(found)
                self.claimed.update(p.resolve() for p in found.files)
        for entry in entries:
            if entry.is_dir() and kind_from_name(entry) is None:
                self.add_descriptors(entry)

    def add_conventions(self, folder: Path) -> None:
        guard = self.second_pass
        if not guard.enter(folder):
            return
        _, entries = _walk(folder, guard)
        for entry in entries:
            if entry.resolve() in self.claimed:
                continue
            kind = kind_from_name(entry)
            if entry.is_dir():
                if kind is None:
                    self.add_conventions(entry)
                    continue
                every = part_files(entry, _Guard(guard.roots, set(guard.visited), guard.skipped))
                parts = [p for p in every if p.resolve() not in self.claimed]
                if parts:
                    self.convention.setdefault((folder, kind), []).extend(parts)
                elif not every:
                    self.skipped.append(Skipped(entry, "folder named after a kind holds no data"))
            elif kind is not None and is_data_file(entry):
                self.convention.setdefault((folder, kind), []).append(entry)
            else:
                self.skipped.append(Skipped(entry, _why_not(entry)))

    def add_file(self, path: Path) -> None:
        why = _unusable(path, _Guard.around(path))
        if why:
            raise IngestError(path, why)
        if _is_descriptor(path):
            found = load_source(path)
            if isinstance(found, Skipped):
                raise IngestError(path, found.reason)
            self.specs.append(found)
            return
        if not is_data_file(path):
            raise IngestError(path, _why_not(path))
        kind = kind_from_name(path)
        if kind is None:
            raise IngestError(path, _why_not(path))
        self.convention.setdefault((path.parent, kind), []).append(path)

    def result(self) -> Discovery:
        specs = list(self.specs)
        for (folder, kind), files in self.convention.items():
            descriptor = SourceDescriptor(name=_source_name(folder), kind=kind)
            specs.append(SourceSpec(descriptor, tuple(dict.fromkeys(files))))
        specs.sort(key=lambda s: (s.name, s.kind.value, [str(f) for f in s.files]))
        skipped = list(dict.fromkeys([*self.skipped, *self.second_pass.skipped]))
        return Discovery(specs, skipped)


def _why_not(path: Path) -> str:
    if not is_data_file(path):
        suffixes = "/".join(EXTENSIONS)
        return f"not a data file ({suffixes}, optionally .gz) and not a *.source.yaml"
    return (
        f"cannot tell the record kind from the name; call it {_KIND_FILE_NAMES} (or .jsonl, "
        ".parquet) or describe it in a *.source.yaml"
    )


def discover(paths: Sequence[Path | str]) -> Discovery:
    """Sources in the given files and folders. Returns a list of SourceSpec with `.skipped`.

    A file passed directly must be a descriptor or be named after a kind (else IngestError);
    a folder named after a kind (`exports/transactions/`) is read as a folder of part files.
    """
    folders: list[Path] = []
    for item in paths:
        path = Path(item)
        if not path.exists():
            raise IngestError(path, "no such file or folder")
        if path.is_dir():
            folders.append(path)
    finder = _Finder(folders)
    folders = []
    for item in paths:
        path = Path(item)
        if not path.is_dir():
            finder.add_file(path)
        elif kind_from_name(path) is not None and not any(
            _is_descriptor(p) for p in path.iterdir()
        ):
            kind = kind_from_name(path)
            assert kind is not None
            finder.convention.setdefault((path.resolve().parent, kind), []).extend(
                part_files(path, _Guard.around(path))
            )
        else:
            folders.append(path)
    for folder in folders:
        finder.add_descriptors(folder)
    for folder in folders:
        finder.add_conventions(folder)
    return finder.result()


def ingest_source(
    store: Store,
    spec: SourceSpec,
    on_progress: Progress | None = None,
    problems: list[IngestError] | None = None,
) -> list[IngestReport]:
    """Ingest every file of a source, one report per file. With `problems`, a file that cannot
    be ingested is added there and the next file is read (see `raise_problems`); without, the
    first such file raises."""
    reports = []
    for path in spec.files:
        try:
            reports.append(ingest_file(store, path, spec.descriptor, on_progress))
        except IngestError as exc:
            if problems is None:
                raise
            problems.append(exc)
    return reports


def raise_problems(problems: list[IngestError]) -> None:
    """After every file was tried: nothing, the one problem, or all of them at once."""
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise IngestProblems(problems)
