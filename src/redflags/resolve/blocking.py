"""Blocking: only profiles that share a block key are compared.

Keys: an exact contact (phone, e-mail, handle), a device, a photo; the sorted phonetic codes of
every two name tokens (order-free, so 'POPESCU ANA MARIA' meets 'Anna Popesku'); a given name
with a surname initial ('mettej'); a given name with a city (an ad persona meets the KYC record
of someone living there). Blocks larger than `max_block` are skipped and counted: a common name
in a big city, a shared Wi-Fi device, a stock photo.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from redflags.resolve.names import phonetic
from redflags.resolve.profiles import Profile

MAX_BLOCK = 60


def block_keys(profile: Profile) -> set[str]:
    keys = {f"c:{c}" for c in profile.contacts}
    keys.update(f"d:{d}" for d in profile.devices)
    keys.update(f"i:{i}" for i in profile.images)
    names = [t for t in profile.names if len(t) > 1]
    codes = sorted({phonetic(t) for t in names})
    for a, b in combinations(codes, 2):
        keys.add(f"n:{a}|{b}")
    initials = {t[0] for t in profile.names}
    for token in names:
        code = phonetic(token)
        keys.update(f"fi:{code}|{i}" for i in initials if i != token[0] or len(initials) > 1)
    if profile.given and len(profile.given) > 1:
        given = phonetic(profile.given)
        keys.update(f"g:{given}|{city}" for city in profile.cities)
    return keys


@dataclass
class Blocking:
    pairs: set[tuple[int, int]] = field(default_factory=set)
    blocks: int = 0
    skipped_blocks: int = 0
    skipped_keys: list[str] = field(default_factory=list)


def candidate_pairs(profiles: Sequence[Profile], max_block: int = MAX_BLOCK) -> Blocking:
    """Index pairs (i < j) of profiles sharing at least one key in a block of at most
    `max_block` profiles."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, profile in enumerate(profiles):
        for key in block_keys(profile):
            index[key].append(i)
    result = Blocking()
    for key in sorted(index):
        members = index[key]
        if len(members) < 2:
            continue
        if len(members) > max_block:
            result.skipped_blocks += 1
            if len(result.skipped_keys) < 20:
                result.skipped_keys.append(key)
            continue
        result.blocks += 1
        result.pairs.update(combinations(members, 2))
    return result


def iter_blocks(profiles: Sequence[Profile]) -> Iterator[tuple[str, list[int]]]:
    """Every block key with its members (for inspection)."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, profile in enumerate(profiles):
        for key in block_keys(profile):
            index[key].append(i)
    yield from sorted(index.items())
