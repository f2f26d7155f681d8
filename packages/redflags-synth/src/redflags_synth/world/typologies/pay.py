"""RCS-REC-TOO-GOOD's rule as ground truth: an offered monthly wage of at least
`min_sector_median_ratio` times the destination's median (the indicator's YAML params) is too
good, whatever the template says. Templates that also say "no experience needed" claim the
indicator themselves (the rule's second branch).

Like the truth rules (`truth/`), this applies the published rule to what is true (the amount the
generator drew), not to what a parser reads from the text.
"""

from __future__ import annotations

from functools import cache
from typing import Any

TOO_GOOD = "RCS-REC-TOO-GOOD"


@cache
def _params() -> dict[str, Any]:
    from redflags.catalogue import load_catalogue

    return dict(load_catalogue().get(TOO_GOOD).detector.params)


def too_good_pay(earn: object, currency: str, destination: str = "DK") -> list[str]:
    """[TOO_GOOD] when `earn` (a monthly amount, "80,000" or 3000) in `currency` ("€" is EUR)
    reaches the rule's ratio of the destination's median; else []."""
    params = _params()
    code = {"€": "EUR"}.get(currency, currency)
    monthly_eur = float(str(earn).replace(",", "")) / float(params["eur_per"][code])
    median = float(params["median_monthly_eur"][destination])
    return [TOO_GOOD] if monthly_eur >= float(params["min_sector_median_ratio"]) * median else []
