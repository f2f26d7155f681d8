"""Normal forms of handles, e-mails, names and addresses, so equal things compare equal."""

from __future__ import annotations

import re

from redflags.normalise.text import fold

# Messenger links and "platform: @name" patterns; names follow each platform's own rules loosely.
_LINKS = [
    ("telegram", re.compile(r"(?:https?://)?(?:t\.me|telegram\.me)/([A-Za-z0-9_]{4,32})", re.I)),
    ("whatsapp", re.compile(r"(?:https?://)?wa\.me/\+?(\d{6,15})", re.I)),
    ("telegram", re.compile(r"\btelegram\s*[:\-]?\s*@([A-Za-z0-9_]{4,32})", re.I)),
    ("signal", re.compile(r"\bsignal\s*[:\-]?\s*@?([A-Za-z0-9_.]{4,32})", re.I)),
    ("snapchat", re.compile(r"\bsnap(?:chat)?\s*[:\-]?\s*@?([A-Za-z0-9_.\-]{3,15})", re.I)),
]
# The look-behind keeps the @ of an e-mail address ("name@host") from reading as a handle.
_BARE_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z][A-Za-z0-9_]{3,31})\b")
_EMAIL = re.compile(r"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\b")
_PLATFORM_PREFIX = re.compile(r"^\s*(telegram|whatsapp|signal|snapchat|instagram)\s*[:/]\s*", re.I)


def normalise_handle(value: str | None, platform: str | None = None) -> str | None:
    """'@Nordlys_Jobs', 't.me/nordlys_jobs', 'telegram: nordlys_jobs' -> 'telegram:nordlys_jobs'."""
    if not value or not value.strip():
        return None
    text = value.strip()
    for name, pattern in _LINKS:
        match = pattern.search(text)
        if match:
            return f"{name}:{match.group(1).lower()}"
    prefix = _PLATFORM_PREFIX.match(text)
    if prefix:
        platform = prefix.group(1).lower()
        text = text[prefix.end() :]
    name = text.lstrip("@").strip().lower()
    if not name:
        return None
    return f"{(platform or 'handle').lower()}:{name}"


def find_handles(text: str | None) -> list[tuple[str, int, int]]:
    """Messenger handles in free text as (normalised handle, start, end)."""
    if not text:
        return []
    found: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _LINKS:
        for match in pattern.finditer(text):
            found.append((f"{name}:{match.group(1).lower()}", match.start(), match.end()))
            taken.append((match.start(), match.end()))
    for match in _BARE_HANDLE.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        found.append((f"handle:{match.group(1).lower()}", match.start(), match.end()))
    return sorted(found, key=lambda item: item[1])


def find_emails(text: str | None) -> list[tuple[str, int, int]]:
    if not text:
        return []
    return [(m.group(0).lower(), m.start(), m.end()) for m in _EMAIL.finditer(text)]


def normalise_email(value: str | None) -> str | None:
    if not value or "@" not in value:
        return None
    return value.strip().lower()


def normalise_name(value: str | None) -> str | None:
    """Folded name for comparison: 'Ionescu ' and 'IONESCU' are the same surname."""
    if not value or not value.strip():
        return None
    return " ".join(fold(value).split())


_ADDRESS_NOISE = re.compile(r"[^\w\s]")


def normalise_address(value: str | None) -> str | None:
    """Folded, punctuation-free, single-spaced address ('Industrivej 12,  7400 Herning')."""
    if not value or not value.strip():
        return None
    return " ".join(_ADDRESS_NOISE.sub(" ", fold(value)).split())
