"""Records and findings joined by shared identifiers (and payments) into groups (networks)."""

from redflags.link.groups import Group, Linker, LinkResult, PaymentPair

__all__ = ["Group", "LinkResult", "Linker", "PaymentPair"]
