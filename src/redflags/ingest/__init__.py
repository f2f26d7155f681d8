"""Ingest: read sources, validate rows against their descriptor, store or quarantine them."""

from redflags.ingest.descriptor import SourceDescriptor, load_descriptor
from redflags.ingest.discover import Discovery, Skipped, SourceSpec, discover, ingest_source
from redflags.ingest.errors import DescriptorError, IngestError
from redflags.ingest.ingest import IngestReport, ingest_file, ingest_records

__all__ = [
    "DescriptorError",
    "Discovery",
    "IngestError",
    "IngestReport",
    "Skipped",
    "SourceDescriptor",
    "SourceSpec",
    "discover",
    "ingest_file",
    "ingest_records",
    "ingest_source",
    "load_descriptor",
]
