"""A printable, bilingual checklist of the indicators a person can observe.

For bank staff at the counter, caseworkers and police: the red flags that no data set shows as
well as a trained eye does. Indicators seen only by a person come first.
"""

from __future__ import annotations

import html

from redflags.catalogue.loader import Catalogue
from redflags.catalogue.schema import CATEGORY_TITLES, Category, Indicator

_INTRO = {
    "en": (
        "Red flags a person can observe. One flag is not proof: note what you saw, when, and "
        "who was present, and follow your organisation's procedure for possible human "
        "trafficking. Do not confront the person you are worried about or the companion."
    ),
    "da": (
        "Røde flag, som en person kan observere. Ét flag er ikke bevis: notér hvad du så, "
        "hvornår og hvem der var til stede, og følg din organisations procedure ved mulig "
        "menneskehandel. Konfrontér hverken personen, du er bekymret for, eller ledsageren."
    ),
}


def checklist_indicators(catalogue: Catalogue) -> list[Indicator]:
    chosen = [i for i in catalogue if i.human_observable]
    return sorted(chosen, key=lambda i: (not i.human_only, list(Category).index(i.category), i.id))


def render_markdown(catalogue: Catalogue) -> str:
    lines = [
        "# Technology-facilitated trafficking: what a person can observe",
        "# Teknologifaciliteret menneskehandel: hvad en person kan observere",
        "",
        _INTRO["en"],
        "",
        _INTRO["da"],
        "",
    ]
    for category in Category:
        items = [i for i in checklist_indicators(catalogue) if i.category is category]
        if not items:
            continue
        titles = CATEGORY_TITLES[category]
        lines += [f"## {titles['en']} / {titles['da']}", ""]
        for i in items:
            only = (
                " (only a person can see this / kun en person kan se dette)" if i.human_only else ""
            )
            lines += [
                f"- [ ] **{i.title.en}** / **{i.title.da}**{only}  ",
                f"  {i.description.en}  ",
                f"  *{i.description.da}*  ",
                f"  `{i.id}`",
                "",
            ]
    lines += ["Date / Dato: ____________  Observed by / Observeret af: ____________________", ""]
    return "\n".join(lines)


def render_html(catalogue: Catalogue) -> str:
    rows = []
    for category in Category:
        items = [i for i in checklist_indicators(catalogue) if i.category is category]
        if not items:
            continue
        titles = CATEGORY_TITLES[category]
        rows.append(f"<h2>{html.escape(titles['en'])} / {html.escape(titles['da'])}</h2><table>")
        for i in items:
            only = "<span class='only'>only a person / kun en person</span>" if i.human_only else ""
            rows.append(
                "<tr><td class='box'>&#9744;</td><td>"
                f"<strong>{html.escape(i.title.en)}</strong> {only}<br>"
                f"{html.escape(i.description.en)}"
                f"</td><td><strong>{html.escape(i.title.da)}</strong><br>"
                f"{html.escape(i.description.da)}</td><td class='id'>{i.id}</td></tr>"
            )
        rows.append("</table>")
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Red flags checklist / Tjekliste</title><style>
body{{font:11pt/1.4 system-ui,sans-serif;margin:1.5cm}} table{{border-collapse:collapse;width:100%}}
td{{border-bottom:1px solid #ccc;padding:4pt 6pt;vertical-align:top;width:45%}}
td.box{{width:1.2em;font-size:14pt}} td.id{{width:9em;font:8pt monospace;color:#555}}
.only{{font-size:8pt;background:#eee;padding:0 3pt}} h2{{font-size:13pt;margin-top:14pt}}
@media print{{tr{{page-break-inside:avoid}}}}</style></head><body>
<h1>What a person can observe / Hvad en person kan observere</h1>
<p>{html.escape(_INTRO["en"])}</p><p><em>{html.escape(_INTRO["da"])}</em></p>
{"".join(rows)}
<p>Date / Dato: ____________ &nbsp; Observed by / Observeret af: ____________________</p>
</body></html>
"""
