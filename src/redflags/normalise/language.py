"""Language identification, offline: lingua's bundled n-gram models, restricted to the project's
languages (Danish, its neighbours, the languages of the people the project meets, English).

The detector is built once per process and cached; models load lazily on first use.
"""

from __future__ import annotations

import re
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

LANGUAGES = (
    Language.DANISH,
    Language.ENGLISH,
    Language.GERMAN,
    Language.SWEDISH,
    Language.BOKMAL,
    Language.ROMANIAN,
    Language.BULGARIAN,
    Language.RUSSIAN,
    Language.UKRAINIAN,
    Language.POLISH,
    Language.SPANISH,
    Language.THAI,
    Language.VIETNAMESE,
    Language.TAGALOG,
)
# lingua's ISO 639-1 code for Bokmål is "nb"; the generic "no" is what profiles often list.
MIN_RELATIVE_DISTANCE = 0.1
MIN_LETTERS = 4  # fewer letters than this: too short to tell
# A capitalised word: a name or a place more often than not. One "København" or "Næstved" in an
# English ad is enough for lingua's letter rules (æ, ø only in Danish and Norwegian) to call the
# whole text Danish, so callers that read ads can leave such words out.
_WORD = re.compile(r"[^\W\d_]+")


@cache
def detector() -> LanguageDetector:
    builder = LanguageDetectorBuilder.from_languages(*LANGUAGES)
    return builder.with_minimum_relative_distance(MIN_RELATIVE_DISTANCE).build()


def _code(language: Language) -> str:
    return str(language.iso_code_639_1.name).lower()


def _enough(text: str | None) -> bool:
    return text is not None and sum(c.isalpha() for c in text) >= MIN_LETTERS


def without_names(text: str | None) -> str | None:
    """The text without capitalised words (names, places), or the text itself when too little
    would be left."""
    if text is None:
        return None
    kept = _WORD.sub(lambda m: " " if m[0][0].isupper() else m[0], text)
    return kept if _enough(kept) and len(kept.split()) >= len(text.split()) // 2 else text


def detect_language(text: str | None, ignore_names: bool = False) -> str | None:
    """The ISO 639-1 code of the text's language, or None when it is too short or unsure.
    `ignore_names` leaves capitalised words out first (see `without_names`)."""
    if ignore_names:
        text = without_names(text)
    if not _enough(text):
        return None
    assert text is not None
    found = detector().detect_language_of(text)
    return _code(found) if found is not None else None


def language_confidence(text: str | None, ignore_names: bool = False) -> tuple[str | None, float]:
    """The detected language (as `detect_language`) and lingua's confidence in it (0-1, relative
    to the other languages considered)."""
    if ignore_names:
        text = without_names(text)
    code = detect_language(text)
    if code is None:
        return None, 0.0
    assert text is not None
    values = detector().compute_language_confidence_values(text)
    return code, float(values[0].value) if values else 0.0
