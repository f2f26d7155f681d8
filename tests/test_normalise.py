from __future__ import annotations

import pytest

from redflags.normalise.identifiers import (
    find_handles,
    normalise_address,
    normalise_email,
    normalise_handle,
    normalise_name,
)
from redflags.normalise.phones import find_phones, normalise_phone
from redflags.normalise.text import fold, fold_with_map, original_span


@pytest.mark.parametrize(
    "written", ["52 61 47 83", "+45 52614783", "0045 52-61-47-83", "(+45) 5261 4783", "52614783"]
)
def test_danish_numbers_in_any_format_become_one_e164(written: str) -> None:
    assert normalise_phone(written) == "+4552614783"


def test_foreign_numbers_keep_their_country_and_junk_is_refused() -> None:
    assert normalise_phone("+40 721 234 567") == "+40721234567"
    assert normalise_phone("12") is None
    assert normalise_phone("call me") is None
    assert normalise_phone(None) is None


def test_find_phones_reports_spans_into_the_text() -> None:
    text = "Ring til Bella på 52 61 47 83 i aften"
    [match] = find_phones(text)
    assert match.e164 == "+4552614783"
    assert text[match.start : match.end] == "52 61 47 83"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("@Nordlys_Jobs", "handle:nordlys_jobs"),
        ("t.me/Nordlys_Jobs", "telegram:nordlys_jobs"),
        ("https://t.me/nordlys_jobs", "telegram:nordlys_jobs"),
        ("telegram: @nordlys_jobs", "telegram:nordlys_jobs"),
        ("telegram: nordlys_jobs", "telegram:nordlys_jobs"),
        ("wa.me/4552614783", "whatsapp:4552614783"),
    ],
)
def test_handles_normalise(written: str, expected: str) -> None:
    assert normalise_handle(written) == expected


def test_platform_context_names_a_bare_handle() -> None:
    assert normalise_handle("nordlys_jobs", "telegram") == "telegram:nordlys_jobs"


def test_email_is_not_a_handle() -> None:
    assert find_handles("skriv til anna@mail.example") == []
    assert [h for h, _, _ in find_handles("skriv @anna_dk eller t.me/anna_dk")] == [
        "handle:anna_dk",
        "telegram:anna_dk",
    ]


def test_names_emails_addresses_compare_after_folding() -> None:
    assert normalise_name(" IONESCU ") == normalise_name("Ionescu")
    assert normalise_name("Dumitrescu") != normalise_name("Dumitru")
    assert normalise_email(" Jobs.DK@Mail.Example ") == "jobs.dk@mail.example"
    assert normalise_address("Industrivej 12,  7400 HERNING") == normalise_address(
        "industrivej 12 7400 Herning"
    )


def test_fold_removes_case_accents_and_fullwidth_forms() -> None:
    assert fold("Câștig ÎN Danemarca") == "castig in danemarca"
    assert fold("Ｔｅｌｅｇｒａｍ") == "telegram"


def test_fold_map_points_back_into_the_original() -> None:
    text = "Ｃâștig 3000"
    folded, origin = fold_with_map(text)
    start = folded.index("3000")
    assert original_span(origin, start, start + 4, len(text)) == (7, 11)
    assert text[7:11] == "3000"


def test_a_contact_field_keeps_a_number_in_a_range_the_plan_does_not_list() -> None:
    """+45 20 00 xx xx is not assigned; in a customer's phone column it is still a phone, so two
    records with it meet. In free text a digit run must be a real number to count."""
    assert normalise_phone("+45 20 00 41 17", "DK") is None
    assert normalise_phone("+45 20 00 41 17", "DK", contact_field=True) == "+4520004117"
    assert normalise_phone("20 00 41 17", "DK", contact_field=True) == "+4520004117"
    assert normalise_phone("12", "DK", contact_field=True) is None  # too short to be possible
    assert normalise_phone("+45 20 00 41 17 99 99", "DK", contact_field=True) is None


@pytest.mark.parametrize("written", ["WhatsApp", "Telegram", "Viber ", "signal"])
def test_a_handle_field_naming_only_the_app_links_nothing(written: str) -> None:
    """'WhatsApp' in a platform's contact-app column names the app, not an account: as a handle
    it would join every ad that says it."""
    assert normalise_handle(written) is None


def test_a_platform_word_then_an_at_handle_is_that_platforms_handle() -> None:
    assert normalise_handle("Telegram @dk_service77") == "telegram:dk_service77"
