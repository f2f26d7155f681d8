"""One contact found in free text: what it is, its canonical value and where it was written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ContactKind = Literal["phone", "handle", "email", "url"]


@dataclass(frozen=True, slots=True)
class Contact:
    kind: ContactKind
    # E.164 phone; 'telegram:name' ('handle:name' if the platform is unknown); lower-case
    # e-mail; URL as lower-case host without 'www.' plus path, no trailing slash.
    value: str
    start: int  # span in the original text
    end: int
    obfuscated: bool  # only readable after undoing obfuscation
    raw: str  # the text as written
