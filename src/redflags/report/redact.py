"""Keyed-hash redaction of personal identifiers in everything a run writes.

The same identifier always gets the same token under the same key, so an analyst can still see
that two records share a phone without seeing the number. `--reveal` shows the real values.
The key comes from REDFLAGS_REDACTION_KEY, or a random key kept in ~/.redflags/redaction.key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from redflags.model import Evidence, Finding

PERSONAL_KINDS = frozenset({"phone", "email", "handle", "account", "device", "ip", "address"})
# Evidence fields whose value is a personal identifier, and the identifier kind it is.
FIELD_KINDS = {
    "phone": "phone",
    "email": "email",
    "handle": "handle",
    "sender": "handle",
    "recipient": "handle",
    "account_id": "account",
    "payer": "account",
    "payee": "account",
    "device_id": "device",
    "ip": "ip",
    "address": "address",
}


def default_key() -> bytes:
    env = os.environ.get("REDFLAGS_REDACTION_KEY")
    if env:
        return env.encode()
    home = Path(os.environ.get("REDFLAGS_HOME", Path.home() / ".redflags"))
    path = home / "redaction.key"
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        path.write_bytes(secrets.token_hex(32).encode())
        path.chmod(0o600)
    return path.read_bytes().strip()


class Redactor:
    def __init__(self, key: bytes | None = None, reveal: bool = False) -> None:
        self.reveal = reveal
        self._key = b"" if reveal else (key if key is not None else default_key())

    def token(self, kind: str, value: str) -> str:
        if self.reveal or kind not in PERSONAL_KINDS:
            return value
        digest = hmac.new(self._key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()
        return f"{kind}#{digest[:10]}"

    def pivot(self, pivot: str) -> str:
        kind, _, value = pivot.partition(":")
        return f"{kind}:{self.token(kind, value)}" if kind in PERSONAL_KINDS else pivot

    def evidence(self, evidence: Evidence) -> Evidence:
        kind = evidence.value_kind or FIELD_KINDS.get(evidence.field or "")
        if kind is None or evidence.value is None:
            return evidence
        return evidence.model_copy(update={"value": self.token(kind, evidence.value)})

    def finding(self, finding: Finding) -> dict[str, Any]:
        data = finding.model_dump(mode="json")
        data["subject"] = self.token(finding.subject_kind, finding.subject)
        data["pivots"] = [self.pivot(p) for p in finding.pivots]
        data["evidence"] = [self.evidence(e).model_dump(mode="json") for e in finding.evidence]
        if "shared" in data["facts"]:
            data["facts"]["shared"] = [self.pivot(p) for p in data["facts"]["shared"]]
        if finding.subject_kind in PERSONAL_KINDS and not self.reveal:
            for key in ("summary_en", "summary_da"):
                data[key] = data[key].replace(finding.subject, data["subject"])
        return data


def _variants(kind: str, value: str) -> list[str]:
    """The ways a personal value can appear in text we write: as normalised, and for phones
    also without the plus and as the national number (last eight digits)."""
    out = [value]
    if kind == "phone":
        digits = value.lstrip("+")
        out.append(digits)
        if len(digits) > 8:
            out.append(digits[-8:])
    if kind == "handle" and ":" in value:
        out.append(value.partition(":")[2])
    return [v for v in out if len(v) >= 4]


class Scrubber:
    """A last line of defence: replaces every known clear personal value in a finished text
    (an HTML page, a CSV cell, a JSON line) with its keyed-hash token.

    Built from pivots ("phone:+45...") and (kind, value) pairs. A value only matches as a whole
    token (not inside a longer run of letters or digits). With `reveal` it does nothing.
    """

    def __init__(self, redactor: Redactor, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self.redactor = redactor
        self._tokens: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None
        self.add(pairs)

    def add(self, pairs: Iterable[tuple[str, str]]) -> None:
        if self.redactor.reveal:
            return
        for kind, value in pairs:
            if kind not in PERSONAL_KINDS or not value:
                continue
            token = self.redactor.token(kind, value)
            for variant in _variants(kind, value):
                self._tokens.setdefault(variant, token)
        self._pattern = None

    def add_pivots(self, pivots: Iterable[str]) -> None:
        self.add(tuple(p.partition(":")[::2]) for p in pivots)  # type: ignore[misc]

    def __call__(self, text: str) -> str:
        if self.redactor.reveal or not self._tokens:
            return text
        if self._pattern is None:
            values = sorted(self._tokens, key=len, reverse=True)
            self._pattern = re.compile(
                r"(?<![0-9A-Za-z])(?:"
                + "|".join(re.escape(v) for v in values)
                + r")(?![0-9A-Za-z])"
            )
        return self._pattern.sub(lambda m: self._tokens[m.group()], text)


def case_personal_pairs(case: Any) -> set[tuple[str, str]]:
    """Every (kind, clear value) a case carries: its pivots, its findings' subjects, pivots and
    evidence values, and the entities of its roles, edges, timeline and cities (when present)."""
    pairs: set[tuple[str, str]] = set()

    def pivot(p: str | None) -> None:
        if p and ":" in p:
            kind, _, value = p.partition(":")
            pairs.add((kind, value))

    for p in case.pivots:
        pivot(p)
    for finding in case.findings:
        pairs.add((finding.subject_kind, finding.subject))
        for p in finding.pivots:
            pivot(p)
        for p in finding.facts.get("shared", ()) if isinstance(finding.facts, dict) else ():
            if isinstance(p, str):
                pivot(p)
        for e in finding.evidence:
            # a value found by a lexicon in a contact field is a concept, not an identifier
            kind = e.value_kind or (FIELD_KINDS.get(e.field or "") if e.start is None else None)
            if kind and e.value:
                pairs.add((kind, e.value))
    for role in getattr(case, "roles", ()) or ():
        pivot(role.entity)
    for edge in getattr(case, "edges", ()) or ():
        pivot(edge.source)
        pivot(edge.target)
    for entry in getattr(case, "timeline", ()) or ():
        pivot(getattr(entry, "entity", None))
    return {(k, v) for k, v in pairs if k in PERSONAL_KINDS and v}


def finding_personal_pairs(finding: Finding) -> set[tuple[str, str]]:
    pairs = {(finding.subject_kind, finding.subject)}
    pairs |= {tuple(p.partition(":")[::2]) for p in finding.pivots}  # type: ignore[misc]
    for e in finding.evidence:
        kind = e.value_kind or (FIELD_KINDS.get(e.field or "") if e.start is None else None)
        if kind and e.value:
            pairs.add((kind, e.value))
    return {(k, v) for k, v in pairs if k in PERSONAL_KINDS and v}
