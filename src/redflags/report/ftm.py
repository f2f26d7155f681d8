"""FollowTheMoney entities of a case, one JSON object per line, as Aleph / OpenAleph load them
(`alephclient write-entities`, `ftm`). Every entity passes the followthemoney model: only
properties its schema has, values its property types accept (tests/test_exports_ftm.py checks
each with the library). Mapping: docs/exports.md.

Redacted exports put opaque tokens (`phone#3fa9c1d2e0`) only where any string is accepted (names,
notes, identifiers, usernames), never in phone-, e-mail- or date-typed properties, which would
drop them. With a `CaseDetail` (the record store's rows) and `--reveal`, people carry their names,
birth dates, nationality and contacts, and every transaction is a `Payment` of its own.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from redflags.catalogue import Catalogue
from redflags.model import Case
from redflags.report.detail import CaseDetail
from redflags.report.json_export import dumps
from redflags.report.redact import Redactor, Scrubber, bounded, case_personal_pairs, finite
from redflags.report.svg import build_network

Texts = Mapping[str, Mapping[str, str]]  # record ref -> field -> text


def ftm_id(*parts: str) -> str:
    return "rf-" + hashlib.sha1("|".join(parts).encode()).hexdigest()[:24]


def _values(value: Any) -> list[str]:
    items = value if isinstance(value, list | tuple | set) else [value]
    return [str(v) for v in items if v not in (None, "")]


def _day(value: Any) -> str | None:
    """An ISO date (or date and time to the second) as FtM's date type reads it."""
    if value in (None, ""):
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text[:19].replace(" ", "T")


def _amount(value: Any) -> str | None:
    number = finite(value)
    return None if number is None else f"{float(number):.2f}"


def _country(value: Any) -> str | None:
    text = str(value or "").strip().lower()
    return text if len(text) == 2 and text.isalpha() else None


class _Entities:
    """The entities of one case, by id; each added once."""

    def __init__(self, case: Case, redactor: Redactor) -> None:
        self.case = case
        self.redactor = redactor
        self.items: dict[str, dict[str, Any]] = {}

    @property
    def reveal(self) -> bool:
        return self.redactor.reveal

    def add(self, schema: str, key: tuple[str, ...], **properties: Any) -> str:
        entity_id = ftm_id(self.case.case_id, *key)
        props = {k: _values(v) for k, v in properties.items()}
        entity = self.items.setdefault(entity_id, {"id": entity_id, "schema": schema})
        merged = entity.setdefault("properties", {})
        for name, values in props.items():
            for value in values:
                if value not in merged.setdefault(name, []):
                    merged[name].append(value)
        entity["properties"] = {k: v for k, v in merged.items() if v}
        return entity_id

    def token(self, kind: str, value: str) -> str:
        return self.redactor.token(kind, value)

    def text(self, text: Any) -> str | None:
        if text in (None, ""):
            return None
        return self.redactor.text(bounded(str(text)))


def _person(
    out: _Entities, customer_id: str, row: Mapping[str, Any] | None, role: str | None
) -> str:
    """A customer as a Person: with the KYC row (revealed) names, birth date, nationality,
    contacts and address; otherwise the customer's token only."""
    shown = out.token("customer", customer_id)
    notes = [f"role: {role}"] if role else []
    if row is None or not out.reveal:
        return out.add(
            "Person", ("customer", shown), name=f"customer {shown}", idNumber=shown, notes=notes
        )
    name = " ".join(str(row.get(k) or "") for k in ("first_name", "last_name")).strip()
    return out.add(
        "Person",
        ("customer", shown),
        name=name or f"customer {shown}",
        firstName=row.get("first_name"),
        lastName=row.get("last_name"),
        birthDate=_day(row.get("birth_date")),
        nationality=_country(row.get("nationality")),
        idNumber=customer_id,
        phone=row.get("phone"),
        email=row.get("email"),
        address=row.get("address"),
        profession=row.get("occupation"),
        notes=notes,
    )


def _company(out: _Entities, row: Mapping[str, Any]) -> str:
    """A company of the register (revealed: name, CVR, address, founding date, its owner)."""
    cvr = str(row.get("cvr") or "")
    if not out.reveal:
        return out.add("Company", ("company", cvr), name=f"company {cvr}", registrationNumber=cvr)
    company = out.add(
        "Company",
        ("company", cvr),
        name=row.get("name") or f"company {cvr}",
        registrationNumber=cvr,
        address=row.get("address"),
        incorporationDate=_day(row.get("founded_on")),
        sector=row.get("trade"),
        jurisdiction="dk",
    )
    owner = row.get("owner_name")
    if owner:
        person = out.add(
            "Person",
            ("owner", cvr, str(owner)),
            name=owner,
            birthDate=_day(row.get("owner_birth_date")),
            country=_country(row.get("owner_country")),
        )
        out.add(
            "Ownership",
            ("owns", person, company),
            owner=person,
            asset=company,
            role="owner",
            startDate=_day(row.get("owner_from")),
            endDate=_day(row.get("owner_to")),
        )
    return company


class _Accounts:
    """Bank accounts and who holds them: a payment's payer and beneficiary are legal entities,
    so an account whose holder is unknown gets one ("holder of account …")."""

    def __init__(self, out: _Entities, detail: CaseDetail | None, people: dict[str, str]) -> None:
        self.out, self.detail, self.people = out, detail, people
        self.ids: dict[str, str] = {}
        self.holders: dict[str, str] = {}

    def account(self, number: str, role: str | None = None) -> str:
        shown = self.out.token("account", number)
        entity = self.out.add(
            "BankAccount",
            ("account", shown),
            name=shown,
            accountNumber=shown,
            notes=[f"role: {role}"] if role else [],
        )
        self.ids[number] = entity
        return entity

    def holder(self, number: str, merchant: str | None = None) -> str:
        if number in self.holders:
            return self.holders[number]
        account = self.ids.get(number) or self.account(number)
        customer = self.detail.holder_of(number) if self.detail else None
        company = self.detail.company_of(number) if self.detail else None
        if customer is not None:
            cid = str(customer["customer_id"])
            holder = self.people.get(cid) or _person(self.out, cid, customer, None)
            self.people[cid] = holder
        elif company is not None:
            holder = _company(self.out, company)
        else:
            shown = self.out.token("account", number)
            label = self.out.text(merchant) if merchant else f"holder of account {shown}"
            holder = self.out.add("LegalEntity", ("holder", shown), name=label)
        self.out.add(
            "Ownership", ("holds", holder, account), owner=holder, asset=account, role="holder"
        )
        self.holders[number] = holder
        return holder


def _contact(out: _Entities, kind: str, value: str, role: str | None) -> str:
    """A phone number or e-mail address as a LegalEntity (Aleph cross-references equal values);
    redacted, the token goes into the name and notes, which take any string."""
    shown = out.token(kind, value)
    notes = [f"role: {role}"] if role else []
    if out.reveal:
        return out.add("LegalEntity", (kind, shown), name=value, notes=notes, **{kind: value})
    return out.add(
        "LegalEntity", (kind, shown), name=f"{kind} contact {shown}", notes=[shown, *notes]
    )


def _pivot_entity(
    out: _Entities, pivot: str, role: str | None, accounts: _Accounts, people: dict[str, str]
) -> str | None:
    kind, _, value = pivot.partition(":")
    if kind == "customer":
        row = accounts.detail.customers.get(value) if accounts.detail else None
        people[value] = _person(out, value, row, role)
        return people[value]
    if kind == "account":
        return accounts.account(value, role)
    if kind == "handle":
        shown = out.token(kind, value)
        service, _, username = shown.partition(":") if ":" in shown else ("", "", shown)
        return out.add(
            "UserAccount",
            ("handle", shown),
            name=shown,
            username=username,
            service=service,
            notes=[f"role: {role}"] if role else [],
        )
    if kind == "persona":
        shown = out.token(kind, value)
        return out.add("Person", ("persona", shown), name=shown, notes="advertised persona")
    if kind in ("phone", "email"):
        return _contact(out, kind, value, role)
    if kind == "address":
        shown = out.token(kind, value)
        return out.add("Address", ("address", shown), full=shown)
    return None  # devices, IPs, URLs, images: in the CSV and GEXF, no FtM thing of their own


def _payments(out: _Entities, case: Case, detail: CaseDetail | None, accounts: _Accounts) -> None:
    """One Payment per transaction when the store's rows are given, else one per payment edge
    (payer -> payee, with its count, total and first and last day)."""
    if detail is not None and detail.transactions:
        for row in detail.transactions:
            payer, payee = str(row["payer"]), str(row["payee"])
            out.add(
                "Payment",
                ("txn", str(row["txn_id"])),
                payer=accounts.holder(payer),
                beneficiary=accounts.holder(payee, row.get("merchant")),
                payerAccount=accounts.ids[payer],
                beneficiaryAccount=accounts.ids[payee],
                amount=_amount(row.get("amount")),
                currency=row.get("currency"),
                date=_day(row.get("ts")),
                transactionNumber=str(row["txn_id"]),
                purpose=out.text(row.get("memo")),
                summary=f"{row.get('channel')}"
                + (f" at {out.text(row.get('merchant'))}" if row.get("merchant") else ""),
            )
        return
    for edge in case.edges:
        if edge.kind != "payment" or ":" not in edge.source or ":" not in edge.target:
            continue
        payer, payee = edge.source.partition(":")[2], edge.target.partition(":")[2]
        out.add(
            "Payment",
            ("payment", edge.source, edge.target),
            payer=accounts.holder(payer),
            beneficiary=accounts.holder(payee),
            payerAccount=accounts.ids[payer],
            beneficiaryAccount=accounts.ids[payee],
            amount=_amount(edge.amount),
            currency=edge.currency,
            startDate=_day(edge.first),
            endDate=_day(edge.last),
            summary=f"{edge.count} payments",
        )


def _documents(
    out: _Entities, case: Case, texts: Texts, detail: CaseDetail | None, ids: dict[str, str]
) -> dict[str, str]:
    """Ads as Articles and chat messages as Messages, with their text; the identifiers a
    finding's evidence found in them are tied to them by Documentation."""
    rows = detail.records if detail else {}
    made: dict[str, str] = {}
    for ref in sorted(r for r in case.records if r.startswith(("ad:", "message:"))):
        text, row = texts.get(ref) or {}, rows.get(ref) or {}
        if not text and not row:
            continue
        kind, _, record_id = ref.partition(":")
        if kind == "ad":
            made[ref] = out.add(
                "Article",
                ("record", ref),
                title=out.text(row.get("title") or text.get("title")) or f"ad {record_id}",
                bodyText=out.text(row.get("body") or text.get("body")),
                publishedAt=_day(row.get("posted_at")),
                publisher=row.get("site"),
                notes=f"ad {record_id}",
            )
        else:
            sender = row.get("sender")
            made[ref] = out.add(
                "Message",
                ("record", ref),
                name=f"message {record_id}",
                bodyText=out.text(row.get("text") or text.get("text")),
                date=_day(row.get("sent_at")),
                threadTopic=row.get("thread_id"),
                senderAccount=ids.get(f"handle:{sender}") if sender else None,
                recipientAccount=ids.get(f"handle:{row.get('recipient')}")
                if row.get("recipient")
                else None,
                notes=f"message {record_id} on {row.get('platform') or 'an unknown platform'}",
            )
    for finding in case.findings:
        for evidence in finding.evidence:
            document = made.get(f"{evidence.kind}:{evidence.record_id}")
            pivot = f"{evidence.value_kind}:{evidence.value}" if evidence.value_kind else None
            if document and pivot and pivot in ids:
                out.add(
                    "Documentation",
                    ("mentions", document, ids[pivot]),
                    document=document,
                    entity=ids[pivot],
                    role=f"{evidence.value_kind} in the text",
                )
    return made


def ftm_entities(
    case: Case,
    catalogue: Catalogue,
    redactor: Redactor,
    lang: str = "en",
    texts: Texts | None = None,
    detail: CaseDetail | None = None,
) -> list[dict[str, Any]]:
    """The FollowTheMoney entities of one case (docs/exports.md has the mapping)."""
    out = _Entities(case, redactor)
    network = build_network(case, redactor.pivot, max_nodes=None)
    roles = {r.entity: r.role for r in case.roles}
    people: dict[str, str] = {}
    accounts = _Accounts(out, detail, people)
    ids: dict[str, str] = {}
    for pivot in sorted(set(network.nodes) | {p for p in case.pivots if ":" in p}):
        entity = _pivot_entity(out, pivot, roles.get(pivot), accounts, people)
        if entity:
            ids[pivot] = entity
    for edge in network.edges:
        a, b = ids.get(edge.source), ids.get(edge.target)
        if a and b and edge.kind != "payment":
            out.add(
                "UnknownLink",
                ("link", a, b, edge.label),
                subject=a,
                object=b,
                role=out.text(edge.label),
            )
    _payments(out, case, detail, accounts)
    _documents(out, case, texts or {}, detail, ids)
    lead = next(iter(ids.values()), None)
    for finding in case.findings:
        data = redactor.finding(finding)
        title = catalogue.get(finding.indicator_id).title.get(lang)
        window = " – ".join(w[:10] for w in (finding.window_start, finding.window_end) if w)
        out.add(
            "Note",
            ("finding", finding.finding_id),
            name=f"{finding.indicator_id}: {title}",
            description=data["summary_da" if lang == "da" else "summary_en"],
            summary=f"{window}" if window else None,
            entity=ids.get(f"{finding.subject_kind}:{finding.subject}", lead),
        )
    steps = "; ".join(f"{s.code} {finite(s.delta) or 0:+g}" for s in case.score.steps)
    total = finite(case.score.total)
    out.add(
        "Note",
        ("case",),
        name=f"redflags case {case.case_id} "
        f"({case.score.priority}, score {'n/a' if total is None else f'{total:g}'})",
        description=f"{case.score.model}: {steps}",
        entity=lead,
    )
    entities = [json.loads(dumps(e)) for e in out.items.values()]  # non-finite numbers: null
    if redactor.reveal:
        return entities
    # every written value passes the free-text redaction and the scrubber; ids and references
    # are hashes of tokens already, and a scrubber must never cut into one
    scrub = Scrubber(redactor, case_personal_pairs(case))
    for entity in entities:
        entity["properties"] = {
            name: [v if v in out.items else scrub(redactor.text(v)) for v in values]
            for name, values in entity["properties"].items()
        }
    return entities
