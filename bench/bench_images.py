"""Photo reuse: hashing throughput and near-duplicate quality of the BEH-PHOTO-REUSE relation.

    .venv/bin/redflags synth --out /tmp/wimg4 --scale small --seed 4
    .venv/bin/redflags synth --out /tmp/wimg5 --scale small --seed 5
    .venv/bin/python bench/bench_images.py /tmp/wimg5 --calibrate /tmp/wimg4 [--crop-bases 300]

Throughput: images/s of PDQ and of pHash alone (decoded images in memory) and of `hash_file`
(decode + every hash), and peak RSS. Quality is pairwise over every image of the world: a pair
is the same photo when truth gives both the same `image_base` (images without a truth entity are
background photos of their own). Pairs are found with multi-index hashes (no all-pairs loop), so
precision and recall are exact.

Per transformation: for `--crop-bases` world images, four Pillow variants each of one kind —
`crop10` (up to 10 % per axis, kept at size), `resize` (0.5-2x), `overlay` (a name or phone
text and a small watermark box), `jpeg` (re-encode at quality 30-70), and `all` (crop up to 10 %,
resize 0.8-1.5x, text overlay, JPEG 55-90) — mixed with the world; the generator's own variants
(crop <= 4 %) are the world alone. Each row gives direct pairs and the detector's clusters (a
pair is found when both images fall in one connected component).

`--calibrate WORLD` first prints a grid of the crop radius and colour threshold on the `all` set
of another world (another seed), so thresholds are chosen on one seed and reported on another.
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import time
from collections import defaultdict
from pathlib import Path

import imagehash
import numpy as np
import pdqhash
import pyarrow.parquet as pq
from PIL import Image, ImageDraw, ImageFont

from redflags.detectors.hash_index import MultiIndexHash
from redflags.detectors.photo_reuse import (
    COLOUR_MAX_DISTANCE,
    PHASH_CROP_RADIUS,
    _clusters,
    phash_pairs,
)
from redflags.extract.image_hashes import ImageHashes, hash_file, hash_image

PDQ_THRESHOLDS = (24, 31, 40, 48, 56)
PHASH_THRESHOLDS = (6, 8, 10, 12)


KINDS = ("crop10", "resize", "overlay", "jpeg", "all")


def _reencode(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=quality)
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        decoded.load()
        return decoded.copy()


def _overlay(rng: random.Random, image: Image.Image, box: bool) -> Image.Image:
    out = image.copy()
    draw = ImageDraw.Draw(out)
    width, height = out.size
    draw.text(
        (rng.randrange(2, max(3, width // 3)), rng.randrange(2, max(3, height // 8))),
        rng.choice(["Bella", "+45 21 34 56 78", "Nikki 24"]),
        fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)),
        font=ImageFont.load_default(size=11),
    )
    if box:  # a site watermark: a small box in a corner, about 3 % of the area
        w, h = round(width * 0.25), round(height * 0.12)
        x = rng.choice([2, width - w - 2])
        y = rng.choice([2, height - h - 2])
        draw.rectangle((x, y, x + w, y + h), fill=(rng.randrange(256),) * 3)
    return out


def _crop(rng: random.Random, image: Image.Image, max_crop: float) -> Image.Image:
    width, height = image.size
    crop_x, crop_y = rng.uniform(0, max_crop) * width, rng.uniform(0, max_crop) * height
    left, top = rng.uniform(0, crop_x), rng.uniform(0, crop_y)
    box = (round(left), round(top), round(width - (crop_x - left)), round(height - (crop_y - top)))
    return image.crop(box)


def _variant(rng: random.Random, image: Image.Image, kind: str) -> Image.Image:
    """One edited copy of `image`; `kind` is one of KINDS."""
    width, height = image.size
    if kind == "crop10":
        return _crop(rng, image, 0.10).resize((width, height))
    if kind == "resize":
        scale = rng.uniform(0.5, 2.0)
        return image.resize((round(width * scale), round(height * scale)))
    if kind == "overlay":
        return _overlay(rng, image, box=True)
    if kind == "jpeg":
        return _reencode(image, rng.randrange(30, 70))
    if kind != "all":
        raise ValueError(kind)
    cropped = _crop(rng, image, 0.10)
    scale = rng.uniform(0.8, 1.5)
    out = _overlay(rng, cropped.resize((round(width * scale), round(height * scale))), box=False)
    return _reencode(out, rng.randrange(55, 90))


def _pairs(values: list[int], bits: int, radius: int) -> set[tuple[int, int]]:
    index = MultiIndexHash(bits, radius)
    for value in values:
        index.add(value)
    return {(i, j) for i, j, _ in index.pairs()}


def _true_pairs(bases: list[str]) -> int:
    groups: dict[str, int] = defaultdict(int)
    for base in bases:
        groups[base] += 1
    return sum(n * (n - 1) // 2 for n in groups.values())


def _score(
    found: set[tuple[int, int]], bases: list[str], true_pairs: int
) -> tuple[int, float, float]:
    right = sum(1 for i, j in found if bases[i] == bases[j])
    return len(found), right / max(len(found), 1), right / max(true_pairs, 1)


def _clustered(
    hashes: list[ImageHashes], bases: list[str], true_pairs: int, **rule: int | float
) -> tuple[int, float, float]:
    """Pairs inside one detector cluster: (found, precision, recall)."""
    found = right = 0
    for members in _clusters(hashes, 31, 8, "either", **rule):  # type: ignore[arg-type]
        counts: dict[str, int] = defaultdict(int)
        for m in members:
            counts[bases[m]] += 1
        found += len(members) * (len(members) - 1) // 2
        right += sum(n * (n - 1) // 2 for n in counts.values())
    return found, right / max(found, 1), right / max(true_pairs, 1)


def _single_hashes(hashes: list[ImageHashes], bases: list[str], label: str) -> None:
    true_pairs = _true_pairs(bases)
    print(f"\n{label}: {len(hashes)} images, {true_pairs} same-photo pairs (direct pairs)")
    print(f"{'hash':6} {'threshold':>9} {'found':>8} {'precision':>9} {'recall':>7}")
    for name, bits, thresholds in (
        ("pdq", 256, PDQ_THRESHOLDS),
        ("phash", 64, PHASH_THRESHOLDS),
    ):
        values = [h.pdq if name == "pdq" else h.phash for h in hashes]
        for radius in thresholds:
            found, precision, recall = _score(_pairs(values, bits, radius), bases, true_pairs)
            print(f"{name:6} {radius:>9} {found:>8} {precision:>9.4f} {recall:>7.4f}")


RULE = {"crop_radius": PHASH_CROP_RADIUS, "colour_max": COLOUR_MAX_DISTANCE}


def _old(hashes: list[ImageHashes]) -> list[ImageHashes]:
    """Without the centre hash and colour layout: the detector's rule before them (PDQ <= 31 or
    whole-image pHash <= 8, no colour gate)."""
    return [ImageHashes(h.pdq, h.pdq_quality, h.phash) for h in hashes]


def _with_variants(
    images: list[Image.Image],
    hashes: list[ImageHashes],
    bases: list[str],
    kind: str,
    count: int,
    seed: int,
) -> tuple[list[ImageHashes], list[str]]:
    rng = random.Random(f"{seed}:{kind}")
    chosen = rng.sample(range(len(images)), min(count, len(images)))
    extra_hashes, extra_bases = [], []
    for i in chosen:
        for _ in range(4):
            extra_hashes.append(hash_image(_variant(rng, images[i], kind)))
            extra_bases.append(bases[i])
    return hashes + extra_hashes, bases + extra_bases


def _load(world: Path) -> tuple[list[Path], list[Image.Image], list[str]]:
    paths = sorted((world / "images").glob("*.jpg"))
    entities = pq.read_table(world / "truth" / "entities.parquet").to_pylist()
    base_of = {e["entity_id"]: e["image_base"] for e in entities if e["entity_kind"] == "image"}
    images = []
    for path in paths:
        with Image.open(path) as image:
            images.append(image.convert("RGB"))
    return paths, images, [base_of.get(f"images/{p.name}", p.name) for p in paths]


def _calibrate(world: Path, count: int, seed: int) -> None:
    _, images, bases = _load(world)
    hashes = [hash_image(image) for image in images]
    all_hashes, all_bases = _with_variants(images, hashes, bases, "all", count, seed)
    true_pairs = _true_pairs(all_bases)
    print(f"calibration on {world} ('all' variants, {len(all_hashes)} images, {true_pairs} pairs)")
    print(
        f"{'crop r':>6} {'colour':>6} {'direct P':>8} {'direct R':>8} {'clust P':>8} {'clust R':>8}"
    )
    for crop_radius in (8, 10, 12):
        for colour_max in (10.0, 12.0, 15.0, 255.0):
            rule = {"crop_radius": crop_radius, "colour_max": colour_max}
            pdq = _pairs([h.pdq for h in all_hashes], 256, 31)
            direct = pdq | phash_pairs(all_hashes, 8, crop_radius, colour_max)
            _, dp, dr = _score(direct, all_bases, true_pairs)
            _, cp, cr = _clustered(all_hashes, all_bases, true_pairs, **rule)
            print(
                f"{crop_radius:>6} {colour_max:>6.0f} {dp:>8.4f} {dr:>8.4f} {cp:>8.4f} {cr:>8.4f}"
            )
    print(f"detector defaults: crop radius {PHASH_CROP_RADIUS}, colour {COLOUR_MAX_DISTANCE:.0f}\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("world", type=Path)
    parser.add_argument("--calibrate", type=Path, help="a world of another seed to calibrate on")
    parser.add_argument("--crop-bases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.calibrate:
        _calibrate(args.calibrate, args.crop_bases, args.seed)
    world: Path = args.world
    paths, images, bases = _load(world)
    arrays = [np.asarray(image) for image in images]
    start = time.perf_counter()
    for array in arrays:
        pdqhash.compute(array)
    pdq_rate = len(arrays) / (time.perf_counter() - start)
    start = time.perf_counter()
    for image in images:
        imagehash.phash(image)
    phash_rate = len(images) / (time.perf_counter() - start)
    start = time.perf_counter()
    hashes = []
    for path in paths:
        hashed, problem = hash_file(path)
        assert hashed is not None, (path, problem)
        hashes.append(hashed)
    file_rate = len(paths) / (time.perf_counter() - start)
    print(f"{len(paths)} images of {world}")
    print(f"PDQ alone:             {pdq_rate:8.0f} images/s")
    print(f"pHash alone (imagehash): {phash_rate:6.0f} images/s")
    print(f"hash_file (decode, PDQ, 2 pHashes, colour): {file_rate:6.0f} images/s")

    _single_hashes(hashes, bases, "generator variants (crop <= 4 % per axis)")
    print(
        f"\n{'set':10} {'images':>6} {'pairs':>6} | {'rule':4} {'direct P':>8} {'direct R':>8} | "
        f"{'clustered P':>11} {'clustered R':>11}"
    )
    sets = [("generator", hashes, bases)]
    sets += [
        (kind, *_with_variants(images, hashes, bases, kind, args.crop_bases, args.seed))
        for kind in KINDS
    ]
    pdq_of: dict[str, set[tuple[int, int]]] = {}
    for name, set_hashes, set_bases in sets:
        true_pairs = _true_pairs(set_bases)
        pdq_of[name] = _pairs([h.pdq for h in set_hashes], 256, 31)
        for label, rule_hashes in (("old", _old(set_hashes)), ("new", set_hashes)):
            direct = pdq_of[name] | phash_pairs(rule_hashes, 8, **RULE)  # type: ignore[arg-type]
            _, dp, dr = _score(direct, set_bases, true_pairs)
            _, cp, cr = _clustered(rule_hashes, set_bases, true_pairs, **RULE)
            print(
                f"{name:10} {len(set_hashes):>6} {true_pairs:>6} | {label:4} "
                f"{dp:>8.4f} {dr:>8.4f} | {cp:>11.4f} {cr:>11.4f}"
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
