"""Request fields more than one route shares."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

MIN_REASON_CHARS = 10


def _written(value: str) -> str:
    value = " ".join(value.split())
    if len(value) < MIN_REASON_CHARS:
        raise ValueError(f"say why, in at least {MIN_REASON_CHARS} characters")
    return value


# Why someone reveals an identifier or files a case: kept in the audit trail, so it must say
# something (whitespace folded, at least MIN_REASON_CHARS characters).
Reason = Annotated[str, Field(max_length=2000), AfterValidator(_written)]
