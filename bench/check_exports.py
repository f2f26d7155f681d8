"""Read back every export of a scan with its receiver's library (followthemoney, networkx,
pandas; the goAML XSD for one confirmed case) on a world larger than the suite scans, and print
what each receiver saw. Needs the dev extras.

    .venv/bin/python bench/check_exports.py                      # a fresh `small` world, seed 1
    .venv/bin/python bench/check_exports.py --world worlds/small  # an existing world
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))


from export_readback import export_problems  # noqa: E402
from filing_world import file_goaml, revealed_cases  # noqa: E402
from redflags.pipeline import ScanOptions, run_scan  # noqa: E402


def _entities(run_dir: Path) -> Counter[str]:
    lines = (run_dir / "entities.ftm.jsonl").read_text(encoding="utf-8").splitlines()
    return Counter(json.loads(line)["schema"] for line in lines if line)


def _file_goaml(folder: Path) -> str:
    """File the first revealed case with transactions as goAML against the test XSD subset."""
    cases = [
        c for c in revealed_cases(folder) if any(r.startswith("transaction:") for r in c.records)
    ]
    if not cases:
        return "no case with transactions"
    case = cases[0]
    xsd = TESTS / "data" / "goaml_subset_NOT_OFFICIAL.xsd"
    (folder / "filing").mkdir()
    result, out = file_goaml(folder, folder / "filing", case.case_id, "--xsd", str(xsd))
    if result.exit_code != 0:
        return f"FAILED: {result.output.strip()}"
    transactions = out.read_text(encoding="utf-8").count("<transaction>")
    return f"{case.case_id}: {transactions} transactions, valid against the test XSD subset"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", default="small")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--world", type=Path, default=None)
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        world = args.world
        if world is None:
            from redflags_synth.world.generate import generate_world

            world = Path(tmp) / "world"
            generate_world(world, args.scale, args.seed)
        for reveal in (False, True):
            folder = Path(tmp) / ("revealed" if reveal else "redacted")
            started = time.perf_counter()
            options = ScanOptions(
                out=folder / "run", db=folder / "store.duckdb", reveal=reveal, redaction_key=b"k"
            )
            result = run_scan([world], options)
            seconds = time.perf_counter() - started
            run_dir = folder / "run"
            problems = export_problems(run_dir)
            failed |= bool(problems)
            files = len(list((run_dir / "cases").glob("*")))
            print(
                f"{folder.name}: {len(result.cases)} cases, {files} case files, "
                f"scan {seconds:.0f} s; "
                f"FtM entities {dict(_entities(run_dir))}; problems: {len(problems)}"
            )
            for problem in problems[:20]:
                print(f"  {problem}")
            if reveal:
                goaml = _file_goaml(folder)
                failed |= goaml.startswith("FAILED")
                print(f"goAML: {goaml}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
