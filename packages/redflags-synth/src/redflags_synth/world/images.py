"""Ad images: small synthetic JPEG scenes and near-duplicate variants of them.

`unique(key)` draws a scene of its own from a stream seeded by the key: a two-colour gradient at a
random angle, large random shapes and a silhouette, then mild noise. The large shapes carry the
low frequencies that perceptual hashes read, so scenes of different keys hash far apart.
`variants(key, n)` re-edits one base scene the way reposted photos are edited: a crop (at most
4 % per axis, under 10 % of the area), a resize, a small text overlay (a name or a phone-like
string) and a JPEG re-encode at another quality. Under a 64-bit pHash, variants of one base lie a
few bits apart (mean about 5) while different scenes lie about 30 apart; larger crops push variant
pairs past the catalogue's 8-bit threshold too often.

Bytes are deterministic for a seed: every random choice comes from the world's seeded streams,
and the JPEG encoder runs with explicit quality, chroma subsampling and no optimisation pass.
`base_of` maps each written ref to the key of the scene it shows (its own key for a unique image),
so ground truth can say which images are copies of which.
"""

from __future__ import annotations

import io
import math
import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from redflags_synth.world.context import WorldContext

WIDTH, HEIGHT = 128, 160
_BASE_SCALE = 1.25  # bases are drawn larger so that variant crops and resizes stay sharp
_SUBSAMPLING = 2  # 4:2:0, as phone cameras and ad sites store JPEGs
_MAX_CROP = 0.04  # share of each axis a variant may lose


class ImageMaker:
    """Writes small JPEGs under <world>/images/ and returns refs relative to the world folder."""

    def __init__(self, ctx: WorldContext) -> None:
        self.ctx = ctx
        self.folder = ctx.out / "images"
        self.base_of: dict[str, str] = {}

    def unique(self, key: str) -> str:
        """One image of its own (a background or hard-negative ad)."""
        rng = self.ctx.rng("image", key)
        scene = _scene(rng, self.ctx.np_rng("image", key), WIDTH, HEIGHT)
        return self._save(scene, quality=rng.randrange(78, 90), base=key)

    def variants(self, key: str, n: int) -> list[str]:
        """`n` near-duplicate variants of one base image (reused photos across personas)."""
        size = (round(WIDTH * _BASE_SCALE), round(HEIGHT * _BASE_SCALE))
        base = _scene(self.ctx.rng("image", key), self.ctx.np_rng("image", key), *size)
        refs = []
        for index in range(n):
            rng = self.ctx.rng("image", key, "variant", index)
            refs.append(self._save(_edit(rng, base), quality=rng.randrange(60, 92), base=key))
        return refs

    def _save(self, image: Image.Image, quality: int, base: str) -> str:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{self.ctx.new_id('image')}.jpg"
        Path(self.folder, name).write_bytes(encode_jpeg(image, quality))
        ref = f"images/{name}"
        self.base_of[ref] = base
        return ref


def encode_jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(
        buffer,
        format="JPEG",
        quality=quality,
        subsampling=_SUBSAMPLING,
        optimize=False,
        progressive=False,
    )
    return buffer.getvalue()


def _colour(rng: random.Random) -> tuple[int, int, int]:
    return (rng.randrange(256), rng.randrange(256), rng.randrange(256))


def _scene(rng: random.Random, np_rng: np.random.Generator, width: int, height: int) -> Image.Image:
    # Gradient between two colours along a random direction.
    angle = rng.uniform(0, 2 * math.pi)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    t = (xs / width - 0.5) * math.cos(angle) + (ys / height - 0.5) * math.sin(angle) + 0.5
    t = np.clip(t, 0, 1)[..., None]
    first, second = np.array(_colour(rng)), np.array(_colour(rng))
    pixels = first * (1 - t) + second * t
    image = Image.fromarray(pixels.astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(image)
    # Large shapes: they decide the coarse structure that perceptual hashes compare.
    for _ in range(rng.randrange(4, 8)):
        x0, y0 = rng.uniform(-0.2, 0.9) * width, rng.uniform(-0.2, 0.9) * height
        w, h = rng.uniform(0.2, 0.7) * width, rng.uniform(0.2, 0.7) * height
        box = (x0, y0, x0 + w, y0 + h)
        shape = rng.randrange(3)
        if shape == 0:
            draw.ellipse(box, fill=_colour(rng))
        elif shape == 1:
            draw.rectangle(box, fill=_colour(rng))
        else:
            points = [(rng.uniform(0, width), rng.uniform(0, height)) for _ in range(3)]
            draw.polygon(points, fill=_colour(rng))
    # A figure: head and body, placed at random, for a portrait-like layout.
    cx, top = rng.uniform(0.3, 0.7) * width, rng.uniform(0.15, 0.35) * height
    r = rng.uniform(0.09, 0.14) * width
    skin = _colour(rng)
    draw.ellipse((cx - r, top - r, cx + r, top + r), fill=skin)
    draw.rounded_rectangle(
        (cx - 2.2 * r, top + 1.2 * r, cx + 2.2 * r, top + 6 * r), radius=r, fill=_colour(rng)
    )
    image = image.filter(ImageFilter.GaussianBlur(radius=1.2))
    # Mild sensor noise; small enough to keep files under 10 kB.
    noise = np_rng.normal(0, 6, (height, width, 3))
    noisy = np.clip(np.asarray(image, dtype=np.float32) + noise, 0, 255).astype(np.uint8)
    return Image.fromarray(noisy, "RGB")


def _edit(rng: random.Random, base: Image.Image) -> Image.Image:
    """Crop a little, resize to the ad size, overlay a short text."""
    width, height = base.size
    crop_x, crop_y = rng.uniform(0, _MAX_CROP) * width, rng.uniform(0, _MAX_CROP) * height
    left, top = rng.uniform(0, crop_x), rng.uniform(0, crop_y)
    box = (round(left), round(top), round(width - (crop_x - left)), round(height - (crop_y - top)))
    image = base.crop(box).resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    draw = ImageDraw.Draw(image)
    label = rng.choice(
        [
            f"+45 {rng.randrange(20, 70)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}",
            rng.choice(["Bella", "Anna", "Lina", "Sofia", "Nikki", "Mia", "Kira", "Vika"]),
            f"{rng.randrange(100, 999)} {rng.randrange(1000, 9999)}",
        ]
    )
    font = ImageFont.load_default(size=11)
    x, y = rng.randrange(2, WIDTH // 3), rng.choice([rng.randrange(2, 12), HEIGHT - 16])
    draw.text((x, y), label, fill=_colour(rng), font=font)
    return image
