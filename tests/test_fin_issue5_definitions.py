"""The issue #5 FIN definitions (travel, stays, fan-in, wages, fee deductions, buyer profile)
render for Spark with every placeholder filled, and the memo-cue lexicon reads the cue notes."""

from __future__ import annotations

import re

import pytest

from redflags.catalogue import load_catalogue
from redflags.catalogue.lexicons import load_lexicon
from redflags.detectors import detector_for
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.features import DEFAULT_SETTINGS
from redflags.detectors.lexicon_matcher import LexiconMatcher
from redflags.engines.dialect import render

IDS = [
    "FIN-HOTEL-SHORT-STAYS",
    "FIN-TRAVEL-FOR-OTHERS",
    "FIN-FAN-IN-FROM-WORKERS",
    "FIN-WAGES-POOLED",
    "FIN-RECRUIT-FEES-DEDUCTIONS",
    "FIN-BUYER-PAYS-THIRD-PARTY",
]


@pytest.mark.parametrize("indicator_id", IDS)
def test_definition_renders_for_spark_with_every_parameter(indicator_id: str) -> None:
    detector = detector_for(load_catalogue().get(indicator_id))
    assert isinstance(detector, AggregateDetector)
    params = detector.sql_params(DEFAULT_SETTINGS)
    assert set(re.findall(r"\$(\w+)", detector.definition)) <= set(params)
    spark = render(detector.definition, params, "spark")
    assert "$" not in spark and "list_contains" not in spark


def test_memo_cue_lexicon_reads_the_cues_and_not_ordinary_notes() -> None:
    matcher = LexiconMatcher(load_lexicon("payment_memo_cues"))
    for memo in ("massage", "🌹", "❤️", "tak for massagen 💋"):
        assert matcher.find(memo), memo
    for memo in ("Pizza", "Tak 🙏", "🍻", "husleje maj", "Løn"):
        assert not matcher.find(memo), memo
