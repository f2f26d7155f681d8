"""One generic test for every example of every indicator: a new indicator needs no new test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from redflags.catalogue import load_catalogue
from redflags.catalogue.schema import Example, ExampleExpectation
from redflags.detectors import FindingsReader, detector_for
from redflags.pipeline import evaluate

CATALOGUE = load_catalogue()
# Example records refer to image files by refs relative to tests/data (images/a1.jpg ...).
OPTIONS = {"image_roots": [Path(__file__).parent / "data"]}
EXAMPLES = [
    pytest.param(indicator_id, example, id=f"{indicator_id}:{index}:{example.expect.value}")
    for indicator_id, examples in sorted(CATALOGUE.examples.items())
    for index, example in enumerate(examples)
]


@pytest.mark.parametrize(("indicator_id", "example"), EXAMPLES)
def test_example(indicator_id: str, example: Example, engine_for: Any) -> None:
    detector = detector_for(CATALOGUE.get(indicator_id), OPTIONS)
    assert detector is not None, f"{indicator_id} has examples but no detector"
    engine = engine_for(example.records)
    if isinstance(detector, FindingsReader):
        # a rule on top of others: the example's data goes through every indicator first, as
        # in a scan, and only this indicator's findings are judged
        everything, _ = evaluate(CATALOGUE, engine, OPTIONS)
        findings = [f for f in everything if f.indicator_id == indicator_id]
    else:
        findings = list(detector.evaluate(engine))
    assert all(f.indicator_id == indicator_id for f in findings)
    matching = [f for f in findings if example.subject in (None, f.subject)]
    if example.expect is ExampleExpectation.FIRE:
        assert matching, f"expected {indicator_id} to fire: {example.name}"
        for finding in matching:
            assert finding.evidence, "a finding must carry evidence"
    elif example.expect is ExampleExpectation.NO_FIRE:
        assert not findings, f"{indicator_id} fired but must not: {example.name}: {findings}"
    else:  # known gap: pinned so that fixing it forces the example to move to 'fire'
        assert not matching, f"known gap now fires; mark it 'fire': {example.name}"


def test_every_implemented_indicator_has_examples_both_ways() -> None:
    for indicator in CATALOGUE:
        if indicator.planned:
            continue
        expectations = {e.expect for e in CATALOGUE.examples.get(indicator.id, ())}
        assert ExampleExpectation.FIRE in expectations, indicator.id
        assert ExampleExpectation.NO_FIRE in expectations, indicator.id
