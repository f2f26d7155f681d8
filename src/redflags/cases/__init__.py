"""Groups above the model's threshold become cases for human review."""

from redflags.cases.build import build_cases

__all__ = ["build_cases"]
