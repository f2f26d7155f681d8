"""The self-contained HTML report: cases by urgency, each explained, evidence highlighted."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from redflags.catalogue import Catalogue
from redflags.catalogue.schema import CATEGORY_TITLES, Category
from redflags.extract import identifiers_of
from redflags.model import Case, Finding
from redflags.report.labels import DOSSIER_LABELS, LABELS, explanation
from redflags.report.redact import Redactor, Scrubber, case_personal_pairs
from redflags.score.risk_v1 import RiskV1Settings, signature_text

FINDINGS_SHOWN_PER_INDICATOR = 3  # an analyst reads three; cases.json lists them all


@dataclass(frozen=True)
class Segment:
    text: str
    highlight: str | None  # concept or identifier kind being highlighted
    redacted: bool


def highlight_segments(
    text: str,
    highlights: Sequence[tuple[int, int, str]],
    redactions: Sequence[tuple[int, int, str]],
) -> list[Segment]:
    """Split text into segments; redacted spans become their token, highlights are marked."""
    marks: list[str | None] = [None] * len(text)
    for start, end, label in highlights:
        for i in range(max(0, start), min(end, len(text))):
            marks[i] = label
    owner: list[int | None] = [None] * len(text)
    for number, (start, end, _) in enumerate(redactions):
        for i in range(max(0, start), min(end, len(text))):
            owner[i] = number
    segments: list[Segment] = []
    i = 0
    while i < len(text):
        index = owner[i]
        if index is not None:
            j = i
            while j < len(text) and owner[j] == index:
                j += 1
            label = next((m for m in marks[i:j] if m), None) or "identifier"
            segments.append(Segment(redactions[index][2], label, True))
            i = j
            continue
        j = i
        while j < len(text) and owner[j] is None and marks[j] == marks[i]:
            j += 1
        segments.append(Segment(text[i:j], marks[i], False))
        i = j
    return segments


def _text_views(
    case: Case, record_texts: Mapping[str, Mapping[str, str]], redactor: Redactor
) -> list[dict[str, Any]]:
    spans: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
    for finding in case.findings:
        for e in finding.evidence:
            if e.start is not None and e.end is not None and e.field:
                spans[(f"{e.kind}:{e.record_id}", e.field)].append(
                    (e.start, e.end, e.value_kind or e.value or "")
                )
    views = []
    for (record, field), highlights in sorted(spans.items()):
        text = record_texts.get(record, {}).get(field)
        if not text:
            continue
        kind, record_id = record.split(":", 1)
        redactions: list[tuple[int, int, str]] = []
        if not redactor.reveal:
            id_field = {"ad": "ad_id", "message": "message_id"}.get(kind, "id")
            for ident in identifiers_of(kind, {id_field: record_id, field: text}):
                if ident.field == field and ident.start is not None and ident.end is not None:
                    redactions.append(
                        (ident.start, ident.end, redactor.token(ident.kind, ident.value))
                    )
        views.append(
            {
                "record": record,
                "field": field,
                "segments": highlight_segments(text, highlights, redactions),
            }
        )
    return views


def _case_view(
    case: Case,
    catalogue: Catalogue,
    record_texts: Mapping[str, Mapping[str, str]],
    redactor: Redactor,
    lang: str,
) -> dict[str, Any]:
    by_category: dict[Category, list[dict[str, Any]]] = defaultdict(list)
    shown: Counter[str] = Counter()
    for finding in case.findings:
        indicator = catalogue.get(finding.indicator_id)
        shown[indicator.id] += 1
        if shown[indicator.id] > FINDINGS_SHOWN_PER_INDICATOR:
            continue  # the rest are counted in `more` below, and all are in cases.json
        redacted = redactor.finding(finding)
        by_category[indicator.category].append(
            {
                "id": indicator.id,
                "title": indicator.title.get(lang),
                "summary": redacted["summary_da" if lang == "da" else "summary_en"],
                "window": (finding.window_start or "")[:10]
                + (" – " + (finding.window_end or "")[:10] if finding.window_end else ""),
                "evidence": redacted["evidence"],
                "template": _template_markup(redacted["facts"].get("template")),
                "weight": indicator.weight,
                "more": 0,
            }
        )
    for items in by_category.values():
        for item in items:
            if shown[item["id"]] > FINDINGS_SHOWN_PER_INDICATOR:
                item["more"] = shown[item["id"]] - FINDINGS_SHOWN_PER_INDICATOR
        for index in range(len(items) - 1):  # the count goes on the last one shown
            if items[index]["id"] == items[index + 1]["id"]:
                items[index]["more"] = 0
    records = Counter(r.split(":", 1)[0] for r in case.records)
    score = case.score
    return {
        "case": case,
        "explanation": explanation(
            lang,
            score.total,
            RiskV1Settings().case_threshold,
            list(score.source_types),
            signature_text(score.signature_elements, lang).split(", ")
            if score.signature_elements
            else [],
            score.model,
        ),
        "steps": [
            {
                "code": s.code,
                "delta": s.delta,
                "detail": s.detail_da if lang == "da" else s.detail_en,
            }
            for s in score.steps
        ],
        "categories": [
            (CATEGORY_TITLES[c][lang], by_category[c]) for c in Category if by_category.get(c)
        ],
        "texts": _text_views(case, record_texts, redactor),
        "records": sorted(records.items()),
        "pivots": [redactor.pivot(p) for p in case.pivots if not p.startswith("customer:")],
        "timeline": case.timeline,
    }


def write_html_report(
    path: Path,
    cases: Sequence[Case],
    findings: Sequence[Finding],
    catalogue: Catalogue,
    run: Mapping[str, Any],
    ingest: Sequence[Mapping[str, Any]],
    record_texts: Mapping[str, Mapping[str, str]],
    redactor: Redactor,
    lang: str = "en",
    hubs: Mapping[str, int] | None = None,
    evaluated: Sequence[str] = (),
    statuses: Mapping[str, Mapping[str, Any]] | None = None,
    hidden: Sequence[Mapping[str, Any]] = (),
    dossiers: bool = False,
    exports: Sequence[str] = (),
) -> None:
    env = Environment(
        loader=PackageLoader("redflags.report", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = env.get_template("report.html.j2")
    counts = Counter(f.indicator_id for f in findings)
    html = template.render(
        L=LABELS[lang],
        lang=lang,
        run=run,
        ingest=ingest,
        redacted=not redactor.reveal,
        cases=[_case_view(c, catalogue, record_texts, redactor, lang) for c in cases],
        finding_counts=[
            (i, catalogue.get(i).title.get(lang), n) for i, n in sorted(counts.items())
        ],
        evaluated=[catalogue.get(i) for i in evaluated],
        planned=sum(1 for i in catalogue if i.planned),
        hubs=sorted((redactor.pivot(p), n) for p, n in (hubs or {}).items()),
        statuses=statuses or {},
        hidden=hidden,
        dossiers=dossiers,
        exports=exports,
        D=DOSSIER_LABELS[lang],
    )
    if not redactor.reveal:  # last line of defence: no clear value of any case in the page
        scrub = Scrubber(redactor)
        for case in cases:
            scrub.add(case_personal_pairs(case))
        html = scrub(html)
    path.write_text(html, encoding="utf-8")


_SLOT = re.compile(r"\{[^{}\s]+\}")


def _template_markup(template: Any) -> Markup | None:
    """An ad template (BEH-AD-TEMPLATE's facts) escaped, with its {slots} marked."""
    if not isinstance(template, str):
        return None
    parts, last = [], 0
    for match in _SLOT.finditer(template):
        parts.append(escape(template[last : match.start()]))
        parts.append(Markup('<mark class="slot">%s</mark>') % match.group())
        last = match.end()
    parts.append(escape(template[last:]))
    return Markup("").join(parts)
