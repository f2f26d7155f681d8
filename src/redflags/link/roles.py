"""Roles of the entities in a network, inferred from its findings and its payment edges.

- organiser / controller: receives from many one-off payers (FIN-BUYER-PAYS-THIRD-PARTY), receives
  sweeps or transfers from workers (FIN-FAN-IN-FROM-WORKERS, the recipient of FIN-WORKER-SWEEP
  payments), fronts several personas (BEH-CONTACT-PROXY, BEH-ROTATING-ROSTER,
  BEH-MULTICITY-CIRCUIT), logs in to others'
  accounts (the device owner in RCS-SURV-ACCOUNT-CONTROL), or sends threats, surveillance and
  debt messages (RCS-RULES-THREATS, RCS-SURV-*, RCS-DEBT-QUOTA, RCS-DOCS-RETAINED), not notes
  about them (field notes and KYC staff notes give no role: see NOTES);
- recruiter: posts job ads or sends recruitment messages (RCS-REC-*);
- worker: an account that is swept, logged in to from someone else's device, pays back wages or
  fees, or a customer whose own contact is in sex ads (KYC-CONTACT-IN-SEX-ADS);
- buyer: pays a network account once or twice (one-off payer); never a network member.

One role per entity, the strongest that applies (organiser > recruiter > worker > buyer), with
every reason that was found. Reasons are short sentences in English and Danish.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from redflags.link.groups import Group
from redflags.model import Finding
from redflags.model.cases import Role

ORDER = ("organiser", "recruiter", "worker", "buyer")
CONTROL_MESSAGES = {
    "RCS-RULES-THREATS",
    "RCS-SURV-LOCATION",
    "RCS-SURV-CHECKINS",
    "RCS-SURV-EVIDENCE-WIPE",
    "RCS-DEBT-QUOTA",
    "RCS-DOCS-RETAINED",
    "RCS-IMAGE-BLACKMAIL",
}
FRONTING = {"BEH-CONTACT-PROXY", "BEH-ROTATING-ROSTER", "BEH-MULTICITY-CIRCUIT"}
WORKER_ACCOUNT = {
    "FIN-WORKER-SWEEP",
    "BEH-REMOTE-CONTROL-LOGIN",
    "RCS-SURV-ACCOUNT-CONTROL",
    "FIN-WAGES-POOLED",
    "FIN-RECRUIT-FEES-DEDUCTIONS",
}
PERSON_CONTACTS = ("handle:", "phone:", "email:", "person:")  # who sends a message
# notes written by staff or inspectors: their words are evidence about the person met, whose
# given phone may be the controller's, so they give nobody a role
NOTES = {"observation", "kyc_event"}
MAX_BUYERS = 25  # buyer roles listed per case (the rest are counted in the organiser's reason)


@dataclass
class _Cues:
    reasons: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    records: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    indicators: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, role: str, en: str, da: str, finding: Finding | None = None) -> None:
        if (en, da) not in self.reasons[role]:
            self.reasons[role].append((en, da))
        if finding is not None:
            self.indicators[role].add(finding.indicator_id)
            self.records[role].update(f"{e.kind}:{e.record_id}" for e in finding.evidence[:5])


def _subject_pivot(finding: Finding) -> str:
    if finding.subject_kind in {"account", "phone", "email", "handle", "device", "customer"}:
        return f"{finding.subject_kind}:{finding.subject}"
    return finding.pivots[0] if finding.pivots else f"{finding.subject_kind}:{finding.subject}"


def _int(value: object) -> int:
    try:
        return int(float(str(value)))
    except ValueError:
        return 0


def infer_roles(group: Group) -> tuple[Role, ...]:
    cues: dict[str, _Cues] = defaultdict(_Cues)
    members = set(group.pivots)
    sweepers: set[str] = set()
    for f in group.findings:
        entity = _subject_pivot(f)
        i = f.indicator_id
        if i == "FIN-BUYER-PAYS-THIRD-PARTY":
            n = _int(f.facts.get("distinct_payers"))
            cues[entity].add(
                "organiser",
                f"receives from {n} distinct payers, mostly one-off",
                f"modtager fra {n} forskellige betalere, oftest én gang",
                f,
            )
        elif i == "FIN-FAN-IN-FROM-WORKERS":
            n = _int(f.facts.get("senders"))
            cues[entity].add(
                "organiser",
                f"receives transfers from {n} workers",
                f"modtager overførsler fra {n} arbejdere",
                f,
            )
        elif i in FRONTING:
            n = _int(f.facts.get("personas"))
            if n:
                cues[entity].add(
                    "organiser",
                    f"fronts {n} personas",
                    f"står bag {n} personaer",
                    f,
                )
        elif i == "KYC-CONTACT-IN-SEX-ADS":
            # Measured on seed 1: the customer whose own contact is in sex ads is mostly the
            # advertised worker; organising needs money or control cues besides.
            n = _int(f.facts.get("personas"))
            cues[entity].add(
                "worker",
                f"their contact is in sex ads ({n} persona{'s' if n != 1 else ''})",
                f"kontaktoplysning står i sexannoncer ({n} personaer)",
                f,
            )
        elif i == "RCS-SURV-ACCOUNT-CONTROL":
            owner = f.facts.get("device_owner")
            if owner:
                cues[f"customer:{owner}"].add(
                    "organiser",
                    "logs in to others' accounts from their own device",
                    "logger ind på andres konti fra sin egen enhed",
                    f,
                )
            cues[entity].add(
                "worker",
                "account used from someone else's device",
                "kontoen bruges fra en andens enhed",
                f,
            )
        elif f.subject_kind in NOTES:
            continue  # a note names the person met and the number they gave, not its author
        elif i in CONTROL_MESSAGES:
            for pivot in f.pivots:
                if not pivot.startswith(PERSON_CONTACTS):
                    continue
                cues[pivot].add(
                    "organiser",
                    "sends threats, surveillance or debt demands",
                    "sender trusler, overvågning eller gældskrav",
                    f,
                )
        elif i.startswith("RCS-REC-"):
            for pivot in f.pivots:
                if not pivot.startswith(PERSON_CONTACTS):
                    continue
                cues[pivot].add(
                    "recruiter",
                    "posts job ads or sends recruitment messages",
                    "slår job op eller sender rekrutteringsbeskeder",
                    f,
                )
        if i in WORKER_ACCOUNT and i != "RCS-SURV-ACCOUNT-CONTROL":
            cues[entity].add(
                "worker",
                {
                    "FIN-WORKER-SWEEP": "takings swept on to another account",
                    "BEH-REMOTE-CONTROL-LOGIN": "logged in to from elsewhere than the holder",
                    "FIN-WAGES-POOLED": "wages paid back or pooled",
                    "FIN-RECRUIT-FEES-DEDUCTIONS": "wages go to fees or deductions",
                }[i],
                {
                    "FIN-WORKER-SWEEP": "indtægter føres videre til en anden konto",
                    "BEH-REMOTE-CONTROL-LOGIN": "der logges ind fra et andet sted end ejerens",
                    "FIN-WAGES-POOLED": "løn betales tilbage eller samles",
                    "FIN-RECRUIT-FEES-DEDUCTIONS": "løn går til gebyrer eller fradrag",
                }[i],
                f,
            )
            if i == "FIN-WORKER-SWEEP":
                sweepers.add(entity.removeprefix("account:"))

    # Payments: the main recipient of sweeping workers; one-off payers are buyers.
    swept_to: dict[str, set[str]] = defaultdict(set)
    payers_in: dict[str, int] = defaultdict(int)
    buyers: list[tuple[str, str]] = []
    for pair in group.payments:
        if pair.payer in sweepers and f"account:{pair.payee}" in members:
            swept_to[pair.payee].add(pair.payer)
        payee_in = f"account:{pair.payee}" in members
        payer_in = f"account:{pair.payer}" in members
        if payee_in and not payer_in and not pair.merchant and pair.count <= 2:
            payers_in[pair.payee] += 1
            buyers.append((pair.payer, pair.payee))
    for account, workers in swept_to.items():
        cues[f"account:{account}"].add(
            "organiser",
            f"receives sweeps from {len(workers)} worker account{'s' if len(workers) > 1 else ''}",
            f"modtager overførte indtægter fra {len(workers)} arbejderkonti",
        )
    flagged_recipients = {
        a.removeprefix("account:")
        for a, c in cues.items()
        if c.reasons and a.startswith("account:")
    }
    for payer, payee in sorted(buyers):
        if payee in flagged_recipients and len(cues) < 10_000:
            cue = cues[f"account:{payer}"]
            if not cue.reasons:
                cue.add(
                    "buyer",
                    "pays a network account once or twice",
                    "betaler en netværkskonto én eller to gange",
                )

    roles = []
    buyer_count = 0
    for entity, cue in sorted(cues.items()):
        present = [r for r in ORDER if cue.reasons.get(r)]
        if not present:
            continue
        role = present[0]
        if role == "buyer":
            buyer_count += 1
            if buyer_count > MAX_BUYERS:
                continue
        reasons = [r for name in present for r in cue.reasons[name]]
        roles.append(
            Role(
                entity=entity,
                role=role,
                reasons_en=tuple(en for en, _ in reasons),
                reasons_da=tuple(da for _, da in reasons),
                confidence=round(min(1.0, 0.5 + 0.25 * len(cue.reasons[role])), 3),
                records=tuple(sorted(cue.records[role]))[:10],
                indicator_ids=tuple(sorted(cue.indicators[role])),
            )
        )
    return tuple(sorted(roles, key=lambda r: (ORDER.index(r.role), -len(r.reasons_en), r.entity)))


def roles_summary(roles: Sequence[Role]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for role in roles:
        counts[role.role] += 1
    return dict(counts)
