"""Name normalisation for entity resolution: transliteration, order, diacritics, hyphens,
nicknames, and phonetic keys.

'Ана-Мария Попеску', 'POPESCU ANA MARIA', 'Ana-María Popescu' and 'Anna Popesku' all fold to
tokens whose Metaphone codes agree; comparison (`name_similarity`) ignores token order.
"""

from __future__ import annotations

import re
from functools import lru_cache

import jellyfish
from anyascii import anyascii

_NON_ALPHA = re.compile(r"[^a-z]+")
_DOUBLED = re.compile(r"(.)\1+")

# Common short forms seen as ad personas or chat names, mapped to one canonical given name.
# Small on purpose: an unknown nickname only loses a match, it never makes one.
NICKNAMES: dict[str, str] = {
    "ania": "anna", "anya": "anna", "anushka": "anna", "annie": "anna", "ann": "anna",
    "kasia": "katarzyna", "kasha": "katarzyna", "kate": "katherine", "katie": "katherine",
    "kathy": "katherine", "katya": "ekaterina", "katja": "ekaterina", "katia": "ekaterina",
    "masha": "maria", "mariya": "maria", "marie": "maria", "mia": "maria",
    "nastya": "anastasia", "nastia": "anastasia", "stasya": "anastasia",
    "natasha": "natalia", "natalya": "natalia", "nataliya": "natalia", "tasha": "natalia",
    "sasha": "aleksandra", "sacha": "aleksandra", "ola": "aleksandra", "alexandra": "aleksandra",
    "lena": "elena", "lenа": "elena", "helena": "elena", "yelena": "elena",
    "olya": "olga", "dasha": "daria", "darya": "daria", "dasa": "daria",
    "ira": "irina", "tanya": "tatiana", "tatyana": "tatiana", "yulia": "julia", "yuliya": "julia",
    "julie": "julia", "liza": "elizabeth", "lisa": "elizabeth", "beth": "elizabeth",
    "liz": "elizabeth", "gosia": "malgorzata", "basia": "barbara", "magda": "magdalena",
    "ioana": "ioana", "nicky": "nicoleta", "nicole": "nicoleta", "vika": "viktoria",
    "victoria": "viktoria", "zhenya": "evgenia", "jenny": "jennifer", "sofia": "sofia",
    "sophie": "sofia", "sonya": "sofia", "sonia": "sofia",
}  # fmt: skip


def fold(text: str | None) -> str:
    """Transliterated (any script to ASCII), lower-case text."""
    return anyascii(text or "").lower()


def tokens(*parts: str | None) -> tuple[str, ...]:
    """Name tokens in written order: transliterated, lower-case, split at spaces, hyphens,
    dots, underscores and digits; one-letter tokens (initials) kept."""
    result: list[str] = []
    for part in parts:
        result.extend(t for t in _NON_ALPHA.split(fold(part)) if t)
    return tuple(result)


def canonical(token: str) -> str:
    """A given name's canonical form (nickname map), else the token itself."""
    return NICKNAMES.get(token, token)


@lru_cache(maxsize=200_000)
def phonetic(token: str) -> str:
    """Metaphone code of a (canonical) token, doubled letters collapsed first so that
    'Anna'/'Ana' and 'Popescu'/'Popesku' agree. Empty tokens give ''."""
    token = _DOUBLED.sub(r"\1", canonical(token))
    if not token:
        return ""
    return jellyfish.metaphone(token) or token


def sorted_key(name_tokens: tuple[str, ...]) -> str:
    """Order-free key of a full name: sorted phonetic codes of its tokens ('POPESCU ANA MARIA'
    and 'Ana-Maria Popescu' agree)."""
    return " ".join(sorted(phonetic(t) for t in name_tokens if len(t) > 1))


@lru_cache(maxsize=500_000)
def token_similarity(a: str, b: str) -> float:
    """Jaro-Winkler of two tokens after nickname mapping; an initial matches a token with the
    same first letter at 0.9 (never higher, so initials alone stay weak)."""
    a, b = canonical(a), canonical(b)
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return 0.9 if a[0] == b[0] else 0.0
    score = jellyfish.jaro_winkler_similarity(a, b)
    if phonetic(a) == phonetic(b):
        score = max(score, 0.93)
    return score


def _best_alignment(short: tuple[str, ...], long: tuple[str, ...]) -> list[float]:
    """Greedy one-to-one alignment of each token of `short` to its best unused token of
    `long` (names have at most a handful of tokens)."""
    pairs = sorted(
        ((token_similarity(s, t), i, j) for i, s in enumerate(short) for j, t in enumerate(long)),
        reverse=True,
    )
    used_i: set[int] = set()
    used_j: set[int] = set()
    scores: list[float] = []
    for score, i, j in pairs:
        if i in used_i or j in used_j:
            continue
        used_i.add(i)
        used_j.add(j)
        scores.append(score)
    return scores


def name_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[float, int]:
    """(similarity, tokens matched): the mean Jaro-Winkler of the shorter name's tokens aligned
    one-to-one, in any order, to the longer name's; and how many aligned at 0.88 or more.
    Extra tokens in the longer name (a middle name) cost nothing; a missing name gives 0."""
    if not a or not b:
        return 0.0, 0
    best = _similarity(a, b)
    # 'anamaria popescu' against 'ana maria popescu': also try joining two adjacent tokens
    for name, other in ((a, b), (b, a)):
        for k in range(len(name) - 1):
            if len(name) >= 2 and len(other) >= 2:
                joined = (*name[:k], name[k] + name[k + 1], *name[k + 2 :])
                best = max(best, _similarity(joined, other))
    return best


def _similarity(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[float, int]:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    scores = _best_alignment(short, long)
    if not scores:
        return 0.0, 0
    # A concatenated handle ('mettejensen') against a full name: compare the joined forms too.
    if len(short) == 1 and len(long) >= 2 and len(short[0]) > 6:
        joined = max(
            jellyfish.jaro_winkler_similarity(short[0], "".join(long)),
            jellyfish.jaro_winkler_similarity(short[0], "".join(reversed(long))),
        )
        if joined >= 0.93:
            return joined, 2
    return sum(scores) / len(scores), sum(1 for s in scores if s >= 0.88)


def split_concatenated(
    token: str, given_names: frozenset[str], surnames: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """'mettejensen' -> ('mette', 'jensen'), 'mettej' -> ('mette', 'j'), 'jensenm' ->
    ('jensen', 'm'): a known given name starting the token, or a known surname followed by one
    initial; otherwise the token alone. The longest given name wins."""
    for cut in range(min(len(token) - 1, 12), 2, -1):
        if token[:cut] in given_names:
            return token[:cut], token[cut:]
    if len(token) > 4 and token[:-1] in surnames:
        return token[:-1], token[-1:]
    return (token,)
