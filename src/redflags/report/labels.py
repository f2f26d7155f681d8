"""Interface strings of the report in English and Danish."""

from __future__ import annotations

from redflags.report.formats import Formats

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "redflags report",
        "disclaimer": "Findings are signals for human review, never verdicts. A case means that "
        "linked evidence from several sources deserves a closer look by a trained "
        "analyst.",
        "run": "Run",
        "catalogue": "Catalogue version",
        "model": "Risk model",
        "created": "Created",
        "ingest": "Data read",
        "file": "File",
        "read": "Read",
        "stored": "Stored",
        "quarantined": "Quarantined",
        "cases": "Cases",
        "no_cases": "No case crossed the threshold.",
        "score": "Score",
        "priority": "Priority",
        "high": "high priority",
        "review": "review",
        "explanation": "Why this scored",
        "step": "Step",
        "points": "Points",
        "total": "Total",
        "indicators": "Indicators by category",
        "evidence": "Evidence",
        "record": "Record",
        "field": "Field",
        "value": "Value",
        "texts": "Text evidence",
        "members": "Linked records",
        "identifiers": "Linking identifiers",
        "timeline": "Timeline",
        "findings_total": "Findings",
        "indicator": "Indicator",
        "count": "Count",
        "evaluated": "Indicators evaluated",
        "planned": "planned, no detector yet",
        "redacted": "Identifiers are redacted with a keyed hash; run with --reveal to show them.",
        "revealed": "Identifiers are shown in clear (--reveal). Handle this file accordingly.",
        "forced": "Human review forced by a youth indicator.",
        "youth_queue": "Youth review queue",
        "youth_intro": "Possible minors: strong evidence (a stated age under 18, explicit "
        "under-age wording, a school reference) or weak youth cues together with an indicator "
        "of control. Reviewed whatever the score; kept apart from cases and alerts.",
        "no_youth": "No item: no strong evidence of a minor, and no weak youth cue with an "
        "indicator of control.",
        "strength_strong": "strong evidence",
        "strength_weak_with_control": "weak cues + control",
        "strong_cues": "strong cues",
        "weak_cues": "weak cues",
        "also_case": "also case",
        "review_within": "review within (hours)",
        "volume": "Volume",
        "volume_line": "{cases} cases, {alerts} alerts, {youth} youth items on {records} records "
        "({ads} ads): {cpk} cases and {apk} alerts per 1,000 records.",
        "volume_ads": "Per 1,000 ads: {cpk} cases, {apk} alerts.",
        "budget_line": "Budget on {basis}: cases at most {case_line}, alerts at most {alert_line}.",
        "alerts": "Alerts",
        "alerts_intro": "Single-record or unlinked signals for moderation (not cases), ranked by "
        "score.",
        "no_alerts": "No alert reached the line.",
        "below_line": "{n} more alerts fell below the budget's line; all are listed in cases.json.",
        "rank": "rank",
        "reasons": "reasons",
        "records": "records",
        "window": "Window",
        "hubs": "Over-connected identifiers not used for linking",
        "more_findings": "more findings of this indicator (all in cases.json)",
        "index": "Cases at a glance",
        "n_indicators": "Indicators",
        "case": "Case",
        "categories": "Categories",
        "cities": "Cities",
        "first": "First",
        "last": "Last",
        "open": "Open",
        "card": "card",
        "undated": "undated",
        "when": "When",
        "example": "Example",
        "timeline_note": "One row per indicator or event, undated last; every entry is in "
        "cases.json.",
        "more_texts_in_dossier": "More text evidence is in the dossier.",
        "sources": "sources",
    },
    "da": {
        "title": "redflags-rapport",
        "disclaimer": "Fund er signaler til menneskelig vurdering, aldrig afgørelser. En sag "
        "betyder, at sammenkædede beviser fra flere kilder fortjener et nærmere "
        "kig fra en uddannet analytiker.",
        "run": "Kørsel",
        "catalogue": "Katalogversion",
        "model": "Risikomodel",
        "created": "Oprettet",
        "ingest": "Indlæste data",
        "file": "Fil",
        "read": "Læst",
        "stored": "Gemt",
        "quarantined": "I karantæne",
        "cases": "Sager",
        "no_cases": "Ingen sag nåede over tærsklen.",
        "score": "Score",
        "priority": "Prioritet",
        "high": "høj prioritet",
        "review": "til vurdering",
        "explanation": "Derfor denne score",
        "step": "Trin",
        "points": "Point",
        "total": "I alt",
        "indicators": "Indikatorer efter kategori",
        "evidence": "Beviser",
        "record": "Post",
        "field": "Felt",
        "value": "Værdi",
        "texts": "Tekstbeviser",
        "members": "Sammenkædede poster",
        "identifiers": "Sammenkædende identifikatorer",
        "timeline": "Tidslinje",
        "findings_total": "Fund",
        "indicator": "Indikator",
        "count": "Antal",
        "evaluated": "Evaluerede indikatorer",
        "planned": "planlagt, endnu ingen detektor",
        "redacted": "Identifikatorer er sløret med en nøglet hash; kør med --reveal for at "
        "vise dem.",
        "revealed": "Identifikatorer vises i klar tekst (--reveal). Behandl filen derefter.",
        "forced": "Menneskelig vurdering er påkrævet pga. en indikator for unge.",
        "youth_queue": "Kø for mulige mindreårige",
        "youth_intro": "Mulige mindreårige: stærke tegn (oplyst alder under 18, udtrykkelig "
        "mindreårig-formulering, en skolehenvisning) eller svage ungdomssignaler sammen med en "
        "indikator for kontrol. Vurderes uanset score; holdes adskilt fra sager og alarmer.",
        "no_youth": "Ingen: ingen stærke tegn på en mindreårig og ingen svage ungdomssignaler "
        "sammen med en indikator for kontrol.",
        "strength_strong": "stærke tegn",
        "strength_weak_with_control": "svage signaler + kontrol",
        "strong_cues": "stærke signaler",
        "weak_cues": "svage signaler",
        "also_case": "også sag",
        "review_within": "vurderes inden for (timer)",
        "volume": "Omfang",
        "volume_line": "{cases} sager, {alerts} alarmer, {youth} i køen for mindreårige på "
        "{records} poster ({ads} annoncer): {cpk} sager og {apk} alarmer pr. 1.000 poster.",
        "volume_ads": "Pr. 1.000 annoncer: {cpk} sager, {apk} alarmer.",
        "budget_line": "Budget på {basis}: højst {case_line} sager, højst {alert_line} alarmer.",
        "alerts": "Alarmer",
        "alerts_intro": "Signaler fra enkelte poster eller uden netværk, til moderation (ikke "
        "sager), ordnet efter score.",
        "no_alerts": "Ingen alarm nåede over linjen.",
        "below_line": "{n} alarmer mere lå under budgettets linje; alle står i cases.json.",
        "rank": "rang",
        "reasons": "begrundelser",
        "records": "poster",
        "window": "Vindue",
        "more_findings": "fund mere for denne indikator (alle i cases.json)",
        "hubs": "Overforbundne identifikatorer, der ikke bruges til kobling",
        "index": "Sager i overblik",
        "n_indicators": "Indikatorer",
        "case": "Sag",
        "categories": "Kategorier",
        "cities": "Byer",
        "first": "Først",
        "last": "Sidst",
        "open": "Åbn",
        "card": "kort",
        "undated": "uden dato",
        "when": "Hvornår",
        "example": "Eksempel",
        "timeline_note": "Én række pr. indikator eller hændelse, dem uden dato sidst; alle "
        "poster står i cases.json.",
        "more_texts_in_dossier": "Flere tekstbeviser står i sagsmappen.",
        "sources": "kilder",
    },
}


def explanation(
    lang: str, total: float, threshold: float, sources: list[str], elements: list[str], model: str
) -> str:
    """The case's score in one sentence; `sources` are the record kinds in the page's words."""
    f = Formats(lang)
    if lang == "da":
        text = (
            f"Netværket fik {f.score(total)} point i {model} (tærskel {f.score(threshold)}) med "
            f"beviser fra {f.plural(len(sources), '{n} datakilde', '{n} datakilder')} "
            f"({', '.join(sources)})."
        )
        if elements:
            text += (
                f" Det viser {len(elements)} af de 6 elementer i CMM's sag 1-mønster: "
                f"{', '.join(elements)}."
            )
        return text + " Scoren er summen af trinnene herunder."
    text = (
        f"This network scored {f.score(total)} under {model} (threshold {f.score(threshold)}) "
        f"with evidence from {f.plural(len(sources), '{n} data source', '{n} data sources')} "
        f"({', '.join(sources)})."
    )
    if elements:
        text += (
            f" It shows {len(elements)} of the 6 elements of CMM's Case 1 signature: "
            f"{', '.join(elements)}."
        )
    return text + " The score is the sum of the steps below."


DOSSIER_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "dossier": "Case dossier",
        "back": "Back to the run report",
        "network": "Network",
        "related": "Cut from the same large network (Leiden communities), possibly one operation:",
        "network_note": "Nodes are identifiers (colour = kind); a ring and a label mark an "
        "inferred role. Grey lines: seen on the same records; blue arrows: payments; dashed: "
        "named together by one finding.",
        "network_derived": "The case carries no network edges; the picture is derived from the "
        "findings' evidence.",
        "not_drawn": "more identifiers not drawn (all in the exports)",
        "more_passages": "and {n} more passages of this text",
        "more_texts": "and {n} more texts with evidence (all pointers are in cases.json)",
        "roles": "Roles",
        "role": "Role",
        "entity": "Entity",
        "reasons": "Reasons",
        "confidence": "Confidence",
        "no_roles": "No roles inferred.",
        "timeline_plot": "Timeline",
        "cities": "Cities over time",
        "city": "City",
        "from": "From",
        "to": "To",
        "records": "Records",
        "sources": "Sources",
        "no_cities": "No places recorded for this case.",
        "indicator_table": "Indicators by CMM category",
        "weight": "Weight",
        "findings": "Findings",
        "score_step": "Score step",
        "subtotal": "Subtotal",
        "other_steps": "Other score steps",
        "category": "Category",
        "status": "Status",
        "new": "new",
        "changed": "changed",
        "unchanged": "unchanged",
        "reappeared": "reappeared",
        "verdict": "Verdict",
        "exports": "Exports",
        "hidden_one": "{n} case hidden by the baseline (unchanged, dismissed or suppressed; "
        "--all shows it)",
        "hidden_other": "{n} cases hidden by the baseline (unchanged, dismissed or suppressed; "
        "--all shows them)",
        "collapsed": "A large network is drawn collapsed: its organisers, recruiters and workers, "
        "the identifiers they share, and grey groups standing for the rest.",
        "who": "who",
        "what": "Found",
        "context": "In context",
        "findings_n_one": "{n} finding",
        "findings_n_other": "{n} findings",
        "more_findings_one": "+{n} more finding (all in cases.json and evidence.csv)",
        "more_findings_other": "+{n} more findings (all in cases.json and evidence.csv)",
        "more_rows": "+{n} more evidence items",
        "texts_n_one": "{n} text with highlighted evidence",
        "texts_n_other": "{n} texts with highlighted evidence",
        "identifiers_n": "Linking identifiers ({n})",
        "paid": "paid",
        "legend_same": "same records",
        "legend_paid": "payment",
        "legend_finding": "named by one finding",
        "legend_group": "group of identifiers",
        "organiser": "organiser",
        "recruiter": "recruiter",
        "worker": "worker",
        "buyer": "buyer",
    },
    "da": {
        "dossier": "Sagsmappe",
        "back": "Tilbage til kørslens rapport",
        "network": "Netværk",
        "related": "Skåret ud af det samme store netværk (Leiden-fællesskaber), måske én "
        "operation:",
        "network_note": "Knuder er identifikatorer (farve = type); en ring og en etiket "
        "markerer en udledt rolle. Grå linjer: set på de samme poster; blå pile: betalinger; "
        "stiplet: nævnt sammen af ét fund.",
        "network_derived": "Sagen har ingen netværkskanter; billedet er udledt af fundenes "
        "beviser.",
        "not_drawn": "identifikatorer mere, ikke tegnet (alle i eksporterne)",
        "more_passages": "og {n} steder mere i denne tekst",
        "more_texts": "og {n} tekster mere med beviser (alle henvisninger er i cases.json)",
        "roles": "Roller",
        "role": "Rolle",
        "entity": "Enhed",
        "reasons": "Begrundelser",
        "confidence": "Sikkerhed",
        "no_roles": "Ingen roller udledt.",
        "timeline_plot": "Tidslinje",
        "cities": "Byer over tid",
        "city": "By",
        "from": "Fra",
        "to": "Til",
        "records": "Poster",
        "sources": "Kilder",
        "no_cities": "Ingen steder registreret for denne sag.",
        "indicator_table": "Indikatorer efter CMM-kategori",
        "weight": "Vægt",
        "findings": "Fund",
        "score_step": "Scoretrin",
        "subtotal": "Subtotal",
        "other_steps": "Øvrige scoretrin",
        "category": "Kategori",
        "status": "Status",
        "new": "ny",
        "changed": "ændret",
        "unchanged": "uændret",
        "reappeared": "genopstået",
        "verdict": "Afgørelse",
        "exports": "Eksporter",
        "hidden_one": "{n} sag skjult af baseline (uændret, afvist eller undertrykt; --all "
        "viser den)",
        "hidden_other": "{n} sager skjult af baseline (uændret, afvist eller undertrykt; --all "
        "viser dem)",
        "collapsed": "Et stort netværk tegnes sammenfoldet: organisatorer, rekrutterere og "
        "arbejdere, de identifikatorer de deler, og grå grupper for resten.",
        "who": "hvem",
        "what": "Fundet",
        "context": "I sammenhæng",
        "findings_n_one": "{n} fund",
        "findings_n_other": "{n} fund",
        "more_findings_one": "+{n} fund mere (alle i cases.json og evidence.csv)",
        "more_findings_other": "+{n} fund mere (alle i cases.json og evidence.csv)",
        "more_rows": "+{n} beviser mere",
        "texts_n_one": "{n} tekst med fremhævede beviser",
        "texts_n_other": "{n} tekster med fremhævede beviser",
        "identifiers_n": "Sammenkædende identifikatorer ({n})",
        "paid": "betalt",
        "legend_same": "samme poster",
        "legend_paid": "betaling",
        "legend_finding": "nævnt af ét fund",
        "legend_group": "gruppe af identifikatorer",
        "organiser": "organisator",
        "recruiter": "rekrutterer",
        "worker": "arbejder",
        "buyer": "køber",
    },
}


def category_sentence(lang: str, parts: list[tuple[str, float, int]]) -> str:
    """'The points come from financial +6.0 (3 indicators), …' from (title, points, count)."""
    if not parts:
        return ""
    f = Formats(lang)
    if lang == "da":
        items = [
            f"{t.lower()} {f.delta(p)} ({f.plural(n, '{n} indikator', '{n} indikatorer')})"
            for t, p, n in parts
        ]
        return "Pointene kommer fra " + ", ".join(items) + "."
    items = [
        f"{t.lower()} {f.delta(p)} ({f.plural(n, '{n} indicator', '{n} indicators')})"
        for t, p, n in parts
    ]
    return "The points come from " + ", ".join(items) + "."
