"""Field notes (`observation`): what an inspector, an outreach worker or a bank adviser saw or was
told in person. Stored like any record, joined by the phone, home and workplace they name, read by
the lexicon indicators that list the kind, and their people redacted by name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from redflags.catalogue import load_catalogue
from redflags.detectors import detector_for
from redflags.engines.duckdb_engine import DuckDBEngine
from redflags.extract import identifiers_of
from redflags.ingest import discover, ingest_records, ingest_source
from redflags.model.records import RecordKind
from redflags.report.names import record_names
from redflags.store import Store

NOTES = (
    "observed_at,observer,place,place_address,person,nationality,phone,address,text,outcome\n"
    '2026-11-25,Inspector Lund,Lotus Nails,"Gerritsgade 17, 5700 Svendborg",Thu Tran,'
    "vietnamesisk,+45 20 00 58 36,Gerritsgade 17 (baglokale),"
    '"Bor i baglokalet. Chefen har hendes pas i sin taske.",Sendt til politi\n'
    '2026-11-25,Inspector Lund,Lotus Nails,"Gerritsgade 17, 5700 Svendborg",Hoa Le,'
    "vietnamesisk,+45 20 00 58 36,,Ingen bemærkninger,Ingen\n"
)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(None) as opened:
        yield opened


def test_a_notes_file_is_stored_with_derived_ids(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "observations.csv"
    path.write_text(NOTES, encoding="utf-8")
    [spec] = discover([tmp_path])
    [report] = ingest_source(store, spec)
    assert (report.read, report.stored, report.quarantined) == (2, 2, 0)
    rows = store.connection.execute(
        "SELECT observation_id, person, phone FROM observations ORDER BY person"
    ).fetchall()
    assert [r[1] for r in rows] == ["Hoa Le", "Thu Tran"]
    assert all(r[0] and len(r[0]) == 16 for r in rows)  # derived from the content
    edited = NOTES.replace("Ingen bemærkninger", "Intet at bemærke")  # one row edited
    path.write_text(edited, encoding="utf-8")
    [again] = ingest_source(store, discover([tmp_path])[0])
    ids = {
        r[0] for r in store.connection.execute("SELECT observation_id FROM observations").fetchall()
    }
    assert again.read == 2 and len(ids) == 3  # the unchanged note keeps its id


def test_a_note_joins_the_phone_given_the_home_and_the_workplace() -> None:
    record = {
        "observation_id": "TS-1",
        "phone": "+45 20 00 58 36",
        "address": "Gerritsgade 17, 5700 Svendborg",
        "place_address": "Vestergade 31, 5700 Svendborg",
        "customer_id": "4100725",
        "text": "Says her boss can be reached on +45 31 12 34 56.",
    }
    found = {(i.kind, i.field) for i in identifiers_of("observation", record, "DK")}
    assert found == {
        ("phone", "phone"),
        ("address", "address"),
        ("address", "place_address"),
        ("customer", "customer_id"),
        ("phone", "text"),
    }
    assert not identifiers_of("observation", {"observation_id": "TS-2", "text": "Nothing."}, "DK")


def test_the_people_and_the_observer_of_a_note_are_names_to_redact(store: Store) -> None:
    ingest_records(
        store,
        RecordKind.OBSERVATION,
        [
            {
                "observation_id": "TS-9",
                "observed_at": "2026-11-25T10:00:00",
                "observer": "Inspector Lund",
                "person": "Thu  Tran",
                "customer_id": "C-7",
            },
            {"customer_id": "C-7"},
        ][:1],
        source="notes",
    )
    ingest_records(
        store,
        RecordKind.CUSTOMER,
        [{"customer_id": "C-7", "first_name": "Trần", "last_name": "Thị Thu"}],
        source="kyc",
    )
    names = record_names(DuckDBEngine(store.connection), ["observation:TS-9"])
    assert names == {"Inspector Lund", "Thu Tran", "Trần Thị Thu"}


def test_a_lexicon_indicator_that_lists_notes_reads_them(store: Store) -> None:
    """The kind is opt-in per indicator: the same text fires only where `observation` is listed."""
    indicator = load_catalogue().get("RCS-DOCS-RETAINED")
    params = dict(indicator.detector.params)
    ingest_records(
        store,
        RecordKind.OBSERVATION,
        [
            {
                "observation_id": "TS-3",
                "observed_at": "2026-11-25T10:00:00",
                "text": "The boss has your passport locked in the safe.",
            }
        ],
        source="notes",
    )
    engine = DuckDBEngine(store.connection)

    def fired(kinds: list[str]) -> list[str]:
        copy = indicator.model_copy(
            update={
                "detector": indicator.detector.model_copy(
                    update={"params": {**params, "record_kinds": kinds}}
                )
            }
        )
        detector = detector_for(copy)
        assert detector is not None
        return sorted({e.record_id for f in detector.evaluate(engine) for e in f.evidence})

    assert fired(["message"]) == []
    assert fired(["message", "observation"]) == ["TS-3"]


def test_a_note_gives_nobody_a_role_a_message_does() -> None:
    """The phone a person gave an inspector may be the controller's: a note about documents
    held must not make that number the organiser, as the controller's own message does."""
    from redflags.link.groups import Group
    from redflags.link.roles import infer_roles
    from redflags.model import Finding

    def group(kind: str) -> Group:
        finding = Finding(
            indicator_id="RCS-DOCS-RETAINED",
            indicator_version=1,
            subject_kind=kind,
            subject="R1",
            summary_en="x",
            summary_da="x",
            pivots=("phone:+4520005836",),
        )
        return Group(
            group_id="G1", records=(f"{kind}:R1",), pivots=finding.pivots, findings=(finding,)
        )

    assert [r.role for r in infer_roles(group("message"))] == ["organiser"]
    assert infer_roles(group("observation")) == ()
