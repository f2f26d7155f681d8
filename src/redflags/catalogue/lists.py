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


class MerchantGroup(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    en: str = Field(min_length=1)
    da: str = Field(min_length=1)
    categories: tuple[str, ...] = ()
    mcc: tuple[str, ...] = ()


class MerchantCategories(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    groups: dict[str, MerchantGroup]

    def pairs(self) -> list[tuple[str, str]]:
        """(category or code in lower case, group) for every membership, sorted."""
        return sorted(
            {
                (str(value).lower(), group)
                for group, spec in self.groups.items()
                for value in (*spec.categories, *spec.mcc)
            }
        )


def load_merchant_categories(path: Path | None = None) -> MerchantCategories:
    problems: list[str] = []
    parsed = parse_file(
        path or default_list_path("merchant_categories"), MerchantCategories, problems
    )
    if parsed is None:
        raise CatalogueError(problems)
    return parsed
