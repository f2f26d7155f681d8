"""`redflags templates ADS_FILE`: the template clusters of one file of ads, one row per ad.

The file is read the way a scan reads it (ingest: its descriptor or its name says what it is;
every row is stored or quarantined, in a private in-memory store); a data file whose name says
no record kind is read as ads. The ads are clustered by BEH-AD-TEMPLATE's method
(detectors/ad_template.py) with its catalogue parameters unless given, except that one
persona's own re-posts are linked too: the command groups near-identical texts, whoever they
are for, and says for how many personas each group is (docs/templates.md). Identifiers in the
output (the persona column, names in a template) are redacted with the project's keyed hash
unless `reveal`.
"""

from __future__ import annotations

import csv
import json
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redflags.catalogue import load_catalogue
from redflags.detectors.ad_template import TemplateAd, cluster_ads, count_personas, explain
from redflags.engines import DuckDBEngine
from redflags.ingest import IngestReport, SourceDescriptor, SourceSpec, discover, ingest_source
from redflags.ingest.discover import kind_from_name
from redflags.ingest.readers import is_data_file
from redflags.intake import file_labels, quarantine_summary
from redflags.model import RecordKind
from redflags.normalise.identifiers import normalise_name
from redflags.report.redact import Redactor, bounded, finite_text
from redflags.store import Store

COLUMNS = ("ad_id", "cluster", "size", "personas", "persona", "similarity", "template")
AD_COLUMNS = ["ad_id", "persona", "city", "title", "body", "phone", "handle", "email"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run such a cell


class TemplatesError(Exception):
    """A problem with the command's input or options, in one line."""


@dataclass(frozen=True)
class TemplateOptions:
    region: str
    min_cluster: int = 2  # ads in a cluster
    threshold: float | None = None  # min Jaccard; None: the catalogue's
    shingle: int | None = None  # words per shingle; None: the catalogue's
    reveal: bool = False
    redaction_key: bytes | None = None


@dataclass
class TemplatesResult:
    rows: list[dict[str, Any]]
    reports: list[IngestReport]
    quarantine: list[dict[str, Any]]
    clusters: int
    sizes: Counter[int]  # cluster size -> how many clusters
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> seconds


def catalogue_params() -> dict[str, Any]:
    """BEH-AD-TEMPLATE's detector parameters: the command's defaults."""
    return dict(load_catalogue().get("BEH-AD-TEMPLATE").detector.params)


def sources(path: Path) -> list[SourceSpec]:
    """The ad sources in `path`: as a scan finds them, or a data file whose name says no
    record kind read as ads."""
    if path.is_file() and is_data_file(path) and kind_from_name(path) is None:
        name = "".join(c if c.isalnum() or c in "._-" else "_" for c in path.stem) or "ads"
        return [SourceSpec(SourceDescriptor(name=name, kind=RecordKind.AD), (path,))]
    found = discover([path])
    others = sorted({s.kind.value for s in found if s.kind is not RecordKind.AD})
    if others:
        raise TemplatesError(f"{path}: holds {', '.join(others)} records, not ads")
    if not found:
        raise TemplatesError(f"{path}: no ads found")
    return list(found)


def run_templates(path: Path, options: TemplateOptions) -> TemplatesResult:
    params = catalogue_params()
    shingle = options.shingle if options.shingle is not None else int(params["shingle_words"])
    threshold = options.threshold
    threshold = float(params["min_jaccard"]) if threshold is None else threshold
    if not 0 < threshold <= 1:
        raise TemplatesError(f"--threshold must be above 0 and at most 1, not {threshold}")
    if shingle < 1:
        raise TemplatesError(f"--shingle must be at least 1, not {shingle}")
    if options.min_cluster < 2:
        raise TemplatesError(f"--min-cluster must be at least 2, not {options.min_cluster}")
    redactor = Redactor(options.redaction_key, reveal=options.reveal, region=options.region)
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    specs = sources(path)
    labels = file_labels([path], (f for spec in specs for f in spec.files))
    with Store.open(None) as store:
        reports = [r for spec in specs for r in ingest_source(store, spec)]
        quarantine = quarantine_summary(store, reports, labels)
        ads = list(DuckDBEngine(store.connection).records(RecordKind.AD, AD_COLUMNS))
    seconds["read"] = time.perf_counter() - start
    start = time.perf_counter()
    clusters = cluster_ads(
        ads,
        shingle_words=shingle,
        num_perm=int(params["num_perm"]),
        bands=int(params["bands"]),
        min_jaccard=threshold,
        min_personas=1,
        max_personas=int(params["max_cluster_size"]),
        boilerplate_share=float(params["max_shingle_ad_share"]),
        region=options.region,
        link_same_persona=True,
        min_ads=options.min_cluster,
        keep_large=True,
    )
    seconds["cluster"] = time.perf_counter() - start
    start = time.perf_counter()
    rows = _rows(ads, clusters, redactor)
    seconds["explain"] = time.perf_counter() - start
    sizes = Counter(len(c) for c in clusters)
    return TemplatesResult(rows, reports, quarantine, len(clusters), sizes, seconds)


def _rows(
    ads: Sequence[dict[str, Any]], clusters: list[list[TemplateAd]], redactor: Redactor
) -> list[dict[str, Any]]:
    """One row per ad, in the file's order of ids: clustered ads carry their cluster (largest
    first), its size, its number of personas, their own persona and best similarity, and the
    cluster's template."""
    clusters = sorted(clusters, key=lambda c: (-len(c), min(a.ad_id for a in c)))
    redactor.add_names(a.shown_persona for c in clusters for a in c if a.shown_persona)
    of: dict[str, dict[str, Any]] = {}
    width = max(4, len(str(len(clusters))))
    for number, cluster in enumerate(clusters, start=1):
        cluster.sort(key=lambda a: a.ad_id)
        template = explain([a.tokens() for a in cluster])
        personas = count_personas(cluster)
        for ad in cluster:
            of[ad.ad_id] = {
                "cluster": f"T-{number:0{width}d}",
                "size": len(cluster),
                "personas": personas,
                "persona": _persona(ad, redactor),
                "similarity": round(ad.similarity, 3),
                "template": redactor.text(finite_text(bounded(template))),
            }
    alone = {"cluster": "", "size": 1, "personas": 1, "similarity": "", "template": ""}
    return [
        {"ad_id": str(ad["ad_id"])} | of.get(str(ad["ad_id"]), alone | {"persona": ""})
        for ad in ads
    ]


def _persona(ad: TemplateAd, redactor: Redactor) -> str:
    """The ad's persona, or the contact or id it fell back to; a name or contact as its
    keyed-hash token unless revealed."""
    if normalise_name(ad.shown_persona) is not None:
        return redactor.token("name", str(ad.shown_persona))
    kind, _, value = ad.persona.partition(":")
    if kind == "ad":
        return ad.ad_id
    return redactor.token("phone" if kind == "digits" else kind, value)


def _cell(value: Any) -> str:
    """A CSV cell a spreadsheet shows as text: one that would start a formula gets a quote."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def write(rows: Sequence[dict[str, Any]], out: Path) -> None:
    """The rows as CSV (`.csv`) or JSON lines (`.jsonl`)."""
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".jsonl"):
        raise TemplatesError(f"--out {out}: write .csv or .jsonl")
    with out.open("w", newline="", encoding="utf-8") as handle:
        if suffix == ".csv":
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            writer.writerows([_cell(row[c]) for c in COLUMNS] for row in rows)
        else:
            for row in rows:
                handle.write(json.dumps({c: row[c] for c in COLUMNS}, ensure_ascii=False) + "\n")


def summary_lines(result: TemplatesResult) -> Iterator[str]:
    """The short summary the command prints."""
    ads = len(result.rows)
    clustered = sum(1 for r in result.rows if r["cluster"])
    sizes = ", ".join(f"{n}×{size}" for size, n in sorted(result.sizes.items(), reverse=True)[:8])
    more = " …" if len(result.sizes) > 8 else ""
    yield (
        f"{ads} ads: {result.clusters} template clusters holding {clustered} ads"
        + (f" (clusters × ads: {sizes}{more})" if sizes else "")
    )
    total = sum(result.seconds.values())
    stages = ", ".join(f"{k} {v:.1f} s" for k, v in result.seconds.items())
    yield f"time {total:.1f} s ({stages})"


def check_region(region: str) -> str:
    import phonenumbers

    clean = region.strip().upper()
    if clean not in phonenumbers.SUPPORTED_REGIONS:
        raise TemplatesError(
            f"region {region!r} is not a phone region (ISO 3166 alpha-2, e.g. DK, US)"
        )
    return clean
