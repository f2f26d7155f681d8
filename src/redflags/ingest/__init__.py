"""Ingest: read sources, validate rows against their descriptor, store or quarantine them."""

from redflags.ingest.descriptor import SourceDescriptor, load_descriptor
from redflags.ingest.discover import (
    Discovery,
    Skipped,
    SourceSpec,
    discover,
    ingest_source,
    raise_problems,
)
from redflags.ingest.errors import DescriptorError, IngestError, IngestProblems
from redflags.ingest.ingest import IngestReport, ingest_file, ingest_records

__all__ = [
    "DescriptorError",
    "Discovery",
    "IngestError",
    "IngestProblems",
    "IngestReport",
    "Skipped",
    "SourceDescriptor",
    "SourceSpec",
    "discover",
    "ingest_file",
    "ingest_records",
    "ingest_source",
    "load_descriptor",
    "raise_problems",
]
