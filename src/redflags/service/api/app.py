"""The FastAPI application: `create_app(settings)` opens (and migrates) the case store, loads
the installation's redaction key and mounts every router under `/api/v1`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.routing import APIRoute

from redflags import __version__
from redflags.service.api import problems
from redflags.service.api.routes import (
    admin,
    alerts,
    auth,
    cases,
    catalogue,
    filing,
    health,
    scans,
    score,
)
from redflags.service.api.state import ServiceState
from redflags.service.db import open_database
from redflags.service.db.migrate import upgrade
from redflags.service.keys import load_or_create_key
from redflags.service.runner import start_runner, stop_runner
from redflags.service.settings import ServiceSettings
from redflags.service.web import mount_web

API = "/api/v1"
# Routes anyone may call: health and signing in (the route-table test checks every other one).
PUBLIC_PATHS = frozenset({f"{API}/health", f"{API}/auth/login"})
# Every router of the API, in the order they are matched; `api_routes` walks them.
ROUTERS: tuple[APIRouter, ...] = (
    health.router,
    auth.router,
    admin.router,
    cases.router,
    alerts.router,
    catalogue.router,
    scans.router,
    score.router,
    filing.router,
)
StartupHook = Callable[[ServiceState], None]
# Parts of the service that start with it (the scan job runner marks jobs cut off by a restart).
STARTUP_HOOKS: list[StartupHook] = [start_runner, cases.start_warming]
SHUTDOWN_HOOKS: list[StartupHook] = [cases.stop_warming, stop_runner]


def create_app(settings: ServiceSettings) -> FastAPI:
    settings.state_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    db = open_database(settings.database)
    upgrade(db)
    state = ServiceState(settings, db, load_or_create_key(settings.key_file))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        for hook in STARTUP_HOOKS:
            hook(state)
        yield
        for hook in SHUTDOWN_HOOKS:
            hook(state)
        db.dispose()

    app = FastAPI(
        title="redflags",
        version=__version__,
        summary="Cases of technology-facilitated trafficking for human review",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.service = state
    problems.install(app)
    for router in ROUTERS:
        app.include_router(router, prefix=API)
    mount_web(app)  # the analyst's pages (service/web), outside /api and its OpenAPI document

    @app.middleware("http")
    async def _headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if request.url.path.startswith(API):
            response.headers.setdefault("Cache-Control", "no-store")  # personal data
        return response

    return app


def api_routes() -> list[tuple[str, str, APIRoute]]:
    """(method, full path, route) of every API route: what the route-table test walks."""
    return [
        (method, API + route.path, route)
        for router in ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute)
        for method in sorted(route.methods or ())
    ]
