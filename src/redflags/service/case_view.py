"""One case as the API shows it: the inbox summary, the scanner's case (findings, evidence,
score steps, roles, categories, cities), its network as nodes and edges, its timeline, and the
team's comments and decisions; every identifier redacted (service/redaction.py)."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redflags.model import Case
from redflags.report.json_export import case_to_dict, dumps
from redflags.report.redact import Redactor
from redflags.report.svg import build_network
from redflags.service.cases import case_summary, stamp
from redflags.service.casework_errors import NotFound
from redflags.service.db.models import CaseRow, Comment, Decision, User
from redflags.service.locking import case_row
from redflags.service.redaction import Redaction, case_redaction, strings_of


def _usernames(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(session.execute(select(User.id, User.username).where(User.id.in_(wanted))).all())


def comments_of(session: Session, case_id: str, redaction: Redaction) -> list[dict[str, Any]]:
    rows = list(
        session.scalars(select(Comment).where(Comment.case_id == case_id).order_by(Comment.id))
    )
    names = _usernames(session, (c.author_id for c in rows))
    return [
        {
            "id": c.id,
            "author": names.get(c.author_id),
            "at": stamp(c.at),
            "text": redaction.text(c.text),
        }
        for c in rows
    ]


def decision_view(
    decision: Decision, names: dict[int, str], redaction: Redaction
) -> dict[str, Any]:
    return {
        "id": decision.id,
        "status": decision.status,
        "state": decision.state,
        "needs_approval": decision.needs_approval,
        "note": redaction.text(decision.note or ""),
        "proposed_by": names.get(decision.proposed_by),
        "proposed_at": stamp(decision.proposed_at),
        "reviewed_by": names.get(decision.reviewed_by) if decision.reviewed_by else None,
        "reviewed_at": stamp(decision.reviewed_at),
        "review_note": redaction.text(decision.review_note or ""),
    }


def decisions_of(session: Session, case_id: str, redaction: Redaction) -> list[dict[str, Any]]:
    rows = list(
        session.scalars(select(Decision).where(Decision.case_id == case_id).order_by(Decision.id))
    )
    names = _usernames(session, [d.proposed_by for d in rows] + [d.reviewed_by for d in rows])
    return [decision_view(d, names, redaction) for d in rows]


def _timeline(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Dated events in time order, then the undated ones (in the order the scan gave them)."""
    return sorted(entries, key=lambda t: (t.get("start") is None, t.get("start") or ""))


def network_of(case: Case, data: dict[str, Any], redactor: Redactor) -> dict[str, Any]:
    """Nodes (the case's identifiers, with their roles) and edges: the identity and payment
    edges the scan found, or, when it found none, edges derived from the findings (`derived`)."""
    roles = {r.entity: r.role for r in case.roles}
    ends: list[tuple[str, str]]
    if case.edges:
        edges = list(data.get("edges") or ())
        ends = [(e.source, e.target) for e in case.edges]
    else:
        derived = build_network(case, redactor.pivot, max_nodes=None)
        ends = [(e.source, e.target) for e in derived.edges]
        edges = [
            {
                "source": redactor.pivot(e.source),
                "target": redactor.pivot(e.target),
                "kind": e.kind,
                "count": e.count,
                "label": redactor.text(e.label),
            }
            for e in derived.edges
        ]
    degree = Counter(p for pair in ends for p in pair)
    pivots = {p for p in (*case.pivots, *roles, *degree) if ":" in p}
    nodes = [
        {
            "id": redactor.pivot(p),
            "kind": p.partition(":")[0],
            "role": roles.get(p),
            "degree": degree.get(p, 0),
        }
        for p in sorted(pivots)
    ]
    return {
        **(data.get("network") or {}),
        "derived": not case.edges,
        "nodes": nodes,
        "edges": edges,
    }


def _entities_from_clear(case: Case, data: dict[str, Any], redactor: Redactor) -> None:
    """Tokens of the roles', edges' and timeline's entities made from the clear pivots, so they
    match the case's `pivots` and can be revealed. (`case_to_dict` tokenises them after its
    free-text pass, which has already replaced a phone-like account inside "account:…": the
    token it gives is then a token of a token.)"""
    for role, clear in zip(data.get("roles") or (), case.roles, strict=True):
        role["entity"] = redactor.pivot(clear.entity)
    for edge, clear_edge in zip(data.get("edges") or (), case.edges, strict=True):
        edge["source"], edge["target"] = (
            redactor.pivot(clear_edge.source),
            redactor.pivot(clear_edge.target),
        )
    for entry, clear_entry in zip(data.get("timeline") or (), case.timeline, strict=True):
        if clear_entry.entity:
            entry["entity"] = redactor.pivot(clear_entry.entity)


def _scanner_part(case: Case, redaction: Redaction) -> dict[str, Any]:
    """What the scan found, redacted: findings with evidence, score steps, network, timeline."""
    redactor = redaction.redactor
    data = case_to_dict(case, redactor)
    _entities_from_clear(case, data, redactor)
    return {
        "group_id": case.group_id,
        "scoring": data["score"],
        "findings": data["findings"],
        "pivots": data["pivots"],
        "records": data["records"],
        "timeline": _timeline(list(data.get("timeline") or ())),
        "roles": data.get("roles") or [],
        "categories": data.get("categories") or [],
        "cities": data.get("cities") or [],
        "network": network_of(case, data, redactor),
        "redacted": True,
    }


@dataclass(frozen=True)
class RedactedCase:
    """The scanner's part of a case as redacted JSON object text, and the clear values and
    names that redact what the team writes about it."""

    text: str
    pairs: frozenset[tuple[str, str]]
    names: tuple[str, ...]


class CaseBodies:
    """The last redacted scanner parts, by case and publication. Building one for a large case
    takes a second (hundreds of findings through every redaction layer); it changes only when
    a scan publishes the case again (new `last_run`/`last_seen`), never with the team's work."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._bodies: OrderedDict[tuple[str, ...], RedactedCase] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> RedactedCase | None:
        with self._lock:
            found = self._bodies.get(key)
            if found is not None:
                self._bodies.move_to_end(key)
            return found

    def forget(self, case_id: str) -> None:
        """Drop a case whose evidence changed without a publication (a merge)."""
        with self._lock:
            for key in [k for k in self._bodies if k[1] == case_id]:
                del self._bodies[key]

    def put(self, key: tuple[str, ...], body: RedactedCase) -> None:
        with self._lock:
            self._bodies[key] = body
            self._bodies.move_to_end(key)
            while len(self._bodies) > self.size:
                self._bodies.popitem(last=False)


def _redacted_case(
    session: Session, key: bytes, case_id: str, bodies: CaseBodies | None
) -> RedactedCase:
    published = session.execute(
        select(CaseRow.last_run, CaseRow.last_seen).where(CaseRow.id == case_id)
    ).first()
    if published is None:
        raise NotFound(f"no case {case_id!r}")
    cache_key = (
        hashlib.sha256(key).hexdigest(),
        case_id,
        published.last_run,
        stamp(published.last_seen) or "",
    )
    found = bodies.get(cache_key) if bodies is not None else None
    if found is None:
        row = case_row(session, case_id)
        case, redaction = case_redaction(key, row.payload, row.names or ())
        found = RedactedCase(
            dumps(redaction.document(_scanner_part(case, redaction))),
            frozenset(redaction.pairs),
            redaction.names,
        )
        if bodies is not None:
            bodies.put(cache_key, found)
    return found


def team_redaction(
    session: Session, key: bytes, case_id: str, bodies: CaseBodies | None = None
) -> Redaction:
    """What redacts the team's texts about a case (comments, notes): its clear values."""
    body = _redacted_case(session, key, case_id, bodies)
    return Redaction.from_pairs(key, body.pairs, body.names)


def case_json(session: Session, key: bytes, case_id: str, bodies: CaseBodies | None = None) -> str:
    """One case as JSON text: the inbox summary (status, assignee, version, awaiting
    approval ...), the team's comments and decisions, and the scanner's part; all redacted."""
    body = _redacted_case(session, key, case_id, bodies)
    team = Redaction.from_pairs(key, body.pairs, body.names)  # as team_redaction, once
    head = {
        **(case_summary(session, case_id) or {}),
        "comments": comments_of(session, case_id, team),
        "decisions": decisions_of(session, case_id, team),
    }
    return team.scrubber(dumps(head))[:-1] + "," + body.text[1:]


def revealed(session: Session, key: bytes, case_id: str, token: str) -> tuple[str, str] | None:
    """The (kind, clear value) behind `token` if it stands for an identifier or name of this
    case: of its findings, network and texts, or in what the team wrote about it."""
    row = case_row(session, case_id)
    _, redaction = case_redaction(key, row.payload, row.names or ())
    written = session.scalars(select(Comment.text).where(Comment.case_id == case_id))
    notes = session.execute(
        select(Decision.note, Decision.review_note).where(Decision.case_id == case_id)
    )
    texts = [
        *strings_of(row.payload),
        *strings_of(row.texts or {}),
        *written,
        *(text for pair in notes for text in pair if text),
    ]
    return redaction.clear_value(token, texts)
