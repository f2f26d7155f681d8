"""The reporting institution's settings for goAML (a TOML file, `--institution FILE`): who
reports (rentity id and branch, the reporting person or user code), the local currency, and the
FIU's lookup codes for transmodes, funds and the like. Unknown keys are refused, so a typo never
files a report with a default it did not mean. docs/exports.md shows a complete file."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

# Placeholder lookup codes: every FIU publishes its own lists; replace these with yours.
DEFAULT_TRANSMODES = {"transfer": "A", "p2p": "P", "card": "C", "atm": "W", "cash": "K"}
DEFAULT_FUNDS = {"transfer": "A", "p2p": "A", "card": "C", "atm": "K", "cash": "K"}


class SettingsError(ValueError):
    """The institution settings file cannot be used; the message says why, in one line."""


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ReportingPerson(_Strict):
    first_name: str = Field(min_length=1, max_length=100)
    last_name: str = Field(min_length=1, max_length=100)
    title: str | None = Field(default=None, max_length=30)
    email: str | None = Field(default=None, max_length=255)
    occupation: str | None = Field(default=None, max_length=255)


class Codes(_Strict):
    """The FIU's lookup codes this writer uses (defaults are placeholders)."""

    transmode: dict[str, str] = Field(default_factory=lambda: dict(DEFAULT_TRANSMODES))
    funds: dict[str, str] = Field(default_factory=lambda: dict(DEFAULT_FUNDS))
    account_person_role: str = "A"  # the account holder in account_related_person/role
    address_type: str = "P"  # private address
    phone_contact_type: str = "P"  # private
    phone_communication_type: str = "M"  # mobile
    # when given (the FIU's whole list), a code outside it makes the report invalid
    allowed_transmodes: list[str] = Field(default_factory=list)
    allowed_funds: list[str] = Field(default_factory=list)


class InstitutionSettings(_Strict):
    rentity_id: int = Field(ge=1)  # the institution's id at the FIU
    rentity_branch: str | None = Field(default=None, max_length=255)
    name: str = Field(min_length=1, max_length=255)  # institution_name on its own accounts
    institution_code: str | None = Field(default=None, max_length=50)
    swift: str | None = Field(default=None, max_length=11)
    country: str = Field(default="DK", pattern=r"^[A-Z]{2}$")
    currency: str = Field(default="DKK", pattern=r"^[A-Z]{3}$")
    timezone: str = "Europe/Copenhagen"  # transaction times are written in local time
    submission_code: str = Field(default="E", pattern=r"^[EM]$")  # electronic / manual
    reporting_user_code: str | None = Field(default=None, max_length=100)
    reporting_person: ReportingPerson | None = None
    action: str = Field(
        default="Kontoforholdet er under skærpet overvågning; sagen er henvist til politiet.",
        max_length=4000,
    )
    counterparty_institution: str = Field(default="Ukendt pengeinstitut", max_length=255)
    codes: Codes = Field(default_factory=Codes)
    exchange_rates: dict[str, float] = Field(default_factory=dict)  # currency -> local per unit
    indicator_map: Path | None = None  # the FIU codes of CMM's indicators (YAML)
    xsd: Path | None = None  # the FIU's goAML XSD, to validate against
    source: Path | None = None  # the file these came from

    @field_validator("exchange_rates")
    @classmethod
    def _positive(cls, rates: dict[str, float]) -> dict[str, float]:
        for currency, rate in rates.items():
            if not rate > 0:
                raise ValueError(f"{currency}: an exchange rate must be above 0")
        return rates

    def with_paths_from(self, folder: Path) -> InstitutionSettings:
        """Relative file paths read from beside the settings file."""
        update = {
            name: folder / path
            for name in ("indicator_map", "xsd")
            if (path := getattr(self, name)) is not None and not path.is_absolute()
        }
        return self.model_copy(update=update)


def load_institution(path: Path) -> InstitutionSettings:
    if not path.is_file():
        raise SettingsError(f"{path}: no such institution settings file")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        settings = InstitutionSettings.model_validate({**data, "source": path})
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not TOML ({exc})") from None
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise SettingsError(f"{path}: {problems}") from None
    if settings.reporting_person is None and not settings.reporting_user_code:
        raise SettingsError(f"{path}: give reporting_user_code or a [reporting_person]")
    return settings.with_paths_from(path.parent)
