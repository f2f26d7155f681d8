"""The service's online scorer: one `redflags.online.OnlineScorer` per process, built on first
use (its language models take seconds to load), with the reference index of known clusters when
the service keeps a record store (`state_dir/records.duckdb`, e.g. filled by `redflags scan --db
… --publish`): the ads of open cases, whose templates and photos an incoming ad may match.

Which open cases share an identifier with the item is asked of the case store by keyed digest
(pivots.py), so that lookup keeps no identifier in clear."""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy import select

from redflags.online import OnlineScorer, ReferenceIndex
from redflags.online.results import ItemResult
from redflags.service.db.models import CasePivot, CaseRow
from redflags.service.keys import pivot_digest
from redflags.service.publish import CLOSED
from redflags.store import Store, StoreError

log = logging.getLogger("redflags.service")
_LOCK = threading.Lock()
_SCORERS: dict[str, OnlineScorer] = {}


def scorer_for(state: Any) -> OnlineScorer:
    """The process's scorer for this service (built once, under a lock)."""
    key = str(state.settings.state_dir.resolve())
    with _LOCK:
        scorer = _SCORERS.get(key)
        if scorer is None:
            region = state.settings.region
            scorer = OnlineScorer(reference=_reference(state, region), region=region)
            scorer.warm_up()
            _SCORERS[key] = scorer
    return scorer


def _reference(state: Any, region: str) -> ReferenceIndex | None:
    path = state.settings.records_db
    if not path.exists():
        return None
    with state.db.read() as session:
        rows = session.execute(
            select(CaseRow.id, CaseRow.payload).where(CaseRow.status.not_in(CLOSED))
        )
        refs: dict[str, list[str]] = {}
        for case_id, payload in rows:
            for ref in payload.get("records", ()):
                if ref.startswith("ad:"):
                    refs.setdefault(ref, []).append(case_id)
    if not refs:
        return None
    try:
        with Store.open(path, read_only=True) as store:
            return ReferenceIndex.build(store, refs, region=region)
    except StoreError as exc:  # a scan job holds the store: score without matching, say so
        log.warning("online scoring without the reference index: %s", exc)
        return None


def open_cases_sharing(session: Any, key: bytes, result: ItemResult) -> dict[str, list[str]]:
    """Pivot of the item -> ids of open cases that hold it."""
    wanted = {pivot_digest(key, p): p for p in result.pivots if ":" in p}
    if not wanted:
        return {}
    rows = session.execute(
        select(CasePivot.digest, CasePivot.case_id)
        .join(CaseRow, CaseRow.id == CasePivot.case_id)
        .where(CasePivot.digest.in_(list(wanted)), CaseRow.status.not_in(CLOSED))
    )
    found: dict[str, list[str]] = {}
    for digest, case_id in rows:
        found.setdefault(wanted[digest], []).append(case_id)
    return found
