"""The case store from the command line: `redflags scan … --publish` and
`redflags cases export-baseline | import-baseline` (YAML verdicts for command-line users)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from redflags.service.commands import (
    Config,
    DatabaseUrl,
    StateDir,
    _database,
    _fail,
    _operator,
    _settings,
    console,
)

if TYPE_CHECKING:
    from redflags.service.db import Database

ServiceConfig = Annotated[
    Path | None,
    typer.Option(
        "--service-config",
        help="The service's settings file (TOML): its case store and key (default: the "
        "embedded store in ./redflags-service).",
    ),
]

cases_app = typer.Typer(help="The service's case store.", no_args_is_help=True)


@dataclass
class Publisher:
    """An open case store that a command-line scan publishes into."""

    db: Database
    key: bytes
    where: str

    def publish(self, result: Any) -> str:
        """Publish a ScanResult; the line to print."""
        from redflags.service.audit import Actor
        from redflags.service.publish import publish_scan

        published = publish_scan(self.db, self.key, result, Actor(_operator()))
        return f"published into {self.where}: {published.summary()}"

    def close(self) -> None:
        self.db.dispose()


def open_publisher(service_config: Path | None, database: str | None) -> Publisher:
    """The case store of the service's settings (or `database`), migrated and with its key:
    opened before a scan, so a wrong URL is said before the scan's minutes, not after."""
    from sqlalchemy.exc import SQLAlchemyError

    from redflags.service.db.engine import shown_url
    from redflags.service.keys import KeyFileError, load_or_create_key

    settings = _settings(service_config, database, None)
    try:
        db = _database(settings)
    except SQLAlchemyError as exc:  # the driver's own errors: say where, not a traceback
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        _fail(f"cannot open the case store {shown_url(settings.database)}: {first}")
    try:
        key = load_or_create_key(settings.key_file)
    except (KeyFileError, OSError) as exc:
        db.dispose()
        _fail(str(exc))
    return Publisher(db, key, shown_url(settings.database))


def _cli_pivot_token() -> Any:
    """Pivots keyed as a command-line scan keys them in its baseline (its redaction key)."""
    from redflags.report import Redactor
    from redflags.report.redact import RedactionKeyError

    try:
        return Redactor().pivot
    except RedactionKeyError as exc:
        _fail(str(exc))


@cases_app.command("export-baseline")
def export_baseline(
    out: Annotated[Path, typer.Option("--out", help="The baseline file to write (YAML).")],
    config: Config = None,
    database: DatabaseUrl = None,
    state_dir: StateDir = None,
) -> None:
    """Write the store's cases and verdicts as a verdict baseline (`scan --baseline FILE`)."""
    from redflags.cases.baseline import write_baseline
    from redflags.service.audit import Actor, record
    from redflags.service.baselines import export_baseline as exported

    token = _cli_pivot_token()
    db = _database(_settings(config, database, state_dir))
    try:
        with db.write() as session:
            data = exported(session, token)
            verdicts = sum(1 for entry in data["cases"].values() if entry.get("verdict"))
            record(
                session,
                Actor(_operator()),
                "cases.export_baseline",
                details={"cases": len(data["cases"]), "verdicts": verdicts, "file": str(out)},
            )
            write_baseline(out, data)  # inside the transaction: no audit row for a failed write
    finally:
        db.dispose()
    console.print(f"{len(data['cases'])} case(s), {verdicts} verdict(s) written to {out}")


@cases_app.command("import-baseline")
def import_baseline(
    baseline: Annotated[Path, typer.Argument(help="A verdict baseline (YAML).")],
    config: Config = None,
    database: DatabaseUrl = None,
    state_dir: StateDir = None,
) -> None:
    """Apply a baseline's verdicts to the stored cases the team has not decided yet."""
    from redflags.cases.baseline import Baseline, BaselineError
    from redflags.service.audit import Actor
    from redflags.service.baselines import import_verdicts

    if not baseline.is_file():
        _fail(f"{baseline}: no such baseline file")
    try:
        loaded = Baseline.load(baseline)
    except BaselineError as exc:
        _fail(str(exc))
    token = _cli_pivot_token()
    db = _database(_settings(config, database, state_dir))
    try:
        with db.write() as session:
            done = import_verdicts(session, loaded, token, Actor(_operator()))
    finally:
        db.dispose()
    console.print(
        f"{len(done.applied)} verdict(s) applied; {len(done.kept)} case(s) already decided in "
        f"the store kept their status; {done.unmatched} verdict(s) of cases the store does not "
        f"have; {done.suppressions} suppression(s) not imported (the store has none)"
    )


__all__ = ["Publisher", "ServiceConfig", "cases_app", "open_publisher"]
