"""Perceptual hashes of ad images: PDQ (256 bits, the format platforms share hashes in) and a
64-bit DCT pHash as a second opinion, plus two crop-tolerant descriptors for reposts that were
cropped: the pHash of the centre (`CENTRE_MARGIN` of each axis cut away, half on each side) and a
colour layout (the mean RGB of a 4 x 4 grid over that centre, 48 bytes; cf. MPEG-7's colour
layout descriptor). A crop of up to 10 % moves the content by a few per cent, which the centre
hash of one image and the full hash of the other (or both centre hashes) absorb; the colour
layout, which pHash (grey levels only) ignores, tells apart different scenes with a similar
layout of light and dark.

The pHash is imagehash's: the grey image resized to 32 x 32 (Lanczos), a 2-D DCT-II, the 8 x 8
lowest frequencies against their median. It is computed here with a DCT matrix in numpy, which
gives imagehash's bits and is several times faster.

Hashes are plain Python ints (bit i of the int is bit i of the hash), so Hamming distance is
`(a ^ b).bit_count()`. PDQ is written as 64 hex digits, as in the reference implementation.
Unreadable or missing files never raise here: `hash_file` returns None with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import numpy as np
import pdqhash
from PIL import Image, UnidentifiedImageError

from redflags.workers import worker_count

PDQ_BITS = 256
PHASH_BITS = 64
CENTRE_MARGIN = 0.10  # share of each axis the centre descriptors leave out
COLOUR_GRID = 4
# A pool pays for itself past this many photos: each worker starts in about a second (it
# imports this module), and hashing a small photo takes under a millisecond.
POOL_MIN_FILES = 2_000
_POOL_CHUNK = 256
_DCT_SIZE = 32
_k = np.arange(_DCT_SIZE)
_DCT = np.cos(np.pi * np.outer(_k, 2 * _k + 1) / (2 * _DCT_SIZE))  # DCT-II rows (up to a factor)


@dataclass(frozen=True)
class ImageHashes:
    pdq: int  # 256 bits
    pdq_quality: int  # PDQ's own 0-100 quality: low for flat, featureless images
    phash: int  # 64 bits
    phash_centre: int = 0  # 64-bit pHash of the centre (CENTRE_MARGIN cut away)
    colour: bytes = b""  # colour layout of the centre: COLOUR_GRID^2 RGB means, row by row

    @property
    def pdq_hex(self) -> str:
        return f"{self.pdq:064x}"

    @property
    def phash_hex(self) -> str:
        return f"{self.phash:016x}"


def _bits_to_int(bits: np.ndarray) -> int:
    return int.from_bytes(np.packbits(bits.astype(np.uint8).ravel()).tobytes(), "big")


def phash(grey: Image.Image) -> int:
    """imagehash.phash of a grey ('L') image, as an int."""
    pixels = np.asarray(
        grey.resize((_DCT_SIZE, _DCT_SIZE), Image.Resampling.LANCZOS), dtype=np.float64
    )
    low = (_DCT[:8] @ pixels @ _DCT[:8].T).ravel()
    return _bits_to_int(low > np.median(low))


def colour_distance(a: bytes, b: bytes) -> float:
    """Mean absolute difference of two colour layouts (0-255); 255 when either is missing."""
    if not a or len(a) != len(b):
        return 255.0
    return float(
        np.abs(np.frombuffer(a, np.uint8).astype(np.int16) - np.frombuffer(b, np.uint8)).mean()
    )


def hash_image(image: Image.Image) -> ImageHashes:
    """Every hash of an opened image."""
    rgb = image.convert("RGB")
    vector, quality = pdqhash.compute(np.asarray(rgb))
    width, height = rgb.size
    cut = CENTRE_MARGIN / 2
    centre = rgb.crop((width * cut, height * cut, width * (1 - cut), height * (1 - cut)))
    layout = centre.resize((COLOUR_GRID, COLOUR_GRID), Image.Resampling.BOX)
    return ImageHashes(
        pdq=_bits_to_int(vector),
        pdq_quality=int(quality),
        phash=phash(rgb.convert("L")),
        phash_centre=phash(centre.convert("L")),
        colour=np.asarray(layout, dtype=np.uint8).tobytes(),
    )


def hash_file(path: Path) -> tuple[ImageHashes | None, str | None]:
    """(hashes, None) for a readable image; (None, 'missing' | 'corrupt') otherwise."""
    if not path.is_file():
        return None, "missing"
    try:
        with Image.open(path) as image:
            image.load()
            return hash_image(image), None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return None, "corrupt"


def hash_files(
    paths: Sequence[Path], workers: int | None = None, pool_min: int = POOL_MIN_FILES
) -> list[tuple[ImageHashes | None, str | None]]:
    """`hash_file` of every path, in order; in a pool of `workers` processes (default:
    `worker_count()`) when there are at least `pool_min` paths. Workers are spawned, not
    forked: the scanning process holds DuckDB's threads, which a fork would copy mid-work."""
    count = worker_count(workers)
    if count < 2 or len(paths) < max(pool_min, 1):
        return [hash_file(path) for path in paths]
    with ProcessPoolExecutor(count, mp_context=get_context("spawn")) as pool:
        return list(pool.map(hash_file, paths, chunksize=_POOL_CHUNK))


def parse_pdq_hex(text: str) -> int:
    """A PDQ hash from its 64 hex digits (as exchanged between platforms)."""
    cleaned = text.strip().lower()
    if len(cleaned) != PDQ_BITS // 4:
        raise ValueError(f"a PDQ hash has {PDQ_BITS // 4} hex digits: {text!r}")
    return int(cleaned, 16)


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()
