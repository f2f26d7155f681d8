"""KYC onboarding indicators as aggregate definitions over `customer_features` / `customer_keys`.

What the records carry: each customer's onboarding time and onboarding device (`device_id`),
contact phone and e-mail, address, occupation and segment. What they do not carry, and so what
these rules cannot see: the onboarding IP, referral codes, the liveness video, document uploads
as events (no device event is an upload), EXIF of ID photos, staff notes, a KYC change log and a
company register (CVR). The onboarding device is therefore also our "upload device".

Only private customers count as applicants (business onboarding runs through other channels).
A group onboarded on one device must not be one household: it needs >= 2 addresses or >= 3
surnames (a couple or a family with two surnames registering at home does not count; workers
housed at one address with three or more surnames do).

- KYC-BATCH-ONBOARDING: >= `min_applications` customers onboarded on one device within
  `window_days`, with >= `min_distinct_surnames` surnames.
- KYC-THIRD-PARTY-ONBOARDING: the contact phone or e-mail was already another household's
  (a customer onboarded earlier, different surname and different address), or the onboarding
  device was used by >= `min_other_applicants_per_device` other applicants with other surnames
  within `window_days`. The liveness-video and staff-flag parts need data we do not have.
- KYC-DOC-HANDLING: one onboarding (upload) device for >= `min_identities_per_uploader`
  identities of different surnames onboarded within `window_days`. The EXIF / background part
  needs the ID images, which we do not have.
- KYC-ADDRESS-AT-WORKPLACE (built, left planned): private customers (>= `min_residents`, >= 2
  surnames, not the owner's surname) at the address of a business customer in a high-risk trade.
  Business customers stand in for the CVR register of production units; a workplace that does
  not bank here is invisible, which is why Case 1's clinic (no KYC record) cannot be seen and the
  indicator stays planned (docs/evaluation.md).
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Mapping
from typing import Any, ClassVar

from redflags.catalogue.params.kyc import (
    AddressAtWorkplaceParams,
    BatchOnboardingParams,
    DocHandlingParams,
    ThirdPartyOnboardingParams,
)
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register
from redflags.detectors.features import ensure_kyc_features
from redflags.engines import Engine

# Customers onboarded on each device, windowed from every onboarding on it.
DEVICE_WINDOWS = """
onboarded AS (
    SELECT customer_id, device_id, onboard_s, onboarded_at,
           coalesce(surname, concat('customer:', customer_id)) AS surname,
           coalesce(address, concat('customer:', customer_id)) AS address
    FROM customer_features
    WHERE device_id IS NOT NULL AND onboard_s IS NOT NULL AND segment = 'private'
),
busy AS (SELECT device_id FROM onboarded GROUP BY device_id HAVING count(*) >= $min_customers),
-- one window per distinct start: customers onboarded in the same second (a source that gives
-- only the date) open one window, not one each, or every customer would count once per start
starts AS (SELECT DISTINCT device_id, onboard_s FROM onboarded),
windows AS (
    SELECT a.device_id, a.onboard_s AS start_s, count(*) AS customers,
           count(DISTINCT o.surname) AS surnames, count(DISTINCT o.address) AS addresses,
           min(o.onboarded_at) AS first_ts,
           max(o.onboarded_at) AS last_ts, list(o.customer_id) AS evidence
    FROM starts a
    JOIN busy b ON b.device_id = a.device_id
    JOIN onboarded o ON o.device_id = a.device_id
        AND o.onboard_s >= a.onboard_s AND o.onboard_s < a.onboard_s + $window_s
    GROUP BY a.device_id, a.onboard_s
)"""

BATCH = f"""
WITH {DEVICE_WINDOWS}
SELECT device_id AS subject, first_ts AS window_start, last_ts AS window_end, evidence,
       customers AS rank, customers AS applications, surnames
FROM windows
WHERE customers >= $min_customers AND surnames >= $min_surnames
  AND (addresses >= 2 OR surnames >= 3)  -- not a couple or family registering at home
"""

DOC_HANDLING = BATCH  # the same shape; the catalogue asks for 2 identities, not 3 applications

THIRD_PARTY = """
WITH c AS (
    SELECT customer_id, surname, address, device_id, onboard_s, onboarded_at
    FROM customer_features WHERE onboard_s IS NOT NULL AND segment = 'private'
),
contact AS (  -- the phone or e-mail already belonged to another household's customer
    SELECT a.customer_id, count(DISTINCT b.customer_id) AS earlier_holders
    FROM customer_keys ka
    JOIN customer_keys kb ON kb.kind = ka.kind AND kb.value = ka.value
        AND kb.customer_id <> ka.customer_id
    JOIN c a ON a.customer_id = ka.customer_id
    JOIN c b ON b.customer_id = kb.customer_id
    WHERE list_contains($contact_kinds, ka.kind)
      AND (b.onboard_s < a.onboard_s
           OR (b.onboard_s = a.onboard_s AND b.customer_id < a.customer_id))
      AND coalesce(a.surname, '') <> coalesce(b.surname, '#')
      AND coalesce(a.address, '') <> coalesce(b.address, '#')
    GROUP BY a.customer_id
),
device AS (  -- other applicants of other households on the device around the same time
    SELECT a.customer_id, count(DISTINCT b.customer_id) AS other_applicants
    FROM c a
    JOIN c b ON b.device_id = a.device_id AND b.customer_id <> a.customer_id
    WHERE abs(b.onboard_s - a.onboard_s) < $window_s
      AND coalesce(a.surname, '') <> coalesce(b.surname, '#')
    GROUP BY a.customer_id
    HAVING count(DISTINCT b.customer_id) >= $min_other_applicants
)
SELECT c.customer_id AS subject, c.onboarded_at AS window_start, c.onboarded_at AS window_end,
       [c.customer_id] AS evidence,
       coalesce(k.earlier_holders, 0) + coalesce(d.other_applicants, 0) AS rank,
       coalesce(k.earlier_holders, 0) AS contact_shared_with,
       coalesce(d.other_applicants, 0) AS other_applicants_on_device
FROM c
LEFT JOIN contact k ON k.customer_id = c.customer_id
LEFT JOIN device d ON d.customer_id = c.customer_id
WHERE k.customer_id IS NOT NULL OR d.customer_id IS NOT NULL
"""

ADDRESS_AT_WORKPLACE = """
WITH workplaces AS (
    SELECT address, min(occupation) AS trade, list(DISTINCT surname) AS owner_surnames
    FROM customer_features
    WHERE segment = 'business' AND address IS NOT NULL
      AND list_contains($high_risk_occupations, occupation)
    GROUP BY address
),
residents AS (
    SELECT c.customer_id, c.address, c.onboarded_at, c.surname, w.trade
    FROM customer_features c
    JOIN workplaces w ON w.address = c.address
    WHERE c.segment = 'private'
      AND NOT list_contains(w.owner_surnames, coalesce(c.surname, ''))
)
SELECT address AS subject, min(onboarded_at) AS window_start, max(onboarded_at) AS window_end,
       list(customer_id) AS evidence, count(*) AS rank, min(trade) AS trade,
       count(*) AS residents
FROM residents GROUP BY address
HAVING count(*) >= $min_residents AND count(DISTINCT coalesce(surname, customer_id)) >= 2
"""


class _KycAggregate(AggregateDetector):
    """An aggregate indicator over the KYC features; evidence is customer records."""

    evidence_kind = "customer"
    pivot_kind: ClassVar[str | None] = None

    def feature_tables(self, engine: Engine) -> dict[str, Any]:
        return ensure_kyc_features(engine, self.options)


class _DeviceBatch(_KycAggregate):
    """Customers onboarded on one device within `window_days`, at least some number of them
    with some number of surnames."""

    record_kinds = ("customer",)
    subject_kind = "device"
    pivot_kind = "device"

    @abstractmethod
    def minimums(self) -> tuple[int, int]:
        """The least customers and the least distinct surnames on one device."""

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        customers, surnames = self.minimums()
        return {
            **super().sql_params(run_settings),
            "window_s": self.seconds("window_days"),
            "min_customers": customers,
            "min_surnames": surnames,
        }


@register
class BatchOnboardingDetector(_DeviceBatch):
    kind = "batch_onboarding"
    p: BatchOnboardingParams
    description = "Several customers of different surnames onboarded on one device in days."
    definition = BATCH
    facts = ("applications", "surnames")
    summary_en = (
        "{applications} customers with {surnames} surnames were onboarded on one device within "
        "{days} days."
    )
    summary_da = (
        "{applications} kunder med {surnames} efternavne blev oprettet på én enhed inden for "
        "{days} dage."
    )

    def minimums(self) -> tuple[int, int]:
        return self.p.min_applications, self.p.min_distinct_surnames

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.2 * int(facts["applications"]))


@register
class DocHandlingDetector(_DeviceBatch):
    kind = "doc_handling"
    p: DocHandlingParams
    description = "One onboarding (upload) device used for >= 2 identities of different surnames."
    definition = DOC_HANDLING
    facts = ("applications", "surnames")
    summary_en = (
        "The ID documents of {applications} people with {surnames} surnames were submitted from "
        "one device within {days} days."
    )
    summary_da = (
        "ID-papirer for {applications} personer med {surnames} efternavne blev indsendt fra én "
        "enhed inden for {days} dage."
    )

    def minimums(self) -> tuple[int, int]:
        return self.p.min_identities_per_uploader, self.p.min_identities_per_uploader

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.3 * int(facts["applications"]))


@register
class ThirdPartyOnboardingDetector(_KycAggregate):
    kind = "third_party_onboarding"
    p: ThirdPartyOnboardingParams
    record_kinds = ("customer",)
    description = "Contact details already another household's, or a device shared by applicants."
    definition = THIRD_PARTY
    subject_kind = "customer"
    pivot_kind = "customer"
    facts = ("contact_shared_with", "other_applicants_on_device")
    summary_en = (
        "At onboarding, the contact phone or e-mail already belonged to "
        "{contact_shared_with:# other customer|# other customers}, and "
        "{other_applicants_on_device:# other applicant|# other applicants} used the same device."
    )
    summary_da = (
        "Ved oprettelsen tilhørte kontakttelefonen eller e-mailen allerede "
        "{contact_shared_with:# anden kunde|# andre kunder}, og "
        "{other_applicants_on_device:# anden ansøger|# andre ansøgere} brugte samme enhed."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "window_s": self.seconds("window_days"),
            "min_other_applicants": self.p.min_other_applicants_per_device,
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        both = int(facts["contact_shared_with"]) > 0 and int(facts["other_applicants_on_device"])
        return 1.0 if both else 0.6


@register
class AddressAtWorkplaceDetector(_KycAggregate):
    kind = "address_at_workplace"
    p: AddressAtWorkplaceParams
    record_kinds = ("customer",)
    description = "Private customers registered at a high-risk business customer's address."
    definition = ADDRESS_AT_WORKPLACE
    subject_kind = "address"
    pivot_kind = "address"
    facts = ("trade", "residents")
    summary_en = (
        "{residents:# private customer is|# private customers are} registered at the address "
        "of a business in a high-risk trade ({trade})."
    )
    summary_da = (
        "{residents:# privatkunde|# privatkunder} er registreret på adressen for en "
        "virksomhed i en højrisikobranche ({trade})."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        occupations = [o.lower() for o in self.p.high_risk_occupations]
        return {**super().sql_params(run_settings), "high_risk_occupations": occupations}

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.4 + 0.2 * int(facts["residents"]))
