"""Typed detector parameters: every kind has a params model, the loader checks each indicator's
`detector.params` against it with file and line, summaries are rendered from the params, and
the published JSON Schema is current."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pytest
from typer.testing import CliRunner

import redflags.catalogue.loader as loader
from redflags.catalogue import CatalogueError, load_catalogue
from redflags.catalogue.json_schema import render_schema
from redflags.catalogue.loader import default_root
from redflags.catalogue.params import PARAMS_BY_KIND
from redflags.cli import app
from redflags.detectors import DETECTOR_KINDS
from redflags.detectors.base import detector_for
from redflags.detectors.fin_spending import AdSitePaymentsDetector

SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "catalogue.schema.json"
EXAMPLE = default_root() / "beh" / "BEH-CONTACT-PROXY.yaml"


def _catalogue_with(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new)
    folder = tmp_path / "cat"
    folder.mkdir()
    (folder / EXAMPLE.name).write_text(text, encoding="utf-8")
    return folder, text


def _line(text: str, starts: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(starts))


def test_every_detector_kind_declares_its_params_model() -> None:
    assert set(DETECTOR_KINDS) <= set(PARAMS_BY_KIND)
    for kind, cls in DETECTOR_KINDS.items():
        model = PARAMS_BY_KIND[kind]
        assert model.model_config.get("extra") == "forbid", kind
        assert model.model_config.get("frozen") is True, kind
        # the detector reads `self.p` as its own kind's model
        assert typing.get_type_hints(cls)["p"] is model, kind


def test_every_implemented_indicator_builds_its_typed_params() -> None:
    for indicator in load_catalogue():
        detector = detector_for(indicator)
        if detector is not None:
            assert isinstance(detector.p, PARAMS_BY_KIND[indicator.detector.kind])


def test_a_mistyped_key_is_an_error_with_file_and_line(tmp_path: Path) -> None:
    root, text = _catalogue_with(tmp_path, "    min_personas: 3", "    min_persona: 3")
    with pytest.raises(CatalogueError) as error:
        load_catalogue(root)
    where = f"{EXAMPLE.name}:{_line(text, '    min_persona:')}"
    assert f"{where}: detector.params.min_persona: Extra inputs are not permitted" in str(
        error.value
    )
    # ... and the threshold it was meant to set is missing, named at the params line
    missing = f"{EXAMPLE.name}:{_line(text, '  params:')}: detector.params.min_personas: Field"
    assert missing in str(error.value)


def test_a_wrong_type_names_its_key_and_line(tmp_path: Path) -> None:
    root, text = _catalogue_with(tmp_path, "    window_days: 30", "    window_days: a month")
    with pytest.raises(CatalogueError, match=rf":{_line(text, '    window_days:')}: "):
        load_catalogue(root)
    with pytest.raises(CatalogueError, match=r"detector\.params\.window_days: Input should be"):
        load_catalogue(root)


def test_catalogue_lint_shows_params_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, _ = _catalogue_with(tmp_path, "    min_personas: 3", "    min_persona: 3")
    monkeypatch.setattr(loader, "default_root", lambda: root)
    result = CliRunner().invoke(app, ["catalogue", "lint"])
    assert result.exit_code != 0
    assert "detector.params.min_persona" in " ".join(result.output.split())


def test_summaries_are_rendered_from_the_params() -> None:
    indicator = load_catalogue().get("FIN-AD-SITE-PAYMENTS")
    params = {**indicator.detector.params, "window_days": 14}
    changed = indicator.model_copy(
        update={"detector": indicator.detector.model_copy(update={"params": params})}
    )
    facts = {"payments": 5, "spend": 6000.0, "identical": 2}
    en, da = AdSitePaymentsDetector(changed).describe(facts, None)
    assert "within 14 days" in en
    assert "inden for 14 dage" in da
    en, _ = AdSitePaymentsDetector(indicator).describe(facts, None)
    assert "within 30 days" in en


def test_published_schema_is_current() -> None:
    expected = render_schema(i.detector.kind for i in load_catalogue())
    assert SCHEMA.read_text(encoding="utf-8") == expected, (
        "docs/catalogue.schema.json is stale: run "
        "`redflags catalogue schema > docs/catalogue.schema.json`"
    )


def test_schema_discriminates_detector_params_by_kind() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    detector = schema["properties"]["detector"]
    mapping = detector["discriminator"]["mapping"]
    assert detector["discriminator"]["propertyName"] == "kind"
    assert set(PARAMS_BY_KIND) <= set(mapping)
    variant = schema["$defs"][mapping["ad_site_payments"].rsplit("/", 1)[1]]
    params = schema["$defs"][variant["properties"]["params"]["$ref"].rsplit("/", 1)[1]]
    assert params["additionalProperties"] is False
    assert "window_days" in params["required"]
