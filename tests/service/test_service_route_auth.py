"""Every route but health and login needs authentication (401 without credentials) and answers
403 to a role below its own. Walks the app's route table, so a new route is covered as soon as
it exists; a route without a `role_at_least` dependency fails the test."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.routing import APIRoute

from redflags.service.api.app import PUBLIC_PATHS, api_routes
from redflags.service.roles import Role

from .conftest import Service


def _min_role(route: APIRoute) -> Role | None:
    todo = list(route.dependant.dependencies)
    while todo:
        dependant = todo.pop()
        role = getattr(dependant.call, "min_role", None)
        if role is not None:
            return Role(role)
        todo.extend(dependant.dependencies)
    return None


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x1", path)


def _routes(service: Service) -> list[tuple[str, str, APIRoute]]:
    """(method, full path, route) of every API route but the public ones; checked against the
    OpenAPI document, so a router mounted some other way than through ROUTERS fails here."""
    routes = api_routes()
    published = {
        (method.upper(), path)
        for path, operations in service.app.openapi()["paths"].items()
        for method in operations
    }
    assert published == {(method, path) for method, path, _ in routes}
    return [(m, p, r) for m, p, r in routes if p not in PUBLIC_PATHS]


def test_every_route_declares_a_role(service: Service) -> None:
    routes = _routes(service)
    unguarded = [f"{m} {p}" for m, p, route in routes if _min_role(route) is None]
    assert not unguarded
    assert len(routes) >= 8


def test_401_without_credentials(service: Service) -> None:
    for method, path, _ in _routes(service):
        answer = service.client.request(method, _concrete(path), json={})
        assert answer.status_code == 401, f"{method} {path}: {answer.status_code}"
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert answer.headers.get("www-authenticate", "").startswith("Bearer")


def test_401_with_a_wrong_token(service: Service) -> None:
    bad = {"Authorization": "Bearer rf_aaaaaaaaaaaa_" + "b" * 43}
    for method, path, _ in _routes(service):
        answer = service.client.request(method, _concrete(path), json={}, headers=bad)
        assert answer.status_code == 401, f"{method} {path}"


def test_403_for_a_role_too_low(
    service: Service, as_role: Callable[[Role], dict[str, str]]
) -> None:
    headers = {role: as_role(role) for role in Role}
    checked = 0
    for method, path, route in _routes(service):
        needed = _min_role(route)
        assert needed is not None
        for role in Role:
            if role >= needed:
                continue
            answer = service.client.request(method, _concrete(path), json={}, headers=headers[role])
            assert answer.status_code == 403, f"{method} {path} as {role.name}"
            checked += 1
    assert checked > 0


def test_public_routes_answer_without_credentials(service: Service) -> None:
    assert service.client.get("/api/v1/health").json()["status"] == "ok"
    answer = service.client.post(
        "/api/v1/auth/login", json={"username": "nobody", "password": "wrong password 1"}
    )
    assert answer.status_code == 401
