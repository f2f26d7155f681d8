"""The verdict baseline: analysts' verdicts and suppressions, and what each case looked like when
it was last seen, in one versioned YAML file (format: docs/reports.md).

A re-scan compares its cases with the baseline:

- **Identity.** A case keeps the id it had in the baseline. A current case matches a baseline
  entry with the same id; otherwise the entry whose records overlap it most, if the overlap is at
  least half of the smaller of the two record sets (ties: more shared pivots, then the older id).
  Matching is one-to-one, greedy by overlap. Without a match the case is new.
- **Merged cases** (the case store's, service/cases_merge.py). An entry with `merged_into`
  was merged by the team into another case: a case that matches it, by id or by overlap, takes
  the id the merge chain ends at. A merge family (the surviving case and every case merged into
  it) is not matched one-to-one: every fragment that matches one of its entries joins it. A
  YAML baseline the command line writes has no `merged_into`.
- **Status.** new (no match); changed (new findings, new indicators, new records, a higher score
  or a higher priority than when last seen); unchanged otherwise.
- **Shown.** new and changed cases, unless `--all`. A case with a verdict `dismissed` or an
  active suppression stays hidden unless it changed *materially* since the verdict — a new
  indicator, a higher priority or a higher score — and then it is shown with the reasons.

**Concurrent writers.** A scan and analysts recording verdicts may write the same file. Every
change (a scan's snapshots, a verdict, a suppression) is kept as a change and `save()` applies it,
under a file lock (`<baseline>.lock`), to the file as it is on disk now, then replaces the file
atomically; a verdict written while a scan ran is therefore kept, not overwritten.
"""

from __future__ import annotations

import getpass
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from filelock import FileLock, Timeout

from redflags.model import Case

BASELINE_VERSION = 1
DEFAULT_NAME = "redflags.baseline.yaml"
VERDICTS = ("confirmed", "dismissed", "needs_information")
_PRIORITY_RANK = {"none": 0, "review": 1, "high": 2}
MIN_OVERLAP = 0.5
LOCK_TIMEOUT = 60.0  # seconds to wait for another writer of the same baseline
# Set only when a case first enters the baseline; a later scan never overwrites them.
_FIRST_KEYS = ("first_seen", "first_run")


class BaselineError(Exception):
    """A baseline file that cannot be read, or a verdict that cannot be recorded."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def current_user(user: str | None = None) -> str:
    if user:
        return user
    env = os.environ.get("REDFLAGS_USER")
    if env:
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass
class CaseStatus:
    case_id: str
    status: str  # new, changed, unchanged
    shown: bool
    reasons: list[str] = field(default_factory=list)
    previous_id: str | None = None  # the case's id as computed by this scan, when it was renamed
    verdict: dict[str, Any] | None = None
    suppressed: bool = False
    first_seen: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "status": self.status,
            "shown": self.shown,
            "reasons": list(self.reasons),
            "computed_id": self.previous_id,
            "verdict": self.verdict,
            "suppressed": self.suppressed,
            "first_seen": self.first_seen,
        }


def case_snapshot(case: Case, pivot_token: Any) -> dict[str, Any]:
    return {
        "score": case.score.total,
        "priority": case.score.priority,
        "indicators": list(case.indicator_ids),
        "findings": sorted(f.finding_id for f in case.findings),
        "records": sorted(case.records),
        "pivots": sorted(pivot_token(p) for p in case.pivots),
    }


class Baseline:
    def __init__(self, path: Path, data: dict[str, Any] | None = None) -> None:
        self.path = path
        self.data = data or _empty()
        # The changes this object made, replayed onto the file on disk by save().
        self._scanned: dict[str, dict[str, Any]] = {}
        self._verdicts: list[tuple[str, dict[str, Any]]] = []
        self._suppressions: list[dict[str, Any]] = []

    @classmethod
    def load(cls, path: Path) -> Baseline:
        return cls(path, _read(path))

    def lock(self) -> FileLock:
        """The lock every writer of this baseline holds while it reads, merges and replaces it."""
        return FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT)

    def save(self) -> None:
        """Apply this object's changes to the file as it is now, under the lock; atomic write."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with self.lock():
                current = _read(self.path)
                self._replay(current)
                _write_atomically(self.path, current)
        except Timeout:
            raise BaselineError(
                f"{self.path}: another redflags process has held its lock for {LOCK_TIMEOUT:g} "
                "seconds; try again when it has finished"
            ) from None
        self.data = current
        self._scanned.clear()
        self._verdicts.clear()
        self._suppressions.clear()

    def _replay(self, data: dict[str, Any]) -> None:
        cases: dict[str, dict[str, Any]] = data["cases"]
        for case_id, seen in self._scanned.items():
            entry = cases.setdefault(case_id, {})
            for key, value in seen.items():
                if key in _FIRST_KEYS:
                    entry.setdefault(key, value)
                else:
                    entry[key] = value
        for case_id, verdict in self._verdicts:
            entry = cases.setdefault(case_id, dict(self.cases.get(case_id, {})))
            if entry.get("verdict") == verdict:
                continue
            if entry.get("verdict"):
                entry.setdefault("history", []).append(entry["verdict"])
            entry["verdict"] = verdict
        for suppression in self._suppressions:
            if suppression not in data["suppressions"]:
                data["suppressions"].append(suppression)

    @property
    def cases(self) -> dict[str, dict[str, Any]]:
        cases: dict[str, dict[str, Any]] = self.data["cases"]
        return cases

    # -- matching --------------------------------------------------------------------------

    def merged_into(self, case_id: str) -> str:
        """The case `case_id` lives on in: the end of its `merged_into` chain (itself if none)."""
        seen = {case_id}
        while (target := self.cases.get(case_id, {}).get("merged_into")) and target not in seen:
            seen.add(target)
            case_id = target
        return case_id

    def _merge_families(self) -> set[str]:
        """Entries that take every matching case: the merged ones and what they merged into."""
        merged = {case_id for case_id, e in self.cases.items() if e.get("merged_into")}
        return merged | {self.merged_into(case_id) for case_id in merged}

    def match(self, cases: Sequence[Case], pivot_token: Any) -> dict[str, str]:
        """Current case id -> baseline id (see the module docstring for the rule)."""
        shared_entries = self._merge_families()
        result = self._match_one_to_one(cases, pivot_token, shared_entries)
        return {case_id: self.merged_into(old_id) for case_id, old_id in result.items()}

    def _match_one_to_one(
        self, cases: Sequence[Case], pivot_token: Any, shared_entries: set[str]
    ) -> dict[str, str]:
        """The greedy matching; an entry in `shared_entries` may take several cases."""
        result: dict[str, str] = {}
        taken: set[str] = set()
        for case in cases:
            if case.case_id in self.cases:
                result[case.case_id] = case.case_id
                taken.add(case.case_id)
        candidates = []
        for case in cases:
            if case.case_id in result:
                continue
            records = set(case.records)
            pivots = {pivot_token(p) for p in case.pivots}
            for old_id, entry in self.cases.items():
                if old_id in taken and old_id not in shared_entries:
                    continue
                old_records = set(entry.get("records", ()))
                shared = len(records & old_records)
                smaller = min(len(records), len(old_records)) or 1
                if shared / smaller < MIN_OVERLAP:
                    continue
                shared_pivots = len(pivots & set(entry.get("pivots", ())))
                candidates.append(
                    (
                        -shared / smaller,
                        -shared,
                        -shared_pivots,
                        entry.get("first_seen", ""),
                        old_id,
                        case.case_id,
                    )
                )
        for *_, old_id, new_id in sorted(candidates):
            if new_id in result or (old_id in taken and old_id not in shared_entries):
                continue
            result[new_id] = old_id
            taken.add(old_id)
        return result

    # -- comparing and recording ------------------------------------------------------------

    def _suppressed(self, case_id: str, at: str) -> dict[str, Any] | None:
        for entry in self.data["suppressions"]:
            if entry.get("case_id") == case_id and (
                not entry.get("until") or str(entry["until"]) >= at[:10]
            ):
                return dict(entry)
        return None

    def apply(
        self,
        cases: Sequence[Case],
        pivot_token: Any,
        run_id: str,
        show_all: bool = False,
        record: bool = True,
    ) -> tuple[list[Case], dict[str, CaseStatus]]:
        """Give each case its baseline identity and status; record this scan in the baseline
        (saved by the caller). Returns the cases with baseline ids and their statuses."""
        at = now()
        matches = self.match(cases, pivot_token)
        renamed: list[Case] = []
        statuses: dict[str, CaseStatus] = {}
        for case in cases:
            old_id = matches.get(case.case_id)
            if old_id and old_id != case.case_id:
                computed = case.case_id
                case = case.model_copy(update={"case_id": old_id})
            else:
                computed = None
            snap = case_snapshot(case, pivot_token)
            entry = self.cases.get(case.case_id)
            if entry is None:
                status = CaseStatus(case.case_id, "new", True, ["not in the baseline"])
                status.first_seen = at
            else:
                reasons = changes_between(entry, snap)
                status = CaseStatus(
                    case.case_id, "changed" if reasons else "unchanged", bool(reasons), reasons
                )
                status.first_seen = entry.get("first_seen")
                status.verdict = entry.get("verdict")
                suppression = self._suppressed(case.case_id, at)
                status.suppressed = suppression is not None
                hidden_by = (
                    "dismissed"
                    if (status.verdict or {}).get("status") == "dismissed"
                    else "suppressed"
                    if suppression
                    else None
                )
                if hidden_by:
                    since = (
                        (status.verdict or {}).get("snapshot")
                        or (suppression or {}).get("snapshot")
                        or entry
                    )
                    material = changes_between(since, snap, material_only=True)
                    status.shown = bool(material)
                    if material:
                        status.status = "changed"
                        status.reasons = [
                            f"reappeared although {hidden_by}: " + "; ".join(material)
                        ]
            status.previous_id = computed
            if show_all:
                status.shown = True
            statuses[case.case_id] = status
            renamed.append(case)
            if record:
                seen = {"first_seen": at, "first_run": run_id, "last_seen": at, "last_run": run_id}
                seen.update(snap)
                self._scanned[case.case_id] = seen
                self.cases[case.case_id] = {
                    **(entry or {"first_seen": at, "first_run": run_id}),
                    "last_seen": at,
                    "last_run": run_id,
                    **snap,
                }
        return [_renamed_related(c, matches) for c in renamed], statuses

    def record_verdict(
        self, case_id: str, verdict: str, user: str, note: str | None = None
    ) -> dict[str, Any]:
        if verdict not in VERDICTS:
            raise BaselineError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
        entry = self.cases.get(case_id)
        if entry is None:
            known = ", ".join(sorted(self.cases)[:10]) or "none"
            raise BaselineError(
                f"{case_id} is not in {self.path} (cases there: {known}); scan with this "
                "--baseline first"
            )
        record = {
            "status": verdict,
            "by": user,
            "at": now(),
            "note": note or "",
            "snapshot": {k: entry.get(k) for k in ("score", "priority", "indicators")},
        }
        if entry.get("verdict"):
            entry.setdefault("history", []).append(entry["verdict"])
        entry["verdict"] = record
        self._verdicts.append((case_id, record))
        return record

    def suppress(
        self, case_id: str, user: str, note: str | None = None, until: str | None = None
    ) -> dict[str, Any]:
        entry = self.cases.get(case_id)
        if entry is None:
            raise BaselineError(f"{case_id} is not in {self.path}")
        record = {
            "case_id": case_id,
            "by": user,
            "at": now(),
            "note": note or "",
            "until": until,
            "snapshot": {k: entry.get(k) for k in ("score", "priority", "indicators")},
        }
        self.data["suppressions"].append(record)
        self._suppressions.append(record)
        return record


def changes_between(
    before: dict[str, Any], after: dict[str, Any], material_only: bool = False
) -> list[str]:
    """Why `after` differs from `before` (material: new indicators, higher priority or score)."""
    reasons = []
    new_indicators = sorted(set(after["indicators"]) - set(before.get("indicators") or ()))
    if new_indicators:
        reasons.append("new indicators " + ", ".join(new_indicators))
    old_rank = _PRIORITY_RANK.get(str(before.get("priority")), 0)
    if _PRIORITY_RANK.get(after["priority"], 0) > old_rank:
        reasons.append(f"priority {before.get('priority')} -> {after['priority']}")
    old_score = before.get("score")
    if isinstance(old_score, int | float) and after["score"] > old_score + 1e-9:
        reasons.append(f"score {old_score:g} -> {after['score']:g}")
    if material_only:
        return reasons
    new_findings = len(set(after["findings"]) - set(before.get("findings") or ()))
    if new_findings:
        reasons.append(f"{new_findings} new finding(s)")
    new_records = len(set(after["records"]) - set(before.get("records") or ()))
    if new_records:
        reasons.append(f"{new_records} new record(s)")
    return reasons


def _empty() -> dict[str, Any]:
    return {"version": BASELINE_VERSION, "cases": {}, "suppressions": []}


def _read(path: Path) -> dict[str, Any]:
    """The baseline's data as on disk (an empty baseline when there is no file yet)."""
    if not path.exists():
        return _empty()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, RecursionError) as exc:
        problem = " ".join(str(exc).split())
        raise BaselineError(f"{path}: not valid YAML ({problem})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read ({exc})") from None
    if not isinstance(data, dict):
        raise BaselineError(f"{path}: a baseline is a mapping with version and cases")
    version = data.get("version")
    if version != BASELINE_VERSION:
        raise BaselineError(
            f"{path}: baseline version {version!r} is not supported (expected {BASELINE_VERSION})"
        )
    if not isinstance(data.setdefault("cases", {}), dict) or not isinstance(
        data.setdefault("suppressions", []), list
    ):
        raise BaselineError(f"{path}: cases must be a mapping and suppressions a list")
    return data


def _write_atomically(path: Path, data: dict[str, Any]) -> None:
    """Write beside the target and rename over it: a reader sees the old or the new file."""
    text = (
        "# redflags verdict baseline (docs/reports.md). Edit with `redflags verdict`.\n"
        + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    )
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_baseline(path: Path, data: dict[str, Any]) -> None:
    """A whole baseline written at once (an export; a scan's changes go through save())."""
    if data.get("version") != BASELINE_VERSION:
        raise BaselineError(f"a baseline to write must have version {BASELINE_VERSION}")
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_atomically(path, data)


def default_baseline_path(store: Path) -> Path:
    """The baseline lives beside the store: `<store folder>/redflags.baseline.yaml`."""
    return store.parent / DEFAULT_NAME


def _renamed_related(case: Case, matches: dict[str, str]) -> Case:
    """Related cases (siblings from one split component) under their baseline ids too."""
    if case.network is None or not case.network.related_cases:
        return case
    related = tuple(sorted(matches.get(c, c) for c in case.network.related_cases))
    return case.model_copy(
        update={"network": case.network.model_copy(update={"related_cases": related})}
    )
