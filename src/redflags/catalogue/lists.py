"""Named lists that indicators refer to (allow-lists, merchant categories), shipped as data."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from redflags.catalogue.loader import CatalogueError, parse_file


class AllowListEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    address: str = Field(min_length=1)
    kind: str = Field(min_length=1)  # shelter, dormitory, care_home, asylum_centre ...
    note: str | None = None


class AllowList(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    entries: tuple[AllowListEntry, ...] = ()


def default_list_path(name: str) -> Path:
    return Path(str(resources.files("redflags.catalogue") / "lists" / f"{name}.yaml"))


def load_allow_list(path: Path) -> AllowList:
    problems: list[str] = []
    parsed = parse_file(path, AllowList, problems)
    if parsed is None:
        raise CatalogueError(problems)
    return parsed
