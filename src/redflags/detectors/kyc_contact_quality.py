"""KYC-DISPOSABLE-CONTACT: serial e-mail addresses across customers, VoIP contact numbers, and
phone numbers changed again and again.

The catalogue rule's three parts, two in the KYC records and one in the KYC case log:

- serial e-mail: the same stem with different digit suffixes ('anna.k1@', 'anna.k2@') on the
  records of >= `min_customers` customers with >= `min_distinct_surnames` surnames. The stem is the
  local part with any '+tag' and the trailing digits removed; a stem that contains the customer's
  own first or last name ('mette84@', 'jensen1@') is that person's own address (a birth year, a
  family numbering its addresses: the catalogued false positive) and does not count. Stems
  shorter than `min_stem_length` letters are ignored.
- VoIP: the contact phone parses (libphonenumber, default region `default_region`) to a number in
  a VoIP range (`PhoneNumberType.VOIP`).

- phone churn: >= `min_phone_changes` changes of the phone number (`detail_change` of field
  phone in `kyc_events`) within `window_days`, counted from each change.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import phonenumbers
from anyascii import anyascii
from phonenumbers import PhoneNumberType

from redflags.catalogue.params.kyc import DisposableContactParams
from redflags.detectors.base import Detector, register
from redflags.engines import Engine
from redflags.model import Evidence, Finding, RecordKind

_SERIAL = re.compile(r"^(?P<stem>.*?[a-z._-])(?P<digits>[0-9]{1,3})$")


def _slug(value: Any) -> str:
    return "".join(c for c in anyascii(str(value or "")).lower() if c.isalnum())


def email_stem(email: Any) -> tuple[str, str] | None:
    """(stem, digit suffix) of a serial-looking address, else None: 'Anna.K2+x@mail.dk' ->
    ('anna.k', '2')."""
    if not email or "@" not in str(email):
        return None
    local = str(email).strip().lower().rsplit("@", 1)[0].split("+", 1)[0]
    match = _SERIAL.match(anyascii(local))
    if match is None:
        return None
    return match["stem"].strip("._-"), match["digits"]


def is_voip(phone: Any, region: str = "DK") -> bool:
    if not phone:
        return False
    try:
        number = phonenumbers.parse(str(phone), region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.number_type(number) == PhoneNumberType.VOIP


@register
class DisposableContactDetector(Detector):
    kind = "disposable_contact"
    p: DisposableContactParams
    record_kinds = ("customer", "kyc_event")
    description = (
        "Serial e-mail stems across customers of other surnames, VoIP numbers, or a phone "
        "number changed again and again."
    )

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        region = self.region
        min_customers = self.p.min_customers
        min_surnames = self.p.min_distinct_surnames
        min_stem = self.p.min_stem_length
        by_stem: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # cid, email, surname
        voip: list[dict[str, Any]] = []
        for record in engine.records(RecordKind.CUSTOMER):
            cid = str(record["customer_id"])
            if self.p.voip and is_voip(record.get("phone"), region):
                voip.append(record)
            found = email_stem(record.get("email"))
            if found is None:
                continue
            stem = found[0]
            letters = _slug(stem)
            own = [
                n for n in (_slug(record.get("first_name")), _slug(record.get("last_name"))) if n
            ]
            if len(letters) < min_stem or any(name in letters for name in own):
                continue  # too short to mean anything, or the customer's own name
            by_stem[stem].append((cid, str(record["email"]), _slug(record.get("last_name"))))
        for stem in sorted(by_stem):
            holders = sorted(set(by_stem[stem]))
            emails = {email.lower() for _, email, _ in holders}
            surnames = {s or cid for cid, _, s in holders}
            if len({c for c, _, _ in holders}) < min_customers or len(emails) < 2:
                continue
            if len(surnames) < min_surnames:
                continue
            yield self._serial(stem, holders, len(surnames))
        for record in sorted(voip, key=lambda r: str(r["customer_id"])):
            yield self._voip(record)
        yield from self._phone_churn(engine)

    def _phone_churn(self, engine: Engine) -> Iterator[Finding]:
        needed = self.p.min_phone_changes
        days = self.seconds("window_days") / 86400
        window = timedelta(days=days)
        changes: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in engine.query(
            "SELECT customer_id, event_id, ts, new_value FROM kyc_events "
            "WHERE event = 'detail_change' AND field = 'phone' ORDER BY customer_id, ts, event_id"
        ):
            changes[str(row["customer_id"])].append(row)
        for cid, history in changes.items():
            # the most changes in one window, counted from each change
            burst = max(
                (
                    [r for r in history if start["ts"] <= r["ts"] <= start["ts"] + window]
                    for start in history
                ),
                key=len,
            )
            if len(burst) < needed:
                continue
            yield self.finding(
                subject_kind="customer",
                subject=cid,
                strength=min(1.0, 0.25 * len(burst)),
                facts={"phone_changes": len(burst), "window_days": days},
                summary_en=(
                    f"The customer's phone number was changed {len(burst)} times within "
                    f"{days:g} days ({burst[0]['ts']:%Y-%m-%d} to {burst[-1]['ts']:%Y-%m-%d})."
                ),
                summary_da=(
                    f"Kundens telefonnummer blev skiftet {len(burst)} gange inden for "
                    f"{days:g} dage ({burst[0]['ts']:%Y-%m-%d} til {burst[-1]['ts']:%Y-%m-%d})."
                ),
                evidence=tuple(
                    Evidence(
                        kind="kyc_event",
                        record_id=str(r["event_id"]),
                        field="new_value",
                        value=str(r["new_value"]),
                        value_kind="phone",
                    )
                    for r in burst
                ),
                pivots=(f"customer:{cid}",),
            )

    def _serial(self, stem: str, holders: list[tuple[str, str, str]], surnames: int) -> Finding:
        n = len(holders)
        return self.finding(
            subject_kind="email_stem",
            subject=stem,
            strength=min(1.0, 0.3 * n),
            facts={"customers": n, "distinct_surnames": surnames, "stem": stem},
            summary_en=(
                f"{n} customers with {surnames} different surnames have e-mail addresses made "
                f"from one stem with different numbers ('{stem}1', '{stem}2' ...)."
            ),
            summary_da=(
                f"{n} kunder med {surnames} forskellige efternavne har e-mailadresser lavet af "
                f"samme stamme med forskellige tal ('{stem}1', '{stem}2' ...)."
            ),
            evidence=tuple(
                Evidence(
                    kind="customer", record_id=cid, field="email", value=email, value_kind="email"
                )
                for cid, email, _ in holders
            ),
            pivots=tuple(f"customer:{cid}" for cid, _, _ in holders),
        )

    def _voip(self, record: dict[str, Any]) -> Finding:
        cid = str(record["customer_id"])
        return self.finding(
            subject_kind="customer",
            subject=cid,
            strength=0.5,
            facts={"voip_number": True},
            summary_en="The customer's contact number is in a VoIP number range.",
            summary_da="Kundens kontaktnummer ligger i en VoIP-nummerserie.",
            evidence=(
                Evidence(
                    kind="customer",
                    record_id=cid,
                    field="phone",
                    value=str(record.get("phone")),
                    value_kind="phone",
                ),
            ),
            pivots=(f"customer:{cid}",),
        )
