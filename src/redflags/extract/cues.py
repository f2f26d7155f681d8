"""Which free texts can hold a contact at all: one RE2 pattern, run by DuckDB over a whole column.

The careful reader (`normalise.contacts.find_contacts`) is Python and reads one text at a time.
Most texts (chat lines, most notes) hold no phone, handle, e-mail or link, and the reader
would only say so slowly. `CUE_PATTERN` matches every text in which the reader could find
something, so a text it does not match has no contacts and is never handed to Python. It is
built from what each finder needs before it can match anything, made looser where RE2 lacks
Python's look-arounds (so it errs towards "read it"):

- e-mails: an '@', or 'at' (also 'snabel-a', 'ät') between spaces or in brackets (emails.py);
- links: a letter or digit, a dot (also '[.]', '(dot)') and a letter, or '://' (links.py);
- handles: an '@', a messenger's word standing as a word ('telegram', 'snap', 'OF'; handles.py);
- phones: any digit (every script's, and the circled, superscript ... symbols); without one, four
  number words (`has_cue`, in Python): a phone needs seven digits in one run, and a word spells
  at most two (obfuscation.py, `_most_digits`). Look-alike letters ('O', 'l') count only next
  to a digit, so they add no cue of their own.

`tests/test_extract_cues.py` holds the pattern to that promise over the extraction examples and
a generated world, text by text.
"""

from __future__ import annotations

import re
from functools import cache

from redflags.normalise.handles import platform_words
from redflags.normalise.obfuscation import compat_digits, number_word_count

# Python's str.isspace() characters: RE2's \s is ASCII only.
_SPACE = (
    r"[\t-\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}"
    r"\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"
)
_AT_WORD = "(?:at|snabel-?a|ät)"
_WORDS_FOR_A_PHONE = 4  # 7 digits, at most 2 per word


def _re2(text: str) -> str:
    """A literal for RE2: re.escape's backslashes are before punctuation, which RE2 reads alike."""
    return re.escape(text)


def _char_class(chars: str) -> str:
    return "[" + "".join(f"\\x{{{ord(c):x}}}" for c in sorted(set(chars))) + "]"


def _platform_cue() -> str:
    words = sorted(w for w in platform_words() if w != "of")
    ascii_words = [w for w in words if w.isascii()]
    other = [w for w in words if not w.isascii()]
    # RE2's \b knows only ASCII word characters: it is a boundary wherever Python's is, and
    # more; words in other scripts get none (any occurrence is a cue)
    spoken = "|".join(_re2(w).replace(r"\ ", f"{_SPACE}?") for w in ascii_words)
    parts = [f"(?i:\\b(?:{spoken})\\b)", r"\bOF\b"]
    if other:
        parts.append("(?i:" + "|".join(_re2(w) for w in other) + ")")
    return "|".join(parts)


def _digit_cue() -> str:
    return r"\p{Nd}|" + _char_class("".join(compat_digits()))


@cache
def cue_pattern() -> str:
    """The RE2 pattern (DuckDB's `regexp_matches`) of a text that may hold a contact."""
    email = (
        f"@|(?i:[\\[({{<]{_SPACE}*(?:{_AT_WORD}|@){_SPACE}*[\\])}}>])"
        f"|(?i:{_SPACE}{_AT_WORD}{_SPACE})"
    )
    link = r"[\pL\pN]\.[\pL\pN]|(?i:[\pL\pN][\[(](?:\.|dot)[\])][\pL\pN])|://"
    return "|".join(f"(?:{part})" for part in (email, link, _platform_cue(), _digit_cue()))


def has_cue(text: str | None, cue: bool) -> bool:
    """May `text` hold a contact? `cue` is what `cue_pattern` said of it in DuckDB; a text it
    did not match still may spell a phone in words, which Python's own pattern counts (about a
    microsecond a text; RE2 would need the four words' chain, far slower)."""
    if not text:
        return False
    return cue or number_word_count(text) >= _WORDS_FOR_A_PHONE
