"""The lexicon_presence and pronoun_ratio kinds beyond the catalogue examples: the leetspeak fold,
noted facts, per-sender patterns, the thread-position limit, and summaries without identifiers."""

from __future__ import annotations

from typing import Any

import pytest

from redflags.catalogue import load_catalogue
from redflags.catalogue.lexicons import load_lexicon
from redflags.detectors import detector_for
from redflags.detectors.lexicon_matcher import LexiconMatcher, leet_fold

CATALOGUE = load_catalogue()


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("t33n", "teen"),
        ("fr3sh n3w g1rl", "fresh new girl"),
        ("b4rely l3gal", "barely legal"),
        ("3000eur", "3000eur"),  # a price stays a price
        ("24/7", "24/7"),
        ("+4521345678", "+4521345678"),
        ("@nordic_jobs", "@nordic_jobs"),  # a handle's leading @ stays
    ],
)
def test_leet_fold(text: str, folded: str) -> None:
    assert leet_fold(text) == folded


def test_leetspeak_youth_terms_match_with_offsets_in_the_original() -> None:
    text = "Sweet t33n in town"
    hits = LexiconMatcher(load_lexicon("youth_language")).find(text)
    assert [(h.concept, text[h.start : h.end]) for h in hits] == [("youth", "t33n")]


def _ad(body: str, **extra: Any) -> dict[str, list[dict[str, Any]]]:
    record = {"ad_id": "a1", "site": "ads.example", "posted_at": "2026-07-01T09:00:00Z"}
    return {"ads": [{**record, "body": body, **extra}]}


def test_weak_youth_cues_with_a_stated_age_of_19_are_not_urgent(engine_for: Any) -> None:
    """Issue #12: "young" and an adult age of 19 are everyday words of lawful ads (weak)."""
    detector = detector_for(CATALOGUE.get("BEH-YOUTH-LANG"))
    assert detector is not None
    [finding] = detector.evaluate(engine_for(_ad("Young girl, 19 years, call now")))
    assert finding.facts["cue_strength"] == "weak"
    assert finding.facts["urgent_review"] is False


def test_a_stated_age_under_18_asks_for_review_within_24_hours(engine_for: Any) -> None:
    detector = detector_for(CATALOGUE.get("BEH-YOUTH-LANG"))
    assert detector is not None
    [finding] = detector.evaluate(engine_for(_ad("Young girl, 17 years old, call now")))
    assert finding.facts["cue_strength"] == "strong"
    assert finding.facts["urgent_review"] is True
    assert finding.facts["review_within_hours"] == 24


def test_youth_with_a_stated_age_of_30_is_not_urgent(engine_for: Any) -> None:
    detector = detector_for(CATALOGUE.get("BEH-YOUTH-LANG"))
    assert detector is not None
    [finding] = detector.evaluate(engine_for(_ad("Fresh and sweet, 30 years, call now")))
    assert finding.facts["urgent_review"] is False


def test_handle_only_summary_never_repeats_the_handle(engine_for: Any) -> None:
    detector = detector_for(CATALOGUE.get("BEH-MESSENGER-ONLY"))
    assert detector is not None
    records = _ad("Massage, write to me on WhatsApp +4521345678", handle="t.me/anna_dk")
    [finding] = detector.evaluate(engine_for(records))
    assert "anna_dk" not in finding.summary_en and "4521345678" not in finding.summary_en
    assert "anna_dk" not in finding.summary_da


def _messages(texts: list[tuple[str, str]]) -> dict[str, list[dict[str, Any]]]:
    return {
        "messages": [
            {
                "message_id": f"m{i:02d}",
                "thread_id": "t1",
                "sender": "boss",
                "recipient": "worker",
                "sent_at": at,
                "text": text,
            }
            for i, (at, text) in enumerate(texts)
        ]
    }


def test_three_threats_in_a_week_from_one_sender_are_a_repeated_pattern(engine_for: Any) -> None:
    detector = detector_for(CATALOGUE.get("RCS-RULES-THREATS"))
    assert detector is not None
    threat = "If you leave, you pay a fine of 500 EUR."
    days = ["2026-07-01T10:00:00Z", "2026-07-03T10:00:00Z", "2026-07-05T10:00:00Z"]
    findings = list(detector.evaluate(engine_for(_messages([(d, threat) for d in days]))))
    assert len(findings) == 3
    assert all(f.facts["repeated_pattern"] for f in findings)


def test_an_id_request_after_the_tenth_message_is_not_early(engine_for: Any) -> None:
    detector = detector_for(CATALOGUE.get("RCS-REC-EARLY-ID-REQUEST"))
    assert detector is not None
    chat = [(f"2026-07-01T10:{i:02d}:00Z", "Hello, how are you?") for i in range(10)]
    chat.append(("2026-07-01T11:00:00Z", "Send me a photo of your passport."))
    assert list(detector.evaluate(engine_for(_messages(chat)))) == []


def test_an_id_request_as_the_first_message_is_early(engine_for: Any) -> None:
    detector = detector_for(CATALOGUE.get("RCS-REC-EARLY-ID-REQUEST"))
    assert detector is not None
    early = [("2026-07-01T10:00:00Z", "Send me a photo of your passport.")]
    [finding] = detector.evaluate(engine_for(_messages(early)))
    assert finding.facts["thread_position"] == 1
