"""Named lists that indicators refer to (allow-lists, merchant categories, trade codes, the
vulnerability vocabulary), shipped as data."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field

from redflags.catalogue.loader import parse_file_once


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _Labelled(_Frozen):
    """A group shown to analysts in English and Danish."""

    en: str = Field(min_length=1)
    da: str = Field(min_length=1)


L = TypeVar("L", bound=BaseModel)


def _load(path: Path, model: type[L]) -> L:
    return parse_file_once(path, model)


class AllowListEntry(_Frozen):
    address: str = Field(min_length=1)
    kind: str = Field(min_length=1)  # shelter, dormitory, care_home, asylum_centre ...
    note: str | None = None


class AllowList(_Frozen):
    name: str
    entries: tuple[AllowListEntry, ...] = ()


def default_list_path(name: str) -> Path:
    return Path(str(resources.files("redflags.catalogue") / "lists" / f"{name}.yaml"))


def load_allow_list(path: Path) -> AllowList:
    return _load(path, AllowList)


class MerchantGroup(_Labelled):
    categories: tuple[str, ...] = ()
    mcc: tuple[str, ...] = ()


class MerchantCategories(_Frozen):
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
    return _load(path or default_list_path("merchant_categories"), MerchantCategories)


# -- trade codes of the company register ----------------------------------------------------------


class TradeGroup(_Labelled):
    codes: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()


class Trade(_Frozen):
    code: str = Field(min_length=1)
    label: str = Field(min_length=1)


class TradeCodes(_Frozen):
    name: str
    groups: dict[str, TradeGroup]
    trades: dict[str, Trade]  # a business type's label -> its code and text

    def members(self, group: str) -> tuple[str, ...]:
        """The codes and labels of `group`, in lower case, as the detectors compare them."""
        spec = self.groups[group]
        return tuple(sorted({str(v).strip().lower() for v in (*spec.codes, *spec.labels)}))


def load_trade_codes(path: Path | None = None) -> TradeCodes:
    return _load(path or default_list_path("trade_codes"), TradeCodes)


# -- the vulnerability context (KYC-VULNERABILITY-CONTEXT) ---------------------------------------


class NoFixedAddress(_Labelled):
    markers: tuple[str, ...] = ()  # parts of an address that say there is no fixed one
    kinds: tuple[str, ...] = ()  # allow-list kinds of residence that are no fixed address


class RiskTrade(_Labelled):
    """A trade the vulnerability context counts (occupations as the KYC records write them)."""

    occupations: tuple[str, ...] = ()


class VulnerabilityContext(_Frozen):
    """KYC-VULNERABILITY-CONTEXT's vocabulary: no fixed address, high-risk trades."""

    name: str
    no_fixed_address: NoFixedAddress
    trades: dict[str, RiskTrade]

    def trade_of(self, occupation: str | None) -> str | None:
        """The high-risk trade group an occupation belongs to, if any."""
        wanted = (occupation or "").strip().lower()
        return next(
            (
                group
                for group, spec in self.trades.items()
                if wanted and wanted in {o.lower() for o in spec.occupations}
            ),
            None,
        )


def load_vulnerability_context(path: Path | None = None) -> VulnerabilityContext:
    return _load(path or default_list_path("vulnerability_context"), VulnerabilityContext)
