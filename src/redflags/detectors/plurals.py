"""Counted nouns in the detectors' summaries, in real plural forms: "1 other customer", "2 other
customers", "1 anden kunde", "2 andre kunder"; never "customer(s)" or "anden/andre kunde(r)".

A summary template writes a counted noun as `{count:one form|other form}`, `#` standing for the
number: "{residents:# private customer is|# private customers are} registered". English and
Danish agree on which counts take the singular (CLDR: exactly 1). `summary_format` fills such a
template; `plural` is the same choice for summaries written in code."""

from __future__ import annotations

import string
from typing import Any


def plural(count: Any, one: str, other: str) -> str:
    """`one` for a count of 1, else `other`; `#` in either is the count."""
    number = int(count)
    return (one if abs(number) == 1 else other).replace("#", str(number))


class _SummaryFormatter(string.Formatter):
    """str.format with one addition: a format spec holding "|" is a pair of plural forms."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            return plural(value, one, other)
        return super().format_field(value, format_spec)


_FORMATTER = _SummaryFormatter()


def summary_format(template: str, **values: Any) -> str:
    """`template.format(**values)`, with `{count:one|other}` plurals."""
    return _FORMATTER.format(template, **values)
