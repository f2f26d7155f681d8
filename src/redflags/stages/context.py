"""What every stage of one scan reads: the options, the settings checked once, the run's id and
folder, the inputs found, the catalogue; and the open store the middle stages share."""

from __future__ import annotations

import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import phonenumbers

from redflags.cases.queues import QueueSettings
from redflags.catalogue import Catalogue, load_catalogue
from redflags.catalogue.lists import default_list_path, load_allow_list
from redflags.detectors.lexicon_matcher import clear_prepared_texts
from redflags.engines import DuckDBEngine
from redflags.ingest import discover
from redflags.ingest.discover import Discovery
from redflags.intake import file_labels
from redflags.normalise.contacts import clear_contact_cache
from redflags.normalise.identifiers import normalise_address
from redflags.normalise.phones import DEFAULT_REGION
from redflags.report import Redactor
from redflags.report.redact import RedactionKeyError
from redflags.settings import DEFAULT_MODEL
from redflags.stages.meter import StageMeter
from redflags.store import Store


class ScanError(Exception):
    """A problem with the scan's input or options, stated in one line."""


class Progress(Protocol):
    def stage(self, name: str, total: int | None = None) -> None: ...
    def advance(self, amount: int = 1) -> None: ...
    def note(self, message: str) -> None: ...


class Silent:
    def stage(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, amount: int = 1) -> None:
        pass

    def note(self, message: str) -> None:
        pass


@dataclass(frozen=True)
class ScanOptions:
    out: Path | None = None  # run folder; default: a new folder under ./runs/
    db: Path | None = None  # store file to keep; default: a temporary one, deleted at the end
    lang: str = "en"
    reveal: bool = False
    allow_list: Path | None = None
    max_pivot_degree: int = 50
    redaction_key: bytes | None = None
    engine: str = "duckdb"  # or "spark": the aggregate indicators run there
    spark_master: str = "local[2]"
    timezone: str | None = None  # the institution's zone and currency; Danish by default
    currency: str | None = None
    baseline: Path | None = None  # verdict baseline (cases/baseline.py); None: every case is new
    show_all: bool = False  # with a baseline: show unchanged and dismissed cases too
    memory_limit: str | None = None  # DuckDB's cap (e.g. "3GB"); above it, it spills to disk
    queues: QueueSettings = field(default_factory=QueueSettings)  # alert line and budget
    model: str = DEFAULT_MODEL  # the risk model (score/: risk-v1, risk-v2)
    money_links: bool = True  # a payment a finding is about joins its ends (link/money.py)
    # the country of phone numbers written without a country code (ISO 3166 alpha-2); every
    # extractor, masker and linker of the run reads phones in it. None: Denmark
    region: str | None = None
    settings_file: Path | None = None  # the settings file the options came from, if any
    # with `db`: ingest the new records only and recompute what they touch (stages/incremental.py)
    incremental: bool = False

    def kept_paths(self) -> list[Path]:
        """Files the user asked to keep (a --db store and its companions, the baseline): never
        listed in a run folder's marker, so never removed with a later run's outputs."""
        keep = [self.baseline] if self.baseline else []
        if self.db:
            db = self.db
            keep += [db, db.with_name(db.name + ".wal"), db.with_name(db.name + ".tmp")]
        return keep


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def run_region(options: ScanOptions) -> str:
    """The run's phone region, checked: one line when it is not a region phonenumbers knows."""
    region = (options.region or DEFAULT_REGION).strip().upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise ScanError(
            f"region {options.region!r} is not a phone region (ISO 3166 alpha-2, e.g. DK, US)"
        )
    return region


def clear_text_caches() -> None:
    """The texts the contact and lexicon caches kept are one scan's: dropped between scans."""
    clear_contact_cache()
    clear_prepared_texts()


@dataclass(frozen=True)
class Inputs:
    """The files a scan reads, found (and checked) before anything is written."""

    paths: tuple[Path, ...]
    discovery: Discovery
    skipped: list[str]  # "path: reason" of files not read
    labels: dict[str, str]  # ingested file -> the name it is shown by

    @classmethod
    def find(cls, paths: Sequence[Path], run_dir: Path) -> Inputs:
        discovery = discover(list(paths))
        skipped = [f"{s.path}: {s.reason}" for s in discovery.skipped]
        if not discovery:
            raise ScanError(f"no input files found in {', '.join(str(p) for p in paths)}")
        labels = file_labels(paths, (f for spec in discovery for f in spec.files))
        folder_path = Path(os.path.abspath(run_dir))
        for path in paths:
            inside = Path(os.path.abspath(path))
            if inside == folder_path or folder_path in inside.parents:
                # a re-run would clean the run folder, and the input with it
                raise ScanError(f"{path} is inside the run folder {run_dir}; choose another --out")
        return cls(tuple(paths), discovery, skipped, labels)


@dataclass
class ScanContext:
    """One scan's settings, identity and inputs; every stage reads it, none changes it."""

    options: ScanOptions
    progress: Progress
    region: str
    redactor: Redactor  # for everything the run writes
    keyed: Redactor  # for the baseline, which never holds clear pivots, even with --reveal
    run_id: str
    run_dir: Path
    inputs: Inputs
    catalogue: Catalogue
    allow_list_path: Path
    allowed: set[str]  # allow-listed addresses (shelters, dormitories): never linked on
    meter: StageMeter

    @classmethod
    def prepare(
        cls, paths: Sequence[Path], options: ScanOptions, progress: Progress
    ) -> ScanContext:
        """Check the options and find the inputs; a problem is one ScanError before any
        output exists."""
        region = run_region(options)
        clear_text_caches()  # the kept texts of whatever ran before make room for this scan's
        try:  # a redaction key that cannot be used is said at once, in one line
            redactor = Redactor(options.redaction_key, reveal=options.reveal, region=region)
            keyed = Redactor(options.redaction_key, region=region) if options.baseline else redactor
        except RedactionKeyError as exc:
            raise ScanError(str(exc)) from None
        run_id = new_run_id()
        run_dir = options.out or Path("runs") / run_id
        meter = StageMeter()
        inputs = Inputs.find(paths, run_dir)
        allow_list_path = options.allow_list or default_list_path("address_allow_list")
        catalogue = load_catalogue()
        allowed = {
            f"address:{a}"
            for e in load_allow_list(allow_list_path).entries
            if (a := normalise_address(e.address))
        }
        return cls(
            options=options,
            progress=progress,
            region=region,
            redactor=redactor,
            keyed=keyed,
            run_id=run_id,
            run_dir=run_dir,
            inputs=inputs,
            catalogue=catalogue,
            allow_list_path=allow_list_path,
            allowed=allowed,
            meter=meter,
        )


@dataclass(frozen=True)
class Workspace:
    """The scan's open store (and its engine) and its private scratch folder, shared by the
    stages between ingest and publish."""

    store: Store
    engine: DuckDBEngine
    scratch: Path
