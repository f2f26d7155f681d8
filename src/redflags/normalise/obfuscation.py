"""Digit streams: the digits a text spells, however it spells them, mapped back to the text.

Ads hide phone numbers from scrapers: "fem to seks en ...", keycap emoji "5️⃣", full-width or
mathematical digits, "O" for 0 and "l" for 1, underscores, pipes and line breaks between the
groups. `digit_runs` reads these with two compiled patterns (digits as written; number words
from data/number_words.yaml) into *atoms*, pieces of text that stand for one or more ASCII
digits with their span in the original text, and groups the atoms that only separators divide
into *runs*. The atoms are the offset map: any slice of a run's digits maps back to the
original text through the atoms it came from. Python only touches the few tokens that are
digits or number words; the scanning is done by the regex engine.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

import yaml

# Characters that may stand between the groups of one number. Colons and commas are left out:
# they separate times ("20:00") and list items ("500, 1000"), not digit groups.
_SEPARATORS = (
    " \t\r\n\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u200b\u200c\u200d\u202f\u205f\u2060\u3000\ufe0f"  # spaces, zero-width, VS16
    ".-/()[]_|*~+·•'\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc"  # dashes, dots
    "\uff0b\uff0d\uff0e\uff0f\uff08\uff09\u2795"  # full-width + - . / ( ), emoji +
)
MAX_GAP = 5  # longer gaps ("52 61 \n\n 47 83") end a run

# What a plain phone matcher reads between digit groups: libphonenumber's punctuation (at most
# four in a row) less the tildes, and one pair of brackets ('(+45) 52..', '+40 (721) 234').
# Anything else (underscores, pipes, stars, line breaks, '(52) (61) (47)') means the number
# was only readable after undoing obfuscation.
_MATCHER_PUNCTUATION = frozenset("-‐‑‒–—―−ー－／ \u00a0\u00ad\u200b\u2060\u3000()（）［］.[]/")
_MATCHER_GAP = 4

_PLUSES = ("+", "＋", "➕")  # ads write the plus sign full-width and as emoji too
_PLUS_BEFORE = re.compile(r"[+＋➕][ (\u00a0]?\Z")
_SWAPS = str.maketrans("OoIl|", "00111")


class Atom(NamedTuple):
    """One piece of text that stands for digits: '52', '５', 'fem', '5️⃣', '6l'."""

    digits: str  # ASCII digits; '+' for a spelled-out plus ("plus")
    start: int
    end: int
    disguised: bool  # a word, emoji, look-alike letter or compatibility digit


@dataclass(frozen=True, slots=True)
class Run:
    """Atoms with only separators between them: one or more numbers, or none."""

    atoms: tuple[Atom, ...]
    gaps: tuple[str, ...]  # text between atoms[k] and atoms[k + 1]
    plus: tuple[int, ...]  # offset of a '+' just before atoms[k], or -1

    @property
    def start(self) -> int:
        return self.plus[0] if self.plus[0] >= 0 else self.atoms[0].start

    @property
    def end(self) -> int:
        return self.atoms[-1].end


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, str]  # lower-case spelling -> digit, '+' (plus) or '*N' (repeat N times)
    unspaced: frozenset[str]  # spellings of scripts written without spaces (Thai)


@cache
def _lexicon() -> _Lexicon:
    text = (
        resources.files("redflags.normalise")
        .joinpath("data/number_words.yaml")
        .read_text(encoding="utf-8")
    )
    data: dict[str, Any] = yaml.safe_load(text)
    words: dict[str, str] = {}

    def add(spelling: str, meaning: str, where: str) -> None:
        key = spelling.lower()
        if words.setdefault(key, meaning) != meaning:
            raise ValueError(f"number_words.yaml: {spelling!r} ({where}) is ambiguous")

    for language, digits in data["digits"].items():
        for digit, spellings in digits.items():
            for spelling in spellings:
                add(spelling, str(digit), language)
    for spelling in data["plus"]:
        add(spelling, "+", "plus")
    for count, spellings in data["repeat"].items():
        for spelling in spellings:
            add(spelling, f"*{count}", "repeat")
    for language, spec in data.get("two_digit", {}).items():
        for number, spellings in spec["teens"].items():
            for spelling in spellings:
                add(spelling, str(number), language)
        units = spec["units"]
        for tens, spellings in spec["tens"].items():
            for spelling in spellings:
                add(spelling, f"{tens}0", language)
        compound_tens = {**spec.get("compound_tens", {})}
        for tens, spellings in spec["tens"].items():
            compound_tens[tens] = [*compound_tens.get(tens, []), *spellings]
        for form in spec["forms"]:
            for tens, tens_spellings in compound_tens.items():
                for unit, unit_spellings in units.items():
                    for t in tens_spellings:
                        for u in unit_spellings:
                            add(form.format(unit=u, tens=t), f"{tens}{unit}", language)
    thai = frozenset(w for w in words if any("\u0e00" <= c <= "\u0e7f" for c in w))
    return _Lexicon(words, thai)


def _trie(words: list[str], bounded: frozenset[str]) -> str:
    """A regex alternation factored by common prefixes: one branch per character, so matching
    costs little more than one word. Every top-level branch starts with a literal, which lets
    the regex engine skip straight to possible first letters. Words in `bounded` must not
    touch a letter on either side ("fire" is 4, "firewall" is not)."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = word

    def render(node: dict[str, Any], depth: int) -> str:
        branches = []
        for char, child in sorted(node.items()):
            if not char:
                continue
            # After the first character: was the one before it a letter? (Not for Thai.)
            guard = ""
            if depth == 0 and not "\u0e00" <= char <= "\u0e7f":
                guard = f"(?<![^\\W\\d_]{re.escape(char)})"
            branches.append(re.escape(char) + guard + render(child, depth + 1))
        end = ""
        if "" in node:
            end = _NOT_LETTER_AFTER if node[""] in bounded else ""
            end = f"(?:{end})" if end else ""
        if not branches:
            return end
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body}|{end})" if end else f"(?:{body})?"
        return body

    return render(tree, 0)


def _compat_digits() -> dict[str, str]:
    """Circled, parenthesised, dingbat, superscript and subscript digits -> ASCII digits.

    Decimal digits (full-width, mathematical, other scripts) are `\\d` already; these are the
    numeric symbols that are not, from the few blocks that hold them."""
    table: dict[str, str] = {}
    blocks = [(0xB2, 0xBA), (0x2070, 0x208A), (0x2460, 0x2500), (0x2776, 0x2794)]
    blocks += [(0x3251, 0x3260), (0x1F100, 0x1F10D)]
    for low, high in blocks:
        for code in range(low, high):
            char = chr(code)
            value = unicodedata.numeric(char, -1)
            if 0 <= value <= 50 and value == int(value) and not char.isdecimal():
                table[char] = str(int(value))
    return table


_COMPAT = _compat_digits()
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
_DIGIT = r"(?:[0-9](?![\ufe0f\u20e3]))"  # a digit that is not the start of a keycap emoji
_SWAP_OR_DIGIT = f"(?:[OoIl]|{_DIGIT})"


@cache
def _digit_pattern() -> re.Pattern[str]:
    """Digits as written: ASCII (with look-alike letters), keycaps, other Unicode digits.

    The pattern opens with one character class so the engine skips non-digits in C; what kind
    of atom it is follows from that first character. A look-alike letter counts only inside a
    token of digits that no other letter touches ('5O', '6l' are digits; 'Oslo', 'l0ve' are
    not). A pipe between two digits is a separator ('52|61'); at a token's edge it is a 1."""
    compat = "".join(sorted(_COMPAT))
    ascii_rest = f"{_DIGIT}*(?:{_SWAP_OR_DIGIT}*(?:\\|(?![0-9OoIl|]))?{_NOT_LETTER_AFTER})?"
    return re.compile(
        f"[\\d|{compat}]"
        "(?:"
        f"(?<=[0-9])(?:\ufe0f?\u20e3|{ascii_rest})"
        f"|(?<=\\|)(?<![0-9OoIl]\\|)(?={_SWAP_OR_DIGIT}*{_DIGIT}){_SWAP_OR_DIGIT}+"
        f"{_NOT_LETTER_AFTER}"
        f"|(?<=[{compat}])[{compat}]*"
        "|(?<=[^\\D0-9])[^\\D0-9]*"
        ")"
    )


@cache
def _word_pattern(ignore_case: bool) -> re.Pattern[str]:
    """Number words, run over lower-cased text (IGNORECASE is several times slower)."""
    lexicon = _lexicon()
    spaced = frozenset(lexicon.words) - lexicon.unspaced
    return re.compile(_trie(sorted(lexicon.words), spaced), re.IGNORECASE if ignore_case else 0)


def _digit_atom(text: str, start: int, end: int) -> Atom:
    token = text[start:end]
    if token.isascii() and token.isdigit():
        return Atom(token, start, end, False)
    first = token[0]
    if token[-1] == "\u20e3":
        return Atom(first, start, end, True)
    if first in "0123456789|OoIl":
        digits = token.translate(_SWAPS)
        return Atom(digits, start, end, digits != token)
    if first in _COMPAT:
        return Atom("".join(_COMPAT[c] for c in token), start, end, True)
    # Full-width and mathematical digits (NFKC changes them) are disguises; a script's own
    # digits (Thai ๕, Arabic ٥) are how that script writes numbers.
    digits = "".join(str(unicodedata.digit(c)) for c in token)
    return Atom(digits, start, end, unicodedata.normalize("NFKC", token) != token)


def _lead(text: str, start: int) -> int:
    """Where a digit token really starts: look-alike letters before it that no other letter
    touches belong to it ('O5', 'lO 22'); the pattern cannot see them, it starts at a digit."""
    lead = start
    while lead > 0 and text[lead - 1] in "OoIl":
        lead -= 1
    return lead if lead == 0 or not text[lead - 1].isalpha() else start


_LONE_SWAP = re.compile(r"(?<![^\W_])[OoIl](?![^\W_])")
_SHORT_GAP = re.compile(r"[ .\-_/]{1,2}\Z")  # what stands between spaced digits
_SHORT_GAP_AFTER = re.compile(r"[ .\-_/]{1,2}")


def _lone_swaps(text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Look-alike letters standing alone between spaced digits ('4 O 7 l 6 2 5 3'): each must
    sit in a chain of single characters (digits or such letters) that a short separator
    divides and that starts and ends with a digit of at most two characters' group, so 'I' and
    'o' as words ('1 o 2 veces', 'I am') stay words unless digits close in on them."""
    if not spans:
        return []
    short = {start: end for start, end, _ in spans if end - start <= 2}
    ends = set(short.values())
    found = [m.start() for m in _LONE_SWAP.finditer(text, spans[0][0], spans[-1][1])]
    if not found:
        return []
    # Chains of letters that short separators join ('O l' in '4 O l 2'), in one pass.
    chains: list[list[int]] = []
    for position in found:
        if chains:
            gap = _SHORT_GAP_AFTER.match(text, chains[-1][-1] + 1)
            if gap is not None and gap.end() == position:
                chains[-1].append(position)
                continue
        chains.append([position])
    accepted: list[tuple[int, int, bool]] = []
    for chain in chains:
        before = _SHORT_GAP.search(text, max(0, chain[0] - 2), chain[0])
        after = _SHORT_GAP_AFTER.match(text, chain[-1] + 1)
        if before and after and before.start() in ends and after.end() in short:
            accepted += [(position, position + 1, False) for position in chain]
    return accepted


def _spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_word) of every digit token and number word, in text order."""
    spans = [(*m.span(), False) for m in _digit_pattern().finditer(text)]
    for index, (start, end, _) in enumerate(spans):
        if start and text[start - 1] in "OoIl":
            spans[index] = (_lead(text, start), end, False)
    lone = _lone_swaps(text, spans)
    if lone:
        spans = sorted(spans + lone)
    lowered = text.lower()
    same_length = len(lowered) == len(text)  # a few characters grow when lower-cased ('İ')
    words = _word_pattern(not same_length).finditer(lowered if same_length else text)
    word_spans = [(*m.span(), True) for m in words]
    if word_spans:
        spans += word_spans
        spans.sort()
    return spans


def _groups(
    text: str, spans: list[tuple[int, int, bool]], min_digits: int
) -> list[list[tuple[int, int, bool]]]:
    """Spans that only separators divide, dropping groups too short to hold a number."""
    groups: list[list[tuple[int, int, bool]]] = []
    group: list[tuple[int, int, bool]] = []
    last_end = -MAX_GAP - 1
    last_word = False
    for span in spans:
        start = span[0]
        if start < last_end:
            continue  # overlaps the previous token
        rest = text[last_end:start].strip(_SEPARATORS) if start - last_end <= MAX_GAP else "x"
        # A comma joins number words ('fem, to, seks'), never digits ('500, 1000, 1500').
        gap_ok = not rest or (rest == "," and last_word and span[2])
        if not gap_ok and group:
            groups.append(group)
            group = []
        group.append(span)
        last_end, last_word = span[1], span[2]
    if group:
        groups.append(group)
    return [g for g in groups if _most_digits(text, g) >= min_digits]


def _most_digits(text: str, group: list[tuple[int, int, bool]]) -> int:
    """An upper bound on the digits a group spells, to skip '1.200' and '24' cheaply. An ASCII
    token has as many digits as characters; a circled '⑩' has two; a word at most two, with
    'double' before it."""
    bound = 0
    for start, end, word in group:
        if word:
            bound += 2
        else:
            bound += end - start if text[start:end].isascii() else 2 * (end - start)
    return bound


def _trunk_zero(text: str, gap: str, atom: Atom) -> bool:
    """Is `atom` the '(0)' of '+49 (0)151 ...'?"""
    return atom.digits == "0" and gap.endswith("(") and text[atom.end : atom.end + 1] == ")"


def _finish(
    runs: list[Run], atoms: list[Atom], gaps: list[str], plus: list[int], min_digits: int
) -> None:
    if atoms and sum(len(a.digits) for a in atoms) >= min_digits:
        runs.append(Run(tuple(atoms), tuple(gaps), tuple(plus)))


def _run_of(
    text: str, group: list[tuple[int, int, bool]], runs: list[Run], min_digits: int
) -> None:
    """Turn one group of spans into runs: '+' and repeat words attach to the atom after them."""
    meaning = _lexicon().words
    run: list[Atom] = []
    gaps: list[str] = []
    plus: list[int] = []
    pending_plus = -1  # offset of a "plus" word waiting for its number
    repeat: Atom | None = None  # a "double" waiting for its digit
    for start, end, word in group:
        atom = Atom(meaning[text[start:end].lower()], start, end, True) if word else None
        if atom is not None and atom.digits == "+":
            pending_plus = start
            continue
        if atom is not None and atom.digits.startswith("*"):
            repeat = atom
            continue
        if atom is None:
            atom = _digit_atom(text, start, end)
        if repeat is not None:
            if len(atom.digits) == 1:
                atom = Atom(atom.digits * int(repeat.digits[1:]), repeat.start, end, True)
            repeat = None
        gap = text[run[-1].end : atom.start] if run else ""
        if run and len(run) == 1 and plus[0] >= 0 and _trunk_zero(text, gap, atom):
            continue  # '+49 (0)151 ...': the 0 is dialled only from inside the country
        if run and any(sign in gap for sign in _PLUSES):
            # '+45...' starts a number; a free-standing ' + ' joins two.
            if gap.rstrip("(")[-1:] in _PLUSES:
                gaps.append(gap)
                plus.append(run[-1].end + len(gap.rstrip("(")) - 1)
            else:
                _finish(runs, run, gaps, plus, min_digits)
                run, gaps, plus = [atom], [], [pending_plus]
                pending_plus = -1
                continue
        elif run:
            gaps.append(gap)
            plus.append(pending_plus)
        else:
            before = _PLUS_BEFORE.search(text, max(0, atom.start - 3), atom.start)
            plus.append(before.start() if before else pending_plus)
        pending_plus = -1
        run.append(atom)
    _finish(runs, run, gaps, plus, min_digits)


def digit_runs(text: str, min_digits: int = 7) -> list[Run]:
    """Runs of digit atoms in `text` holding at least `min_digits` digits."""
    runs: list[Run] = []
    for group in _groups(text, _spans(text), min_digits):
        _run_of(text, group, runs, min_digits)
    return runs


def readable_by_matcher(run: Run, first: int, last: int) -> bool:
    """Would a plain phone matcher read atoms[first:last] as written? (ASCII digits with the
    punctuation libphonenumber accepts between groups.)"""
    if any(a.disguised for a in run.atoms[first:last]):
        return False
    gaps = "\x00".join(run.gaps[first : last - 1]).replace("(0)", "")  # '+49 (0)151 ...'
    if gaps.count("(") + gaps.count(")") > 2:
        return False
    return all(
        len(gap) <= _MATCHER_GAP and _MATCHER_PUNCTUATION.issuperset(gap)
        for gap in gaps.split("\x00")
    )


def number_word_count(text: str) -> int:
    """How many number words the digit reader sees in `text` (the same pattern and casing as
    `_spans`): with no digit in the text, a phone needs four of them (two digits at most each)."""
    lowered = text.lower()
    same_length = len(lowered) == len(text)
    pattern = _word_pattern(not same_length)
    return sum(1 for _ in pattern.finditer(lowered if same_length else text))


def compat_digits() -> frozenset[str]:
    """The numeric symbols (circled, superscript ...) read as digits that are not `\\d`."""
    return frozenset(_COMPAT)
