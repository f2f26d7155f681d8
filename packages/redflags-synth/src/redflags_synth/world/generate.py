"""Generate a world: run the typologies (fixed order, `scale.instances` each), then stream the
benign background kind by kind into the folder, merging the typologies' records in by time.

Memory stays bounded whatever the scale: the background is generated and written a slice of days
at a time (background.CHUNK_ROWS rows), and only the population (customers, accounts), the
advertisers, the monthly schedule of transactions and the typologies' records are held whole.
"""

from __future__ import annotations

import dataclasses
import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import import_module
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa
from pydantic import ValidationError

from redflags import __version__
from redflags.evaluation.truth_schema import TRUTH_FOLDER
from redflags.generator import WorldError
from redflags.model.records import RECORD_TYPES, RecordKind
from redflags_synth.world.background import Background
from redflags_synth.world.benign.ads import image_share
from redflags_synth.world.context import GENERATED_ID, RECORD_KINDS, SCALES, Scale, WorldContext
from redflags_synth.world.images import ImageMaker
from redflags_synth.world.schema import id_field, record_schema, table_name
from redflags_synth.world.typologies.base import Typology
from redflags_synth.world.writer import FORMATS, KindWriter, write_truth

GENERATOR = "redflags synth"
GENERATOR_VERSION = 2  # bump when the same seed would give different worlds (2: field notes)
SIZE_FIELDS = ("customers", "ads", "messages", "transactions", "device_events", "instances", "days")
WORLD_ENTRIES = frozenset({*(table_name(k) for k in RECORD_KINDS), "images", TRUTH_FOLDER})
_SIZE_OF_KIND = {
    "ad": "ads",
    "message": "messages",
    "transaction": "transactions",
    "customer": "customers",
    "device_event": "device_events",
}


class SynthProgress(Protocol):
    def start(self, kind: str, total: int) -> None: ...
    def advance(self, kind: str, rows: int) -> None: ...


@dataclass(frozen=True)
class WorldSummary:
    out: Path
    seed: int
    scale: Scale
    fmt: str
    counts: dict[str, int]  # rows written per kind, typology records included
    typology_counts: dict[str, int]
    instances: dict[str, int]  # typology name -> instances generated
    networks: int
    images: int
    seconds: dict[str, float]  # per kind (generate and write), typologies, truth, total

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    def rows_per_second(self) -> dict[str, float]:
        return {
            kind: round(self.counts[kind] / self.seconds[kind], 1) if self.seconds[kind] else 0.0
            for kind in self.counts
        }


def resolve_scale(scale: Scale | str, overrides: Mapping[str, int | None] | None = None) -> Scale:
    """A named scale (or a Scale) with explicit sizes replacing its own."""
    if isinstance(scale, str):
        if scale not in SCALES:
            raise WorldError(f"unknown scale {scale!r}; choose one of {', '.join(SCALES)}")
        scale = SCALES[scale]
    sizes = {k: int(v) for k, v in (overrides or {}).items() if v is not None}
    unknown = sorted(set(sizes) - set(SIZE_FIELDS))
    if unknown:
        raise WorldError(f"unknown size(s) {', '.join(unknown)}; known: {', '.join(SIZE_FIELDS)}")
    negative = sorted(k for k, v in sizes.items() if v < 0)
    if negative:
        raise WorldError(f"sizes must not be negative: {', '.join(negative)}")
    scale = dataclasses.replace(scale, **sizes)  # type: ignore[arg-type]
    if scale.customers < 1 or scale.days < 1:
        raise WorldError("a world needs at least one customer and one day")
    return scale


def load_typologies() -> list[Typology]:
    """The typologies in their fixed order; none if that package does not define them yet."""
    module = import_module("redflags_synth.world.typologies")
    return list(getattr(module, "TYPOLOGIES", []))


def _prepare(out: Path, overwrite: bool) -> None:
    if out.exists() and not out.is_dir():
        raise WorldError(f"{out}: exists and is not a folder")
    if out.exists() and any(out.iterdir()):
        if not overwrite:
            raise WorldError(f"{out}: not empty; use --overwrite to replace the world there")
        strangers = sorted(p.name for p in out.iterdir() if p.name not in WORLD_ENTRIES)
        if strangers:
            raise WorldError(
                f"{out}: holds {', '.join(strangers)}, which is not part of a world; "
                "not overwriting"
            )
        for entry in out.iterdir():
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    out.mkdir(parents=True, exist_ok=True)


def run_typologies(ctx: WorldContext, typologies: Sequence[Typology]) -> dict[str, int]:
    """Every typology `scale.instances` times, checking each one's records as it goes."""
    instances: dict[str, int] = {}
    for typology in typologies:
        before = {kind: len(ctx.records[kind]) for kind in RECORD_KINDS}
        for instance in range(ctx.scale.instances):
            typology.generate(ctx, instance)
        for kind in RECORD_KINDS:
            for record in ctx.records[kind][before[kind] :]:
                _check(ctx, kind, record, typology.name)
        instances[typology.name] = ctx.scale.instances
    return instances


def _check(ctx: WorldContext, kind: str, record: dict[str, Any], typology: str) -> None:
    """A typology record must be a valid canonical record with aware timestamps; a device event
    without an id gets one, as every background event has one."""
    try:
        RECORD_TYPES[RecordKind(kind)].model_validate(record)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise WorldError(
            f"typology {typology}: invalid {kind} {record.get(id_field(kind))!r}: {where}: "
            f"{first['msg']}"
        ) from None
    for name, value in record.items():
        if isinstance(value, datetime) and value.tzinfo is None:
            raise WorldError(f"typology {typology}: {kind} field {name} is a naive timestamp")
    if kind in GENERATED_ID and not record.get(id_field(kind)):
        record[id_field(kind)] = ctx.new_id(GENERATED_ID[kind])


def _typology_table(kind: str, records: list[dict[str, Any]]) -> pa.Table:
    model = RECORD_TYPES[RecordKind(kind)]
    rows = [model.model_validate(r).model_dump() for r in records]
    return pa.Table.from_pylist(rows, schema=record_schema(kind))


def generate_world(
    out: Path,
    scale: Scale | str,
    seed: int,
    fmt: str = "parquet",
    progress: SynthProgress | None = None,
    overrides: Mapping[str, int | None] | None = None,
    overwrite: bool = False,
) -> WorldSummary:
    """Write a world to `out` (which must be empty, or hold a world and `overwrite`)."""
    if fmt not in FORMATS:
        raise WorldError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    scale = resolve_scale(scale, overrides)
    out = Path(out)
    _prepare(out, overwrite)
    started = time.perf_counter()
    seconds: dict[str, float] = {}
    ctx = WorldContext(seed, dataclasses.replace(scale), out)
    images = ImageMaker(ctx)

    clock = time.perf_counter()
    instances = run_typologies(ctx, load_typologies())
    typology_counts = {kind: len(ctx.records[kind]) for kind in RECORD_KINDS}
    seconds["typologies"] = time.perf_counter() - clock

    clock = time.perf_counter()
    background = Background(ctx, scale, images)
    seconds["population"] = time.perf_counter() - clock
    counts: dict[str, int] = {}
    for kind in RECORD_KINDS:
        clock = time.perf_counter()
        # kinds drawn from the population (KYC log, company register) have no size of their own
        total = getattr(scale, _SIZE_OF_KIND.get(kind, ""), 0) + typology_counts[kind]
        if progress:
            progress.start(kind, total)
        writer = KindWriter(out, kind, fmt, _typology_table(kind, ctx.records[kind]))
        for table, horizon in background.stream(kind):
            writer.write(table, horizon)
            if progress:
                progress.advance(kind, table.num_rows)
        counts[kind] = writer.close()
        if progress:
            progress.advance(kind, typology_counts[kind])
        seconds[kind] = time.perf_counter() - clock
        if kind == "customer":  # drawing the population is the customers' generation time
            seconds[kind] += seconds.pop("population")

    clock = time.perf_counter()
    images_written = len(list((out / "images").glob("*.jpg"))) if (out / "images").is_dir() else 0
    world = {
        "generator": GENERATOR,
        "generator_version": GENERATOR_VERSION,
        "redflags_version": __version__,
        "seed": seed,
        "scale": scale.name,
        "sizes": {f: getattr(scale, f) for f in SIZE_FIELDS},
        "start": ctx.start.isoformat(),
        "format": fmt,
        "counts": {
            kind: {
                "total": counts[kind],
                "typology": typology_counts[kind],
                "background": counts[kind] - typology_counts[kind],
            }
            for kind in RECORD_KINDS
        },
        "typologies": [
            {
                "name": t.name,
                "positive": t.positive,
                "hard_negative": t.hard_negative,
                "instances": instances[t.name],
            }
            for t in load_typologies()
        ],
        "networks": len(ctx.truth.networks),
        "images": images_written,
        "background_image_share": image_share(scale.ads),
    }
    write_truth(out, ctx.truth, world)
    seconds["truth"] = time.perf_counter() - clock
    seconds["total"] = time.perf_counter() - started
    return WorldSummary(
        out=out,
        seed=seed,
        scale=scale,
        fmt=fmt,
        counts=counts,
        typology_counts=typology_counts,
        instances=instances,
        networks=len(ctx.truth.networks),
        images=images_written,
        seconds={k: round(v, 3) for k, v in seconds.items()},
    )
