"""The self-contained HTML report: cases by urgency, each explained, evidence highlighted."""

from __future__ import annotations

import base64
import hashlib
import math
import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader
from markupsafe import Markup, escape

from redflags.catalogue import Catalogue
from redflags.model import Case
from redflags.model.cases import Alert, YouthItem
from redflags.report.case_view import (
    index_row,
    indicator_table,
    record_summary,
    score_steps,
    source_names,
    timeline_rows,
)
from redflags.report.context import ReportContext
from redflags.report.formats import Formats
from redflags.report.labels import DOSSIER_LABELS, LABELS, explanation
from redflags.report.passages import (  # noqa: F401 (re-exported: tests and callers use them)
    MAX_WINDOW_CHARS,
    WINDOWS_PER_TEXT,
    Segment,
    _windows,
    highlight_segments,
    text_views,
)
from redflags.report.passages import text_views as _text_views  # noqa: F401
from redflags.report.redact import Redactor, Scrubber, case_personal_pairs, finite_text
from redflags.report.vocabulary import pivot_label, record_kind
from redflags.score.risk_v1 import RiskV1Settings, signature_text

MAX_VALUE_CHARS = 2000  # any one value written into a page is cut to this
TEXTS_SHOWN = 12  # text evidence blocks per case in the run report (dossier: its own cap)
TEXTS_WITH_DOSSIER = 2  # ... when a dossier beside the report holds the rest


@lru_cache(maxsize=8)
def page_environment(redactor: Redactor, lang: str = "en") -> Environment:
    """The Jinja environment of every page: autoescape on for every template (whatever its
    name), and each value written passes `safe_value` (identifiers in free text tokenised,
    no inf/nan, bounded length) before it is escaped. One per redactor and language, so a
    run's dossiers compile their templates once, not once per case (a tenth of a second each);
    the redactor is the same object, names added to it later are seen."""
    env = Environment(
        loader=PackageLoader("redflags.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=lambda value: safe_value(value, redactor),
    )
    env.filters["href"] = safe_href
    env.filters["num"] = number
    env.globals["F"] = Formats(lang)
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


SHARED_CSS = "pages.css"  # tables and print rules every page has, after the page's own


def stylesheet(name: str) -> Markup:
    """The page's CSS and the shared rules, inlined as one stylesheet; its hash goes into the
    Content-Security-Policy."""
    folder = files("redflags.report").joinpath("templates")
    own, shared = (folder.joinpath(n).read_text("utf-8") for n in (name, SHARED_CSS))
    return Markup(own + shared)


def content_security_policy(css_name: str) -> Markup:
    """No script, nothing fetched, no forms; only our own stylesheet (by hash) and data: images."""
    digest = hashlib.sha256(stylesheet(css_name).encode("utf-8")).digest()
    style = "'sha256-" + base64.b64encode(digest).decode() + "'"
    # Markup: our own text, kept byte for byte (no escaping, no redaction)
    return Markup(
        f"default-src 'none'; style-src {style}; img-src data:; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    )


def case_card(
    case: Case,
    catalogue: Catalogue,
    record_texts: Mapping[str, Mapping[str, str]],
    redactor: Redactor,
    lang: str,
    texts_limit: int | None = TEXTS_SHOWN,
) -> dict[str, Any]:
    """What the run report's card of a case shows (the dossier builds on the same pieces):
    the score and its steps, the indicators by category, a few evidence texts, the timeline
    grouped with undated entries last, the records by kind and the linking identifiers."""
    texts, texts_more = text_views(case, record_texts, redactor, texts_limit, lang)
    score = case.score
    template = next(
        (
            redactor.finding(f)["facts"].get("template")
            for f in case.findings
            if isinstance(f.facts, dict) and f.facts.get("template")
        ),
        None,
    )
    return {
        "case": case,
        "index": index_row(case, catalogue, lang),
        "score": Formats(lang).score(score.total),
        "sources": source_names(case, lang),
        "explanation": explanation(
            lang,
            score.total,
            RiskV1Settings().case_threshold,
            source_names(case, lang),
            signature_text(score.signature_elements, lang).split(", ")
            if score.signature_elements
            else [],
            score.model,
        ),
        "steps": score_steps(case, lang),
        "table": indicator_table(case, catalogue, lang),
        "template": _template_markup(template, redactor),
        "texts": texts,
        "texts_more": texts_more,
        "records": record_summary(case, lang),
        "pivots": [
            pivot_label(redactor.pivot(p)) for p in case.pivots if not p.startswith("customer:")
        ],
        "timeline": timeline_rows(case.timeline, catalogue, redactor, lang),
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
    template = page_environment(redactor, lang).get_template("report.html.j2")
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
        cases=[
            case_card(
                case,
                catalogue,
                record_texts,
                redactor,
                lang,
                TEXTS_WITH_DOSSIER if c.dossiers else TEXTS_SHOWN,
            )
            for case in cases
        ],
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
        volume=_volume_view(vol, labels, lang),
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


def _volume_view(vol: Mapping[str, Any], labels: Mapping[str, str], lang: str) -> dict[str, str]:
    """The run's volume and budget in one note, numbers as the page's language writes them."""
    if not vol:
        return {}
    f = Formats(lang)
    budget = dict(vol["budget"])
    basis = str(budget.get("basis", ""))
    budget["basis"] = {"ads": record_kind(lang, "ad", 2), "records": labels["records"]}.get(
        basis, basis
    )
    for key in ("case_line", "alert_line"):
        budget[key] = f.integer(budget.get(key, 0))
    shown = {
        "line": labels["volume_line"].format(
            cases=f.integer(vol["cases"]),
            alerts=f.integer(vol["alerts"]),
            youth=f.integer(vol["youth_queue"]),
            records=f.integer(vol["records"]),
            ads=f.integer(vol["ads"]),
            cpk=f.decimal(vol["cases_per_1k_records"] or 0.0, 3),
            apk=f.decimal(vol["alerts_per_1k_records"] or 0.0, 3),
        ),
        "budget": labels["budget_line"].format(**budget),
    }
    if vol.get("ads_only"):
        shown["ads"] = labels["volume_ads"].format(
            cpk=f.decimal(vol["cases_per_1k_ads"] or 0.0, 3),
            apk=f.decimal(vol["alerts_per_1k_ads"] or 0.0, 3),
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
