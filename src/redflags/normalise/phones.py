"""Phone numbers to E.164 with `phonenumbers` (Google's libphonenumber), Denmark by default.

`find_phones` reads numbers however an ad disguises them: the digit stream of
`obfuscation.digit_runs` is cut into numbers that phonenumbers validates, after
`phone_context` has removed prices, dates, company and bank numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

import phonenumbers
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneNumber, PhoneNumberFormat

from redflags.normalise.obfuscation import Run, digit_runs, readable_by_matcher
from redflags.normalise.phone_context import phone_spans
from redflags.normalise.region_hints import TextHints, hinted_region

DEFAULT_REGION = "DK"
MAX_E164_DIGITS = 15
_MIN_FOREIGN_DIGITS = 9  # fewer digits: a Danish-length number or less, nothing to retry
_MAX_FOREIGN_DIGITS = 2 * MAX_E164_DIGITS  # a stretch read whole elsewhere: two numbers at most
_FOREIGN_MIN = 7  # the shortest national number worth reading in another country


@dataclass(frozen=True)
class PhoneMatch:
    e164: str
    start: int
    end: int
    raw: str
    obfuscated: bool = False  # only readable after undoing words, emoji, look-alikes ...


E164_MAX_DIGITS = 15


def normalise_phone(
    value: str | None, region: str = DEFAULT_REGION, *, contact_field: bool = False
) -> str | None:
    """E.164 form of a phone number written in any common way, or None if it is not valid.

    In free text only numbers in ranges the numbering plan assigns count (a digit run must look
    like a real number to be one). A `contact_field` (a customer's phone, a message's sender)
    is a phone by what the column says, so a number of the right length in a range the plan
    does not list (a new range, a test range such as +45 20 00 xx xx, an old number) is kept:
    two records with the same such number are still the same contact."""
    if not value or not value.strip():
        return None
    return _normalised(value, region, contact_field)


# Every detector that lists a record's pivots reads its contact fields again: the parse of a
# value is kept (libphonenumber's parse is most of the cost of reading a contact field).
@lru_cache(maxsize=1 << 16)
def _normalised(value: str, region: str, contact_field: bool) -> str | None:
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    known = phonenumbers.is_valid_number(number)
    if not known and not (contact_field and phonenumbers.is_possible_number(number)):
        return None
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    # E.164 allows at most 15 digits; libphonenumber's open-ended German ranges accept more
    return e164 if len(e164) <= E164_MAX_DIGITS + 1 else None


@dataclass(frozen=True)
class _Region:
    national_lengths: frozenset[int]  # with and without the trunk prefix ('0' in Sweden)
    country_code: str
    idd: str  # the international call prefix as most people dial it ('00')


@cache
def _region(region: str) -> _Region:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if metadata is None or metadata.general_desc is None:
        raise ValueError(f"unknown phone region {region!r}")
    lengths = set(metadata.general_desc.possible_length)
    if metadata.national_prefix:
        lengths |= {n + len(metadata.national_prefix) for n in lengths}
    idd = metadata.preferred_international_prefix or metadata.international_prefix or "00"
    return _Region(frozenset(lengths), str(metadata.country_code), idd if idd.isdigit() else "00")


def _trivial(digits: str) -> bool:
    """'55555555', '12345678', '98765432': placeholders and counting, not numbers."""
    steps = {int(b) - int(a) for a, b in pairwise(digits)}
    return len(steps) == 1 and steps <= {-1, 0, 1}


@cache
def _general_pattern(country_code: str) -> re.Pattern[str] | None:
    """What any national number of a country looks like (all its regions together)."""
    patterns = []
    for region in COUNTRY_CODE_TO_REGION_CODE.get(int(country_code), ()):
        metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(
            int(country_code), region
        )
        if metadata and metadata.general_desc and metadata.general_desc.national_number_pattern:
            patterns.append(f"(?:{metadata.general_desc.national_number_pattern})")
    return re.compile("|".join(patterns)) if patterns else None


def _valid(country_code: str, national: str) -> str | None:
    """E.164 of a number already split into country code and national digits, if valid.
    Building the PhoneNumber directly skips `phonenumbers.parse` (two thirds of the cost), and
    the country's general pattern refuses most wrong cuts before the full check."""
    general = _general_pattern(country_code)
    if general is not None and not general.fullmatch(national):
        return None
    number = PhoneNumber(country_code=int(country_code), national_number=int(national))
    return f"+{country_code}{national}" if phonenumbers.is_valid_number(number) else None


_COUNTRY_CODES: frozenset[int] = frozenset(COUNTRY_CODE_TO_REGION_CODE)


def _international(digits: str) -> str | None:
    """'4552614783' read as +45 52614783: country codes are prefix-free, so one fits."""
    for size in (1, 2, 3):
        code, national = digits[:size], digits[size:]
        if int(code) in _COUNTRY_CODES:
            if national.startswith("0"):  # a trunk 0 or Italy's leading zero: let parse judge
                return _parsed(f"+{digits}", "ZZ")
            return _valid(code, national)
    return None


def _parsed(candidate: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _e164(digits: str, international: bool, region: str) -> str | None:
    """The E.164 number these digits dial from `region`, if valid. Lengths are checked first
    because validation is the expensive part."""
    info = _region(region)
    if international or digits.startswith(info.idd):
        rest = digits if international else digits[len(info.idd) :]
        if not 7 <= len(rest) <= MAX_E164_DIGITS or _trivial(rest):
            return None
        return _international(rest)
    if _trivial(digits):
        return None
    if len(digits) in info.national_lengths:
        found = (
            _parsed(digits, region)  # a trunk prefix ('070 ...' in Sweden) needs parse's rules
            if digits.startswith("0")
            else _valid(info.country_code, digits)
        )
        if found:
            return found
    # '4552614783' (no plus) is how wa.me links and some ads write a local number.
    national = len(digits) - len(info.country_code)
    if digits.startswith(info.country_code) and national in info.national_lengths:
        return _international(digits)
    return None


def _numbers_in(text: str, run: Run, first: int, last: int, region: str) -> list[PhoneMatch]:
    return _cut(text, run, first, last, region)[0]


def _cut(text: str, run: Run, first: int, last: int, region: str) -> tuple[list[PhoneMatch], int]:
    """Cut atoms[first:last] into numbers: at each atom, the longest valid number that ends on
    an atom boundary and crosses no '+'; if none, move on one atom. Two numbers written in a
    row come out as two because a longer, valid number rarely exists."""
    found: list[PhoneMatch] = []
    covered = 0  # atoms inside found numbers
    offsets = [0]
    for atom in run.atoms[first:last]:
        offsets.append(offsets[-1] + len(atom.digits))
    digits = "".join(atom.digits for atom in run.atoms[first:last])
    next_plus = [last] * (last - first + 1)  # for each atom, the next atom after a '+'
    for k in range(last - 1, first, -1):
        next_plus[k - first - 1] = k if run.plus[k] >= 0 else next_plus[k - first]
    i = first
    while i < last:
        stop = next_plus[i - first]
        international = run.plus[i] >= 0
        # Every atom holds a digit, so no number spans more atoms than a number has digits.
        for j in range(min(stop, i + MAX_E164_DIGITS + 2), i, -1):
            if offsets[j - first] - offsets[i - first] > MAX_E164_DIGITS + 2:
                continue  # longer than any number, even with a '00' prefix
            number = digits[offsets[i - first] : offsets[j - first]]
            e164 = _e164(number, international, region)
            if e164:
                start = run.plus[i] if international else run.atoms[i].start
                end = run.atoms[j - 1].end
                obfuscated = not readable_by_matcher(run, i, j)
                found.append(PhoneMatch(e164, start, end, text[start:end], obfuscated))
                covered += j - i
                i = j
                break
        else:
            i += 1
    return found, covered


def _elsewhere(
    text: str, run: Run, first: int, last: int, region: str, hints: TextHints
) -> list[PhoneMatch] | None:
    """The numbers of atoms[first:last] read in the one region the text points to, when that
    reading takes every atom ('Call me in NYC 415-555-0199'); else None."""
    groups = [atom.digits for atom in run.atoms[first:last]]
    readings: dict[str, list[PhoneMatch] | None] = {}

    digits = sum(map(len, groups))

    def whole(other: str) -> list[PhoneMatch] | None:
        if digits < 2 * _FOREIGN_MIN and digits not in _region(other).national_lengths:
            return None  # neither one number of that country nor room for two
        if other not in readings:
            found, covered = _cut(text, run, first, last, other)
            readings[other] = found if found and covered == last - first else None
        return readings[other]

    other = hinted_region(hints, groups, region, lambda r: whole(r) is not None)
    return whole(other) if other is not None else None


def find_phones(
    text: str | None, region: str = DEFAULT_REGION, hints: bool = True
) -> list[PhoneMatch]:
    """Every valid phone number in free text, plain or disguised, with its span.

    `region` is the country of numbers written without a country code. With `hints`, a stretch
    of digits that does not read whole in `region` is tried in the one country the text itself
    points to (region_hints.py) and kept when it reads whole there."""
    if not text:
        return []
    found: list[PhoneMatch] = []
    text_hints = TextHints(text)
    for run in digit_runs(text):
        for first, last in phone_spans(text, run):
            numbers, covered = _cut(text, run, first, last, region)
            digits = sum(len(atom.digits) for atom in run.atoms[first:last])
            if (
                hints
                and covered < last - first
                and _MIN_FOREIGN_DIGITS <= digits <= _MAX_FOREIGN_DIGITS
            ):
                numbers = _elsewhere(text, run, first, last, region, text_hints) or numbers
            found.extend(numbers)
    return found
