"""Evidence in its context: the words around each match of the findings a case page shows,
identifiers replaced by their tokens. Built with the report's own text windows
(`redflags.report.html._text_views`, the same redaction layers as a dossier) from the clear
case and its quoted texts in the store, for the findings shown only, and kept per publication
of the case (building them reads the whole case)."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from redflags.report.passages import text_views as _text_views
from redflags.service.cases import stamp
from redflags.service.locking import case_row
from redflags.service.redaction import case_redaction

AROUND = 90  # characters of context kept each side of a match on a case page
CACHED_CASES = 16
Contexts = dict[str, list[dict[str, Any]]]  # record ref -> its text windows


class RecentContexts:
    """The contexts of the last few case publications seen (one per process)."""

    def __init__(self, size: int = CACHED_CASES) -> None:
        self.size = size
        self._kept: OrderedDict[tuple[str, ...], Contexts] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_make(self, key: tuple[str, ...], make: Any) -> Contexts:
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        made: Contexts = make()
        with self._lock:
            self._kept[key] = made
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return made


def _is_match(segment: Any) -> bool:
    return segment.highlight is not None and not (
        segment.redacted and segment.highlight == "identifier"
    )


def _side(segments: list[Any], backwards: bool) -> tuple[list[Any], bool]:
    """At most AROUND characters of context next to a match: whole tokens, plain text cut
    (at a space when one is near). True when something was left out."""
    kept: list[Any] = []
    budget = AROUND
    ordered = list(reversed(segments)) if backwards else list(segments)
    for index, segment in enumerate(ordered):
        if budget <= 0:
            return (kept[::-1] if backwards else kept), True
        text = segment.text
        if not segment.redacted and len(text) > budget:
            piece = text[-budget:] if backwards else text[:budget]
            space = piece.find(" ") if backwards else piece.rfind(" ")
            if backwards and 0 <= space < 20:
                piece = piece[space + 1 :]
            elif not backwards and space > budget - 20:
                piece = piece[:space]
            kept.append(segment.__class__(piece, segment.highlight, segment.redacted))
            return (kept[::-1] if backwards else kept), True
        kept.append(segment)
        budget -= len(text)
        if index == len(ordered) - 1:
            break
    return (kept[::-1] if backwards else kept), False


def _trimmed(part: dict[str, Any]) -> dict[str, Any]:
    """A window cut to AROUND characters before its first match and after its last."""
    segments = list(part["segments"])
    marked = [i for i, s in enumerate(segments) if _is_match(s)]
    if not marked:
        return part
    first, last = marked[0], marked[-1]
    head, cut_head = _side(segments[:first], backwards=True)
    tail, cut_tail = _side(segments[last + 1 :], backwards=False)
    return {
        **part,
        "segments": head + segments[first : last + 1] + tail,
        "before": part["before"] or cut_head,
        "after": part["after"] or cut_tail,
    }


def _contexts(session: Session, key: bytes, case_id: str, indexes: Sequence[int]) -> Contexts:
    row = case_row(session, case_id)
    case, redaction = case_redaction(key, row.payload, row.names or ())
    chosen = tuple(case.findings[i] for i in sorted(set(indexes)) if i < len(case.findings))
    views, _ = _text_views(
        case.model_copy(update={"findings": chosen}), row.texts or {}, redaction.redactor
    )
    found: Contexts = {}
    for view in views:
        view["parts"] = [_trimmed(p) for p in view["parts"]]
        found.setdefault(view["record"], []).append(view)
    return found


def evidence_contexts(
    session: Session,
    key: bytes,
    case_id: str,
    indexes: Sequence[int],
    kept: RecentContexts,
    published: tuple[str | None, Any, int],
) -> Contexts:
    """Text windows by record reference ("ad:AD1"), for the findings at `indexes`;
    `published` is the case's (last_run, last_seen, version), so a new publication or a merge
    (which renumbers findings) is read again."""
    cache_key = (
        hashlib.sha256(key).hexdigest(),
        case_id,
        str(published[0]),
        stamp(published[1]) or "",
        str(published[2]),
        ",".join(map(str, sorted(set(indexes)))),
    )
    return kept.get_or_make(cache_key, lambda: _contexts(session, key, case_id, indexes))
