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

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from redflags.model import Case
from redflags.report.case_view import (
    category_of,
    city_rows,
    evidence_by_indicator,
    indicator_table,
    role_groups,
)
from redflags.report.context import ReportContext
from redflags.report.html import case_card, content_security_policy, own_run, page_environment
from redflags.report.labels import DOSSIER_LABELS, LABELS, category_sentence
from redflags.report.redact import Scrubber, case_personal_pairs, finite_text
from redflags.report.svg import (
    build_network,
    collapse,
    limit_nodes,
    network_svg,
    timeline_lanes,
    timeline_svg,
)

__all__ = ["dossier_name", "indicator_table", "render_dossier", "why_lines", "write_dossiers"]

FINDINGS_PER_INDICATOR = 5  # in the dossier's evidence section; the exports hold all
EVIDENCE_ROWS = 6  # evidence items shown per finding
TEXTS_SHOWN = 40  # text evidence blocks per dossier; the rest are counted


def dossier_name(case_id: str) -> str:
    return f"{case_id}.html"


def why_lines(card: Mapping[str, Any], lang: str) -> list[str]:
    """'Why this scored' as a short list: the score sentence, then where the points come from."""
    parts = [
        (s["title"], s["points"], len(s["rows"]))
        for s in sorted(card["table"]["sections"], key=lambda s: -s["points"])
    ]
    return [line for line in (card["explanation"], category_sentence(lang, parts)) if line]


def render_dossier(
    case: Case,
    context: ReportContext,
    status: Mapping[str, Any] | None = None,
    report_href: str = "../report.html",
) -> str:
    """One case's page; `context` gives the catalogue, texts, redactor, language and run."""
    catalogue, redactor, lang = context.catalogue, context.redactor, context.lang
    card = case_card(case, catalogue, context.record_texts, redactor, lang, TEXTS_SHOWN)
    network = collapse(build_network(case, redactor.pivot, max_nodes=None))
    network = limit_nodes(network)
    lanes = timeline_lanes(
        case.timeline,
        lambda i: category_of(catalogue, i),
        lang,
        lambda text: redactor.text(finite_text(text)),
    )
    html = (
        page_environment(redactor, lang)
        .get_template("dossier.html.j2")
        .render(
            L=LABELS[lang],
            D=DOSSIER_LABELS[lang],
            lang=lang,
            run=own_run(context.run),
            c=card,
            why=why_lines(card, lang),
            roles=role_groups(case, redactor, lang),
            evidence=evidence_by_indicator(
                case,
                catalogue,
                context.record_texts,
                redactor,
                lang,
                FINDINGS_PER_INDICATOR,
                EVIDENCE_ROWS,
            ),
            network=network_svg(network, lang),
            network_derived=network.derived,
            network_collapsed=network.collapsed,
            hidden_nodes=network.hidden_nodes,
            timeline=timeline_svg(lanes, lang),
            cities=city_rows(case, lang),
            status=status,
            redacted=not redactor.reveal,
            report_href=report_href,
            csp=content_security_policy("dossier.css"),
            css_name="dossier.css",
        )
    )
    scrub = Scrubber(redactor, case_personal_pairs(case))
    return scrub.page(html)


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
