from __future__ import annotations

import itertools

from redflags.model import Evidence, Finding
from redflags.report.html import highlight_segments
from redflags.report.redact import Redactor


def _finding() -> Finding:
    return Finding(
        indicator_id="BEH-CONTACT-PROXY",
        indicator_version=1,
        subject_kind="phone",
        subject="+4552614783",
        summary_en="x",
        summary_da="x",
        evidence=(
            Evidence(
                kind="ad",
                record_id="a1",
                field="body",
                value="+4552614783",
                value_kind="phone",
                start=5,
                end=16,
            ),
            Evidence(kind="ad", record_id="a1", field="body", value="sector", start=0, end=4),
        ),
        pivots=("phone:+4552614783",),
        facts={"shared": ["email:x@mail.example", "customer:K1"]},
    )


def test_tokens_are_keyed_stable_and_kind_aware() -> None:
    one, other = Redactor(b"key-1"), Redactor(b"key-2")
    assert one.token("phone", "+45") == one.token("phone", "+45")
    assert one.token("phone", "+45") != other.token("phone", "+45")
    assert one.token("phone", "+45").startswith("phone#")
    assert one.token("customer", "K1").startswith("customer#")  # a person's id at the bank
    assert one.token("name", "Andrei  Munteanu") == one.token("name", "ANDREI MUNTEANU")
    assert one.token("persona", "Bella") == one.token("name", "bella")
    assert one.token("account", "1234 1234567890") == one.token("account", "1234-1234567890")
    assert one.token("account", "DK50 0040 0440 1162 43") == one.token(
        "account", "DK5000400440116243"
    )
    assert one.token("case", "C-1") == "C-1"  # our own ids are not personal
    assert Redactor(reveal=True).token("phone", "+45") == "+45"


def test_finding_redaction_covers_subject_pivots_evidence_and_facts() -> None:
    data = Redactor(b"k").finding(_finding())
    text = str(data)
    assert "+4552614783" not in text and "x@mail.example" not in text
    assert "customer:K1" not in text and "customer:customer#" in text
    assert data["evidence"][1]["value"] == "sector"  # a lexicon concept stays readable
    revealed = Redactor(reveal=True).finding(_finding())
    assert revealed["subject"] == "+4552614783"


def test_segments_highlight_and_redact_without_shifting_text() -> None:
    text = "Ring 52 61 47 83 i aften"
    segments = highlight_segments(text, [(0, 4, "sector")], [(5, 16, "phone#abc")])
    assert [(s.text, s.highlight, s.redacted) for s in segments] == [
        ("Ring", "sector", False),
        (" ", None, False),
        ("phone#abc", "identifier", True),
        (" i aften", None, False),
    ]


def test_a_body_dense_with_matches_shows_bounded_windows() -> None:
    # one match every 20 characters over a 1 MB body used to merge into one window of it all
    from redflags.report.html import MAX_WINDOW_CHARS, WINDOWS_PER_TEXT, _windows

    length = 1_000_000
    spans = [(i, i + 5, "youth") for i in range(0, length, 20)]
    windows = _windows(spans, length)
    assert all(0 < b - a <= MAX_WINDOW_CHARS for a, b in windows)
    assert sum(b - a for a, b in windows[:WINDOWS_PER_TEXT]) <= WINDOWS_PER_TEXT * MAX_WINDOW_CHARS
    # every match is still inside some window, and the windows do not overlap
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(windows))
    assert all(any(a <= s and e <= b for a, b in windows) for s, e, _ in spans[:500])
