"""Score one ad, profile or message, or a batch, synchronously: the scanner's engine for
`POST /api/v1/score`.

`OnlineScorer` is built once (catalogue, detectors, lexicon matchers, the risk model, an
optional `ReferenceIndex`) and then answers per item with

- the record's contacts and pivots (`extract.identifiers_of`, the scan's extractor),
- the findings of every indicator that one record can show (`coverage.py`), made by the
  detectors themselves over the request's records (`engine.RecordsEngine`) with the run option
  RECORDS_ALONE, so that every item of a batch is judged as if it were sent alone,
- the risk model's score of those findings (`RecordScore`),
- template and photo matches against the reference index, when there is one.

Findings equal a scan's of the same record alone (tests/test_online.py holds them to it).
Within a batch, item ids are replaced by positions while the detectors run, so two items with
one id never mix. One scorer evaluates one request at a time (a lock): the detectors keep
small per-instance state, and the work is Python, which threads would not speed up; run more
worker processes for more throughput.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import TypeAdapter, ValidationError

from redflags.catalogue import Catalogue, load_catalogue
from redflags.detectors.lexicon_matcher import clear_prepared_texts
from redflags.extract import identifiers_of
from redflags.extract.image_hashes import ImageHashes, hash_file
from redflags.model import KIND_TABLES, Finding, RecordKind
from redflags.normalise.language import language_confidence
from redflags.normalise.phones import DEFAULT_REGION
from redflags.online.coverage import Coverage, plan
from redflags.online.engine import RecordsEngine, new_connection
from redflags.online.items import (
    DEFAULT_TIMEZONE,
    ONLINE_KINDS,
    AdItem,
    MessageItem,
    ScoreItem,
)
from redflags.online.reference import ReferenceIndex
from redflags.online.results import (
    BatchResult,
    Contact,
    ItemError,
    ItemResult,
    RecordScore,
)
from redflags.score import model_for
from redflags.settings import DEFAULT_MODEL, check_region, check_timezone

log = logging.getLogger(__name__)

CONTACT_KINDS = frozenset({"phone", "email", "handle", "url"})
HASHES_KEPT = 4096  # image hashes remembered by file (re-posts show the same photos)
WARM_UP_TEXTS = (  # one text per script of the languages identified (normalise/language.py)
    "Hej, jeg er ny i byen og taler lidt engelsk. Ring til mig i dag, kys.",
    "Привет, я новая девушка в городе, звоните мне сегодня вечером.",
    "สวัสดีค่ะ นวดแผนไทย โทรหาเราได้ทุกวันค่ะ",
)
Item = AdItem | MessageItem
_ITEM = TypeAdapter(ScoreItem)


class OnlineScorer:
    """Scores items one by one or in batches (see the module docstring)."""

    def __init__(
        self,
        catalogue: Catalogue | None = None,
        *,
        region: str | None = None,
        timezone: str | None = None,
        model: str = DEFAULT_MODEL,
        reference: ReferenceIndex | None = None,
        image_roots: Sequence[Path | str] = (),
    ) -> None:
        """`region`: the country of phones written without a country code (DK); `timezone`:
        where naive timestamps are read (Europe/Copenhagen); `model`: the risk model;
        `reference`: known clusters to match; `image_roots`: the only folders an item's image
        refs may name files in (relative refs, never leaving the folder)."""
        self.catalogue = catalogue or load_catalogue()
        self.region = check_region(region or DEFAULT_REGION)
        self.timezone = check_timezone(timezone or DEFAULT_TIMEZONE)
        self.reference = reference
        self.image_roots = tuple(Path(r).resolve() for r in image_roots)
        options = {"region": self.region, "timezone": self.timezone}
        self.plan = plan(self.catalogue, options, ONLINE_KINDS)
        self.model = model_for(model, self.catalogue)
        self._connection = new_connection()
        self._lock = threading.Lock()
        self._hashes: OrderedDict[tuple[Path, int, int], ImageHashes | None] = OrderedDict()
        self._paths: OrderedDict[str, Path] = OrderedDict()  # image ref -> file, once found

    @property
    def coverage(self) -> tuple[Coverage, ...]:
        """What is and is not evaluated, per kind of record."""
        return tuple(self.plan.coverage.values())

    def coverage_of(self, kind: RecordKind | str) -> Coverage:
        return self.plan.coverage[RecordKind(kind)]

    # -- input ---------------------------------------------------------------------------------

    def validate(self, item: Mapping[str, Any] | Item) -> Item:
        """The item, its record coerced as ingest does; pydantic's ValidationError if bad."""
        raw = item.model_dump(exclude_none=True) if isinstance(item, AdItem | MessageItem) else item
        validated: Item = _ITEM.validate_python(raw, context={"timezone": self.timezone})
        return validated

    # -- scoring -------------------------------------------------------------------------------

    def score(self, item: Mapping[str, Any] | Item) -> ItemResult:
        """One item; ValidationError when it is not a valid item."""
        result = self._scored([(0, self.validate(item))])[0]
        assert isinstance(result, ItemResult)  # a single item's failure raises instead
        return result

    def score_batch(self, items: Sequence[Mapping[str, Any] | Item]) -> BatchResult:
        """Every item in order: an ItemResult, or an ItemError for an item that is invalid or
        could not be scored (the others are scored all the same)."""
        results: list[ItemResult | ItemError | None] = [None] * len(items)
        valid: list[tuple[int, Item]] = []
        for index, raw in enumerate(items):
            try:
                valid.append((index, self.validate(raw)))
            except ValidationError as exc:
                results[index] = ItemError(index=index, errors=_errors(exc))
        try:
            scored = self._scored(valid)
        except Exception:  # one item broke a detector: score each alone, keep the others
            log.error("online scoring of a batch failed; scoring its items one by one")
            scored = [self._alone(index, item) for index, item in valid]
        for result in scored:
            results[result.index] = result
        done = [r for r in results if r is not None]
        kinds = sorted({r.kind for r in done if isinstance(r, ItemResult)})
        return BatchResult(
            items=tuple(done),
            coverage=tuple(self.plan.coverage[RecordKind(k)] for k in kinds),
        )

    def warm_up(self) -> None:
        """Load what detectors load on first use, so that no real request pays for it: the
        language models (lingua loads a script's models with its first text in it: about
        15 ms a language, 4 s in all) and the lexicon matchers."""
        for text in WARM_UP_TEXTS:
            language_confidence(text)
        text = "Jeg er en sød og glad pige, ny i byen, og jeg taler kun lidt engelsk. " * 3
        self.score(
            {
                "kind": "ad",
                "record": {
                    "ad_id": "warm-up",
                    "posted_at": "2024-01-01T12:00:00+00:00",
                    "persona": "Anna",
                    "city": "Odense",
                    "title": "Ny pige",
                    "body": text,
                    "price": 500,
                    "languages": ["english"],
                },
            }
        )

    def _alone(self, index: int, item: Item) -> ItemResult | ItemError:
        try:
            return self._scored([(index, item)])[0]
        except Exception as exc:
            log.error("online scoring failed for item %d: %s", index, type(exc).__name__)
            log.debug("online scoring failure", exc_info=True)
            error = {"type": "scoring_failed", "loc": [], "msg": "could not be scored"}
            return ItemError(index=index, errors=(error,))

    def _scored(self, items: list[tuple[int, Item]]) -> list[ItemResult | ItemError]:
        records = [(item.record_kind, item.canonical) for _, item in items]
        with self._lock:
            findings = self._evaluate(records)
            images = [self._images(kind, record) for kind, record in records]
        return [
            self._result(index, kind, record, found, hashed)
            for (index, _), (kind, record), found, hashed in zip(
                items, records, findings, images, strict=True
            )
        ]

    def _evaluate(self, records: list[tuple[RecordKind, dict[str, Any]]]) -> list[list[Finding]]:
        """The online detectors over all records at once, each record under its position as
        id (alone, no detector reads across records; positions keep equal ids apart)."""
        by_kind: dict[RecordKind, list[dict[str, Any]]] = defaultdict(list)
        for position, (kind, record) in enumerate(records):
            by_kind[kind].append({**record, KIND_TABLES[kind][1]: str(position)})
        engine = RecordsEngine(by_kind, self._connection)
        found: list[list[Finding]] = [[] for _ in records]
        try:
            for detector in self.plan.detectors:
                for finding in detector.evaluate(engine):
                    position = _position(finding)
                    kind, record = records[position]
                    found[position].append(_with_id(finding, str(record[KIND_TABLES[kind][1]])))
        finally:
            engine.close()
            clear_prepared_texts()  # a scan's cache: a service would keep its first texts only
        return found

    def _result(
        self,
        index: int,
        kind: RecordKind,
        record: dict[str, Any],
        findings: list[Finding],
        images: tuple[list[tuple[str, ImageHashes]], list[str]],
    ) -> ItemResult:
        identifiers = identifiers_of(kind.value, record, self.region)
        contacts = tuple(
            Contact.model_validate(i, from_attributes=True)  # its pivot, kind, field, span
            for i in identifiers
            if i.kind in CONTACT_KINDS
        )
        score = self.model.score(findings)
        hashed, notes = images
        reference = self.reference
        return ItemResult(
            index=index,
            kind=kind.value,
            record_id=str(record[KIND_TABLES[kind][1]]),
            contacts=contacts,
            pivots=tuple(sorted({i.pivot for i in identifiers})),
            findings=tuple(sorted(findings, key=lambda f: (f.indicator_id, f.finding_id))),
            # the model's score without its case decision (one record is never a case)
            score=RecordScore.model_validate(score, from_attributes=True),
            template_matches=tuple(
                reference.template_matches(record) if reference and kind is RecordKind.AD else ()
            ),
            photo_matches=tuple(reference.photo_matches(hashed) if reference else ()),
            notes=tuple(notes),
        )

    # -- images --------------------------------------------------------------------------------

    def _images(
        self, kind: RecordKind, record: dict[str, Any]
    ) -> tuple[list[tuple[str, ImageHashes]], list[str]]:
        """The item's images, hashed, when there are reference photos to match; and what could
        not be read (by position: a ref is the client's text and is not echoed)."""
        refs = list(dict.fromkeys(record.get("image_refs") or ()))
        if kind is not RecordKind.AD or not refs or not (self.reference and self.reference.images):
            return [], []
        hashed: list[tuple[str, ImageHashes]] = []
        notes: list[str] = []
        for number, ref in enumerate(refs, 1):
            path = self._image_path(ref)
            if path is None:
                notes.append(f"image {number}: not a file under the image roots")
                continue
            hashes = self._hash(path)
            if hashes is None:
                notes.append(f"image {number}: not a readable image")
            elif self.reference.is_stock(hashes):
                notes.append(f"image {number}: a known stock photo, not matched")
            else:
                hashed.append((ref, hashes))
        return hashed, notes

    def _image_path(self, ref: str) -> Path | None:
        """The file a relative ref names under an image root, never outside one (no absolute
        refs, no '..', no link out of the root). A ref found once is remembered (resolving a
        path costs a system call per folder); one not found is looked for again next time."""
        kept = self._paths.get(ref)
        if kept is not None and kept.is_file():
            self._paths.move_to_end(ref)
            return kept
        relative = PurePosixPath(ref.strip())
        if not ref.strip() or relative.is_absolute() or ".." in relative.parts or "\\" in ref:
            return None
        for root in self.image_roots:
            path = (root / relative).resolve()
            if path.is_relative_to(root) and path.is_file():
                _remember(self._paths, ref, path)
                return path
        return None

    def _hash(self, path: Path) -> ImageHashes | None:
        stat = path.stat()
        key = (path, stat.st_mtime_ns, stat.st_size)
        if key in self._hashes:
            self._hashes.move_to_end(key)
            return self._hashes[key]
        hashes, _ = hash_file(path)
        _remember(self._hashes, key, hashes)
        return hashes


def _remember(kept: OrderedDict[Any, Any], key: Any, value: Any) -> None:
    """Keep a value, forgetting the least recently used beyond HASHES_KEPT."""
    kept[key] = value
    if len(kept) > HASHES_KEPT:
        kept.popitem(last=False)


def _position(finding: Finding) -> int:
    """The request position a finding is about (its subject and all its evidence agree: an
    online detector never reads across records)."""
    positions = {int(e.record_id) for e in finding.evidence if e.kind in _KIND_NAMES}
    if finding.subject_kind in _KIND_NAMES:
        positions.add(int(finding.subject))
    if len(positions) != 1:
        raise RuntimeError(f"{finding.indicator_id}: a finding about {len(positions)} records")
    return positions.pop()


_KIND_NAMES = frozenset(k.value for k in ONLINE_KINDS)


def _with_id(finding: Finding, record_id: str) -> Finding:
    """The finding with the record's own id in place of its position."""
    evidence = tuple(
        e.model_copy(update={"record_id": record_id}) if e.kind in _KIND_NAMES else e
        for e in finding.evidence
    )
    update: dict[str, Any] = {"evidence": evidence}
    if finding.subject_kind in _KIND_NAMES:
        update["subject"] = record_id
    return finding.model_copy(update=update)


def _errors(exc: ValidationError) -> tuple[dict[str, Any], ...]:
    """pydantic's errors without the input (the client's own text, of any length; an ingest
    reason quotes at most 60 characters of a refused value) and without the context objects
    (not JSON)."""
    return tuple(
        {"type": e["type"], "loc": list(e["loc"]), "msg": e["msg"]}
        for e in exc.errors(include_url=False, include_input=False, include_context=False)
    )
