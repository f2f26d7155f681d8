"""Redacting a case's JSON never breaks its timestamps or the project's own ids: the free-text
phone reader would read digits in a hex id or a time (seen in the service's case JSON)."""

from __future__ import annotations

from redflags.report.redact import Redactor


def test_walk_redacts_free_text_but_keeps_times_and_ids() -> None:
    redactor = Redactor(key=b"k" * 40)
    data = {
        "timeline": [
            {
                "start": "2026-06-13T06:57:40.123+00:00",
                "end": "2026-06-13",
                "summary_en": "ring 20123456",
            }
        ],
        "categories": [{"finding_ids": ["7ba81627355f51db"]}],
        "case_id": "C-2eeba67205",
    }
    walked = redactor.walk(data)
    assert walked["timeline"][0]["start"] == "2026-06-13T06:57:40.123+00:00"
    assert walked["timeline"][0]["end"] == "2026-06-13"
    assert walked["categories"][0]["finding_ids"] == ["7ba81627355f51db"]
    assert walked["case_id"] == "C-2eeba67205"
    assert "20123456" not in walked["timeline"][0]["summary_en"]
    assert "phone#" in walked["timeline"][0]["summary_en"]
