"""E-mail addresses in free text, also 'anna at gmail dot com' and 'anna(at)gmail(dot)com'.

The pattern is only tried where an '@' or an 'at' stands: most text has neither, and an
e-mail pattern tried at every word is the slowest thing a text scan can do.
"""

from __future__ import annotations

import re

from redflags.normalise.contact import Contact
from redflags.normalise.domains import LABEL, registrable
from redflags.normalise.handles import is_platform_word

_AT = (
    r"\s*@\s*"
    r"|\s*[\[({<]\s*(?:at|@|snabel-?a|ät)\s*[\])}>]\s*"
    r"|\s+(?:at|snabel-?a|ät)\s+"
)
_DOT = (
    r"\.|\s+\.\s+"
    r"|\s*[\[({<]\s*(?:dot|punkt|punktum|prik|\.)\s*[\])}>]\s*"
    r"|\s+(?:dot|punkt|punktum|prik|punto|kropka|точка|крапка)\s+"
)
_EMAIL = re.compile(
    rf"(?<![\w.%+\-])(?P<local>[A-Za-z0-9][A-Za-z0-9._%+\-]{{0,63}})(?:{_AT})"
    rf"(?P<domain>{LABEL}(?:(?:{_DOT}){LABEL})*)(?![\w@])",
    re.IGNORECASE,
)
# Where an address may be: '@', '(at)', ' at '. One leading character class lets the engine
# skip the rest of the text in C.
_AT_HINT = re.compile(
    r"[@\[({<\s](?:(?<=@)|(?<=[\[({<])\s*(?:at|@|snabel-?a|ät)\s*[\])}>]"
    r"|(?<=\s)(?:at|snabel-?a|ät)\s)",
    re.IGNORECASE,
)
_PLAIN_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[\w.\-]+\.[^\W\d_]{2,}")
_DOT_SPLIT = re.compile(_DOT, re.IGNORECASE)
_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")


def _local_start(text: str, at: int) -> int:
    """Start of the local part that ends just before `at` (spaces before an '@' skipped)."""
    end = at
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and end - start < 64 and text[start - 1] in _LOCAL:
        start -= 1
    while start < end and not text[start].isalnum():
        start += 1
    return start if start < end else -1


def emails_in(text: str) -> list[Contact]:
    found: list[Contact] = []
    taken = 0
    for hint in _AT_HINT.finditer(text):
        start = _local_start(text, hint.start())
        if start < taken or start < 0:
            continue
        match = _EMAIL.match(text, start)
        if match is None:
            continue
        labels = _DOT_SPLIT.split(match.group("domain"))
        domain = ".".join(labels).lower()
        raw = match.group()
        obfuscated = not _PLAIN_EMAIL.fullmatch(raw)
        # "anna at home dot now" needs a real suffix to be an address; "@" is proof enough.
        if len(labels) < 2 or (obfuscated and not registrable(domain)):
            continue
        if raw[len(match.group("local"))].isspace() and is_platform_word(match.group("local")):
            continue  # 'Line @kanya.th', 'Insta @bella.dk': a handle after its platform
        value = f"{match.group('local').lower()}@{domain}"
        found.append(Contact("email", value, match.start(), match.end(), obfuscated, raw))
        taken = match.end()
    return found
