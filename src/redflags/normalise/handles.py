"""Messenger handles in free text ('telegram: anna', 'snap: bella.cph', 'OF: lina', '@anna')
and in handle fields, with the platform when the text names it.

Platform words and the words that are no name are data: data/handles.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from redflags.normalise.contact import Contact
from redflags.normalise.links import handle_of_link, valid_name


@dataclass(frozen=True)
class _Words:
    platforms: dict[str, str]  # word as written (lower case) -> platform
    not_names: frozenset[str]
    handle: re.Pattern[str]  # 'platform: name'
    hint: re.Pattern[str]  # a platform word in lower-cased text
    prefix: re.Pattern[str]  # 'platform:' at the start of a handle field


@cache
def _words() -> _Words:
    path = resources.files("redflags.normalise").joinpath("data/handles.yaml")
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    platforms = {w.lower(): p for p, words in data["platforms"].items() for w in words}
    # "OF" is OnlyFans only in capitals: "of" is the commonest English word.
    spoken = sorted((w for w in platforms if w != "of"), key=len, reverse=True)
    words = "|".join(re.escape(w).replace(r"\ ", r"\s?") for w in spoken)
    handle = re.compile(
        rf"(?<![\w@./])(?P<platform>(?i:{words})|OF)(?![\w])"
        r"(?:\s*(?i:id|username|user|name|navn|brugernavn|nick|ไอดี))?"
        r"(?:\s+(?i:is|er|ist|är|e|es|est)(?=\s))?"  # "my snap is bella_22"
        r"(?P<sep>\s*(?:[:=>→➡👉⇒]\ufe0f?|->|[-–—](?=\s))\s*|\s+)"
        r"(?P<at>@)?(?P<name>[A-Za-z0-9_][A-Za-z0-9_.\-]{1,31})"
    )
    # Plain literals on lower-cased text: the engine skips to possible first letters in C.
    hint = re.compile("|".join(re.escape(w) for w in spoken))
    # 'telegram: anna', 'telegram/anna', and 'Telegram @anna' (a space, then the @)
    prefix = re.compile(rf"\s*(?P<platform>(?i:{words}|whatsapp)|OF)(?:\s*[:/]\s*|\s+(?=@))")
    not_names = frozenset(data["not_names"]) | frozenset(platforms)
    return _Words(platforms, not_names, handle, hint, prefix)


_BARE_HANDLE = re.compile(r"@(?<![\w@.]@)(?P<name>[A-Za-z][A-Za-z0-9_.]{2,31})")
_HANDLE_LIKE = re.compile(r"[\d_.]")


def is_platform_word(word: str) -> bool:
    """Is `word` a messenger's name as ads write it ('insta', 'line', 'tg')?"""
    return word.lower() in _words().platforms


def platform_of(name: str | None) -> str | None:
    """Canonical platform for a name as sources write it ('Insta' -> 'instagram')."""
    if not name or not name.strip():
        return None
    key = name.strip().lower()
    platforms = _words().platforms
    return platforms.get(key, platforms.get(key.replace(" ", ""), key))


def _name(platform: str, written: str) -> str | None:
    name = written.rstrip(".-").lower()
    if platform == "telegram":
        name = re.split(r"[.\-]", name, maxsplit=1)[0]  # Telegram names have no dots
    return name if valid_name(platform, name) else None


def _platform_starts(text: str) -> list[int]:
    """Where a platform word may start: hits of the literal hint, and every 'OF'."""
    lowered = text.lower()
    words = _words()
    if len(lowered) == len(text):  # a few characters grow when lower-cased ('İ')
        starts = [m.start() for m in words.hint.finditer(lowered)]
    else:
        starts = [m.start() for m in words.handle.finditer(text)]
    position = text.find("OF")
    while position >= 0:
        starts.append(position)
        position = text.find("OF", position + 1)
    return sorted(starts)


def _prose_line(match: re.Match[str]) -> bool:
    """'line' is an English word: 'Bottom line: price', 'stand in line for'. It names the
    messenger when written 'LINE' or in Thai, or with 'id', an '@' or a handle-like name."""
    written = match.group("platform")
    if written.isupper() or not written.isascii() or match.group("at"):
        return False
    between = match.string[match.end("platform") : match.start("name")].lower()
    return "id" not in between and not _HANDLE_LIKE.search(match.group("name"))


def handles_in(text: str) -> list[Contact]:
    words = _words()
    found: list[Contact] = []
    taken = 0
    for position in _platform_starts(text):
        match = words.handle.match(text, position) if position >= taken else None
        if match is None:
            continue
        platform = platform_of(match.group("platform")) or "handle"
        written = match.group("name")
        if platform == "line" and _prose_line(match):
            continue
        if not match.group("at"):
            if written.lower() in words.not_names or written.replace(".", "").isdigit():
                continue
            if not match.group("sep").strip() and not _HANDLE_LIKE.search(written):
                continue  # "snap bella" may be prose; "snap bella_22" is not
        name = _name(platform, written)
        if name:
            start, end = match.start(), match.start("name") + len(written.rstrip(".-"))
            found.append(
                Contact("handle", f"{platform}:{name}", start, end, False, text[start:end])
            )
            taken = end
    named = iter(list(found))  # in text order, like the bare handles
    current = next(named, None)
    for match in _BARE_HANDLE.finditer(text):
        while current is not None and current.end <= match.start():
            current = next(named, None)
        if current is not None and current.start <= match.start():
            continue  # the '@name' of 'telegram @name'
        name = match.group("name").rstrip(".")
        start, end = match.start(), match.start() + 1 + len(name)
        found.append(
            Contact("handle", f"handle:{name.lower()}", start, end, False, text[start:end])
        )
    return found


def parse_handle(value: str | None, platform: str | None = None) -> str | None:
    """A handle field as written ('@Anna', 't.me/anna', 'telegram: anna', 'wa.me/4552...') ->
    'telegram:anna' ('handle:anna' with no platform; 'whatsapp:<digits>' for a wa.me link)."""
    if not value or not value.strip():
        return None
    text = value.strip()
    prefix = _words().prefix.match(text)
    if prefix:  # 'telegram: anna', 'Telegram: t.me/anna'
        platform = prefix.group("platform")
        text = text[prefix.end() :]
    linked = handle_of_link(text)
    if linked:
        return linked
    name = text.lstrip("@").strip().lower()
    if not name or name in _words().not_names:
        return None  # 'WhatsApp' alone names the app, not an account: it must link nothing
    return f"{platform_of(platform) or 'handle'}:{name}"


def platform_words() -> frozenset[str]:
    """The words (lower case) that name a messenger before a handle ('of' only as 'OF')."""
    return frozenset(_words().platforms)
