"""One self-contained HTML dossier per case: `cases/<case_id>.html` in the run folder.

A dossier is what an analyst hands on: the network as a static SVG picture, a timeline plot,
the indicators by CMM category with their weights and score steps (the score is the sum of the
steps, shown), roles, cities over time, the evidence with highlights and a plain-language
explanation in English or Danish. No scripts, no fetched assets; it prints.

Identifiers are redacted with the keyed hash unless the redactor reveals them; as a last line of
defence every clear personal value the case carries is replaced in the finished page
(`Scrubber`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from redflags.catalogue import Catalogue
from redflags.catalogue.schema import CATEGORY_TITLES, Category
from redflags.model import Case
from redflags.report.context import ReportContext
from redflags.report.html import _case_view, content_security_policy, own_run, page_environment
from redflags.report.labels import (
    DOSSIER_LABELS,
    LABELS,
    category_sentence,
    roles_sentence,
)
from redflags.report.redact import Redactor, Scrubber, case_personal_pairs, finite_text
from redflags.report.svg import build_network, network_svg, timeline_lanes, timeline_svg

FINDINGS_PER_INDICATOR = 20  # in the dossier's evidence section; the exports hold all
TEXTS_SHOWN = 40  # text evidence blocks per dossier; the rest are counted


def dossier_name(case_id: str) -> str:
    return f"{case_id}.html"


def _category_of(catalogue: Catalogue, indicator_id: str) -> str | None:
    try:
        return str(catalogue.get(indicator_id).category.value)
    except (KeyError, LookupError):
        return None


def indicator_table(case: Case, catalogue: Catalogue, lang: str) -> dict[str, Any]:
    """Rows per CMM category: indicator, weight, findings, score step; subtotals; and the steps
    that belong to no indicator. The subtotals and other steps add up to the case's score."""
    counts = Counter(f.indicator_id for f in case.findings)
    steps_by_code: dict[str, list[Any]] = defaultdict(list)
    for step in case.score.steps:
        steps_by_code[step.code].append(step)
    groups = {g.category: g for g in getattr(case, "categories", ()) or ()}
    sections = []
    for category in Category:
        ids = (
            list(groups[category.value].indicator_ids)
            if category.value in groups
            else sorted(i for i in counts if _category_of(catalogue, i) == category.value)
        )
        ids = [i for i in ids if i in counts or i in steps_by_code]
        if not ids:
            continue
        rows = []
        for indicator_id in ids:
            indicator = catalogue.get(indicator_id)
            steps = steps_by_code.get(indicator_id, [])
            rows.append(
                {
                    "id": indicator_id,
                    "title": indicator.title.get(lang),
                    "weight": indicator.weight,
                    "findings": counts.get(indicator_id, 0),
                    "delta": sum(s.delta for s in steps),
                    "detail": "; ".join(
                        s.detail_da if lang == "da" else s.detail_en for s in steps
                    ),
                    "fairness": indicator.fairness_sensitive,
                    "forces_review": indicator.requires_human,
                }
            )
        sections.append(
            {
                "key": category.value,
                "title": CATEGORY_TITLES[category][lang],
                "rows": rows,
                "subtotal": sum(r["delta"] for r in rows),
            }
        )
    covered = {r["id"] for s in sections for r in s["rows"]}
    other = [
        {"code": s.code, "delta": s.delta, "detail": s.detail_da if lang == "da" else s.detail_en}
        for s in case.score.steps
        if s.code not in covered
    ]
    return {"sections": sections, "other": other}


def _cities(case: Case) -> list[dict[str, Any]]:
    return [
        {
            "city": c.city,
            "start": (c.start or "")[:10],
            "end": (c.end or "")[:10],
            "count": c.count,
            "sources": ", ".join(c.source_kinds),
        }
        for c in sorted(getattr(case, "cities", ()) or (), key=lambda c: (c.start or "", c.city))
    ]


def _roles(case: Case, redactor: Redactor, lang: str) -> list[dict[str, Any]]:
    labels = DOSSIER_LABELS[lang]
    return [
        {
            "role": labels.get(r.role, r.role),
            "entity": redactor.pivot(r.entity),
            "reasons": "; ".join(r.reasons_da if lang == "da" else r.reasons_en),
            "confidence": r.confidence,
        }
        for r in getattr(case, "roles", ()) or ()
    ]


def render_dossier(
    case: Case,
    context: ReportContext,
    status: Mapping[str, Any] | None = None,
    report_href: str = "../report.html",
) -> str:
    """One case's page; `context` gives the catalogue, texts, redactor, language and run."""
    catalogue, redactor, lang = context.catalogue, context.redactor, context.lang
    view = _case_view(case, catalogue, context.record_texts, redactor, lang, TEXTS_SHOWN)
    # the dossier shows more of each indicator's findings than the run report does
    view_full = _full_findings(case, catalogue, redactor, lang)
    table = indicator_table(case, catalogue, lang)
    labels = DOSSIER_LABELS[lang]
    network = build_network(case, redactor.pivot)
    roles = _roles(case, redactor, lang)
    lanes = timeline_lanes(
        case.timeline,
        lambda i: _category_of(catalogue, i),
        lang,
        lambda text: redactor.text(finite_text(text)),
    )
    parts = [
        (s["title"], s["subtotal"], len(s["rows"]))
        for s in sorted(table["sections"], key=lambda s: -s["subtotal"])
    ]
    explanation = [
        view["explanation"],
        category_sentence(lang, parts),
        roles_sentence(lang, [(r["role"], r["entity"], r["reasons"]) for r in roles]),
    ]
    html = (
        page_environment(redactor)
        .get_template("dossier.html.j2")
        .render(
            L=LABELS[lang],
            D=labels,
            lang=lang,
            run=own_run(context.run),
            c=view,
            findings=view_full,
            table=table,
            explanation=[p for p in explanation if p],
            network=network_svg(network, labels),
            network_derived=network.derived,
            hidden_nodes=network.hidden_nodes,
            roles=roles,
            timeline=timeline_svg(lanes),
            cities=_cities(case),
            status=status,
            redacted=not redactor.reveal,
            report_href=report_href,
            csp=content_security_policy("dossier.css"),
            css_name="dossier.css",
        )
    )
    scrub = Scrubber(redactor, case_personal_pairs(case))
    return scrub.page(html)


def _full_findings(
    case: Case, catalogue: Catalogue, redactor: Redactor, lang: str
) -> list[dict[str, Any]]:
    shown: Counter[str] = Counter()
    out = []
    for finding in case.findings:
        shown[finding.indicator_id] += 1
        if shown[finding.indicator_id] > FINDINGS_PER_INDICATOR:
            continue
        data = redactor.finding(finding)
        out.append(
            {
                "id": finding.indicator_id,
                "title": catalogue.get(finding.indicator_id).title.get(lang),
                "summary": data["summary_da" if lang == "da" else "summary_en"],
                "window": (finding.window_start or "")[:10]
                + (" – " + (finding.window_end or "")[:10] if finding.window_end else ""),
                "evidence": data["evidence"][:40],
                "evidence_total": len(data["evidence"]),
            }
        )
    return out


def write_dossiers(folder: Path, context: ReportContext) -> list[Path]:
    """One page per shown case, with its status in the verdict baseline."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in context.cases:
        path = folder / dossier_name(case.case_id)
        path.write_text(
            render_dossier(case, context, context.statuses.get(case.case_id)),
            encoding="utf-8",
        )
        paths.append(path)
    return paths
