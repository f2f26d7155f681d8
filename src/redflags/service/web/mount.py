"""Mounting the web pages on the service's app: their routers (kept out of the OpenAPI
document), the static files, and what a refused page answers (a sign-in redirect or a 403
page, never problem+json)."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from redflags.service.web import account, admin, casepage, catalogue_pages, inbox, scans
from redflags.service.web.guard import PageForbidden, SignInNeeded, login_url
from redflags.service.web.rendering import page, translate

# Every router of the pages; `web_routes` walks them (tests/service/test_web_auth.py).
WEB_ROUTERS: tuple[APIRouter, ...] = (
    account.router,
    inbox.router,
    casepage.router,
    scans.router,
    catalogue_pages.router,
    admin.router,
)
# Pages anyone may open: signing in and the language toggle (static files are a mount).
PUBLIC_PAGES = frozenset({("GET", "/login"), ("POST", "/login"), ("GET", "/lang/{code}")})
STATIC_PATH = "/static"


def web_routes() -> list[tuple[str, str, APIRoute]]:
    """(method, path, route) of every page: what the web route-table test walks."""
    return [
        (method, route.path, route)
        for router in WEB_ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute)
        for method in sorted(route.methods or ())
    ]


def mount_web(app: FastAPI) -> None:
    for router in WEB_ROUTERS:
        app.include_router(router)
    static = StaticFiles(packages=[("redflags.service.web", "static")])
    app.mount(STATIC_PATH, static, name="static")

    @app.exception_handler(SignInNeeded)
    async def _sign_in(request: Request, exc: SignInNeeded) -> Response:
        target = login_url(exc.back_to)
        if request.headers.get("hx-request") == "true":
            # htmx follows a redirect inside the fragment; this sends the whole page there
            return Response(status_code=204, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)

    @app.exception_handler(PageForbidden)
    async def _forbidden(request: Request, exc: PageForbidden) -> Response:
        if exc.csrf:
            message = translate(request, "This form is out of date. Reload the page and try again.")
        else:
            message = translate(request, "This page is not open to your role.")
        title = translate(request, "Not allowed")
        return page(request, "error.html", {"message": message, "title": title}, status=403)
