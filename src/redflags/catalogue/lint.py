"""Checks beyond the schema: every implemented indicator is runnable and carries examples."""

from __future__ import annotations

from collections.abc import Set

from redflags.catalogue.lexicons import lexicon_path, load_lexicon
from redflags.catalogue.loader import Catalogue, CatalogueError
from redflags.catalogue.schema import ExampleExpectation


def lint_catalogue(catalogue: Catalogue, known_kinds: Set[str]) -> list[str]:
    """Problems as `file:line: message` strings (empty when the catalogue is sound)."""
    problems: list[str] = []
    root = catalogue.root
    for indicator in catalogue:
        where = f"{_path(root, indicator.id)}:1"
        if indicator.planned:
            continue
        if indicator.detector.kind not in known_kinds:
            problems.append(
                f"{where}: detector kind {indicator.detector.kind!r} is not "
                f"registered (known: {', '.join(sorted(known_kinds))})"
            )
        examples = catalogue.examples.get(indicator.id, ())
        expectations = {e.expect for e in examples}
        for needed in (ExampleExpectation.FIRE, ExampleExpectation.NO_FIRE):
            if needed not in expectations:
                problems.append(f"{where}: implemented indicator has no '{needed.value}' example")
        lexicon = indicator.param("lexicon")
        if lexicon:
            if not lexicon_path(str(lexicon)).is_file():
                problems.append(f"{where}: lexicon {lexicon!r} not found")
                continue
            try:
                covered = load_lexicon(str(lexicon)).languages()
            except CatalogueError as exc:
                problems.extend(exc.problems)
                continue
            missing = set(indicator.param("languages", [])) - covered - {"any"}
            if missing:
                problems.append(f"{where}: lexicon {lexicon} lacks languages {sorted(missing)}")
    return problems


def _path(root: object, indicator_id: str) -> str:
    prefix = indicator_id.split("-", 1)[0].lower()
    return f"{root}/{prefix}/{indicator_id}.yaml"
