"""Keyed-hash redaction of personal identifiers in everything a run writes.

The same identifier always gets the same token under the same key, so an analyst can still see
that two records share a phone without seeing the number. `--reveal` shows the real values.
The key comes from REDFLAGS_REDACTION_KEY (at least 32 characters), or a random key kept in
~/.redflags/redaction.key (created owner-only; REDFLAGS_HOME moves the folder).

Three layers, each on its own not enough:
- fields: `Redactor.token` / `pivot` / `evidence` / `finding` replace the identifiers a record
  or finding names (phone, e-mail, handle, account, device, IP, address, customer id, name);
- free text: `Redactor.text` tokenises what text may carry: IBANs, Danish reg+konto numbers,
  card-like numbers, e-mails, phones (the project's own extractors), and every known name
  (personas, customers, KYC actors, company owners; `Redactor.add_names`);
- last line: `Scrubber` replaces every clear value a case or finding knows in a finished text.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import re
import secrets
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import ahocorasick

from redflags.model import Evidence, Finding
from redflags.normalise.contact import Contact
from redflags.normalise.contacts import find_contacts
from redflags.normalise.identifiers import normalise_name
from redflags.normalise.phones import DEFAULT_REGION
from redflags.report.kept_contacts import KINDS as CONTACT_KINDS
from redflags.report.kept_contacts import KeptContacts
from redflags.secretfile import create_owner_only

PERSONAL_KINDS = frozenset(
    {"phone", "email", "handle", "account", "device", "ip", "address", "customer", "name", "card"}
)
# Evidence fields whose value is a personal identifier, and the identifier kind it is.
FIELD_KINDS = {
    "phone": "phone",
    "email": "email",
    "handle": "handle",
    "sender": "handle",
    "recipient": "handle",
    "account_id": "account",
    "account": "account",
    "payer": "account",
    "payee": "account",
    "device_id": "device",
    "ip": "ip",
    "address": "address",
    "customer_id": "customer",
    "owner_customer_id": "customer",
    "persona": "name",
    "actor": "name",
    "owner_name": "name",
    "first_name": "name",
    "last_name": "name",
}
# Record kinds whose id names a person at the bank: "customer:K00001" is an identifier.
PERSONAL_RECORD_KINDS = {"customer": "customer"}
MIN_KEY_CHARS = 32
TEXT_CACHE_SIZE = 200_000  # redacted texts remembered (bounded memory on large runs)
MAX_WRITTEN_CHARS = 20_000  # any one free text written to JSON, CSV or FtM is cut to this
MAX_NAME_WORDS = 6
MIN_NAME_CHARS = 3  # shorter "names" ("Bo", "Li") would redact half the words of a page
# E-mail local parts that name a role rather than a person; shown alone they identify nobody.
ROLE_STEMS = frozenset({"info", "kontakt", "contact", "post", "mail", "admin", "support", "job"})


class RedactionKeyError(ValueError):
    """The redaction key cannot be used; the message is one line and never holds the key."""


def _home() -> Path:
    return Path(os.environ.get("REDFLAGS_HOME") or Path.home() / ".redflags")


def default_key() -> bytes:
    env = os.environ.get("REDFLAGS_REDACTION_KEY")
    if env is not None:
        if len(env.strip()) < MIN_KEY_CHARS:
            raise RedactionKeyError(
                f"REDFLAGS_REDACTION_KEY must be at least {MIN_KEY_CHARS} characters "
                f"(it has {len(env.strip())}); e.g. 64 hex digits from `openssl rand -hex 32`"
            )
        return env.strip().encode()
    path = _home() / "redaction.key"
    create_owner_only(path, secrets.token_hex(32).encode())  # kept if it exists
    key = path.read_bytes().strip()
    if len(key) < MIN_KEY_CHARS:
        raise RedactionKeyError(f"{path}: the redaction key is shorter than {MIN_KEY_CHARS}")
    return key


# --- identifiers in free text ---------------------------------------------------------------

# IBAN: country, check digits, 11-30 letters/digits, written compact or in groups of four.
_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])")
# card-like: 13-19 digits, compact or in groups of four (checked before account numbers)
_CARD = re.compile(r"(?<![\w+-])(?:\d{4}[ -]){3}\d{1,7}(?![\w-])|(?<![\w+-])\d{15,19}(?![\w-])")
# Danish reg + konto: "1234 1234567890", "1234-1234567890", "12341234567890" (compact only
# with all 14 digits: a shorter run of digits is as likely a phone number)
_REG_KONTO = re.compile(r"(?<![\w.,+-])(?:\d{4}[ .-]\d{6,10}|\d{14})(?![\w-]|[.,]\d)")
# a bare konto number after its label: "konto 1234567890", "kontonr. 1234567", "acct 123456"
_KONTO = re.compile(
    r"(?i:\b(?:konto(?:nummer|nr)?|account(?: number)?|acct|reg\.? ?nr)\.?:?\s*)(\d{6,14})\b"
)
# a token we wrote: redacting a text twice must not redact the token
_TOKEN = re.compile(
    r"(?<![0-9A-Za-z])(?:" + "|".join(sorted(PERSONAL_KINDS)) + r")#[0-9a-f]{10}(?![0-9A-Za-z])"
)
_MARKUP = re.compile(r"(<style>.*?</style>|<[^>]*>)", re.DOTALL)  # kept by Scrubber.page
_NAME_WORD = re.compile(r"\w+")
_NAME_GAP = re.compile(r"[\s.'’-]{1,3}")  # what may stand between the words of a name
_SIX_DIGITS = re.compile(r"(?:\d\D*){6}")
_WORD = re.compile(r"(?<![\w-])\w[\w-]*(?![\w-])")
_NON_FINITE = re.compile(r"(?<![\w.])-?(?:inf(?:inity)?|nan)(?![\w.])", re.IGNORECASE)


def _name_key(name: str) -> str:
    return " ".join(w.casefold() for w in _NAME_WORD.findall(name))


def canonical(kind: str, value: str) -> str:
    """The form a value is hashed in, so that the same identifier written differently gets one
    token: names folded, IBANs compact, reg+konto as 'RRRR-KKKKKKKKKK'."""
    value = value.strip()
    if kind == "name":
        return normalise_name(value) or value
    if kind == "account":
        compact = re.sub(r"[ .-]", "", value)
        if re.fullmatch(r"[A-Za-z]{2}\d{2}[A-Za-z0-9]{11,30}", compact):
            return compact.upper()
        if re.fullmatch(r"\d{10,14}", compact) and re.fullmatch(r"\d{4}[ .-]?\d{6,10}", value):
            return f"{compact[:4]}-{compact[4:]}"
    if kind == "card":
        return re.sub(r"[ -]", "", value)
    if kind == "email":
        return value.lower()
    return value


class Redactor:
    def __init__(
        self, key: bytes | None = None, reveal: bool = False, region: str = DEFAULT_REGION
    ) -> None:
        self.reveal = reveal
        self.region = region  # the run's phone region: a number it cannot read is not redacted
        self._key = b"" if reveal else (key if key is not None else default_key())
        self._names: dict[str, str] = {}  # name as folded words joined by one space -> token
        self._name_words = 0  # the most words of any name
        self._first_words: set[str] = set()  # the first word of every name key
        self._customers: frozenset[str] = frozenset()  # every customer id of the store
        self._done: dict[tuple[str, bool], str] = {}  # texts already redacted
        # findings already redacted (a run writes each in several files), by id with the finding
        # itself kept, so an id is never reused while its entry stands
        self._findings: dict[int, tuple[Finding, dict[str, Any]]] = {}
        # an incremental scan's kept answers of the contact search (report/kept_contacts.py)
        self.kept_contacts: KeptContacts | None = None

    # -- fields --

    def token(self, kind: str, value: str) -> str:
        kind = "name" if kind == "persona" else kind  # an advertised persona is a name
        if self.reveal or kind not in PERSONAL_KINDS:
            return value
        digest = hmac.new(
            self._key, f"{kind}:{canonical(kind, value)}".encode(), hashlib.sha256
        ).hexdigest()
        return f"{kind}#{digest[:10]}"

    def pivot(self, pivot: str) -> str:
        kind, _, value = pivot.partition(":")
        personal = kind in PERSONAL_KINDS or kind == "persona"
        return f"{kind}:{self.token(kind, value)}" if personal else pivot

    def record(self, kind: str, record_id: str) -> str:
        """A record id; a customer's id is a person's identifier at the bank."""
        personal = PERSONAL_RECORD_KINDS.get(kind)
        return self.token(personal, record_id) if personal else record_id

    def record_ref(self, ref: str) -> str:
        """'kind:id' with a customer's id tokenised."""
        kind, _, record_id = ref.partition(":")
        return f"{kind}:{self.record(kind, record_id)}" if kind in PERSONAL_RECORD_KINDS else ref

    def evidence(self, evidence: Evidence) -> Evidence:
        update: dict[str, Any] = {}
        if evidence.kind in PERSONAL_RECORD_KINDS:
            update["record_id"] = self.record(evidence.kind, evidence.record_id)
        kind = evidence.value_kind or FIELD_KINDS.get(evidence.field or "")
        if evidence.value is not None:
            if kind is not None and kind in PERSONAL_KINDS:
                update["value"] = self.token(kind, evidence.value)
            else:
                update["value"] = self.text(evidence.value)
        return evidence.model_copy(update=update) if update else evidence

    def finding(self, finding: Finding) -> dict[str, Any]:
        """A finding as JSON-ready data, its identifiers tokenised and free text redacted. The
        same finding gives the same dict (shared: read it, do not change it) until names or
        customer ids are added, which can change its text."""
        kept = self._findings.get(id(finding))
        if kept is not None and kept[0] is finding:
            return kept[1]
        data = self._finding(finding)
        if len(self._findings) > TEXT_CACHE_SIZE:
            self._findings.clear()
        self._findings[id(finding)] = (finding, data)
        return data

    def _finding(self, finding: Finding) -> dict[str, Any]:
        personas = finding.facts.get("persona_names") if isinstance(finding.facts, dict) else None
        if isinstance(personas, list | tuple):  # the names a finding quotes are names to hide
            new = [n for n in personas if isinstance(n, str) and _name_key(n) not in self._names]
            if new:
                self.add_names(new)
        data = finding.model_dump(mode="json")
        data["subject"] = self.token(finding.subject_kind, finding.subject)
        data["pivots"] = [self.pivot(p) for p in finding.pivots]
        data["evidence"] = [self.evidence(e).model_dump(mode="json") for e in finding.evidence]
        if "shared" in data["facts"]:
            data["facts"]["shared"] = [
                self.pivot(p) if isinstance(p, str) else p for p in data["facts"]["shared"]
            ]
        for key in ("summary_en", "summary_da"):
            text = finite_text(bounded(data[key]))
            if finding.subject_kind in PERSONAL_KINDS and not self.reveal and finding.subject:
                text = text.replace(finding.subject, data["subject"])
            data[key] = self.text(text)
        data["facts"] = self.walk(data["facts"])
        return data

    # -- free text --

    def add_names(self, names: Iterable[str]) -> None:
        """Names of people the run's records carry (personas, customers, actors, owners):
        `text` replaces each wherever it appears, in any case."""
        if self.reveal:
            return
        for name in names:
            clean = " ".join(str(name or "").split())
            if len(clean) >= MIN_NAME_CHARS and any(c.isalpha() for c in clean):
                key = _name_key(clean)
                self._names.setdefault(key, self.token("name", clean))
                self._first_words.add(key.partition(" ")[0])
                self._name_words = max(self._name_words, min(key.count(" ") + 1, MAX_NAME_WORDS))
        self._done.clear()
        self._findings.clear()

    def add_customer_ids(self, ids: Iterable[str]) -> None:
        """The bank's customer ids (K00001, C107471211): `text` replaces each wherever it
        stands as a word, since detectors quote them in facts and summaries."""
        if not self.reveal:
            self._customers |= {i for i in (str(x).strip() for x in ids) if len(i) >= 4}
            self._done.clear()
            self._findings.clear()

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self._names)

    def _name_spans(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Known names as whole words, in any case, however many spaces or hyphens stand
        between their words: looked up word by word (a dict, not a pattern of every name, so
        a large run's many names cost nothing per name)."""
        if not self._names:
            return
        words = list(_NAME_WORD.finditer(text))
        firsts = self._first_words
        i = 0
        while i < len(words):
            if words[i].group().casefold() not in firsts:  # no name starts with this word
                i += 1
                continue
            for n in range(min(self._name_words, len(words) - i), 0, -1):
                run = words[i : i + n]
                if any(
                    _NAME_GAP.fullmatch(text[a.end() : b.start()]) is None for a, b in pairwise(run)
                ):
                    continue
                token = self._names.get(" ".join(w.group().casefold() for w in run))
                if token:
                    yield run[0].start(), run[-1].end(), token
                    i += n
                    break
            else:
                i += 1

    def spans(self, text: str, contacts: bool = True) -> list[tuple[int, int, str]]:
        """(start, end, token) of every identifier in free text, without overlaps, in text
        order: IBANs, card-like and reg+konto numbers, e-mails and phones (`contacts`: the
        contact extractors, however disguised), known names and customer ids. Tokens already
        in the text are left alone, so redacting twice changes nothing."""
        if self.reveal or not text:
            return []
        taken: list[tuple[int, int, str]] = [
            (m.start(), m.end(), "") for m in _TOKEN.finditer(text)
        ]

        def add(start: int, end: int, token: str) -> None:
            if start < end and all(end <= a or start >= b for a, b, _ in taken):
                taken.append((start, end, token))

        # IBANs and cards first, then phones (the extractor knows a konto number when it is
        # labelled), then what is left that looks like an account number
        for pattern, kind in ((_IBAN, "account"), (_CARD, "card")):
            for m in pattern.finditer(text):
                add(m.start(), m.end(), self.token(kind, m.group()))
        if contacts and ("@" in text or _SIX_DIGITS.search(text)):
            for contact in self._contacts(text):
                add(contact.start, contact.end, self.token(contact.kind, contact.value))
        for m in _REG_KONTO.finditer(text):
            add(m.start(), m.end(), self.token("account", m.group()))
        for m in _KONTO.finditer(text):
            add(m.start(1), m.end(1), self.token("account", m.group(1)))
        for start, end, token in self._name_spans(text):
            add(start, end, token)
        if self._customers:
            for m in _WORD.finditer(text):
                if m.group() in self._customers:
                    add(m.start(), m.end(), self.token("customer", m.group()))
        return sorted(t for t in taken if t[2])

    def _contacts(self, text: str) -> list[Contact]:
        if self.kept_contacts is not None:
            return self.kept_contacts.find(text, self.region)
        return find_contacts(text, self.region, kinds=CONTACT_KINDS)

    def text(self, text: str, contacts: bool = True) -> str:
        """Free text with every identifier it carries replaced by its token (see `spans`).
        Identity with --reveal."""
        if self.reveal or not text:
            return text
        key = (text, contacts)
        done = self._done.get(key)
        if done is None:
            if len(self._done) > TEXT_CACHE_SIZE:  # the same summary is written five times
                self._done.clear()
            parts, last = [], 0
            for start, end, token in self.spans(text, contacts):
                parts.append(text[last:start] + token)
                last = end
            done = self._done[key] = "".join(parts) + text[last:]
        return done

    def walk(self, value: Any, contacts: bool = True, key: str = "") -> Any:
        """`text` on every string of a JSON-like structure (keys kept), each cut to
        MAX_WRITTEN_CHARS and without 'inf'/'nan' first (also with --reveal). Timestamps and
        the project's own ids are not free text: the phone reader would find numbers in
        "2026-06-13T06:57:40" or a hex id and break them."""
        if isinstance(value, str):
            if key in NOT_FREE_TEXT or _TIMESTAMP.match(value):
                return bounded(value)
            return self.text(finite_text(bounded(value)), contacts)
        if isinstance(value, Mapping):
            return {k: self.walk(v, contacts, str(k)) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.walk(v, contacts, key) for v in value]
        return value


# Keys whose strings are the project's own ids or codes, never free text (walk leaves them).
NOT_FREE_TEXT = frozenset(
    {
        "finding_id", "finding_ids", "case_id", "group_id", "alert_id", "item_id",
        "component_id", "related_cases", "indicator_id", "indicator_ids", "code", "model",
    }
)  # fmt: skip
_TIMESTAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\Z"
)


def bounded(text: str, limit: int | None = None) -> str:
    """A text cut to `limit` (MAX_WRITTEN_CHARS) characters, saying how much was cut."""
    limit = MAX_WRITTEN_CHARS if limit is None else limit
    return text if len(text) <= limit else text[:limit] + f"… (+{len(text) - limit} characters)"


def finite_text(text: str) -> str:
    """A summary never prints 'inf' or 'nan': an overflowed sum is 'too large to show'."""
    return _NON_FINITE.sub("(too large to show)", text) if text else text


def finite(value: Any, notes: list[str] | None = None, path: str = "") -> Any:
    """A JSON-ready copy of `value` without NaN or infinity: each becomes None, and `notes`
    (when given) gets the path of every value replaced."""
    if isinstance(value, float) and not math.isfinite(value):
        if notes is not None:
            notes.append(f"{path or '$'}: {value!r} is not a finite number; written as null")
        return None
    if isinstance(value, Mapping):
        return {k: finite(v, notes, f"{path}.{k}") for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v, notes, f"{path}[{i}]") for i, v in enumerate(value)]
    return value


# --- the last line of defence -----------------------------------------------------------------


def _variants(kind: str, value: str) -> list[str]:
    """The ways a personal value can appear in text we write: as normalised, and for phones
    also without the plus and as the national number (last eight digits); an e-mail also as
    its local part alone."""
    out = [value]
    if kind == "phone":
        digits = value.lstrip("+")
        out.append(digits)
        if len(digits) > 8:
            out.append(digits[-8:])
    if kind == "handle" and ":" in value:
        out.append(value.partition(":")[2])
    if kind == "email" and "@" in value:
        stem = value.partition("@")[0]
        if stem.lower() not in ROLE_STEMS:
            out.append(stem)
    return [v for v in out if len(v) >= 4]


class Scrubber:
    """A last line of defence: replaces every known clear personal value in a finished text
    (an HTML page, a CSV cell, a JSON line) with its keyed-hash token.

    Built from pivots ("phone:+45...") and (kind, value) pairs. A value only matches as a whole
    token (not inside a longer run of letters or digits), in any case. Names are left to
    `Redactor.text` on the values written: matched in a whole page they could hit its markup
    (a persona called "Mark"). With `reveal` it does nothing.
    """

    def __init__(self, redactor: Redactor, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self.redactor = redactor
        self._tokens: dict[str, str] = {}  # casefolded value -> token
        self._pattern: re.Pattern[str] | None = None
        self._values: list[tuple[str, bool]] = []  # longest first; whether caseless
        self._automaton: Any = None  # the ASCII values, for a scrubber of many
        self._rank: dict[str, int] = {}  # each value's place in `_values`
        self._unfoldable: set[str] = set()  # the values the automaton cannot look up
        self.add(pairs)

    def add(self, pairs: Iterable[tuple[str, str]]) -> None:
        if self.redactor.reveal:
            return
        for kind, value in pairs:
            if kind not in PERSONAL_KINDS or kind == "name" or not value:
                continue
            token = self.redactor.token(kind, value)
            for variant in _variants(kind, value):
                self._tokens.setdefault(variant.casefold(), token)
        self._pattern = None

    def page(self, html: str) -> str:
        """A finished page scrubbed in its text only: tags (and the stylesheet) are left as
        written, so that a handle called "meta" or "none" cannot break the markup or the
        Content-Security-Policy."""
        if self.redactor.reveal or not self._tokens:
            return html
        return "".join(part if i % 2 else self(part) for i, part in enumerate(_MARKUP.split(html)))

    def add_pivots(self, pivots: Iterable[str]) -> None:
        self.add(tuple(p.partition(":")[::2]) for p in pivots)  # type: ignore[misc]

    def __call__(self, text: str) -> str:
        if self.redactor.reveal or not self._tokens:
            return text
        if self._pattern is None:
            self._values = [(v, _caseless(v)) for v in sorted(self._tokens, key=len, reverse=True)]
            self._rank = {v: i for i, (v, _) in enumerate(self._values)}  # longest first
            self._unfoldable = {v for v, _ in self._values if not v.isascii()}
            self._automaton = None
            self._pattern = _value_pattern(tuple(v for v, _ in self._values))
        # A value that is no substring of the text (in any case) cannot match; the pattern of
        # the others alone matches exactly what the whole one does (the order of the
        # alternatives kept), and most texts then need no pattern of their own at all.
        pattern = self._pattern
        if len(self._values) <= FILTERED_VALUES:
            present = tuple(v for v, caseless in self._values if not caseless or v in text)
        else:  # a page's scrubber: its values looked up all at once
            found = self._ascii_in(text) | self._unfoldable
            present = tuple(sorted(found, key=self._rank.__getitem__))
        if not present:
            return text
        if len(present) < len(self._values):
            pattern = _value_pattern(present)
        tokens = self._tokens
        return pattern.sub(lambda m: tokens.get(m.group().casefold(), m.group()), text)

    def _ascii_in(self, text: str) -> set[str]:
        """The ASCII values that stand in `text` as substrings in any case, as a caseless
        pattern would match them (one Aho-Corasick pass over the text folded to lower case,
        character for character). The others are always tried."""
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for value, _ in self._values:
                if value.isascii():  # casefolded already: lower case
                    automaton.add_word(value, value)
            if len(automaton):
                automaton.make_automaton()
            self._automaton = automaton
        if not len(self._automaton):
            return set()
        return {value for _, value in self._automaton.iter(text.translate(_FOLD_TO_ASCII))}


# What a caseless pattern matches with an ASCII letter, as that letter in lower case: one
# character for one, so a value found in the folded text stands at the same place in the text.
_FOLD_TO_ASCII = str.maketrans(
    {
        **{c: c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
        "\u0130": "i",  # İ
        "\u0131": "i",  # ı
        "\u017f": "s",  # ſ
        "\u212a": "k",  # Kelvin sign
    }
)


FILTERED_VALUES = 32


def _caseless(value: str) -> bool:
    """No letters, ASCII only: matched with IGNORECASE exactly where it is a substring."""
    return value.isascii() and not any(c.isalpha() for c in value)


@lru_cache(maxsize=4096)
def _value_pattern(values: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `values` as a whole token (not inside a run of letters or digits), in any case;
    kept, since the same finding's values are scrubbed in several outputs."""
    return re.compile(
        r"(?<![0-9A-Za-z])(?:" + "|".join(re.escape(v) for v in values) + r")(?![0-9A-Za-z])",
        re.IGNORECASE,
    )


def finding_personal_pairs(finding: Finding) -> set[tuple[str, str]]:
    """Every (kind, clear value) a finding carries: subject, pivots, evidence values and the
    ids of customer records it points at."""
    pairs = {(finding.subject_kind, finding.subject)}
    pairs |= {tuple(p.partition(":")[::2]) for p in finding.pivots}  # type: ignore[misc]
    facts = finding.facts if isinstance(finding.facts, dict) else {}
    for p in facts.get("shared", ()) or ():
        if isinstance(p, str) and ":" in p:
            pairs.add(tuple(p.partition(":")[::2]))  # type: ignore[arg-type]
    for e in finding.evidence:
        if e.kind in PERSONAL_RECORD_KINDS:
            pairs.add((PERSONAL_RECORD_KINDS[e.kind], e.record_id))
        # a value found by a lexicon in a contact field is a concept, not an identifier
        kind = e.value_kind or (FIELD_KINDS.get(e.field or "") if e.start is None else None)
        if kind and e.value:
            pairs.add((kind, e.value))
    return {(k, v) for k, v in pairs if k in PERSONAL_KINDS and v}


def case_personal_pairs(case: Any) -> set[tuple[str, str]]:
    """Every (kind, clear value) a case carries: its pivots and records, its findings'
    subjects, pivots and evidence values, and the entities of its roles, edges and timeline."""
    pairs: set[tuple[str, str]] = set()

    def pivot(p: str | None) -> None:
        if p and ":" in p:
            kind, _, value = p.partition(":")
            pairs.add((PERSONAL_RECORD_KINDS.get(kind, kind), value))

    for p in case.pivots:
        pivot(p)
    for record in case.records:
        if record.partition(":")[0] in PERSONAL_RECORD_KINDS:
            pivot(record)
    for finding in case.findings:
        pairs |= finding_personal_pairs(finding)
    for role in getattr(case, "roles", ()) or ():
        pivot(role.entity)
    for edge in getattr(case, "edges", ()) or ():
        pivot(edge.source)
        pivot(edge.target)
    for entry in getattr(case, "timeline", ()) or ():
        pivot(getattr(entry, "entity", None))
    return {(k, v) for k, v in pairs if k in PERSONAL_KINDS and v}
