"""Photo reuse: hashing throughput and near-duplicate quality of PDQ and pHash.

    .venv/bin/redflags synth --out /tmp/wimg --scale small --seed 4
    .venv/bin/python bench/bench_images.py /tmp/wimg [--crop-bases 300]

Throughput: images/s of PDQ and of pHash alone (decoded images in memory) and of `hash_file`
(decode + both hashes), and peak RSS. Quality is pairwise over every image of the world: a pair
is the same photo when truth gives both the same `image_base` (images without a truth entity are
background photos of their own). Pairs are found with the multi-index hash at each threshold
(no all-pairs loop), so precision and recall are exact. A second set stresses crops: for
`--crop-bases` world images, four variants each with a crop of up to 10 % per axis, a resize, a
text overlay and a JPEG re-encode (the generator crops at most 4 %), mixed with the world.
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
from redflags.detectors.photo_reuse import _clusters
from redflags.extract.image_hashes import ImageHashes, hash_file, hash_image

PDQ_THRESHOLDS = (24, 31, 40, 48, 56)
PHASH_THRESHOLDS = (6, 8, 10, 12)


def _crop_variant(rng: random.Random, image: Image.Image, max_crop: float) -> Image.Image:
    width, height = image.size
    crop_x, crop_y = rng.uniform(0, max_crop) * width, rng.uniform(0, max_crop) * height
    left, top = rng.uniform(0, crop_x), rng.uniform(0, crop_y)
    box = (round(left), round(top), round(width - (crop_x - left)), round(height - (crop_y - top)))
    scale = rng.uniform(0.8, 1.5)
    out = image.crop(box).resize((round(width * scale), round(height * scale)))
    draw = ImageDraw.Draw(out)
    draw.text(
        (rng.randrange(2, 40), rng.randrange(2, 20)),
        rng.choice(["Bella", "+45 21 34 56 78", "Nikki 24"]),
        fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)),
        font=ImageFont.load_default(size=11),
    )
    buffer = io.BytesIO()
    out.convert("RGB").save(buffer, format="JPEG", quality=rng.randrange(55, 90))
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        decoded.load()
        return decoded.copy()


def _pairs(values: list[int], bits: int, radius: int) -> set[tuple[int, int]]:
    index = MultiIndexHash(bits, radius)
    for value in values:
        index.add(value)
    return {(i, j) for i, j, _ in index.pairs()}


def _quality(hashes: list[ImageHashes], bases: list[str], label: str) -> None:
    groups: dict[str, int] = defaultdict(int)
    for base in bases:
        groups[base] += 1
    true_pairs = sum(n * (n - 1) // 2 for n in groups.values())
    print(f"\n{label}: {len(hashes)} images, {true_pairs} same-photo pairs")
    print(f"{'hash':6} {'threshold':>9} {'found':>8} {'precision':>9} {'recall':>7}")
    for name, bits, thresholds in (
        ("pdq", 256, PDQ_THRESHOLDS),
        ("phash", 64, PHASH_THRESHOLDS),
    ):
        values = [h.pdq if name == "pdq" else h.phash for h in hashes]
        for radius in thresholds:
            found = _pairs(values, bits, radius)
            right = sum(1 for i, j in found if bases[i] == bases[j])
            precision = right / len(found) if found else 1.0
            recall = right / true_pairs if true_pairs else 1.0
            print(f"{name:6} {radius:>9} {len(found):>8} {precision:>9.4f} {recall:>7.4f}")
    for pdq_r, phash_r in ((31, 8), (40, 10), (48, 12)):
        pdq = _pairs([h.pdq for h in hashes], 256, pdq_r)
        phash = _pairs([h.phash for h in hashes], 64, phash_r)
        for rule, found in (("both", pdq & phash), ("either", pdq | phash)):
            right = sum(1 for i, j in found if bases[i] == bases[j])
            print(
                f"{rule:6} {pdq_r:>4}/{phash_r:<4} {len(found):>8} "
                f"{right / max(len(found), 1):>9.4f} {right / max(true_pairs, 1):>7.4f}"
            )


def _detector_rule(hashes: list[ImageHashes], bases: list[str]) -> None:
    """The detector's relation: PDQ <= 31 or pHash <= 8, then connected components; a pair is
    found when both images fall in one cluster."""
    found = right = 0
    for members in _clusters(hashes, 31, 8, "either"):
        counts: dict[str, int] = defaultdict(int)
        for m in members:
            counts[bases[m]] += 1
        found += len(members) * (len(members) - 1) // 2
        right += sum(n * (n - 1) // 2 for n in counts.values())
    groups: dict[str, int] = defaultdict(int)
    for base in bases:
        groups[base] += 1
    true_pairs = sum(n * (n - 1) // 2 for n in groups.values())
    print(
        f"detector clusters (either 31/8): {found} pairs, precision {right / max(found, 1):.4f}, "
        f"recall {right / max(true_pairs, 1):.4f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("world", type=Path)
    parser.add_argument("--crop-bases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    world: Path = args.world
    paths = sorted((world / "images").glob("*.jpg"))
    entities = pq.read_table(world / "truth" / "entities.parquet").to_pylist()
    base_of = {e["entity_id"]: e["image_base"] for e in entities if e["entity_kind"] == "image"}
    refs = [f"images/{p.name}" for p in paths]

    images = []
    for path in paths:
        with Image.open(path) as image:
            images.append(image.convert("RGB"))
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
    print(f"PDQ alone:            {pdq_rate:8.0f} images/s")
    print(f"pHash alone:          {phash_rate:8.0f} images/s")
    print(f"hash_file (decode + both): {file_rate:8.0f} images/s")

    bases = [base_of.get(ref, ref) for ref in refs]
    _quality(hashes, bases, "generator variants (crop <= 4 % per axis)")
    _detector_rule(hashes, bases)

    rng = random.Random(args.seed)
    chosen = rng.sample(range(len(images)), min(args.crop_bases, len(images)))
    extra_hashes, extra_bases = [], []
    for i in chosen:
        for _ in range(4):
            extra_hashes.append(hash_image(_crop_variant(rng, images[i], 0.10)))
            extra_bases.append(bases[i])
    _quality(
        hashes + extra_hashes,
        bases + extra_bases,
        f"world + {len(extra_hashes)} Pillow variants (crop <= 10 % per axis)",
    )
    _detector_rule(hashes + extra_hashes, bases + extra_bases)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
