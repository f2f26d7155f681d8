"""Text folding for matching, with a map back to the original offsets.

Lexicon matching must not care about case, accents or compatibility characters (full-width
letters, ligatures), but evidence must point into the text the analyst sees. `fold_with_map`
folds character by character and remembers where each folded character came from.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache


@lru_cache(maxsize=65536)
def _fold_char(char: str) -> str:
    # Casefold and decompose until nothing changes: a compatibility character can decompose
    # into an upper-case letter ("𝕊" -> "S"), and folding must be a fixed point.
    folded = char
    for _ in range(4):
        decomposed = unicodedata.normalize("NFKD", folded.casefold())
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
        if stripped == folded:
            break
        folded = stripped
    return folded


class _FoldTable(dict[int, str]):
    """Code point -> its folded text, filled as characters are met: `str.translate` folds a
    whole text with it in one call. `irregular` gathers the characters that fold to no
    character or to several, so a text without any folds one character for one."""

    def __init__(self) -> None:
        super().__init__()
        self.irregular: set[str] = set()

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = self[code] = _fold_char(char)
        if len(folded) != 1:
            self.irregular.add(char)
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Case-, accent- and compatibility-folded text ("Câștig" -> "castig", "Ｔｅｌ" -> "tel")."""
    return text.translate(_TABLE)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each folded character, the index of its source character."""
    folded, origin = fold_with_origin(text)
    return folded, list(origin)


def fold_with_origin(text: str) -> tuple[str, Sequence[int]]:
    """`fold_with_map`, the map a `range` when every character folds to exactly one (small to
    keep)."""
    if text.isascii():  # ASCII folds to its lower case, one character for one
        return text.lower(), range(len(text))
    folded = text.translate(_TABLE)  # meets (and so classifies) every character of the text
    if _TABLE.irregular.isdisjoint(text):  # each character folded to exactly one
        return folded, range(len(text))
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return "".join(pieces), origin


def original_span(origin: Sequence[int], start: int, end: int, text_length: int) -> tuple[int, int]:
    """Map a [start, end) span in folded text back to the original text."""
    if start >= len(origin):
        return text_length, text_length
    original_start = origin[start]
    original_end = origin[end - 1] + 1 if end - 1 < len(origin) else text_length
    return original_start, original_end
