"""Personas behind one contact: the advertised name, refined by photo clusters.

Within a contact's ads, two ads show one persona when
- their folded names are equal and their photos agree (they share a photo cluster, or one of
  them has no photos to compare), or
- they share a photo cluster and the names are near-identical ("Anna" / "Ana", "Bella" /
  "Bela"): a re-spelled name on the same photos is the same person.
Same name on unrelated photos stays two personas (two women advertised as "Anna"). Personas are
the connected components of that relation.

Photos are hashed and clustered with BEH-PHOTO-REUSE's machinery, only for the ads of contact
groups that could reach the threshold, and hashes are kept per file across detectors of a run.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from redflags.detectors.ad_contacts import AdUse
from redflags.detectors.photo_reuse import ImageResolver, photo_clusters
from redflags.extract.image_hashes import ImageHashes

# file -> (size, mtime, hashes): the two persona detectors of a run hash each file once
_HASHES: dict[Path, tuple[int, float, ImageHashes | None]] = {}
_MAX_CACHED = 200_000


class _CachedResolver(ImageResolver):
    def resolve(self, ref: str, source_file: str | None) -> tuple[Path, ImageHashes] | None:
        for candidate in self._candidates(ref, source_file):
            if candidate in self.hashes:
                break
            if candidate.is_file():
                cached, stat = _HASHES.get(candidate), candidate.stat()
                if cached and cached[:2] == (stat.st_size, stat.st_mtime):
                    self.hashes[candidate] = cached[2]
                break
        resolved = super().resolve(ref, source_file)
        if resolved is not None and len(_HASHES) < _MAX_CACHED:
            stat = resolved[0].stat()
            _HASHES[resolved[0]] = (stat.st_size, stat.st_mtime, resolved[1])
        return resolved


def ad_photo_clusters(
    ads: Iterable[Mapping[str, Any]], image_roots: Sequence[Path | str]
) -> dict[str, frozenset[int]]:
    """Ad id -> the ids of the photo clusters its images fall in (ads without readable images
    are left out)."""
    resolver = _CachedResolver(image_roots)
    refs: dict[Path, set[str]] = defaultdict(set)
    for ad in ads:
        for ref in ad.get("image_refs") or ():
            resolved = resolver.resolve(str(ref), ad.get("_file"))
            if resolved is not None:
                refs[resolved[0]].add(str(ad["ad_id"]))
    files = sorted(refs)
    if not files:
        return {}
    hashes = [resolver.hashes[f] for f in files]
    clusters: dict[str, set[int]] = defaultdict(set)
    for cluster_id, members in enumerate(photo_clusters([h for h in hashes if h is not None])):
        for member in members:
            for ad_id in refs[files[member]]:
                clusters[ad_id].add(cluster_id)
    return {ad_id: frozenset(ids) for ad_id, ids in clusters.items()}


def similar_names(a: str, b: str, min_ratio: float) -> bool:
    """Near-identical folded names: one letter added, dropped or swapped in a short name."""
    return a == b or SequenceMatcher(None, a, b).ratio() >= min_ratio


def resolve_personas(
    uses: Sequence[AdUse],
    photos: Mapping[str, frozenset[int]],
    min_name_ratio: float = 0.75,
    split_by_photos: bool = True,
) -> dict[str, str]:
    """Ad id -> persona key for the ads (of one contact) that carry a name. The key is the
    component's most frequent name, with '#2', '#3' ... when one name holds several personas."""
    named = [u for u in uses if u.name]
    parent = list(range(len(named)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(named):
        for j in range(i + 1, len(named)):
            b = named[j]
            pa, pb = photos.get(a.ad_id, frozenset()), photos.get(b.ad_id, frozenset())
            shared = bool(pa & pb)
            if a.name == b.name:
                same = shared or not (split_by_photos and pa and pb)
            else:
                same = shared and similar_names(str(a.name), str(b.name), min_name_ratio)
            if same:
                parent[find(i)] = find(j)
    members: dict[int, list[AdUse]] = defaultdict(list)
    for i, use in enumerate(named):
        members[find(i)].append(use)
    keys: dict[str, str] = {}
    taken: Counter[str] = Counter()
    for root in sorted(members, key=lambda r: min(u.posted_at for u in members[r])):
        name = Counter(str(u.name) for u in members[root]).most_common(1)[0][0]
        taken[name] += 1
        key = name if taken[name] == 1 else f"{name}#{taken[name]}"
        for use in members[root]:
            keys[use.ad_id] = key
    return keys
