"""redflags: red flags of technology-facilitated human trafficking, linked and explained."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redflags.api import Scan

__version__ = "0.1.0"
__all__ = ["Scan", "scan"]


def scan(*args: Any, **kwargs: Any) -> Scan:
    """Scan files or folders and get cases, findings, evidence and alerts as Arrow tables
    (`redflags.api.scan`; docs/api.md). Imported on first use: `import redflags` stays light."""
    from redflags.api import scan as run

    return run(*args, **kwargs)
