"""No page of the web interface has a serious or critical WCAG 2.1 AA violation, as axe-core
(vendored, tests/browser/vendor/) finds them in Chromium."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pytest

from .accessibility import ALL_IMPACTS, AXE, BEST_PRACTICE, axe_violations, describe, refused
from .pages import MAIN_PAGES, MainPage, open_page, sign_in

# pages axe once found minor and moderate issues on (an empty table header, no main landmark):
# held to no issue at all, best practices included
CLEAN_PAGES = (
    next(m for m in MAIN_PAGES if m.name == "admin-tokens"),
    MainPage("checklist", "/checklist", "analyst", "checklist"),
)


@pytest.mark.browser
@pytest.mark.parametrize("main", MAIN_PAGES, ids=lambda m: m.name)
def test_no_serious_or_critical_wcag_violations(
    main: MainPage, new_context: Any, demo_case_ids: list[str]
) -> None:
    context = new_context(bypass_csp=True)  # axe goes in as an inline script
    if main.user:
        sign_in(context, main.user)
    page = context.new_page()
    open_page(page, main, demo_case_ids[0])
    found = refused(axe_violations(page))
    assert not found, f"{main.name} ({main.path}):\n{describe(found)}"


@pytest.mark.browser
@pytest.mark.parametrize("main", CLEAN_PAGES, ids=lambda m: m.name)
def test_no_issue_of_any_impact_on_the_pages_that_had_some(
    main: MainPage, new_context: Any, demo_case_ids: list[str]
) -> None:
    context = new_context(bypass_csp=True)
    sign_in(context, main.user or "")
    page = context.new_page()
    open_page(page, main, demo_case_ids[0])
    found = refused(axe_violations(page, BEST_PRACTICE), ALL_IMPACTS)
    assert not found, f"{main.name} ({main.path}):\n{describe(found)}"


@pytest.mark.browser
def test_axe_finds_violations_where_there_are_some(new_context: Any) -> None:
    """The check above can fail: a page without a language, an image without a text and a field
    without a label are refused."""
    page = new_context(bypass_csp=True).new_page()
    page.set_content('<title>t</title><img src="x.png"><input type="text">')
    found = {v["id"] for v in refused(axe_violations(page))}
    assert {"html-has-lang", "image-alt", "label"} <= found, found
    # and the best practices the clean pages are held to
    page.set_content('<html lang="en"><title>t</title><table><tr><th></th></tr></table></html>')
    practice = {v["id"] for v in refused(axe_violations(page, BEST_PRACTICE), ALL_IMPACTS)}
    assert {"landmark-one-main", "empty-table-header"} <= practice, practice


def test_the_vendored_axe_is_the_one_recorded() -> None:
    recorded = (AXE.parent / "VENDORED.md").read_text(encoding="utf-8")
    digest = hashlib.sha256(AXE.read_bytes()).hexdigest()
    assert f"`{digest}`" in recorded
    version = re.search(r"axe v([\d.]+)", AXE.read_text(encoding="utf-8")[:200])
    assert version and f"| {version.group(1)} |" in recorded
