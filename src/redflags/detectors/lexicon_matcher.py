"""Find a lexicon's concepts in text: one Aho-Corasick pass for all terms, then regexes.

Terms and text are folded the same way (case, accents, compatibility forms); terms are matched
after a leetspeak fold inside words ("t33n" reads "teen"), patterns on the plain folded text.
Hits must sit on word boundaries, except in scripts written without spaces (Thai). A trailing `*`
on a term accepts any word ending. Spans are reported in the ORIGINAL text, for highlighting.

A concept's `near` rules match meaning rather than one phrase: the words of every group of a rule
are found in the same pass, and the rule holds where one word of each group lies within `within`
words of the others, in any order; `unless_negated` drops such a match when a negation word
stands just before it or between its words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from redflags.catalogue.lexicons import Lexicon, Near, load_negations
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


_TOKEN = re.compile(r"\w+")
# a `near` match stays inside one sentence or line: list items and sentences are separate claims
_SENTENCE_END = re.compile(r"[.!?;\n\u2022|]+(?:\s|$)|\n")
# a full stop after these (folded) ends no sentence: "1.500 kr. om ugen", "ca. 20", "fx. rengøring"
_ABBREVIATIONS = frozenset(
    {"kr", "ca", "fx", "nr", "tlf", "tel", "mr", "mrs", "ms", "dr", "str", "dvs", "evt", "inkl"}
    | {"ekskl", "mio", "mia", "bl", "etc", "vs", "approx", "jan", "feb", "mar", "apr", "aug"}
    | {"sep", "sept", "oct", "okt", "nov", "dec"}
)
_WORD_BEFORE = re.compile(r"(\w+)$")
# a negation before a comma or a colon belongs to another clause: "No experience needed, flight
# included" offers the flight (sentence ends are `ends`; "1,500" and "1.500" end nothing)
_CLAUSE_END = re.compile(r"[,:](?=\s)")
# (concept, rule index, group index) of a `near` word; None for a term that is a hit by itself
Slot = tuple[str, int, int] | None
_Entry = tuple[str, str, bool, Slot]


@dataclass(frozen=True)
class _Word:
    """A word of a `near` group found in the text (folded offsets, token index)."""

    group: int
    token: int
    sentence: int
    start: int
    end: int
    key: str


@lru_cache(maxsize=1)
def _negation_words() -> tuple[frozenset[str], tuple[str, ...], int]:
    """(spaced negation words, unspaced ones found inside text, words looked at before)."""
    negations = load_negations()
    spaced: set[str] = set()
    unspaced: list[str] = []
    for words in negations.words.values():
        for word in words:
            key = fold(word).strip()
            (unspaced.append(key) if _unspaced_script(key) else spaced.add(key))
    return frozenset(spaced), tuple(unspaced), negations.before


class LexiconMatcher:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._automaton = ahocorasick.Automaton()
        entries: dict[str, list[_Entry]] = {}

        def add(term: str, concept_name: str, slot: Slot) -> None:
            prefix = term.endswith("*")
            key = fold(term.rstrip("*")).strip()
            if key:
                entries.setdefault(key, []).append((concept_name, term, prefix, slot))

        self._near: dict[tuple[str, int], Near] = {}
        for concept_name, concept in lexicon.concepts.items():
            for terms in concept.terms.values():
                for term in terms:
                    add(term, concept_name, None)
            for index, rule in enumerate(concept.near):
                self._near[(concept_name, index)] = rule
                for group_index, group in enumerate(rule.groups):
                    for term in group:
                        add(term, concept_name, (concept_name, index, group_index))
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
        near_words: dict[tuple[str, int], list[tuple[int, int, int, str]]] = defaultdict(list)
        if not self._empty:
            for end_index, (key, values) in self._automaton.iter(folded_leet):
                start = end_index - len(key) + 1
                for concept_name, term, prefix, slot in values:
                    end = end_index + 1
                    if not _unspaced_script(key):
                        if start > 0 and _is_word_char(folded_leet[start - 1]):
                            continue
                        if prefix:
                            while end < len(folded) and _is_word_char(folded_leet[end]):
                                end += 1
                        elif end < len(folded) and _is_word_char(folded_leet[end]):
                            continue
                    if slot is not None:
                        near_words[slot[:2]].append((slot[2], start, end, key))
                        continue
                    o_start, o_end = original_span(origin, start, end, len(text))
                    hits.append(Hit(concept_name, term, o_start, o_end))
        if near_words:
            hits.extend(self._near_hits(text, folded_leet, origin, near_words))
        for concept_name, pattern in self._patterns:
            for match in pattern.finditer(folded):
                if match.end() > match.start():
                    o_start, o_end = original_span(origin, match.start(), match.end(), len(text))
                    hits.append(Hit(concept_name, match.group(0), o_start, o_end))
        return sorted(set(hits), key=lambda h: (h.start, h.end, h.concept))

    def _near_hits(
        self,
        text: str,
        folded: str,
        origin: Sequence[int],
        found: dict[tuple[str, int], list[tuple[int, int, int, str]]],
    ) -> Iterable[Hit]:
        tokens = [m.start() for m in _TOKEN.finditer(folded)]
        ends = _sentence_ends(folded)
        for (concept_name, index), raw in found.items():
            rule = self._near[(concept_name, index)]
            if len({group for group, *_ in raw}) < len(rule.groups):
                continue
            words = sorted(
                (
                    _Word(g, max(0, bisect_right(tokens, s) - 1), bisect_right(ends, s), s, e, k)
                    for g, s, e, k in raw
                ),
                key=lambda w: (w.token, w.start),
            )
            for window in _windows(words, len(rule.groups), rule.within):
                if rule.unless_negated and _negated(folded, tokens, ends, window):
                    continue
                start = min(w.start for w in window)
                end = max(w.end for w in window)
                term = " ~ ".join(w.key for w in sorted(window, key=lambda w: w.start))
                o_start, o_end = original_span(origin, start, end, len(text))
                yield Hit(concept_name, term, o_start, o_end)


# Building a matcher (the automaton of every term, the compiled patterns) costs up to tens of
# milliseconds for a large lexicon: each lexicon's is built once per process and shared. Keyed by
# the lexicon object, which the entry keeps alive so that its id is never reused; lexicons are
# frozen and loaded once, so a scan holds about forty.
MATCHERS_KEPT = 256
_matchers: dict[int, tuple[Lexicon, LexiconMatcher]] = {}


def matcher_for(lexicon: Lexicon) -> LexiconMatcher:
    """The shared matcher of a lexicon (built on first use)."""
    kept = _matchers.get(id(lexicon))
    if kept is not None and kept[0] is lexicon:
        return kept[1]
    if len(_matchers) >= MATCHERS_KEPT:  # lexicons made on the fly (tests): never unbounded
        _matchers.clear()
    matcher = LexiconMatcher(lexicon)
    _matchers[id(lexicon)] = (lexicon, matcher)
    return matcher


def _sentence_ends(folded: str) -> list[int]:
    ends = []
    for match in _SENTENCE_END.finditer(folded):
        if match.group(0)[0] == ".":
            before = _WORD_BEFORE.search(folded, 0, match.start())
            if before is not None and before.group(1) in _ABBREVIATIONS:
                continue
        ends.append(match.end())
    return ends


def _windows(words: list[_Word], groups: int, within: int) -> Iterator[list[_Word]]:
    """The shortest runs of words (by token) that hold every group, each at most `within` tokens
    from its first word to its last and inside one sentence; one word per group."""
    counts: dict[int, int] = defaultdict(int)
    left = 0
    last_end = -1
    for right, word in enumerate(words):
        counts[word.group] += 1
        while len(counts) == groups:
            first = words[left]
            if counts[first.group] > 1:  # a repeat of the first word's group: shorten
                counts[first.group] -= 1
                left += 1
                continue
            close = word.token - first.token <= within and word.sentence == first.sentence
            if close and right > last_end:
                run = words[left : right + 1]
                chosen = {w.group: w for w in run}  # the last (closest to `right`) of each group
                chosen[first.group] = first
                yield sorted(chosen.values(), key=lambda w: w.start)
                last_end = right
            counts[first.group] -= 1
            if not counts[first.group]:
                del counts[first.group]
            left += 1


def _negated(folded: str, tokens: list[int], ends: list[int], window: list[_Word]) -> bool:
    """A negation word up to `before` words ahead of the match or between its words, inside the
    match's sentence ("Why don't you pick up? Call back now!" keeps its second sentence)."""
    spaced, unspaced, before = _negation_words()
    first = min(w.token for w in window)
    last = max(w.token for w in window)
    sentence = window[0].sentence
    inside = {(w.start, w.end) for w in window}
    start_index = max(0, first - before)
    clause = max((m.end() for m in _CLAUSE_END.finditer(folded, 0, tokens[first])), default=0)
    while start_index < first and (
        bisect_right(ends, tokens[start_index]) != sentence or tokens[start_index] < clause
    ):
        start_index += 1  # a word of an earlier sentence or clause
    for index in range(start_index, min(last + 1, len(tokens))):
        start = tokens[index]
        match = _TOKEN.match(folded, start)
        word = match.group(0) if match else ""
        if word in spaced and not any(s <= start < e for s, e in inside):
            return True
    span = folded[tokens[start_index] : max(w.end for w in window)]
    return any(negation in span for negation in unspaced)


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
