"""Domain names in text: label syntax, and the public-suffix check for bare domains."""

from __future__ import annotations

from functools import cache
from typing import Any

LABEL = r"[^\W_](?:[\w\-]{0,61}[^\W_])?"  # one DNS label, letters of any script allowed

# Suffixes ads use. A bare domain with no path must end in one: abbreviations such as 'tlf.nr'
# or 'kl.to' end in rarer country codes ('nr' is Nauru, 'to' Tonga).
COMMON_SUFFIXES = frozenset(
    {
        *("com", "net", "org", "info", "biz", "eu", "io", "me", "co", "tv", "cc", "ly", "app"),
        *("xyz", "online", "site", "club", "top", "shop", "live", "xxx", "sex", "porn", "adult"),
        *("dating", "love", "vip", "agency", "jobs", "work", "travel", "email", "link", "page"),
        *("dk", "se", "no", "fi", "is", "de", "at", "ch", "nl", "be", "fr", "it", "es", "pt"),
        *("uk", "ie", "pl", "cz", "sk", "hu", "ro", "bg", "gr", "ru", "ua", "by", "md", "lt"),
        *("lv", "ee", "rs", "hr", "si", "al", "tr", "th", "vn", "ph", "id", "my", "cn", "ng"),
        *("us", "ca", "br", "in"),
    }
)


@cache
def _suffixes() -> Any:
    import tldextract  # deferred: it imports requests, which costs ~0.1 s at start-up

    # No list URLs and no cache directory: only the public-suffix snapshot bundled with the
    # package is read. Nothing is fetched from the network or written under ~/.cache.
    return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)


def registrable(host: str) -> bool:
    """Does `host` end in a public suffix with a name before it ('anna.dk', not 'f.eks')?"""
    parts = _suffixes()(host)
    return bool(parts.suffix and parts.domain)


def plausible_bare_domain(labels: list[str], has_path: bool) -> bool:
    """Is a domain written without scheme or 'www.' really one? Its suffix must be public; with
    no path, a common one; and a suffix in title case is a sentence that lost its space
    ('Hej.Jeg', 'dig.Men')."""
    last = labels[-1]
    if last[:1].isupper() and last[1:].islower():
        return False
    if not has_path and last.lower() not in COMMON_SUFFIXES:
        return False
    return registrable(".".join(labels).lower())
