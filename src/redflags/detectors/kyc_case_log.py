"""KYC indicators over the bank's KYC case log (`kyc_events`): detail changes and contacts.

The log is read once into `kyc_log_features`, one row per entry, with the changed phone, e-mail
or device normalised the way every other detector normalises a customer's (`identifiers_of`), so
SQL only compares strings with `customer_keys` and `customer_features`.

- KYC-CONTACT-TAKEOVER: a change whose new phone, e-mail or device is registered to another
  customer now. Not a takeover: the other customer lives at the same address and the address
  holds at most `household_max_surnames` surnames (spouses or a family moving to one phone or
  e-mail; the catalogued false positive). A value the other customer has since changed away
  from (a second-hand phone) is not registered to them any more and does not count. The
  catalogue's "or on a flagged device" needs a list of flagged devices, which no source carries.
- KYC-AVOID-FACE-TO-FACE: >= `min_refusals_or_failures` failed or refused video-IDs or declined
  meetings since the customer last passed an identification (video-ID passed or a meeting held),
  or every contact (>= `min_third_party_contacts`) made by a third party. A third party who holds
  a power of attorney registered in the log (`power_of_attorney_registered`, same actor) is not
  counted: that is the elderly or disabled customer's lawful representative. Staff notes are not
  read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import pyarrow as pa

from redflags.catalogue.params.kyc import AvoidFaceToFaceParams, ContactTakeoverParams
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register
from redflags.detectors.features import ensure_kyc_features
from redflags.detectors.plurals import plural
from redflags.engines import Engine

KYC_LOG_COLUMNS = ("event_id", "customer_id", "ts", "event", "field", "kind", "value", "actor")
ATTORNEY = "power_of_attorney_registered"


def actor_key(actor: Any) -> str | None:
    """A third party's name as compared between entries: case and spacing folded."""
    text = " ".join(str(actor or "").split()).lower()
    return text or None


def ensure_kyc_log_features(engine: Engine, options: Mapping[str, Any]) -> dict[str, Any]:
    """Build `kyc_log_features` once per engine (and the KYC tables); return the run settings."""
    run_settings = ensure_kyc_features(engine, options)
    if engine.has("kyc_log_features"):
        return run_settings
    from redflags.detectors.base import run_region
    from redflags.extract import identifiers_of  # kept local, as in features.py
    from redflags.model import RecordKind

    region = run_region(options)
    rows: dict[str, list[Any]] = {c: [] for c in KYC_LOG_COLUMNS}
    for record in engine.records(RecordKind.KYC_EVENT):
        changed = next(
            (i for i in identifiers_of("kyc_event", record, region) if i.field == "new_value"),
            None,
        )
        values = {
            "event_id": str(record["event_id"]),
            "customer_id": str(record["customer_id"]),
            "ts": record["ts"],
            "event": str(record.get("event") or "").strip().lower(),
            "field": (record.get("field") or "").strip().lower() or None,
            "kind": changed.kind if changed else None,
            "value": changed.value if changed else None,
            "actor": actor_key(record.get("actor")),
        }
        for column, value in values.items():
            rows[column].append(value)
    schema = pa.schema(
        [(c, pa.timestamp("us", tz="UTC") if c == "ts" else pa.string()) for c in KYC_LOG_COLUMNS]
    )
    engine.register("kyc_log_features", pa.table(rows, schema=schema))
    return run_settings


TAKEOVER = """
WITH changes AS (
    SELECT event_id, customer_id, ts, field, kind, value FROM kyc_log_features
    WHERE event = 'detail_change' AND value IS NOT NULL AND list_contains($identifiers, field)
),
holders AS (  -- who is registered with each phone, e-mail and device today
    SELECT customer_id, kind, value FROM customer_keys WHERE kind IN ('phone', 'email')
    UNION ALL
    SELECT customer_id, 'device' AS kind, device_id AS value FROM customer_features
    WHERE device_id IS NOT NULL
),
households AS (  -- addresses of at most two surnames: a couple or a family
    SELECT address FROM customer_features WHERE address IS NOT NULL GROUP BY address
    HAVING count(DISTINCT coalesce(surname, customer_id)) <= $household_max_surnames
),
taken AS (
    SELECT c.event_id, c.customer_id, c.ts, c.field, c.kind, c.value, h.customer_id AS holder
    FROM changes c
    JOIN holders h ON h.kind = c.kind AND h.value = c.value AND h.customer_id <> c.customer_id
    LEFT JOIN customer_features a ON a.customer_id = c.customer_id
    LEFT JOIN customer_features b ON b.customer_id = h.customer_id
    LEFT JOIN households hh ON hh.address = a.address
    WHERE NOT (a.address IS NOT NULL AND a.address = b.address AND hh.address IS NOT NULL)
),
reach AS (  -- how many customers were switched to each value taken over
    SELECT kind, value, count(DISTINCT customer_id) AS switched FROM taken GROUP BY kind, value
)
SELECT t.customer_id AS subject, min(t.ts) AS window_start, max(t.ts) AS window_end,
       list(DISTINCT t.event_id) AS evidence, max(r.switched) AS rank,
       count(DISTINCT t.event_id) AS changes, list(DISTINCT t.field) AS fields,
       list(DISTINCT t.holder) AS holders, max(r.switched) AS customers_switched,
       min(t.ts) AS first_change
FROM taken t JOIN reach r ON r.kind = t.kind AND r.value = t.value
GROUP BY t.customer_id
"""

FACE_TO_FACE = """
WITH entries AS (
    SELECT event_id, customer_id, ts, event, actor FROM kyc_log_features
    WHERE event <> 'detail_change'
),
attorneys AS (  -- third parties with a power of attorney on file for the customer
    SELECT DISTINCT customer_id, actor FROM entries
    WHERE event = 'power_of_attorney_registered' AND actor IS NOT NULL
),
contacts AS (
    SELECT e.event_id, e.customer_id, e.ts, e.event, e.actor,
           (e.actor IS NOT NULL AND a.actor IS NULL) AS via_third_party
    FROM entries e
    LEFT JOIN attorneys a ON a.customer_id = e.customer_id AND a.actor = e.actor
    WHERE e.event <> 'power_of_attorney_registered'
),
passed AS (
    SELECT customer_id, max(ts) AS last_pass FROM contacts
    WHERE list_contains($passes, event) GROUP BY customer_id
),
marked AS (
    SELECT c.*, list_contains($misses, c.event)
               AND (p.last_pass IS NULL OR c.ts > p.last_pass) AS open_miss
    FROM contacts c LEFT JOIN passed p ON p.customer_id = c.customer_id
),
per_customer AS (
    SELECT customer_id, min(ts) AS first_ts, max(ts) AS last_ts, count(*) AS contacts,
           count(*) FILTER (WHERE open_miss) AS refusals_or_failures,
           count(*) FILTER (WHERE via_third_party) AS third_party_contacts,
           list(event_id) FILTER (WHERE open_miss OR via_third_party) AS evidence,
           list(DISTINCT actor) FILTER (WHERE via_third_party) AS actors
    FROM marked GROUP BY customer_id
)
SELECT customer_id AS subject, first_ts AS window_start, last_ts AS window_end, evidence,
       refusals_or_failures + third_party_contacts AS rank, contacts, refusals_or_failures,
       third_party_contacts, coalesce(actors, []) AS actors
FROM per_customer
WHERE refusals_or_failures >= $min_misses
   OR (third_party_contacts = contacts AND contacts >= $min_third_party_contacts)
"""


_FIELD_DA = {"phone": "telefon", "email": "e-mail", "device_id": "enhed"}
_FIELD_EN = {"phone": "phone", "email": "e-mail", "device_id": "device"}


def _listed(values: Sequence[Any] | None, names: Mapping[str, str] | None = None) -> str:
    return ", ".join((names or {}).get(str(v), str(v)) for v in values or ()) or "-"


class _KycLogAggregate(AggregateDetector):
    """An aggregate indicator over the KYC case log; evidence is log entries."""

    evidence_kind = "kyc_event"
    subject_kind = "customer"
    pivot_kind: ClassVar[str | None] = "customer"

    def feature_tables(self, engine: Engine) -> dict[str, Any]:
        return ensure_kyc_log_features(engine, self.options)


@register
class ContactTakeoverDetector(_KycLogAggregate):
    kind = "kyc_contact_takeover"
    p: ContactTakeoverParams
    record_kinds = ("kyc_event", "customer")
    description = "A detail change to a phone, e-mail or device registered to another customer."
    definition = TAKEOVER
    facts = ("changes", "fields", "holders", "customers_switched", "first_change")

    def strength(self, facts: Mapping[str, Any]) -> float:
        return 1.0 if int(facts["customers_switched"]) >= 2 else 0.6

    def describe(self, facts: Mapping[str, Any], days: int | None) -> tuple[str, str]:
        """Lists written out, not as Python lists."""
        fields, holders = _listed(facts["fields"], _FIELD_EN), _listed(facts["holders"])
        fields_da = _listed(facts["fields"], _FIELD_DA)
        day = str(facts["first_change"])[:10]
        switched, changes = int(facts["customers_switched"]), int(facts["changes"])
        return (
            f"From {day}, {plural(changes, '# change', '# changes')} of the customer's {fields} "
            f"to details registered to another customer ({holders}); "
            f"{plural(switched, '# customer was', '# customers were')} in all switched to the "
            "same details.",
            f"Fra {day} blev kundens {fields_da} ændret {plural(changes, '# gang', '# gange')} "
            f"til oplysninger, der er registreret hos en anden kunde ({holders}); "
            f"{plural(switched, '# kunde', '# kunder')} i alt blev skiftet til de samme "
            "oplysninger.",
        )


@register
class AvoidFaceToFaceDetector(_KycLogAggregate):
    kind = "kyc_avoid_face_to_face"
    p: AvoidFaceToFaceParams
    record_kinds = ("kyc_event",)
    description = "Repeated failed or refused identification, or every contact by a third party."
    definition = FACE_TO_FACE
    facts = ("contacts", "refusals_or_failures", "third_party_contacts", "actors")

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "min_misses": self.p.min_refusals_or_failures,
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        both = int(facts["refusals_or_failures"]) >= 2 and int(facts["third_party_contacts"])
        return 1.0 if both else 0.7

    def describe(self, facts: Mapping[str, Any], days: int | None) -> tuple[str, str]:
        actors = _listed(facts["actors"])
        misses, third, total = (
            facts["refusals_or_failures"],
            facts["third_party_contacts"],
            facts["contacts"],
        )
        missed_en = plural(
            misses,
            "# failed or refused video-ID or declined meeting",
            "# failed or refused video-IDs or declined meetings",
        )
        missed_da = plural(
            misses,
            "# mislykket eller afvist video-ID eller afslået møde",
            "# mislykkede eller afviste video-ID'er eller afslåede møder",
        )
        return (
            f"{missed_en} without a passed identification since; {third} of "
            f"{plural(total, '# contact', '# contacts')} made by a third party without a "
            f"registered power of attorney ({actors}).",
            f"{missed_da} uden en gennemført identifikation siden; {third} af "
            f"{plural(total, '# kontakt', '# kontakter')} foretaget af en tredjeperson uden "
            f"registreret fuldmagt ({actors}).",
        )
