"""Text from records and file names made safe to print on a terminal. A leaf utility.

File names, source names, reasons and case text are written by whoever made the input, partly
the traffickers. Printed raw, an escape sequence could clear the screen, rewrite earlier lines
or set the window title, and a bidi override could make a name read backwards. Every control
character is therefore shown as a visible escape instead (`\\x1b`, `\\u202e`).
"""

from __future__ import annotations

import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Invisible characters that change how the text around them is shown (bidi embeddings,
# overrides and isolates, direction marks) or hide text (zero-width space, word joiner, BOM).
# The zero-width (non-)joiners stay: emoji and several scripts need them.
_FORMAT = frozenset(
    "\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
)


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _unsafe(char: str) -> bool:
    if char in _NAMED or char in _FORMAT:
        return True
    category = unicodedata.category(char)
    # Cc: C0, DEL and C1 controls (ESC, BEL, CSI ...); Cs: lone surrogates from bad bytes;
    # Zl/Zp: line and paragraph separators, which break a line like a newline does.
    return category in ("Cc", "Cs", "Zl", "Zp")


def printable(text: object) -> str:
    """`text` with every control, bidi and line-breaking character as a visible escape."""
    value = str(text)
    if value.isprintable() and not any(c in _FORMAT for c in value):
        return value
    return "".join(_escape(c) if _unsafe(c) else c for c in value)


def json_printable(text: str) -> str:
    """JSON text with the characters `printable` escapes written as `\\uXXXX` (still the same
    JSON): json.dumps(ensure_ascii=False) escapes C0 controls but not C1 ones or bidi
    overrides, which a terminal would obey."""
    return "".join(f"\\u{ord(c):04x}" if _unsafe(c) else c for c in text)
