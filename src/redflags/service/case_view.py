"""One case as the API shows it: the inbox summary, the scanner's case (findings, evidence,
score steps, roles, categories, cities), its network as nodes and edges, its timeline, and the
team's comments and decisions; every identifier redacted (service/redaction.py)."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redflags.model import Case
from redflags.report.json_export import case_to_dict, dumps
from redflags.report.redact import Redactor
from redflags.report.svg import build_network
from redflags.service.cases import case_summary, stamp
from redflags.service.casework_errors import NotFound
from redflags.service.db import Database
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


FIRST_FINDINGS = 25  # findings in a case's answer; the rest by pages (`findings_page`)
MAX_FINDINGS_PAGE = 500


@dataclass(frozen=True)
class RedactedCase:
    """The scanner's part of a case as redacted JSON object text without its findings, each
    finding as redacted JSON text, and what redacts the team's texts about the case (built
    once: a case's redactor hashes every identifier it knows)."""

    text: str
    findings: tuple[str, ...]
    team: Redaction

    def with_findings(self, offset: int = 0, limit: int | None = None) -> str:
        """The scanner's part with the findings from `offset` (all, or `limit` of them) and,
        when not all, `findings_page`: where they stand among how many."""
        end = len(self.findings) if limit is None else offset + limit
        shown = "[" + ",".join(self.findings[offset:end]) + "]"
        page = ""
        if limit is not None:
            total = len(self.findings)
            page = dumps({"offset": offset, "limit": limit, "total": total})
            page = f'"findings_page":{page},'
        return '{"findings":' + shown + "," + page + self.text[1:]


Value = TypeVar("Value")


class Recent(Generic[Value]):
    """A bounded cache, least recently used out first; safe to share between threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[tuple[Any, ...], Value] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> Value | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def drop(self, which: Callable[[tuple[Any, ...]], bool]) -> None:
        with self._lock:
            for key in [k for k in self._items if which(k)]:
                del self._items[key]

    def put(self, key: tuple[Any, ...], value: Value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class CaseBodies:
    """What a process keeps of cases between requests.

    `bodies`: the last redacted scanner parts, by case and publication. Building one for a
    large case takes a second (hundreds of findings through every redaction layer); it changes
    only when a scan publishes the case again (new `last_run`/`last_seen`).

    `answers`: the finished bytes of the API's case answer, by case, version (which every
    publication, assignment and decision bumps) and last comment (a comment bumps no version):
    a view of an unchanged case reads one row and sends what it sent before."""

    def __init__(self, size: int = 32, answers: int = 256) -> None:
        self.bodies: Recent[RedactedCase] = Recent(size)
        self.answers: Recent[bytes] = Recent(answers)

    def forget(self, case_id: str) -> None:
        """Drop what this process keeps of a case whose evidence changed without a publication
        (a merge). Other processes see the change through the keys (counts, version)."""
        self.bodies.drop(lambda key: key[1] == case_id)
        self.answers.drop(lambda key: key[1] == case_id)


def _key_id(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()


def _redacted_case(
    session: Session, key: bytes, case_id: str, bodies: CaseBodies | None
) -> RedactedCase:
    published = session.execute(
        select(CaseRow.last_run, CaseRow.last_seen, CaseRow.n_findings, CaseRow.n_records).where(
            CaseRow.id == case_id
        )
    ).first()
    if published is None:
        raise NotFound(f"no case {case_id!r}")
    # a publication changes the run or the day; a merge (no publication) adds evidence
    cache_key = (
        _key_id(key),
        case_id,
        published.last_run,
        stamp(published.last_seen) or "",
        published.n_findings,
        published.n_records,
    )
    found = bodies.bodies.get(cache_key) if bodies is not None else None
    if found is None:
        found = _redact_case(session, key, case_id)
        if bodies is not None:
            bodies.bodies.put(cache_key, found)
    return found


def _redact_case(session: Session, key: bytes, case_id: str) -> RedactedCase:
    row = case_row(session, case_id)
    case, redaction = case_redaction(key, row.payload, row.names or ())
    part = _scanner_part(case, redaction)
    scrub = redaction.scrubber
    # Scrubbed piece by piece: a value matches only between non-alphanumerics, and the pieces
    # are cut at JSON punctuation, so this replaces exactly what scrubbing the whole text did.
    findings = tuple(scrub(dumps(f)) for f in part.pop("findings"))
    team = Redaction.from_pairs(key, redaction.pairs, redaction.names)
    team.text("warm")  # its scrubber's pattern and automaton built now, before threads share it
    return RedactedCase(scrub(dumps(part)), findings, team)


def warm_largest(
    db: Database, key: bytes, bodies: CaseBodies, count: int, stop: threading.Event
) -> None:
    """The `count` cases with the most findings redacted into `bodies` (the first view of a
    large case otherwise waits seconds for it), until `stop` is set."""
    with db.read() as session:
        largest = list(
            session.scalars(select(CaseRow.id).order_by(CaseRow.n_findings.desc()).limit(count))
        )
    for case_id in largest:
        if stop.is_set():
            return
        with db.read() as session:
            _redacted_case(session, key, case_id, bodies)


def team_redaction(
    session: Session, key: bytes, case_id: str, bodies: CaseBodies | None = None
) -> Redaction:
    """What redacts the team's texts about a case (comments, notes): its clear values."""
    return _redacted_case(session, key, case_id, bodies).team


def case_json(
    session: Session,
    key: bytes,
    case_id: str,
    bodies: CaseBodies | None = None,
    findings: int | None = None,
) -> str:
    """One case as JSON text: the inbox summary (status, assignee, version, awaiting
    approval ...), the team's comments and decisions, and the scanner's part with its first
    `findings` findings (None: all of them); all redacted."""
    body = _redacted_case(session, key, case_id, bodies)
    team = body.team
    head = {
        **(case_summary(session, case_id) or {}),
        "comments": comments_of(session, case_id, team),
        "decisions": decisions_of(session, case_id, team),
    }
    return team.scrubber(dumps(head))[:-1] + "," + body.with_findings(0, findings)[1:]


def case_answer(session: Session, key: bytes, case_id: str, bodies: CaseBodies) -> bytes:
    """The API's answer for one case (its first FIRST_FINDINGS findings) as UTF-8 bytes, kept
    between requests until the case changes."""
    last_comment = select(func.max(Comment.id)).where(Comment.case_id == case_id).scalar_subquery()
    state = session.execute(
        select(CaseRow.version, CaseRow.last_run, CaseRow.last_seen, last_comment).where(
            CaseRow.id == case_id
        )
    ).first()
    if state is None:
        raise NotFound(f"no case {case_id!r}")
    cache_key = (_key_id(key), case_id, *state)
    found = bodies.answers.get(cache_key)
    if found is None:
        found = case_json(session, key, case_id, bodies, FIRST_FINDINGS).encode()
        bodies.answers.put(cache_key, found)
    return found


def findings_page(
    session: Session, key: bytes, case_id: str, offset: int, limit: int, bodies: CaseBodies
) -> str:
    """A page of a case's findings (redacted) as JSON text: `total`, `offset`, `limit` and
    `items`, in the order of the case's answer."""
    body = _redacted_case(session, key, case_id, bodies)
    items = ",".join(body.findings[offset : offset + limit])
    head = dumps({"total": len(body.findings), "offset": offset, "limit": limit})
    return head[:-1] + ',"items":[' + items + "]}"


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
