"""The catalogue loader is strict and names file and line; the shipped catalogue is complete."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from redflags.catalogue import CatalogueError, Category, load_catalogue
from redflags.catalogue.lint import lint_catalogue
from redflags.catalogue.loader import default_root
from redflags.detectors import DETECTOR_KINDS

SHARED_REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "domain" / "indicators.md"
EXAMPLE = default_root() / "beh" / "BEH-CONTACT-PROXY.yaml"


def test_shipped_catalogue_has_84_indicators_in_four_categories() -> None:
    catalogue = load_catalogue()
    assert len(catalogue) == 84
    assert set(Counter(i.category for i in catalogue)) == set(Category)
    assert lint_catalogue(catalogue, set(DETECTOR_KINDS)) == []


@pytest.mark.skipif(not SHARED_REFERENCE.exists(), reason="shared/ reference not beside checkout")
def test_every_reference_indicator_is_catalogued() -> None:
    ids = set(re.findall(r"^\| ([A-Z]+-[A-Z0-9-]+) ", SHARED_REFERENCE.read_text(), re.M))
    assert ids == set(load_catalogue().indicators)


def test_implemented_indicators_are_not_planned_and_the_rest_are() -> None:
    catalogue = load_catalogue()
    for indicator in catalogue:
        has_detector = indicator.detector.kind in DETECTOR_KINDS
        assert indicator.planned != has_detector, indicator.id


def _copy(tmp_path: Path, text: str, name: str = "BEH-CONTACT-PROXY.yaml") -> Path:
    folder = tmp_path / "cat"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_unknown_key_is_refused_with_file_and_line(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("weight: 3", "weight: 3\nsevrity: high")
    root = _copy(tmp_path, text)
    with pytest.raises(CatalogueError) as error:
        load_catalogue(root)
    line = text.splitlines().index("sevrity: high") + 1
    assert f"BEH-CONTACT-PROXY.yaml:{line}: sevrity" in str(error.value)


def test_duplicate_key_is_refused(tmp_path: Path) -> None:
    original = EXAMPLE.read_text(encoding="utf-8")
    text = re.sub(r"^version: (\d+)$", r"version: \1\nversion: 99", original, count=1, flags=re.M)
    with pytest.raises(CatalogueError, match=r"BEH-CONTACT-PROXY.yaml:3: duplicate key"):
        load_catalogue(_copy(tmp_path, text))


def test_duplicate_id_is_refused(tmp_path: Path) -> None:
    root = _copy(tmp_path, EXAMPLE.read_text(encoding="utf-8"))
    sub = root / "again"
    sub.mkdir()
    shutil.copy(EXAMPLE, sub / "BEH-CONTACT-PROXY.yaml")
    with pytest.raises(CatalogueError, match="duplicate id BEH-CONTACT-PROXY"):
        load_catalogue(root)


def test_bad_values_name_their_line(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "category: behavioural", "category: financial"
    )
    with pytest.raises(CatalogueError, match="does not match category"):
        load_catalogue(_copy(tmp_path, text))
    text = EXAMPLE.read_text(encoding="utf-8").replace("weight: 3", "weight: many")
    line = text.splitlines().index("weight: many") + 1
    with pytest.raises(CatalogueError, match=rf":{line}: weight"):
        load_catalogue(_copy(tmp_path, text))


def test_invalid_yaml_names_its_line(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match=r"BEH-CONTACT-PROXY.yaml:2: invalid YAML"):
        load_catalogue(_copy(tmp_path, "id: X\n  bad: [indent\n"))


def test_lint_reports_unregistered_kind_and_missing_examples(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("kind: contact_proxy", "kind: telepathy")
    catalogue = load_catalogue(_copy(tmp_path, text))
    problems = lint_catalogue(catalogue, set(DETECTOR_KINDS))
    assert any("telepathy" in p for p in problems)
    assert any("no 'fire' example" in p for p in problems)


@pytest.mark.parametrize("kind", sorted(DETECTOR_KINDS))
def test_every_registered_detector_kind_conforms(kind: str) -> None:
    """Kinds are discovered (every module of redflags.detectors is imported), so this is the
    check that a new one is complete: described, says what it reads, evaluates, and is used by
    at least one indicator of the catalogue."""
    from redflags.model import RecordKind

    cls = DETECTOR_KINDS[kind]
    assert cls.kind == kind and cls.description.strip()
    known = {k.value for k in RecordKind} | {"finding"}
    assert cls.record_kinds and set(cls.record_kinds) <= known, cls.record_kinds
    assert not getattr(cls, "__abstractmethods__", None)
    users = [i.id for i in load_catalogue() if i.detector.kind == kind]
    assert users, f"no indicator uses detector kind {kind}"
