"""The indicator catalogue in both languages (what each red flag means, how it is detected, its
weight, examples and measured strength) and the printable checklist for people at a counter."""

from __future__ import annotations

import base64
import hashlib
import re

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from redflags.catalogue.checklist import render_html
from redflags.catalogue.schema import CATEGORY_TITLES, Category
from redflags.service.api.routes.catalogue import catalogue_of
from redflags.service.api.state import service
from redflags.service.web.guard import ViewerPage
from redflags.service.web.rendering import page, translate

router = APIRouter(include_in_schema=False)
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


@router.get("/catalogue")
def catalogue(who: ViewerPage, request: Request) -> Response:
    found = catalogue_of(service(request))
    groups = [
        (category.value, CATEGORY_TITLES[category], found.by_category(category))
        for category in Category
    ]
    context = {"nav": "catalogue", "groups": groups, "version": found.version, "size": len(found)}
    return page(request, "catalogue.html", context)


@router.get("/catalogue/{indicator_id}")
def indicator(indicator_id: str, who: ViewerPage, request: Request) -> Response:
    found = catalogue_of(service(request))
    if indicator_id.upper() not in found.indicators:
        message = translate(request, "There is no such indicator.")
        return page(request, "error.html", {"message": message, "back": "/catalogue"}, 404)
    chosen = found.get(indicator_id)
    context = {
        "nav": "catalogue",
        "i": chosen,
        "category_titles": CATEGORY_TITLES[chosen.category],
        "examples": found.examples.get(chosen.id, ()),
    }
    return page(request, "indicator.html", context)


def checklist_policy(html: str) -> str:
    """The checklist's own stylesheet, allowed by its hash; nothing else."""
    styles = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in _STYLE.findall(html)
    )
    return (
        f"default-src 'none'; style-src {styles or chr(39) + 'none' + chr(39)}; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


def in_main_landmark(html: str) -> str:
    """The checklist's body inside <main>, so a screen reader can jump to it (axe: every page
    has a main landmark)."""
    start, end = html.find("<body>"), html.rfind("</body>")
    if start < 0 or end < 0:
        return html
    start += len("<body>")
    return f'{html[:start]}<main data-testid="checklist">{html[start:end]}</main>{html[end:]}'


@router.get("/checklist")
def checklist(who: ViewerPage, request: Request) -> Response:
    """The printable, bilingual checklist (`redflags checklist --format html` writes the same)."""
    html = in_main_landmark(render_html(catalogue_of(service(request))))
    headers = {"Content-Security-Policy": checklist_policy(html), "Cache-Control": "no-store"}
    return HTMLResponse(html, headers=headers)
