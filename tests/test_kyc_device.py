"""KYC and device detectors (issue #5): escalation, household exclusions, shared features."""

from __future__ import annotations

from typing import Any

from redflags.catalogue import load_catalogue
from redflags.detectors import detector_for
from redflags.detectors.features import ensure_kyc_features

CATALOGUE = load_catalogue()


def _findings(indicator_id: str, engine: Any) -> list[Any]:
    detector = detector_for(CATALOGUE.get(indicator_id))
    assert detector is not None
    return list(detector.evaluate(engine))


def test_a_number_fronting_several_personas_escalates(engine_for: Any) -> None:
    engine = engine_for(
        {
            "customers": [
                {"customer_id": "org", "last_name": "Popescu", "phone": "+45 52 61 47 83"},
                {"customer_id": "self", "last_name": "Jensen", "phone": "20 30 40 50"},
            ],
            "ads": [
                {"ad_id": "a1", "posted_at": "2026-09-01T10:00:00Z", "persona": "Anna",
                 "phone": "52614783"},
                {"ad_id": "a2", "posted_at": "2026-09-02T10:00:00Z", "persona": "Bella",
                 "body": "Ring 52 61 47 83"},
                {"ad_id": "s1", "posted_at": "2026-09-03T10:00:00Z", "persona": "Maja",
                 "phone": "20304050"},
            ],
        }
    )  # fmt: skip
    by_subject = {f.subject: f for f in _findings("KYC-CONTACT-IN-SEX-ADS", engine)}
    organiser, worker = by_subject["org"], by_subject["self"]
    assert organiser.facts["possible_organiser"] and organiser.strength == 1.0
    assert "Possible organiser" in organiser.summary_en and "bagmand" in organiser.summary_da
    assert not worker.facts["possible_organiser"] and worker.strength < organiser.strength
    # only the customer record is evidence: the ads are facts and a shared contact pivot
    assert {e.kind for e in organiser.evidence} == {"customer"}
    assert "phone:+4552614783" in organiser.pivots


def test_remote_login_needs_the_holder_at_home_too(engine_for: Any) -> None:
    days = ["2026-05-04", "2026-05-06", "2026-05-09"]
    card = [
        {"txn_id": f"t{i}", "ts": f"{d}T12:00:00Z", "payer": "ACC", "payee": "SHOP",
         "amount": 50, "channel": "card", "country": "DK"}
        for i, d in enumerate(days)
    ]  # fmt: skip
    abroad = [
        {"event_id": f"e{i}", "account": "ACC", "device_id": "ctrl", "ts": f"{d}T20:00:00Z",
         "event": "login", "country": "RO"}
        for i, d in enumerate(days)
    ]  # fmt: skip
    assert not _findings(
        "BEH-REMOTE-CONTROL-LOGIN", engine_for({"transactions": card, "device_events": abroad})
    )


def test_the_remote_login_fires_with_a_home_login_and_lists_only_remote_events(
    engine_for: Any,
) -> None:
    days = ["2026-05-04", "2026-05-06", "2026-05-09"]
    records = {
        "transactions": [
            {"txn_id": f"t{i}", "ts": f"{d}T12:00:00Z", "payer": "ACC", "payee": "SHOP",
             "amount": 50, "channel": "card", "country": "DK"}
            for i, d in enumerate(days)
        ],
        "device_events": [
            {"event_id": f"e{i}", "account": "ACC", "device_id": "ctrl", "ts": f"{d}T20:00:00Z",
             "event": "login", "country": "RO"}
            for i, d in enumerate(days)
        ] + [{"event_id": "h", "account": "ACC", "device_id": "own",
              "ts": "2026-05-20T08:00:00Z", "event": "login", "country": "DK"}],
    }  # fmt: skip
    (finding,) = _findings("BEH-REMOTE-CONTROL-LOGIN", engine_for(records))
    assert finding.facts["mismatch_days"] == 3
    assert {e.record_id for e in finding.evidence} == {"e0", "e1", "e2"}


def test_kyc_features_are_built_once_and_normalised(engine_for: Any) -> None:
    engine = engine_for(
        {
            "customers": [
                {"customer_id": "c1", "last_name": " Nielsen ", "phone": "+45 42 53 08 29",
                 "email": "A@B.example", "address": "Industrivej 12,  7400 Herning"},
            ]
        }
    )  # fmt: skip
    ensure_kyc_features(engine, {})
    ensure_kyc_features(engine, {})  # idempotent
    keys = {(r["kind"], r["value"]) for r in engine.sql("SELECT kind, value FROM customer_keys")}
    assert ("phone", "+4542530829") in keys and ("email", "a@b.example") in keys
    (row,) = engine.sql("SELECT surname, address FROM customer_features")
    assert row["surname"] == "nielsen" and row["address"] == "industrivej 12 7400 herning"
