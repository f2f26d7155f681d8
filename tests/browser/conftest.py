"""Browser fixtures: the real service (uvicorn in a subprocess on the demo world, one per xdist
worker, from a state built once per run) and Debian's Chromium under Playwright's sync API.

Without /usr/bin/chromium or the playwright package the browser tests are skipped, saying why;
in CI (CI=true) they fail instead, since `.ci/run` installs both."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from conftest import shared_folder, world_copier
from redflags import generator

from .chromium import CHROMIUM, launch
from .live_service import LiveService, build_state, copy_state, demo_cases

VIEWPORT = {"width": 1280, "height": 900}
# how long a page may take to show what a test waits for (a loaded 2-core machine)
TIMEOUT_MS = 15_000


def _cannot_run(reason: str) -> NoReturn:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI runs the browser tests: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def live_service(
    tmp_path_factory: pytest.TempPathFactory, demo_data: Path
) -> Iterator[LiveService]:
    """The service on a private copy of the demo state; its base_url."""
    if not CHROMIUM.exists():
        _cannot_run(f"no {CHROMIUM} (apt-get install chromium)")

    def build_from_demo_data(state_dir: Path) -> None:
        # `serve --demo` generates the demo world; the run already has it (same scale, seed)
        with pytest.MonkeyPatch.context() as patch:
            copier = world_copier(demo_data)
            patch.setattr(generator, "load_generator", lambda: copier)
            build_state(state_dir)

    template = shared_folder(tmp_path_factory, "browser-service-state", build_from_demo_data)
    state = tmp_path_factory.mktemp("browser-service") / "state"
    copy_state(template, state)
    with LiveService(state) as service:
        yield service


@pytest.fixture(scope="session")
def chromium(live_service: LiveService) -> Iterator[Any]:
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _cannot_run("the playwright package is missing (pip install -e '.[dev]')")
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def new_context(chromium: Any, live_service: LiveService) -> Iterator[Callable[..., Any]]:
    """Make fresh browser profiles (no cookies; English, 1280 px wide unless told), closed
    after the test: one per person when a test needs two people at once."""
    made: list[Any] = []

    def make(**options: Any) -> Any:
        live_service.check_alive()
        settings = {"viewport": VIEWPORT, "locale": "en-GB", **options}
        profile = chromium.new_context(base_url=live_service.base_url, **settings)
        profile.set_default_timeout(TIMEOUT_MS)
        made.append(profile)
        return profile

    yield make
    for profile in made:
        profile.close()


@pytest.fixture
def context(new_context: Callable[..., Any]) -> Any:
    return new_context()


@pytest.fixture
def page(context: Any) -> Any:
    return context.new_page()


@pytest.fixture(scope="session")
def demo_case_ids(live_service: LiveService) -> list[str]:
    """The demo's case ids, highest score first. Tests that change a case take one of their own
    (the service lives for the whole session)."""
    return demo_cases(live_service.state_dir)
