"""The four roles, ordered: each may do what the ones below it may (docs/security.md)."""

from __future__ import annotations

from enum import IntEnum


class Role(IntEnum):
    viewer = 1  # reads cases, alerts, the catalogue; identifiers stay redacted
    analyst = 2  # works cases: assign, comment, propose decisions, reveal with a reason, scan
    reviewer = 3  # approves or rejects another user's decision (four-eyes)
    admin = 4  # users, tokens, the audit log, settings

    @classmethod
    def parse(cls, name: str) -> Role:
        try:
            return cls[name.strip().lower()]
        except KeyError:
            names = ", ".join(r.name for r in cls)
            raise ValueError(f"unknown role {name!r}; one of {names}") from None
