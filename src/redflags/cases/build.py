"""Turn scored groups into cases, most urgent first."""

from __future__ import annotations

from collections.abc import Iterable

from redflags.link import Group
from redflags.model import Case, Score, TimelineEntry

_PRIORITY_ORDER = {"high": 0, "review": 1, "none": 2}


def build_cases(scored: Iterable[tuple[Group, Score]]) -> list[Case]:
    cases = [
        Case(
            case_id="C-" + group.group_id.removeprefix("G-"),
            group_id=group.group_id,
            score=score,
            findings=group.findings,
            records=group.records,
            pivots=group.pivots,
            timeline=_timeline(group),
        )
        for group, score in scored
        if score.is_case
    ]
    return sorted(
        cases, key=lambda c: (_PRIORITY_ORDER[c.score.priority], -c.score.total, c.case_id)
    )


def _timeline(group: Group) -> tuple[TimelineEntry, ...]:
    entries = [
        TimelineEntry(
            start=f.window_start,
            end=f.window_end,
            indicator_id=f.indicator_id,
            summary_en=f.summary_en,
            summary_da=f.summary_da,
        )
        for f in group.findings
    ]
    return tuple(sorted(entries, key=lambda e: (e.start or "", e.indicator_id)))
