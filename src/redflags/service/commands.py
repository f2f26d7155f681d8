"""The service's commands: `redflags serve`, `redflags users …`, `redflags audit verify`,
`redflags service rotate-key`. FastAPI and SQLAlchemy are imported only when one runs, so the
scanner's commands start as fast as before."""

from __future__ import annotations

import json
import os
import secrets
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from redflags.service.db import Database
    from redflags.service.settings import ServiceSettings

console = Console(highlight=False, soft_wrap=True)
errors = Console(stderr=True, highlight=False, soft_wrap=True)

Config = Annotated[
    Path | None,
    typer.Option("--config", help="The service's settings file (TOML; docs/service.md)."),
]
DatabaseUrl = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="sqlite:///PATH (default: <state dir>/cases.sqlite) or postgresql+psycopg://…",
    ),
]
StateDir = Annotated[
    Path | None,
    typer.Option("--state-dir", help="Where the service keeps its database, key and uploads."),
]

users_app = typer.Typer(help="Local accounts of the service.", no_args_is_help=True)
audit_app = typer.Typer(help="The service's audit trail.", no_args_is_help=True)
service_app = typer.Typer(help="Run and maintain the analyst service.", no_args_is_help=True)


def _fail(message: str) -> NoReturn:
    errors.print(f"[bold red]error:[/] {message}", markup=True)
    raise typer.Exit(code=1)


def _settings(config: Path | None, database: str | None, state_dir: Path | None) -> ServiceSettings:
    from pydantic import ValidationError

    from redflags.service.settings import load_service_settings

    try:
        return load_service_settings(config, database_url=database, state_dir=state_dir)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        _fail(f"settings: {problems}")
    except ValueError as exc:
        _fail(str(exc))


def _database(settings: ServiceSettings) -> Database:
    from redflags.service.db import open_database
    from redflags.service.db.migrate import upgrade

    db = open_database(settings.database)
    upgrade(db)
    return db


def _password(from_stdin: bool, confirm: bool = True) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        _fail("no terminal to ask for the password on; give it with --password-stdin")
    value: str = typer.prompt("Password", hide_input=True, confirmation_prompt=confirm)
    return value


def _operator() -> str:
    """Who ran a maintenance command, for the audit trail."""
    try:
        return f"cli:{os.getlogin()}"
    except OSError:
        return "cli"


@users_app.command("add")
def users_add(
    username: str,
    role: Annotated[str, typer.Option(help="viewer, analyst, reviewer or admin")] = "analyst",
    display_name: Annotated[str, typer.Option("--name", help="A name to show.")] = "",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    no_password: Annotated[
        bool, typer.Option("--no-password", help="A system account that signs in by token only.")
    ] = False,
    config: Config = None,
    database: DatabaseUrl = None,
    state_dir: StateDir = None,
) -> None:
    """Add a user (the password is asked for twice, hidden)."""
    from redflags.service.audit import Actor
    from redflags.service.roles import Role
    from redflags.service.security.passwords import WeakPassword
    from redflags.service.users import UserError, add_user

    try:
        chosen = Role.parse(role)
    except ValueError as exc:
        _fail(str(exc))
    password = None if no_password else _password(password_stdin)
    db = _database(_settings(config, database, state_dir))
    try:
        with db.write() as session:
            add_user(session, username, chosen, password, Actor(_operator()), display_name)
    except (UserError, WeakPassword) as exc:
        _fail(str(exc))
    finally:
        db.dispose()
    console.print(f"added {username.strip().lower()} ({chosen.name})")


@users_app.command("passwd")
def users_passwd(
    username: str,
    password_stdin: Annotated[bool, typer.Option("--password-stdin")] = False,
    config: Config = None,
    database: DatabaseUrl = None,
    state_dir: StateDir = None,
) -> None:
    """Set a user's password (signs out their browsers, lifts a lock-out)."""
    from redflags.service.audit import Actor
    from redflags.service.security.passwords import WeakPassword
    from redflags.service.users import UserError, set_password

    password = _password(password_stdin)
    db = _database(_settings(config, database, state_dir))
    try:
        with db.write() as session:
            set_password(session, username, password, Actor(_operator()))
    except (UserError, WeakPassword) as exc:
        _fail(str(exc))
    finally:
        db.dispose()
    console.print(f"password of {username} changed")


@users_app.command("disable")
def users_disable(
    username: str,
    enable: Annotated[bool, typer.Option("--enable", help="Enable the account again.")] = False,
    config: Config = None,
    database: DatabaseUrl = None,
    state_dir: StateDir = None,
) -> None:
    """Disable a user (their sessions end, their tokens stop working); --enable undoes it."""
    from redflags.service.audit import Actor
    from redflags.service.users import UserError, set_disabled

    db = _database(_settings(config, database, state_dir))
    try:
        with db.write() as session:
            set_disabled(session, username, not enable, Actor(_operator()))
    except UserError as exc:
        _fail(str(exc))
    finally:
        db.dispose()
    console.print(f"{username} {'enabled' if enable else 'disabled'}")


@users_app.command("list")
def users_list(
    config: Config = None, database: DatabaseUrl = None, state_dir: StateDir = None
) -> None:
    """The accounts, their roles and states."""
    from redflags.service.users import list_users

    db = _database(_settings(config, database, state_dir))
    table = Table("user", "role", "state", "last sign-in")
    try:
        with db.read() as session:
            for user in list_users(session):
                state = "disabled" if user.disabled else "active"
                table.add_row(user.username, user.role, state, str(user.last_login_at or "-"))
    finally:
        db.dispose()
    console.print(table)


@audit_app.command("verify")
def audit_verify(
    anchor: Annotated[
        Path | None,
        typer.Option(
            "--anchor",
            help="A JSON file {rows, head} written earlier with --write-anchor: a log cut at "
            "its end shows only against it.",
        ),
    ] = None,
    write_anchor: Annotated[
        Path | None, typer.Option("--write-anchor", help="Write this log's rows and head here.")
    ] = None,
    config: Config = None,
    database: DatabaseUrl = None,
    state_dir: StateDir = None,
) -> None:
    """Check the audit trail's hash chain; exit code 1 when a row was edited or deleted."""
    from redflags.service.audit import verify

    expected = None
    if anchor is not None:
        try:
            expected = json.loads(anchor.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            _fail(f"{anchor}: not an anchor file ({exc})")
    db = _database(_settings(config, database, state_dir))
    try:
        with db.read() as session:
            result = verify(session, expected)
    finally:
        db.dispose()
    if not result.ok:
        where = f" at row {result.broken_at}" if result.broken_at is not None else ""
        _fail(f"the audit trail does not hold{where}: {result.problem} ({result.rows} rows read)")
    if write_anchor is not None:
        write_anchor.write_text(json.dumps({"rows": result.rows, "head": result.head}) + "\n")
    console.print(f"audit trail intact: {result.rows} rows, head {result.head[:16]}…")


@service_app.command("prune")
def prune(
    older_than: Annotated[
        int,
        typer.Option(
            "--older-than",
            min=0,
            help="Days since a job finished after which its uploads and run folder go.",
        ),
    ] = 30,
    config: Config = None,
    database: DatabaseUrl = None,
    state_dir: StateDir = None,
) -> None:
    """Delete the uploads and run folders of scan jobs finished longer ago than --older-than
    days; cases, decisions and the audit trail stay (docs/service.md, "Retention")."""
    from redflags.service.audit import Actor
    from redflags.service.retention import prune_finished_jobs

    settings = _settings(config, database, state_dir)
    db = _database(settings)
    try:
        with db.write() as session:
            pruned = prune_finished_jobs(session, settings, older_than, Actor(_operator()))
    finally:
        db.dispose()
    jobs = f"{len(pruned.jobs)} finished job" + ("" if len(pruned.jobs) == 1 else "s")
    console.print(
        f"pruned {jobs} older than {older_than} days, {pruned.bytes_freed / 1e6:.1f} MB freed"
    )
    for job_id, readers in sorted(pruned.kept_for.items()):
        console.print(f"kept the uploads of {job_id}: {', '.join(readers)} will read them")


@service_app.command("rotate-key")
def rotate_key(
    config: Config = None, database: DatabaseUrl = None, state_dir: StateDir = None
) -> None:
    """Replace the installation's redaction key (docs/service.md, "Key rotation")."""
    from redflags.service.audit import Actor, record
    from redflags.service.keys import load_or_create_key, write_new_key
    from redflags.service.pivots import reindex_pivots

    settings = _settings(config, database, state_dir)
    path = settings.key_file
    if not path.exists():
        _fail(f"{path}: no key to rotate (the service makes one when it first starts)")
    load_or_create_key(path)  # refuses a key file others may read
    new_path, key = write_new_key(path)
    db = _database(settings)
    try:
        with db.write() as session:
            count = reindex_pivots(session, key)
            record(session, Actor(_operator()), "key.rotate", details={"pivots": count})
        os.replace(new_path, path)
    finally:
        new_path.unlink(missing_ok=True)
        db.dispose()
    console.print(f"redaction key rotated; {count} pivot digests recomputed. Restart the service.")


def serve(
    host: Annotated[
        str | None, typer.Option(help="Address to listen on (default 127.0.0.1).")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000).")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes (docs/service.md).")] = 1,
    demo: Annotated[
        bool,
        typer.Option("--demo", help="Load the demo world and print a one-time admin password."),
    ] = False,
    config: Config = None,
    database: DatabaseUrl = None,
    state_dir: StateDir = None,
) -> None:
    """Start the analyst service (REST API at /api/v1, OpenAPI at /api/docs)."""
    import uvicorn

    from redflags.service.settings import WORKER_HEALTHCHECK_SECONDS

    settings = _settings(config, database, state_dir)
    if host is not None or port is not None:
        settings = settings.model_copy(
            update={"host": host or settings.host, "port": port or settings.port}
        )
    if demo:
        from redflags.service.demo import load_demo

        password = secrets.token_urlsafe(12)
        summary = load_demo(settings, password)
        console.print(summary)
        console.print(
            f"[bold]admin password (shown once):[/] {password}  — sign in as 'admin'", markup=True
        )
    # the settings reach the worker processes through the environment
    os.environ.update(settings_environment(settings))
    where = f"http://{settings.host}:{settings.port}"
    console.print(f"redflags service: the web pages at {where}/, the API at {where}/api/docs")
    uvicorn.run(
        "redflags.service.asgi:app",
        host=settings.host,
        port=settings.port,
        workers=workers,
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
        proxy_headers=True,
        log_level="info",
    )


def settings_environment(settings: ServiceSettings) -> dict[str, str]:
    values = settings.model_dump(exclude_none=True, exclude={"config_file"})
    return {f"REDFLAGS_SERVICE_{k.upper()}": str(v) for k, v in values.items()}
