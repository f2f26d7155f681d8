#!/usr/bin/env python3
"""Screenshots of the web interface's main pages, in English and Danish, for docs/ui.md.

Starts the service the way the browser tests do (tests/browser/live_service.py: the demo world
published into a temporary state folder, uvicorn on a free 127.0.0.1 port), opens each page of
tests/browser/pages.py in Debian's Chromium, 1280 px wide, and writes docs/ui/<page>-<lang>.png.
Needs the `dev` and `service` extras and the generator (`make install`) and /usr/bin/chromium.

    PYTHONPATH=src python scripts/ui_screenshots.py [--out docs/ui]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the browser tests' service and page list

from browser.chromium import launch  # noqa: E402
from browser.live_service import LiveService, build_state, demo_cases  # noqa: E402
from browser.pages import MAIN_PAGES, data_testid, open_page, sign_in  # noqa: E402

# the browser's own locale follows the page's language (date fields, number input)
LANGUAGES = {"en": "en-GB", "da": "da-DK"}
WIDTH = 1280
# a page taller than this is cut: the top of a long page is what a reader of docs/ui.md needs
MAX_HEIGHT = 2400


def shoot(browser: Any, base_url: str, case: str, lang: str, out: Path) -> list[Path]:
    written = []
    for main in MAIN_PAGES:
        context = browser.new_context(
            base_url=base_url, viewport={"width": WIDTH, "height": 900}, locale=LANGUAGES[lang]
        )
        context.set_default_timeout(30_000)
        if main.user:
            sign_in(context, main.user)
        page = context.new_page()
        open_page(page, main, case, lang)
        page.wait_for_load_state("networkidle")  # htmx and the network drawing have settled
        height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
        path = out / f"{main.name}-{lang}.png"
        page.screenshot(
            path=str(path), full_page=True, clip={"x": 0, "y": 0, "width": WIDTH, "height": height}
        )
        written.append(_smaller(path))
        if main.name == "case":  # the network lies below the fold: its own picture
            written.append(_smaller(_network(page, out / f"case-network-{lang}.png")))
        context.close()
    return written


def _smaller(path: Path) -> Path:
    """The PNG in 256 colours (a third of the size; text and flat colours stay sharp), so that
    regenerated screenshots weigh little in the repository."""
    from PIL import Image

    with Image.open(path) as image:
        fewer = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    fewer.save(path, optimize=True)
    return path


def _network(page: Any, path: Path) -> Path:
    page.locator(data_testid("network-canvas") + '[data-ready="true"]').wait_for()
    page.locator(data_testid("case-network")).screenshot(path=str(path))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "ui")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="redflags-ui-") as folder:
        state = Path(folder) / "state"
        print("building the demo service (about a minute)…", flush=True)
        build_state(state, large_case=False)
        with LiveService(state) as service, sync_playwright() as playwright:
            browser = launch(playwright)
            case = demo_cases(state)[0]
            for lang in LANGUAGES:
                for path in shoot(browser, service.base_url, case, lang, args.out):
                    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
            browser.close()


if __name__ == "__main__":
    main()
