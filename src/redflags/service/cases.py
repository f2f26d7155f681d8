"""The case inbox: filters, sort orders and pages over the case store, and the summary of one
case as the list shows it. Reads only the columns a list needs (never the case's JSON)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, case, cast, exists, false, func, literal, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from redflags.service.clock import aware
from redflags.service.db.models import CaseRow, Decision, User

SortKey = Literal["score", "priority", "last_seen", "first_seen", "id"]
Order = Literal["asc", "desc"]
PRIORITY_RANK = {"high": 2, "review": 1}


@dataclass(frozen=True)
class CaseQuery:
    """What the inbox asks for. Several values of `status`, `priority` or `scan_status` mean
    any of them; several of `indicator`, `category`, `record_kind` or `city` mean all of them
    (each narrows the list). `assignee` is a username, "me" or "none"."""

    status: Sequence[str] = ()
    priority: Sequence[str] = ()
    scan_status: Sequence[str] = ()
    indicator: Sequence[str] = ()
    category: Sequence[str] = ()
    record_kind: Sequence[str] = ()
    city: Sequence[str] = ()
    assignee: str | None = None
    youth: bool | None = None
    awaiting_approval: bool | None = None
    first_event_from: date | None = None
    first_event_to: date | None = None
    last_event_from: date | None = None
    last_event_to: date | None = None
    q: str | None = None  # part of a case id
    sort: SortKey = "score"
    order: Order = "desc"
    limit: int = 50
    offset: int = 0


def _holds(session: Session, column: InstrumentedAttribute[Any], value: str) -> Any:
    """The JSON list in `column` holds `value` (SQLite: json_each; PostgreSQL: jsonb @>)."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(column, JSONB).contains([value])
    each = func.json_each(column).table_valued("value").alias()
    return exists(select(literal(1)).select_from(each).where(each.c.value == value))


def _awaiting() -> ColumnElement[bool]:
    return exists(
        select(Decision.id).where(Decision.case_id == CaseRow.id, Decision.state == "pending")
    )


def _escaped_like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _conditions(session: Session, query: CaseQuery, me: int | None) -> list[Any]:
    where: list[Any] = []
    for column, values in (
        (CaseRow.status, query.status),
        (CaseRow.priority, query.priority),
        (CaseRow.scan_status, query.scan_status),
    ):
        if values:
            where.append(column.in_(list(values)))
    for json_column, values in (
        (CaseRow.indicators, [v.upper() for v in query.indicator]),
        (CaseRow.categories, query.category),
        (CaseRow.record_kinds, query.record_kind),
        (CaseRow.cities, query.city),
    ):
        where.extend(_holds(session, json_column, v) for v in values)
    if query.assignee == "none":
        where.append(CaseRow.assignee_id.is_(None))
    elif query.assignee == "me":
        where.append(CaseRow.assignee_id == me if me is not None else false())
    elif query.assignee:
        owner = select(User.id).where(User.username == query.assignee.strip().lower())
        where.append(CaseRow.assignee_id == owner.scalar_subquery())
    if query.youth is not None:
        where.append(CaseRow.youth.is_(query.youth))
    if query.awaiting_approval is not None:
        where.append(_awaiting() if query.awaiting_approval else ~_awaiting())
    # event times are ISO texts in UTC: they compare as text; "to" takes in its whole day
    for event, start, end in (
        (CaseRow.first_event, query.first_event_from, query.first_event_to),
        (CaseRow.last_event, query.last_event_from, query.last_event_to),
    ):
        if start is not None:
            where.append(event >= start.isoformat())
        if end is not None:
            where.append(event < (end + timedelta(days=1)).isoformat())
    if query.q:
        where.append(
            func.lower(CaseRow.id).like(_escaped_like(query.q.strip().lower()), escape="\\")
        )
    return where


def _order(query: CaseQuery) -> list[Any]:
    priority = case(
        *((CaseRow.priority == name, rank) for name, rank in PRIORITY_RANK.items()), else_=0
    )
    key: Any = {
        "score": CaseRow.score,
        "priority": priority,
        "last_seen": CaseRow.last_seen,
        "first_seen": CaseRow.first_seen,
        "id": CaseRow.id,
    }[query.sort]
    direction = key.desc() if query.order == "desc" else key.asc()
    tie = CaseRow.id.desc() if query.order == "desc" else CaseRow.id.asc()
    return [direction, tie] if query.sort != "id" else [direction]


SUMMARY_COLUMNS = (
    CaseRow.id,
    CaseRow.status,
    CaseRow.merged_into,
    CaseRow.priority,
    CaseRow.score,
    CaseRow.youth,
    CaseRow.indicators,
    CaseRow.categories,
    CaseRow.record_kinds,
    CaseRow.cities,
    CaseRow.n_records,
    CaseRow.n_findings,
    CaseRow.first_event,
    CaseRow.last_event,
    CaseRow.scan_status,
    CaseRow.change_reasons,
    CaseRow.version,
    CaseRow.first_seen,
    CaseRow.last_seen,
    CaseRow.updated_at,
)


def _summary_select() -> Select[Any]:
    assignee = aliased(User)
    return (
        select(
            *SUMMARY_COLUMNS,
            assignee.username.label("assignee"),
            _awaiting().label("awaiting_approval"),
        )
        .select_from(CaseRow)
        .outerjoin(assignee, assignee.id == CaseRow.assignee_id)
    )


def stamp(value: datetime | None) -> str | None:
    """A stored time as ISO 8601 text in UTC (JSON-ready; SQLite gives it back naive)."""
    moment = aware(value)
    return moment.isoformat() if moment is not None else None


def summary(values: Any) -> dict[str, Any]:
    """One case as the inbox lists it (from a row of `_summary_select`)."""
    return {
        "id": values.id,
        "status": values.status,
        "merged_into": values.merged_into,
        "priority": values.priority,
        "score": round(float(values.score), 1),
        "youth": bool(values.youth),
        "assignee": values.assignee,
        "indicators": list(values.indicators or ()),
        "categories": list(values.categories or ()),
        "record_kinds": list(values.record_kinds or ()),
        "cities": list(values.cities or ()),
        "n_records": values.n_records,
        "n_findings": values.n_findings,
        "first_event": values.first_event,
        "last_event": values.last_event,
        "scan_status": values.scan_status,
        "change_reasons": list(values.change_reasons or ()),
        "version": values.version,
        "awaiting_approval": bool(values.awaiting_approval),
        "first_seen": stamp(values.first_seen),
        "last_seen": stamp(values.last_seen),
        "updated_at": stamp(values.updated_at),
    }


def list_cases(session: Session, query: CaseQuery, me: int | None = None) -> dict[str, Any]:
    """A page of cases and how many match in all."""
    where = _conditions(session, query, me)
    base = _summary_select().where(*where)
    counted = select(func.count()).select_from(CaseRow).where(*where)
    total = session.scalar(counted) or 0
    rows = session.execute(base.order_by(*_order(query)).limit(query.limit).offset(query.offset))
    return {
        "total": total,
        "limit": query.limit,
        "offset": query.offset,
        "items": [summary(r) for r in rows],
    }


def case_summary(session: Session, case_id: str) -> dict[str, Any] | None:
    found = session.execute(_summary_select().where(CaseRow.id == case_id)).first()
    return summary(found) if found is not None else None
