"""A region for one text whose numbers the run's region cannot read.

A run reads numbers written without a country code in one region (`--region`, DK by default).
Ads and messages from elsewhere still turn up: a Thai ad in a Danish scan, a Romanian recruiter's
message. When the run region finds no valid phone in a text, the text itself may say where it is
from: its language (Thai is read in Thailand) or the one country it names ("from Romania").
This module picks such a region, conservatively:

- it is a fallback only: a text where the run region finds a phone is never read again;
- a number with "+CC" needs no hint (the country code says it) and is already found;
- only languages spoken mainly in one country count (English, Spanish, German and Russian do
  not: they say nothing about the number's country);
- a text naming two countries, or none that we map, gives no hint;
- nationality adjectives ("thai massage", "romanian girl") are not country words: they describe
  people and services, not where the number is.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection

from redflags.normalise.contacts import KINDS, Contact, find_contacts
from redflags.normalise.obfuscation import digit_runs

__all__ = ["LANGUAGE_REGIONS", "contacts_with_hint", "region_hint"]

# ISO 639-1 (as normalise.language returns it) -> the one region where it is the language.
LANGUAGE_REGIONS: dict[str, str] = {
    "da": "DK",
    "sv": "SE",
    "nb": "NO",
    "ro": "RO",
    "bg": "BG",
    "uk": "UA",
    "pl": "PL",
    "th": "TH",
    "vi": "VN",
    "tl": "PH",
}

# Country names (English and the country's own), lower case. Latin names must stand as words;
# names in scripts written without spaces (Thai) are matched anywhere.
COUNTRY_WORDS: dict[str, tuple[str, ...]] = {
    "DK": ("denmark", "danmark"),
    "SE": ("sweden", "sverige"),
    "NO": ("norway", "norge"),
    "DE": ("germany", "deutschland"),
    "PL": ("poland", "polska"),
    "RO": ("romania", "românia"),
    "BG": ("bulgaria", "българия"),
    "UA": ("ukraine", "україна", "украина"),
    "TH": ("thailand", "ประเทศไทย", "เมืองไทย"),
    "VN": ("vietnam", "viet nam", "việt nam"),
    "PH": ("philippines", "pilipinas"),
    "US": ("usa", "united states"),
    "GB": ("united kingdom",),
}
_LATIN_WORDS = re.compile(
    r"(?<![^\W\d_])("
    + "|".join(
        sorted(
            (re.escape(w) for ws in COUNTRY_WORDS.values() for w in ws if w.isascii()),
            key=len,
            reverse=True,
        )
    )
    + r")(?![^\W\d_])"
)
_REGION_OF_WORD = {w: region for region, ws in COUNTRY_WORDS.items() for w in ws}
_SCRIPT_WORDS = tuple(w for w in _REGION_OF_WORD if not w.isascii())


def _named_regions(text: str) -> set[str]:
    lowered = text.lower()
    named = {_REGION_OF_WORD[m[1]] for m in _LATIN_WORDS.finditer(lowered)}
    named |= {_REGION_OF_WORD[w] for w in _SCRIPT_WORDS if w in lowered}
    return named


def region_hint(text: str, run_region: str) -> str | None:
    """The region the text itself points to, other than `run_region`, or None.

    The one country it names wins; otherwise its language, when that language is spoken
    mainly in one country. Names and places are left out before the language is detected."""
    # detectors ask for one record's pivots several times per run: remember by a digest, so
    # the cache holds no texts
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    return _hint(digest, text, run_region)


_HINTS: dict[tuple[bytes, str], str | None] = {}
_MAX_HINTS = 65536


def _hint(digest: bytes, text: str, run_region: str) -> str | None:
    key = (digest, run_region)
    if key in _HINTS:
        return _HINTS[key]
    if len(_HINTS) >= _MAX_HINTS:
        _HINTS.clear()
    _HINTS[key] = found = _read_hint(text, run_region)
    return found


def _read_hint(text: str, run_region: str) -> str | None:
    named = _named_regions(text)
    if len(named) == 1:
        region = named.pop()
        return region if region != run_region else None
    if named:  # two countries named: no way to tell which the number belongs to
        return None
    from redflags.normalise.language import detect_language  # lingua: loaded only when needed

    spoken = LANGUAGE_REGIONS.get(detect_language(text, ignore_names=True) or "")
    return spoken if spoken != run_region else None


def contacts_with_hint(
    text: str | None, region: str, kinds: Collection[str] = KINDS
) -> list[Contact]:
    """`find_contacts(text, region, kinds)`, and when that finds no phone in a text that holds
    a run of digits, the phones read in the region the text points to (`region_hint`)."""
    found = find_contacts(text, region, kinds)
    if not text or "phone" not in kinds or any(c.kind == "phone" for c in found):
        return found
    if not digit_runs(text):  # nothing that could be a number: no language detection
        return found
    hint = region_hint(text, region)
    if hint is None:
        return found
    phones = find_contacts(text, hint, {"phone"})
    return sorted(found + phones, key=lambda c: c.start) if phones else found
