"""Browser fixtures: the real service (uvicorn in a subprocess on the demo world, one per xdist
worker, from a state built once per run) and Debian's Chromium under Playwright's sync API.

Without /usr/bin/chromium or the playwright package the browser tests are skipped, saying why;
in CI (CI=true) they fail instead, since `.ci/run` installs both."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from conftest import shared_folder

from .chromium import CHROMIUM, launch
from .live_service import PASSWORD, LiveService, build_state, copy_state

VIEWPORT = {"width": 1280, "height": 900}
# how long a page may take to show what a test waits for (a loaded 2-core machine)
TIMEOUT_MS = 15_000


def _cannot_run(reason: str) -> NoReturn:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI runs the browser tests: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def live_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveService]:
    """The service on a private copy of the demo state; its base_url."""
    if not CHROMIUM.exists():
        _cannot_run(f"no {CHROMIUM} (apt-get install chromium)")
    template = shared_folder(tmp_path_factory, "browser-service-state", build_state)
    state = tmp_path_factory.mktemp("browser-service") / "state"
    copy_state(template, state)
    with LiveService(state) as service:
        yield service


@pytest.fixture(scope="session")
def chromium(live_service: LiveService) -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _cannot_run("the playwright package is missing (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def context(chromium: Any, live_service: LiveService) -> Iterator[Any]:
    """A fresh browser profile (no cookies) in English, 1280 px wide."""
    profile = chromium.new_context(
        base_url=live_service.base_url, viewport=VIEWPORT, locale="en-GB"
    )
    profile.set_default_timeout(TIMEOUT_MS)
    yield profile
    profile.close()


@pytest.fixture
def page(context: Any) -> Any:
    return context.new_page()


def sign_in(context: Any, username: str, password: str = PASSWORD) -> None:
    """Sign `context` in as `username` through the API (the session cookie is the browser's),
    for tests whose subject is not the login page."""
    answer = context.request.post(
        "/api/v1/auth/login", data={"username": username, "password": password}
    )
    assert answer.ok, answer.text()


@pytest.fixture
def service_state(live_service: LiveService) -> Path:
    return live_service.state_dir
