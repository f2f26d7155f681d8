"""`redflags serve --demo`: the demo world `redflags demo` scans (the generator's demo scale and
seed), scanned and published into the service's case store, and an `admin` account with the
password the command prints once.

Run twice, it changes nothing but the password: the world is the same (seeded), publication
keeps every case's id and never touches what the team decided, and `admin` is reset (password,
role admin, enabled, lock-out lifted) rather than added again. The world and its run folder live
in `<state dir>/demo/`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from redflags.service.audit import SYSTEM
from redflags.service.db import Database, open_database
from redflags.service.db.engine import shown_url
from redflags.service.db.migrate import upgrade
from redflags.service.keys import load_or_create_key
from redflags.service.publish import publish_scan
from redflags.service.roles import Role
from redflags.service.settings import ServiceSettings
from redflags.service.users import add_user, find_user, set_disabled, set_password, set_role

ADMIN = "admin"


def scan_demo_world(folder: Path, key: bytes, records: Path | None = None) -> tuple[Any, Any]:
    """Generate the demo world into `folder`/data and scan it into `folder`/run, keeping its
    records in the store `records` (the service's record store: filing and online matching read
    it): (the generator's summary, the ScanResult)."""
    from redflags.generator import DEMO_SCALE, DEMO_SEED, load_generator
    from redflags.pipeline import ScanOptions, new_run_id, run_scan
    from redflags.runfolder import RunFolder

    generate_world = load_generator()
    # a folder of ours: what the last demo wrote is replaced, anything else is refused
    with RunFolder.claim(folder, new_run_id()):
        summary = generate_world(folder / "data", DEMO_SCALE, DEMO_SEED, overwrite=True)
        result = run_scan(
            [folder / "data"], ScanOptions(out=folder / "run", redaction_key=key, db=records)
        )
    return summary, result


def reset_admin(db: Database, password: str) -> bool:
    """The `admin` account with this password, whatever state it was in; True if it is new."""
    with db.write() as session:
        user = find_user(session, ADMIN)
        if user is None:
            add_user(session, ADMIN, Role.admin, password, SYSTEM, "Demo administrator")
            return True
        set_password(session, ADMIN, password, SYSTEM)
        if user.role != Role.admin.name:
            set_role(session, ADMIN, Role.admin, SYSTEM)
        if user.disabled:
            set_disabled(session, ADMIN, False, SYSTEM)
        return False


def load_demo(settings: ServiceSettings, password: str) -> str:
    """Load the demo world into the service's case store; a short summary to print."""
    settings.state_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = load_or_create_key(settings.key_file)
    db = open_database(settings.database)
    try:
        upgrade(db)
        summary, result = scan_demo_world(settings.state_dir / "demo", key, settings.records_db)
        published = publish_scan(db, key, result, SYSTEM)
        new_admin = reset_admin(db, password)
    finally:
        db.dispose()
    where = shown_url(settings.database)
    return (
        f"demo world: {summary.rows} rows, {summary.networks} networks with truth; published "
        f"into {where}: {published.summary()}; user admin {'added' if new_admin else 'reset'}"
    )
