"""Redaction of everything the service answers about a case or an alert, and revealing one
identifier on purpose.

The store keeps cases in clear (it is the protected place); a response is built with the
scanner's own redaction (`Redactor` under the installation's key, with the names and customer
ids the case carries) and, as the last line, its finished JSON text passes a `Scrubber` that
knows every clear personal value of the case: the same three layers as the scanner's files."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from redflags.model import Case
from redflags.report.json_export import dumps
from redflags.report.redact import PERSONAL_KINDS, Redactor, Scrubber, case_personal_pairs

_TOKEN = re.compile(r"(?<![0-9A-Za-z])([a-z]+)#([0-9a-f]{10})(?![0-9A-Za-z])")


def token_in(text: str) -> str | None:
    """The one redaction token ("phone#0123456789") in `text` (a token or a redacted pivot
    such as "phone:phone#0123456789"); None if it holds none or several."""
    found = _TOKEN.findall(text)
    return f"{found[0][0]}#{found[0][1]}" if len(found) == 1 else None


Model = TypeVar("Model", bound=BaseModel)


def model_from_payload(model: type[Model], payload: dict[str, Any]) -> Model:
    """A scanner model (Case, Alert, YouthItem) again from its stored JSON: a finding's id is
    computed from its content, so the stored `finding_id` is left out before validating."""
    findings = [{k: v for k, v in f.items() if k != "finding_id"} for f in payload["findings"]]
    return model.model_validate({**payload, "findings": findings})


def _persona_names(item: Any) -> Iterator[str]:
    for finding in item.findings:
        names = finding.facts.get("persona_names") if isinstance(finding.facts, dict) else None
        if isinstance(names, list | tuple):
            yield from (n for n in names if isinstance(n, str))


@dataclass
class Redaction:
    """How one case (or alert) is redacted: its redactor and the clear values it knows."""

    redactor: Redactor
    pairs: set[tuple[str, str]]  # every (kind, clear value) of the item
    names: tuple[str, ...]
    scrubber: Scrubber

    @classmethod
    def of(cls, key: bytes, item: Any, names: Iterable[str] = ()) -> Redaction:
        """`item` is a Case, Alert or YouthItem; `names`: people's names stored with it."""
        return cls.from_pairs(key, case_personal_pairs(item), {*names, *_persona_names(item)})

    @classmethod
    def from_pairs(
        cls, key: bytes, pairs: Iterable[tuple[str, str]], names: Iterable[str]
    ) -> Redaction:
        """From an item's (kind, clear value) pairs and names, without the item itself."""
        redactor = Redactor(key=key)
        pairs = set(pairs)
        known = tuple(sorted(set(names)))
        redactor.add_names(known)
        redactor.add_customer_ids(v for k, v in pairs if k == "customer")
        return cls(redactor, pairs, known, Scrubber(redactor, pairs))

    def text(self, text: str) -> str:
        """Free text a person wrote (a comment, a note), redacted like the scanner's texts."""
        return self.scrubber(self.redactor.text(text))

    def document(self, data: Any) -> Any:
        """`data` (JSON-ready) with every clear value the item knows replaced in its text."""
        return json.loads(self.scrubber(dumps(data)))

    def clear_value(self, token: str, texts: Iterable[str] = ()) -> tuple[str, str] | None:
        """The (kind, clear value) behind a token shown for this item: one of its identifiers
        or names, else an identifier in one of `texts` (its summaries, its comments); None if
        the token does not belong to it."""
        found = _TOKEN.search(token)
        if found is None:
            return None
        wanted, kind = found.group(0), found.group(1)
        if kind not in PERSONAL_KINDS:
            return None
        token_of = self.redactor.token
        candidates = [(k, v) for k, v in self.pairs if k == kind]
        if kind == "name":
            candidates += [("name", n) for n in self.names]
        for candidate_kind, value in sorted(candidates):
            if token_of(candidate_kind, value) == wanted:
                return candidate_kind, value
        for text in texts:  # the free-text layer: what `Redactor.text` tokenised
            for start, end, shown in self.redactor.spans(text):
                if shown == wanted:
                    return kind, text[start:end]
        return None


def strings_of(value: Any) -> Iterator[str]:
    """Every string in a JSON-like structure."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_of(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_of(item)


def case_redaction(
    key: bytes, payload: dict[str, Any], names: Iterable[str]
) -> tuple[Case, Redaction]:
    """The stored case and its redaction."""
    case = model_from_payload(Case, payload)
    return case, Redaction.of(key, case, names)
