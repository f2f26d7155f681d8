"""The case page, its network data, and the team's work on it: assignment, comments, decisions
with four-eyes approval, and revealing one identifier with a reason. Every change goes through
the API's own route functions (the same checks, optimistic locking and audit rows); an htmx
request gets the changed panel back, a plain form a redirect to the case."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from redflags.service.api.deps import Principal
from redflags.service.api.fields import MIN_REASON_CHARS
from redflags.service.api.problems import ServiceError
from redflags.service.api.routes import cases as api_cases
from redflags.service.api.routes.catalogue import catalogue_of
from redflags.service.api.state import ServiceState, service
from redflags.service.audit import record
from redflags.service.case_view import case_json, comments_of, decisions_of, team_redaction
from redflags.service.cases import case_summary
from redflags.service.cases_merge import merged_from, related_cases
from redflags.service.casework_errors import NotFound
from redflags.service.db.models import CaseRow, User
from redflags.service.decisions import STATUSES, needs_four_eyes
from redflags.service.roles import Role
from redflags.service.web.caseview import case_page
from redflags.service.web.evidence import RecentContexts, evidence_contexts
from redflags.service.web.guard import AnalystPage, ReviewerPage, ViewerPage
from redflags.service.web.i18n import N_, language_of, translations
from redflags.service.web.network import COLLAPSE_FROM, kind_counts, network_elements
from redflags.service.web.outcome import attempt
from redflags.service.web.rendering import PAGE_HEADERS, is_htmx, page, render, translate

router = APIRouter(include_in_schema=False)
EXPORT_FORMATS = ("html", "json", "csv", "ftm", "gexf")


def _contexts_kept(state: ServiceState) -> RecentContexts:
    found = state.extras.get("web_contexts")
    if found is None:
        found = state.extras["web_contexts"] = RecentContexts()
    return found


def assignable_users(session: Session) -> list[str]:
    """Who a case can go to: enabled analysts and above."""
    rows = session.execute(select(User.username, User.role).where(User.disabled.is_(False)))
    return sorted(name for name, role in rows if Role[role] >= Role.analyst)


def casework_context(session: Session, state: ServiceState, case_id: str) -> dict[str, Any]:
    """What the casework panel shows: the case's status and version, its decisions (one may be
    pending) and comments, redacted as the API redacts them."""
    summary = case_summary(session, case_id)
    if summary is None:
        raise NotFound(f"no case {case_id!r}")
    team = team_redaction(session, state.key, case_id, api_cases.case_bodies(state))
    decisions = decisions_of(session, case_id, team)
    return {
        "summary": summary,
        "comments": comments_of(session, case_id, team),
        "decisions": decisions,
        "pending": next((d for d in decisions if d["state"] == "pending"), None),
        "users": assignable_users(session),
        "statuses": STATUSES,
        "four_eyes": {
            s: needs_four_eyes(s, summary["priority"], summary["youth"]) for s in STATUSES
        },
        "problem": "",
        "detail": "",
        "done": "",
    }


def _not_found(request: Request) -> HTMLResponse:
    return page(
        request, "error.html", {"message": translate(request, "There is no such case.")}, 404
    )


@router.get("/cases/{case_id}")
def case(case_id: str, who: ViewerPage, request: Request) -> Response:
    state = service(request)
    catalogue = catalogue_of(state)
    try:
        with state.db.read() as session:
            data = json.loads(case_json(session, state.key, case_id, api_cases.case_bodies(state)))
            view = case_page(data, catalogue)
            shown = [i for c in view.categories for b in c.indicators for i in b.indexes]
            published = session.execute(
                select(CaseRow.last_run, CaseRow.last_seen, CaseRow.version).where(
                    CaseRow.id == case_id
                )
            ).one()
            contexts = evidence_contexts(
                session,
                state.key,
                case_id,
                shown,
                _contexts_kept(state),
                (published.last_run, published.last_seen, published.version),
            )
            work = casework_context(session, state, case_id)
            related = list((data.get("network") or {}).get("related_cases") or ())
            candidates = related_cases(session, case_id, related)
            merging = {
                "related": candidates,
                "by_id": {r["id"]: r for r in candidates},
                "merged_from": merged_from(session, case_id),
            }
            scrub = team_redaction(session, state.key, case_id, api_cases.case_bodies(state))
    except NotFound:
        return _not_found(request)
    with state.db.write() as session:
        record(session, who.actor, "case.view", "case", case_id)
    context = {
        "nav": "inbox",
        "view": view,
        "c": data,
        "catalogue": catalogue,
        "contexts": contexts,
        "kinds_in_network": kind_counts(data),
        "export_formats": EXPORT_FORMATS,
        "collapse_from": COLLAPSE_FROM,
        "merging": merging,
        **work,
    }
    # the last line of defence, as for the API's answers: every clear value the case knows
    body = scrub.scrubber.page(render(request, "case.html", context))
    return HTMLResponse(body, headers=PAGE_HEADERS)


@router.get("/cases/{case_id}/network.json")
def network(case_id: str, who: ViewerPage, request: Request) -> Response:
    """The case's network for Cytoscape.js (redacted, labels in the reader's language)."""
    state = service(request)
    lang = language_of(request)
    try:
        with state.db.read() as session:
            data = json.loads(case_json(session, state.key, case_id, api_cases.case_bodies(state)))
    except NotFound:
        return JSONResponse({"error": "not found"}, status_code=404, headers=PAGE_HEADERS)
    found = network_elements(data, translations(lang), lang)
    found["words"] = {key: translate(request, text) for key, text in NETWORK_WORDS.items()}
    found["can_reveal"] = who.may(Role.analyst)
    return JSONResponse(found, headers=PAGE_HEADERS)


NETWORK_WORDS = {
    "records": N_("Records that name it"),
    "more": N_("and %(num)s more"),
    "role": N_("Role"),
    "kind": N_("Kind"),
    "links": N_("Links"),
    "why": N_("Why this role"),
    "reveal": N_("Reveal this identifier…"),
    "open_group": N_("Open this group"),
    "members": N_("Members"),
    "none": N_("No records"),
}


# -- the team's work --------------------------------------------------------------------------


def _problem_words(request: Request, refusal: ServiceError) -> str:
    if refusal.kind == "stale-version":
        return translate(
            request,
            "The case changed since you loaded it. The panel now shows it as it is; "
            "do it again if it still applies.",
        )
    if refusal.status == 409:
        return translate(
            request,
            "Another decision awaits approval, or someone else closed this one meanwhile.",
        )
    if refusal.status == 403:
        return translate(
            request,
            "Four eyes: nobody approves or rejects their own decision, and only the person who "
            "proposed a decision may withdraw it.",
        )
    if refusal.status == 404:
        return translate(request, "There is no such case, decision or identifier.")
    return translate(request, "That change was not made.")


def _casework_answer(
    request: Request,
    case_id: str,
    problem: str = "",
    detail: str = "",
    status: int = 200,
    done: str = "",
) -> Response:
    """The casework panel again (htmx), or back to the case page (a plain form)."""
    if not is_htmx(request):
        if problem:
            message = f"{problem} {detail}".strip()
            return page(
                request, "error.html", {"message": message, "back": f"/cases/{case_id}"}, status
            )
        return RedirectResponse(f"/cases/{case_id}#casework", status_code=303)
    state = service(request)
    with state.db.read() as session:
        work = casework_context(session, state, case_id)
    context = {**work, "c": {"id": case_id}, "problem": problem, "detail": detail, "done": done}
    return page(request, "_casework.html", context, status=status)


def _act(request: Request, case_id: str, change: Any, done: str) -> Response:
    """Run one change through the API's route function; say what went wrong in words."""
    outcome = attempt(request, change, done, _problem_words)
    return _casework_answer(
        request, case_id, outcome.problem, outcome.detail, outcome.status, outcome.done
    )


Version = Annotated[int, Form(ge=1)]


@router.post("/cases/{case_id}/assign")
def assign(
    case_id: str,
    who: AnalystPage,
    request: Request,
    version: Version,
    username: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    name = who.username if username == "@me" else (username.strip() or None)

    def change() -> Any:
        body = api_cases.Assignment(username=name, version=version)
        return api_cases.set_assignee(case_id, body, who, request)

    return _act(request, case_id, change, N_("Assignment saved."))


@router.post("/cases/{case_id}/comments")
def comment(
    case_id: str,
    who: AnalystPage,
    request: Request,
    text: Annotated[str, Form(max_length=20_000)] = "",
) -> Response:
    def change() -> Any:
        return api_cases.comment(case_id, api_cases.NewComment(text=text), who, request)

    return _act(request, case_id, change, N_("Comment added."))


@router.post("/cases/{case_id}/decisions")
def decide(
    case_id: str,
    who: AnalystPage,
    request: Request,
    version: Version,
    status: Annotated[str, Form(max_length=32)] = "",
    note: Annotated[str, Form(max_length=20_000)] = "",
) -> Response:
    def change() -> Any:
        body = api_cases.NewDecision(status=status, note=note, version=version)  # type: ignore[arg-type]
        return api_cases.decide(case_id, body, who, request)

    return _act(request, case_id, change, N_("Decision saved."))


def _review(
    request: Request,
    case_id: str,
    decision_id: int,
    who: Principal,
    version: int,
    note: str,
    approve: bool,
) -> Response:
    def change() -> Any:
        body = api_cases.ReviewNote(note=note, version=version)
        route = api_cases.approve if approve else api_cases.reject
        return route(case_id, decision_id, body, who, request)

    return _act(request, case_id, change, N_("Approved.") if approve else N_("Rejected."))


@router.post("/cases/{case_id}/decisions/{decision_id}/approve")
def approve(
    case_id: str,
    decision_id: int,
    who: ReviewerPage,
    request: Request,
    version: Version,
    note: Annotated[str, Form(max_length=20_000)] = "",
) -> Response:
    return _review(request, case_id, decision_id, who, version, note, True)


@router.post("/cases/{case_id}/decisions/{decision_id}/reject")
def reject(
    case_id: str,
    decision_id: int,
    who: ReviewerPage,
    request: Request,
    version: Version,
    note: Annotated[str, Form(max_length=20_000)] = "",
) -> Response:
    return _review(request, case_id, decision_id, who, version, note, False)


@router.post("/cases/{case_id}/decisions/{decision_id}/withdraw")
def withdraw(
    case_id: str, decision_id: int, who: AnalystPage, request: Request, version: Version
) -> Response:
    def change() -> Any:
        body = api_cases.Withdrawal(version=version)
        return api_cases.take_back(case_id, decision_id, body, who, request)

    return _act(request, case_id, change, N_("Decision withdrawn."))


def _merge_words(request: Request, refusal: ServiceError) -> str:
    if refusal.status == 409 and refusal.kind != "stale-version":
        return translate(
            request,
            "These cases cannot be merged now: one has a decision awaiting approval, was "
            "merged already, or was confirmed or reported (then merge the other way round).",
        )
    return _problem_words(request, refusal)


@router.post("/cases/{case_id}/merge")
def merge(
    case_id: str,
    who: ReviewerPage,
    request: Request,
    version: Version,
    from_case: Annotated[str, Form(max_length=32)] = "",
    confirm: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    """Merge a related case into this one (cases_merge.py), once the reviewer ticked that they
    are one network; back to this case, whose related cases now name the merged one."""
    back = f"/cases/{case_id}"
    if confirm != "yes":
        message = translate(request, "Tick the box to confirm that the cases are one network.")
        return page(request, "error.html", {"message": message, "back": back}, 422)

    def change() -> Any:
        body = api_cases.Merge(from_case=from_case, version=version)
        return api_cases.merge(case_id, body, who, request)

    outcome = attempt(request, change, N_("Cases merged."), _merge_words)
    if outcome.problem:
        message = f"{outcome.problem} {outcome.detail}".strip()
        return page(request, "error.html", {"message": message, "back": back}, outcome.status)
    return RedirectResponse(f"{back}#case-related", status_code=303)


@router.post("/cases/{case_id}/reveal")
def reveal(
    case_id: str,
    who: AnalystPage,
    request: Request,
    token: Annotated[str, Form(max_length=200)] = "",
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """The clear value behind one token, shown once in this answer (never cached, never kept
    in the page); the reason goes to the audit log."""
    context: dict[str, Any] = {"c": {"id": case_id}, "token": token}
    status = 200
    try:
        body = api_cases.Reveal(token=token, reason=reason)
        context["revealed"] = api_cases.reveal(case_id, body, who, request)
    except ValidationError as invalid:
        status = 422
        if any(e.get("loc") == ("reason",) for e in invalid.errors()):
            context["problem"] = translate(
                request,
                "Say why you need the clear value, in at least %(num)s characters.",
                num=MIN_REASON_CHARS,
            )
        else:
            context["problem"] = translate(request, "Choose one identifier of this case.")
    except ServiceError as refusal:
        status = refusal.status
        context["problem"] = _problem_words(request, refusal)
    if is_htmx(request):
        return page(request, "_reveal.html", context, status=status)
    return page(request, "reveal_page.html", context, status=status)
