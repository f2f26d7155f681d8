"""A case: a group of linked findings whose score crossed the line for human review.

Besides the score and findings, a case carries what an analyst's dossier needs: the network's
entities with their inferred roles (and the reasons), the identity and payment edges between
them (for drawing), the indicators grouped by CMM's four categories, the cities the network was
seen in over time, and a timeline of events. Every field added after the first release has a
default so that older code and older `cases.json` files keep working.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from redflags.model.findings import Finding
from redflags.model.scores import Score


class TimelineEntry(BaseModel):
    """One dated event. `event` says what kind: "finding" (an indicator's window), "first_ad",
    "first_recruitment", "payment_burst", "removal", "first_login", "onboarding" ..."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: str | None
    end: str | None
    indicator_id: str = ""  # empty for events that are not a finding
    summary_en: str
    summary_da: str
    event: str = "finding"
    records: tuple[str, ...] = ()  # "kind:id" of the records behind the event (may be a sample)
    entity: str | None = None  # the pivot the event is about, e.g. "account:DK..." or "city:Odense"


class Role(BaseModel):
    """The role an entity plays in a network, inferred from findings and the graph, with the
    reasons in plain words ("receives sweeps from 3 workers; fronts 5 personas")."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    entity: str  # a pivot: "account:DK...", "customer:C123", "phone:+45...", "handle:name"
    role: str  # "organiser", "recruiter", "worker", "buyer"
    reasons_en: tuple[str, ...] = ()
    reasons_da: tuple[str, ...] = ()
    confidence: float = 1.0  # 0..1: share of the role's cues that were present
    records: tuple[str, ...] = ()  # "kind:id" of evidence records behind the reasons (sample)
    indicator_ids: tuple[str, ...] = ()  # indicators whose findings support the role


class CategoryGroup(BaseModel):
    """The indicators of a case that belong to one of CMM's four categories."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    category: str  # behavioural, financial, know_your_customer, recruitment_coercion_surveillance
    title_en: str
    title_da: str
    indicator_ids: tuple[str, ...] = ()
    finding_ids: tuple[str, ...] = ()
    points: float = 0.0  # sum of the score steps of these indicators


class CityVisit(BaseModel):
    """A city the network was seen in (ads, transactions, customers), with when and how often."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    city: str
    start: str | None = None
    end: str | None = None
    count: int = 0  # records placing the network there
    source_kinds: tuple[str, ...] = ()  # record kinds that place it there (ad, transaction ...)
    records: tuple[str, ...] = ()  # sample of "kind:id"


class NetworkEdge(BaseModel):
    """An edge between two entities of a case's network, for roles and drawing.

    kind "identity": both pivots appear on the same record(s) (a phone in an ad with a handle, a
    customer with an account). kind "payment": money from `source` to `target` (accounts),
    aggregated per ordered pair."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    target: str
    kind: str  # "identity" or "payment"
    count: int = 1
    amount: float | None = None  # payments: total in `currency`
    currency: str | None = None
    first: str | None = None
    last: str | None = None
    records: tuple[str, ...] = ()  # sample of "kind:id" behind the edge


class NetworkInfo(BaseModel):
    """How the case's network was cut out of the graph."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    method: str = "components"  # "components" or "leiden"
    component_size: int = 0  # nodes of the connected component it came from
    community: int | None = None  # Leiden community index inside that component
    communities_in_component: int = 1
    modularity: float | None = None
    parameters: dict[str, float | int | str] = {}
    hubs_cut: tuple[str, ...] = ()  # over-connected pivots that touched this network and were cut
    component_id: str | None = None  # set when Leiden split a large component into communities
    related_cases: tuple[str, ...] = ()  # other cases cut from the same component


class Case(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    case_id: str
    group_id: str
    score: Score
    findings: tuple[Finding, ...]
    records: tuple[str, ...]  # "kind:id" of every linked record
    pivots: tuple[str, ...]  # identifiers that link the group
    timeline: tuple[TimelineEntry, ...]
    roles: tuple[Role, ...] = ()
    categories: tuple[CategoryGroup, ...] = ()
    cities: tuple[CityVisit, ...] = ()
    edges: tuple[NetworkEdge, ...] = ()
    network: NetworkInfo | None = None

    @property
    def indicator_ids(self) -> tuple[str, ...]:
        return tuple(sorted({f.indicator_id for f in self.findings}))


class YouthItem(BaseModel):
    """An item of the youth review queue (`Y-…`): a group with a credible signal of a minor.

    `strength` is "strong" (a stated age under 18, explicit under-age wording, a school or grade
    reference) or "weak_with_control" (weak youth cues together with an indicator of control on
    the same record or group). Never dropped by a score; `case_id` names the case when the same
    group is also a case, so nothing goes silently into cases."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    item_id: str
    group_id: str
    strength: str  # "strong" or "weak_with_control"
    strong_cues: tuple[str, ...] = ()
    weak_cues: tuple[str, ...] = ()
    control_indicators: tuple[str, ...] = ()  # indicators of control that made weak cues count
    reasons_en: tuple[str, ...] = ()
    reasons_da: tuple[str, ...] = ()
    review_within_hours: int | None = None  # strong evidence: reviewed within this many hours
    case_id: str | None = None
    score: Score
    findings: tuple[Finding, ...]
    records: tuple[str, ...]
    pivots: tuple[str, ...]


class Alert(BaseModel):
    """A moderation item (`A-…`): a linked group that is not a case (no network evidence from
    several record kinds with an anchor) but whose score reached the alert line. Ranked by score;
    `within_budget` is False for the ones below the alert budget's line (kept, not deleted)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    alert_id: str
    group_id: str
    rank: int
    score: Score
    base_score: float  # the score without fairness-sensitive modifiers (what the line is on)
    within_budget: bool = True
    reasons_en: tuple[str, ...] = ()
    reasons_da: tuple[str, ...] = ()
    findings: tuple[Finding, ...]
    records: tuple[str, ...]
    pivots: tuple[str, ...]

    @property
    def indicator_ids(self) -> tuple[str, ...]:
        return tuple(sorted({f.indicator_id for f in self.findings}))
