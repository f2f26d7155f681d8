"""An analyst's day in a real browser, end to end against the running service: signing in (and
being locked out), triage from the inbox, the four-eyes decision, revealing an identifier and
finding that in the audit log, and the interface in Danish."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .live_service import PASSWORD
from .pages import expect, log_in, sign_in, testid

pytestmark = pytest.mark.browser


def test_sign_in_opens_the_inbox(page: Any) -> None:
    page.goto("/")  # not signed in: sent to the login page, and back after it
    expect(page.locator(testid("login-form"))).to_be_visible()
    log_in(page, "analyst")
    expect(page.locator(testid("current-user"))).to_contain_text("analyst")
    expect(page.locator(testid("case-table"))).to_be_visible()


def test_repeated_failures_lock_the_account_and_say_so(page: Any) -> None:
    page.goto("/login")
    kinds = []
    for _ in range(5):  # login_max_failures
        page.locator(testid("login-username")).fill("lockme")
        page.locator(testid("login-password")).fill("not the password at all")
        page.locator(testid("login-submit")).click()
        problem = page.locator(testid("login-problem"))
        expect(problem).to_be_visible()
        kinds.append(problem.get_attribute("data-problem"))
    assert kinds[0] == "login-failed"
    assert kinds[-1] == "locked"
    expect(page.locator(testid("login-problem"))).to_contain_text(re.compile("locked", re.I))
    # the right password does not open a locked account either
    page.locator(testid("login-username")).fill("lockme")
    page.locator(testid("login-password")).fill(PASSWORD)
    page.locator(testid("login-submit")).click()
    expect(page.locator(testid("login-problem"))).to_have_attribute("data-problem", "locked")
    expect(page.locator(testid("current-user"))).to_have_count(0)


def _open_case(page: Any, case_id: str) -> None:
    page.goto(f"/cases/{case_id}")
    expect(page.locator(testid("case-id"))).to_have_text(case_id)


def test_triage_a_case_from_the_inbox(context: Any, page: Any, demo_case_ids: list[str]) -> None:
    chosen = demo_case_ids[2]
    sign_in(context, "analyst")
    page.goto("/?tab=unassigned")
    page.locator(testid("filter-priority")).select_option("high")  # htmx swaps the results
    row = page.locator(f'{testid("case-row")}[data-case-id="{chosen}"]')
    row.get_by_role("link", name=chosen).click()
    expect(page.locator(testid("case-id"))).to_have_text(chosen)
    expect(page.locator(testid("case-why"))).to_be_visible()
    page.locator(testid("assign-me")).click()
    expect(page.locator(testid("casework-assignee"))).to_have_text("analyst")
    page.locator(testid("nav-inbox")).click()
    page.locator(testid("tab-mine")).click()
    expect(page.locator(f'{testid("case-row")}[data-case-id="{chosen}"]')).to_be_visible()


def test_assign_comment_decide_and_approve_as_a_second_user(
    new_context: Any, context: Any, page: Any, demo_case_ids: list[str]
) -> None:
    chosen = demo_case_ids[1]
    sign_in(context, "analyst")
    _open_case(page, chosen)
    page.locator(testid("assign-user")).select_option("analyst")
    page.locator(testid("assign-submit")).click()
    expect(page.locator(testid("casework-assignee"))).to_have_text("analyst")
    page.locator(testid("comment-text")).fill("Same phone in the ads of three cities.")
    page.locator(testid("comment-submit")).click()
    expect(page.locator(testid("comment")).last).to_contain_text("Same phone in the ads")
    page.locator(testid("decision-status")).select_option("confirmed")
    page.locator(testid("decision-note")).fill("The Case 1 signature holds.")
    page.locator(testid("decision-submit")).click()
    pending = page.locator(testid("pending-decision"))
    expect(pending).to_be_visible()
    expect(page.locator(testid("approve"))).to_have_count(0)  # not one's own decision
    expect(page.locator(testid("casework-status"))).not_to_have_text(re.compile("^Confirmed"))

    reviewer = new_context()
    sign_in(reviewer, "reviewer")
    second = reviewer.new_page()
    second.goto("/?tab=approval")
    second.locator(f'{testid("case-row")}[data-case-id="{chosen}"]').get_by_role(
        "link", name=chosen
    ).click()
    second.locator(testid("review-note")).fill("Agreed.")
    second.locator(testid("approve")).click()
    expect(second.locator(testid("pending-decision"))).to_have_count(0)
    expect(second.locator(testid("casework-status"))).to_have_text("Confirmed")
    page.reload()
    expect(page.locator(testid("case-status"))).to_contain_text("Confirmed")


def test_reveal_with_a_reason_is_in_the_audit_log(
    new_context: Any, context: Any, page: Any, demo_case_ids: list[str]
) -> None:
    chosen = demo_case_ids[0]
    reason = "Court order 117/2025: the phone's subscriber is needed"
    sign_in(context, "analyst")
    _open_case(page, chosen)
    token = page.locator(f"{testid('reveal-token')} option").first.get_attribute("value")
    page.locator(testid("reveal-token")).select_option(token)
    page.locator(testid("reveal-reason")).fill(reason)
    page.locator(testid("reveal-submit")).click()
    value = page.locator(testid("revealed-value"))
    expect(value).to_be_visible()
    assert value.inner_text().strip() not in ("", token)

    admin = new_context()
    sign_in(admin, "admin")
    audit = admin.new_page()
    audit.goto("/admin/audit")
    audit.locator(testid("audit-action")).fill("case.reveal")
    audit.locator(testid("audit-target")).fill(chosen)
    audit.locator(testid("audit-target")).press("Enter")
    row = audit.locator(f'{testid("audit-row")}[data-action="case.reveal"]').filter(has_text=reason)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("analyst")
    expect(row).to_contain_text(token)


# a few labels of every page's frame, as the Danish catalogue has them
DANISH = {"nav-inbox": "Indbakke", "logout": "Log ud", "nav-catalogue": "Indikatorer"}


def test_switching_to_danish_shows_danish_labels(context: Any, page: Any) -> None:
    sign_in(context, "analyst")
    page.goto("/")
    expect(page.locator(testid("nav-inbox"))).to_have_text("Inbox")
    page.locator(testid("lang-da")).click()
    expect(page.locator("html")).to_have_attribute("lang", "da")
    for element, label in DANISH.items():
        expect(page.locator(testid(element))).to_have_text(label)
    page.locator(testid("nav-catalogue")).click()  # the choice is remembered from page to page
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.locator(testid("catalogue-row")).first).to_be_visible()
    page.locator(testid("lang-en")).click()
    expect(page.locator(testid("nav-inbox"))).to_have_text("Inbox")
