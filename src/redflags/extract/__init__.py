"""Records -> identifiers with provenance (record, field, offsets)."""

from redflags.extract.identifiers import identifiers_of

__all__ = ["identifiers_of"]
