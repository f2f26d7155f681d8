"""Records and findings joined by shared identifiers into groups (networks)."""

from redflags.link.groups import Group, Linker, LinkResult

__all__ = ["Group", "LinkResult", "Linker"]
