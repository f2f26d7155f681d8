"""Pairwise comparison of two profiles and the decision rule.

Name similarity alone never links two people: a name must be corroborated by another attribute.

Evidence points (a corroborator counts once):
- contact 3: the same phone, e-mail or handle, held by at most `MAX_CONTACT_HOLDERS` named
  profiles (a controller's phone on five workers' KYC records is no one's identity);
- device 2: the same device id on both (KYC onboarding device);
- birth 2: the same birth date where both have one (else the same birth year), or a year
  written in a handle or e-mail equal to it;
- photo 2: a photo (image reference) in both;
- social 2: at least two correspondents in common;
- city 1: a city in common.

Name levels: `full` when both names have two or more tokens and at least two align at
Jaro-Winkler >= 0.88 with a mean >= `FULL_NAME` (0.88); `given` when one side is a given name
only (an ad persona) and it matches a token of the other at >= `GIVEN_NAME` (0.92); `none` when
one side has no name (a phone number sending messages).

Decision:
- veto: both birth years known and more than one year apart, or both full birth dates known
  (two KYC records) and differing in more than one of day, month and year; or both named and
  the names disagree (mean similarity < 0.75);
- `full` name: link with >= 2 points (so a full name and a city alone do not link);
- `given` name: link with >= 3 points (a contact, or two other attributes);
- `none`: link only on a contact held by a single named profile (a phone's messages join the
  one KYC record with that phone).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from redflags.resolve.names import name_similarity, token_similarity
from redflags.resolve.profiles import Profile

FULL_NAME = 0.88
GIVEN_NAME = 0.92
NAMES_DISAGREE = 0.75
MAX_CONTACT_HOLDERS = 2
POINTS = {"contact": 3, "device": 2, "birth": 2, "photo": 2, "social": 2, "city": 1}
NEEDED = {"full": 2, "given": 3}


@dataclass(frozen=True)
class Comparison:
    name_score: float
    name_level: str  # full, given, none, mismatch
    corroborators: tuple[str, ...]
    points: int
    linked: bool
    reason: str
    details: dict[str, float] = field(default_factory=dict)


def _birth(a: Profile, b: Profile) -> tuple[bool, bool]:
    """(agree, contradict) on birth date or year. Two full dates must agree but for one typo
    (one of day, month, year): 'Kim Jensen 1998-04-04' is not 'Kim Jorgensen 1998-05-01', though
    their year and their names alike would link them."""
    if a.birth_date and b.birth_date:
        x, y = a.birth_date, b.birth_date
        differ = (x.year != y.year) + (x.month != y.month) + (x.day != y.day)
        return differ == 0, differ > 1 or abs(x.year - y.year) > 1
    if a.birth_year and b.birth_year:
        diff = abs(a.birth_year - b.birth_year)
        return diff == 0, diff > 1
    known = a.birth_year or b.birth_year
    hints = b.year_hints if a.birth_year else a.year_hints
    return bool(known and known in hints), False


def _name_level(a: Profile, b: Profile) -> tuple[str, float]:
    if not a.names or not b.names:
        return "none", 0.0
    score, matched = name_similarity(a.names, b.names)
    if score < NAMES_DISAGREE:
        return "mismatch", score
    if len(a.names) >= 2 and len(b.names) >= 2:
        if matched >= 2 and score >= FULL_NAME:
            return "full", score
        return "weak", score
    # one side is a single token: a persona or a given name; compare with the given name
    single, other = (a, b) if len(a.names) == 1 else (b, a)
    token = single.names[0]
    targets = [other.given] if other.given else list(other.names)
    best = max((token_similarity(token, t) for t in targets if t), default=0.0)
    return ("given" if best >= GIVEN_NAME else "weak"), best


def compare(a: Profile, b: Profile, holders: Mapping[str, int] | None = None) -> Comparison:
    """Compare two profiles; `holders` counts the named profiles holding each contact."""
    holders = holders or {}
    level, score = _name_level(a, b)
    found: list[str] = []
    shared = a.contacts & b.contacts
    if any(holders.get(c, 0) <= MAX_CONTACT_HOLDERS for c in shared):
        found.append("contact")
    if a.devices & b.devices:
        found.append("device")
    agree, contradict = _birth(a, b)
    if agree:
        found.append("birth")
    if a.images & b.images:
        found.append("photo")
    if len(a.correspondents & b.correspondents) >= 2:
        found.append("social")
    if a.cities & b.cities:
        found.append("city")
    points = sum(POINTS[c] for c in found)
    corroborators = tuple(found)
    if contradict:
        return Comparison(score, level, corroborators, points, False, "birth dates differ")
    if level == "mismatch":
        return Comparison(score, level, corroborators, points, False, "names disagree")
    if level in NEEDED:
        linked = points >= NEEDED[level]
        reason = f"{level} name + {points} points" if linked else f"{level} name, too little"
        return Comparison(score, level, corroborators, points, linked, reason)
    if level == "none" and "contact" in found and any(holders.get(c, 0) <= 1 for c in shared):
        return Comparison(score, level, corroborators, points, True, "nameless, sole contact")
    return Comparison(score, level, corroborators, points, False, "name evidence too weak")
