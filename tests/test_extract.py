from __future__ import annotations

from redflags.extract import identifiers_of


def test_ad_contacts_from_fields_and_text_share_one_pivot_per_value() -> None:
    ad = {
        "ad_id": "a1",
        "phone": "52 61 47 83",
        "handle": "@Nordlys_Jobs",
        "title": "Ring +45 5261 4783",
        "body": "eller t.me/nordlys_jobs, wa.me/4552614783, mail anna@mail.example",
    }
    found = identifiers_of("ad", ad)
    pivots = {i.pivot for i in found}
    assert pivots == {"phone:+4552614783", "handle:nordlys_jobs", "email:anna@mail.example"}
    in_title = next(i for i in found if i.field == "title")
    assert ad["title"][in_title.start : in_title.end] == "+45 5261 4783"


def test_customer_and_message_identifiers() -> None:
    customer = {
        "customer_id": "K1",
        "account_id": "5301-1",
        "phone": "42530829",
        "email": "A@B.example",
        "device_id": "dev-1",
        "address": "Industrivej 12, 7400 Herning",
    }
    kinds = {i.kind for i in identifiers_of("customer", customer)}
    assert kinds == {"customer", "account", "phone", "email", "device", "address"}
    message = {
        "message_id": "m1",
        "sender": "nordlys_jobs",
        "platform": "telegram",
        "text": "ring 42 53 08 29",
    }
    assert {i.pivot for i in identifiers_of("message", message)} == {
        "handle:nordlys_jobs",
        "phone:+4542530829",
    }


def test_transactions_have_no_identity_pivots() -> None:
    assert identifiers_of("transaction", {"txn_id": "t", "payer": "a", "payee": "b"}) == []


def test_a_sender_is_a_phone_an_email_or_a_handle_as_the_platform_knows_it() -> None:
    """An SMS or WhatsApp sender is a phone number and must meet the same number on a KYC
    record (this was once a 'handle:+45...' pivot that joined nothing)."""
    customer = {"customer_id": "C1", "phone": "+45 31 25 23 46"}
    kyc_phone = {i.pivot for i in identifiers_of("customer", customer) if i.kind == "phone"}

    def sender_pivot(sender: str, platform: str) -> str:
        record = {"message_id": "m", "sender": sender, "platform": platform}
        (found,) = [i for i in identifiers_of("message", record) if i.field == "sender"]
        return found.pivot

    assert {sender_pivot("+4531252346", "sms"), sender_pivot("31 25 23 46", "whatsapp")} == (
        kyc_phone
    )
    assert sender_pivot("Anna.K@Example.dk", "email") == "email:anna.k@example.dk"
    assert sender_pivot("@anna_k", "telegram") == "handle:anna_k"
    assert sender_pivot("2024", "telegram") == "handle:2024"  # too short for a phone


def test_an_ads_poster_account_joins_the_platforms_user_record() -> None:
    ad = identifiers_of("ad", {"ad_id": "A1", "poster": "U-77", "body": "Ny i byen"}, "DK")
    user = identifiers_of("customer", {"customer_id": "U-77", "first_name": "Sofia"}, "DK")
    assert {i.pivot for i in ad} == {"customer:U-77"} == {i.pivot for i in user}
