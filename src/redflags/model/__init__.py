"""Frozen core types shared by every stage. Imports nothing else from the package."""

from redflags.model.cases import Case, TimelineEntry
from redflags.model.findings import Evidence, Finding, Step
from redflags.model.identifiers import Identifier
from redflags.model.records import (
    KIND_TABLES,
    RECORD_TYPES,
    Ad,
    Company,
    Customer,
    DeviceEvent,
    KycEvent,
    Message,
    Observation,
    RecordKind,
    Transaction,
)
from redflags.model.scores import Score

__all__ = [
    "KIND_TABLES",
    "RECORD_TYPES",
    "Ad",
    "Case",
    "Company",
    "Customer",
    "DeviceEvent",
    "Evidence",
    "Finding",
    "Identifier",
    "KycEvent",
    "Message",
    "Observation",
    "RecordKind",
    "Score",
    "Step",
    "TimelineEntry",
    "Transaction",
]
