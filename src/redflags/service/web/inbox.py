"""The inbox: tabs (my cases, unassigned, awaiting my approval, all cases, alerts, the youth
queue), filters, sorting and pages over the case store, through the same `list_cases` the API's
GET /cases answers with. An htmx request gets the results alone, the rest the whole page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redflags.catalogue.schema import CATEGORY_TITLES, Category
from redflags.model import RecordKind
from redflags.service.alerts import list_alerts
from redflags.service.api.deps import Principal
from redflags.service.api.problems import ServiceError
from redflags.service.api.routes import alerts as api_alerts
from redflags.service.api.routes.catalogue import catalogue_of
from redflags.service.api.state import service
from redflags.service.cases import CaseQuery, list_cases
from redflags.service.cases_merge import MERGED
from redflags.service.db.models import AlertRow, CaseRow, Decision
from redflags.service.decisions import STATUSES
from redflags.service.roles import Role
from redflags.service.web.guard import AnalystPage, ViewerPage
from redflags.service.web.i18n import N_
from redflags.service.web.rendering import is_htmx, page, translate

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 25
CASE_TABS = ("mine", "unassigned", "approval", "all")
ITEM_TABS = ("alerts", "youth")
SORTS = ("score", "priority", "last_seen", "first_seen", "id")
PRIORITIES = ("high", "review")
MAX_CITIES = 500  # cities offered in the filter

# the inbox filters by every status a case can have, a merged case's too
LISTED_STATUSES = (*STATUSES, MERGED)


@dataclass(frozen=True)
class Filters:
    """What the inbox form asks for, read leniently: an unknown value is left out."""

    status: tuple[str, ...] = ()
    priority: tuple[str, ...] = ()
    indicator: str = ""
    category: str = ""
    record_kind: str = ""
    city: str = ""
    active_from: date | None = None
    active_to: date | None = None
    q: str = ""
    sort: str = "score"
    order: str = "desc"
    page: int = 1
    extra: dict[str, str] = field(default_factory=dict)

    def params(self, **changes: Any) -> str:
        """The query string of these filters with `changes` (for sort and page links)."""
        values = replace(self, **changes)
        pairs: list[tuple[str, str]] = [("status", s) for s in values.status]
        pairs += [("priority", p) for p in values.priority]
        for name in ("indicator", "category", "record_kind", "city", "q"):
            if getattr(values, name):
                pairs.append((name, getattr(values, name)))
        if values.active_from:
            pairs.append(("from", values.active_from.isoformat()))
        if values.active_to:
            pairs.append(("to", values.active_to.isoformat()))
        if values.sort != "score":
            pairs.append(("sort", values.sort))
        if values.order != "desc":
            pairs.append(("order", values.order))
        if values.page != 1:
            pairs.append(("page", str(values.page)))
        pairs += list(values.extra.items())
        return urlencode(pairs)

    @property
    def active(self) -> bool:
        return bool(
            self.status
            or self.priority
            or self.indicator
            or self.category
            or self.record_kind
            or self.city
            or self.active_from
            or self.active_to
            or self.q
        )


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def read_filters(request: Request, indicators: set[str]) -> Filters:
    query = request.query_params
    try:
        number = max(1, min(10_000, int(query.get("page", "1"))))
    except ValueError:
        number = 1
    category = query.get("category", "")
    kind = query.get("record_kind", "")
    indicator = query.get("indicator", "").upper()
    return Filters(
        status=tuple(s for s in query.getlist("status") if s in LISTED_STATUSES),
        priority=tuple(p for p in query.getlist("priority") if p in PRIORITIES),
        indicator=indicator if indicator in indicators else "",
        category=category if category in {c.value for c in Category} else "",
        record_kind=kind if kind in {k.value for k in RecordKind} else "",
        city=query.get("city", "").strip()[:100],
        active_from=_date(query.get("from")),
        active_to=_date(query.get("to")),
        q=query.get("q", "").strip()[:64],
        sort=query.get("sort") if query.get("sort") in SORTS else "score",  # type: ignore[arg-type]
        order="asc" if query.get("order") == "asc" else "desc",
        page=number,
    )


def case_query(filters: Filters, tab: str, limit: int | None = None, offset: int = 0) -> CaseQuery:
    return CaseQuery(
        status=filters.status,
        priority=filters.priority,
        indicator=[filters.indicator] if filters.indicator else [],
        category=[filters.category] if filters.category else [],
        record_kind=[filters.record_kind] if filters.record_kind else [],
        city=[filters.city] if filters.city else [],
        assignee={"mine": "me", "unassigned": "none"}.get(tab),
        awaiting_approval=True if tab == "approval" else None,
        # a case active in the period: it ends after its start and starts before its end
        last_event_from=filters.active_from,
        first_event_to=filters.active_to,
        q=filters.q or None,
        sort=filters.sort,  # type: ignore[arg-type]
        order=filters.order,  # type: ignore[arg-type]
        limit=limit or PAGE_SIZE,
        offset=offset,
    )


def _mine_to_approve(session: Session, user_id: int) -> set[str]:
    """Cases whose pending decision someone else proposed (four-eyes: not one's own)."""
    return set(
        session.scalars(
            select(Decision.case_id).where(
                Decision.state == "pending", Decision.proposed_by != user_id
            )
        )
    )


def _approval_page(session: Session, filters: Filters, who: Principal) -> dict[str, Any]:
    """Awaiting *my* approval: the pending cases less those I proposed myself (few)."""
    wanted = _mine_to_approve(session, who.user_id)
    every = list_cases(session, case_query(filters, "approval", limit=500), who.user_id)
    items = [i for i in every["items"] if i["id"] in wanted]
    start = (filters.page - 1) * PAGE_SIZE
    return {"total": len(items), "items": items[start : start + PAGE_SIZE]}


def case_page(session: Session, filters: Filters, tab: str, who: Principal) -> dict[str, Any]:
    if tab == "approval":
        return _approval_page(session, filters, who)
    offset = (filters.page - 1) * PAGE_SIZE
    return list_cases(session, case_query(filters, tab, offset=offset), who.user_id)


def tab_counts(session: Session, who: Principal) -> dict[str, int]:
    plain = Filters()
    counts = {
        tab: int(list_cases(session, case_query(plain, tab, limit=1), who.user_id)["total"])
        for tab in ("mine", "unassigned", "all")
    }
    counts["approval"] = (
        int(_approval_page(session, plain, who)["total"]) if who.may(Role.reviewer) else 0
    )
    return counts


def city_choices(session: Session) -> list[str]:
    cities: set[str] = set()
    for found in session.scalars(select(CaseRow.cities)):
        cities.update(c for c in found or () if isinstance(c, str))
        if len(cities) > MAX_CITIES:
            break
    return sorted(cities)[:MAX_CITIES]


def open_items(session: Session) -> dict[str, int]:
    """Open alerts and youth-queue items, by kind (the tabs' counts)."""
    rows = session.execute(
        select(AlertRow.kind, func.count()).where(AlertRow.state == "open").group_by(AlertRow.kind)
    )
    found = {kind: int(count) for kind, count in rows}
    return {"alert": found.get("alert", 0), "youth": found.get("youth", 0)}


def _tab_of(request: Request, who: Principal, counts: dict[str, int]) -> str:
    asked = request.query_params.get("tab", "")
    if asked in CASE_TABS + ITEM_TABS:
        if asked == "approval" and not who.may(Role.reviewer):
            return "all"
        return asked
    return "mine" if counts["mine"] else "all"


@router.get("/")
def inbox(who: ViewerPage, request: Request) -> Response:
    state = service(request)
    catalogue = catalogue_of(state)
    indicators = {i.id: i for i in catalogue}
    filters = read_filters(request, set(indicators))
    with state.db.read() as session:
        counts = tab_counts(session, who)
        tab = _tab_of(request, who, counts)
        filters = replace(filters, extra={"tab": tab})
        if tab in ITEM_TABS:
            kind = "alert" if tab == "alerts" else "youth"
            offset = (filters.page - 1) * PAGE_SIZE
            results = list_alerts(session, state.key, kind, (), PAGE_SIZE, offset)
        else:
            results = case_page(session, filters, tab, who)
        alert_totals = open_items(session)
        cities = city_choices(session) if tab in CASE_TABS else []
    context = {
        "nav": "inbox",
        "tab": tab,
        "counts": counts,
        "alert_totals": alert_totals,
        "filters": filters,
        "results": results,
        "page_size": PAGE_SIZE,
        "indicators": indicators,
        "categories": [(c.value, CATEGORY_TITLES[c]) for c in Category],
        "record_kinds": [k.value for k in RecordKind],
        "statuses": LISTED_STATUSES,
        "priorities": PRIORITIES,
        "cities": cities,
        "sorts": SORTS,
    }
    if is_htmx(request) and request.headers.get("hx-target") == "inbox-results":
        return page(request, "_inbox_results.html", context)
    return page(request, "inbox.html", context)


_ALERT_REFUSALS: dict[int, str] = defaultdict(
    lambda: N_("There is no such alert."),
    {
        403: N_("A reviewer other than the person who asked must confirm this dismissal."),
        409: N_("The alert changed meanwhile; reload the page."),
    },
)


@router.post("/alerts/{alert_id}/state")
def alert_state(
    alert_id: str,
    who: AnalystPage,
    request: Request,
    state: Annotated[str, Form(max_length=16)] = "",
) -> Response:
    """Open, escalate or dismiss an alert or youth-queue item (the API's PATCH /alerts)."""
    status, problem = 200, ""
    try:
        asked = api_alerts.StateChange.model_validate({"state": state})
        changed = api_alerts.change_state(alert_id, asked, who, request)
    except ValidationError:
        status, problem = 422, translate(request, "That state does not exist.")
    except ServiceError as refusal:
        status, problem = refusal.status, translate(request, _ALERT_REFUSALS[refusal.status])
    if status != 200:
        changed = {"id": alert_id, "state": ""}
    if not is_htmx(request):
        if status != 200:
            return page(request, "error.html", {"message": problem, "back": "/?tab=alerts"}, status)
        return RedirectResponse("/?tab=alerts", status_code=303)
    return page(request, "_alert_state.html", {"a": changed, "problem": problem}, status=status)
