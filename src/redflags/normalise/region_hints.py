"""Which country a text's phone numbers are in, when the text says so itself.

A number written without a country code is read in the run's region (Denmark by default). When
that reading fails, the text may still say where it is: a city or the country's own name
("NYC", "București"), Thai script, its language (Romanian, Swedish ...), or for English the
national layout of the number itself (3-3-4 digits in North America, an 11-digit '07...' in
Britain). `hinted_region` names one region from these hints, or None when they are absent or
disagree. The caller uses it only for a run its own region cannot read (phones.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

# Languages that name one country's numbers. Not English (several countries: the layout
# decides), Spanish or Russian (many countries). Danish hints only in a run of another region.
_LANGUAGE_REGIONS = {
    "da": "DK",
    "ro": "RO",
    "sv": "SE",
    "nb": "NO",
    "de": "DE",
    "pl": "PL",
    "bg": "BG",
    "uk": "UA",
    "th": "TH",
}
_THAI = re.compile(r"[\u0e00-\u0e7f]")


@cache
def _place_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    path = resources.files("redflags.normalise").joinpath("data/region_words.yaml")
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    regions = {w.lower(): str(region) for region, words in data.items() for w in words}
    words = sorted(regions, key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), regions


@dataclass
class TextHints:
    """The hints of one text, worked out once and only when a number needs them."""

    text: str
    _places: frozenset[str] | None = field(default=None, repr=False)
    _language: str | None = field(default=None, repr=False)
    _language_done: bool = field(default=False, repr=False)

    def places(self) -> frozenset[str]:
        if self._places is None:
            pattern, regions = _place_pattern()
            lowered = self.text.lower()
            found = pattern.findall(lowered) if len(lowered) == len(self.text) else []
            self._places = frozenset(regions[re.sub(r"\s+", " ", w)] for w in found)
        return self._places

    def language(self) -> str | None:
        if not self._language_done:
            from redflags.normalise.language import detect_language  # lingua loads lazily

            self._language = detect_language(self.text, ignore_names=True)
            self._language_done = True
        return self._language


def _nanp_layout(groups: list[str]) -> bool:
    """'415-555-0199', '(718) 392-4561', '1 646 283 7915', '4155550199'."""
    if groups and groups[0] == "1" and len(groups) > 1:
        groups = groups[1:]
    return [len(g) for g in groups] in ([3, 3, 4], [10]) and groups[0][0] in "23456789"


def hinted_region(
    hints: TextHints, groups: list[str], region: str, reads: Callable[[str], bool]
) -> str | None:
    """The one region the text points to for a number written in these digit `groups`, other
    than `region` (already tried), or None. `reads(r)` says whether the groups read whole as
    numbers of region r; the costly language detection runs only when some language's region
    would read them."""
    places = hints.places() - {region}
    if len(places) > 1:
        return None  # 'London or New York': no single answer
    if places and reads(place := next(iter(places))):
        return place
    # A place whose numbers these are not ('from Bucharest, now in town: 415 555 0199') says
    # where she is from, not where her phone is: the other hints decide.
    if _THAI.search(hints.text):
        return "TH" if region != "TH" else None
    digits = "".join(groups)
    english = None
    if _nanp_layout(groups):
        english = "US"
    elif len(digits) == 11 and digits.startswith("07"):
        english = "GB"
    candidates = {*_LANGUAGE_REGIONS.values(), *([english] if english else [])} - {region}
    if not any(reads(candidate) for candidate in sorted(candidates)):
        return None
    language = hints.language()
    found = _LANGUAGE_REGIONS.get(language or "") or (english if language == "en" else None)
    return found if found != region else None
