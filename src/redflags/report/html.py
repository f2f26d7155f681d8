"""The self-contained HTML report: cases by urgency, each explained, evidence highlighted."""

from __future__ import annotations

import base64
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader
from markupsafe import Markup, escape

from redflags.catalogue import Catalogue
from redflags.catalogue.schema import CATEGORY_TITLES, Category
from redflags.extract import identifiers_of
from redflags.model import Case
from redflags.model.cases import Alert, YouthItem
from redflags.report.context import ReportContext
from redflags.report.labels import DOSSIER_LABELS, LABELS, explanation
from redflags.report.redact import Redactor, Scrubber, case_personal_pairs, finite_text
from redflags.score.risk_v1 import RiskV1Settings, signature_text

FINDINGS_SHOWN_PER_INDICATOR = 3  # an analyst reads three; cases.json lists them all
CONTEXT_CHARS = 300  # evidence text shown around each match, each side: never a whole body
WINDOWS_PER_TEXT = 6  # context windows shown per text field; the rest are counted
MAX_WINDOW_CHARS = 4 * CONTEXT_CHARS  # matches every few words must not merge into a whole body
SCAN_MARGIN = 120  # identifiers are looked for this far beyond a window, so none is cut in two
MAX_VALUE_CHARS = 2000  # any one value written into a page is cut to this
TEXTS_SHOWN = 12  # text evidence blocks per case in the run report (dossier: its own cap)


def page_environment(redactor: Redactor) -> Environment:
    """The Jinja environment of every page: autoescape on for every template (whatever its
    name), and each value written passes `safe_value` (identifiers in free text tokenised,
    no inf/nan, bounded length) before it is escaped."""
    env = Environment(
        loader=PackageLoader("redflags.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=lambda value: safe_value(value, redactor),
    )
    env.filters["href"] = safe_href
    env.filters["num"] = number
    env.globals["css"] = stylesheet
    return env


def safe_value(value: Any, redactor: Redactor) -> Any:
    if isinstance(value, Markup) or value is None:
        return value
    if isinstance(value, float):
        return number(value)
    if isinstance(value, str):
        if len(value) > MAX_VALUE_CHARS:
            value = value[:MAX_VALUE_CHARS] + f"… (+{len(value) - MAX_VALUE_CHARS} characters)"
        return redactor.text(finite_text(value))
    return value


def number(value: Any, spec: str = "g") -> str:
    """A number for a page: never 'inf' or 'nan'."""
    try:
        x = float(value)
    except (TypeError, ValueError):
        return str(value)
    if not math.isfinite(x):
        return "(too large to show)"
    return format(x, spec)


def safe_href(url: Any) -> str | None:
    """A link target from record data: only absolute http(s) URLs; None for anything else
    (javascript:, data:, vbscript:, relative), which the template then shows as text."""
    if not isinstance(url, str):
        return None
    text = url.strip()
    if any(ord(c) < 33 or c in '"<>`' for c in text):
        return None
    parts = urlsplit(text)
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def stylesheet(name: str) -> Markup:
    """The page's CSS, inlined; its hash goes into the Content-Security-Policy."""
    return Markup(files("redflags.report").joinpath("templates", name).read_text("utf-8"))


def content_security_policy(css_name: str) -> Markup:
    """No script, nothing fetched, no forms; only our own stylesheet (by hash) and data: images."""
    digest = hashlib.sha256(stylesheet(css_name).encode("utf-8")).digest()
    style = "'sha256-" + base64.b64encode(digest).decode() + "'"
    # Markup: our own text, kept byte for byte (no escaping, no redaction)
    return Markup(
        f"default-src 'none'; style-src {style}; img-src data:; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    )


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


def _windows(spans: Sequence[tuple[int, int, str]], length: int) -> list[tuple[int, int]]:
    """Context windows (CONTEXT_CHARS each side) around the highlighted spans, merged while a
    window stays within MAX_WINDOW_CHARS (then the next starts), so a body dense with matches
    still shows a bounded excerpt."""
    windows: list[tuple[int, int]] = []
    for start, end, _ in sorted(spans):
        if start >= length or end <= 0:
            continue  # a pointer beyond the text (the record changed): nothing to show
        a, b = max(0, start - CONTEXT_CHARS), min(length, max(end, start) + CONTEXT_CHARS)
        if windows and a <= windows[-1][1] and b - windows[-1][0] <= MAX_WINDOW_CHARS:
            windows[-1] = (windows[-1][0], max(windows[-1][1], b))
        elif windows and a < windows[-1][1]:
            windows.append((windows[-1][1], b))  # full: go on where the last one stopped
        else:
            windows.append((a, b))
    return windows


def _text_views(
    case: Case,
    record_texts: Mapping[str, Mapping[str, str]],
    redactor: Redactor,
    limit: int | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """The evidence texts of a case as windows around the matches (never a whole body), with
    identifiers replaced by tokens; at most `limit` text fields, and how many were left out."""
    spans: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
    for finding in case.findings:
        for e in finding.evidence:
            if e.start is not None and e.end is not None and e.field:
                spans[(f"{e.kind}:{e.record_id}", e.field)].append(
                    (e.start, e.end, e.value_kind or e.value or "")
                )
    keys = [k for k in sorted(spans) if record_texts.get(k[0], {}).get(k[1])]
    shown = keys if limit is None else keys[:limit]
    views = []
    for record, field in shown:
        text = record_texts[record][field]
        kind, record_id = record.split(":", 1)
        windows = _windows(spans[(record, field)], len(text))
        parts = []
        for a, b in windows[:WINDOWS_PER_TEXT]:
            lo, hi = max(0, a - SCAN_MARGIN), min(len(text), b + SCAN_MARGIN)
            redactions: list[tuple[int, int, str]] = []
            if not redactor.reveal:
                id_field = {"ad": "ad_id", "message": "message_id"}.get(kind, "id")
                excerpt = {id_field: record_id, field: text[lo:hi]}
                for ident in identifiers_of(kind, excerpt, redactor.region):
                    if ident.field == field and ident.start is not None and ident.end is not None:
                        redactions.append(
                            (
                                ident.start + lo - a,
                                ident.end + lo - a,
                                redactor.token(ident.kind, ident.value),
                            )
                        )
                # account numbers, names and customer ids the contact extractors do not know
                found = list(redactions)  # the contact extractors' spans win over these
                for start, end, token in redactor.spans(text[lo:hi], contacts=False):
                    start, end = start + lo - a, end + lo - a
                    if all(end <= s or start >= e for s, e, _ in found):
                        redactions.append((start, end, token))
            highlights = [(s - a, e - a, label) for s, e, label in spans[(record, field)]]
            parts.append(
                {
                    "before": a > 0,
                    "after": b < len(text),
                    "segments": highlight_segments(text[a:b], highlights, redactions),
                }
            )
        views.append(
            {
                "record": redactor.pivot(record),
                "field": field,
                "parts": parts,
                "more_windows": max(0, len(windows) - WINDOWS_PER_TEXT),
                "length": len(text),
            }
        )
    return views, len(keys) - len(shown)


def _case_view(
    case: Case,
    catalogue: Catalogue,
    record_texts: Mapping[str, Mapping[str, str]],
    redactor: Redactor,
    lang: str,
    texts_limit: int | None = TEXTS_SHOWN,
) -> dict[str, Any]:
    texts, texts_more = _text_views(case, record_texts, redactor, texts_limit)
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
                "template": _template_markup(redacted["facts"].get("template"), redactor),
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
        "texts": texts,
        "texts_more": texts_more,
        "records": sorted(records.items()),
        "pivots": [redactor.pivot(p) for p in case.pivots if not p.startswith("customer:")],
        "timeline": case.timeline,
    }


_RUN_OWN = ("run_id", "created", "catalogue_version", "model", "redflags_version")


def own_run(run: Mapping[str, Any]) -> dict[str, Any]:
    """The run's metadata for a page: its own values (run id, time, versions) are escaped but
    not scrubbed — they are not data, and a run id's date (20261207T...) reads as a phone."""
    own = {k: Markup.escape(str(run[k])) for k in _RUN_OWN if run.get(k) is not None}
    return {**run, **own}


def write_html_report(path: Path, context: ReportContext) -> None:
    c = context
    cases, findings, catalogue, redactor, lang = (
        c.cases,
        c.findings,
        c.catalogue,
        c.redactor,
        c.lang,
    )
    record_texts, youth_queue, alerts = c.record_texts, c.youth_queue, c.alerts
    template = page_environment(redactor).get_template("report.html.j2")
    labels = LABELS[lang]
    vol = dict(c.volume)
    line = int(vol.get("budget", {}).get("alert_line", len(alerts)))
    counts = Counter(f.indicator_id for f in findings)
    html = template.render(
        L=LABELS[lang],
        lang=lang,
        run=own_run(c.run),
        ingest=c.ingest,
        redacted=not redactor.reveal,
        cases=[_case_view(c, catalogue, record_texts, redactor, lang) for c in cases],
        finding_counts=[
            (i, catalogue.get(i).title.get(lang), n) for i, n in sorted(counts.items())
        ],
        evaluated=[catalogue.get(i) for i in c.evaluated],
        planned=sum(1 for i in catalogue if i.planned),
        hubs=sorted((redactor.pivot(p), n) for p, n in c.hubs.items()),
        statuses=c.statuses,
        hidden=c.hidden,
        dossiers=c.dossiers,
        exports=c.exports,
        D=DOSSIER_LABELS[lang],
        csp=content_security_policy("report.css"),
        css_name="report.css",
        youth=[_item_view(y, redactor, lang) for y in youth_queue],
        alerts=[_item_view(a, redactor, lang) for a in alerts[:line]],
        alerts_below=max(0, len(alerts) - line),
        volume=_volume_view(vol, labels),
    )
    if not redactor.reveal:  # last line of defence: no clear value of any case in the page
        scrub = Scrubber(redactor)
        for item in [*cases, *youth_queue, *alerts[:line]]:
            scrub.add(case_personal_pairs(item))
        html = scrub.page(html)
    path.write_text(html, encoding="utf-8")


def _item_view(item: YouthItem | Alert, redactor: Redactor, lang: str) -> dict[str, Any]:
    """What the report shows of a youth-queue item or an alert: reasons and a sample of
    records (redacted references; the full item is in cases.json)."""
    return {
        "item": item,
        "id": item.item_id if isinstance(item, YouthItem) else item.alert_id,
        "reasons": item.reasons_da if lang == "da" else item.reasons_en,
        "records": [redactor.record_ref(r) for r in item.records[:8]],
        "more_records": max(0, len(item.records) - 8),
        "indicators": sorted({f.indicator_id for f in item.findings}),
    }


def _volume_view(vol: Mapping[str, Any], labels: Mapping[str, str]) -> dict[str, str]:
    if not vol:
        return {}
    budget = vol["budget"]
    shown = {
        "line": labels["volume_line"].format(
            cases=vol["cases"],
            alerts=vol["alerts"],
            youth=vol["youth_queue"],
            records=vol["records"],
            ads=vol["ads"],
            cpk=number(vol["cases_per_1k_records"] or 0.0),
            apk=number(vol["alerts_per_1k_records"] or 0.0),
        ),
        "budget": labels["budget_line"].format(**budget),
    }
    if vol.get("ads_only"):
        shown["ads"] = labels["volume_ads"].format(
            cpk=number(vol["cases_per_1k_ads"] or 0.0), apk=number(vol["alerts_per_1k_ads"] or 0.0)
        )
    return shown


_SLOT = re.compile(r"\{[^{}\s]+\}")


def _template_markup(template: Any, redactor: Redactor | None = None) -> Markup | None:
    """An ad template (BEH-AD-TEMPLATE's facts) scrubbed, cut and escaped, with its {slots}
    marked."""
    if not isinstance(template, str):
        return None
    if len(template) > MAX_VALUE_CHARS:
        template = template[:MAX_VALUE_CHARS] + "…"
    if redactor is not None:
        template = redactor.text(template)
    parts, last = [], 0
    for match in _SLOT.finditer(template):
        parts.append(escape(template[last : match.start()]))
        parts.append(Markup('<mark class="slot">%s</mark>') % match.group())
        last = match.end()
    parts.append(escape(template[last:]))
    return Markup("").join(parts)
