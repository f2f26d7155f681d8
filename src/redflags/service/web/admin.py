"""Administration in the browser (admin role): users, API tokens and the audit log, through the
admin API's own route functions (the same rules and audit rows). A new token's secret is shown
once, in the answer to the form that made it."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response

from redflags.service.api.routes import admin as api_admin
from redflags.service.clock import aware, utcnow
from redflags.service.web.guard import AdminPage
from redflags.service.web.i18n import N_
from redflags.service.web.outcome import Outcome, attempt
from redflags.service.web.rendering import page

router = APIRouter(include_in_schema=False)
ROLES = ("viewer", "analyst", "reviewer", "admin")
AUDIT_PAGE = 100


def _locked(until: Any) -> bool:
    moment = aware(until)
    return moment is not None and moment > utcnow()


def _admin_page(
    request: Request, template: str, context: dict[str, Any], outcome: Outcome | None = None
) -> Response:
    done = outcome or Outcome()
    values = {"nav": "admin", "roles": ROLES, **context, **done.context()}
    return page(request, template, values, status=done.status)


def _users_page(request: Request, who: Any, outcome: Outcome | None = None) -> Response:
    users = [{**u, "locked": _locked(u["locked_until"])} for u in api_admin.users(who, request)]
    return _admin_page(request, "admin_users.html", {"tab": "users", "users": users}, outcome)


@router.get("/admin/users")
def users(who: AdminPage, request: Request) -> Response:
    return _users_page(request, who)


@router.post("/admin/users")
def add_user(
    who: AdminPage,
    request: Request,
    username: Annotated[str, Form(max_length=64)] = "",
    role: Annotated[str, Form(max_length=16)] = "viewer",
    password: Annotated[str, Form(max_length=1024)] = "",
    display_name: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    def change() -> Any:
        body = api_admin.NewUser(
            username=username,
            role=role,  # type: ignore[arg-type]
            password=password or None,
            display_name=display_name,
        )
        return api_admin.create_user(body, who, request)

    return _users_page(request, who, attempt(request, change, N_("The user is added.")))


@router.post("/admin/users/{username}")
def change_user(
    username: str,
    who: AdminPage,
    request: Request,
    role: Annotated[str, Form(max_length=16)] = "",
    disabled: Annotated[str, Form(max_length=8)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
) -> Response:
    """One change at a time: a role, disabling or enabling, or a new password."""

    def change() -> Any:
        body = api_admin.UserChange(
            role=role or None,  # type: ignore[arg-type]
            disabled={"true": True, "false": False}.get(disabled),
            password=password or None,
        )
        return api_admin.change_user(username, body, who, request)

    return _users_page(request, who, attempt(request, change, N_("The user is changed.")))


def _tokens_page(request: Request, who: Any, outcome: Outcome | None = None) -> Response:
    context = {
        "tab": "tokens",
        "tokens": api_admin.tokens(who, request),
        "users": [u["username"] for u in api_admin.users(who, request)],
    }
    return _admin_page(request, "admin_tokens.html", context, outcome)


@router.get("/admin/tokens")
def tokens(who: AdminPage, request: Request) -> Response:
    return _tokens_page(request, who)


@router.post("/admin/tokens")
def issue(
    who: AdminPage,
    request: Request,
    owner: Annotated[str, Form(max_length=64)] = "",
    name: Annotated[str, Form(max_length=200)] = "",
    role: Annotated[str, Form(max_length=16)] = "viewer",
    days: Annotated[str, Form(max_length=4)] = "",
) -> Response:
    def change() -> Any:
        body = api_admin.NewToken(
            owner=owner,
            name=name,
            role=role,  # type: ignore[arg-type]
            days=int(days) if days.strip().isdigit() else None,
        )
        return api_admin.create_token(body, who, request)

    return _tokens_page(request, who, attempt(request, change, N_("The token is issued.")))


@router.post("/admin/tokens/{token_id}/revoke")
def revoke(token_id: str, who: AdminPage, request: Request) -> Response:
    def change() -> Any:
        return api_admin.revoke_token(token_id, who, request)

    return _tokens_page(request, who, attempt(request, change, N_("The token is revoked.")))


def readable_details(details: Any) -> str:
    """An audit row's details as text a person reads ("from: new; to: confirmed"): keys and
    plain values as they are, lists and objects as JSON with their characters unescaped."""
    if not isinstance(details, dict):
        return json.dumps(details, ensure_ascii=False)
    parts = []
    for name, value in details.items():
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        parts.append(f"{name}: {text}")
    return "; ".join(parts)


@router.get("/admin/audit")
def audit(who: AdminPage, request: Request) -> Response:
    query = request.query_params
    try:
        number = max(1, int(query.get("page", "1")))
    except ValueError:
        number = 1
    wanted = {
        name: (query.get(name) or "").strip()[:64] or None
        for name in ("action", "actor", "target_id")
    }
    found = api_admin.audit(
        who,
        request,
        action=wanted["action"],
        actor=wanted["actor"],
        target_type=None,
        target_id=wanted["target_id"],
        since=None,
        until=None,
        limit=AUDIT_PAGE,
        offset=(number - 1) * AUDIT_PAGE,
    )
    checked = api_admin.audit_verify(who, request) if query.get("verify") == "1" else None
    context = {
        "nav": "admin",
        "tab": "audit",
        "found": found,
        "wanted": {k: v or "" for k, v in wanted.items()},
        "page_number": number,
        "page_size": AUDIT_PAGE,
        "verified": checked,
        "readable": readable_details,
    }
    return page(request, "admin_audit.html", context)
