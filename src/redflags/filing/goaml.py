"""A goAML 5 suspicious-transaction report (`report_code` STR) of one case: the reporting
institution from its settings, the reason in Danish from the case's explanation, every
transaction of the case as a `transaction` (the institution's own customers' accounts on the
`t_from_my_client` / `t_to_my_client` side with the account holder from KYC: name, birth date,
nationality, address, phone, e-mail), and the report indicators mapped from CMM's indicators.

Identifiers are in clear: the report is for the FIU, filed behind the reveal permission and
audited (service/filing.py). Every text goes through ElementTree, which escapes it; characters
XML 1.0 cannot carry are dropped and over-long texts are cut to goAML's lengths, so what the
checks (goaml_schema.py) still refuse is a real gap in the data, said in one line each.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

import phonenumbers

from redflags.catalogue import Catalogue
from redflags.filing.goaml_schema import Check, check_report
from redflags.filing.indicators import IndicatorMap
from redflags.filing.reason import reason_da
from redflags.filing.settings import InstitutionSettings
from redflags.model import Case
from redflags.report.detail import CaseDetail

# what XML 1.0 cannot carry (control characters other than tab, newline, carriage return)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DANISH_ADDRESS = re.compile(r"^(?P<street>.+?),\s*(?P<zip>\d{4})\s+(?P<city>.+)$")
CENT = Decimal("0.01")


@dataclass
class GoamlReport:
    """A report made, its check, and what it could not say."""

    xml: bytes
    check: Check
    problems: list[str]  # the writer's own: a code the FIU does not list, a missing rate ...
    unmapped: list[str] = field(default_factory=list)  # indicators the map does not name
    transactions: int = 0

    @property
    def ok(self) -> bool:
        return self.check.ok and not self.problems

    def all_problems(self) -> list[str]:
        return [*self.problems, *self.check.problems]


def _clean(value: Any, limit: int | None = None) -> str:
    text = _NOT_XML.sub("", str(value)).strip()
    return text[: limit - 1] + "…" if limit and len(text) > limit else text


def _add(parent: ET.Element, tag: str, value: Any = None, limit: int | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag)
    if value is not None:
        element.text = _clean(value, limit)
    return element


def _maybe(parent: ET.Element, tag: str, value: Any, limit: int | None = None) -> None:
    if value not in (None, "") and _clean(value):
        _add(parent, tag, value, limit)


def _stamp(value: Any, zone: ZoneInfo) -> str:
    """goAML's dateTime (local time, no zone) from a datetime, date or ISO text."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(zone).strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(value, date):
        return f"{value.isoformat()}T00:00:00"
    text = str(value).strip()
    if len(text) == 10:  # a day: midnight, as goAML writes birth dates
        return _stamp(date.fromisoformat(text), zone)
    return _stamp(datetime.fromisoformat(text), zone)


def _money(value: Decimal) -> str:
    return str(value.quantize(CENT, rounding=ROUND_HALF_UP))


class _Writer:
    def __init__(
        self,
        settings: InstitutionSettings,
        detail: CaseDetail,
        problems: list[str],
    ) -> None:
        self.settings = settings
        self.detail = detail
        self.problems = problems
        self.zone = ZoneInfo(settings.timezone)

    def code(self, table: str, channel: str) -> str:
        lookups = self.settings.codes
        codes, allowed = {
            "transmode": (lookups.transmode, lookups.allowed_transmodes),
            "funds": (lookups.funds, lookups.allowed_funds),
        }[table]
        code = codes.get(channel)
        if not code:
            self.problems.append(f"settings: no {table} code for the channel {channel!r}")
            return "?"
        if allowed and code not in allowed:
            self.problems.append(f"settings: {table} code {code!r} is not in the FIU's list")
        return code

    def person(self, parent: ET.Element, row: Mapping[str, Any]) -> None:
        codes = self.settings.codes
        person = _add(parent, "t_person")
        _add(person, "first_name", row.get("first_name") or "", 100)
        _add(person, "last_name", row.get("last_name") or "", 100)
        if row.get("birth_date"):
            _add(person, "birthdate", _stamp(row["birth_date"], self.zone))
        _maybe(person, "id_number", row.get("customer_id"), 255)
        nationality = str(row.get("nationality") or "").upper()
        if nationality:
            _add(person, "nationality1", nationality)
        number = self._phone(row.get("phone"))
        if number:
            phone = _add(_add(person, "phones"), "phone")
            _add(phone, "tph_contact_type", codes.phone_contact_type)
            _add(phone, "tph_communication_type", codes.phone_communication_type)
            _add(phone, "tph_country_prefix", number[0])
            _add(phone, "tph_number", number[1], 50)
        if row.get("address"):
            self.address(_add(person, "addresses"), str(row["address"]))
        _maybe(person, "email", row.get("email"), 255)
        _maybe(person, "occupation", row.get("occupation"), 255)

    def _phone(self, value: Any) -> tuple[str, str] | None:
        if not value:
            return None
        try:
            parsed = phonenumbers.parse(str(value), self.settings.country)
        except phonenumbers.NumberParseException:
            return None
        return str(parsed.country_code), str(parsed.national_number)

    def address(self, parent: ET.Element, text: str) -> None:
        address = _add(parent, "address")
        _add(address, "address_type", self.settings.codes.address_type)
        found = _DANISH_ADDRESS.match(text.strip())
        street, postcode, city = (
            (found["street"], found["zip"], found["city"]) if found else (text, None, None)
        )
        _add(address, "address", street, 100)
        _add(address, "city", city or "ukendt", 255)
        if postcode:
            _add(address, "zip", postcode)
        _add(address, "country_code", self.settings.country)

    def account(self, parent: ET.Element, tag: str, number: str, merchant: Any) -> bool:
        """The account on one side; True when it is the institution's own customer's."""
        settings = self.settings
        holder = self.detail.holder_of(number)
        account = _add(parent, tag)
        if holder is None:
            company = self.detail.company_of(number)
            _add(account, "institution_name", settings.counterparty_institution, 255)
            _add(account, "account", number, 50)
            name = (company or {}).get("name") or merchant
            _maybe(account, "account_name", name, 255)
            return False
        _add(account, "institution_name", settings.name, 255)
        _maybe(account, "institution_code", settings.institution_code)
        _maybe(account, "swift", settings.swift)
        _maybe(account, "branch", settings.rentity_branch, 255)
        _add(account, "account", number, 50)
        _add(account, "currency_code", settings.currency)
        name = " ".join(str(holder.get(k) or "") for k in ("first_name", "last_name")).strip()
        _maybe(account, "account_name", name, 255)
        _maybe(account, "client_number", holder.get("customer_id"), 30)
        related = _add(_add(account, "related_persons"), "account_related_person")
        _add(related, "is_primary", "true")
        self.person(related, holder)
        _add(related, "role", settings.codes.account_person_role)
        return True

    def transaction(self, report: ET.Element, row: Mapping[str, Any]) -> Decimal:
        settings = self.settings
        txn = _add(report, "transaction")
        _add(txn, "transactionnumber", row["txn_id"], 50)
        where = ", ".join(str(row[k]) for k in ("city", "country") if row.get(k))
        _maybe(txn, "transaction_location", where, 255)
        what = " – ".join(str(row[k]) for k in ("merchant", "memo") if row.get(k))
        _maybe(txn, "transaction_description", f"{row['channel']}: {what}" if what else None, 4000)
        _add(txn, "date_transaction", _stamp(row["ts"], self.zone))
        channel = str(row["channel"])
        _add(txn, "transmode_code", self.code("transmode", channel))
        amount = Decimal(str(row["amount"]))
        currency = str(row.get("currency") or settings.currency)
        rate = Decimal(1)
        if currency != settings.currency:
            if currency not in settings.exchange_rates:
                self.problems.append(
                    f"transaction {row['txn_id']}: amount in {currency}; give its rate to "
                    f"{settings.currency} in [exchange_rates] of the settings"
                )
            rate = Decimal(str(settings.exchange_rates.get(currency, 1)))
        local = amount * rate
        _add(txn, "amount_local", _money(local))
        for side, number, merchant in (
            ("from", str(row["payer"]), None),
            ("to", str(row["payee"]), row.get("merchant")),
        ):
            own = self.detail.holder_of(number) is not None
            block = _add(txn, f"t_{side}_my_client" if own else f"t_{side}")
            _add(block, f"{side}_funds_code", self.code("funds", channel))
            if currency != settings.currency:
                foreign = _add(block, f"{side}_foreign_currency")
                _add(foreign, "foreign_currency_code", currency)
                _add(foreign, "foreign_amount", _money(amount))
                _add(foreign, "foreign_exchange_rate", str(rate))
            self.account(block, f"{side}_account", number, merchant)
            country = str(row.get("country") or "").upper() if side == "to" else ""
            _add(block, f"{side}_country", country or settings.country)
        return local


def build_goaml(
    case: Case,
    detail: CaseDetail,
    settings: InstitutionSettings,
    catalogue: Catalogue,
    indicators: IndicatorMap,
    now: datetime | None = None,
) -> GoamlReport:
    """The report of `case` and its check (against `settings.xsd` when given)."""
    problems: list[str] = []
    writer = _Writer(settings, detail, problems)
    zone = writer.zone
    report = ET.Element("report")
    _add(report, "rentity_id", settings.rentity_id)
    _maybe(report, "rentity_branch", settings.rentity_branch, 255)
    _add(report, "submission_code", settings.submission_code)
    _add(report, "report_code", "STR")
    _add(report, "entity_reference", case.case_id, 255)
    _add(report, "submission_date", _stamp(now or datetime.now(UTC), zone))
    _add(report, "currency_code_local", settings.currency)
    if settings.reporting_person is not None:
        person = _add(report, "reporting_person")
        who = settings.reporting_person
        _maybe(person, "title", who.title)
        _add(person, "first_name", who.first_name)
        _add(person, "last_name", who.last_name)
        _maybe(person, "email", who.email)
        _maybe(person, "occupation", who.occupation)
    _maybe(report, "reporting_user_code", settings.reporting_user_code, 100)
    reason = _add(report, "reason")
    _add(report, "action", settings.action, 4000)
    total = Decimal(0)
    for row in detail.transactions:
        total += writer.transaction(report, row)
    if not detail.transactions:
        problems.append(
            f"case {case.case_id} has no transactions in the record store: goAML's STR needs at "
            "least one (is --db the store the case was scanned from?)"
        )
    reason.text = _clean(
        reason_da(case, catalogue, len(detail.transactions), float(total), settings.currency)
    )
    codes, unmapped, code_problems = indicators.for_indicators(list(case.indicator_ids))
    problems += code_problems
    block = _add(report, "report_indicators")
    for code in codes:
        _add(block, "indicator", code)
    if not codes:
        problems.append(
            f"no report indicator: the indicator map {indicators.source} gives no code for "
            f"any of the case's {len(case.indicator_ids)} indicators (nor under `always`)"
        )
    ET.indent(report)
    xml = ET.tostring(report, encoding="utf-8", xml_declaration=True)
    return GoamlReport(
        xml, check_report(xml, settings.xsd), problems, unmapped, len(detail.transactions)
    )
