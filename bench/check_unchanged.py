"""Behaviour-equality check for refactors: does a change leave what a scan finds untouched?

    .venv/bin/python bench/check_unchanged.py record /tmp/before.json   # on the old code
    .venv/bin/python bench/check_unchanged.py compare /tmp/before.json  # on the new code

It runs, through the `redflags` command of this checkout (its src/ first on PYTHONPATH):
`redflags demo` (the generator's demo world, seed 7), a scan of `redflags synth --scale demo`, and
`redflags evaluate` on freshly generated `small` worlds of seeds 1 and 11 (cached under
`--cache`, default a temporary folder; a world is generated once per cache). Each run is
fingerprinted: findings (indicator, subject, strength, window, evidence, facts, summaries),
cases (members, score, steps, ...), alerts, the youth queue, volume, metrics, run.json, and a
hash of every other file of the run folder (exports, report, dossiers). Run ids, creation
times, stage durations and the temporary paths are left out, so two runs of the same code give
the same fingerprint. The redaction key is fixed so that redacted tokens compare too.

`compare` prints "identical" or the first differences and exits 1 on a difference.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REDFLAGS = Path(sys.executable).parent / "redflags"
KEY = "check-unchanged-fixed-redaction-key-0123456789"
SMALL_SEEDS = (1, 11)
# durations and peaks differ between runs of the same code
VOLATILE_KEYS = {"run_id", "created", "stages", "seconds", "peak_mb", "indicator_seconds"}
JSON_FILES = ("cases.json", "run.json", "metrics.json")


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    env["REDFLAGS_REDACTION_KEY"] = KEY
    env["REDFLAGS_HOME"] = str(home)  # no key file of the user's is read or written
    env["COLUMNS"] = "200"
    return env


def _run(args: list[str], home: Path) -> None:
    done = subprocess.run(
        [str(REDFLAGS), *args], env=_env(home), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.exit(f"redflags {' '.join(args)} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")


def _world(cache: Path, name: str, args: list[str], home: Path) -> Path:
    world = cache / name
    if not (world / ".complete").exists():
        _run(["synth", "--out", str(world), "--overwrite", *args], home)
        (world / ".complete").write_text("generated\n")
    return world


def _normal(value: Any, replace: dict[str, str]) -> Any:
    """`value` without volatile keys, with the run's id and temporary paths replaced."""
    if isinstance(value, dict):
        return {k: _normal(v, replace) for k, v in value.items() if k not in VOLATILE_KEYS}
    if isinstance(value, list):
        return [_normal(v, replace) for v in value]
    if isinstance(value, str):
        for old, new in replace.items():
            value = value.replace(old, new)
    return value


def _text(path: Path, replace: dict[str, str]) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.name == "metrics.md":  # its last section is the stages' seconds and memory
        text = text.split("\n## Stages\n", 1)[0]
    for old, new in replace.items():
        text = text.replace(old, new)
    return text


def fingerprint(run_dir: Path, replace: dict[str, str]) -> dict[str, Any]:
    run = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    replace = {run["run_id"]: "<run>", run["created"]: "<created>", **replace}
    result: dict[str, Any] = {}
    findings = (run_dir / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    result["findings"] = [_normal(json.loads(line), replace) for line in findings]
    for name in JSON_FILES:
        path = run_dir / name
        if path.exists():
            result[name.removesuffix(".json")] = _normal(json.loads(path.read_text()), replace)
    files: dict[str, str] = {}
    for path in sorted(run_dir.rglob("*")):
        relative = path.relative_to(run_dir).as_posix()
        if path.is_file() and relative not in (*JSON_FILES, "findings.jsonl", ".redflags-run"):
            files[relative] = hashlib.sha256(_text(path, replace).encode()).hexdigest()[:16]
    result["files"] = files
    return result


def record(cache: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="check-unchanged-") as tmp:
        work = Path(tmp)
        home = work / "home"
        _run(["demo", "--out", str(work / "demo")], home)
        out["demo"] = fingerprint(work / "demo" / "run", {str(work): "<tmp>"})
        world = _world(cache, "synth-demo", ["--scale", "demo", "--seed", "7"], home)
        _run(["scan", str(world), "--out", str(work / "synth-demo")], home)
        out["synth-demo"] = fingerprint(work / "synth-demo", {str(cache): "<cache>"})
        for seed in SMALL_SEEDS:
            name = f"small-{seed}"
            world = _world(cache, name, ["--scale", "small", "--seed", str(seed)], home)
            _run(["evaluate", "--world", str(world), "--out", str(work / name)], home)
            out[name] = fingerprint(work / name, {str(cache): "<cache>"})
    return out


def differences(old: Any, new: Any, where: str = "") -> Iterator[str]:
    if type(old) is not type(new):
        yield f"{where}: {_short(old)} -> {_short(new)}"
    elif isinstance(old, dict):
        for key in sorted(old.keys() | new.keys()):
            if key not in new:
                yield f"{where}.{key}: removed"
            elif key not in old:
                yield f"{where}.{key}: added"
            else:
                yield from differences(old[key], new[key], f"{where}.{key}")
    elif isinstance(old, list):
        if len(old) != len(new):
            yield f"{where}: {len(old)} items -> {len(new)}"
        for i, (a, b) in enumerate(zip(old, new, strict=False)):
            yield from differences(a, b, f"{where}[{i}]")
    elif old != new:
        yield f"{where}: {_short(old)} -> {_short(new)}"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "..."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=("record", "compare"))
    parser.add_argument("file", type=Path, help="the fingerprint to write or compare against")
    parser.add_argument("--cache", type=Path, default=None, help="folder for generated worlds")
    parser.add_argument("--show", type=int, default=20, help="differences to print")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="check-unchanged-worlds-") as tmp:
        cache = args.cache or Path(tmp)
        cache.mkdir(parents=True, exist_ok=True)
        now = record(cache.resolve())
    if args.mode == "record":
        args.file.write_text(json.dumps(now, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"recorded {', '.join(now)} in {args.file}")
        return
    before = json.loads(args.file.read_text(encoding="utf-8"))
    found = list(differences(before, now))
    if not found:
        print("identical")
        return
    print(f"{len(found)} difference(s); the first {min(len(found), args.show)}:")
    for line in found[: args.show]:
        print("  " + line)
    sys.exit(1)


if __name__ == "__main__":
    main()
