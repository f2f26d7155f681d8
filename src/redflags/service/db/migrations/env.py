"""Alembic's environment: migrations run on the connection `migrate.upgrade` hands over."""

from __future__ import annotations

from alembic import context

from redflags.service.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic revision --autogenerate` from a developer's shell
    from sqlalchemy import create_engine

    connection = create_engine(context.config.get_main_option("sqlalchemy.url") or "").connect()
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
