"""Debian's Chromium under Playwright. Playwright never downloads a browser here (`playwright
install` needs the network); it drives the system's /usr/bin/chromium instead."""

from __future__ import annotations

from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
# The machine's network is closed: without these, Chromium keeps trying to reach its update,
# sync and safe-browsing services and floods the log with refused connections.
ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright: Any) -> Any:
    """A headless Chromium (playwright.sync_api.Browser)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
