"""A typology's workplace inspected, or raided: the inspectors (or the police) meet some of the
workers and note what they see (`observation` records, field_notes.py). The notes show two or
three kinds of control each, in the inspectors' words; the truth flags what each note shows."""

from __future__ import annotations

import random
from collections.abc import Sequence

from redflags.synth.world import field_notes
from redflags.synth.world.context import WorldContext
from redflags.synth.world.typologies import kit
from redflags.synth.world.typologies.ledger import Ledger


def inspect(
    ctx: WorldContext,
    rng: random.Random,
    ledger: Ledger,
    *,
    day: int,
    observer: str,
    place: str,
    place_address: str,
    boss: str,
    workers: Sequence[field_notes.Met],
) -> None:
    """Notes on two to four of `workers` (all of them when fewer), met on world day `day`."""
    when = kit.clock(ctx, rng, day, kit.OFFICE)
    met = rng.sample(list(workers), min(len(workers), rng.randint(2, 4)))
    for person in met:
        text, indicators = field_notes.control_text(rng, boss)
        record = field_notes.note(
            ctx.new_id("note"),
            kit.later(rng, when, 0.0, 1.5),
            observer,
            place,
            place_address,
            None,
            person,
            text,
        )
        ledger.add("observation", record, indicators)
