"""redflags: red flags of technology-facilitated human trafficking, linked and explained."""

__version__ = "0.1.0"
