"""BEH-PHOTO-REUSE: the same photo (near-duplicates) behind different phones, names or cities.

Every image an ad refers to is hashed: PDQ (256 bits), a 64-bit pHash of the whole image and of
its centre, and a colour layout (see `redflags.extract.image_hashes`). Two images are the same
photo by PDQ when it is within `pdq_max_hamming_distance`, and by pHash when the whole-image
pHashes are within `phash_max_hamming_distance` or the nearest of the four whole/centre pairings
is within `phash_crop_max_hamming_distance` (crops of up to about 10 %) — in both cases only if
their colour layouts differ by at most `colour_max_distance` (mean per channel, 0-255). The
relation is either of the two (`match: either`) or both (`match: both`); clusters are its
connected components, found with multi-index hashes (no all-pairs comparison). Images near a
known stock hash are dropped first.
A cluster fires when, within some `window_days` window of its ads, it is linked to at least
`min_phones` phones, `min_persona_names` persona names or `min_cities` cities.

Image refs are paths relative to the folder of the scanned source (a world writes
"images/img….jpg" beside its tables). They resolve against, in order: the run option
`image_roots` (the scan's input folders), then the folder of the record's source file `_file`
and up to two of its parents. Missing and unreadable images are counted, never raised.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import yaml

from redflags.catalogue.lists import default_list_path
from redflags.catalogue.params.ads import PhotoReuseParams
from redflags.detectors.base import Detector, register
from redflags.detectors.hash_index import MultiIndexHash
from redflags.engines import Engine
from redflags.extract import identifiers_of
from redflags.extract.image_hashes import (
    COLOUR_GRID,
    PDQ_BITS,
    PHASH_BITS,
    ImageHashes,
    colour_distance,
    hash_file,
    hash_files,
    parse_pdq_hex,
)
from redflags.model import Evidence, Finding, RecordKind
from redflags.normalise.identifiers import normalise_name
from redflags.store.image_hashes import KeptImageHashes, kept_image_hashes

_PARENT_LEVELS = 2
# Calibrated on the bench's crop set of world seed 4 (docs/performance.md, Photo reuse).
PHASH_CROP_RADIUS = 10
COLOUR_MAX_DISTANCE = 12.0


@dataclass(frozen=True)
class _Use:
    posted_at: datetime
    ad_id: str
    ref: str
    persona: str | None
    city: str | None
    phones: frozenset[str]


def load_stock_hashes(path: Path) -> list[int]:
    """PDQ hashes of known stock and stolen-photo sets from a list file (see the shipped one)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [parse_pdq_hex(str(entry["pdq"])) for entry in data.get("entries") or ()]


class ImageResolver:
    """Finds the file an image ref names and hashes it once; counts what it cannot read."""

    def __init__(self, roots: Iterable[Path | str], kept: KeptImageHashes | None = None) -> None:
        self.roots = [Path(r) for r in roots]
        self.kept = kept  # hashes kept in the store by the photos' bytes
        self.hashes: dict[Path, ImageHashes | None] = {}
        self.problems: dict[str, set[str]] = {"missing": set(), "corrupt": set()}

    def _candidates(self, ref: str, source_file: str | None) -> Iterator[Path]:
        path = Path(ref)
        if path.is_absolute():
            yield path
            return
        for root in self.roots:
            yield root / path
        if source_file:
            folder = Path(source_file).parent
            for parent in [folder, *list(folder.parents)[:_PARENT_LEVELS]]:
                yield parent / path

    def locate(self, ref: str, source_file: str | None) -> Path | None:
        """The file a ref names (the first candidate that exists), or None."""
        for candidate in self._candidates(ref, source_file):
            if candidate in self.hashes or candidate.is_file():
                return candidate
        return None

    def prefetch(self, refs: Iterable[tuple[str, str | None]]) -> None:
        """Hash every file the (ref, source file) pairs name in one go (a pool of processes
        for many photos: `hash_files`); `resolve` then answers from memory."""
        paths = list(
            dict.fromkeys(
                path
                for ref, source_file in refs
                if (path := self.locate(ref, source_file)) is not None and path not in self.hashes
            )
        )
        hashed = self.kept.hash_files(paths) if self.kept else hash_files(paths)
        for path, (hashes, problem) in zip(paths, hashed, strict=True):
            self.hashes[path] = hashes
            if problem:
                self.problems[problem].add(str(path))

    def resolve(self, ref: str, source_file: str | None) -> tuple[Path, ImageHashes] | None:
        candidate = self.locate(ref, source_file)
        if candidate is None:
            self.problems["missing"].add(ref)
            return None
        if candidate not in self.hashes:
            hashed, problem = (self.kept.hash_file if self.kept else hash_file)(candidate)
            self.hashes[candidate] = hashed
            if problem:
                self.problems[problem].add(str(candidate))
        hashed = self.hashes[candidate]
        return (candidate, hashed) if hashed is not None else None


@register
class PhotoReuseDetector(Detector):
    kind = "photo_reuse"
    p: PhotoReuseParams
    record_kinds = ("ad",)
    description = (
        "Near-duplicate ad photos (PDQ / pHash) linked to >= N phones, persona names or cities."
    )

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        pdq_radius = self.p.pdq_max_hamming_distance
        phash_radius = self.p.phash_max_hamming_distance
        match = self.p.match
        crop_radius = self.p.phash_crop_max_hamming_distance
        colour_max = self.p.colour_max_distance
        window = timedelta(days=float(self.p.window_days))
        minimums = (
            self.p.min_phones,
            self.p.min_persona_names,
            self.p.min_cities,
        )
        region = self.region
        stock_path = self.options.get("stock_image_hashes_path") or default_list_path(
            "stock_image_hashes"
        )
        stock = load_stock_hashes(Path(stock_path))
        kept = kept_image_hashes(engine)
        resolver = ImageResolver(self.options.get("image_roots") or (), kept)

        # image (resolved file) -> its uses by ads
        uses: dict[Path, list[_Use]] = defaultdict(list)
        columns = [
            "ad_id", "posted_at", "persona", "city", "phone", "handle", "email", "title", "body",
            "image_refs", "_file",
        ]  # fmt: skip
        refs_seen = 0
        with_images = list(engine.records(RecordKind.AD, columns, where="len(image_refs) > 0"))
        resolver.prefetch(
            (ref, ad.get("_file")) for ad in with_images for ref in ad["image_refs"] or ()
        )
        for ad in with_images:
            ad_phones = frozenset(
                i.value for i in identifiers_of("ad", ad, region) if i.kind == "phone"
            )
            persona = normalise_name(ad.get("persona"))
            city = " ".join(str(ad["city"]).split()).casefold() if ad.get("city") else None
            for ref in dict.fromkeys(ad["image_refs"] or ()):
                refs_seen += 1
                resolved = resolver.resolve(ref, ad.get("_file"))
                if resolved is None:
                    continue
                uses[resolved[0]].append(
                    _Use(ad["posted_at"], ad["ad_id"], ref, persona, city, ad_phones)
                )

        if kept is not None:
            kept.flush()
        files = sorted(uses)
        hashes = [resolver.hashes[f] for f in files]
        stock_index = MultiIndexHash(PDQ_BITS, pdq_radius)
        for value in stock:
            stock_index.add(value)
        keep = [
            i
            for i, h in enumerate(hashes)
            if h is not None and not (stock and stock_index.query(h.pdq))
        ]
        stock_removed = len(files) - len(keep)
        clusters = _clusters(
            [h for i in keep if (h := hashes[i]) is not None],
            pdq_radius,
            phash_radius,
            match,
            crop_radius,
            colour_max,
        )
        facts_common = {
            "images_hashed": len(files),
            "images_missing": len(resolver.problems["missing"]),
            "images_corrupt": len(resolver.problems["corrupt"]),
            "images_stock_removed": stock_removed,
        }
        for members in clusters:
            cluster_files = [files[keep[m]] for m in members]
            cluster_uses = sorted(
                (u for f in cluster_files for u in uses[f]), key=lambda u: (u.posted_at, u.ad_id)
            )
            best = _qualifying(cluster_uses, window, *minimums)
            if not best:
                continue
            first = hashes[keep[members[0]]]
            assert first is not None
            personas = sorted({u.persona for u in best if u.persona})
            phones = sorted({p for u in best for p in u.phones})
            cities = sorted({u.city for u in best if u.city})
            ads = sorted({u.ad_id for u in best})
            start, end = best[0].posted_at, best[-1].posted_at
            reasons = _reasons(len(phones), len(personas), len(cities), minimums)
            yield self.finding(
                subject_kind="image",
                subject=first.pdq_hex,
                window_start=start.isoformat(),
                window_end=end.isoformat(),
                strength=min(1.0, (len(phones) + len(personas) + len(cities)) / 8),
                facts={
                    "images": len(cluster_files),
                    "ads": len(ads),
                    "phones": len(phones),
                    "persona_names": len(personas),
                    "cities": len(cities),
                    "days": (end - start).days + 1,
                    "pdq": first.pdq_hex,
                    "phash": first.phash_hex,
                    **facts_common,
                },
                summary_en=(
                    f"The same photo ({len(cluster_files)} near-identical images) appears in "
                    f"{len(ads)} ads with {len(phones)} phone numbers, {len(personas)} names and "
                    f"{len(cities)} cities over {(end - start).days + 1} days "
                    f"({' and '.join(r[0] for r in reasons)})."
                ),
                summary_da=(
                    f"Det samme billede ({len(cluster_files)} næsten ens billeder) optræder i "
                    f"{len(ads)} annoncer med {len(phones)} telefonnumre, {len(personas)} navne "
                    f"og {len(cities)} byer over {(end - start).days + 1} dage "
                    f"({' og '.join(r[1] for r in reasons)})."
                ),
                evidence=tuple(
                    Evidence(kind="ad", record_id=u.ad_id, field="image_refs", value=u.ref)
                    for u in best
                ),
                pivots=tuple(f"phone:{p}" for p in phones),
            )


def phash_pairs(
    hashes: list[ImageHashes],
    phash_radius: int,
    crop_radius: int = PHASH_CROP_RADIUS,
    colour_max: float = COLOUR_MAX_DISTANCE,
) -> set[tuple[int, int]]:
    """Pairs (i < j) that are the same photo by pHash: whole images within `phash_radius`, or
    the nearest whole/centre pairing within `crop_radius`, and colour layouts within
    `colour_max`. Hashes without the centre descriptors (no colour layout) use the whole-image
    pHash alone, ungated. The rule is `same_by_phash`'s, applied to every pair at once."""
    index = MultiIndexHash(PHASH_BITS, max(phash_radius, crop_radius))
    owner: list[int] = []
    for i, h in enumerate(hashes):
        for form in phash_forms(h):
            index.add(form)
            owner.append(i)
    form_a, form_b, distance = index.pair_arrays()
    owners = np.asarray(owner, np.int64)
    a, b = owners[form_a], owners[form_b]
    other = a != b  # an image's whole and centre hash are not a pair
    first, second = np.minimum(a, b)[other], np.maximum(a, b)[other]
    distance = distance[other]
    # the nearest of the (up to four) pairings of each image pair
    order = np.lexsort((distance, second, first))
    first, second, nearest = first[order], second[order], distance[order]
    new = np.ones(len(first), bool)
    new[1:] = (first[1:] != first[:-1]) | (second[1:] != second[:-1])
    first, second, nearest = first[new], second[new], nearest[new]
    whole = np.asarray([h.phash for h in hashes], np.uint64)
    whole_distance = np.bitwise_count(whole[first] ^ whole[second])
    layouts, has_layout, sized = _colour_layouts(hashes)
    gated = has_layout[first] & has_layout[second]
    near = whole_distance <= phash_radius
    colour = np.where(
        sized[first] & sized[second], np.abs(layouts[first] - layouts[second]).mean(axis=1), 255.0
    )
    same = np.where(gated, (near | (nearest <= crop_radius)) & (colour <= colour_max), near)
    return set(zip(first[same].tolist(), second[same].tolist(), strict=True))


def _colour_layouts(hashes: list[ImageHashes]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every image's colour layout as a row of int16 (zeros where it has none or one of
    another size), whether it has one, and whether it has one of this version's size
    (`hash_image` writes COLOUR_GRID^2 RGB means; `colour_distance` of unequal sizes is 255)."""
    size = COLOUR_GRID * COLOUR_GRID * 3
    has = np.asarray([bool(h.colour) for h in hashes], bool)
    sized = np.asarray([len(h.colour) == size for h in hashes], bool)
    raw = b"".join(h.colour if len(h.colour) == size else bytes(size) for h in hashes)
    layouts = np.frombuffer(raw, np.uint8).reshape(len(hashes), size).astype(np.int16)
    return layouts, has, sized


def phash_forms(h: ImageHashes) -> tuple[int, ...]:
    """The pHashes an image is looked up by: whole, and centre when it has the crop-tolerant
    descriptors (a colour layout)."""
    return (h.phash, h.phash_centre) if h.colour else (h.phash,)


def same_by_phash(
    a: ImageHashes,
    b: ImageHashes,
    nearest: int,
    phash_radius: int,
    crop_radius: int = PHASH_CROP_RADIUS,
    colour_max: float = COLOUR_MAX_DISTANCE,
) -> bool:
    """Whether two images are the same photo by pHash, given `nearest`, the smallest distance
    of their whole/centre pairings (`phash_forms`): whole images within `phash_radius`, or
    `nearest` within `crop_radius`, and colour layouts within `colour_max`; without the centre
    descriptors on both, the whole-image pHash alone, ungated."""
    whole = (a.phash ^ b.phash).bit_count()
    if a.colour and b.colour:
        near = whole <= phash_radius or nearest <= crop_radius
        return near and colour_distance(a.colour, b.colour) <= colour_max
    return whole <= phash_radius


def same_photo(by_pdq: bool, by_phash: bool, match: str) -> bool:
    """The relation of BEH-PHOTO-REUSE: either of the two hashes (`either`) or both."""
    if match == "both":
        return by_pdq and by_phash
    if match == "either":
        return by_pdq or by_phash
    raise ValueError(f"match must be 'either' or 'both', not {match!r}")


def _clusters(
    hashes: list[ImageHashes],
    pdq_radius: int,
    phash_radius: int,
    match: str,
    crop_radius: int = PHASH_CROP_RADIUS,
    colour_max: float = COLOUR_MAX_DISTANCE,
) -> list[list[int]]:
    """Connected components of 'same photo', each sorted, in order of their first member."""
    pdq = MultiIndexHash(PDQ_BITS, pdq_radius)
    for h in hashes:
        pdq.add(h.pdq)
    pdq_first, pdq_second, _ = pdq.pair_arrays()
    pdq_pairs = set(zip(pdq_first.tolist(), pdq_second.tolist(), strict=True))
    by_phash = phash_pairs(hashes, phash_radius, crop_radius, colour_max)
    same_photo(False, False, match)  # an unknown `match` is refused even without any pair
    edges = {
        pair
        for pair in pdq_pairs | by_phash
        if same_photo(pair in pdq_pairs, pair in by_phash, match)
    }
    parent = list(range(len(hashes)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in sorted(edges):
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(hashes)):
        groups[find(i)].append(i)
    return sorted(groups.values())


def _qualifying(
    uses: list[_Use], window: timedelta, min_phones: int, min_personas: int, min_cities: int
) -> list[_Use]:
    """Every use inside some window (starting at a use) that meets one of the minimums."""
    keep: set[int] = set()
    for left, anchor in enumerate(uses):
        inside = [
            i for i in range(left, len(uses)) if uses[i].posted_at - anchor.posted_at <= window
        ]
        phones = {p for i in inside for p in uses[i].phones}
        personas = {uses[i].persona for i in inside if uses[i].persona}
        cities = {uses[i].city for i in inside if uses[i].city}
        if len(phones) >= min_phones or len(personas) >= min_personas or len(cities) >= min_cities:
            keep.update(inside)
    return [uses[i] for i in sorted(keep)]


def _reasons(
    phones: int, personas: int, cities: int, minimums: tuple[int, int, int]
) -> list[tuple[str, str]]:
    out = []
    if phones >= minimums[0]:
        out.append((f">= {minimums[0]} phones", f">= {minimums[0]} telefonnumre"))
    if personas >= minimums[1]:
        out.append((f">= {minimums[1]} names", f">= {minimums[1]} navne"))
    if cities >= minimums[2]:
        out.append((f">= {minimums[2]} cities", f">= {minimums[2]} byer"))
    return out


def photo_clusters(
    hashes: list[ImageHashes], pdq_radius: int = 31, phash_radius: int = 8, match: str = "either"
) -> list[list[int]]:
    """Groups of indices into `hashes` that show the same photo; the public entry for detectors
    that need photo identity (BEH-CONTACT-PROXY's personas)."""
    return _clusters(hashes, pdq_radius, phash_radius, match)
