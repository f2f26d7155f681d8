"""Find a lexicon's concepts in text: one Aho-Corasick pass for all terms, then regexes.

Terms and text are folded the same way (case, accents, compatibility forms); terms are matched
after a leetspeak fold inside words ("t33n" reads "teen"), patterns on the plain folded text.
Hits must sit on word boundaries, except in scripts written without spaces (Thai). A trailing `*`
on a term accepts any word ending. Spans are reported in the ORIGINAL text, for highlighting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

from redflags.catalogue.lexicons import Lexicon
from redflags.model import Evidence
from redflags.normalise.text import fold, fold_with_origin, original_span


@dataclass(frozen=True)
class Hit:
    concept: str
    term: str
    start: int  # span in the original text
    end: int


def _unspaced_script(term: str) -> bool:
    return any("\u0e00" <= c <= "\u0e7f" for c in term)  # Thai


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a"}
# a whole token ([\w@]+, from its first character) that holds a leet character and a letter
# ([^\W\d_] holds every isalpha character): no other token can change, so only these are looked
# at (not the digit groups of phones); the look-behind keeps a long token without one linear
_LEET_TOKEN = re.compile(r"(?<![\w@])(?=[\w@]*[^\W\d_])[\w@]*[013457@][\w@]*")


def leet_fold(folded: str) -> str:
    """Undo common leetspeak inside words ("t33n" -> "teen", "fr3sh" -> "fresh"), keeping the
    length so offsets still map. Only tokens with more letters than digits change, so phone
    numbers, prices ("3000eur") and "24/7" stay as they are; "@" changes only between letters."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        letters = sum(c.isalpha() for c in token)
        digits = sum(c.isdigit() for c in token)
        if not letters or (digits > letters and "@" not in token):
            return token
        chars = list(token)
        for i, c in enumerate(chars):
            if c not in _LEET:
                continue
            if c == "@":
                inside = (
                    0 < i < len(chars) - 1 and chars[i - 1].isalpha() and chars[i + 1].isalpha()
                )
                if inside:
                    chars[i] = "a"
            elif digits <= letters:
                chars[i] = _LEET[c]
        return "".join(chars)

    return _LEET_TOKEN.sub(replace, folded)


def _fold_pattern(pattern: str) -> str:
    """Fold a pattern's non-ASCII characters like the text (Thai tone marks, accents), leaving
    ASCII regex syntax such as \\D or \\W alone."""
    return "".join(fold(c) if ord(c) > 127 else c for c in pattern)


# Every lexicon detector reads every ad: a text's folded forms are kept for the scan, for the
# first PREPARED_TEXTS texts up to PREPARED_TEXT_CHARS long (about 1 KB each). First come,
# kept: the detectors read the texts in the same order, one after another, so a cache that
# evicted the oldest would, on a corpus larger than itself, never hold the text asked for.
PREPARED_TEXTS = 1 << 16
PREPARED_TEXT_CHARS = 2_000
_prepared: dict[str, tuple[str, Sequence[int], str]] = {}


def prepared(text: str) -> tuple[str, Sequence[int], str]:
    """(folded text, map to the original offsets, folded text after the leet fold)."""
    kept = _prepared.get(text)
    if kept is not None:
        return kept
    folded, origin = fold_with_origin(text)
    entry = (folded, origin, leet_fold(folded))
    if len(_prepared) < PREPARED_TEXTS and len(text) <= PREPARED_TEXT_CHARS:
        _prepared[text] = entry
    return entry


def clear_prepared_texts() -> None:
    """Forget the kept texts (the end of a scan)."""
    _prepared.clear()


class LexiconMatcher:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._automaton = ahocorasick.Automaton()
        entries: dict[str, list[tuple[str, str, bool]]] = {}
        for concept_name, concept in lexicon.concepts.items():
            for terms in concept.terms.values():
                for term in terms:
                    prefix = term.endswith("*")
                    key = fold(term.rstrip("*")).strip()
                    if key:
                        entries.setdefault(key, []).append((concept_name, term, prefix))
        for key, values in entries.items():
            self._automaton.add_word(key, (key, values))
        if entries:
            self._automaton.make_automaton()
        self._empty = not entries
        self._patterns = [
            (concept_name, re.compile(_fold_pattern(pattern)))
            for concept_name, concept in lexicon.concepts.items()
            for pattern in concept.patterns
        ]

    def find(self, text: str | None) -> list[Hit]:
        if not text:
            return []
        folded, origin, folded_leet = prepared(text)
        hits: list[Hit] = []
        if not self._empty:
            for end_index, (key, values) in self._automaton.iter(folded_leet):
                start = end_index - len(key) + 1
                end = end_index + 1
                for concept_name, term, prefix in values:
                    if not _unspaced_script(key):
                        if start > 0 and _is_word_char(folded_leet[start - 1]):
                            continue
                        if prefix:
                            while end < len(folded) and _is_word_char(folded_leet[end]):
                                end += 1
                        elif end < len(folded) and _is_word_char(folded_leet[end]):
                            continue
                    o_start, o_end = original_span(origin, start, end, len(text))
                    hits.append(Hit(concept_name, term, o_start, o_end))
        for concept_name, pattern in self._patterns:
            for match in pattern.finditer(folded):
                if match.end() > match.start():
                    o_start, o_end = original_span(origin, match.start(), match.end(), len(text))
                    hits.append(Hit(concept_name, match.group(0), o_start, o_end))
        return sorted(set(hits), key=lambda h: (h.start, h.end, h.concept))


def hit_evidence(
    kind: str, record_id: str, hits: dict[str, list[Hit]], concepts: Iterable[str] | None = None
) -> tuple[Evidence, ...]:
    """Evidence for lexicon hits, field by field (only `concepts` when given)."""
    wanted = None if concepts is None else set(concepts)
    return tuple(
        Evidence(
            kind=kind,
            record_id=record_id,
            field=field,
            value=hit.concept,
            start=hit.start,
            end=hit.end,
        )
        for field, field_hits in hits.items()
        for hit in field_hits
        if wanted is None or hit.concept in wanted
    )
