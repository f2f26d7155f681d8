"""Extraction once, stored: the fast first pass (DuckDB's cue pattern, then Python's careful
extractor only on texts with a cue) gives exactly what the careful extractor gives alone, text
by text over the extraction example sets and the catalogue's examples, and record by record
over a generated world; and inside a scan's `stored_texts`, `identifiers_of` answers from the
table exactly as it would by reading the texts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml

import redflags.catalogue
from redflags.engines import DuckDBEngine
from redflags.extract import IDENTITY_KINDS, identifiers_of
from redflags.extract.cues import cue_pattern, has_cue
from redflags.extract.stored import TABLE, stored_texts
from redflags.ingest import discover, ingest_source
from redflags.model import KIND_TABLES, Identifier, RecordKind
from redflags.normalise.contacts import clear_contact_cache, find_contacts
from redflags.stages.extract import extract_identifiers, read_back
from redflags.store import Store
from redflags_synth.world.generate import generate_world

DATA = Path(__file__).parent / "data"
EXAMPLE_SETS = sorted(DATA.glob("contact_extraction*.yaml"))
CATALOGUE_EXAMPLES = sorted(
    (Path(redflags.catalogue.__file__).parent / "indicators").rglob("*.examples.yaml")
)


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _example_texts() -> list[str]:
    texts = [case["text"] for path in EXAMPLE_SETS for case in yaml.safe_load(path.read_text())]
    texts += [s for path in CATALOGUE_EXAMPLES for s in _strings(yaml.safe_load(path.read_text()))]
    return sorted(set(texts))


def test_no_text_without_a_cue_holds_a_contact() -> None:
    texts = _example_texts()
    assert len(texts) > 500 and EXAMPLE_SETS and CATALOGUE_EXAMPLES
    con = duckdb.connect()
    cues = dict(
        con.execute(
            "SELECT t, regexp_matches(t, $cue) FROM unnest($texts::VARCHAR[]) AS u(t)",
            {"cue": cue_pattern(), "texts": texts},
        ).fetchall()
    )
    missed = [
        (region, text)
        for text in texts
        for region in ("DK", "US", "TH")
        if find_contacts(text, region) and not has_cue(text, cues[text])
    ]
    assert missed == []
    # the first pass does spare texts: most example texts without contacts have no cue
    plain = [t for t in texts if not has_cue(t, cues[t])]
    assert len(plain) > len(texts) // 10


def test_four_number_words_are_a_cue_three_are_not() -> None:
    assert has_cue("ring fem to seks en", False)
    assert not has_cue("en to tre kager", False)
    assert find_contacts("ring fem to seks en otte ni syv tre") != []
    assert has_cue("ring fem to seks en otte ni syv tre", False)


@pytest.fixture(scope="module")
def world_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    root = tmp_path_factory.mktemp("extract")
    generate_world(root / "world", "demo", seed=5)
    store = Store.open(None)
    for spec in discover([root / "world"]):
        ingest_source(store, spec)
    yield store
    store.close()


def _stored_by_record(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], list[Identifier]]:
    rows = con.execute(
        'SELECT record_kind, record_id, kind, value, field, start, "end", raw, obfuscated '
        f'FROM {TABLE} ORDER BY record_kind, record_id, "position"'
    ).fetchall()
    found: dict[tuple[str, str], list[Identifier]] = defaultdict(list)
    for record_kind, record_id, kind, value, field, start, end, raw, obfuscated in rows:
        found[(record_kind, record_id)].append(
            Identifier(
                kind=kind,
                value=value,
                record_kind=record_kind,
                record_id=record_id,
                field=field,
                start=start,
                end=end,
                raw=raw,
                obfuscated=obfuscated,
            )
        )
    return found


def test_the_stored_identifiers_are_the_careful_extractors_record_by_record(
    world_store: Store,
) -> None:
    con = world_store.connection
    extracted = extract_identifiers(con, "DK")
    assert extracted.careful_texts and extracted.plain_texts  # both paths were taken
    stored = _stored_by_record(con)
    assert extracted.identifiers == sum(map(len, stored.values()))
    engine = DuckDBEngine(con)
    kept = read_back(con, "DK")
    records = 0
    for kind in IDENTITY_KINDS:
        id_field = KIND_TABLES[RecordKind(kind)][1]
        for record in engine.records(RecordKind(kind)):
            clear_contact_cache()  # the careful path reads the text itself
            careful = identifiers_of(kind, record, "DK")
            assert stored.get((kind, str(record[id_field])), []) == careful
            with stored_texts(kept):  # evaluate and link: the text's contacts from the table
                assert identifiers_of(kind, record, "DK") == careful
            records += 1
    assert records > 1000
    # another region, or a text that is not the one read, is read again, not answered from
    # the table
    ad = next(engine.records(RecordKind.AD, where="body IS NOT NULL"))
    changed = {**ad, "body": f"{ad['body']} ring 52 61 47 83"}
    with stored_texts(kept):
        in_scan = identifiers_of("ad", ad, "US"), identifiers_of("ad", changed, "DK")
    assert in_scan == (identifiers_of("ad", ad, "US"), identifiers_of("ad", changed, "DK"))
    assert any(i.value == "+4552614783" for i in in_scan[1])
