"""risk-v2: risk-v1 with anchors that follow the typology (issue #13, item 2), and one event
scored once (issue #16, item 6).

risk-v1's rule 5 asks for an anchor of the act or means in words (an RCS indicator) or the
Case 1 signature's remote control or wiped evidence. Labour exploitation shows the means in money
and paperwork as much as in words: wages pooled and passed on as fees for housing and travel,
documents handled by someone else, a controller on every account. risk-v2 adds one anchor:

- **CONTROL-MONEY-AND-PAPERS**: strong findings of at least one indicator of control over the
  person's money (`MONEY_CONTROL`) and at least one of control over their papers and accounts
  (`PAPER_CONTROL`). The two come from different record kinds by construction (transactions;
  customers, the KYC log), so one lawful pattern alone (an employer paying wages, a family on one
  phone) does not make it.

- **One recruitment offer anchors nothing alone.** Paid travel and housing, urgency, a job ad
  with messenger contact and a wage far above the norm are offers that lawful employers make
  too (each lists them among its known false positives): a seasonal farm that pays the bus and
  answers on WhatsApp. One of them (`RECRUITMENT_OFFERS`) anchors a case
  only beside a second, different one or beside any other anchor (a fee, a passport asked for
  early, coercion, surveillance, control over money and papers).

- **One event, one finding** (issue #16, item 6): indicators that point at the same evidence
  (score/events.py: Jaccard index >= 0.8 of their evidence pointers within the record kinds they
  share) read one event. Only the strongest adds points; the others get a 0-point step that says
  which indicator they corroborate and on which records, and they are never a second anchor, a
  second indicator of control, or a source of record kinds for rule 5. An event anchors, or shows
  control, when any of its readings does, once.

Everything else is risk-v1, unchanged (risk-v1 stays as released). docs/scoring.md describes both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from redflags.catalogue import Indicator
from redflags.model import Finding, Score, Step
from redflags.score.risk_v1 import RiskV1

MODEL_NAME = "risk-v2"
CONTROL_ANCHOR = "CONTROL-MONEY-AND-PAPERS"

# Someone else takes or directs the person's earnings.
MONEY_CONTROL = frozenset(
    {
        "FIN-WAGES-POOLED",
        "FIN-WORKER-SWEEP",
        "FIN-RECRUIT-FEES-DEDUCTIONS",
        "FIN-DEBT-REMITTANCE",
        "FIN-BUYER-PAYS-THIRD-PARTY",
    }
)
# Someone else holds the person's documents, speaks for them or takes over their contacts.
PAPER_CONTROL = frozenset(
    {"KYC-DOC-HANDLING", "KYC-THIRD-PARTY-ONBOARDING", "KYC-CONTACT-TAKEOVER"}
)
# Offers lawful employers make too: one alone anchors nothing.
RECRUITMENT_OFFERS = frozenset(
    {
        "RCS-REC-PAID-TRAVEL-HOUSING",
        "RCS-REC-URGENCY",
        "RCS-REC-MESSENGER-JOB-AD",
        "RCS-REC-TOO-GOOD",
    }
)


class RiskV2(RiskV1):
    name = MODEL_NAME
    one_event_one_finding = True

    def anchors(
        self,
        scored: Sequence[Indicator],
        by_indicator: dict[str, list[Finding]],
        weak: set[str],
        lead_of: Mapping[str, str] | None = None,
    ) -> list[str]:
        anchors = super().anchors(scored, by_indicator, weak, lead_of)
        # an event read by several indicators shows control through any of them
        present = {i.id for i in scored if i.id not in weak}
        if present & MONEY_CONTROL and present & PAPER_CONTROL:
            anchors.append(CONTROL_ANCHOR)
        if len(anchors) == 1 and anchors[0] in RECRUITMENT_OFFERS:
            return []  # one offer a lawful employer could make
        return anchors

    def score(self, findings: Sequence[Finding]) -> Score:
        score = super().score(findings)
        if CONTROL_ANCHOR not in score.anchors:
            return score
        present = {f.indicator_id for f in findings}
        money = ", ".join(sorted(present & MONEY_CONTROL))
        papers = ", ".join(sorted(present & PAPER_CONTROL))
        step = Step(
            code=CONTROL_ANCHOR,
            delta=0.0,
            detail_en=(
                f"Anchor: control over the person's money ({money}) and over their papers or "
                f"accounts ({papers}) together show the means, without words."
            ),
            detail_da=(
                f"Anker: kontrol over personens penge ({money}) og over papirer eller konti "
                f"({papers}) viser tilsammen midlerne, uden ord."
            ),
        )
        return score.model_copy(update={"steps": (*score.steps, step)})
