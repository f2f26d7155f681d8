"""Photo reuse: the multi-index hash against brute force, image hashing, and the detector's
handling of image files (resolution, missing and corrupt files, stock hashes)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from redflags.catalogue import load_catalogue
from redflags.detectors import detector_for
from redflags.detectors.hash_index import MultiIndexHash
from redflags.engines import DuckDBEngine
from redflags.extract.image_hashes import hamming, hash_file, parse_pdq_hex
from redflags.ingest import ingest_records
from redflags.store import Store

DATA = Path(__file__).parent / "data"
INDICATOR = load_catalogue().get("BEH-PHOTO-REUSE")


@pytest.mark.parametrize(("bits", "radius"), [(256, 31), (64, 8), (64, 0), (32, 12), (7, 3)])
def test_index_finds_exactly_the_pairs_within_the_radius(bits: int, radius: int) -> None:
    rng = random.Random(bits * 100 + radius)
    values: list[int] = []
    for _ in range(150):  # clusters of near copies around random centres, plus strangers
        centre = rng.getrandbits(bits)
        values.append(centre)
        for _ in range(rng.randrange(0, 4)):
            copy = centre
            for bit in rng.sample(range(bits), min(bits, rng.randint(0, radius + 4))):
                copy ^= 1 << bit
            values.append(copy)
    index = MultiIndexHash(bits, radius)
    for value in values:
        index.add(value)
    found = list(index.pairs())
    brute = {
        (i, j, hamming(values[i], values[j]))
        for i in range(len(values))
        for j in range(i + 1, len(values))
        if hamming(values[i], values[j]) <= radius
    }
    assert len(found) == len(set(found)) and set(found) == brute
    assert brute, "the test data holds pairs to find"


def test_index_refuses_hashes_wider_than_its_bits() -> None:
    index = MultiIndexHash(8, 1)
    with pytest.raises(ValueError):
        index.add(1 << 8)


def test_hashes_of_an_edited_photo_are_near_and_of_others_far() -> None:
    a1, a2, b = (hash_file(DATA / "images" / n)[0] for n in ("a1.jpg", "a2.jpg", "b.jpg"))
    assert a1 and a2 and b
    assert hamming(a1.phash, a2.phash) <= 8 and hamming(a1.phash, b.phash) > 16
    assert hamming(a1.pdq, b.pdq) > 64
    assert parse_pdq_hex(a1.pdq_hex) == a1.pdq


def test_missing_and_corrupt_files_are_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "bad.jpg").write_bytes(b"not a jpeg at all")
    assert hash_file(tmp_path / "none.jpg") == (None, "missing")
    assert hash_file(tmp_path / "bad.jpg") == (None, "corrupt")


def _ads(refs: list[list[str]]) -> dict[str, list[dict[str, Any]]]:
    phones = ["+4552614783", "+4530112233", "+4541223344"]
    return {
        "ads": [
            {
                "ad_id": f"a{i}",
                "posted_at": f"2026-09-0{i + 1}T10:00:00Z",
                "persona": f"Name{i}",
                "city": "Vejle",
                "phone": phones[i % 3],
                "image_refs": r,
            }
            for i, r in enumerate(refs)
        ]
    }


def test_detector_counts_unreadable_images_in_its_facts(tmp_path: Path, engine_for: Any) -> None:
    shutil.copytree(DATA / "images", tmp_path / "images")
    (tmp_path / "images" / "bad.jpg").write_bytes(b"\xff\xd8 broken")
    records = _ads([["images/a1.jpg", "images/bad.jpg"], ["images/a2.jpg", "images/gone.jpg"]])
    detector = detector_for(INDICATOR, {"image_roots": [tmp_path]})
    assert detector is not None
    [finding] = list(detector.evaluate(engine_for(records)))
    assert finding.facts["images_missing"] == 1 and finding.facts["images_corrupt"] == 1
    assert finding.facts["phones"] == 2 and finding.facts["images"] == 2
    assert {e.record_id for e in finding.evidence} == {"a0", "a1"}


def test_known_stock_photos_are_removed_first(tmp_path: Path, engine_for: Any) -> None:
    a1 = hash_file(DATA / "images" / "a1.jpg")[0]
    assert a1 is not None
    stock = tmp_path / "stock.yaml"
    stock.write_text(f"name: stock\nentries:\n  - {{pdq: '{a1.pdq_hex}', note: test}}\n")
    records = _ads([["images/a1.jpg"], ["images/a1.jpg"]])
    options: dict[str, Any] = {"image_roots": [DATA]}
    engine = engine_for(records)
    detector = detector_for(INDICATOR, options)
    assert detector is not None and list(detector.evaluate(engine))
    detector = detector_for(INDICATOR, {**options, "stock_image_hashes_path": stock})
    assert detector is not None and not list(detector.evaluate(engine))


def test_refs_resolve_beside_the_source_file(tmp_path: Path, store: Store) -> None:
    """Without image_roots, a ref resolves against the folder of the record's source file (or
    its parents): a world keeps images/ beside its ads/ folder."""
    world = tmp_path / "world"
    shutil.copytree(DATA / "images", world / "images")
    rows = _ads([["images/a1.jpg"], ["images/a2.jpg"]])["ads"]
    ingest_records(store, "ad", rows, source="w", file=str(world / "ads" / "part-0.parquet"))
    detector = detector_for(INDICATOR)
    assert detector is not None
    [finding] = list(detector.evaluate(DuckDBEngine(store.connection)))
    assert finding.facts["images_missing"] == 0 and finding.facts["persona_names"] == 2
