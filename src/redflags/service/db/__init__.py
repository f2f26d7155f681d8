"""The case store: operational data of the service (users, cases, decisions, audit, jobs) in
SQLAlchemy tables, migrated by Alembic; SQLite (WAL) by default, PostgreSQL for teams."""

from redflags.service.db.engine import Database, open_database

__all__ = ["Database", "open_database"]
