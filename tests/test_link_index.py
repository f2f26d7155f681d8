"""The DuckDB-backed identifier index gives the linker exactly what the in-memory path gives:
the same groups, hubs and pivot count, with only the records reachable from findings loaded."""

from __future__ import annotations

import duckdb
import pytest

from redflags.catalogue import load_catalogue
from redflags.engines import DuckDBEngine
from redflags.evaluation.stand_ins import stand_in_findings
from redflags.ingest import discover, ingest_source
from redflags.link import IdentifierIndex, Linker, LinkResult
from redflags.model import Evidence, Finding, Identifier
from redflags.pipeline import all_identifiers
from redflags.store import Store
from redflags_synth.world.generate import generate_world

CATALOGUE = load_catalogue()


def _shape(result: LinkResult) -> tuple[object, ...]:
    groups = tuple(
        (g.group_id, g.records, g.pivots, tuple(f.finding_id for f in g.findings), g.method)
        for g in result.groups
    )
    return groups, result.hubs, result.hub_reasons, result.pivot_count


@pytest.fixture(scope="module")
def world_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, list[Finding]]:
    root = tmp_path_factory.mktemp("index")
    generate_world(root / "world", "demo", seed=5)
    store = Store.open(None)
    for spec in discover([root / "world"]):
        ingest_source(store, spec)
    return store, stand_in_findings(root / "world", CATALOGUE)


@pytest.mark.parametrize("max_degree", [50, 4])
def test_the_index_links_a_world_exactly_as_memory_does(
    world_store: tuple[Store, list[Finding]], max_degree: int
) -> None:
    store, findings = world_store
    assert findings
    engine = DuckDBEngine(store.connection)
    identifiers = list(all_identifiers(engine))
    linker = Linker(max_pivot_degree=max_degree, max_component_records=60)
    in_memory = linker.link(identifiers, findings)
    index = IdentifierIndex.build(store.connection, identifiers)
    indexed = linker.link_indexed(index, findings)
    index.close()
    assert _shape(indexed) == _shape(in_memory)
    assert in_memory.groups
    if max_degree == 4:  # a low limit makes hubs, so cutting them is compared too
        assert in_memory.hubs


def test_only_records_reachable_from_findings_come_into_memory() -> None:
    def ident(kind: str, value: str, record: str) -> Identifier:
        return Identifier(kind=kind, value=value, record_kind="ad", record_id=record, field=kind)

    identifiers = [
        ident("phone", "+451", "a1"),
        ident("email", "x@y.dk", "a1"),
        ident("email", "x@y.dk", "a2"),  # two steps from the finding
        ident("phone", "+452", "b1"),  # another component, no finding
        ident("phone", "+452", "b2"),
    ]
    finding = Finding(
        indicator_id="BEH-CONTACT-PROXY",
        indicator_version=CATALOGUE.get("BEH-CONTACT-PROXY").version,
        subject_kind="phone",
        subject="+451",
        summary_en="x",
        summary_da="x",
        evidence=(Evidence(kind="ad", record_id="a1"),),
    )
    index = IdentifierIndex.build(duckdb.connect(), identifiers)
    assert set(index.reachable([finding], set())) == {"ad:a1", "ad:a2"}
    assert set(index.reachable([finding], {"email:x@y.dk"})) == {"ad:a1"}  # a cut pivot stops
    assert index.pivot_count() == 3
