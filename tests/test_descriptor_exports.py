"""Descriptors for real exports (issue #13, item 4): value maps, date formats, units and periods,
derived ids and personas, the `;` delimiter found on its own, unknown merchant categories."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from redflags.ingest import DescriptorError, ingest_file, load_descriptor
from redflags.ingest.readers import sniff_delimiter
from redflags.store import Store

BANK_TXNS = """\
Posteringsnr;Dato;Fra konto;Til konto;Beløb;Kanal;Kategori;Tekst
P-1;07-12-2026 14:05;DK00 0000 0000 0001;DK00 0000 0000 0002;1.250,50;MobilePay;dagligvarer;Husleje
P-2;08-12-2026 09:00;DK00 0000 0000 0001;DK00 0000 0000 0003;499,00;Dankort;travel;Billet
P-3;08-12-2026 10:30;DK00 0000 0000 0004;DK00 0000 0000 0003;800,00;Dankort;travel;Billet
P-4;09-12-2026 11:00;DK00 0000 0000 0001;DK00 0000 0000 0005;100,00;Swish;hotel;Nat
P-5;2026-12-10T12:00:00;DK00 0000 0000 0001;DK00 0000 0000 0005;100,00;overførsel;hotell;Nat
P-6;31-13-2026 12:00;DK00 0000 0000 0001;DK00 0000 0000 0005;100,00;overførsel;hotel;Nat
"""

BANK_TXN_DESCRIPTOR = """\
name: nordbank_posteringer
kind: transaction
file: posteringer.csv
columns:
  txn_id: Posteringsnr
  ts: Dato
  payer: Fra konto
  payee: Til konto
  amount: Beløb
  channel: Kanal
  merchant_category: Kategori
  memo: Tekst
values:
  channel: {MobilePay: p2p, Dankort: card, Overførsel: transfer}
formats:
  ts: "%d-%m-%Y %H:%M"
"""

BANK_CUSTOMERS = """\
kundenr;fornavn;efternavn;foedt;indkomst_md
K1;Anna;Hansen;03.04.1990;25.000,00
K2;Ion;Popescu;1985-11-02;18000
"""

BANK_CUSTOMER_DESCRIPTOR = """\
name: nordbank_kunder
kind: customer
file: kunder.csv
columns:
  customer_id: kundenr
  first_name: fornavn
  last_name: efternavn
  birth_date: foedt
  declared_income: indkomst_md
formats:
  birth_date: "%d.%m.%Y"
units:
  declared_income: {period: month}
"""

CHAT_EXPORT = """\
{"from": "+4520000001", "to": "+4520000002", "time": "2026-12-07T20:00:00", "body": "Send location"}
{"from": "+4520000001", "to": "+4520000002", "time": "2026-12-07T20:05:00", "body": "Now"}
{"from": "+4520000001", "to": "+4520000002", "time": "2026-12-07T20:05:00", "body": "Now"}
"""

CHAT_DESCRIPTOR = """\
name: beslag_chat
kind: message
file: chat.jsonl
columns:
  sender: from
  recipient: to
  sent_at: time
  text: body
derive:
  message_id: {hash: [from, to, time, body]}
"""

ADS = """\
annonce;navn;by;overskrift;tekst;oprettet;telegram
A1;Mia;Odense;Ny i byen;Ring 20 00 00 01;2026-12-01T10:00:00;@mia_dk
A2;Mia;Vejle;Ny i byen;Ring 20 00 00 01;2026-12-02T10:00:00;
"""

ADS_DESCRIPTOR = """\
name: annoncer
kind: ad
file: annoncer.csv
delimiter: ";"
columns:
  ad_id: annonce
  title: overskrift
  body: tekst
  posted_at: oprettet
  city: by
derive:
  persona: {join: [navn, by], separator: " / "}
  handle: {first: [telegram, navn]}
"""


def _source(folder: Path, name: str, data: str, descriptor: str, data_name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / data_name).write_text(data, encoding="utf-8")
    path = folder / f"{name}.source.yaml"
    path.write_text(descriptor, encoding="utf-8")
    return path


def _ingest(store: Store, folder: Path, name: str, data: str, descriptor: str, file: str) -> Any:
    path = _source(folder, name, data, descriptor, file)
    return ingest_file(store, folder / file, load_descriptor(path))


def _rows(store: Store, sql: str) -> list[tuple[Any, ...]]:
    return store.connection.execute(sql).fetchall()


def test_a_bank_export_maps_end_to_end(store: Store, tmp_path: Path) -> None:
    report = _ingest(
        store, tmp_path, "posteringer", BANK_TXNS, BANK_TXN_DESCRIPTOR, "posteringer.csv"
    )
    assert (report.read, report.stored, report.quarantined) == (6, 4, 2)
    rows = _rows(store, "SELECT txn_id, ts, amount, channel FROM transactions ORDER BY txn_id")
    assert rows[0] == ("P-1", datetime(2026, 12, 7, 13, 5, tzinfo=UTC), 1250.5, "p2p")
    assert rows[1][2:] == (499.0, "card")
    assert [r[0] for r in rows] == ["P-1", "P-2", "P-3", "P-5"]  # ISO works beside the format
    assert rows[3][3] == "transfer"  # case-insensitive: "overførsel"
    reasons = dict(_rows(store, "SELECT _line, reason FROM quarantine"))
    assert "'Swish' is not one of" in reasons[5]
    assert "add it to the descriptor's values: for channel" in reasons[5]
    assert "does not fit the format '%d-%m-%Y %H:%M'" in reasons[7]


def test_unknown_merchant_categories_are_counted_with_a_suggestion(
    store: Store, tmp_path: Path
) -> None:
    report = _ingest(
        store, tmp_path, "posteringer", BANK_TXNS, BANK_TXN_DESCRIPTOR, "posteringer.csv"
    )
    unknown = {u.value: u for u in report.unknown_categories}
    assert set(unknown) == {"travel", "dagligvarer", "hotell"}  # "hotel" is known
    assert unknown["travel"].rows == 2
    assert unknown["travel"].suggestion is not None and "airline" in unknown["travel"].suggestion
    assert unknown["hotell"].suggestion is not None and "hotel" in unknown["hotell"].suggestion
    note = report.categories_note()
    assert note is not None and "merchant categories no indicator knows: 'travel' (2 rows" in note


def test_monthly_income_becomes_yearly_and_a_date_format_reads_birth_dates(
    store: Store, tmp_path: Path
) -> None:
    report = _ingest(
        store, tmp_path, "kunder", BANK_CUSTOMERS, BANK_CUSTOMER_DESCRIPTOR, "kunder.csv"
    )
    assert (report.stored, report.quarantined) == (2, 0)
    rows = _rows(store, "SELECT customer_id, birth_date, declared_income FROM customers ORDER BY 1")
    assert rows == [("K1", date(1990, 4, 3), 300_000.0), ("K2", date(1985, 11, 2), 216_000.0)]


def test_a_chat_export_without_ids_gets_stable_derived_ids(store: Store, tmp_path: Path) -> None:
    report = _ingest(store, tmp_path, "chat", CHAT_EXPORT, CHAT_DESCRIPTOR, "chat.jsonl")
    # the third line repeats the second exactly: the same derived id, quarantined as a duplicate
    assert (report.read, report.stored, report.quarantined) == (3, 2, 1)
    ids = [r[0] for r in _rows(store, "SELECT message_id FROM messages ORDER BY sent_at")]
    assert len(set(ids)) == 2 and all(len(i) == 16 for i in ids)
    with Store.open(None) as again:
        _ingest(again, tmp_path / "b", "chat", CHAT_EXPORT, CHAT_DESCRIPTOR, "chat.jsonl")
        assert sorted(ids) == sorted(
            r[0] for r in again.connection.execute("SELECT message_id FROM messages").fetchall()
        )


def test_a_persona_from_columns(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path, "annoncer", ADS, ADS_DESCRIPTOR, "annoncer.csv")
    assert _rows(store, "SELECT persona, handle FROM ads ORDER BY ad_id") == [
        ("Mia / Odense", "@mia_dk"),
        ("Mia / Vejle", "Mia"),  # the first column with a value
    ]


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        (b"a;b;c\n1;2;3\n", ";"),
        (b"a,b,c\n", ","),
        (b"a\tb\tc\n", "\t"),
        (b'"x;y",b,c\n', ","),  # inside quotes does not count
        (b"a|b\n", "|"),
        (b"single\n", ","),
        (b"\xef\xbb\xbfa;b\n", ";"),
    ],
)
def test_the_delimiter_is_found_from_the_header(header: bytes, delimiter: str) -> None:
    assert sniff_delimiter(header, "utf-8") == delimiter


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("values:\n  channel: {MobilePay: wire}\n", "'MobilePay' maps to 'wire' is not one of"),
        ("formats:\n  amount: '%d'\n", "formats are for timestamps and dates"),
        ("formats:\n  ts: 'dd-mm-yyyy'\n", "is not a strptime format"),
        ("units:\n  amount: {period: month}\n", "not an amount per period"),
        ("units:\n  memo: {scale: 2}\n", "units are for number fields"),
        ("derive:\n  txn_id: {hash: [a], join: [b]}\n", "exactly one of hash"),
        ("derive:\n  txn_id: {separator: x}\n", "exactly one of hash"),
        ("values:\n  colour: {a: b}\n", "'colour' is not a canonical transaction field"),
        ("delimiter: ';;'\n", "one character"),
    ],
)
def test_a_bad_mapping_is_one_line_with_its_line(tmp_path: Path, extra: str, message: str) -> None:
    path = tmp_path / "bad.source.yaml"
    path.write_text("name: x\nkind: transaction\n" + extra, encoding="utf-8")
    with pytest.raises(DescriptorError) as caught:
        load_descriptor(path)
    text = str(caught.value)
    assert message in text and "\n" not in text
    assert f"{path}:3" in text or f"{path}:4" in text


# --- every file's problems at once; the quarantine on the command line ---------------------


def test_every_broken_file_is_reported_and_the_good_ones_are_stored(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from redflags.cli import app

    data = tmp_path / "data"
    data.mkdir()
    (data / "ads.csv").write_text(
        "ad_id,posted_at,title\nA1,2026-12-01T10:00:00Z,hello\n", encoding="utf-8"
    )
    (data / "messages.csv").write_text("id,when,text\n1,x,y\n", encoding="utf-8")
    (data / "transactions.csv").write_text("nr;dato\n1;2\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(data), "--db", str(db)])
    assert result.exit_code == 1
    assert "2 files could not be ingested (the others were)" in result.output
    assert "messages.csv: missing columns" in result.output
    assert "transactions.csv: missing columns" in result.output
    assert "Traceback" not in result.output
    with Store.open(db, read_only=True) as store:
        assert store.count("ad") == 1


def test_quarantine_show_lists_the_grouped_reasons_of_a_kept_store(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from redflags.cli import app

    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        _ingest(store, tmp_path, "posteringer", BANK_TXNS, BANK_TXN_DESCRIPTOR, "posteringer.csv")
    runner = CliRunner()
    result = runner.invoke(app, ["quarantine", "show", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "quarantined 2 row(s)" in result.output
    assert "channel: … is not one of p2p, card, transfer, atm, cash" in result.output
    assert "(line 5)" in result.output and "(line 7)" in result.output
    assert "Swish" not in result.output  # values are left out: they may be identifiers
    assert "2 row(s) quarantined in 1 file(s)" in result.output
    other = runner.invoke(app, ["quarantine", "show", "--db", str(db), "--source", "nobody"])
    assert other.exit_code == 0 and "nothing quarantined for nobody" in other.output
    missing = runner.invoke(app, ["quarantine", "show", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no such store" in missing.output


def test_a_category_that_looks_like_an_identifier_is_never_shown() -> None:
    from redflags.ingest.categories import CategoryCounter

    counter = CategoryCounter()
    for value in ("+45 20 00 00 01", "anna@example.com", "<b>x</b>", "travel", "5999", "hotel"):
        counter.add(value)
    assert [u.value for u in counter.unknown()] == ["travel", "5999"]


def test_unix_epoch_timestamps(store: Store, tmp_path: Path) -> None:
    data = "epoch\tbruger_id\thandling\n1783695540\tu1\tlogin\nsoon\tu2\tlogin\n"
    descriptor = (
        "name: sessioner\nkind: device_event\nfile: s.tsv\n"
        "columns: {ts: epoch, account: bruger_id, event: handling}\nformats: {ts: epoch}\n"
    )
    report = _ingest(store, tmp_path, "sessioner", data, descriptor, "s.tsv")
    assert (report.stored, report.quarantined) == (1, 1)
    [(ts,)] = _rows(store, "SELECT ts FROM device_events")
    assert ts == datetime.fromtimestamp(1783695540, UTC)


def test_unix_epoch_as_a_json_number(store: Store, tmp_path: Path) -> None:
    data = '{"id": "a1", "oprettet": 1783695540}\n{"id": "a2", "oprettet": 1783695540123}\n'
    descriptor = (
        "name: opslag\nkind: ad\nfile: a.jsonl\n"
        "columns: {ad_id: id, posted_at: oprettet}\nformats: {posted_at: epoch_ms}\n"
    )
    report = _ingest(store, tmp_path, "opslag", data, descriptor, "a.jsonl")
    assert (report.stored, report.quarantined) == (2, 0)
    rows = dict(_rows(store, "SELECT ad_id, posted_at FROM ads"))
    assert rows["a2"] == datetime.fromtimestamp(1783695540.123, UTC)
    assert rows["a1"] == datetime.fromtimestamp(1783695.54, UTC)  # read as milliseconds


STATEMENT = """\
Kontonr;Tidspunkt;Posteringstype;Tekst;Modpart konto/tlf;Modpart;Beløb;Posterings-ID
8946744308;01-07-2026 16:17;Overførsel;Husleje;DK00 0000 1569 8602 42;Udlejer ApS;-2.200,00;P1
8946744308;02-07-2026 09:00;MobilePay;Tak;+45 20 00 11 22;Anna;500,00;P2
8946744308;03-07-2026 10:00;Hævning;Automat;;;-1.000,00;P3
8946744308;04-07-2026 10:00;Dankort;Netto;;Netto Hjørring;-99,50;P4
"""

STATEMENT_DESCRIPTOR = """\
name: vendelbo_posteringer
kind: transaction
file: konto.csv
columns: {txn_id: Posterings-ID, ts: Tidspunkt, amount: Beløb, channel: Posteringstype, memo: Tekst}
derive:
  payer: {template: "DK00 0000 {Kontonr}"}
statement:
  counterparty: [Modpart konto/tlf, Modpart]
values:
  channel: {Overførsel: transfer, MobilePay: p2p, Hævning: atm, Dankort: card}
formats:
  ts: "%d-%m-%Y %H:%M"
"""


def test_an_account_statement_becomes_payments_between_holder_and_counterparty(
    store: Store, tmp_path: Path
) -> None:
    report = _ingest(store, tmp_path, "konto", STATEMENT, STATEMENT_DESCRIPTOR, "konto.csv")
    assert (report.stored, report.quarantined) == (3, 1)
    rows = _rows(store, "SELECT txn_id, payer, payee, amount FROM transactions ORDER BY txn_id")
    holder = "DK0000008946744308"  # the template, spaces gone as in every account field
    assert rows == [
        ("P1", holder, "DK0000001569860242", 2200.0),
        ("P2", "+4520001122", holder, 500.0),
        ("P4", holder, "Netto Hjørring", 99.5),  # a name, not an account: as written
    ]
    [(reason,)] = _rows(store, "SELECT reason FROM quarantine")
    assert reason == "statement: no counterparty in Modpart konto/tlf, Modpart"


TWO_STATEMENTS = """\
Kontonr;Tidspunkt;Posteringstype;Tekst;Modpart konto/tlf;Modpart;Beløb;Posterings-ID
1111111111;01-07-2026 16:17;Overførsel;Til Bo;DK00 0000 2222222222;Bo;-700,00;P1
1111111111;01-07-2026 16:30;MobilePay;Kaffe;DK00 0000 2222222222;Bo;-50,00;P2
1111111111;01-07-2026 16:30;MobilePay;Kaffe igen;DK00 0000 2222222222;Bo;-50,00;P3
2222222222;01-07-2026 16:17;Overførsel;Fra Ane;DK00 0000 1111111111;Ane;700,00;P4
2222222222;01-07-2026 16:30;MobilePay;Kaffe;DK00 0000 1111111111;Ane;50,00;P5
"""


def test_a_transfer_on_both_holders_statements_is_one_payment(store: Store, tmp_path: Path) -> None:
    descriptor = STATEMENT_DESCRIPTOR.replace(
        "  counterparty: [Modpart konto/tlf, Modpart]",
        "  counterparty: [Modpart konto/tlf, Modpart]\n  both_sides: true",
    )
    report = _ingest(store, tmp_path, "konto", TWO_STATEMENTS, descriptor, "konto.csv")
    # P4 is P1 seen from Bo's side; P5 pairs with one of Ane's two equal coffees, the other
    # coffee stays a payment of its own (two equal payments on one statement are two)
    assert (report.read, report.stored, report.quarantined) == (5, 3, 2)
    rows = _rows(store, "SELECT txn_id, amount FROM transactions ORDER BY txn_id")
    assert rows == [("P1", 700.0), ("P2", 50.0), ("P3", 50.0)]
    reasons = dict(_rows(store, "SELECT _line, reason FROM quarantine"))
    other_side = "statement: the other side of a payment already stored from another statement"
    assert reasons == {5: other_side, 6: other_side}


@pytest.mark.parametrize(
    "template", ["{Kontonr!r}", "{Kontonr:>10}", "{a.b}", "{x[0]}", "no placeholder", "{"]
)
def test_a_template_names_plain_columns_only(tmp_path: Path, template: str) -> None:
    path = tmp_path / "t.source.yaml"
    path.write_text(
        f"name: x\nkind: transaction\nderive:\n  payer: {{template: '{template}'}}\n",
        encoding="utf-8",
    )
    with pytest.raises(DescriptorError, match="template"):
        load_descriptor(path)


def test_a_swap_tells_who_sent_and_who_received(store: Store, tmp_path: Path) -> None:
    data = (
        "date,type,address,body\n"
        "1787680800000,2,+40 700 000 105,Pasapoartele le am eu\n"
        "1787684400000,1,+40 700 000 105,Bine\n"
    )
    descriptor = (
        "name: phone_a\nkind: message\nfile: sms.csv\n"
        "columns: {sender: address, sent_at: date, text: body}\n"
        "defaults: {recipient: phone A}\nformats: {sent_at: epoch_ms}\n"
        "derive: {message_id: {hash: [date, type, address, body]}}\n"
        "swap: {column: type, values: ['2'], fields: [sender, recipient]}\n"
    )
    report = _ingest(store, tmp_path, "phone_a", data, descriptor, "sms.csv")
    assert (report.stored, report.quarantined) == (2, 0)
    rows = _rows(store, "SELECT sender, recipient, text FROM messages ORDER BY sent_at")
    assert rows == [
        ("phone A", "+40 700 000 105", "Pasapoartele le am eu"),
        ("+40 700 000 105", "phone A", "Bine"),
    ]


def test_a_persona_that_is_the_ads_own_id_names_nobody(store: Store) -> None:
    from redflags.ingest import ingest_records

    rows = [
        {"ad_id": "A1", "posted_at": "2026-06-01T10:00:00Z", "persona": "A1", "body": "x"},
        {"ad_id": "A2", "posted_at": "2026-06-01T10:00:00Z", "persona": "Mia", "body": "x"},
    ]
    report = ingest_records(store, "ad", rows, source="s")
    assert report.stored == 2
    assert _rows(store, "SELECT ad_id, persona FROM ads ORDER BY ad_id") == [
        ("A1", None),
        ("A2", "Mia"),
    ]


FORENSIC_CHAT = """\
Tid (lokal);Dato;Afsender;Modtager;Besked
10.02;01.08.2026;Andrii (ejer) +4520005809;Вікторія робота +380555010147;Добре.
10.05;01.08.2026;Chủ máy;@iulik_88 Iulik;ok
"""


def test_a_forensic_chat_export_gives_contacts_from_name_fields_and_a_time_from_two_columns(
    store: Store, tmp_path: Path
) -> None:
    descriptor = """\
name: phone2
kind: message
file: chat.csv
columns: {text: Besked}
derive:
  sender: {contact: [Afsender]}
  recipient: {contact: [Modtager]}
  sent_at: {template: "{Dato} {Tid (lokal)}"}
  message_id: {hash: [Dato, Tid (lokal), Afsender, Besked]}
values:
  sender: {Chủ máy: phone 3 owner}
formats:
  sent_at: "%d.%m.%Y %H.%M"
"""
    report = _ingest(store, tmp_path, "phone2", FORENSIC_CHAT, descriptor, "chat.csv")
    assert (report.stored, report.quarantined) == (2, 0)
    rows = _rows(store, "SELECT sender, recipient, sent_at FROM messages ORDER BY sent_at")
    assert rows[0][:2] == ("+4520005809", "+380555010147")
    assert rows[0][2].replace(tzinfo=None) == datetime(2026, 8, 1, 8, 2)  # local summer time
    assert rows[1][:2] == ("phone 3 owner", "@iulik_88")  # a derived value is value-mapped too
