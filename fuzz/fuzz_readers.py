"""Fuzz target: the CSV and JSON Lines readers (and row validation) over arbitrary bytes.

The first byte chooses the format, gzip and the declared encoding; the rest is the file. The
documented failure is IngestError with a one-line message; any other exception is a crash, and
so is a row the validator cannot turn into a record or a reason.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import atheris, main

if atheris is not None:
    # what the target exercises; instrumenting numpy, duckdb, phonenumbers ... (imported on the
    # way) only slowed the start
    with atheris.instrument_imports(include=["redflags", "gzip"]):
        from redflags.ingest.descriptor import SourceDescriptor
        from redflags.ingest.errors import IngestError
        from redflags.ingest.readers import BadRow, FileFormat, open_rows
        from redflags.ingest.validate import RowValidator
else:
    from redflags.ingest.descriptor import SourceDescriptor
    from redflags.ingest.errors import IngestError
    from redflags.ingest.readers import BadRow, FileFormat, open_rows
    from redflags.ingest.validate import RowValidator

ENCODINGS = ("utf-8", "cp1252", "utf-16", "utf-8")
WORK = Path(tempfile.mkdtemp(prefix="redflags-fuzz-readers-"))


def _validator(encoding: str) -> RowValidator:
    descriptor = SourceDescriptor.model_validate(
        {"name": "fuzz", "kind": "ad", "encoding": encoding}
    )
    return RowValidator(descriptor.kind, descriptor)


VALIDATORS = {encoding: _validator(encoding) for encoding in set(ENCODINGS)}


def test_one_input(data: bytes) -> None:
    if not data:
        return
    selector, content = data[0], data[1:]
    fmt: FileFormat = "jsonl" if selector & 1 else "csv"
    gz = bool(selector & 2)
    encoding = ENCODINGS[(selector >> 2) & 3]
    path = WORK / (f"ads.{fmt}" + (".gz" if gz else ""))
    path.write_bytes(gzip.compress(content, mtime=0) if gz and selector & 16 else content)
    validator = VALIDATORS[encoding]
    try:
        with open_rows(path, fmt, encoding=encoding, wanted=validator.source_columns) as stream:
            for line, row in stream.rows:
                assert line > 0
                if isinstance(row, BadRow):
                    assert isinstance(row.reason, str)
                    continue
                result = validator.validate(row)
                assert isinstance(result, dict | str)
    except IngestError as exc:
        if "\n" in str(exc):
            raise AssertionError(f"an IngestError of several lines: {exc!r}") from None


if __name__ == "__main__":
    main(test_one_input)
