"""The service's settings: a TOML file (`redflags serve --config service.toml`) and environment
variables `REDFLAGS_SERVICE_<NAME>` (which win), else the defaults below. Unknown keys are refused,
so a typo never starts a service with defaults it did not mean (docs/service.md lists them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import phonenumbers
from pydantic import Field, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

# How long uvicorn's supervisor waits for a worker process's answer to its health ping before
# killing it. Its default, 5 s, kills a worker that is redacting a large case for the first
# time (seconds of CPU, in long C calls that keep the ping's thread from the GIL) on a loaded
# machine, and every request that worker holds fails with it.
WORKER_HEALTHCHECK_SECONDS = 60


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="REDFLAGS_SERVICE_", extra="forbid")

    state_dir: Path = Path("redflags-service")  # cases database, record store, key, uploads, runs
    database_url: str | None = None  # default: SQLite (WAL) at <state_dir>/cases.sqlite
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    data_root: Path | None = None  # server-side scans may read files under this folder only
    session_hours: float = Field(default=8.0, gt=0)  # a browser session's lifetime
    token_days: int = Field(default=90, ge=1, le=730)  # an API token's default lifetime
    login_max_failures: int = Field(default=5, ge=1)  # failures in a row that lock an account
    lockout_minutes: float = Field(default=15.0, gt=0)
    login_attempts_per_minute: int = Field(default=10, ge=1)  # per client address
    cookie_secure: bool = False  # True behind TLS (docs/service.md); False serves 127.0.0.1
    max_upload_mb: int = Field(default=200, ge=1)
    region: str = "DK"  # phones written without a country code: scan jobs' default, /score
    # the largest cases redacted in the background at start, so their first view is quick
    warm_cases: int = Field(default=8, ge=0)
    redaction_key_file: Path | None = None  # default: <state_dir>/redaction.key (0600)
    config_file: Path | None = None  # where these came from, for messages

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str | None) -> str | None:
        if value and not value.startswith(("sqlite", "postgresql")):
            raise ValueError("database_url must be sqlite:///PATH or postgresql+psycopg://...")
        return value

    @field_validator("region")
    @classmethod
    def _phone_region(cls, value: str) -> str:
        if value.upper() not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError("region must be a phone region (ISO 3166 alpha-2, e.g. DK, SE)")
        return value.upper()

    @property
    def database(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.state_dir / 'cases.sqlite').resolve()}"

    @property
    def key_file(self) -> Path:
        return self.redaction_key_file or self.state_dir / "redaction.key"

    @property
    def records_db(self) -> Path:
        return self.state_dir / "records.duckdb"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # flags, then the environment, then the file (model_config's toml_file, if any)
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))


def load_service_settings(config: Path | None = None, **overrides: Any) -> ServiceSettings:
    """Settings from `config` (TOML), the environment and `overrides` (flags; highest)."""
    if config is not None and not config.is_file():
        raise ValueError(f"{config}: no such settings file")
    given = {k: v for k, v in overrides.items() if v is not None}
    if config is None:
        return ServiceSettings(**given)
    from_file = type(
        "FileServiceSettings",
        (ServiceSettings,),
        {
            "model_config": SettingsConfigDict(
                **{**ServiceSettings.model_config, "toml_file": config}
            )
        },
    )
    settings: ServiceSettings = from_file(**given, config_file=config)
    return settings
