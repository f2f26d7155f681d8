"""Personal advertisers' own wording: each independent masseuse or escort writes her own ad.

Real independent advertisers do not post one shared text: each writes her own, and keeps it
from ad to ad. A category's `compose` spec (data/texts.yaml) gives, per language, titles and
parts (each a list of sentences; "" leaves the part out). An advertiser picks one title and one
sentence per part, puts the parts in `shuffle` (a half-open range) in an order of her own, and
makes once every "{a|b|c}" word choice. Her title and body keep the generator slots ({persona},
{city}, {price}, {phone}, {age}), filled per ad. The choices come from a stream of her own, so
they are the same whatever else the world draws, and two advertisers rarely share most of their
text (unlike a controller, who posts one template for many personas).
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

_CHOICE = re.compile(r"\{([^{}]*\|[^{}]*)\}")
SLOTS = ("persona", "city", "price", "phone", "age")


def _words(rng: random.Random, text: str) -> str:
    return _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), text)


@dataclass(frozen=True)
class Wording:
    titles: tuple[str, ...]
    parts: tuple[tuple[str, ...], ...]
    shuffle: tuple[int, int]

    @classmethod
    def parse(cls, spec: Mapping[str, Any]) -> Wording:
        low, high = spec.get("shuffle") or (0, 0)
        return cls(
            tuple(spec["titles"]),
            tuple(tuple(options) for options in spec["parts"]),
            (int(low), int(high)),
        )

    def compose(self, rng: random.Random) -> tuple[str, str]:
        """One advertiser's title and body, slots left as {slots}."""
        title, parts = self.compose_parts(rng)
        return title, " ".join(part for part in parts if part)

    def compose_parts(self, rng: random.Random) -> tuple[str, list[str]]:
        """One advertiser's title and her body's sentences ("" for a part left out)."""
        title = _words(rng, rng.choice(self.titles))
        chosen = [_words(rng, rng.choice(options)) for options in self.parts]
        low, high = self.shuffle
        middle = chosen[low:high]
        rng.shuffle(middle)
        chosen[low:high] = middle
        return title, chosen

    def sentences(self) -> list[str]:
        """Every title and sentence as written (for checks against lexicons)."""
        return [*self.titles, *(s for options in self.parts for s in options if s)]


def fill(template: str, values: Sequence[Mapping[str, str]]) -> list[str]:
    """`template` with its slots filled once per row of `values`."""
    return [template.format_map(row) for row in values]
