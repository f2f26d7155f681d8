"""The goAML report's `reason`, in Danish, from the case's own explanation: what the network
scored and why (the score's model and steps), the CMM categories and indicators behind it, who
plays which role, the strongest findings and the money in the report. Identifiers are in clear:
the report is for the FIU. Cut at goAML's 4,000 characters, whole sentences only."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from redflags.catalogue import Catalogue
from redflags.model import Case

MAX_REASON_CHARS = 4000
KINDS_DA = {
    "account": "konto",
    "customer": "kunde",
    "phone": "telefon",
    "email": "e-mail",
    "handle": "profil",
    "address": "adresse",
    "persona": "annonceret person",
    "device": "enhed",
}
ROLES_DA = {"organiser": "organisator", "recruiter": "rekrutterer", "worker": "arbejder"}
CUT_NOTE = " (forkortet; hele sagen er i henvisningspakken)"


def _entity(pivot: str) -> str:
    kind, _, value = pivot.partition(":")
    return f"{KINDS_DA.get(kind, kind)} {value}"


def _points(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _kroner(amount: float) -> str:
    return f"{amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def reason_da(
    case: Case,
    catalogue: Catalogue,
    transactions: int,
    total: float,
    currency: str,
    limit: int = MAX_REASON_CHARS,
) -> str:
    score = case.score
    sentences = [
        f"redflags-sag {case.case_id}: mistanke om menneskehandel (teknologibaseret "
        f"udnyttelse). Netværket fik {_points(score.total)} point i risikomodellen {score.model} "
        f"(prioritet {score.priority}) med beviser fra {len(score.source_types)} datakilder "
        f"({', '.join(score.source_types)})."
    ]
    groups = [g for g in case.categories if g.indicator_ids]
    if groups:
        parts = [
            f"{g.title_da.lower()} {_points(g.points)} point ({len(g.indicator_ids)} indikatorer)"
            for g in sorted(groups, key=lambda g: -g.points)
        ]
        sentences.append("Pointene fordeler sig på CMM's kategorier: " + "; ".join(parts) + ".")
    titles = [
        catalogue.get(i).title.get("da") for i in case.indicator_ids if i in catalogue.indicators
    ]
    sentences.append(f"Indikatorer ({len(titles)}): " + "; ".join(titles) + ".")
    if score.signature_elements:
        sentences.append(
            f"Sagen viser {len(score.signature_elements)} af de 6 elementer i CMM's sag 1-mønster."
        )
    roles = [r for r in case.roles if r.role in ROLES_DA]
    for role in roles[:8]:
        because = "; ".join(role.reasons_da[:2])
        sentences.append(
            f"{_entity(role.entity)} fremstår som {ROLES_DA[role.role]}"
            + (f": {because}." if because else ".")
        )
    buyers = sum(1 for r in case.roles if r.role == "buyer")
    if buyers:
        sentences.append(f"{buyers} konti fremstår som købere.")
    if transactions:
        sentences.append(
            f"Rapporten omfatter {transactions} transaktioner på i alt {_kroner(total)} {currency}."
        )
    strongest = _strongest_findings(case, limit=6)
    if strongest:
        sentences.append("Væsentligste fund: " + " ".join(strongest))
    return _fit(sentences, limit)


def _strongest_findings(case: Case, limit: int) -> list[str]:
    """One Danish summary per indicator, strongest first."""
    seen: Counter[str] = Counter()
    out = []
    for finding in sorted(case.findings, key=lambda f: -f.strength):
        if seen[finding.indicator_id] or not finding.summary_da:
            continue
        seen[finding.indicator_id] += 1
        summary = finding.summary_da.strip()
        out.append(summary if summary.endswith(".") else summary + ".")
        if len(out) == limit:
            break
    return out


def _fit(sentences: Sequence[str], limit: int) -> str:
    text = ""
    for sentence in sentences:
        candidate = f"{text} {sentence}".strip()
        if len(candidate) + len(CUT_NOTE) > limit:
            return (text + CUT_NOTE).strip()
        text = candidate
    return text
