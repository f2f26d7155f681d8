"""Residence in Denmark and language of correspondence of one customer (the CPR's first
registered residence and the bank's correspondence language), the same draw for the background's
people and the typologies' customers, so the two cannot be told apart by these fields.

Danish nationals are mostly registered since birth and write in Danish (a few prefer English).
Foreign nationals arrived some time before they opened their account: shortly before (weeks to
months; EU workers and young people often) or years before; the longer they have lived here, the
more often they write in Danish, otherwise in their own language where a bank offers it, or in
English. `recent=True` makes the arrival a recent one whatever the nationality: how victims of
exploitation typically come, and many lawful workers and students too.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import cache
from typing import Any

from redflags_synth.world.benign.data import load

YEAR_DAYS = 365.25


@cache
def _data() -> dict[str, Any]:
    return dict(load("residence"))


def draw_residence(
    rng: random.Random,
    nationality: str | None,
    birth_date: date,
    onboarded: date,
    *,
    recent: bool = False,
) -> tuple[date, str]:
    """(resident_since, language) for a customer who opened an account on `onboarded`."""
    data = _data()
    age_days = max((onboarded - birth_date).days, 1)
    if (nationality or "DK") == "DK":
        since = birth_date
        if rng.random() >= float(data["danish_born_share"]):  # born or lived abroad
            since = birth_date + timedelta(days=int(rng.uniform(0.1, 1.0) * age_days))
        english = rng.random() < float(data["danish_prefer_english"])
        return min(since, onboarded), "en" if english else "da"
    young = age_days / YEAR_DAYS < float(data["young_below"])
    group = "eu_worker" if nationality in data["eu_workers"] else "young" if young else "other"
    recent = recent or rng.random() < float(data["recent_share"][group])
    if recent:
        low, high = data["recent_gap_years"]
        gap_years = rng.uniform(float(low), float(high))
    else:
        gap_years = 1.0 + rng.expovariate(1.0 / float(data["settled_gap_mean_years"]))
    gap_days = min(int(gap_years * YEAR_DAYS), age_days)
    since = onboarded - timedelta(days=gap_days)
    return since, _language(rng, str(nationality), gap_days / YEAR_DAYS, recent)


def _language(rng: random.Random, nationality: str, years: float, recent: bool) -> str:
    data = _data()
    nordic = nationality in data["nordic"]
    danish = (
        0.0
        if recent and not nordic
        else min(float(data["danish_cap"]), years / float(data["danish_after_years"]) * 0.5)
    )
    if nordic:
        danish = max(danish, 0.5)
    if rng.random() < danish:
        return "da"
    if nationality in data["english_speaking"]:
        return "en"
    own = data["correspondence"].get(nationality)
    if own and rng.random() < float(data["own_language_share"]):
        return str(own)
    return "en"
