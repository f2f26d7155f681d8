"""Ad images. STUB: replaced by the real generator (Pillow scenes, near-duplicate variants)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from redflags.synth.world.context import WorldContext


class ImageMaker:
    """Writes small JPEGs under <world>/images/ and returns refs relative to the world folder."""

    def __init__(self, ctx: WorldContext) -> None:
        self.ctx = ctx
        self.folder = ctx.out / "images"

    def _save(self, image: Image.Image) -> str:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{self.ctx.new_id('image')}.jpg"
        image.save(Path(self.folder, name), format="JPEG", quality=85)
        return f"images/{name}"

    def unique(self, key: str) -> str:
        """One image of its own (a background or hard-negative ad)."""
        rng = self.ctx.rng("image", key)
        colour = tuple(rng.randrange(256) for _ in range(3))
        return self._save(Image.new("RGB", (96, 128), colour))

    def variants(self, key: str, n: int) -> list[str]:
        """`n` near-duplicate variants of one base image (reused photos across personas)."""
        return [self.unique(f"{key}:{i}") for i in range(n)]
