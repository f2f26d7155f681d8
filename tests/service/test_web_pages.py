"""Every page renders for every role that may open it, with a strict Content-Security-Policy and
no inline script, style or event handler; the case page says what the case is in a minute
(priority, rounded score, the why, CMM's Case 1 checklist, network, timeline) and shows no
clear identifier; the inbox filters, sorts and pages; the vendored scripts are what
VENDORED.md says they are."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from importlib.resources import files
from typing import Any

import pytest
from sqlalchemy import select

from redflags.score.risk_v1 import CASE1_SIGNATURE
from redflags.service.db.models import AuditEvent, CaseRow
from redflags.service.roles import Role
from redflags.service.web.rendering import CONTENT_SECURITY_POLICY

from .test_service_cases import _clear_values, _leaks
from .test_web_support import Web, visible_text


def pages(web: Web) -> dict[str, Role]:
    """Every page (GET) with the least role that opens it."""
    case_id = web.case_ids()[0]
    return {
        "/": Role.viewer,
        "/?tab=unassigned": Role.viewer,
        "/?tab=all&priority=high&sort=id&order=asc": Role.viewer,
        "/?tab=approval": Role.viewer,
        "/?tab=alerts": Role.viewer,
        "/?tab=youth": Role.viewer,
        f"/cases/{case_id}": Role.viewer,
        "/catalogue": Role.viewer,
        "/catalogue/BEH-CONTACT-PROXY": Role.viewer,
        "/checklist": Role.viewer,
        "/scans": Role.analyst,
        "/scans/jobs": Role.analyst,
        "/admin/users": Role.admin,
        "/admin/tokens": Role.admin,
        "/admin/audit": Role.admin,
        "/admin/audit?verify=1": Role.admin,
    }


class _Markup(HTMLParser):
    """What a page must not hold under its CSP: inline script, style attributes or elements,
    event handlers, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_script = False
        self.testids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            self.in_script = True
            if not values.get("src", "").startswith("/static/"):
                self.problems.append(f"script without a src of ours: {values}")
        if tag == "style" or "style" in values:
            self.problems.append(f"inline style on <{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name.startswith("hx-on"):
                self.problems.append(f"handler {name} on <{tag}>")
            if value and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: URL in {name}")
            if name in ("hx-vars", "hx-vals") and value and value.startswith("js:"):
                self.problems.append(f"{name} evaluates script")
        if "data-testid" in values:
            self.testids.append(str(values["data-testid"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and data.strip():
            self.problems.append("an inline script body")


def checked_markup(html: str) -> _Markup:
    parser = _Markup()
    parser.feed(html)
    return parser


def test_every_page_renders_for_every_role(web: Web) -> None:
    browsers = {role: web.as_role(role) for role in Role}
    for path, least in pages(web).items():
        for role, browser in browsers.items():
            answer = browser.client.get(path)
            if role < least:
                assert answer.status_code == 403, f"{path} as {role.name}"
                continue
            assert answer.status_code == 200, f"{path} as {role.name}: {answer.text[:500]}"
            assert answer.headers["cache-control"] == "no-store"
            policy = answer.headers["content-security-policy"]
            if path == "/checklist":  # the checklist's own stylesheet, by hash
                assert "script-src" not in policy and "'unsafe-inline'" not in policy
                continue
            assert policy == CONTENT_SECURITY_POLICY
            assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
            problems = checked_markup(answer.text).problems
            assert not problems, f"{path} as {role.name}: {problems}"


def test_what_a_role_may_do_is_what_the_page_offers(web: Web) -> None:
    case_id = web.case_ids()[0]
    viewer = web.as_role(Role.viewer).client.get(f"/cases/{case_id}").text
    analyst = web.as_role(Role.analyst).client.get(f"/cases/{case_id}").text
    for form in ("assign-form", "decision-form", "comment-form", "reveal-form", "export-html"):
        assert f'data-testid="{form}"' not in viewer
        assert f'data-testid="{form}"' in analyst
    assert 'data-testid="nav-admin"' in web.as_role(Role.admin).client.get("/").text
    assert 'data-testid="nav-admin"' not in analyst


def test_the_case_page_and_its_network_are_redacted(web: Web) -> None:
    browser = web.as_role(Role.analyst)
    for case_id in web.case_ids():
        values = _clear_values(web, case_id)  # type: ignore[arg-type]  # a Web has a db too
        assert values
        page = browser.client.get(f"/cases/{case_id}").text
        network = browser.client.get(f"/cases/{case_id}/network.json").text
        assert not _leaks(page, values), case_id
        assert not _leaks(network, values), case_id
        assert 'data-testid="evidence-context"' in page


def test_the_case_page_says_what_the_case_is(web: Web) -> None:
    case_id = web.case_ids()[0]  # the demo's largest network
    answer = web.as_role(Role.viewer).client.get(f"/cases/{case_id}")
    page = answer.text
    data = json.loads(web.as_role(Role.viewer).client.get(f"/api/v1/cases/{case_id}").text)
    total = data["scoring"]["total"]
    shown = re.search(r'data-testid="case-score">([^<]+)<', page)
    assert shown and shown.group(1) == f"{total:,.1f}"  # one decimal, not 156.298926
    assert 'data-testid="case-priority"' in page
    why = page[page.index('data-testid="case-why"') :]
    why = why[: why.index("</section>")]
    assert why.count("<li ") == 3
    present = set(data["scoring"]["signature_elements"])
    marks = re.findall(r'data-testid="signature-element" data-present="(true|false)"', page)
    assert len(marks) == len(CASE1_SIGNATURE)
    assert marks == ["true" if name in present else "false" for name, _ in CASE1_SIGNATURE]
    assert page.count('data-testid="score-step"') == len(data["scoring"]["steps"])
    for section in ("case-indicators", "case-roles", "case-network", "case-timeline"):
        assert f'data-testid="{section}"' in page
    assert page.count('data-testid="indicator-category"') == len(data["categories"])
    # undated events come after the dated ones, behind their own summary
    dated = page.index('data-testid="timeline-row"')
    assert dated < page.index('data-testid="timeline-undated"')
    assert "156.298926" not in page and "59.5898" not in page
    # the order of the issue: a reader needs the indicators before the score's arithmetic
    order = [
        "case-priority",
        "case-score",
        "case-why",
        "case1-signature",
        "case-indicators",
        "score-steps",
        "case-roles",
        "case-network",
        "case-timeline",
        "case-cities",
        "case-related",
    ]
    places = [page.index(f'data-testid="{name}"') for name in order]
    assert places == sorted(places)
    # every number rounded, the score steps' details too (the scanner writes 0.759898)
    for lang, decimals in (("en", r"\.\d{3,}|,\d{4,}"), ("da", r",\d{3,}|\.\d{4,}")):
        html = web.as_role(Role.viewer, lang).client.get(f"/cases/{case_id}").text
        quoted = re.findall(r'class="scanner-text">([^<]*)<', html)
        text = " ".join([visible_text(html, lang), *quoted])
        unrounded = re.findall(rf"(?<![\d.,])\d+(?:{decimals})(?![\d.,])", text)
        assert not unrounded, (lang, unrounded[:5])


def test_a_large_network_starts_folded(web: Web) -> None:
    browser = web.as_role(Role.viewer)
    sizes = {}
    for case_id in web.case_ids():
        network = browser.client.get(f"/cases/{case_id}/network.json").json()
        sizes[case_id] = network
        assert network["collapsed"] == (len(network["nodes"]) >= 40)
        ids = {n["id"] for n in network["nodes"]}
        assert all(e["source"] in ids and e["target"] in ids for e in network["edges"])
    large = max(sizes.values(), key=lambda n: len(n["nodes"]))
    assert large["collapsed"]
    core = [n for n in large["nodes"] if n["core"]]
    assert core and all(
        n["role"] in ("organiser", "recruiter", "worker") or n["kind"] == "account" for n in core
    )
    folded = {n["group"] for n in large["nodes"] if not n["core"]}
    assert folded <= set(large["groups"])
    assert any(n["records"] for n in large["nodes"])
    payments = [e for e in large["edges"] if e["kind"] == "payment"]
    assert payments and all("DKK" in e["label"] or "kr" in e["label"] for e in payments)


def test_the_case_view_is_audited(web: Web) -> None:
    case_id = web.case_ids()[1]
    web.as_role(Role.viewer).client.get(f"/cases/{case_id}")
    with web.db.read() as session:
        rows = session.scalars(
            select(AuditEvent.actor).where(
                AuditEvent.action == "case.view", AuditEvent.target_id == case_id
            )
        ).all()
    assert rows == ["vera"]


def _rows(html: str) -> list[str]:
    return re.findall(r'data-testid="case-row" data-case-id="([^"]+)"', html)


def test_the_inbox_filters_sorts_pages_and_counts(web: Web) -> None:
    browser = web.as_role(Role.analyst)
    ids = web.case_ids()
    everything = browser.client.get("/?tab=all").text
    assert _rows(everything) == ids  # highest score first
    assert _rows(browser.client.get("/?tab=all&sort=score&order=asc").text) == ids[::-1]
    assert _rows(browser.client.get("/?tab=unassigned").text) == ids
    assert _rows(browser.client.get("/?tab=mine").text) == []
    with web.db.read() as session:
        rows = session.execute(select(CaseRow.id, CaseRow.priority, CaseRow.cities)).all()
    high = [r.id for r in rows if r.priority == "high"]
    assert set(_rows(browser.client.get("/?tab=all&priority=high").text)) == set(high)
    city = rows[0].cities[0]
    in_city = {r.id for r in rows if city in r.cities}
    assert set(_rows(browser.client.get("/?tab=all", params={"city": city}).text)) == in_city
    assert _rows(browser.client.get("/?tab=all&to=1990-01-01").text) == []
    assert _rows(browser.client.get("/?tab=all&colour=blue&sort=nonsense").text) == ids
    counts = dict(
        re.findall(r'data-testid="tab-(\w+)"[^>]*>[^<]*<span class="count"[^>]*>(\d+)<', everything)
    )
    assert counts["all"] == str(len(ids)) and counts["unassigned"] == str(len(ids))
    # htmx asks for the results alone
    fragment = browser.client.get(
        "/?tab=all&priority=high", headers={"HX-Request": "true", "HX-Target": "inbox-results"}
    ).text
    assert "<html" not in fragment and set(_rows(fragment)) == set(high)


def test_the_inbox_pages(web: Web, monkeypatch: pytest.MonkeyPatch) -> None:
    from redflags.service.web import inbox

    monkeypatch.setattr(inbox, "PAGE_SIZE", 1)
    browser = web.as_role(Role.viewer)
    ids = web.case_ids()
    first = browser.client.get("/?tab=all").text
    assert _rows(first) == ids[:1] and 'data-testid="page-next"' in first
    second = browser.client.get("/?tab=all&page=2").text
    assert _rows(second) == ids[1:2] and 'data-testid="page-prev"' in second


def test_alerts_and_the_youth_queue_are_apart(web: Web) -> None:
    browser = web.as_role(Role.viewer)
    alerts = browser.client.get("/?tab=alerts").text
    youth = browser.client.get("/?tab=youth").text
    alert_ids = set(re.findall(r'data-item-id="(A-[^"]+)"', alerts))
    youth_ids = set(re.findall(r'data-item-id="(Y-[^"]+)"', youth))
    assert alert_ids and youth_ids
    assert not re.findall(r'data-item-id="Y-', alerts) and not re.findall(
        r'data-item-id="A-', youth
    )
    assert 'data-testid="youth-queue"' in youth


def _vendored() -> list[dict[str, Any]]:
    text = files("redflags.service.web").joinpath("static/vendor/VENDORED.md").read_text("utf-8")
    rows = re.findall(
        r"^\| (\S+) \| ([0-9.]+) \| [^|]+\| `([^`]+)`[^|]*\| `([0-9a-f]{64})` \|", text, re.M
    )
    return [{"name": n, "version": v, "file": f, "sha256": h} for n, v, f, h in rows]


def test_the_vendored_scripts_are_what_vendored_md_says() -> None:
    vendored = _vendored()
    assert {v["name"] for v in vendored} == {"htmx.org", "cytoscape"}
    folder = files("redflags.service.web").joinpath("static/vendor")
    for entry in vendored:
        body = folder.joinpath(entry["file"]).read_bytes()
        assert hashlib.sha256(body).hexdigest() == entry["sha256"], entry["file"]
        assert entry["version"] in entry["file"]
    for licence in ("htmx.LICENSE", "cytoscape.LICENSE"):
        assert folder.joinpath(licence).read_text("utf-8").strip()
    assert re.match(r"^2\.", next(v["version"] for v in vendored if v["name"] == "htmx.org"))


def test_static_files_are_served_and_pages_name_the_vendored_ones(web: Web) -> None:
    page = web.client.get("/login").text
    for name in re.findall(r'<script src="(/static/[^"]+)"', page):
        answer = web.client.get(name)
        assert answer.status_code == 200 and "javascript" in answer.headers["content-type"]
    assert web.client.get("/static/app.css").status_code == 200
    assert web.client.get("/static/../api/app.py").status_code == 404


def test_the_audit_log_shows_details_as_text(web: Web) -> None:
    from redflags.service.audit import SYSTEM, record

    with web.db.write() as session:
        record(session, SYSTEM, "test.note", "case", "x", details={"why": "Anna's <b>", "n": [1]})
    page = web.as_role(Role.admin).client.get("/admin/audit?action=test.note").text
    assert "why: Anna&#39;s &lt;b&gt;; n: [1]" in page
    assert "\\u0027" not in page and "\\u003c" not in page
