"""THE leak test (issue #11): scan the demo world and a small synthetic world without --reveal,
then read every file the run wrote and look for every raw identifier of the input — phones (E.164
and national), e-mails and their local parts, handles, accounts, IBANs, devices, IPs, addresses,
customer ids and every person, persona, customer, actor and owner name. One scan with --reveal
must show them (so this test can fail).

The identifiers are read back from the store the scan filled (kept outside the run folder), so
every value the system read is checked, field by field, and the phones, e-mails and handles its
extractors find in free text as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
import phonenumbers
import pytest

from demo_world import write_demo_world
from redflags.extract import identifiers_of
from redflags.normalise.identifiers import normalise_address
from redflags.pipeline import ScanOptions, ScanResult, run_scan
from redflags.store import Store

KEY = b"0123456789abcdef0123456789abcdef-leak-test"
# e-mail local parts that name a role, not a person ("info@...", "job@..."): not identifying
ROLE_STEMS = frozenset(
    {"info", "kontakt", "contact", "post", "mail", "admin", "support", "booking", "jobs", "salg"}
    | {"service", "kundeservice", "noreply", "hello", "hej", "office", "kontor", "team"}
)
# IBANs and Danish reg+konto numbers written into free text (memos, messages, ads)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
SKIPPED_SUFFIXES = {".duckdb", ".wal", ".jpg", ".png", ".parquet"}


@dataclass(frozen=True)
class Clear:
    kind: str
    value: str
    where: str  # table.column it came from


def _phone_forms(value: str) -> Iterator[str]:
    yield value
    try:
        number = phonenumbers.parse(value, "DK")
    except phonenumbers.NumberParseException:
        return
    yield str(number.national_number)


def _rows(store: Store, table: str) -> list[dict[str, object]]:
    cursor = store.connection.execute(f"SELECT * FROM {table}")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def clear_identifiers(store: Store) -> set[Clear]:
    """Every raw identifier the scan read: fields by kind, and what extractors find in text."""
    found: set[Clear] = set()

    def add(kind: str, value: object, where: str) -> None:
        text = " ".join(str(value or "").split())
        if kind == "phone":
            for form in _phone_forms(text):
                if len(form) >= 6:
                    found.add(Clear(kind, form, where))
            return
        if kind == "email" and "@" in text:
            stem = text.partition("@")[0]
            if len(stem) >= 4 and stem.lower() not in ROLE_STEMS:
                found.add(Clear("email stem", stem, where))
        if kind == "handle":
            name = text.lstrip("@").partition(":")[2] or text.lstrip("@")
            if len(name) >= 4:
                found.add(Clear(kind, name, where))
        if kind == "address" and (normal := normalise_address(text)):
            found.add(Clear(kind, normal, where))
        if len(text) >= 4:
            found.add(Clear(kind, text, where))

    fields = {
        "ads": {"phone": "phone", "email": "email", "handle": "handle", "persona": "name"},
        "messages": {"sender": "handle", "recipient": "handle"},
        "transactions": {"payer": "account", "payee": "account"},
        "customers": {
            "customer_id": "customer",
            "account_id": "account",
            "phone": "phone",
            "email": "email",
            "address": "address",
            "device_id": "device",
        },
        "device_events": {"account": "account", "device_id": "device", "ip": "ip"},
        "kyc_events": {"customer_id": "customer", "actor": "name"},
        "companies": {
            "account_id": "account",
            "address": "address",
            "owner_name": "name",
            "owner_customer_id": "customer",
        },
    }
    texts = {"ads": ("title", "body"), "messages": ("text",), "transactions": ("memo",)}
    kinds = {"ads": "ad", "messages": "message", "kyc_events": "kyc_event"}
    for table, columns in fields.items():
        for row in _rows(store, table):
            for column, kind in columns.items():
                add(kind, row.get(column), f"{table}.{column}")
            if table == "customers" and row.get("first_name") and row.get("last_name"):
                add("name", f"{row['first_name']} {row['last_name']}", "customers.name")
            if table == "kyc_events" and row.get("field") in ("phone", "email", "address"):
                for column in ("old_value", "new_value"):
                    add(str(row["field"]), row.get(column), f"kyc_events.{column}")
            if table == "kyc_events" and row.get("field") == "device_id":
                for column in ("old_value", "new_value"):
                    add("device", row.get(column), f"kyc_events.{column}")
            for column in texts.get(table, ()):
                text = str(row.get(column) or "")
                for match in IBAN.finditer(text):
                    add("iban", match.group(), f"{table}.{column}")
            if table in kinds:
                for ident in identifiers_of(kinds[table], row):
                    if ident.kind in ("phone", "email", "handle", "account", "device"):
                        add(ident.kind, ident.value, f"{table}.{ident.field}")
                        if ident.raw and ident.kind != "handle":
                            add(ident.kind, ident.raw, f"{table}.{ident.field}")
    return found


def _automaton(values: set[str]) -> ahocorasick.Automaton:
    """Every clear value (lower case) in one Aho-Corasick automaton: one pass per file finds
    them all (an alternation of thousands of values took minutes on a world)."""
    automaton = ahocorasick.Automaton()
    for value in values:
        automaton.add_word(value.lower(), value.lower())
    automaton.make_automaton()
    return automaton


def _bounded(text: str, start: int, end: int) -> bool:
    """Not inside a longer word or number (the old pattern's look-arounds)."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def leaks(run_dir: Path, clear: set[Clear]) -> list[str]:
    """'file: kind value (from table.column)' for every clear identifier found in an output."""
    by_value: dict[str, Clear] = {}
    for item in sorted(clear, key=lambda c: (c.kind, c.value, c.where)):
        by_value.setdefault(item.value.lower(), item)
    automaton = _automaton({c.value for c in clear})
    out: list[str] = []
    files = [p for p in sorted(run_dir.rglob("*")) if p.is_file()]
    assert files, "the run wrote nothing"
    for path in files:
        if path.suffix in SKIPPED_SUFFIXES:
            continue
        text = path.read_text(encoding="utf-8", errors="replace").lower()
        seen: set[str] = set()
        for end, value in automaton.iter(text):
            start = end - len(value) + 1
            item = by_value[value]
            if item.value in seen or not _bounded(text, start, end + 1):
                continue
            seen.add(item.value)
            out.append(f"{path.relative_to(run_dir)}: {item.kind} {item.value!r} ({item.where})")
    return out


def _scan(source: Path, root: Path, reveal: bool) -> tuple[ScanResult, set[Clear]]:
    # as `redflags scan --db STORE --out RUN` does: the store (read back below for the input's
    # identifiers) and the baseline beside it, outside the run folder
    db = root / "store.duckdb"
    options = ScanOptions(
        out=root / "run",
        db=db,
        baseline=root / "redflags.baseline.yaml",
        redaction_key=KEY,
        reveal=reveal,
    )
    result = run_scan([source], options)
    with Store.open(db, read_only=True) as store:
        clear = clear_identifiers(store)
    return result, clear


@pytest.fixture(scope="module")
def demo(
    tmp_path_factory: pytest.TempPathFactory, demo_data: Path
) -> tuple[ScanResult, set[Clear]]:
    return _scan(demo_data, tmp_path_factory.mktemp("leak-demo"), reveal=False)


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory, demo_world: Path
) -> tuple[ScanResult, set[Clear]]:
    # the generator's smallest scale still plants every typology's networks
    return _scan(demo_world, tmp_path_factory.mktemp("leak-world"), reveal=False)


def _check(scan: tuple[ScanResult, set[Clear]]) -> None:
    result, clear = scan
    assert result.cases, "a world without cases would prove nothing"
    kinds = {c.kind for c in clear}
    assert {"phone", "email", "account", "customer", "name"} <= kinds
    found = leaks(result.run_dir, clear)
    assert not found, f"{len(found)} clear identifiers written:\n" + "\n".join(found[:60])


def test_demo_world_run_folder_leaks_no_identifier(demo: tuple[ScanResult, set[Clear]]) -> None:
    _check(demo)


def test_synthetic_world_run_folder_leaks_no_identifier(
    world: tuple[ScanResult, set[Clear]],
) -> None:
    _check(world)


def test_reveal_shows_the_identifiers(tmp_path: Path) -> None:
    write_demo_world(tmp_path / "data")
    result, clear = _scan(tmp_path / "data", tmp_path, reveal=True)
    found = leaks(result.run_dir, clear)
    kinds = {line.split(": ", 1)[1].split(" ", 1)[0] for line in found}
    assert {"phone", "account", "customer", "name"} <= kinds, kinds
