"""A generated world cut by date into a history and a daily delta, for incremental scans.

`cut_world(world, out, share)` writes `out/history/world/` (every record before the cut) and
`out/delta/world/` (every record at or after it), the cut being the date after which `share`
of the timestamped records fall. Both folders are named `world`, so their records are one
source, as a bank's daily exports of one system are; records without a time (the company
register, customers never onboarded) are history. The ad photos are linked into both, so an
ad's photos are found beside it wherever it was ingested from.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

# the time of each kind's records; a kind not named here has none (all history)
TIME_FIELDS = {
    "ads": "posted_at",
    "messages": "sent_at",
    "transactions": "ts",
    "customers": "onboarded_at",
    "device_events": "ts",
    "kyc_events": "ts",
    "observations": "observed_at",
}
KINDS = (*TIME_FIELDS, "companies")


@dataclass(frozen=True)
class WorldCut:
    history: Path
    delta: Path
    cut: datetime
    history_rows: int
    delta_rows: int


def cut_world(world: Path, out: Path, share: float = 0.01) -> WorldCut:
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    parts = {k: str(world / k / "*.parquet") for k in KINDS if any((world / k).glob("*.parquet"))}
    timed = [k for k in parts if k in TIME_FIELDS]
    # the field names are the generator's own; the paths and the share go in as parameters
    times = " UNION ALL ".join(f"SELECT {TIME_FIELDS[k]} AS t FROM read_parquet(?)" for k in timed)
    query = f"SELECT quantile_disc(t, ?) FROM ({times})"
    (cut,) = con.execute(query, [1 - share, *(parts[k] for k in timed)]).fetchone()  # type: ignore[misc]
    history, delta = out / "history" / "world", out / "delta" / "world"
    rows = {"history": 0, "delta": 0}
    for kind, pattern in parts.items():
        field = TIME_FIELDS.get(kind)
        after = f"TIMESTAMPTZ '{cut.isoformat()}'"
        is_delta = f"{field} IS NOT NULL AND {field} >= {after}" if field else "false"
        for folder, where in ((history, f"NOT ({is_delta})"), (delta, is_delta)):
            query = f"SELECT * FROM read_parquet('{pattern}') WHERE {where}"
            (n,) = con.execute(f"SELECT count(*) FROM ({query})").fetchone()  # type: ignore[misc]
            if not n:
                continue
            (folder / kind).mkdir(parents=True, exist_ok=True)
            target = folder / kind / "part-00000.parquet"
            con.execute(f"COPY ({query}) TO '{target}' (FORMAT parquet)")
            rows["history" if folder == history else "delta"] += n
    for folder in (history, delta):
        folder.mkdir(parents=True, exist_ok=True)
        if (world / "images").is_dir() and not (folder / "images").exists():
            os.symlink((world / "images").resolve(), folder / "images")
    return WorldCut(history, delta, cut, rows["history"], rows["delta"])
