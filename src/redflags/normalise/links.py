"""Links in free text: URLs, and the messenger links that are really a handle or a phone.

A URL is written with a scheme, with 'www.', or as a bare domain whose suffix is on the
public-suffix list. A profile link is a handle (t.me/anna -> telegram:anna); a link that opens
a chat with a number is a phone (wa.me/45..., api.whatsapp.com/send?phone=..., signal.me/#p/+45,
t.me/+45...). Like e-mails, the pattern is only tried where a dot or '://' stands.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from redflags.normalise.contact import Contact
from redflags.normalise.domains import LABEL, plausible_bare_domain
from redflags.normalise.phones import normalise_phone

_LINK_DOT = r"\.|\[\.\]|\(\.\)|\[dot\]|\(dot\)"  # 'example[.]dk' is a common disguise
_LINK = re.compile(
    rf"(?:(?P<scheme>https?://)|(?<![\w@./\-]))"
    rf"(?P<host>{LABEL}(?:(?:{_LINK_DOT}){LABEL})+)(?::\d{{2,5}})?"
    # a path stops at a blanked-out span (\x00, what an earlier finder took: an e-mail after it)
    r"(?P<path>[/?#][^\s<>\"'{}|\\^`\[\]\x00]*)?",
    re.IGNORECASE,
)
# A dot between a letter or digit and a letter, or '://': where a link may be.
_LINK_HINT = re.compile(
    r"[.\[(:](?:(?<=[^\W_]\.)(?=[^\W\d_])|(?<=[^\W_][\[(])(?:\.|dot)[\])](?=[^\W\d_])"
    r"|(?<=:)//)",
    re.IGNORECASE,
)
_LINK_DOT_SPLIT = re.compile(_LINK_DOT, re.IGNORECASE)
_TRAILING = ".,;:!?'\")]}…"

# Profile links: host -> platform; the first path segment is the name ('@' dropped).
_PROFILE_HOSTS = {
    "t.me": "telegram",
    "telegram.me": "telegram",
    "telegram.dog": "telegram",
    "instagram.com": "instagram",
    "instagr.am": "instagram",
    "snapchat.com": "snapchat",
    "onlyfans.com": "onlyfans",
    "tiktok.com": "tiktok",
}
_RESERVED = {"p", "reel", "reels", "explore", "stories", "accounts", "tv", "direct", "joinchat"}
_NAMES = {
    "telegram": re.compile(r"[a-z0-9_]{4,32}"),
    "instagram": re.compile(r"[a-z0-9._]{1,30}"),
    "snapchat": re.compile(r"[a-z0-9._\-]{3,15}"),
    "signal": re.compile(r"[a-z0-9_.]{3,32}"),
}
_ANY_NAME = re.compile(r"[a-z0-9._\-]{2,32}")
_DIAL_PATH = re.compile(r"/\+?(\d{6,15})/?")


def valid_name(platform: str, name: str) -> bool:
    """Is `name` (lower case) a possible user name on `platform`?"""
    return bool(_NAMES.get(platform, _ANY_NAME).fullmatch(name)) and name not in _RESERVED


def _dialled(host: str, path: str, query: str, fragment: str, region: str) -> str | None:
    """The number a wa.me / WhatsApp / Signal / t.me/+ link opens a chat with."""
    digits = None
    if host == "wa.me" or (host == "t.me" and path.startswith("/+")):
        match = _DIAL_PATH.fullmatch(path)
        digits = match.group(1) if match else None
    elif host.endswith("whatsapp.com") and path.rstrip("/") == "/send":
        digits = next(iter(parse_qs(query).get("phone", [])), None)
    elif host == "signal.me" and fragment.startswith("p/"):
        digits = fragment[2:].lstrip("+")
    if not digits or not digits.isdigit():
        return None
    return normalise_phone("+" + digits, region)


def _contact(match: re.Match[str], region: str) -> Contact | None:
    written_path = match.group("path") or ""
    path = written_path
    while path and path[-1] in _TRAILING and not (path[-1] == ")" and "(" in path):
        path = path[:-1]  # 'se www.anna.dk.' and '(www.anna.dk)' end before the punctuation
    start, end = match.start(), match.end() - (len(written_path) - len(path))
    raw = match.string[start:end]
    labels = _LINK_DOT_SPLIT.split(match.group("host"))
    host = ".".join(labels).lower()
    obfuscated = "[" in match.group("host") or "(" in match.group("host")
    bare = not match.group("scheme") and not host.startswith("www.")
    if bare and not plausible_bare_domain(labels, bool(path.strip("/"))):
        return None
    host = host.removeprefix("www.").removeprefix("m.")
    rest, _, fragment = path.partition("#")
    rest, _, query = rest.partition("?")
    phone = _dialled(host, rest, query, fragment, region)
    if phone:
        return Contact("phone", phone, start, end, obfuscated, raw)
    platform = _PROFILE_HOSTS.get(host)
    segments = [s for s in rest.split("/") if s]
    if platform == "snapchat" and segments[:1] == ["add"]:
        segments = segments[1:]
    if platform and segments:
        name = segments[0].removeprefix("@").lower()
        if valid_name(platform, name):
            return Contact("handle", f"{platform}:{name}", start, end, obfuscated, raw)
    return Contact("url", host + path.rstrip("/"), start, end, obfuscated, raw)


def _link_start(text: str, hint: int) -> int:
    """Where the link around a hint begins: back over the host, and over 'https' before '://'."""
    if text.startswith("://", hint):
        start = hint
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        return start
    start = hint
    while (
        start > 0
        and hint - start < 255
        and (text[start - 1].isalnum() or text[start - 1] in "-_.[]()")
    ):
        start -= 1
    while start < hint and not text[start].isalnum():
        start += 1  # '(www.anna.dk' starts at 'w'
    return start


def links_in(text: str, region: str) -> list[Contact]:
    found: list[Contact] = []
    taken = 0
    for hint in _LINK_HINT.finditer(text):
        if hint.start() < taken:
            continue
        match = _LINK.match(text, _link_start(text, hint.start()))
        if match is None:
            continue
        taken = match.end()
        contact = _contact(match, region)
        if contact is not None:
            found.append(contact)
    return found


def handle_of_link(value: str) -> str | None:
    """'t.me/anna' -> 'telegram:anna'; 'wa.me/4552614783' -> 'whatsapp:4552614783' (a handle
    field keeps the platform; the caller turns a WhatsApp number into a phone)."""
    link = _LINK.fullmatch(value)
    if link is None:
        return None
    host = ".".join(_LINK_DOT_SPLIT.split(link.group("host"))).lower().removeprefix("www.")
    dial = _DIAL_PATH.fullmatch(link.group("path") or "")
    if host == "wa.me" and dial:
        return f"whatsapp:{dial.group(1)}"
    contact = _contact(link, "DK")
    return contact.value if contact is not None and contact.kind == "handle" else None
