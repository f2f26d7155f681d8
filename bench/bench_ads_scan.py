"""Speed of ads-only scans (issue #12, item 8): N realistic ads, `redflags scan` through the
pipeline function (report included), stage times per size.

    .venv/bin/python bench/bench_ads_scan.py --sizes 10000 100000
    .venv/bin/python bench/bench_ads_scan.py --demo --sizes 10000 --outputs /tmp/before.json
    .venv/bin/python bench/bench_ads_scan.py --demo --sizes 10000 --compare /tmp/before.json

The ads come from bench/ads_corpus.py (US classifieds shaped by the measured shares of
../shared/data/real-ads/vocabulary.md: phones, emoji, reposts, near duplicates). Printed per
size: total seconds; seconds of ingest, evaluate (and its ten slowest indicators), link, score,
cases and report; CPU seconds and the machine's load average (the wall time on a shared
machine says little without them); peak RSS (the highest of the stages' own peaks); findings,
alerts and cases per 1,000 ads. Targets on 2 cores: 10,000 ads < 30 s, 100,000 ads < 5 min,
report never longer than the detectors.

--outputs writes every finding, case, alert and youth item of each size (and of the demo world
with --demo), and a digest of every file the scan wrote, as JSON to a file; --compare reads such
a file, written by an earlier version of the code on the same sizes and seed, and says whether
this run's outputs are identical (a speed-up must not change them); it exits 1 if not.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ads_corpus import write_ads

from redflags.generator import DEMO_SCALE, DEMO_SEED
from redflags.pipeline import ScanOptions, ScanResult, run_scan
from redflags_synth.world.generate import generate_world

CPU_SECONDS: dict[int, float] = {}  # size -> CPU seconds of the scan (all threads)
RUN_ID = re.compile(r"(?:\d{8}|phone#[0-9a-f]{10})T\d{6}Z-[0-9a-f]{6}")
STAGES = ("ingest", "evaluate", "link", "score", "cases", "report")


def outputs(result: ScanResult) -> dict[str, list[str]]:
    """Everything the scan decided, as sorted JSON lines, and a digest of every file it wrote
    (the run's id, time, temporary folder and stage seconds left out)."""
    return {
        "findings": sorted(f.model_dump_json() for f in result.findings),
        "cases": sorted(c.model_dump_json() for c in result.cases),
        "alerts": sorted(a.model_dump_json() for a in result.alerts),
        "youth": sorted(y.model_dump_json() for y in result.youth_queue),
        "files": written_files(result.run_dir, result.run_id),
    }


def written_files(run_dir: Path, run_id: str) -> list[str]:
    run = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    created = run["created"]
    rows = []
    for path in sorted(p for p in run_dir.rglob("*") if p.is_file()):
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.name == "run.json":
            text = json.dumps({k: v for k, v in run.items() if k != "stages"}, sort_keys=True)
        text = text.replace(run_id, "RUN").replace(created, "CREATED")
        # the run id's date can read as a phone of the world and be scrubbed to its token
        text = RUN_ID.sub("RUN", text)
        text = text.replace(str(run_dir.parent), "TMP")  # the input's temporary folder
        rows.append(f"{path.relative_to(run_dir)} {digest([text])}")
    return rows


def digest(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


def compare(run: str, now: dict[str, list[str]], before: dict[str, list[str]]) -> bool:
    same = True
    for key, lines in now.items():
        old = before.get(key, [])
        equal = lines == old
        same &= equal
        verdict = "identical" if equal else "DIFFERENT"
        print(f"  {key:<9} {len(old):>7} before {len(lines):>7} now  {verdict}")
        if not equal:
            gone, new = set(old) - set(lines), set(lines) - set(old)
            for label, rows in (("only before", gone), ("only now", new)):
                for row in sorted(rows)[:2]:
                    print(f"    {label}: {row[:300]}")
    print(f"  {run}: outputs {'identical' if same else 'DIFFERENT'} to the earlier run")
    return same


def run_size(n: int, seed: int, region: str, persona: str, tmp: Path) -> tuple[ScanResult, float]:
    """The scan of N ads and its seconds (writing the ads is not counted)."""
    folder = tmp / f"ads{n}"
    write_ads(folder, n, seed, persona)
    options = ScanOptions(out=tmp / f"run{n}", redaction_key=b"bench", region=region)
    start, cpu = time.perf_counter(), time.process_time()
    result = run_scan([folder], options)
    CPU_SECONDS[n] = time.process_time() - cpu
    return result, time.perf_counter() - start


def run_demo(tmp: Path) -> tuple[ScanResult, float]:
    """The demo world of `redflags demo` (every record kind, cases with dossiers), read as
    Danish."""
    generate_world(tmp / "demo", DEMO_SCALE, DEMO_SEED)
    start = time.perf_counter()
    result = run_scan([tmp / "demo"], ScanOptions(out=tmp / "rundemo", redaction_key=b"bench"))
    return result, time.perf_counter() - start


def show(n: int, result: ScanResult, seconds: float) -> None:
    stages = result.stages
    peak = max(row["peak_mb"] for row in stages.values())
    print(
        f"\n{n:,} ads: {seconds:.1f} s in all ({CPU_SECONDS.get(n, 0):.1f} s CPU of this process), "
        f"peak RSS {peak:,.0f} MB, load average {os.getloadavg()[0]:.1f}"
    )
    for stage in STAGES:
        row = stages.get(stage)
        if row:
            print(f"  {stage:<10}{row['seconds']:>9.2f} s{row['peak_mb']:>9,.0f} MB")
    slowest = sorted(result.indicator_seconds.items(), key=lambda kv: -kv[1])[:10]
    print("  slowest indicators: " + ", ".join(f"{i} {s:.2f}" for i, s in slowest))
    per = 1000 / n
    print(
        f"  per 1,000 ads: findings {len(result.findings) * per:.1f}, "
        f"alerts {len(result.alerts) * per:.1f}, cases {len(result.cases) * per:.1f}"
        f" (youth queue {len(result.youth_queue) * per:.1f})"
    )
    report, detectors = stages["report"]["seconds"], stages["evaluate"]["seconds"]
    verdict = "<=" if report <= detectors else ">"
    print(f"  report {verdict} detectors ({report:.1f} / {detectors:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--region", default="US")
    parser.add_argument("--persona", choices=("ad", "advertiser", "none"), default="ad")
    parser.add_argument("--demo", action="store_true", help="also scan the demo world first")
    parser.add_argument("--outputs", type=Path, help="write every size's outputs here (JSON)")
    parser.add_argument("--compare", type=Path, help="outputs of an earlier run to compare with")
    args = parser.parse_args()
    before: dict[str, Any] = json.loads(args.compare.read_text()) if args.compare else {}
    written: dict[str, Any] = {}
    same = True
    runs: list[int | str] = ["demo"] if args.demo else []
    for run in [*runs, *args.sizes]:
        with tempfile.TemporaryDirectory() as tmp:
            if run == "demo":
                result, seconds = run_demo(Path(tmp))
                print(f"\ndemo world: {seconds:.1f} s, {len(result.cases)} cases")
            else:
                n = int(run)
                result, seconds = run_size(n, args.seed, args.region, args.persona, Path(tmp))
                show(n, result, seconds)
            now = outputs(result)
            print("  digests: " + ", ".join(f"{k} {digest(v)}" for k, v in now.items()))
            if args.outputs:
                written[str(run)] = now
            if str(run) in before:
                same &= compare(str(run), now, before[str(run)])
    if args.outputs:
        args.outputs.write_text(json.dumps(written), encoding="utf-8")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
