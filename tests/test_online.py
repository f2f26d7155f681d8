"""Online scoring (redflags.online): what one ad or message shows on its own, held to what a scan
finds; input validation; batches; reference matches; redaction."""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from redflags.catalogue import load_catalogue
from redflags.catalogue.schema import ExampleExpectation
from redflags.detectors import RECORDS_ALONE, Scope, detector_for
from redflags.engines import DuckDBEngine
from redflags.ingest import ingest_records
from redflags.model import Finding, RecordKind
from redflags.online import ItemError, ItemResult, OnlineScorer, ReferenceIndex
from redflags.online.coverage import plan
from redflags.online.items import ONLINE_KINDS
from redflags.pipeline import ScanOptions, run_scan
from redflags.report import Redactor
from redflags.store import Store

CATALOGUE = load_catalogue()
DATA = Path(__file__).parent / "data"
TABLES = {"ads": ("ad", "ad_id"), "messages": ("message", "message_id")}
RECORD_SCOPE = {
    i.indicator.id for i in plan(CATALOGUE, {}, ONLINE_KINDS).indicators if i.scope is Scope.RECORD
}


@pytest.fixture(scope="module")
def scorer() -> OnlineScorer:
    return OnlineScorer(CATALOGUE)


def scope_ids(scorer: OnlineScorer, scope: Scope) -> set[str]:
    return {i.indicator.id for i in scorer.plan.indicators if i.scope is scope}


def example_records() -> list[tuple[str, str, dict[str, Any]]]:
    """(indicator, table, record) of every ad and message of every catalogue example, each with
    an id of its own (examples reuse ids such as 'a1')."""
    found = []
    counter = itertools.count()
    for indicator_id, examples in sorted(CATALOGUE.examples.items()):
        for example in examples:
            for table, rows in example.records.items():
                if table in TABLES:
                    id_field = TABLES[table][1]
                    for row in rows:
                        found.append((indicator_id, table, {**row, id_field: f"x{next(counter)}"}))
    return found


def item(table: str, record: dict[str, Any]) -> dict[str, Any]:
    return {"kind": TABLES[table][0], "record": record}


def comparable(findings: list[Finding]) -> list[str]:
    return sorted(f.model_dump_json() for f in findings)


def scan_evaluate(
    records: dict[str, list[dict[str, Any]]], ids: set[str], store: Store | None = None
) -> list[Finding]:
    """The scan's detectors of the indicators `ids` over a store holding `records` only (a
    given store is emptied of ads and messages first)."""
    if store is None:
        with Store.open(None) as own:
            return scan_evaluate(records, ids, own)
    for table in TABLES:
        store.connection.execute(f"DELETE FROM {table}")
    for table, rows in records.items():
        report = ingest_records(store, TABLES[table][0], rows, source="test")
        assert report.quarantined == 0
    engine = DuckDBEngine(store.connection)
    found = []
    for indicator in CATALOGUE:
        if indicator.id in ids and (detector := detector_for(indicator, {})) is not None:
            found += detector.evaluate(engine)
    return found


# -- equal to a scan -------------------------------------------------------------------------


def test_record_indicators_equal_a_scan_of_every_example_ad_and_message(
    scorer: OnlineScorer,
) -> None:
    """Indicators of scope `record` give a record the same findings whatever else is scanned
    with it: one scan of every example ad and message, one online batch of the same records."""
    records = example_records()
    by_table: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for _, table, record in records:
        by_table[table].append(record)
    wanted = scope_ids(scorer, Scope.RECORD)
    scanned: dict[str, list[Finding]] = defaultdict(list)
    for finding in scan_evaluate(by_table, wanted):
        scanned[finding.subject].append(finding)
    batch = scorer.score_batch([item(table, record) for _, table, record in records])
    assert len(batch.items) == len(records)
    fired = 0
    for (_, table, record), result in zip(records, batch.items, strict=True):
        assert isinstance(result, ItemResult)
        own = [f for f in result.findings if f.indicator_id in wanted]
        record_id = record[TABLES[table][1]]
        assert comparable(own) == comparable(scanned[record_id]), record_id
        fired += bool(own)
    assert fired > 100, "the examples fire many record indicators"


def test_alone_indicators_equal_a_scan_of_the_record_alone(scorer: OnlineScorer) -> None:
    """Indicators of scope `alone` (a market, a thread, a sender's messages) read each record
    as a scan of that record alone does, also inside a batch. (The examples' ads and messages
    of these indicators: those that fire online, and every third of the others.)"""
    alone = scope_ids(scorer, Scope.ALONE)
    assert {"BEH-LOW-PRICE", "RCS-REC-CHANNEL-SWITCH", "RCS-REC-EARLY-ID-REQUEST"} <= alone
    records = [(t, r) for i, t, r in example_records() if i in alone]
    batch = scorer.score_batch([item(table, record) for table, record in records])
    reads = {c.kind: set(c.evaluated_alone) for c in scorer.coverage}
    fired = compared = 0
    with Store.open(None) as store:
        for n, ((table, record), result) in enumerate(zip(records, batch.items, strict=True)):
            assert isinstance(result, ItemResult)
            own = [f for f in result.findings if f.indicator_id in alone]
            fired += bool(own)
            if own or n % 3 == 0:
                scanned = scan_evaluate({table: [record]}, reads[result.kind], store)
                assert comparable(own) == comparable(scanned)
                compared += 1
    assert fired > 20 and compared > 50


@pytest.mark.parametrize("table", ["ads", "messages"])
def test_a_full_scan_of_one_record_finds_what_online_scoring_finds(
    scorer: OnlineScorer, table: str, tmp_path: Path
) -> None:
    """The normal pipeline (`run_scan`, every indicator) on the example ad or message that
    fires the most online indicators, alone: the same indicators, so nothing that needs more
    than one record fires on one record (the coverage is complete)."""
    candidates = [record for _, t, record in example_records() if t == table]
    results = scorer.score_batch([item(table, record) for record in candidates]).items
    best = max(
        range(len(candidates)),
        key=lambda n: len(results[n].indicator_ids) if isinstance(results[n], ItemResult) else 0,
    )
    online = results[best]
    assert isinstance(online, ItemResult) and len(online.indicator_ids) >= 2
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"{table}.jsonl").write_text(
        json.dumps(candidates[best], ensure_ascii=False) + "\n", encoding="utf-8"
    )
    result = run_scan([folder], ScanOptions(out=tmp_path / "run", redaction_key=b"test"))
    assert tuple(sorted({f.indicator_id for f in result.findings})) == online.indicator_ids


# -- the catalogue's examples ------------------------------------------------------------------


RECORD_EXAMPLES = [
    pytest.param(indicator_id, example, id=f"{indicator_id}:{n}:{example.expect.value}")
    for indicator_id, examples in sorted(CATALOGUE.examples.items())
    for n, example in enumerate(examples)
    if indicator_id in RECORD_SCOPE and set(example.records) & set(TABLES)
]


@pytest.mark.parametrize(("indicator_id", "example"), RECORD_EXAMPLES)
def test_examples_fire_online_as_in_the_catalogue(
    scorer: OnlineScorer, indicator_id: str, example: Any
) -> None:
    """An example ad or message of a `record` indicator that should fire fires online; one that
    should not does not. (Indicators of scope `alone` are held to a scan of the record alone
    above: an example whose point is the thread or the market is not theirs to meet.)"""
    items = [
        item(table, row)
        for table, rows in example.records.items()
        if table in TABLES
        for row in rows
    ]
    results = scorer.score_batch(items).items
    findings = [
        f
        for r in results
        if isinstance(r, ItemResult)
        for f in r.findings
        if f.indicator_id == indicator_id
    ]
    matching = [f for f in findings if example.subject in (None, f.subject)]
    if example.expect is ExampleExpectation.FIRE:
        assert matching, f"expected {indicator_id} to fire online: {example.name}"
        assert all(f.evidence for f in matching)
    elif example.expect is ExampleExpectation.NO_FIRE:
        assert not findings, f"{indicator_id} fired online: {example.name}"
    else:
        assert not matching


def test_the_coverage_says_what_one_record_cannot_show(scorer: OnlineScorer) -> None:
    ad = scorer.coverage_of("ad")
    missing = {n.indicator_id for n in ad.not_evaluated}
    assert {"BEH-AD-TEMPLATE", "BEH-PHOTO-REUSE", "BEH-CONTACT-PROXY"} <= missing
    assert {"BEH-OBSCURED-PHONE", "BEH-ALWAYS-AVAILABLE", "RCS-REC-TOO-GOOD"} <= set(ad.evaluated)
    assert "BEH-LOW-PRICE" in ad.evaluated_alone
    message = scorer.coverage_of("message")
    assert "RCS-SURV-CHECKINS" in {n.indicator_id for n in message.not_evaluated}
    # nothing is both, and every evaluated indicator reads that kind
    for coverage in (ad, message):
        evaluated = set(coverage.evaluated) | set(coverage.evaluated_alone)
        assert not evaluated & {n.indicator_id for n in coverage.not_evaluated}
        assert all(coverage.kind in n.reads for n in coverage.not_evaluated)


# -- input -------------------------------------------------------------------------------------

AD = {
    "ad_id": "ad-1",
    "posted_at": "2026-05-01T10:00:00",
    "persona": "Lina",
    "city": "Aarhus",
    "title": "Ny pige i byen",
    "body": "Hej, ring 2 0 1 2 3 4 5 6 eller skriv på telegram @lina_dk. Åben 00-24.",
    "price": "300,00",
    "currency": "DKK",
    "image_refs": "images/a1.jpg;images/b.jpg",
}


def test_fields_are_read_as_ingest_reads_them(scorer: OnlineScorer) -> None:
    valid = scorer.validate({"kind": "profile", "record": AD})
    record = valid.canonical
    assert valid.record_kind is RecordKind.AD
    assert record["price"] == 300.0  # a decimal comma, as in a Danish CSV
    assert record["image_refs"] == ("images/a1.jpg", "images/b.jpg")  # the list separator
    # naive time in the scorer's zone (Copenhagen, summer): 10:00 local is 08:00 UTC
    assert record["posted_at"].isoformat() == "2026-05-01T08:00:00+00:00"


@pytest.mark.parametrize(
    ("change", "where", "says"),
    [
        ({"posted_at": None}, ("record", "posted_at"), "Field required"),
        ({"colour": "red"}, ("record", "colour"), "Extra inputs are not permitted"),
        ({"posted_at": "yesterday"}, (), "posted_at: not an ISO-8601 timestamp"),
        ({"price": "cheap"}, (), "price: not a number"),
        ({"body": "x" * 20_001}, ("record", "body"), "at most 20000 characters"),
    ],
)
def test_bad_input_is_a_clear_validation_error(
    scorer: OnlineScorer, change: dict[str, Any], where: tuple[str, ...], says: str
) -> None:
    record = {k: v for k, v in {**AD, **change}.items() if v is not None}
    with pytest.raises(ValidationError) as raised:
        scorer.score({"kind": "ad", "record": record})
    errors = raised.value.errors()
    assert len(errors) == 1
    assert errors[0]["loc"][1:] == where or errors[0]["loc"][-len(where) :] == where
    assert says in errors[0]["msg"]


def test_an_unknown_kind_is_refused(scorer: OnlineScorer) -> None:
    with pytest.raises(ValidationError, match=r"union_tag_invalid|does not match"):
        scorer.score({"kind": "transaction", "record": {}})


# -- batches -----------------------------------------------------------------------------------


def test_a_batch_keeps_order_and_bad_items_do_not_sink_it(scorer: OnlineScorer) -> None:
    message = {
        "message_id": "m1",
        "sender": "recruiter",
        "sent_at": "2026-05-01T10:00:00Z",
        "platform": "jobsite",
        "text": "Skriv til mig på Telegram @hr_global_team, så taler vi videre der.",
    }
    items: list[Any] = [
        {"kind": "ad", "record": AD},
        {"kind": "ad", "record": {**AD, "posted_at": "soon"}},
        {"kind": "message", "record": message},
        {"kind": "nonsense"},
        {"kind": "ad", "record": {**AD, "ad_id": "ad-2", "body": "Massage, hverdage 10-18."}},
    ]
    batch = scorer.score_batch(items)
    assert [r.index for r in batch.items] == [0, 1, 2, 3, 4]
    assert [r.ok for r in batch.items] == [True, False, True, False, True]
    first, bad, third, _, last = batch.items
    assert isinstance(first, ItemResult) and isinstance(third, ItemResult)
    assert isinstance(bad, ItemError) and "posted_at" in bad.errors[0]["msg"]
    assert third.kind == "message" and "RCS-REC-CHANNEL-SWITCH" in third.indicator_ids
    assert isinstance(last, ItemResult) and "BEH-ALWAYS-AVAILABLE" not in last.indicator_ids
    assert {c.kind for c in batch.coverage} == {"ad", "message"}
    # each item as if alone: the batch's results are the single calls' results
    for result, sent in zip(batch.items, items, strict=True):
        if isinstance(result, ItemResult):
            alone = scorer.score(sent)
            assert result.model_dump(exclude={"index"}) == alone.model_dump(exclude={"index"})


def test_items_of_a_batch_never_mix_not_even_with_one_id(scorer: OnlineScorer) -> None:
    """25 cheap ads of one city: a scan would make them a market; online each is alone and is
    compared with the catalogue's reference price. Two of them share an id."""
    ads = [
        {
            **AD,
            "ad_id": f"cheap-{n}" if n else "cheap-1",
            "persona": f"Persona {n}",
            "price": 150 if n == 3 else 200,
            "body": "Sød pige." if n % 2 else "Ring 2 0 1 2 3 4 5 6. Åben 00-24.",
        }
        for n in range(25)
    ]
    batch = scorer.score_batch([{"kind": "ad", "record": ad} for ad in ads])
    for ad, result in zip(ads, batch.items, strict=True):
        assert isinstance(result, ItemResult) and result.record_id == ad["ad_id"]
        assert "BEH-LOW-PRICE" in result.indicator_ids
        low = next(f for f in result.findings if f.indicator_id == "BEH-LOW-PRICE")
        assert low.facts["baseline"] == "reference" and low.facts["price"] == ad["price"]
        assert ("BEH-ALWAYS-AVAILABLE" in result.indicator_ids) == ("00-24" in ad["body"])
        assert {e.record_id for f in result.findings for e in f.evidence} == {ad["ad_id"]}
    # the same ads scanned together: one market, the cheapest is not cheap against it
    scanned = scan_evaluate(
        {"ads": [{**a, "ad_id": f"s{n}"} for n, a in enumerate(ads)]}, {"BEH-LOW-PRICE"}
    )
    assert not scanned


# -- output ------------------------------------------------------------------------------------


def test_contacts_pivots_score_and_redaction(scorer: OnlineScorer) -> None:
    result = scorer.score({"kind": "ad", "record": AD})
    assert [c.pivot for c in result.contacts] == ["phone:+4520123456", "handle:lina_dk"]
    assert result.contacts[0].field == "body" and result.contacts[0].start is not None
    assert result.pivots == ("handle:lina_dk", "phone:+4520123456")
    assert result.score.total == pytest.approx(sum(s.delta for s in result.score.steps))
    assert {s.code for s in result.score.steps} == set(result.indicator_ids)
    hidden = result.redact(Redactor(b"k" * 32))
    text = str(hidden)
    assert "+4520123456" not in text and "lina_dk" not in text
    assert hidden["pivots"][1].startswith("phone:phone#")
    assert {f["indicator_id"] for f in hidden["findings"]} == set(result.indicator_ids)
    shown = result.redact(Redactor(reveal=True))
    assert shown["pivots"] == list(result.pivots)


# -- reference matches -------------------------------------------------------------------------

TEMPLATE = (
    "Hej, jeg hedder {name} og er ny her i {city}. Jeg er en sød og glad pige, der elsker at "
    "give dig en god tid med massage og hygge. Ring eller skriv til mig, jeg svarer hurtigt."
)


@pytest.fixture(scope="module")
def reference() -> ReferenceIndex:
    ads = [
        {"ad_id": "case-1", "persona": "Anna", "city": "Vejle", "image_refs": ["images/a1.jpg"]},
        {"ad_id": "case-2", "persona": "Bella", "city": "Odense", "image_refs": []},
        {"ad_id": "other", "persona": "Maja", "city": "Horsens", "image_refs": ["images/c.jpg"]},
    ]
    rows = [
        {
            **ad,
            "posted_at": "2026-09-01T10:00:00Z",
            "body": TEMPLATE.format(name=ad["persona"], city=ad["city"])
            if ad["ad_id"] != "other"
            else "Maja her, kun weekender, ingen beskeder.",
        }
        for ad in ads
    ]
    with Store.open(None) as store:
        ingest_records(store, "ad", rows, source="test")
        return ReferenceIndex.build(
            store, {"ad:case-1": ["C-1"], "ad:case-2": ["C-2"]}, image_roots=[DATA]
        )


def test_a_template_and_a_photo_of_a_known_cluster_match(reference: ReferenceIndex) -> None:
    scorer = OnlineScorer(CATALOGUE, reference=reference, image_roots=[DATA])
    assert reference.ads == 2 and reference.images == 1  # 'other' is no case's record
    new = {
        "ad_id": "new",
        "posted_at": "2026-09-10T10:00:00Z",
        "persona": "Clara",
        "city": "Kolding",
        "body": TEMPLATE.format(name="Clara", city="Kolding"),
        "image_refs": ["images/a2.jpg", "images/b.jpg", "../data/images/a1.jpg", "/etc/passwd"],
    }
    result = scorer.score({"kind": "ad", "record": new})
    assert [(m.ref, m.cases, m.same_persona) for m in result.template_matches] == [
        ("ad:case-1", ("C-1",), False),
        ("ad:case-2", ("C-2",), False),
    ]
    params = detector_for(CATALOGUE.get("BEH-AD-TEMPLATE"), {})
    assert params is not None
    assert all(m.similarity >= params.p.min_jaccard for m in result.template_matches)  # type: ignore[attr-defined]
    assert [(m.ref, m.image, m.matched_image) for m in result.photo_matches] == [
        ("ad:case-1", "images/a2.jpg", "images/a1.jpg")
    ]
    assert result.notes == (
        "image 3: not a file under the image roots",
        "image 4: not a file under the image roots",
    )
    unrelated = {
        **new,
        "body": "Maja her, kun weekender, ingen beskeder.",
        "image_refs": ["images/c.jpg"],
    }
    other = scorer.score({"kind": "ad", "record": unrelated})
    assert not other.template_matches and not other.photo_matches
    hidden = result.redact(Redactor(b"k" * 32))
    assert hidden["template_matches"][0]["ref"] == "ad:case-1"


def test_the_alone_option_changes_nothing_a_scan_sees() -> None:
    """Without RECORDS_ALONE (a scan) the detectors that honour it read across records."""
    indicator = CATALOGUE.get("RCS-REC-CHANNEL-SWITCH")
    scan, alone = detector_for(indicator, {}), detector_for(indicator, {RECORDS_ALONE: True})
    assert scan is not None and alone is not None and not scan.alone and alone.alone
