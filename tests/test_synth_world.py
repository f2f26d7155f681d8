"""The synthetic world generator: layout, schema, determinism, truth, sizes, and that the world is
read by ingest and scan as is. Demo-sized worlds, so the whole file stays fast."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from redflags.catalogue.lexicons import load_lexicon
from redflags.detectors.lexicon_matcher import LexiconMatcher
from redflags.evaluation.truth_schema import ENTITIES_SCHEMA, NETWORKS_SCHEMA, RECORDS_SCHEMA
from redflags.ingest import discover, ingest_source
from redflags.model.records import RecordKind
from redflags.pipeline import ScanOptions, run_scan
from redflags.store import Store
from redflags.store.schema import arrow_schema
from redflags_synth.world import generate as generate_module
from redflags_synth.world import writer as writer_module
from redflags_synth.world.benign.texts import texts
from redflags_synth.world.benign.wording import Wording
from redflags_synth.world.context import RECORD_KINDS
from redflags_synth.world.generate import WorldError, WorldSummary, generate_world
from redflags_synth.world.schema import TIME_FIELD, id_field, record_schema, table_name

SMALL = {"customers": 300, "ads": 150, "messages": 200, "transactions": 3000, "device_events": 500}


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _table(world: Path, kind: str) -> pa.Table:
    return pq.read_table(world / table_name(kind))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, WorldSummary]:
    out = tmp_path_factory.mktemp("world") / "demo"
    return out, generate_world(out, "demo", seed=11)


@pytest.fixture
def no_typologies(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(generate_module, "load_typologies", list)
    yield


def test_layout_and_schema(demo: tuple[Path, WorldSummary]) -> None:
    world, summary = demo
    for kind in RECORD_KINDS:
        parts = sorted((world / table_name(kind)).glob("part-*.parquet"))
        assert [p.name for p in parts] == ["part-00000.parquet"]
        schema = pq.read_schema(parts[0]).remove_metadata()
        assert schema.equals(record_schema(kind))
        # ... and these are the store's own column types.
        stored = arrow_schema(RecordKind(kind))
        for field in schema:
            assert stored.field(field.name).type == field.type
        assert pq.read_metadata(parts[0]).num_rows == summary.counts[kind]
    assert (world / "truth" / "world.json").is_file()


def test_files_sorted_by_time_with_typology_records_inside(
    demo: tuple[Path, WorldSummary],
) -> None:
    world, _ = demo
    truth = set(pq.read_table(world / "truth" / "records.parquet").column("record_id").to_pylist())
    for kind in ("ad", "message", "transaction", "device_event"):
        table = _table(world, kind)
        times = table.column(TIME_FIELD[kind]).to_pylist()
        assert times == sorted(times)
        ids = table.column(id_field(kind)).to_pylist()
        marked = [i for i, v in enumerate(ids) if v in truth]
        if marked:  # typology records are spread through the file, not appended
            assert marked[0] < len(ids) // 2 < marked[-1]


def test_ingest_reads_every_row(demo: tuple[Path, WorldSummary]) -> None:
    world, summary = demo
    found = discover([world])
    assert not found.skipped  # truth/ and images/ are ignored, nothing else is left over
    assert {spec.kind.value for spec in found} == set(RECORD_KINDS)
    with Store.open(None) as store:
        for spec in found:
            reports = ingest_source(store, spec)
            assert sum(r.quarantined for r in reports) == 0
            assert sum(r.stored_new for r in reports) == summary.counts[spec.kind.value]


def test_truth_files(demo: tuple[Path, WorldSummary]) -> None:
    world, summary = demo
    truth = world / "truth"
    networks = pq.read_table(truth / "networks.parquet")
    entities = pq.read_table(truth / "entities.parquet")
    records = pq.read_table(truth / "records.parquet")
    for table, schema in (
        (networks, NETWORKS_SCHEMA),
        (entities, ENTITIES_SCHEMA),
        (records, RECORDS_SCHEMA),
    ):
        for field in schema:
            assert table.schema.field(field.name).type == field.type
    meta = json.loads((truth / "world.json").read_text(encoding="utf-8"))
    assert meta["seed"] == 11 and meta["scale"] == "demo"
    assert {k: v["total"] for k, v in meta["counts"].items()} == summary.counts
    assert meta["networks"] == networks.num_rows == summary.networks
    if summary.instances:  # the typologies have run: truth names their records
        assert records.num_rows == sum(summary.typology_counts.values())
        assert set(networks.column("network_id").to_pylist()) >= set(
            n for n in records.column("network_id").to_pylist() if n
        )


def test_same_seed_same_bytes_other_seed_other_bytes(
    tmp_path: Path, demo: tuple[Path, WorldSummary]
) -> None:
    world, _ = demo
    again = generate_world(tmp_path / "again", "demo", seed=11)
    assert again.counts == demo[1].counts
    assert _digests(tmp_path / "again") == _digests(world)
    other = tmp_path / "other"
    generate_world(other, "demo", seed=12)
    theirs, ours = _digests(other), _digests(world)
    assert theirs.keys() & ours.keys()
    assert all(theirs[k] != ours[k] for k in ("transactions/part-00000.parquet",))


def test_explicit_sizes_are_honoured(tmp_path: Path) -> None:
    sizes = {**SMALL, "instances": 0, "days": 30}
    summary = generate_world(tmp_path / "w", "small", seed=3, overrides=sizes)
    sized = {k: SMALL[table_name(k)] for k in RECORD_KINDS if table_name(k) in SMALL}
    assert {k: summary.counts[k] for k in sized} == sized
    assert summary.scale.days == 30
    stamps = _table(tmp_path / "w", "transaction").column("ts").to_pylist()
    assert (stamps[-1] - stamps[0]).days <= 31


def test_parts_and_row_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer_module, "PART_ROWS", 1000)
    monkeypatch.setattr(writer_module, "ROW_GROUP_ROWS", 250)
    summary = generate_world(tmp_path / "w", "demo", seed=5, overrides={"transactions": 4200})
    parts = sorted((tmp_path / "w" / "transactions").glob("part-*.parquet"))
    assert len(parts) == -(-summary.counts["transaction"] // 1000)
    last = None
    for part in parts:
        meta = pq.read_metadata(part)
        assert meta.num_rows <= 1000
        assert all(meta.row_group(i).num_rows <= 250 for i in range(meta.num_row_groups))
        times = pq.read_table(part).column("ts").to_pylist()
        assert times == sorted(times) and (last is None or last <= times[0])
        last = times[-1]


def test_csv_format_is_read_back(tmp_path: Path) -> None:
    world = tmp_path / "csv"
    summary = generate_world(world, "demo", seed=2, fmt="csv", overrides={**SMALL, "instances": 0})
    assert (world / "ads" / "part-00000.csv").is_file()
    with Store.open(None) as store:
        for spec in discover([world]):
            reports = ingest_source(store, spec)
            assert sum(r.quarantined for r in reports) == 0
            assert sum(r.stored_new for r in reports) == summary.counts[spec.kind.value]
        lists = store.connection.execute(
            "SELECT count(*) FROM ads WHERE len(image_refs) > 0"
        ).fetchone()
        assert lists is not None and lists[0] > 0


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    world = tmp_path / "w"
    generate_world(world, "demo", seed=1, overrides={**SMALL, "instances": 0})
    with pytest.raises(WorldError, match="not empty"):
        generate_world(world, "demo", seed=1, overrides={**SMALL, "instances": 0})
    generate_world(world, "demo", seed=2, overrides={**SMALL, "instances": 0}, overwrite=True)
    (world / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(WorldError, match=r"notes\.txt"):
        generate_world(world, "demo", seed=2, overwrite=True)
    with pytest.raises(WorldError, match="unknown scale"):
        generate_world(tmp_path / "x", "huge", seed=1)


def test_background_alone_raises_no_finding(tmp_path: Path, no_typologies: None) -> None:
    """The background never raises a case or a youth review, and trips no indicator except two
    whose rules ordinary advertisers genuinely match (their own catalogued false positives) and
    single-ad wording signals: its personal ads carry everyday ad vocabulary ("young", 🍭,
    "100% real", "24/7" ...) at real-world rates (redflags_synth/world/data/ad_vocabulary.yaml),
    so those fire on lawful ads as they do in real data; their rates are the measured false
    alarms."""
    world = tmp_path / "bg"
    sizes = {
        "customers": 2000,
        "ads": 1500,
        "messages": 1500,
        "transactions": 40000,
        "device_events": 3000,
    }
    generate_world(world, "demo", seed=9, overrides=sizes)
    result = run_scan([world], ScanOptions(out=tmp_path / "run", redaction_key=b"k"))
    assert sum(r.quarantined for r in result.ingest) == 0
    # BEH-PHOTO-REUSE and BEH-MULTICITY-CIRCUIT: independent advertisers tour three cities
    # within 14-30 days with their own photos and phone. That matches both rules as written and is
    # their catalogued false positive ("an independent sex worker who plans her own tours"); the
    # truth does not (yet) mark it, so it lowers their measured precision (docs/evaluation.md).
    # Neither raises a case alone. BEH-AD-TEMPLATE is not exempt: each advertiser writes her own.
    rule_matches = {"BEH-PHOTO-REUSE", "BEH-MULTICITY-CIRCUIT"}
    others = [f for f in result.findings if f.indicator_id not in rule_matches]
    assert [(f.indicator_id, f.subject_kind) for f in others if f.subject_kind != "ad"] == []
    assert result.cases == []
    assert result.youth_queue == []


def test_scan_runs_on_a_demo_world(tmp_path: Path, demo: tuple[Path, WorldSummary]) -> None:
    world, summary = demo
    result = run_scan([world], ScanOptions(out=tmp_path / "run", redaction_key=b"k"))
    assert sum(r.read for r in result.ingest) == sum(summary.counts.values())
    assert result.report.is_file()


def test_ids_and_times_look_alike_for_background_and_typologies(
    demo: tuple[Path, WorldSummary],
) -> None:
    """No-leak sanity: one id shape per kind, and times on the same grid (whole seconds or
    microseconds) for background and typology records alike."""
    world, summary = demo
    if not summary.instances:
        pytest.skip("no typologies")
    truth = set(pq.read_table(world / "truth" / "records.parquet").column("record_id").to_pylist())
    for kind in RECORD_KINDS:
        table = _table(world, kind)
        ids = table.column(id_field(kind)).to_pylist()
        if not ids:
            continue
        shapes = {re.sub(r"\d", "9", i) for i in ids}
        assert len(shapes) == 1, f"{kind} ids come in shapes {shapes}"
        stamps = table.column(TIME_FIELD[kind]).to_pylist()
        fine = {
            side: [
                getattr(s, "microsecond", 0) != 0  # register dates have no time
                for i, s in zip(ids, stamps, strict=True)
                if s is not None and (i in truth) == side
            ]
            for side in (True, False)
        }
        if fine[True] and fine[False]:  # share of sub-second times: near 0 or near 1 on both
            share = {side: sum(v) / len(v) for side, v in fine.items()}
            assert abs(share[True] - share[False]) < 0.2, f"{kind}: {share}"


def _concepts(matcher: LexiconMatcher, text: str) -> set[str]:
    return {hit.concept for hit in matcher.find(text)}


def test_background_text_never_names_a_destination_abroad() -> None:
    """Templates and vocabularies hold no destination term of the recruitment lexicon, so no
    background ad or chat can read as RCS-REC-MESSENGER-JOB-AD."""
    matcher = LexiconMatcher(load_lexicon("recruitment_job_ad"))
    data: dict[str, Any] = texts()
    pieces: list[str] = []
    for spec in data["ads"].values():
        for pairs in spec.get("templates", {}).values():
            pieces += [f"{title} {body}" for title, body in pairs]
        for wording in spec.get("compose", {}).values():
            pieces += Wording.parse(wording).sentences()
    for chat in data["chats"].values():
        for scripts in chat["scripts"].values():
            pieces += [turn for script in scripts for _, turn in script]
    for vocabulary in data["vocabularies"].values():
        for words in vocabulary.values():
            pieces += [json.dumps(w, ensure_ascii=False) for w in words]
    pieces += [w for words in data["memos"]["p2p"].values() for w in words]
    found = [p for p in pieces if "destination" in _concepts(matcher, p)]
    assert found == []
