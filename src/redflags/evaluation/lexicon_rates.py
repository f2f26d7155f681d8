"""How often each lexicon indicator fires on trafficking records and on lawful ones (issue #12).

Positives are the ads and messages of a world's positive networks; the lawful comparison is every
other ad and message on the same sites and platforms as the positives (a furniture ad is no test
of whether "100% real" separates escort ads). A record counts as *strong* when a strong finding
of the indicator covers it, as *weak* when only weak-only findings do (detectors grade their
cues; findings that are not graded are strong). The counts feed the catalogue's calibration
(catalogue/calibration.py, bench/calibrate_lexicons.py) and the false-alarm rates per 1,000
lawful records that `redflags evaluate` reports.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds

from redflags.catalogue import Indicator
from redflags.catalogue.calibration import Calibration, CueCounts
from redflags.model import Finding

# data source -> the record kind whose text a lexicon indicator reads
TEXT_KINDS = {"AD-TEXT": "ad", "MSG": "message"}
# record kind -> (world folder, id column, venue column)
VENUE_COLUMNS = {"ad": ("ads", "ad_id", "site"), "message": ("messages", "message_id", "platform")}


def record_venues(world: Path) -> dict[str, str]:
    """ "kind:id" -> the site (ads) or platform (messages) of every ad and message of a world."""
    venues: dict[str, str] = {}
    for kind, (folder, id_column, venue_column) in VENUE_COLUMNS.items():
        path = world / folder
        if not path.is_dir():
            continue
        table = ds.dataset(path, format="parquet").to_table(columns=[id_column, venue_column])
        for record_id, venue in zip(
            table.column(id_column).to_pylist(), table.column(venue_column).to_pylist(), strict=True
        ):
            venues[f"{kind}:{record_id}"] = str(venue or "")
    return venues


def lexicon_indicators(indicators: Iterable[Indicator]) -> list[Indicator]:
    """Implemented indicators that read ad or message text through a lexicon."""
    return [
        i
        for i in indicators
        if not i.planned and i.param("lexicon") and text_kinds(i) and not i.negative_control
    ]


def text_kinds(indicator: Indicator) -> set[str]:
    kinds = {TEXT_KINDS[s] for s in indicator.data_sources if s in TEXT_KINDS}
    wanted = indicator.param("record_kinds")
    return kinds & set(wanted) if wanted else kinds


def lexicon_counts(
    findings: Sequence[Finding],
    indicators: Iterable[Indicator],
    positive_records: set[str],
    venues: Mapping[str, str],
) -> dict[str, dict[str, Any]]:
    """Per lexicon indicator: positives, lawful, and the records each strength fired on."""
    strong: dict[str, set[str]] = defaultdict(set)
    fired: dict[str, set[str]] = defaultdict(set)
    for finding in findings:
        graded_weak = finding.facts.get("cue_strength") == "weak"
        for evidence in finding.evidence:
            key = f"{evidence.kind}:{evidence.record_id}"
            fired[finding.indicator_id].add(key)
            if not graded_weak:
                strong[finding.indicator_id].add(key)
    result: dict[str, dict[str, Any]] = {}
    for indicator in lexicon_indicators(indicators):
        kinds = text_kinds(indicator)
        positives = {r for r in positive_records if r.split(":", 1)[0] in kinds}
        sites = {venues[r] for r in positives if r in venues}
        lawful = {
            r
            for r, venue in venues.items()
            if venue in sites and r.split(":", 1)[0] in kinds and r not in positive_records
        }
        on_strong = strong.get(indicator.id, set())
        on_weak = fired.get(indicator.id, set()) - on_strong
        result[indicator.id] = {
            "positives": len(positives),
            "lawful": len(lawful),
            "strong": {
                "positives_fired": len(on_strong & positives),
                "lawful_fired": len(on_strong & lawful),
            },
            "weak": {
                "positives_fired": len(on_weak & positives),
                "lawful_fired": len(on_weak & lawful),
            },
        }
    return result


def add_counts(total: dict[str, dict[str, Any]], more: Mapping[str, Mapping[str, Any]]) -> None:
    """Pool the counts of several worlds (in place)."""
    for indicator, counts in more.items():
        into = total.setdefault(
            indicator,
            {
                "positives": 0,
                "lawful": 0,
                "strong": {"positives_fired": 0, "lawful_fired": 0},
                "weak": {"positives_fired": 0, "lawful_fired": 0},
            },
        )
        into["positives"] += counts["positives"]
        into["lawful"] += counts["lawful"]
        for strength in ("strong", "weak"):
            for field in ("positives_fired", "lawful_fired"):
                into[strength][field] += counts[strength][field]


def rates(counts: Mapping[str, Any], guidance_weight: float, measured_on: str) -> Calibration:
    """The calibration the counts give (ratios and weights computed, not chosen)."""
    draft = Calibration(
        measured_on=measured_on,
        guidance_weight=guidance_weight,
        positives=max(1, counts["positives"]),
        lawful=max(1, counts["lawful"]),
        strong=CueCounts(**counts["strong"]),
        weak=CueCounts(**counts["weak"]),
        weak_weight=0,
    )
    strong, weak, _, weak_weight = draft.expected()
    return draft.model_copy(
        update={
            "likelihood_ratio_strong": strong,
            "likelihood_ratio_weak": weak,
            "weak_weight": weak_weight,
        }
    )


def lexicon_table(
    counts: Mapping[str, Mapping[str, Any]], indicators: Mapping[str, Indicator]
) -> dict[str, dict[str, Any]]:
    """What `redflags evaluate` reports per lexicon indicator: recall on positive records, false
    alarms per 1,000 lawful records (strong, weak), and the likelihood ratios."""
    table: dict[str, dict[str, Any]] = {}
    for indicator_id, row in sorted(counts.items()):
        if not row["positives"] or not row["lawful"]:
            continue
        measured = rates(row, abs(indicators[indicator_id].weight), "this run")
        fired_positives = row["strong"]["positives_fired"] + row["weak"]["positives_fired"]
        fired_lawful = row["strong"]["lawful_fired"] + row["weak"]["lawful_fired"]
        table[indicator_id] = {
            **row,
            "recall_on_positives": round(fired_positives / row["positives"], 4),
            "precision": round(fired_positives / (fired_positives + fired_lawful), 4)
            if fired_positives + fired_lawful
            else None,
            "false_alarms_per_1000_lawful": round(fired_lawful * 1000 / row["lawful"], 3),
            "strong_false_alarms_per_1000_lawful": measured.false_alarms_per_1000("strong"),
            "weak_false_alarms_per_1000_lawful": measured.false_alarms_per_1000("weak"),
            "likelihood_ratio_strong": measured.likelihood_ratio_strong,
            "likelihood_ratio_weak": measured.likelihood_ratio_weak,
        }
    return table
