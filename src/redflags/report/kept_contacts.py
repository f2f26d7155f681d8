"""The phones and e-mails redaction finds in free text, kept in the store between incremental
scans.

Redacting a report searches every finding and case text for contacts; a number that does not
read in the run's region asks the language detector which country the text points to. That is
about a quarter of a daily scan, and the answer is a pure function of the text, the region and
the contact readers' code (the `normalise` package with its word lists, phonenumbers and
lingua): kept under a digest of all of that, it is read back instead of searched again. Most of
a day's report quotes the same texts as yesterday's.

The report is written after the store is closed, so the answers are read from it beforehand
(`KeptContacts.load`) and the ones this scan used written back afterwards (`save`); the table
then holds only those, so it does not grow with days. Created on first use, outside the record
schema's fingerprint; dropping it only costs the next scan its speed."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib.metadata import version
from pathlib import Path

import duckdb
import pyarrow as pa

from redflags import normalise
from redflags.normalise.contact import Contact
from redflags.normalise.contacts import find_contacts

TABLE = "report_kept_contacts"
_DDL = f"CREATE TABLE IF NOT EXISTS {TABLE} (digest VARCHAR, contacts VARCHAR)"
KINDS = frozenset({"phone", "email"})  # what redaction asks the contact readers for


@cache
def _code_digest() -> str:
    """The contact readers (code and word lists) and the libraries they ask: a change there
    searches every text again."""
    digest = hashlib.sha256()
    for name in ("redflags", "phonenumbers", "lingua-language-detector"):
        digest.update(f"{name}={version(name)}\0".encode())
    package = Path(normalise.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix != ".pyc":
            digest.update(f"{path.relative_to(package)}\0".encode() + path.read_bytes())
    return digest.hexdigest()


def _digest(text: str, region: str) -> str:
    return hashlib.sha256(f"{_code_digest()}\0{region}\0{text}".encode()).hexdigest()


class KeptContacts:
    """`find_contacts(text, region, kinds=KINDS)`, answered from the kept answers where the
    text was searched before under the same code."""

    def __init__(self, kept: dict[str, str] | None = None) -> None:
        self._kept = kept or {}  # digest -> the contacts as JSON
        self._used: dict[str, str] = {}

    @classmethod
    def load(cls, connection: duckdb.DuckDBPyConnection) -> KeptContacts:
        connection.execute(_DDL)
        rows = connection.execute(f"SELECT digest, contacts FROM {TABLE}").fetchall()
        return cls({str(digest): str(contacts) for digest, contacts in rows})

    def find(self, text: str, region: str) -> list[Contact]:
        digest = _digest(text, region)
        kept = self._used.get(digest) or self._kept.get(digest)
        if kept is None:
            found = find_contacts(text, region, kinds=KINDS)
            kept = json.dumps([_row(c) for c in found], separators=(",", ":"))
        self._used[digest] = kept
        return [Contact(*row) for row in json.loads(kept)]

    def save(self, connection: duckdb.DuckDBPyConnection) -> None:
        """Keep the answers this scan used, and only those (a scan that searched nothing, as
        one with --reveal, leaves the kept ones as they are)."""
        if not self._used:
            return
        connection.execute(_DDL)
        connection.execute(f"DELETE FROM {TABLE}")
        batch = pa.table(
            {"digest": list(self._used), "contacts": list(self._used.values())},
            schema=pa.schema([("digest", pa.string()), ("contacts", pa.string())]),
        )
        connection.register("_kept_contacts", batch)
        try:
            connection.execute(f"INSERT INTO {TABLE} SELECT * FROM _kept_contacts")
        finally:
            connection.unregister("_kept_contacts")


def _row(contact: Contact) -> list[object]:
    return [
        contact.kind,
        contact.value,
        contact.start,
        contact.end,
        contact.obfuscated,
        contact.raw,
    ]
