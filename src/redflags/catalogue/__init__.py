"""The indicator catalogue: schema, strict loader, linter and generated reference."""

from redflags.catalogue.loader import Catalogue, CatalogueError, load_catalogue
from redflags.catalogue.schema import Category, Example, Indicator, Status

__all__ = [
    "Catalogue",
    "CatalogueError",
    "Category",
    "Example",
    "Indicator",
    "Status",
    "load_catalogue",
]
