"""docs/indicators.md is generated from the YAML; this fails when the two drift apart."""

from __future__ import annotations

from pathlib import Path

from redflags.catalogue import load_catalogue
from redflags.catalogue.reference import render_reference

DOC = Path(__file__).resolve().parents[1] / "docs" / "indicators.md"


def test_reference_matches_catalogue() -> None:
    expected = render_reference(load_catalogue())
    assert DOC.read_text(encoding="utf-8") == expected, (
        "docs/indicators.md is stale: run `redflags catalogue reference --out docs/indicators.md`"
    )


def test_reference_mentions_every_indicator() -> None:
    text = DOC.read_text(encoding="utf-8")
    for indicator in load_catalogue():
        assert f"### {indicator.id}" in text
