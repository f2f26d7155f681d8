"""Errors are problem+json; no stack trace or input value reaches a client."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter

from redflags.service.api.deps import ViewerUser
from redflags.service.roles import Role

from .conftest import Service


def test_unknown_route_is_a_problem(service: Service) -> None:
    answer = service.client.get("/api/v1/no-such-thing")
    assert answer.status_code == 404
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["title"] == "not found"


def test_validation_names_the_field_not_the_value(
    service: Service, as_role: Callable[[Role], dict[str, str]]
) -> None:
    secret = "+4512345678-ssn-0101901234"
    answer = service.client.post(
        "/api/v1/users", json={"username": secret, "role": "emperor"}, headers=as_role(Role.admin)
    )
    assert answer.status_code == 422
    body = answer.json()
    assert body["type"].endswith("/invalid-request")
    assert any(e["field"] == "body.role" for e in body["errors"])
    assert secret not in answer.text and "emperor" not in answer.text


def test_an_unexpected_error_hides_its_trace(
    service: Service, as_role: Callable[[Role], dict[str, str]]
) -> None:
    router = APIRouter()

    @router.get("/api/v1/boom")
    def boom(who: ViewerUser) -> None:
        raise RuntimeError("secret internals at /etc/passwd")

    service.app.include_router(router)
    answer = service.client.get("/api/v1/boom", headers=as_role(Role.viewer))
    assert answer.status_code == 500
    assert answer.headers["content-type"] == "application/problem+json"
    assert "Traceback" not in answer.text and "passwd" not in answer.text
    assert answer.json()["error_id"]


def test_responses_are_not_cached(service: Service) -> None:
    answer = service.client.get("/api/v1/health")
    assert answer.headers["cache-control"] == "no-store"
    assert answer.headers["x-content-type-options"] == "nosniff"
