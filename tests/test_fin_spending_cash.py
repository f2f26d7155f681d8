"""The issue #5 spending and cash definitions (ad sites, top-ups, crypto, taxis, luxury and
gambling, sustenance, after hours, thresholds, multi-town deposits) render for Spark with every
placeholder filled, and keep to what both engines share."""

from __future__ import annotations

import re

import pytest

from redflags.catalogue import load_catalogue
from redflags.detectors import detector_for
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.features import DEFAULT_SETTINGS
from redflags.engines.dialect import render

IDS = [
    "FIN-AD-SITE-PAYMENTS",
    "FIN-PREPAID-TOPUPS",
    "FIN-CRYPTO-OPAQUE",
    "FIN-RIDESHARE-VOLUME",
    "FIN-LUXURY-GAMBLING",
    "FIN-SUSTENANCE-MULTI",
    "FIN-AFTER-HOURS",
    "FIN-THRESHOLD-AVOID",
    "FIN-MULTI-ATM-DEPOSITS",
]
CATALOGUE = load_catalogue()


def _sql(detector: AggregateDetector) -> str:
    build = getattr(detector, "definition_sql", None)
    return build() if build is not None else detector.definition


@pytest.mark.parametrize("indicator_id", IDS)
def test_definition_renders_for_spark(indicator_id: str) -> None:
    detector = detector_for(CATALOGUE.get(indicator_id))
    assert isinstance(detector, AggregateDetector)
    spark = render(_sql(detector), detector.sql_params(DEFAULT_SETTINGS), "spark")
    assert "$" not in spark and "{" not in spark, "every placeholder is filled"
    assert not re.search(r"\bLIST_(HAS|INTERSECT)|&&", spark), "no DuckDB-only list operators"
    assert " OVER (" not in spark, "range joins and GROUP BY only: no window functions"


def test_thresholds_and_wage_memos_come_from_the_catalogue() -> None:
    detector = detector_for(CATALOGUE.get("FIN-THRESHOLD-AVOID"))
    assert isinstance(detector, AggregateDetector)
    sql = _sql(detector)
    assert "(100000.0)" in sql and "(15000.0)" in sql and "LIKE 'løn%'" in sql
