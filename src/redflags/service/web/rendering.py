"""Pages from Jinja2 templates, one environment per language (gettext through the i18n
extension, autoescape on for every template), answered with a strict Content-Security-Policy:
scripts, styles and fetches from our own origin only, no inline script or style, no eval."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse

from redflags.service.roles import Role
from redflags.service.security.sessions import COOKIE as SESSION_COOKIE
from redflags.service.web import labels
from redflags.service.web.i18n import LANGUAGES, Formats, language_of, translations

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Cache-Control": "no-store",  # pages hold personal data (and a revealed value once)
    # our own forms then carry their true Origin (no-referrer would send "null"), which the
    # sign-in form checks; no other site is ever told where a reader came from
    "Referrer-Policy": "same-origin",
}


@cache
def environment(lang: str) -> Environment:
    env = Environment(
        loader=PackageLoader("redflags.service.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.globals["ngettext"] = _ngettext(lang)
    env.globals["fmt"] = Formats(lang)
    env.globals["lang"] = lang
    env.globals["languages"] = LANGUAGES
    env.globals["L"] = labels
    env.globals["Role"] = Role
    return env


def _ngettext(lang: str) -> Any:
    """Jinja's newstyle ngettext, with the count written in the language's digits (1.250)."""
    catalogue, fmt = translations(lang), Formats(lang)

    @pass_context
    def ngettext(context: Any, singular: str, plural: str, count: int, **values: Any) -> str:
        values.setdefault("num", fmt.number(count))
        text = catalogue.ngettext(singular, plural, count)
        if context.eval_ctx.autoescape:
            return Markup(text) % values  # the values are escaped, the message is ours
        return text % values

    return ngettext


def is_htmx(request: Request) -> bool:
    """An htmx request that wants a fragment (not a boosted whole page)."""
    return request.headers.get("hx-request") == "true" and "hx-boosted" not in request.headers


def render(request: Request, template: str, context: dict[str, Any]) -> str:
    lang = language_of(request)
    principal = getattr(request.state, "principal", None)
    values = {
        "request": request,
        "user": principal,
        "csrf_token": getattr(request.state, "csrf_token", ""),
        "here": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
        "signed_in": SESSION_COOKIE in request.cookies and principal is not None,
        "nav": "",
        **context,
    }
    return environment(lang).get_template(template).render(values)


def page(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    body = render(request, template, context or {})
    return HTMLResponse(body, status_code=status, headers={**PAGE_HEADERS, **(headers or {})})


def translate(request: Request, message: str, **values: Any) -> str:
    """One message in the request's language (Python side: flash lines, refusals)."""
    text = translations(language_of(request)).gettext(message)
    return text % values if values else text
