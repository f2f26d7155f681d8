"""KYC-SHARED-IDENTIFIERS: unrelated customers sharing contact details or an address.

Two rules. (1) Customers joined, directly or through each other, by a shared phone, e-mail or
device form a component; flag a component of >= N customers with >= M distinct surnames.
(2) Flag an address where >= K adults with >= M distinct surnames were onboarded within a
window. Addresses on the allow-list (shelters, dormitories, care homes) are ignored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from redflags.catalogue.lists import default_list_path, load_allow_list
from redflags.catalogue.params.kyc import SharedIdentifiersParams
from redflags.detectors.base import Detector, register
from redflags.engines import Engine
from redflags.extract import identifiers_of
from redflags.graph import components_by_shared_keys
from redflags.model import Evidence, Finding, RecordKind
from redflags.normalise.identifiers import normalise_address, normalise_name

_FIELD_OF = {"phone": "phone", "email": "email", "device": "device_id", "address": "address"}
_IDENTIFIER_KINDS = {
    "phone": "phone",
    "email": "email",
    "device_id": "device",
    "address": "address",
}


@register
class SharedIdentifiersDetector(Detector):
    kind = "shared_identifiers"
    p: SharedIdentifiersParams
    record_kinds = ("customer",)
    description = "Customers with different surnames sharing phone, e-mail, device or address."

    def _allowed_addresses(self) -> set[str]:
        path = self.options.get("allow_list_path") or default_list_path(self.p.allow_list)
        allow_list = load_allow_list(Path(path))
        return {a for e in allow_list.entries if (a := normalise_address(e.address))}

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        region = self.region
        kinds = {_IDENTIFIER_KINDS[f] for f in self.p.identifiers}
        customers: dict[str, dict[str, Any]] = {}
        keys: dict[str, set[str]] = {}
        for record in engine.records(RecordKind.CUSTOMER):
            cid = str(record["customer_id"])
            customers[cid] = record
            keys[cid] = {
                i.pivot
                for i in identifiers_of("customer", record, region)
                if i.kind in kinds and i.kind != "address"
            }
        yield from self._contact_components(customers, keys)
        if "address" in kinds:
            yield from self._shared_addresses(customers)

    def _contact_components(
        self, customers: dict[str, dict[str, Any]], keys: dict[str, set[str]]
    ) -> Iterator[Finding]:
        min_customers = self.p.min_customers
        min_surnames = self.p.min_distinct_surnames
        holders: dict[str, list[str]] = defaultdict(list)
        for cid, pivots in keys.items():
            for pivot in pivots:
                holders[pivot].append(cid)
        shared = {p for p, h in holders.items() if len(h) > 1}
        linked = {cid: pivots & shared for cid, pivots in keys.items() if pivots & shared}
        for group in components_by_shared_keys(linked):
            surnames = _surnames(customers, group)
            if len(group) < min_customers or len(surnames) < min_surnames:
                continue
            group_pivots = sorted(set().union(*(linked[c] for c in group)))
            evidence = tuple(
                Evidence(
                    kind="customer",
                    record_id=cid,
                    field=_FIELD_OF[p.split(":", 1)[0]],
                    value=p.split(":", 1)[1],
                    value_kind=p.split(":", 1)[0],
                )
                for cid in group
                for p in sorted(linked[cid])
            )
            shown = ", ".join(p.split(":", 1)[0] for p in group_pivots)
            yield self.finding(
                subject_kind="customer_group",
                subject=",".join(group),
                strength=min(1.0, len(group) / (2 * min_customers)),
                facts={
                    "customers": len(group),
                    "distinct_surnames": len(surnames),
                    "shared": group_pivots,
                },
                summary_en=(
                    f"{len(group)} customers with {len(surnames)} different surnames "
                    f"share identifiers ({shown})."
                ),
                summary_da=(
                    f"{len(group)} kunder med {len(surnames)} forskellige efternavne "
                    f"deler identifikatorer ({shown})."
                ),
                evidence=evidence,
                pivots=(*group_pivots, *(f"customer:{c}" for c in group)),
            )

    def _shared_addresses(self, customers: dict[str, dict[str, Any]]) -> Iterator[Finding]:
        min_adults = self.p.address_min_adults
        min_surnames = self.p.address_min_distinct_surnames
        window = timedelta(days=float(self.p.address_window_days))
        allowed = self._allowed_addresses()
        at_address: dict[str, list[tuple[datetime, str]]] = defaultdict(list)
        for cid, record in customers.items():
            address = normalise_address(record.get("address"))
            onboarded = record.get("onboarded_at")
            if address is None or address in allowed or onboarded is None:
                continue
            if _is_adult(record.get("birth_date"), onboarded):
                at_address[address].append((onboarded, cid))
        for address in sorted(at_address):
            residents = sorted(at_address[address])
            for i, (start, _) in enumerate(residents):
                group = [cid for ts, cid in residents[i:] if ts - start <= window]
                surnames = _surnames(customers, group)
                if len(group) < min_adults or len(surnames) < min_surnames:
                    continue
                end = max(customers[c]["onboarded_at"] for c in group)
                yield self.finding(
                    subject_kind="address",
                    subject=address,
                    window_start=start.isoformat(),
                    window_end=end.isoformat(),
                    strength=min(1.0, len(group) / (2 * min_adults)),
                    facts={
                        "adults": len(group),
                        "distinct_surnames": len(surnames),
                        "days": (end - start).days + 1,
                    },
                    summary_en=(
                        f"{len(group)} adults with {len(surnames)} different surnames "
                        f"onboarded at one address within {(end - start).days + 1} "
                        "days."
                    ),
                    summary_da=(
                        f"{len(group)} voksne med {len(surnames)} forskellige "
                        f"efternavne oprettet på én adresse inden for "
                        f"{(end - start).days + 1} dage."
                    ),
                    evidence=tuple(
                        Evidence(
                            kind="customer",
                            record_id=c,
                            field="address",
                            value=address,
                            value_kind="address",
                        )
                        for c in group
                    ),
                    pivots=(f"address:{address}", *(f"customer:{c}" for c in group)),
                )
                break  # one finding per address: the first window that qualifies


def _surnames(customers: dict[str, dict[str, Any]], group: list[str]) -> set[str]:
    return {s for c in group if (s := normalise_name(customers[c].get("last_name")))}


def _is_adult(birth_date: date | None, at: datetime) -> bool:
    if birth_date is None:
        return True  # unknown age counts as adult: the rule is about households, not age
    on = at.date()
    years = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    return years >= 18
