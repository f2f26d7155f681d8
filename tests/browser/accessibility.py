"""axe-core (vendored, tests/browser/vendor/) run in a page: the WCAG 2.1 A and AA rules, and
the violations of serious or critical impact that the accessibility test refuses."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BEST_PRACTICE = [*WCAG21_AA, "best-practice"]  # landmarks, empty table headers, ...
REFUSED_IMPACTS = frozenset({"serious", "critical"})
ALL_IMPACTS = frozenset({"minor", "moderate", "serious", "critical"})


@cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Any, tags: list[str] = WCAG21_AA) -> list[dict[str, Any]]:
    """Every WCAG 2.1 AA violation axe finds in `page` as it is now. The page's context must
    be made with bypass_csp=True: the service's Content-Security-Policy refuses inline scripts,
    which is how axe gets in."""
    page.add_script_tag(content=_axe_source())
    violations: list[dict[str, Any]] = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return results.violations;
        }""",
        tags,
    )
    return violations


def refused(
    violations: list[dict[str, Any]], impacts: frozenset[str] = REFUSED_IMPACTS
) -> list[dict[str, Any]]:
    return [v for v in violations if v.get("impact") in impacts]


def describe(violations: list[dict[str, Any]], nodes: int = 3) -> str:
    """One line per rule, with a few of the elements it failed on: a failure message a
    template author can act on."""
    lines = []
    for v in violations:
        targets = [" ".join(map(str, n.get("target", []))) for n in v.get("nodes", [])]
        shown = "; ".join(targets[:nodes]) + (" …" if len(targets) > nodes else "")
        lines.append(
            f"[{v.get('impact')}] {v['id']}: {v.get('help')} — {len(targets)} element(s): {shown}"
        )
    return "\n".join(lines)
