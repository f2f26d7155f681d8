"""Image hashes kept in the store (`image_hashes_kept`), keyed by the SHA-256 of the image's
bytes: decoding a photo and computing its PDQ and pHash costs far more than reading it, and a
daily scan sees the same photos again. Keyed by content, a changed file is hashed again
whatever its name or time says, so the kept hashes are exactly what `hash_file` would give.

The table is created on first use, outside the record schema's fingerprint, like the scan
state; dropping it only costs the next scan its speed. A connection that cannot write (a
read-only store) keeps nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from redflags.extract.image_hashes import ImageHashes, hash_file, hash_files

TABLE = "image_hashes_kept"
_DDL = f"""CREATE TABLE IF NOT EXISTS {TABLE} (
  digest VARCHAR PRIMARY KEY,
  pdq VARCHAR, quality INTEGER, phash VARCHAR, centre VARCHAR, colour BLOB,
  problem VARCHAR
)"""
Hashed = tuple[ImageHashes | None, str | None]  # what `hash_file` returns


class KeptImageHashes:
    """`hash_file`, answered from the store for bytes it has hashed before."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.con: duckdb.DuckDBPyConnection | None = connection
        self._kept: dict[str, Hashed] = {}
        self._new: dict[str, Hashed] = {}
        try:
            connection.execute(_DDL)
            rows = connection.execute(f"SELECT * FROM {TABLE}").fetchall()
        except duckdb.Error:  # read-only: hash as if nothing were kept
            self.con = None
            return
        self._kept = {row[0]: _from_row(row) for row in rows}

    def hash_file(self, path: Path) -> Hashed:
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return hash_file(path)
        found = self._kept.get(digest) or self._new.get(digest)
        if found is None:
            found = self._new[digest] = hash_file(path)
        return found

    def hash_files(self, paths: list[Path]) -> list[Hashed]:
        """`hash_file` of every path, the bytes not kept before hashed in one pool."""
        digests: list[str | None] = []
        for path in paths:
            try:
                digests.append(hashlib.sha256(path.read_bytes()).hexdigest())
            except OSError:
                digests.append(None)  # unreadable now: `hash_file` says why
        todo = {
            digest: path
            for digest, path in zip(digests, paths, strict=True)
            if digest and digest not in self._kept and digest not in self._new
        }
        self._new.update(zip(todo, hash_files(list(todo.values())), strict=True))
        return [
            (self._kept.get(digest) or self._new[digest]) if digest else hash_file(path)
            for digest, path in zip(digests, paths, strict=True)
        ]

    def flush(self) -> None:
        """Store the hashes computed since the last flush."""
        if self.con is None or not self._new:
            return
        rows = [_to_row(digest, hashed) for digest, hashed in self._new.items()]
        columns = list(zip(*rows, strict=True))
        names = ("digest", "pdq", "quality", "phash", "centre", "colour", "problem")
        types = (pa.string(), pa.string(), pa.int32(), pa.string(), pa.string(), pa.binary())
        batch = pa.table(
            [pa.array(list(c), t) for c, t in zip(columns, (*types, pa.string()), strict=True)],
            names=list(names),
        )
        self.con.register("_image_hashes_batch", batch)
        try:
            self.con.execute(f"INSERT OR IGNORE INTO {TABLE} SELECT * FROM _image_hashes_batch")
        except duckdb.Error:
            pass  # another writer or a read-only store: kept next time instead
        finally:
            self.con.unregister("_image_hashes_batch")
        self._kept.update(self._new)
        self._new.clear()


def kept_image_hashes(engine: Any) -> KeptImageHashes | None:
    """The store's kept hashes for an engine on a DuckDB store, else None (Spark)."""
    connection = getattr(engine, "connection", None)
    if isinstance(connection, duckdb.DuckDBPyConnection):
        return KeptImageHashes(connection)
    return None


def _to_row(digest: str, hashed: Hashed) -> tuple[Any, ...]:
    h, problem = hashed
    if h is None:
        return (digest, None, None, None, None, None, problem)
    return (
        digest, f"{h.pdq:x}", h.pdq_quality, f"{h.phash:x}", f"{h.phash_centre:x}", h.colour,
        problem,
    )  # fmt: skip


def _from_row(row: tuple[Any, ...]) -> Hashed:
    _, pdq, quality, phash, centre, colour, problem = row
    if pdq is None:
        return None, problem
    hashes = ImageHashes(int(pdq, 16), int(quality), int(phash, 16), int(centre, 16), bytes(colour))
    return hashes, problem
