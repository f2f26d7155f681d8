"""Records and findings joined by shared identifiers (and payments) into groups (networks)."""

from redflags.link.groups import Group, Linker, LinkResult, PaymentPair, attach_modifiers
from redflags.link.index import IdentifierIndex

__all__ = ["Group", "IdentifierIndex", "LinkResult", "Linker", "PaymentPair", "attach_modifiers"]
