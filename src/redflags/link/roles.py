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

What a finding says about who is who is catalogue data: each indicator's `roles` (its role, whose
role it is, its reason in English and Danish). What the payments say (who receives the sweeps,
who pays once or twice) is read here. One role per entity, the strongest that applies (organiser
> recruiter > worker > buyer), with every reason that was found.
"""

from __future__ import annotations

import string
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from redflags.catalogue import load_catalogue
from redflags.catalogue.schema import RoleRule
from redflags.link.groups import Group
from redflags.model import Finding
from redflags.model.cases import Role

ORDER = ("organiser", "recruiter", "worker", "buyer")
PERSON_CONTACTS = ("handle:", "phone:", "email:", "person:")  # who sends a message
# notes written by staff or inspectors: their words are evidence about the person met, whose
# given phone may be the controller's, so they give nobody a role
NOTES = {"observation", "kyc_event"}
SWEEP = "FIN-WORKER-SWEEP"  # its subjects are the accounts whose takings the payments follow
MAX_BUYERS = 25  # buyer roles listed per case (the rest are counted in the organiser's reason)


class _Reason(string.Formatter):
    """A reason's template: facts in braces, `{n:one/many}` picks a word by the count."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "/" in format_spec:
            one, _, many = format_spec.partition("/")
            return one if _int(value) == 1 else many
        return str(super().format_field(value, format_spec))

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        return _int(kwargs.get(str(key)))  # the facts are counts; absent counts as 0


_REASON = _Reason()


@cache
def _rules() -> dict[str, tuple[RoleRule, ...]]:
    """Indicator id -> its role rules, from the catalogue."""
    return {i.id: i.roles for i in load_catalogue() if i.roles}


def _entities(rule: RoleRule, finding: Finding) -> list[str]:
    if rule.entity == "contacts":
        return [p for p in finding.pivots if p.startswith(PERSON_CONTACTS)]
    if rule.entity == "device_owner":
        owner = finding.facts.get("device_owner")
        return [f"customer:{owner}"] if owner else []
    return [_subject_pivot(finding)]


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
    rules = _rules()
    for f in group.findings:
        if f.subject_kind in NOTES:
            continue
        for rule in rules.get(f.indicator_id, ()):
            if rule.when_fact and not _int(f.facts.get(rule.when_fact)):
                continue
            en = _REASON.format(rule.reason.en, **f.facts)
            da = _REASON.format(rule.reason.da, **f.facts)
            for entity in _entities(rule, f):
                cues[entity].add(rule.role, en, da, f)
        if f.indicator_id == SWEEP:
            sweepers.add(_subject_pivot(f).removeprefix("account:"))

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
