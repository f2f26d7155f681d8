"""A typology's workplace inspected, or raided: the inspectors (or the police) meet some of the
workers and note what they see (`observation` records, field_notes.py). A controlled workplace's
notes show two or three kinds of control each, in the inspectors' words, and the truth flags what
each note shows; a lawful look-alike's notes are routine (`inspect_lawful`)."""

from __future__ import annotations

import random
from collections.abc import Sequence

from redflags_synth.world import field_notes
from redflags_synth.world.context import WorldContext
from redflags_synth.world.typologies import kit
from redflags_synth.world.typologies.ledger import Ledger


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
    _notes(ctx, rng, ledger, day, observer, place, place_address, workers, boss)


def inspect_lawful(
    ctx: WorldContext,
    rng: random.Random,
    ledger: Ledger,
    *,
    day: int,
    town: str,
    place: str,
    place_address: str,
    workers: Sequence[field_notes.Met],
) -> None:
    """Routine notes on two to four of a lawful workplace's `workers`: nothing to flag."""
    _notes(
        ctx, rng, ledger, day, field_notes.observer(rng), place, place_address, workers, town=town
    )


def _notes(
    ctx: WorldContext,
    rng: random.Random,
    ledger: Ledger,
    day: int,
    observer: str,
    place: str,
    place_address: str,
    workers: Sequence[field_notes.Met],
    boss: str | None = None,
    town: str = "",
) -> None:
    """`boss` given: notes of control, else routine notes."""
    when = kit.clock(ctx, rng, day, kit.OFFICE)
    met = rng.sample(list(workers), min(len(workers), rng.randint(2, 4)))
    for person in met:
        indicators: list[str] = []
        if boss is None:
            text = field_notes.routine_text(rng, town)
        else:
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
