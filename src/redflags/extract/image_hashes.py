"""Perceptual hashes of ad images: PDQ (256 bits, the format platforms share hashes in) and a
64-bit DCT pHash (imagehash) as a second opinion.

Hashes are plain Python ints (bit i of the int is bit i of the hash), so Hamming distance is
`(a ^ b).bit_count()`. PDQ is written as 64 hex digits, as in the reference implementation.
Unreadable or missing files never raise here: `hash_file` returns None with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import imagehash
import numpy as np
import pdqhash
from PIL import Image, UnidentifiedImageError

PDQ_BITS = 256
PHASH_BITS = 64


@dataclass(frozen=True)
class ImageHashes:
    pdq: int  # 256 bits
    pdq_quality: int  # PDQ's own 0-100 quality: low for flat, featureless images
    phash: int  # 64 bits

    @property
    def pdq_hex(self) -> str:
        return f"{self.pdq:064x}"

    @property
    def phash_hex(self) -> str:
        return f"{self.phash:016x}"


def _bits_to_int(bits: np.ndarray) -> int:
    return int.from_bytes(np.packbits(bits.astype(np.uint8).ravel()).tobytes(), "big")


def hash_image(image: Image.Image) -> ImageHashes:
    """Both hashes of an opened image."""
    rgb = image.convert("RGB")
    vector, quality = pdqhash.compute(np.asarray(rgb))
    phash = imagehash.phash(rgb)
    return ImageHashes(
        pdq=_bits_to_int(vector), pdq_quality=int(quality), phash=_bits_to_int(phash.hash)
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


def parse_pdq_hex(text: str) -> int:
    """A PDQ hash from its 64 hex digits (as exchanged between platforms)."""
    cleaned = text.strip().lower()
    if len(cleaned) != PDQ_BITS // 4:
        raise ValueError(f"a PDQ hash has {PDQ_BITS // 4} hex digits: {text!r}")
    return int(cleaned, 16)


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()
