"""Fuzz target: source descriptor parsing (`*.source.yaml`) over arbitrary bytes.

The documented failure is DescriptorError (an IngestError) with a one-line message naming
file:line; anything else (a YAML constructor error, RecursionError, TypeError ...) is a crash.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import atheris, main

if atheris is not None:
    # what the target exercises; instrumenting numpy, duckdb, phonenumbers ... (imported on the
    # way) only slowed the start
    with atheris.instrument_imports(include=["redflags", "yaml"]):
        from redflags.ingest.descriptor import load_descriptor
        from redflags.ingest.errors import IngestError
else:
    from redflags.ingest.descriptor import load_descriptor
    from redflags.ingest.errors import IngestError

WORK = Path(tempfile.mkdtemp(prefix="redflags-fuzz-descriptor-"))
PATH = WORK / "bank.source.yaml"


def test_one_input(data: bytes) -> None:
    PATH.write_bytes(data)
    try:
        load_descriptor(PATH)
    except IngestError as exc:  # DescriptorError included
        if "\n" in str(exc):
            raise AssertionError(f"a DescriptorError of several lines: {exc!r}") from None


if __name__ == "__main__":
    main(test_one_input)
