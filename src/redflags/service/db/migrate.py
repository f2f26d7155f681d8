"""Bringing a case store's schema to the newest migration (Alembic, scripts in migrations/)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from redflags.service.db.engine import Database

SCRIPTS = Path(__file__).with_name("migrations")


def _config(database: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    config.set_main_option("sqlalchemy.url", database.url.replace("%", "%%"))
    return config


def upgrade(database: Database) -> None:
    """Apply every migration the database has not had yet (idempotent)."""
    config = _config(database)
    with database.writer.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()


def current_revision(database: Database) -> str | None:
    with database.reader.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config_for_scripts()).get_current_head()


def _config_for_scripts() -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    return config
