"""The FIU's report indicator codes for CMM's indicators: a YAML file the institution completes
from its FIU's code list (a template with every indicator of the catalogue ships as package
data; `redflags file indicator-map --out FILE` writes it). A code still `REPLACE-ME` makes a
report invalid; an indicator the file does not name is reported as unmapped."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import yaml

from redflags.catalogue import Catalogue

PLACEHOLDER = "REPLACE-ME"
TEMPLATE = "goaml_indicators.template.yaml"
MAX_CODE_CHARS = 25


@dataclass(frozen=True)
class IndicatorMap:
    source: str  # the file, for messages
    always: tuple[str, ...]  # codes on every report
    codes: dict[str, tuple[str, ...]]  # CMM indicator id -> FIU codes ([] : none on purpose)

    def for_indicators(self, indicator_ids: list[str]) -> tuple[list[str], list[str], list[str]]:
        """(the report's codes in order, indicators the file does not name, problems)."""
        out = list(self.always)
        unmapped, problems = [], []
        for indicator_id in indicator_ids:
            if indicator_id not in self.codes:
                unmapped.append(indicator_id)
                continue
            for code in self.codes[indicator_id]:
                if code == PLACEHOLDER:
                    problems.append(
                        f"indicator map {self.source}: {indicator_id} still has the placeholder "
                        f"code {PLACEHOLDER}; put your FIU's code (or [] for none)"
                    )
                elif code not in out:
                    out.append(code)
        return out, unmapped, problems


def _codes(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise ValueError(f'{where}: a list of codes, such as ["1234"]')
    codes = tuple(str(v).strip() for v in value)
    for code in codes:
        if not code or len(code) > MAX_CODE_CHARS:
            raise ValueError(f"{where}: a code must have 1 to {MAX_CODE_CHARS} characters")
    return codes


def load_indicator_map(path: Path) -> IndicatorMap:
    if not path.is_file():
        raise ValueError(f"{path}: no such indicator map (redflags file indicator-map writes one)")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict) or set(data) - {"fiu", "always", "indicators"}:
        raise ValueError(f"{path}: the keys are fiu, always and indicators")
    indicators = data.get("indicators") or {}
    if not isinstance(indicators, dict):
        raise ValueError(f"{path}: indicators: a mapping of indicator id to codes")
    return IndicatorMap(
        str(path),
        _codes(data.get("always"), f"{path}: always"),
        {str(k): _codes(v, f"{path}: {k}") for k, v in indicators.items()},
    )


def indicator_template(catalogue: Catalogue) -> str:
    """The template: every indicator of the catalogue with the placeholder code."""
    lines = [
        "# The goAML report indicators (your FIU's code list) of CMM's red-flag indicators.",
        "# Replace every REPLACE-ME with your FIU's code(s); [] means no code for that one.",
        "# `always` holds codes every report from redflags carries (e.g. human trafficking).",
        'fiu: ""',
        "always: []",
        "indicators:",
    ]
    for indicator in catalogue:
        lines.append(f"  {indicator.id}: [{PLACEHOLDER}]  # {indicator.title.get('en')}")
    return "\n".join(lines) + "\n"


def shipped_template() -> str:
    return files("redflags.filing").joinpath("data", TEMPLATE).read_text(encoding="utf-8")
