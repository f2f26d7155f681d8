"""Evidence text as an analyst reads it: windows of a record's text around the matches, the
matches highlighted, identifiers, names and account numbers in the window replaced by their
tokens, never a whole body. The run report, the dossier and (later) the web UI share these."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from redflags.extract import identifiers_of
from redflags.model import Case, Evidence
from redflags.report.redact import Redactor
from redflags.report.vocabulary import concept_label, identifier_kind

CONTEXT_CHARS = 300  # evidence text shown around each match, each side: never a whole body
WINDOWS_PER_TEXT = 6  # context windows shown per text field; the rest are counted
MAX_WINDOW_CHARS = 4 * CONTEXT_CHARS  # matches every few words must not merge into a whole body
SCAN_MARGIN = 120  # identifiers are looked for this far beyond a window, so none is cut in two
SNIPPET_CHARS = 60  # the words around one match shown in an evidence row


@dataclass(frozen=True)
class Segment:
    text: str
    highlight: str | None  # concept or identifier kind being highlighted
    redacted: bool


def highlight_segments(
    text: str,
    highlights: Sequence[tuple[int, int, str]],
    redactions: Sequence[tuple[int, int, str]],
) -> list[Segment]:
    """Split text into segments; redacted spans become their token, highlights are marked."""
    marks: list[str | None] = [None] * len(text)
    for start, end, label in highlights:
        for i in range(max(0, start), min(end, len(text))):
            marks[i] = label
    owner: list[int | None] = [None] * len(text)
    for number, (start, end, _) in enumerate(redactions):
        for i in range(max(0, start), min(end, len(text))):
            owner[i] = number
    segments: list[Segment] = []
    i = 0
    while i < len(text):
        index = owner[i]
        if index is not None:
            j = i
            while j < len(text) and owner[j] == index:
                j += 1
            label = next((m for m in marks[i:j] if m), None) or "identifier"
            segments.append(Segment(redactions[index][2], label, True))
            i = j
            continue
        j = i
        while j < len(text) and owner[j] is None and marks[j] == marks[i]:
            j += 1
        segments.append(Segment(text[i:j], marks[i], False))
        i = j
    return segments


def _windows(spans: Sequence[tuple[int, int, str]], length: int) -> list[tuple[int, int]]:
    """Context windows (CONTEXT_CHARS each side) around the highlighted spans, merged while a
    window stays within MAX_WINDOW_CHARS (then the next starts), so a body dense with matches
    still shows a bounded excerpt."""
    windows: list[tuple[int, int]] = []
    for start, end, _ in sorted(spans):
        if start >= length or end <= 0:
            continue  # a pointer beyond the text (the record changed): nothing to show
        a, b = max(0, start - CONTEXT_CHARS), min(length, max(end, start) + CONTEXT_CHARS)
        if windows and a <= windows[-1][1] and b - windows[-1][0] <= MAX_WINDOW_CHARS:
            windows[-1] = (windows[-1][0], max(windows[-1][1], b))
        elif windows and a < windows[-1][1]:
            windows.append((windows[-1][1], b))  # full: go on where the last one stopped
        else:
            windows.append((a, b))
    return windows


def passage(
    text: str,
    window: tuple[int, int],
    record: str,
    field: str,
    highlights: Sequence[tuple[int, int, str]],
    redactor: Redactor,
) -> dict[str, Any]:
    """One window of a record's text: its segments (matches marked, identifiers, names and
    account numbers replaced by their tokens) and whether text goes on before and after it.
    Identifiers are looked for SCAN_MARGIN beyond the window, so none is cut in two."""
    a, b = window
    kind, _, record_id = record.partition(":")
    lo, hi = max(0, a - SCAN_MARGIN), min(len(text), b + SCAN_MARGIN)
    redactions: list[tuple[int, int, str]] = []
    if not redactor.reveal:
        id_field = {"ad": "ad_id", "message": "message_id"}.get(kind, "id")
        excerpt = {id_field: record_id, field: text[lo:hi]}
        for ident in identifiers_of(kind, excerpt, redactor.region):
            if ident.field == field and ident.start is not None and ident.end is not None:
                redactions.append(
                    (
                        ident.start + lo - a,
                        ident.end + lo - a,
                        redactor.token(ident.kind, ident.value),
                    )
                )
        # account numbers, names and customer ids the contact extractors do not know
        found = list(redactions)  # the contact extractors' spans win over these
        for start, end, token in redactor.spans(text[lo:hi], contacts=False):
            start, end = start + lo - a, end + lo - a
            if all(end <= s or start >= e for s, e, _ in found):
                redactions.append((start, end, token))
    shifted = [(s - a, e - a, label) for s, e, label in highlights]
    return {
        "before": a > 0,
        "after": b < len(text),
        "segments": highlight_segments(text[a:b], shifted, redactions),
    }


def text_views(
    case: Case,
    record_texts: Mapping[str, Mapping[str, str]],
    redactor: Redactor,
    limit: int | None = None,
    lang: str = "en",
) -> tuple[list[dict[str, Any]], int]:
    """The evidence texts of a case as windows around the matches (never a whole body), with
    identifiers replaced by tokens; at most `limit` text fields, and how many were left out."""
    spans: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
    for finding in case.findings:
        for e in finding.evidence:
            if e.start is not None and e.end is not None and e.field:
                spans[(f"{e.kind}:{e.record_id}", e.field)].append(
                    (e.start, e.end, match_label(lang, e))
                )
    keys = [k for k in sorted(spans) if record_texts.get(k[0], {}).get(k[1])]
    shown = keys if limit is None else keys[:limit]
    views = []
    for record, field in shown:
        text = record_texts[record][field]
        windows = _windows(spans[(record, field)], len(text))
        views.append(
            {
                "record": redactor.pivot(record),
                "field": field,
                "parts": [
                    passage(text, w, record, field, spans[(record, field)], redactor)
                    for w in windows[:WINDOWS_PER_TEXT]
                ],
                "more_windows": max(0, len(windows) - WINDOWS_PER_TEXT),
                "length": len(text),
            }
        )
    return views, len(keys) - len(shown)


def match_label(lang: str, evidence: Evidence) -> str:
    """What a highlighted match is, in words: a lexicon concept's label ("she/her forms"), an
    identifier's kind ("phone"), else nothing (a clear value is never used as a label)."""
    if evidence.value_kind:
        return identifier_kind(lang, evidence.value_kind)
    return concept_label(lang, evidence.value or "") or ""


def _word_start(text: str, index: int) -> int:
    """Move back to the start of the word at `index` (at most 20 characters)."""
    floor = max(0, index - 20)
    while index > floor and not text[index - 1].isspace():
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    ceiling = min(len(text), index + 20)
    while index < ceiling and not text[index].isspace():
        index += 1
    return index


def snippet(
    evidence: Evidence,
    record_texts: Mapping[str, Mapping[str, str]],
    redactor: Redactor,
    label: str = "",
) -> dict[str, Any] | None:
    """The words around one evidence match ("… she will meet you at …"), redacted like every
    window, or None when the evidence points at no text the run kept."""
    if evidence.start is None or evidence.end is None or not evidence.field:
        return None
    record = f"{evidence.kind}:{evidence.record_id}"
    text = record_texts.get(record, {}).get(evidence.field)
    if not text or evidence.start >= len(text) or evidence.end <= 0:
        return None
    start, end = max(0, evidence.start), min(len(text), evidence.end)
    a = _word_start(text, max(0, start - SNIPPET_CHARS))
    b = _word_end(text, min(len(text), end + SNIPPET_CHARS))
    return passage(text, (a, b), record, evidence.field, [(start, end, label)], redactor)
