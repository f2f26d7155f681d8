"""Interface strings of the report in English and Danish."""

from __future__ import annotations

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
        "window": "Window",
        "hubs": "Over-connected identifiers not used for linking",
        "more_findings": "more findings of this indicator (all in cases.json)",
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
        "window": "Vindue",
        "more_findings": "fund mere for denne indikator (alle i cases.json)",
        "hubs": "Overforbundne identifikatorer, der ikke bruges til kobling",
    },
}


def explanation(
    lang: str, total: float, threshold: float, sources: list[str], elements: list[str], model: str
) -> str:
    if lang == "da":
        text = (
            f"Netværket fik {total:g} point i {model} (tærskel {threshold:g}) med beviser "
            f"fra {len(sources)} datakilder ({', '.join(sources)})."
        )
        if elements:
            text += (
                f" Det viser {len(elements)} af de 6 elementer i CMM's sag 1-mønster: "
                f"{', '.join(elements)}."
            )
        return text + " Scoren er summen af trinnene herunder."
    text = (
        f"This network scored {total:g} under {model} (threshold {threshold:g}) with "
        f"evidence from {len(sources)} data sources ({', '.join(sources)})."
    )
    if elements:
        text += (
            f" It shows {len(elements)} of the 6 elements of CMM's Case 1 signature: "
            f"{', '.join(elements)}."
        )
    return text + " The score is the sum of the steps below."
