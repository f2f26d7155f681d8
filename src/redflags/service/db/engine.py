"""Opening the case store: one engine per database, sessions for reading and for writing.

SQLite runs in WAL mode (readers never block the writer) with `synchronous=FULL`, so a committed
decision survives a killed process. A write transaction on SQLite starts with BEGIN IMMEDIATE:
it takes the write lock before its first read, so two writers queue (busy_timeout) instead of
failing when one read a snapshot the other then changed. PostgreSQL needs neither."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 15_000


@dataclass
class Database:
    url: str
    reader: Engine
    writer: Engine
    _read: sessionmaker[Session]
    _write: sessionmaker[Session]

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it changes is committed."""
        with self._read() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back if it raises."""
        with self._write() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.reader.dispose()
        if self.writer is not self.reader:
            self.writer.dispose()


def _sqlite_engine(url: str, begin: str) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we say BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)

    return engine


def shown_url(url: str) -> str:
    """The database's URL for messages: a password in it shown as ***."""
    return make_url(url).render_as_string(hide_password=True)


def open_database(url: str) -> Database:
    """Engines and session factories for `url` (the schema is migrated by `migrate.upgrade`)."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        reader = _sqlite_engine(url, "BEGIN")
        writer = _sqlite_engine(url, "BEGIN IMMEDIATE")
    else:
        reader = writer = create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)
    return Database(
        url=url,
        reader=reader,
        writer=writer,
        _read=sessionmaker(reader, expire_on_commit=False),
        _write=sessionmaker(writer, expire_on_commit=False),
    )
