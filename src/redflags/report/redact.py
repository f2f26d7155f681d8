"""Keyed-hash redaction of personal identifiers in everything a run writes.

The same identifier always gets the same token under the same key, so an analyst can still see
that two records share a phone without seeing the number. `--reveal` shows the real values.
The key comes from REDFLAGS_REDACTION_KEY, or a random key kept in ~/.redflags/redaction.key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
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
