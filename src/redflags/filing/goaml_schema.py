"""Is a goAML report fit to file? Two checks, one answer (a list of problems, empty when fit):

- `against_xsd`: the FIU's own goAML XSD (XSD 1.1, so `xmlschema.XMLSchema11`), when the user
  gives its path. That is the authority; redflags does not ship it.
- `structural_problems`: without the XSD, the project's own checks of the goAML 5 elements this
  writer produces (`STRUCTURE`): the order and number of every element, required ones present,
  nothing unknown, text lengths, dates, amounts, booleans, country and currency codes and the
  enumerations goAML fixes. It is a subset written from goAML's documentation, NOT the official
  schema: a report that passes it can still fail the FIU's XSD, which is why the output says
  which check ran.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import phonenumbers

# element -> its children in order: (names, min, max or None for unbounded, type); names
# separated by "|" are a choice. A type is another entry of STRUCTURE or a simple type below.
Child = tuple[str, int, int | None, str]
STRUCTURE: dict[str, tuple[Child, ...]] = {
    "report": (
        ("rentity_id", 1, 1, "int"),
        ("rentity_branch", 0, 1, "text255"),
        ("submission_code", 1, 1, "enum:E|M"),
        ("report_code", 1, 1, "enum:STR|SAR|CTR|AIF|IRI"),
        ("entity_reference", 0, 1, "text255"),
        ("submission_date", 1, 1, "datetime"),
        ("currency_code_local", 1, 1, "currency"),
        ("reporting_person", 0, 1, "reporting_person"),
        ("reporting_user_code", 0, 1, "text100"),
        ("reason", 1, 1, "text4000"),
        ("action", 0, 1, "text4000"),
        ("transaction", 1, None, "transaction"),
        ("report_indicators", 1, 1, "report_indicators"),
    ),
    "reporting_person": (
        ("title", 0, 1, "text30"),
        ("first_name", 1, 1, "text100"),
        ("last_name", 1, 1, "text100"),
        ("email", 0, 1, "text255"),
        ("occupation", 0, 1, "text255"),
    ),
    "transaction": (
        ("transactionnumber", 1, 1, "text50"),
        ("internal_ref_number", 0, 1, "text50"),
        ("transaction_location", 0, 1, "text255"),
        ("transaction_description", 0, 1, "text4000"),
        ("date_transaction", 1, 1, "datetime"),
        ("transmode_code", 1, 1, "code"),
        ("amount_local", 1, 1, "amount"),
        ("t_from_my_client|t_from", 1, 1, "from_side"),
        ("t_to_my_client|t_to", 1, 1, "to_side"),
        ("comments", 0, 1, "text4000"),
    ),
    "from_side": (
        ("from_funds_code", 1, 1, "code"),
        ("from_foreign_currency", 0, 1, "foreign_currency"),
        ("from_account", 1, 1, "account"),
        ("from_country", 1, 1, "country"),
    ),
    "to_side": (
        ("to_funds_code", 1, 1, "code"),
        ("to_foreign_currency", 0, 1, "foreign_currency"),
        ("to_account", 1, 1, "account"),
        ("to_country", 1, 1, "country"),
    ),
    "foreign_currency": (
        ("foreign_currency_code", 1, 1, "currency"),
        ("foreign_amount", 1, 1, "amount"),
        ("foreign_exchange_rate", 1, 1, "amount"),
    ),
    "account": (
        ("institution_name", 1, 1, "text255"),
        ("institution_code", 0, 1, "text50"),
        ("swift", 0, 1, "text11"),
        ("non_bank_institution", 0, 1, "bool"),
        ("branch", 0, 1, "text255"),
        ("account", 1, 1, "text50"),
        ("currency_code", 0, 1, "currency"),
        ("account_name", 0, 1, "text255"),
        ("client_number", 0, 1, "text30"),
        ("related_persons", 0, 1, "related_persons"),
        ("comments", 0, 1, "text4000"),
    ),
    "related_persons": (("account_related_person", 1, None, "account_related_person"),),
    "account_related_person": (
        ("is_primary", 0, 1, "bool"),
        ("t_person", 1, 1, "person"),
        ("role", 1, 1, "code"),
    ),
    "person": (
        ("first_name", 1, 1, "text100"),
        ("last_name", 1, 1, "text100"),
        ("birthdate", 0, 1, "datetime"),
        ("id_number", 0, 1, "text255"),
        ("nationality1", 0, 1, "country"),
        ("phones", 0, 1, "phones"),
        ("addresses", 0, 1, "addresses"),
        ("email", 0, 1, "text255"),
        ("occupation", 0, 1, "text255"),
        ("comments", 0, 1, "text4000"),
    ),
    "phones": (("phone", 1, None, "phone"),),
    "phone": (
        ("tph_contact_type", 1, 1, "code"),
        ("tph_communication_type", 1, 1, "code"),
        ("tph_country_prefix", 0, 1, "text4"),
        ("tph_number", 1, 1, "text50"),
    ),
    "addresses": (("address", 1, None, "address"),),
    "address": (
        ("address_type", 1, 1, "code"),
        ("address", 1, 1, "text100"),
        ("town", 0, 1, "text255"),
        ("city", 1, 1, "text255"),
        ("zip", 0, 1, "text10"),
        ("country_code", 1, 1, "country"),
    ),
    "report_indicators": (("indicator", 1, None, "code"),),
}
LENGTHS = {"code": 25}  # lookup codes
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
COUNTRIES = frozenset(phonenumbers.SUPPORTED_REGIONS) | {"XK"}  # ISO 3166-1 alpha-2 in use


@dataclass(frozen=True)
class Check:
    """Which check a report passed or failed, and its problems (empty: fit to file)."""

    method: str  # "xsd" or "structural"
    detail: str  # the XSD's path, or what the structural check is
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def line(self) -> str:
        if self.method == "xsd":
            return f"validated against the goAML XSD {self.detail}"
        return (
            "validated with redflags' structural checks of goAML 5 (no XSD given: "
            "validate against your FIU's XSD with --xsd before uploading)"
        )


def _simple(kind: str, text: str | None) -> str | None:
    """The problem with a simple value, or None."""
    value = text or ""
    if kind.startswith("text") or kind == "code":
        limit = LENGTHS.get(kind) or int(kind[4:])
        if not value.strip():
            return "is empty"
        return f"has {len(value)} characters, at most {limit}" if len(value) > limit else None
    if kind.startswith("enum:"):
        allowed = kind[5:].split("|")
        return None if value in allowed else f"is {value!r}, not one of {', '.join(allowed)}"
    if kind == "int":
        return None if value.isdigit() else f"is {value!r}, not a whole number"
    if kind == "datetime":
        return None if _DATETIME.match(value) else f"is {value!r}, not YYYY-MM-DDThh:mm:ss"
    if kind == "bool":
        return None if value in ("true", "false") else f"is {value!r}, not true or false"
    if kind == "currency":
        return None if _CURRENCY.match(value) else f"is {value!r}, not an ISO 4217 code"
    if kind == "country":
        return None if value in COUNTRIES else f"is {value!r}, not an ISO 3166 country code"
    if kind == "amount":
        try:
            number = Decimal(value)
        except InvalidOperation:
            return f"is {value!r}, not an amount"
        if not number.is_finite() or number < 0 or number.as_tuple().exponent < -2:  # type: ignore[operator]
            return f"is {value!r}, not an amount of at most two decimals"
        return None
    raise KeyError(kind)


def _walk(element: ET.Element, kind: str, path: str, problems: list[str]) -> None:
    if kind not in STRUCTURE:
        problem = _simple(kind, element.text)
        if len(element):
            problem = "holds elements where a value belongs"
        if problem:
            problems.append(f"{path} {problem}")
        return
    children = list(element)
    index = 0
    for names, least, most, child_kind in STRUCTURE[kind]:
        allowed = names.split("|")
        count = 0
        while index < len(children) and children[index].tag in allowed:
            child = children[index]
            count += 1
            _walk(child, child_kind, f"{path}/{child.tag}[{count}]", problems)
            index += 1
        if count < least:
            problems.append(f"{path}: {' or '.join(allowed)} is missing")
        if most is not None and count > most:
            problems.append(f"{path}: {names} appears {count} times, at most {most}")
    for child in children[index:]:
        problems.append(f"{path}: unexpected element {child.tag} (unknown or out of order)")


def structural_problems(xml: bytes) -> list[str]:
    """Every problem the project's own checks find in a report (see the module text)."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        return [f"not well-formed XML: {exc}"]
    if root.tag != "report":
        return [f"the root element is {root.tag}, not report"]
    problems: list[str] = []
    _walk(root, "report", "report", problems)
    return problems


def against_xsd(xml: bytes, xsd: Path) -> list[str]:
    """Every problem the FIU's XSD (XSD 1.1) finds; one line each."""
    import xmlschema  # imported when used: validating is the only reason to load it

    if not xsd.is_file():
        return [f"{xsd}: no such XSD file"]
    try:
        schema = xmlschema.XMLSchema11(str(xsd))
    except (xmlschema.XMLSchemaException, ET.ParseError, OSError) as exc:
        return [f"{xsd}: not a usable XSD ({str(exc).splitlines()[0]})"]
    problems = []
    for error in schema.iter_errors(xml.decode("utf-8")):
        where = error.path or "report"
        reason = (error.reason or str(error)).splitlines()[0]
        problems.append(f"{where}: {reason}")
    return problems


def check_report(xml: bytes, xsd: Path | None) -> Check:
    """The XSD's verdict when one is given, else the structural checks'."""
    if xsd is not None:
        return Check("xsd", str(xsd), tuple(against_xsd(xml, xsd)))
    return Check("structural", "goAML 5 subset", tuple(structural_problems(xml)))
