"""Measure every lexicon indicator's likelihood ratios on synthetic worlds and (with --write)
write them, with the weights they give, into the catalogue (issue #12, item 2).

    .venv/bin/python bench/calibrate_lexicons.py --scale small --seeds 1 11
    .venv/bin/python bench/calibrate_lexicons.py --scale small --seeds 1 11 --write

Each world is generated (or reused from --cache), scanned by `redflags evaluate`'s pipeline, and
the strong and weak findings of each lexicon indicator are counted on positive records (ads and
messages of trafficking networks) and on lawful ones on the same sites and platforms
(evaluation/lexicon_rates.py). Counts are pooled over the worlds; catalogue/calibration.py turns
them into likelihood ratios, the weight (the source-type guidance weight is the ceiling) and the
weak weight. --write replaces the indicator's `weight:` line and its `calibration:` block.

Measure on seeds that are not the ones the evaluation reports (docs/evaluation.md uses others):
a weight fitted on a world and judged on the same world says little.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from redflags.catalogue import Indicator, load_catalogue
from redflags.catalogue.calibration import Calibration
from redflags.catalogue.loader import default_root
from redflags.evaluation.lexicon_rates import (
    add_counts,
    lexicon_counts,
    lexicon_indicators,
    rates,
    record_venues,
)
from redflags.evaluation.truth import load_truth
from redflags.pipeline import ScanOptions, run_scan
from redflags_synth.world.generate import generate_world


def measure(world: Path, indicators: list[Indicator], work: Path) -> dict[str, dict[str, Any]]:
    truth = load_truth(world)
    scan = run_scan([world], ScanOptions(out=work / f"run-{world.name}"))
    positives = {
        r for r, n in truth.records.items() if n is not None and truth.networks[n]["positive"]
    }
    return lexicon_counts(scan.findings, indicators, positives, record_venues(world))


def calibration_yaml(calibration: Calibration) -> str:
    def number(value: float | None) -> str:
        return "null" if value is None else f"{value:g}"

    c = calibration
    return (
        "calibration:\n"
        f"  # measured by bench/calibrate_lexicons.py; weight = min(guidance, ln LR strong),\n"
        f"  # weak weight = min(weight / 2, ln LR weak) (catalogue/calibration.py)\n"
        f"  measured_on: {json.dumps(c.measured_on)}\n"
        f"  guidance_weight: {c.guidance_weight:g}\n"
        f"  positives: {c.positives}\n"
        f"  lawful: {c.lawful}\n"
        f"  strong: {{positives_fired: {c.strong.positives_fired}, "
        f"lawful_fired: {c.strong.lawful_fired}}}\n"
        f"  weak: {{positives_fired: {c.weak.positives_fired}, "
        f"lawful_fired: {c.weak.lawful_fired}}}\n"
        f"  likelihood_ratio_strong: {number(c.likelihood_ratio_strong)}\n"
        f"  likelihood_ratio_weak: {number(c.likelihood_ratio_weak)}\n"
        f"  weak_weight: {c.weak_weight:g}\n"
    )


def write(path: Path, weight: float, calibration: Calibration) -> None:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^calibration:\n(?:[ #].*\n|\n)*", "", text)
    text = re.sub(r"(?m)^weight: .*$", f"weight: {weight:g}", text, count=1)
    path.write_text(text.rstrip("\n") + "\n" + calibration_yaml(calibration), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="small")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 11])
    parser.add_argument("--cache", type=Path, help="Keep generated worlds here (reused).")
    parser.add_argument("--write", action="store_true", help="Write into the catalogue.")
    args = parser.parse_args()

    catalogue = load_catalogue()
    indicators = lexicon_indicators(catalogue)
    pooled: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for seed in args.seeds:
            world = (args.cache or work) / f"world-{args.scale}-{seed}"
            if not (world / "truth").is_dir():
                generate_world(world, scale=args.scale, seed=seed)
            add_counts(pooled, measure(world, indicators, work))
    measured_on = f"synthetic worlds, scale {args.scale}, seeds {', '.join(map(str, args.seeds))}"
    print(
        f"{'indicator':<30} {'pos':>6} {'lawful':>7} {'str+':>5} {'str-':>5} {'wk+':>5} "
        f"{'wk-':>5} {'LR str':>8} {'LR wk':>8} {'weight':>7} {'weak w':>7}"
    )
    for indicator in indicators:
        counts = pooled.get(indicator.id)
        if not counts or not counts["positives"] or not counts["lawful"]:
            print(f"{indicator.id:<30} not measured (no positive or no lawful records)")
            continue
        old = indicator.calibration
        guidance = old.guidance_weight if old else indicator.weight
        calibration = rates(counts, guidance, measured_on)
        weight = calibration.expected()[2]
        print(
            f"{indicator.id:<30} {calibration.positives:>6} {calibration.lawful:>7} "
            f"{calibration.strong.positives_fired:>5} {calibration.strong.lawful_fired:>5} "
            f"{calibration.weak.positives_fired:>5} {calibration.weak.lawful_fired:>5} "
            f"{calibration.likelihood_ratio_strong or 0:>8.3g} "
            f"{calibration.likelihood_ratio_weak or 0:>8.3g} {weight:>7g} "
            f"{calibration.weak_weight:>7g}"
        )
        if args.write:
            prefix = indicator.id.split("-", 1)[0].lower()
            path = (catalogue.root or default_root()) / prefix / f"{indicator.id}.yaml"
            write(path, weight, calibration)
    if args.write:
        load_catalogue()  # the written blocks must load: the schema checks counts against weights
        print("written; run `redflags catalogue lint` and the tests")


if __name__ == "__main__":
    main()
