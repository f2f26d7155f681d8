"""Records -> identifiers with provenance (record, field, offsets)."""

from redflags.extract.identifiers import IDENTITY_KINDS, identifiers_of

__all__ = ["IDENTITY_KINDS", "identifiers_of"]
