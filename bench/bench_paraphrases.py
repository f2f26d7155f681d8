"""Recall and false alarms of the text indicators on the frozen blind paraphrase sets.

    .venv/bin/python bench/bench_paraphrases.py [--set a|b] [--show-missed]

The sets (tests/blind/paraphrases/) were written from the indicator descriptions only, by
helpers who never saw the lexicons or detectors (evaluation/paraphrases.py says how they run).
Prints per indicator: texts that should fire / should not, recall (and how much of it weak),
false alarms, precision; then the totals. Aim (issue #13): recall >= 0.85 at precision >= 0.95.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from redflags.catalogue import load_catalogue
from redflags.evaluation.paraphrases import load_sets, measure

BLIND = Path(__file__).resolve().parents[1] / "tests" / "blind"
# set A: written first (seen by the lead since); set B: written later, with harder near-misses
# and half its texts without the obvious keyword
SETS = {"a": BLIND / "paraphrases", "b": BLIND / "paraphrases-b"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="a")
    parser.add_argument("--show-missed", action="store_true")
    args = parser.parse_args()
    catalogue = load_catalogue()
    totals = [0, 0, 0, 0, 0, 0]
    print(
        f"{'indicator':<30} {'fire':>5} {'hit':>5} {'weak':>5} {'recall':>7} "
        f"{'no_fire':>8} {'alarm':>6} {'strong':>6} {'precision':>9} {'strong_p':>9}  languages"
    )
    for data in load_sets(SETS[args.set]):
        r = measure(data, catalogue)
        totals = [
            a + b
            for a, b in zip(
                totals,
                (r.fire, r.hits, r.weak_hits, r.no_fire, r.false_alarms, r.strong_alarms),
                strict=True,
            )
        ]
        print(
            f"{r.indicator:<30} {r.fire:>5} {r.hits:>5} {r.weak_hits:>5} {r.recall or 0:>7.3f} "
            f"{r.no_fire:>8} {r.false_alarms:>6} {r.strong_alarms:>6} {r.precision or 0:>9.3f} "
            f"{r.strong_precision or 0:>9.3f}  "
            f"{','.join(sorted(r.languages))}"
        )
        if args.show_missed:
            print(f"    missed: {', '.join(r.missed)}; false alarms: {', '.join(r.alarmed)}")
    fire, hits, weak, no_fire, alarms, strong = totals
    print(
        f"{'total':<30} {fire:>5} {hits:>5} {weak:>5} {hits / fire:>7.3f} {no_fire:>8} "
        f"{alarms:>6} {strong:>6} {hits / max(1, hits + alarms):>9.3f} "
        f"{hits / max(1, hits + strong):>9.3f}"
    )


if __name__ == "__main__":
    main()
