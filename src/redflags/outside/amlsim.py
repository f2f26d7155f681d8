"""IBM AMLSim samples (e.g. `20K_fanin200.tgz`): an outside check of the fan-in style rules.

AMLSim (https://github.com/IBM/AMLSim, Apache-2.0) simulates bank transfers with planted
laundering "alert groups". Laundering is not trafficking: what the rules find here checks the
aggregate machinery (windows, distinct payers, thresholds, findings per account), never a
trafficking detection rate.

Mapping, chosen once and documented here:

- The archive is read in place with `tarfile`; nothing is unpacked and nothing is downloaded.
  `nodes.csv` (nodeid, isFraud, init_balance, fraudStep) gives the labels; `transactions.csv`
  (sourceNodeId, targetNodeId, value, time) gives the transactions.
- `txn_id` is `amlsim-<n>` for the n-th data row of transactions.csv (stable, unique).
- `time` is a simulation step; step s is the day `START_DAY + s days`, every payment at 12:00
  UTC (AMLSim has no time of day; noon keeps evening/night rules from firing by accident).
- Amounts are in an unspecified currency and are stored as they are, in `AMLSIM_CURRENCY`
  ("XXX", ISO 4217's "no currency"), never rescaled. The run's currency setting is "XXX" (and
  its time zone UTC) instead, so currency filters keep every row;
  amount thresholds (price bands, round values) are left as catalogued or switched off by a
  named override, never scaled.
- `channel` is "transfer"; payer and payee are the node ids as text.
- A row that cannot be mapped (step not a whole number >= 0, wrong number of fields) is still
  handed to the normal ingest with the problem in its `ts`, so it is quarantined with a reason
  and read = stored + quarantined holds for the file.

Labels: `isFraud` per account. AMLSim's `fraudStep` is the step at which an alert member made
its laundering payments, so an *alert payment* is a payment from an isFraud account to an
isFraud account at the payer's fraudStep. A *fan-in receiver* is an isFraud account receiving
alert payments from at least `MIN_FAN_IN_MEMBERS` distinct alert members; its group is itself
plus those members (derived here: the sample does not ship group ids).
"""

from __future__ import annotations

import csv
import io
import json
import os
import tarfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path, PurePosixPath
from typing import IO, Any

from redflags.catalogue import CatalogueError
from redflags.catalogue.loader import default_root, parse_file
from redflags.catalogue.schema import Indicator
from redflags.detectors import detector_for
from redflags.engines import DuckDBEngine
from redflags.ingest import IngestReport, ingest_records
from redflags.model import RecordKind
from redflags.store import Store

AMLSIM_SOURCE = "amlsim"
AMLSIM_CURRENCY = "XXX"  # ISO 4217: no currency. AMLSim does not say what its amounts are.
START_DAY = date(2017, 1, 1)  # step 0; AMLSim has no calendar
TIME_OF_DAY = clock(12, 0, tzinfo=UTC)
MIN_FAN_IN_MEMBERS = 2
RUN_OPTIONS: dict[str, Any] = {"currency": AMLSIM_CURRENCY, "timezone": "UTC"}

NODE_COLUMNS = ("nodeid", "isFraud", "fraudStep")
TXN_COLUMNS = ("sourceNodeId", "targetNodeId", "value", "time")

BUYER = "FIN-BUYER-PAYS-THIRD-PARTY"
FAN_IN = "FIN-FAN-IN-FROM-WORKERS"

# Parameters that only point a detector at this data (AMLSim rows are transfers); thresholds
# stay as catalogued. Currency ("XXX") and time zone (UTC) are run settings (RUN_OPTIONS): the
# detectors read them from the run, and their typed params refuse keys they do not have.
DATA_FILTERS: dict[str, Any] = {"channels": ["transfer"]}
# FIN-BUYER-PAYS-THIRD-PARTY reduced to its many-distinct-payers part: the one-off, evening,
# price-band and round-value conditions describe buyers of sex, not laundering, so they are set
# to 0 (always true). min_distinct_payers and window_days stay as catalogued.
MANY_PAYERS_ONLY: dict[str, Any] = {
    **DATA_FILTERS,
    "min_one_off_share": 0.0,
    "min_evening_night_share": 0.0,
    "min_in_band_share": 0.0,
    "min_round_share": 0.0,
}
# FIN-FAN-IN-FROM-WORKERS reads KYC (surnames, onboarding dates) that AMLSim has not; its SQL
# joins the account holders, so without customers it cannot fire whatever its thresholds. The
# override variant therefore runs on STAND-IN KYC (`standin_customers`: every account its own
# surname, every account onboarded at step 0, so every sender is "unrelated" and "new" within the
# 149 simulated days) and lets one month of payments count as regular, because an AMLSim alert
# member pays at one step only. Only keys the catalogued parameters have are applied.
FAN_IN_STANDIN: dict[str, Any] = {"min_months_per_sender": 1}
STANDIN_SOURCE = "amlsim-standin-kyc"


class AmlsimError(Exception):
    """The archive cannot be read as an AMLSim sample (missing member, missing columns)."""


@dataclass(frozen=True)
class AmlsimLabels:
    """AMLSim's own labels, by account id (the node id as text)."""

    is_fraud: dict[str, bool]
    fraud_step: dict[str, int]
    alert_senders: dict[str, frozenset[str]]  # isFraud payee -> alert members paying it
    bad_node_rows: tuple[tuple[int, str], ...] = ()  # (line, reason): not used as labels

    @property
    def positives(self) -> frozenset[str]:
        return frozenset(a for a, fraud in self.is_fraud.items() if fraud)

    @property
    def receivers(self) -> frozenset[str]:
        """Fan-in receivers: alert payments from at least MIN_FAN_IN_MEMBERS members."""
        return frozenset(
            r for r, members in self.alert_senders.items() if len(members) >= MIN_FAN_IN_MEMBERS
        )

    @property
    def groups(self) -> dict[str, str]:
        """Account -> its derived alert group (named by the receiver), for every fan-in."""
        group: dict[str, str] = {}
        for receiver in sorted(self.alert_senders):
            group.setdefault(receiver, receiver)
            for member in sorted(self.alert_senders[receiver]):
                group.setdefault(member, receiver)
        return group


@dataclass(frozen=True)
class AmlsimLoad:
    archive: str
    report: IngestReport
    labels: AmlsimLabels
    seconds: float


def _where(tar: tarfile.TarFile) -> str:
    return os.fsdecode(tar.name) if tar.name else "archive"


def _member(tar: tarfile.TarFile, name: str) -> IO[bytes]:
    found = [m for m in tar.getmembers() if m.isfile() and PurePosixPath(m.name).name == name]
    if len(found) != 1:
        problem = "no" if not found else f"{len(found)}"
        raise AmlsimError(f"{_where(tar)}: {problem} {name} in the archive")
    handle = tar.extractfile(found[0])
    if handle is None:  # pragma: no cover - isfile() members always have a stream
        raise AmlsimError(f"{_where(tar)}: cannot read {name}")
    return handle


def _csv(
    tar: tarfile.TarFile, name: str, wanted: Sequence[str]
) -> Iterator[tuple[int, list[str], dict[str, int]]]:
    """(line, fields, column index) of every data row; the header must name `wanted`."""
    text = io.TextIOWrapper(_member(tar, name), encoding="utf-8", newline="")
    reader = csv.reader(text)
    header = [h.strip() for h in next(reader, [])]
    index = {column: at for at, column in enumerate(header)}
    missing = [column for column in wanted if column not in index]
    if missing:
        raise AmlsimError(f"{_where(tar)}: {name} lacks column(s) {', '.join(missing)}")
    for fields in reader:
        yield reader.line_num, fields, index


def _whole(text: str) -> int | None:
    try:
        value = int(text.strip())
    except ValueError:
        return None
    return value


def _read_nodes(
    tar: tarfile.TarFile,
) -> tuple[dict[str, bool], dict[str, int], list[tuple[int, str]]]:
    is_fraud: dict[str, bool] = {}
    fraud_step: dict[str, int] = {}
    bad: list[tuple[int, str]] = []
    for line, fields, index in _csv(tar, "nodes.csv", NODE_COLUMNS):
        if len(fields) != len(index):
            bad.append((line, f"{len(fields)} fields, the header has {len(index)}"))
            continue
        node = fields[index["nodeid"]].strip()
        flag = fields[index["isFraud"]].strip()
        step = _whole(fields[index["fraudStep"]])
        if not node or flag not in ("0", "1") or step is None:
            bad.append((line, f"unreadable node row {fields!r}"))
            continue
        if node in is_fraud:
            bad.append((line, f"duplicate nodeid {node!r}"))
            continue
        is_fraud[node] = flag == "1"
        fraud_step[node] = step
    return is_fraud, fraud_step, bad


def day_of(step: int) -> datetime:
    """The timestamp a simulation step is stored at."""
    return datetime.combine(START_DAY + timedelta(days=step), TIME_OF_DAY)


def _transactions(
    tar: tarfile.TarFile,
    is_fraud: Mapping[str, bool],
    fraud_step: Mapping[str, int],
    alert_senders: dict[str, set[str]],
) -> Iterator[dict[str, Any]]:
    """Canonical transaction rows; also collects the alert payments into `alert_senders`."""
    for number, (line, fields, index) in enumerate(
        _csv(tar, "transactions.csv", TXN_COLUMNS), start=1
    ):

        def get(
            column: str, fields: list[str] = fields, index: dict[str, int] = index
        ) -> str | None:
            at = index[column]
            return fields[at] if at < len(fields) else None

        payer, payee, step_text = get("sourceNodeId"), get("targetNodeId"), get("time")
        step = _whole(step_text) if step_text is not None else None
        ts: Any
        if len(fields) != len(index):
            ts = f"row has {len(fields)} fields, the header has {len(index)}"
        elif step is None or step < 0:
            ts = f"step {step_text!r} is not a whole number >= 0"
        else:
            ts = day_of(step)
            if (
                payer is not None
                and payee is not None
                and is_fraud.get(payer.strip())
                and is_fraud.get(payee.strip())
                and fraud_step.get(payer.strip()) == step
            ):
                alert_senders[payee.strip()].add(payer.strip())
        yield {
            "txn_id": f"amlsim-{number}",
            "ts": ts,
            "payer": payer,
            "payee": payee,
            "amount": get("value"),
            "currency": AMLSIM_CURRENCY,
            "channel": "transfer",
            # not canonical fields: ignored by validation, kept in a quarantine entry's raw row
            "source_line": line,
            "source_time": step_text,
        }


def load_amlsim(archive: Path, store: Store) -> AmlsimLoad:
    """Ingest an AMLSim sample's transactions into `store`; return the report and the labels."""
    archive = Path(archive)
    if not archive.is_file():
        raise AmlsimError(f"{archive}: no such file")
    started = time.perf_counter()
    alert_senders: dict[str, set[str]] = defaultdict(set)
    try:
        with tarfile.open(archive, "r:*") as tar:
            is_fraud, fraud_step, bad_nodes = _read_nodes(tar)
            rows = _transactions(tar, is_fraud, fraud_step, alert_senders)
            report = ingest_records(
                store,
                RecordKind.TRANSACTION,
                rows,
                AMLSIM_SOURCE,
                f"{archive}!transactions.csv",
            )
    except (tarfile.TarError, OSError, UnicodeDecodeError, csv.Error) as exc:
        raise AmlsimError(f"{archive}: {exc}") from None
    labels = AmlsimLabels(
        is_fraud=is_fraud,
        fraud_step=fraud_step,
        alert_senders={r: frozenset(m) for r, m in alert_senders.items()},
        bad_node_rows=tuple(bad_nodes),
    )
    return AmlsimLoad(str(archive), report, labels, time.perf_counter() - started)


# -- the check ------------------------------------------------------------------------------------


@dataclass
class Variant:
    """One indicator run: catalogue as is, or with a named, documented parameter override."""

    name: str
    indicator_id: str
    description: str
    overrides: dict[str, Any] = field(default_factory=dict)
    ran: bool = False
    note: str | None = None
    flagged: frozenset[str] = frozenset()
    seconds: float = 0.0


def _with_params(indicator: Indicator, overrides: Mapping[str, Any]) -> Indicator:
    params = {**indicator.detector.params, **overrides}
    detector = indicator.detector.model_copy(update={"params": params})
    return indicator.model_copy(update={"detector": detector})


def load_indicators(ids: Sequence[str] = (BUYER, FAN_IN)) -> dict[str, Indicator]:
    """Just the indicators this check runs, parsed and validated like the catalogue's.

    Not the whole catalogue: an unrelated indicator or example file being edited must not stop
    an outside check of two rules. Raises CatalogueError naming file and line.
    """
    problems: list[str] = []
    found: dict[str, Indicator] = {}
    for indicator_id in ids:
        paths = sorted(default_root().rglob(f"{indicator_id}.yaml"))
        if len(paths) != 1:
            problems.append(f"{indicator_id}: {len(paths)} catalogue files, expected 1")
            continue
        indicator = parse_file(paths[0], Indicator, problems)
        if indicator is not None:
            found[indicator_id] = indicator
    if problems:
        raise CatalogueError(problems)
    return found


def _run(variant: Variant, indicators: Mapping[str, Indicator], engine: DuckDBEngine) -> Variant:
    indicator = indicators[variant.indicator_id]
    detector = detector_for(_with_params(indicator, variant.overrides), dict(RUN_OPTIONS))
    if detector is None:
        why = (
            "status planned"
            if indicator.planned
            else f"no detector of kind {indicator.detector.kind!r}"
        )
        variant.note = f"not run: {variant.indicator_id} has no working detector yet ({why})"
        return variant
    started = time.perf_counter()
    try:
        subjects = {f.subject for f in detector.evaluate(engine) if f.subject_kind == "account"}
    except Exception as exc:  # a detector written by someone else: report, do not crash the check
        variant.note = f"failed: {type(exc).__name__}: {exc}"
        return variant
    variant.ran = True
    variant.flagged = frozenset(subjects)
    variant.seconds = time.perf_counter() - started
    return variant


def _variants(indicators: Mapping[str, Indicator]) -> list[Variant]:
    variants = [
        Variant(
            "buyer-as-is",
            BUYER,
            "catalogue parameters unchanged (P2P, DKK): AMLSim has neither, so nothing is read",
        ),
        Variant(
            "buyer-as-is-on-amlsim",
            BUYER,
            "catalogue thresholds; only channels, currency and time zone pointed at AMLSim",
            dict(DATA_FILTERS),
        ),
        Variant(
            "buyer-many-payers-only",
            BUYER,
            "OVERRIDE: only >= min_distinct_payers distinct payers in a window; one-off, "
            "evening/night, price-band and round-value conditions off",
            dict(MANY_PAYERS_ONLY),
        ),
        Variant(
            "fan-in-as-is",
            FAN_IN,
            "catalogue thresholds, on STAND-IN KYC (see fan-in-standin-kyc); run currency XXX, UTC",
        ),
    ]
    known = indicators[FAN_IN].detector.params
    applied = {k: v for k, v in FAN_IN_STANDIN.items() if k in known}
    variants.append(
        Variant(
            "fan-in-standin-kyc",
            FAN_IN,
            "OVERRIDE on STAND-IN KYC (each account its own surname, all onboarded at step 0): "
            "one month of payments counts as regular"
            + ("" if applied else " - but the catalogue has no min_months_per_sender"),
            applied,
        )
    )
    return variants


def _ratio(part: int, whole: int) -> float:
    """part / whole rounded to 4 places; 0.0 when whole is 0 (nothing flagged or no positives)."""
    return round(part / whole, 4) if whole else 0.0


def account_metrics(flagged: frozenset[str], positives: frozenset[str]) -> dict[str, Any]:
    hits = len(flagged & positives)
    return {
        "flagged": len(flagged),
        "positives": len(positives),
        "true_positives": hits,
        "precision": _ratio(hits, len(flagged)),
        "recall": _ratio(hits, len(positives)),
    }


@dataclass(frozen=True)
class AmlsimCheck:
    load: AmlsimLoad
    variants: list[Variant]
    seconds: float

    def metrics(self) -> dict[str, Any]:
        labels, report = self.load.labels, self.load.report
        return {
            "archive": self.load.archive,
            "note": "Laundering is not trafficking: this checks the aggregate machinery, "
            "not a trafficking detection rate.",
            "mapping": {
                "currency": AMLSIM_CURRENCY,
                "step_0": START_DAY.isoformat(),
                "time_of_day_utc": TIME_OF_DAY.strftime("%H:%M"),
                "channel": "transfer",
                "run_options": RUN_OPTIONS,
            },
            "ingest": {
                "read": report.read,
                "stored": report.stored,
                "quarantined": report.quarantined,
                "seconds": round(self.load.seconds, 2),
            },
            "labels": {
                "accounts": len(labels.is_fraud),
                "is_fraud": len(labels.positives),
                "fan_in_groups": len(labels.alert_senders),
                "fan_in_receivers": len(labels.receivers),
                "min_fan_in_members": MIN_FAN_IN_MEMBERS,
                "grouped_accounts": len(labels.groups),
                "bad_node_rows": len(labels.bad_node_rows),
            },
            "variants": [
                {
                    "name": v.name,
                    "indicator": v.indicator_id,
                    "description": v.description,
                    "overrides": v.overrides,
                    "ran": v.ran,
                    "note": v.note,
                    "seconds": round(v.seconds, 2),
                    "is_fraud": account_metrics(v.flagged, labels.positives) if v.ran else None,
                    "receivers": account_metrics(v.flagged, labels.receivers) if v.ran else None,
                }
                for v in self.variants
            ],
            "seconds": round(self.seconds, 2),
        }


def standin_customers(labels: AmlsimLabels) -> Iterator[dict[str, Any]]:
    """Stand-in KYC for the fan-in rule only: AMLSim has no customers. Not evidence of anything:
    every account is its own surname and became a customer at step 0."""
    for account in sorted(labels.is_fraud):
        yield {
            "customer_id": f"amlsim-{account}",
            "account_id": account,
            "last_name": f"amlsim-{account}",
            "onboarded_at": day_of(0),
            "segment": "private",
        }


def check_amlsim(
    archive: Path, out: Path | None = None, memory_limit: str | None = None
) -> AmlsimCheck:
    """Load a sample into a fresh store, run the fan-in style indicators, measure per account.

    With `out`, the store is kept as `out/amlsim.duckdb` (replaced if present) and the metrics
    are written to `out/amlsim_metrics.json`; otherwise the store lives in memory.
    """
    started = time.perf_counter()
    db: Path | None = None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        db = out / "amlsim.duckdb"
        for stale in (db, db.with_name(db.name + ".wal")):
            stale.unlink(missing_ok=True)
    indicators = load_indicators()
    with Store.open(db) as store:
        if memory_limit:
            store.limit_memory(memory_limit)
        load = load_amlsim(archive, store)
        ingest_records(store, RecordKind.CUSTOMER, standin_customers(load.labels), STANDIN_SOURCE)
        engine = DuckDBEngine(store.connection)
        variants = [_run(v, indicators, engine) for v in _variants(indicators)]
    check = AmlsimCheck(load, variants, time.perf_counter() - started)
    if out is not None:
        text = json.dumps(check.metrics(), indent=2, ensure_ascii=False)
        (out / "amlsim_metrics.json").write_text(text + "\n", encoding="utf-8")
    return check


def group_sizes(labels: AmlsimLabels) -> Counter[int]:
    """How many fan-ins have k alert members (for the docs)."""
    return Counter(len(m) for m in labels.alert_senders.values())
