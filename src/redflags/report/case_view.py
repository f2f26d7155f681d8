"""What a page shows of one case, as plain data for a template: the index row, the score steps,
the indicators by CMM category, the roles summarised by group, the timeline grouped with undated
entries last, the cities, and the evidence in words with the matched text in its context.

Every piece is a function of the case, the run's redactor and the page's language, so the run
report, the dossier and a web page can use the same ones. Values are redacted here (pivots,
evidence values, text windows); the finished page still passes the Scrubber.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from redflags.catalogue import Catalogue
from redflags.catalogue.schema import CATEGORY_TITLES, Category
from redflags.model import Case
from redflags.report.formats import Formats
from redflags.report.passages import match_label, snippet
from redflags.report.redact import Redactor, finite_text
from redflags.report.vocabulary import (
    ROLES,
    concept_label,
    counted_records,
    counted_roles,
    event_name,
    field_name,
    identifier_kind,
    pivot_label,
    record_kind,
)

ROLE_ORDER = tuple(ROLES["en"])  # organiser, recruiter, worker, buyer
REASONS_IN_LINE = 3  # reasons named in a role group's line; all are in its <details>
CITIES_IN_INDEX = 3


def category_of(catalogue: Catalogue, indicator_id: str | None) -> str | None:
    if not indicator_id:
        return None
    try:
        return str(catalogue.get(indicator_id).category.value)
    except (KeyError, LookupError):
        return None


def _title(catalogue: Catalogue, indicator_id: str, lang: str) -> str:
    try:
        return catalogue.get(indicator_id).title.get(lang)
    except (KeyError, LookupError):
        return indicator_id


# --- the index of cases ---------------------------------------------------------------------


def dated_span(case: Case) -> tuple[str | None, str | None]:
    """The first and last date the case's timeline and cities carry (ISO text), or None."""
    days = [
        t[:10]
        for entry in case.timeline
        for t in (entry.start, entry.end)
        if t and re.match(r"\d{4}-\d{2}-\d{2}", t)
    ]
    days += [
        t[:10] for c in getattr(case, "cities", ()) or () for t in (c.start, c.end) if t and t[:4]
    ]
    return (min(days), max(days)) if days else (None, None)


def index_row(case: Case, catalogue: Catalogue, lang: str) -> dict[str, Any]:
    """One line of the run report's index: enough to choose which case to open."""
    f = Formats(lang)
    categories = sorted(
        {c for c in (category_of(catalogue, i) for i in case.indicator_ids) if c},
        key=[c.value for c in Category].index,
    )
    kinds = Counter(r.partition(":")[0] for r in case.records)
    cities = sorted(
        getattr(case, "cities", ()) or (), key=lambda c: (-c.count, c.start or "", c.city)
    )
    first, last = dated_span(case)
    return {
        "case_id": case.case_id,
        "priority": case.score.priority,
        "score": f.score(case.score.total),
        "indicators": len(case.indicator_ids),
        "categories": [CATEGORY_TITLES[Category(c)][lang] for c in categories],
        "records": [counted_records(lang, k, n) for k, n in sorted(kinds.items())],
        "cities": [c.city for c in cities[:CITIES_IN_INDEX]],
        "more_cities": max(0, len(cities) - CITIES_IN_INDEX),
        "first": f.date(first),
        "last": f.date(last),
    }


# --- score and indicators ---------------------------------------------------------------------


def score_steps(case: Case, lang: str) -> list[dict[str, Any]]:
    f = Formats(lang)
    return [
        {
            "code": s.code,
            "delta": f.delta(s.delta),
            "detail": s.detail_da if lang == "da" else s.detail_en,
        }
        for s in case.score.steps
    ]


def indicator_table(case: Case, catalogue: Catalogue, lang: str) -> dict[str, Any]:
    """Rows per CMM category: indicator, weight, findings, score step; subtotals; and the steps
    that belong to no indicator. The subtotals and other steps add up to the case's score."""
    f = Formats(lang)
    counts = Counter(x.indicator_id for x in case.findings)
    steps_by_code: dict[str, list[Any]] = defaultdict(list)
    for step in case.score.steps:
        steps_by_code[step.code].append(step)
    groups = {g.category: g for g in getattr(case, "categories", ()) or ()}
    sections = []
    for category in Category:
        ids = (
            list(groups[category.value].indicator_ids)
            if category.value in groups
            else sorted(i for i in counts if category_of(catalogue, i) == category.value)
        )
        ids = [i for i in ids if i in counts or i in steps_by_code]
        if not ids:
            continue
        rows = []
        for indicator_id in ids:
            indicator = catalogue.get(indicator_id)
            title = indicator.title.get(lang)
            steps = steps_by_code.get(indicator_id, [])
            delta = sum(s.delta for s in steps)
            rows.append(
                {
                    "id": indicator_id,
                    "title": title,
                    "weight": f.decimal(indicator.weight, 1),
                    "findings": counts.get(indicator_id, 0),
                    "points": delta,
                    "delta": f.delta(delta),
                    "detail": "; ".join(
                        _without_title(s.detail_da if lang == "da" else s.detail_en, title)
                        for s in steps
                    ),
                    "fairness": indicator.fairness_sensitive,
                    "forces_review": indicator.requires_human,
                }
            )
        subtotal = sum(r["points"] for r in rows)
        sections.append(
            {
                "key": category.value,
                "title": CATEGORY_TITLES[category][lang],
                "rows": rows,
                "points": subtotal,
                "subtotal": f.delta(subtotal),
            }
        )
    covered = {r["id"] for s in sections for r in s["rows"]}
    other = [
        {
            "code": s.code,
            "delta": f.delta(s.delta),
            "detail": s.detail_da if lang == "da" else s.detail_en,
        }
        for s in case.score.steps
        if s.code not in covered
    ]
    return {"sections": sections, "other": other, "total": f.score(case.score.total)}


def _without_title(detail: str, title: str) -> str:
    """A step's detail without the indicator's title it starts with (the row shows it)."""
    return detail[len(title) + 2 :] if detail.startswith(title + ": ") else detail


# --- roles ------------------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _merge_reasons(reasons: Iterable[str]) -> list[tuple[str, int]]:
    """Reasons that differ only in their numbers as one, with the numbers as ranges:
    'receives from 42 … ' and 'receives from 46 …' -> ('receives from 42–46 …', 2)."""
    shapes: dict[str, list[list[str]]] = defaultdict(list)
    for reason in reasons:
        shapes[_NUMBER.sub("\x00", reason)].append(_NUMBER.findall(reason))
    merged = []
    for shape, numbers in shapes.items():
        text = shape
        for slot in zip(*numbers, strict=True):
            values = sorted(set(slot), key=lambda v: float(v.replace(",", ".")))
            shown = values[0] if len(values) == 1 else f"{values[0]}–{values[-1]}"
            text = text.replace("\x00", shown, 1)
        merged.append((text, len(numbers)))
    return sorted(merged, key=lambda m: (-m[1], m[0]))


def role_groups(case: Case, redactor: Redactor, lang: str) -> list[dict[str, Any]]:
    """One group per role: a line ("25 buyers: pays a network account once or twice") and its
    members with their own reasons, for a <details> under the line. A role's confidence is not
    shown: it is a count of its reasons, not a measured probability."""
    f = Formats(lang)
    by_role: dict[str, list[Any]] = defaultdict(list)
    for role in getattr(case, "roles", ()) or ():
        by_role[role.role].append(role)
    groups = []
    for name in sorted(by_role, key=lambda r: (*ROLE_ORDER, r).index(r)):
        members = by_role[name]
        reasons_of = [r.reasons_da if lang == "da" else r.reasons_en for r in members]
        merged = _merge_reasons(reason for reasons in reasons_of for reason in reasons)
        n = len(members)
        parts = [
            text if count == n else f"{text} ({f.integer(count)} {_of(lang)} {f.integer(n)})"
            for text, count in merged[:REASONS_IN_LINE]
        ]
        if len(merged) > REASONS_IN_LINE:
            parts.append("…")
        groups.append(
            {
                "role": name,
                "count": n,
                "line": f"{counted_roles(lang, name, n)}: {'; '.join(parts)}",
                "members": _members_by_reasons(members, reasons_of, redactor),
            }
        )
    return groups


def _members_by_reasons(
    members: Sequence[Any], reasons_of: Sequence[Sequence[str]], redactor: Redactor
) -> list[dict[str, Any]]:
    """Members with the same reasons together: each reason text once, then who gave it."""
    together: dict[str, list[str]] = defaultdict(list)
    for role, reasons in zip(members, reasons_of, strict=True):
        together["; ".join(reasons)].append(pivot_label(redactor.pivot(role.entity)))
    return [{"reasons": r, "entities": e} for r, e in together.items()]


def _of(lang: str) -> str:
    return "af" if lang == "da" else "of"


# --- timeline ---------------------------------------------------------------------------------


def timeline_rows(
    entries: Sequence[Any], catalogue: Catalogue, redactor: Redactor, lang: str
) -> list[dict[str, Any]]:
    """The timeline grouped per indicator or event: first and last date, how many entries and
    one example, in order of the first date; undated groups come last, not first."""
    f = Formats(lang)
    groups: dict[str, list[Any]] = defaultdict(list)
    for entry in entries:
        groups[entry.indicator_id or getattr(entry, "event", "") or "event"].append(entry)
    rows = []
    for key, items in groups.items():
        starts = sorted(t for e in items for t in (e.start, e.end) if t)
        first = items[0]
        example = first.summary_da if lang == "da" else first.summary_en
        rows.append(
            {
                "key": key,
                "title": _title(catalogue, key, lang)
                if first.indicator_id
                else event_name(lang, key),
                "category": category_of(catalogue, first.indicator_id),
                "first": starts[0] if starts else None,
                "when": f.span(starts[0], starts[-1]) if starts else "",
                "count": len(items),
                "example": redactor.text(finite_text(example or "")),
            }
        )
    return sorted(rows, key=lambda r: (r["first"] is None, r["first"] or "", r["key"]))


def ordered_timeline(entries: Iterable[Any]) -> list[Any]:
    """Timeline entries by date, undated ones last (for pages that list every entry)."""
    return sorted(entries, key=lambda e: (not (e.start or e.end), e.start or e.end or ""))


# --- places and records -----------------------------------------------------------------------


def city_rows(case: Case, lang: str) -> list[dict[str, Any]]:
    f = Formats(lang)
    cities = getattr(case, "cities", ()) or ()
    return [
        {
            "city": c.city,
            "start": f.date(c.start),
            "end": f.date(c.end),
            "count": f.integer(c.count),
            "sources": ", ".join(record_kind(lang, k, 2) for k in c.source_kinds),
        }
        for c in sorted(cities, key=lambda c: (not c.start, c.start or "", c.city))
    ]


def record_summary(case: Case, lang: str) -> list[str]:
    """'90 ads', '14 messages', … (by kind, in the page's language)."""
    kinds = Counter(r.partition(":")[0] for r in case.records)
    return [counted_records(lang, k, n) for k, n in sorted(kinds.items())]


def source_names(case: Case, lang: str) -> list[str]:
    return [record_kind(lang, k, 2) for k in case.score.source_types]


# --- evidence ---------------------------------------------------------------------------------


def evidence_rows(
    finding: Any,
    record_texts: Mapping[str, Mapping[str, str]],
    redactor: Redactor,
    lang: str,
    limit: int,
) -> tuple[list[dict[str, Any]], int]:
    """A finding's evidence in words: which record, which field, what was found (a concept's
    label, an identifier's kind and token, or the value) and the matched words in context."""
    data = redactor.finding(finding)
    rows = []
    for original, shown in list(zip(finding.evidence, data["evidence"], strict=True))[:limit]:
        label = match_label(lang, original)
        value = shown.get("value") or ""
        if original.value_kind:
            what = f"{identifier_kind(lang, original.value_kind)} {pivot_label(value)}"
        else:
            what = concept_label(lang, original.value or "") or value
        rows.append(
            {
                "record": f"{record_kind(lang, shown['kind'])} {shown['record_id']}",
                "field": field_name(lang, shown.get("field")),
                "what": what,
                "context": snippet(original, record_texts, redactor, label),
            }
        )
    return rows, max(0, len(finding.evidence) - limit)


def evidence_by_indicator(
    case: Case,
    catalogue: Catalogue,
    record_texts: Mapping[str, Mapping[str, str]],
    redactor: Redactor,
    lang: str,
    findings_per_indicator: int,
    rows_per_finding: int,
) -> list[dict[str, Any]]:
    """Per indicator (in the case's order): its findings, each with its summary, window and
    evidence rows; at most `findings_per_indicator` findings shown, the rest counted."""
    f = Formats(lang)
    by_indicator: dict[str, list[Any]] = defaultdict(list)
    for finding in case.findings:
        by_indicator[finding.indicator_id].append(finding)
    out = []
    for indicator_id, findings in by_indicator.items():
        shown = []
        for finding in findings[:findings_per_indicator]:
            data = redactor.finding(finding)
            rows, more = evidence_rows(finding, record_texts, redactor, lang, rows_per_finding)
            shown.append(
                {
                    "summary": data["summary_da" if lang == "da" else "summary_en"],
                    "window": f.span(finding.window_start, finding.window_end),
                    "rows": rows,
                    "more_rows": more,
                }
            )
        out.append(
            {
                "id": indicator_id,
                "title": _title(catalogue, indicator_id, lang),
                "category": category_of(catalogue, indicator_id),
                "count": len(findings),
                "findings": shown,
                "more": len(findings) - len(shown),
            }
        )
    return out
