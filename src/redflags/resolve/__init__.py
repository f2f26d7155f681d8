"""Entity resolution of people across sources (KYC records, ad personas, messenger accounts).

Pipeline: `profiles` (one profile per KYC record, ad persona and sender) -> `blocking`
(candidate pairs) -> `compare` (name similarity plus corroborating attributes, decision rule)
-> `cluster` (union-find with a chaining guard) -> `person:<id>` pivots for the linker.
"""

from redflags.resolve.resolver import Resolution, resolve, resolve_people

__all__ = ["Resolution", "resolve", "resolve_people"]
