"""Field notes (`observation` records): what a labour inspection writes about each person met at
an inspected workplace. The background inspects lawful workplaces (benign/inspections.py); some
typologies are inspected too (typologies/inspection.py). Both write their notes here, from the
sentences in data/field_notes.yaml."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from redflags_synth.world.benign.data import load


@dataclass(frozen=True)
class Met:
    """A person met at the workplace, as they gave their details."""

    name: str
    nationality: str  # a Danish adjective, as an inspector writes it
    phone: str | None
    address: str | None
    customer_id: str | None = None


# nationality code -> how a Danish inspector writes it
NATIONALITY_DA = {
    "DK": "dansk",
    "PL": "polsk",
    "RO": "rumænsk",
    "BG": "bulgarsk",
    "UA": "ukrainsk",
    "LT": "litauisk",
    "VN": "vietnamesisk",
    "TH": "thailandsk",
    "PH": "filippinsk",
    "NG": "nigeriansk",
    "ES": "spansk",
    "RU": "russisk",
    "SE": "svensk",
    "DE": "tysk",
}


def met(first: str, last: str, nationality: str, phone: str | None, address: str | None) -> Met:
    """A person met, their nationality (a code) written as an inspector writes it."""
    written = NATIONALITY_DA.get(nationality, "udenlandsk")
    return Met(name=f"{first} {last}", nationality=written, phone=phone, address=address)


@cache
def _texts() -> dict[str, Any]:
    data: dict[str, Any] = load("field_notes")
    return data


def routine_text(rng: random.Random, town: str) -> str:
    """A lawful note: one routine sentence, sometimes two."""
    routine = _texts()["routine"]
    chosen = rng.sample(routine, 2 if rng.random() < 0.3 else 1)
    return " ".join(s.format(town=town, wage=rng.randrange(140, 220), boss="") for s in chosen)


def control_text(rng: random.Random, boss: str) -> tuple[str, list[str]]:
    """A controlled worker's note: two or three kinds of control, never all; with the
    indicators the note shows."""
    control: dict[str, Any] = _texts()["control"]
    kinds = rng.sample(sorted(control), rng.randint(2, 3))
    sentences, indicators = [], []
    for kind in kinds:
        chosen = rng.choice(control[kind]["texts"])
        entry = chosen if isinstance(chosen, dict) else {"text": chosen}
        sentences.append(str(entry["text"]).format(boss=boss))
        indicators += [*control[kind]["indicators"], *entry.get("also", [])]
    return " ".join(sentences), sorted(set(indicators))


def observer(rng: random.Random) -> str:
    """The team that wrote the note (one name everywhere: it tells nothing apart)."""
    return str(rng.choice(_texts()["observers"]))


def note(
    note_id: str,
    observed_at: datetime,
    observer: str,
    place: str,
    place_address: str | None,
    cvr: str | None,
    met: Met,
    text: str,
) -> dict[str, Any]:
    """One observation record in canonical fields. No follow-up is written: the inspectors'
    referrals would tell the networks apart (they are the answer, not a signal)."""
    return {
        "observation_id": note_id,
        "observed_at": observed_at,
        "observer": observer,
        "place": place,
        "place_address": place_address,
        "place_cvr": cvr,
        "person": met.name,
        "nationality": met.nationality,
        "phone": met.phone,
        "address": met.address,
        "customer_id": met.customer_id,
        "text": text,
        "outcome": None,
    }
