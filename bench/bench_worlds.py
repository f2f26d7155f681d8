"""Evaluate every blind world (through its descriptors) and the generator's small worlds, with
each scoring model, and print one markdown table: the figures docs/evaluation.md reports.

    python bench/bench_worlds.py                       # every blind world, risk-v2 and risk-v1
    python bench/bench_worlds.py --worlds emoney-oresund --models risk-v2
    python bench/bench_worlds.py --seeds 1 11 23 --cache /tmp/worlds   # the generator's too

A blind world is scanned as a new user would: `redflags evaluate --world W --descriptors D`.
Nothing here changes a detector; reading a world's numbers is not reading its files.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "tests" / "blind" / "worlds"
DESCRIPTORS = ROOT / "tests" / "blind_descriptors"
COLUMNS = (
    "world",
    "model",
    "records",
    "networks",
    "cases (true)",
    "look-alike cases",
    "alerts (true / look-alike / background)",
    "youth",
    "alerts per 1k",
    "cases per 1k",
)


def _redflags(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "redflags", *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"redflags {' '.join(args)} failed:\n{done.stderr or done.stdout}")


def _row(name: str, model: str, metrics: dict[str, Any]) -> dict[str, str]:
    networks = metrics["networks"]
    alerts = metrics["alerts"]
    volume = metrics["volume"]
    found, total = networks["raised"], networks["positive_networks"]
    return {
        "world": name,
        "model": model,
        "records": f"{volume['records']:,}",
        "networks": f"{found} of {total}",
        "cases (true)": f"{volume['cases']} ({networks['true_cases']})",
        "look-alike cases": str(networks["hard_negative_cases"]),
        "alerts (true / look-alike / background)": (
            f"{alerts['items']} ({alerts['true_network']} / {alerts['hard_negative']} / "
            f"{alerts['background']})"
        ),
        "youth": str(volume["youth_queue"]),
        "alerts per 1k": f"{volume['alerts_per_1k_records']:.2f}",
        "cases per 1k": f"{volume['cases_per_1k_records']:.2f}",
    }


def evaluate(world: Path, model: str, out: Path, descriptors: Path | None) -> dict[str, Any]:
    args = ["evaluate", "--world", str(world), "--model", model, "--out", str(out)]
    if descriptors is not None:
        args += ["--descriptors", str(descriptors)]
    _redflags(*args)
    metrics: dict[str, Any] = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    return metrics


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worlds", nargs="*", help="blind world names (default: all)")
    parser.add_argument("--models", nargs="+", default=["risk-v2", "risk-v1"])
    parser.add_argument("--seeds", nargs="*", type=int, default=[], help="generator seeds")
    parser.add_argument("--cache", type=Path, help="folder for the generator's worlds")
    args = parser.parse_args(argv)
    names = args.worlds if args.worlds is not None else sorted(p.name for p in BLIND.iterdir())
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        runs = Path(scratch)
        for name in names:
            for model in args.models:
                out = runs / f"{name}-{model}"
                metrics = evaluate(BLIND / name, model, out, DESCRIPTORS / name)
                rows.append(_row(name, model, metrics))
                print(f"done: {name} {model}", file=sys.stderr)
        cache = args.cache or runs / "generated"
        for seed in args.seeds:
            world = cache / f"small-{seed}"
            if not (world / "truth").is_dir():
                _redflags("synth", "--out", str(world), "--scale", "small", "--seed", str(seed))
            for model in args.models:
                metrics = evaluate(world, model, runs / f"small-{seed}-{model}", None)
                rows.append(_row(f"generator small, seed {seed}", model, metrics))
                print(f"done: seed {seed} {model}", file=sys.stderr)
    print("| " + " | ".join(COLUMNS) + " |")
    print("|" + "---|" * len(COLUMNS))
    for row in rows:
        print("| " + " | ".join(row[c] for c in COLUMNS) + " |")


if __name__ == "__main__":
    main()
