"""A page printed to PDF by headless Chromium (`--print-to-pdf`), on A4.

The dossier is self-contained (no scripts, nothing fetched) and carries a Content-Security-
Policy that admits only its own stylesheet by hash; the copy printed here gets one more style
(`@page { size: A4 }`) and that style's hash in the policy, so Chromium prints A4 rather than its
default Letter. Chromium runs without a sandbox (a container's root has none), with a throw-away
profile, and with every background service it would start off."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

PAGE_STYLE = "@page { size: A4; margin: 12mm; }"
CHROMIUM_ENV = "REDFLAGS_CHROMIUM"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT_SECONDS = 120
_STYLE_SRC = re.compile(r"(style-src\s+)")


class PdfError(RuntimeError):
    """The PDF could not be made; one line says why."""


def chromium() -> str:
    """The Chromium to print with: $REDFLAGS_CHROMIUM, else the first one on PATH."""
    given = os.environ.get(CHROMIUM_ENV)
    if given:
        if not Path(given).is_file():
            raise PdfError(f"{CHROMIUM_ENV}={given}: no such program")
        return given
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise PdfError(
        "no Chromium to print the dossier to PDF: install it (apt-get install chromium) or set "
        f"{CHROMIUM_ENV} to its path"
    )


def a4_page(html: str) -> str:
    """The page with an A4 page style its Content-Security-Policy admits."""
    digest = base64.b64encode(hashlib.sha256(PAGE_STYLE.encode()).digest()).decode()
    html = _STYLE_SRC.sub(lambda m: f"{m.group(1)}'sha256-{digest}' ", html, count=1)
    style = f"<style>{PAGE_STYLE}</style>"
    return html.replace("</head>", style + "</head>", 1) if "</head>" in html else style + html


def print_pdf(html: str) -> bytes:
    program = chromium()
    with tempfile.TemporaryDirectory(prefix="redflags-pdf-") as scratch:
        folder = Path(scratch)
        page, out = folder / "page.html", folder / "page.pdf"
        page.write_text(a4_page(html), encoding="utf-8")
        command = [
            program,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-pdf-header-footer",
            f"--user-data-dir={folder / 'profile'}",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False, cwd=folder
            )
        except subprocess.TimeoutExpired:
            raise PdfError(f"Chromium did not print within {TIMEOUT_SECONDS} s") from None
        except OSError as exc:
            raise PdfError(f"cannot run {program}: {exc.strerror or exc}") from None
        if not out.is_file() or out.stat().st_size == 0:
            last = (done.stderr or b"").decode(errors="replace").strip().splitlines()
            raise PdfError(
                f"Chromium printed no PDF (exit {done.returncode})"
                + (f": {last[-1][:200]}" if last else "")
            )
        return out.read_bytes()
