"""Known clusters to match an incoming ad against: the texts and photos of open cases' ads.

`ReferenceIndex.build(store, refs)` reads the ads among `refs` ("ad:123", the records of open
cases; a mapping gives each ref its case ids) from a record store and indexes

- their text templates exactly as BEH-AD-TEMPLATE sees them (`detectors/ad_template.py`): the
  masked word shingles, without the site boilerplate of the whole store (shingles in more than
  `max_shingle_ad_share` of its ads and for more than `max_cluster_size` personas), in a MinHash
  LSH index; an incoming ad matches when its exact Jaccard with a reference ad reaches
  `min_jaccard`;
- their photos exactly as BEH-PHOTO-REUSE sees them (`detectors/photo_reuse.py`): PDQ and pHash
  (whole and centre), stock photos left out; an incoming image matches under the same relation
  (`same_by_phash`, `same_photo`) and distances.

Thresholds are the catalogue's parameters of the two indicators. The index is read-only once
built (share it between requests); build a new one when cases change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from redflags.catalogue import Catalogue, load_catalogue
from redflags.catalogue.lists import default_list_path
from redflags.catalogue.params.ads import AdTemplateParams, PhotoReuseParams
from redflags.detectors import detector_for
from redflags.detectors.ad_template import (
    TemplateAd,
    boilerplate_shingles,
    jaccard,
    personal_ads,
    same_persona,
    template_ad,
    without_shingles,
)
from redflags.detectors.hash_index import MultiIndexHash
from redflags.detectors.minhash import MinHashIndex
from redflags.detectors.photo_reuse import (
    ImageResolver,
    load_stock_hashes,
    phash_forms,
    same_by_phash,
    same_photo,
)
from redflags.engines import DuckDBEngine
from redflags.extract.image_hashes import PDQ_BITS, PHASH_BITS, ImageHashes
from redflags.model import RecordKind
from redflags.normalise.phones import DEFAULT_REGION
from redflags.online.results import PhotoMatch, TemplateMatch
from redflags.store import Store
from redflags.store.sql import quote_identifier

_COLUMNS = [
    "ad_id", "persona", "city", "title", "body", "phone", "handle", "email", "image_refs", "_file",
]  # fmt: skip


def _params(catalogue: Catalogue, kind: str, region: str) -> Any:
    """The typed parameters of the catalogue's indicator of a detector kind (None: none)."""
    for indicator in catalogue:
        if indicator.detector.kind == kind and (d := detector_for(indicator, {"region": region})):
            return d.p
    return None


@dataclass
class _Templates:
    params: AdTemplateParams
    region: str
    boilerplate: np.ndarray
    refs: list[str] = field(default_factory=list)
    ads: list[TemplateAd] = field(default_factory=list)
    index: MinHashIndex | None = None

    def add(self, ref: str, ad: TemplateAd) -> None:
        ad.shingles = without_shingles(ad.shingles, self.boilerplate)
        self.refs.append(ref)
        self.ads.append(ad)

    def seal(self) -> None:
        self.index = MinHashIndex(self.params.num_perm, self.params.bands)
        if self.ads:
            sizes = [len(a.shingles) for a in self.ads]
            self.index.add_flat(
                np.concatenate([a.shingles for a in self.ads]),
                np.concatenate([[0], np.cumsum(sizes)]),
            )

    def matches(self, record: Mapping[str, Any]) -> list[tuple[str, float, bool]]:
        if self.index is None or not self.ads:
            return []
        ad = template_ad(record, self.params.shingle_words, self.region)
        ad.shingles = without_shingles(ad.shingles, self.boilerplate)
        if not len(ad.shingles):
            return []
        found = []
        for key in self.index.query(ad.shingles):
            similarity = jaccard(ad.shingles, self.ads[key].shingles)
            if similarity >= self.params.min_jaccard:
                found.append((self.refs[key], similarity, same_persona(ad, self.ads[key])))
        return found


_PDQ_WORDS = PDQ_BITS // 64


def _words(value: int) -> list[int]:
    """A 256-bit hash as four 64-bit words."""
    return [(value >> (64 * i)) & 0xFFFF_FFFF_FFFF_FFFF for i in range(_PDQ_WORDS)]


def _no_pdq() -> np.ndarray:
    return np.zeros((0, _PDQ_WORDS), np.uint64)


@dataclass
class _Photos:
    """The reference photos, searched by brute force over numpy arrays: a reference set of a
    few thousand photos is searched faster so than through multi-index hash tables in Python,
    and the result is the same (every photo within the radius)."""

    params: PhotoReuseParams
    stock: MultiIndexHash
    hashes: list[ImageHashes] = field(default_factory=list)
    uses: list[list[tuple[str, str]]] = field(default_factory=list)  # (record ref, image ref)
    pdq: np.ndarray = field(default_factory=_no_pdq)
    forms: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint64))  # pHash forms
    owner: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # form -> image

    def is_stock(self, hashes: ImageHashes) -> bool:
        return bool(len(self.stock) and self.stock.query(hashes.pdq))

    def seal(self) -> None:
        self.pdq = np.array([_words(h.pdq) for h in self.hashes], np.uint64).reshape(-1, _PDQ_WORDS)
        pairs = [(form, image) for image, h in enumerate(self.hashes) for form in phash_forms(h)]
        self.forms = np.array([form for form, _ in pairs], np.uint64)
        self.owner = np.array([image for _, image in pairs], np.int64)

    def matches(self, hashes: ImageHashes) -> list[tuple[int, int]]:
        """(reference image, PDQ distance) of every reference image that is the same photo."""
        if not self.hashes or self.is_stock(hashes):
            return []
        p = self.params
        pdq = np.bitwise_count(self.pdq ^ np.array(_words(hashes.pdq), np.uint64)).sum(axis=1)
        by_pdq = set(np.flatnonzero(pdq <= p.pdq_max_hamming_distance).tolist())
        radius = max(p.phash_max_hamming_distance, p.phash_crop_max_hamming_distance)
        nearest: dict[int, int] = {}
        for form in phash_forms(hashes):
            distances = np.bitwise_count(self.forms ^ np.uint64(form))
            for key in np.flatnonzero(distances <= radius).tolist():
                image = int(self.owner[key])
                nearest[image] = min(int(distances[key]), nearest.get(image, PHASH_BITS))
        found = []
        for image in sorted(by_pdq | set(nearest)):
            other = self.hashes[image]
            by_phash = image in nearest and same_by_phash(
                hashes,
                other,
                nearest[image],
                p.phash_max_hamming_distance,
                p.phash_crop_max_hamming_distance,
                p.colour_max_distance,
            )
            if same_photo(image in by_pdq, by_phash, p.match):
                found.append((image, int(pdq[image])))
        return found


class ReferenceIndex:
    """Text templates and photos of the records of open cases (see the module docstring)."""

    def __init__(
        self,
        templates: _Templates | None,
        photos: _Photos | None,
        cases: Mapping[str, tuple[str, ...]],
    ) -> None:
        self._templates = templates
        self._photos = photos
        self._cases = dict(cases)

    @classmethod
    def build(
        cls,
        store: Store,
        refs: Iterable[str] | Mapping[str, Iterable[str]],
        *,
        catalogue: Catalogue | None = None,
        region: str = DEFAULT_REGION,
        image_roots: Sequence[Path | str] = (),
    ) -> ReferenceIndex:
        """Index the ads among `refs` ("ad:<id>"; other kinds are ignored) in `store`. A mapping
        gives each ref the cases it belongs to, which matches then name. `image_roots` are where
        the store's image refs resolve (a scan's input folders), as in a scan."""
        catalogue = catalogue or load_catalogue()
        cases = (
            {ref: tuple(ids) for ref, ids in refs.items()}
            if isinstance(refs, Mapping)
            else {ref: () for ref in refs}
        )
        ad_ids = sorted({r.partition(":")[2] for r in cases if r.partition(":")[0] == "ad"})
        engine = DuckDBEngine(store.connection)
        template_params = _params(catalogue, "ad_template", region)
        photo_params = _params(catalogue, "photo_reuse", region)
        columns = ", ".join(quote_identifier(c) for c in _COLUMNS)
        ads = engine.query(
            f"SELECT {columns} FROM ads WHERE list_contains($ids, ad_id) ORDER BY ad_id",
            {"ids": ad_ids},
        )
        templates = (
            _template_index(engine, ads, template_params, region) if template_params else None
        )
        photos = _photo_index(ads, photo_params, image_roots) if photo_params else None
        return cls(templates, photos, cases)

    @property
    def ads(self) -> int:
        """Reference ads indexed by text."""
        return len(self._templates.ads) if self._templates else 0

    @property
    def images(self) -> int:
        """Distinct reference photos indexed (stock photos left out)."""
        return len(self._photos.hashes) if self._photos else 0

    def template_matches(self, record: Mapping[str, Any]) -> list[TemplateMatch]:
        """Reference ads whose text is near-identical to this ad's (canonical fields)."""
        if self._templates is None:
            return []
        found = self._templates.matches(record)
        best: dict[str, TemplateMatch] = {}
        for ref, similarity, same in found:
            if ref not in best or similarity > best[ref].similarity:
                best[ref] = TemplateMatch(
                    ref=ref,
                    similarity=round(similarity, 4),
                    same_persona=same,
                    cases=self._cases.get(ref, ()),
                )
        return sorted(best.values(), key=lambda m: (-m.similarity, m.ref))

    def photo_matches(self, images: Sequence[tuple[str, ImageHashes]]) -> list[PhotoMatch]:
        """Reference ads showing the same photo as one of `images` ((image ref, hashes))."""
        if self._photos is None:
            return []
        found: list[PhotoMatch] = []
        for image_ref, hashes in images:
            for image, pdq_distance in self._photos.matches(hashes):
                other = self._photos.hashes[image]
                for ref, matched in self._photos.uses[image]:
                    found.append(
                        PhotoMatch(
                            ref=ref,
                            image=image_ref,
                            matched_image=matched,
                            pdq_distance=pdq_distance,
                            phash_distance=(hashes.phash ^ other.phash).bit_count(),
                            cases=self._cases.get(ref, ()),
                        )
                    )
        return sorted(found, key=lambda m: (m.pdq_distance, m.ref, m.image, m.matched_image))

    def is_stock(self, hashes: ImageHashes) -> bool:
        """Whether an image is a known stock or stolen photo (left out of matching)."""
        return self._photos is not None and self._photos.is_stock(hashes)


def _template_index(
    engine: DuckDBEngine,
    references: list[dict[str, Any]],
    params: AdTemplateParams,
    region: str,
) -> _Templates:
    """The reference ads' shingles without the boilerplate of every ad the detector reads."""
    seen: dict[Any, Any] = {}
    columns = ["ad_id", "persona", "city", "title", "body", "phone", "handle", "email"]
    everything = [
        template_ad(ad, params.shingle_words, region, seen)
        for ad in personal_ads(engine.records(RecordKind.AD, columns), params.persona_fallback)
    ]
    common = boilerplate_shingles(everything, params.max_shingle_ad_share, params.max_cluster_size)
    del everything
    templates = _Templates(params, region, common)
    for ad in references:
        templates.add(f"ad:{ad['ad_id']}", template_ad(ad, params.shingle_words, region, seen))
    templates.seal()
    return templates


def _photo_index(
    references: list[dict[str, Any]], params: PhotoReuseParams, roots: Sequence[Path | str]
) -> _Photos:
    stock = MultiIndexHash(PDQ_BITS, params.pdq_max_hamming_distance)
    for value in load_stock_hashes(default_list_path("stock_image_hashes")):
        stock.add(value)
    photos = _Photos(params, stock)
    resolver = ImageResolver(roots)
    by_path: dict[Path, int] = {}
    for ad in references:
        for image_ref in dict.fromkeys(ad.get("image_refs") or ()):
            resolved = resolver.resolve(image_ref, ad.get("_file"))
            if resolved is None or photos.is_stock(resolved[1]):
                continue
            path, hashes = resolved
            if path not in by_path:
                by_path[path] = len(photos.hashes)
                photos.hashes.append(hashes)
                photos.uses.append([])
            photos.uses[by_path[path]].append((f"ad:{ad['ad_id']}", image_ref))
    photos.seal()
    return photos
