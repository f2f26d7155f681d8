"""Run settings: a deployment's region, currency, time zone and memory cap in one file.

A bank in Denmark, a platform's trust & safety team in the US and a police unit in Thailand run
the same commands with different settings. Rather than repeat `--region US --currency USD ...`
on every command, they are written once in `redflags.toml` (read from the working folder) or a
file named with `--settings FILE`:

    region = "US"              # phones written without a country code (ISO 3166 alpha-2)
    currency = "USD"           # the home currency of transaction amounts
    timezone = "America/New_York"
    memory_limit = "3GB"       # DuckDB's cap

Precedence, highest first: a command-line flag; the settings file (`--settings FILE`, else
`./redflags.toml` if it exists); the built-in default (DK, DKK, Europe/Copenhagen, no cap).
Unknown keys and values of the wrong type are refused in one line, so a typo never silently
runs a scan with Danish defaults. The file is read with the standard library (`tomllib`).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers

__all__ = [
    "DEFAULT_FILE",
    "RunSettings",
    "SettingsError",
    "check_region",
    "check_timezone",
    "load_settings",
]

DEFAULT_FILE = "redflags.toml"
MAX_BYTES = 64 * 1024  # a settings file is a few lines; anything larger is not one


class SettingsError(Exception):
    """A settings file or value that cannot be used, said in one line."""


@dataclass(frozen=True)
class RunSettings:
    region: str | None = None
    currency: str | None = None
    timezone: str | None = None
    memory_limit: str | None = None
    source: Path | None = None  # the file these came from (None: flags and defaults only)

    def overridden(self, **flags: str | None) -> RunSettings:
        """These settings with every flag that was given (not None) put over them."""
        given = {key: value for key, value in flags.items() if value is not None}
        unknown = set(given) - _KEYS
        if unknown:
            raise SettingsError(f"unknown setting(s) {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {key: getattr(self, key) for key in _KEYS} | given
        if values["region"]:
            values["region"] = check_region(values["region"])
        return RunSettings(**values, source=self.source)


_KEYS = frozenset(f.name for f in fields(RunSettings)) - {"source"}


def check_region(value: str) -> str:
    """The region upper-cased, if phonenumbers knows it (ISO 3166 alpha-2)."""
    region = value.strip().upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise SettingsError(
            f"region {value!r} is not a phone region: use an ISO 3166 alpha-2 code such as "
            "DK, SE, US or TH"
        )
    return region


def check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(
            f"timezone {value!r} is not a known time zone (e.g. Europe/Copenhagen)"
        ) from None
    return value


def _values(data: dict[str, Any], where: str) -> dict[str, str]:
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise SettingsError(
            f"{where}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(_KEYS))}"
        )
    for key, value in data.items():
        if not isinstance(value, str) or not value.strip():
            raise SettingsError(f'{where}: {key} must be a non-empty string, e.g. {key} = "..."')
    return dict(data)


def load_settings(path: Path | None = None, folder: Path | None = None) -> RunSettings:
    """The settings in `path`, else in `redflags.toml` in `folder` (the working folder) when
    there is one, else none. Region and time zone are checked here."""
    if path is None:
        candidate = (folder or Path.cwd()) / DEFAULT_FILE
        if not candidate.is_file():
            return RunSettings()
        path = candidate
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read the settings file ({exc.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise SettingsError(f"{path}: larger than {MAX_BYTES // 1024} KiB; not a settings file")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc})") from None
    values = _values(data, str(path))
    try:
        if "region" in values:
            values["region"] = check_region(values["region"])
        if "timezone" in values:
            check_timezone(values["timezone"])
    except SettingsError as exc:
        raise SettingsError(f"{path}: {exc}") from None
    return RunSettings(**values, source=path)
