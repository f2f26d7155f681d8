"""The ledger of one network: its records, held until the network is complete, then emitted
with the indicators an expert expects on each (ground truth)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from redflags.model import KIND_TABLES
from redflags_synth.world.context import Role, WorldContext
from redflags_synth.world.images import ImageMaker
from redflags_synth.world.typologies.truth import NetworkRecords, rules_in_order
from redflags_synth.world.typologies.truth.ads import AdFacts

ID_FIELD = {kind.value: id_field for kind, (_, id_field) in KIND_TABLES.items()}


class Ledger:
    """The records of one network, emitted together at `close()` with their expected indicators.

    Holding them until the end lets the cross-record rules (the truth package) and later events
    (a wipe) add indicators to records made earlier.
    """

    def __init__(self, ctx: WorldContext, network_id: str, images: ImageMaker | None = None):
        self.ctx = ctx
        self.network_id = network_id
        self.images = images
        self._entries: list[tuple[str, dict[str, Any], set[str]]] = []
        self._flags: dict[int, set[str]] = {}
        self._ads: list[tuple[dict[str, Any], AdFacts]] = []
        self._closed = False

    def add(
        self, kind: str, record: dict[str, Any], indicators: Iterable[str] = ()
    ) -> dict[str, Any]:
        flags = set(indicators)
        self._entries.append((kind, record, flags))
        self._flags[id(record)] = flags
        return record

    def flag(self, record: dict[str, Any], *indicators: str) -> None:
        self._flags[id(record)].update(indicators)

    def member(self, entity_kind: str, entity_id: str, role: Role) -> None:
        self.ctx.member(self.network_id, entity_kind, entity_id, role)

    def records(self, kind: str) -> list[dict[str, Any]]:
        return [record for k, record, _ in self._entries if k == kind]

    def ad_facts(self, record: dict[str, Any], facts: AdFacts) -> None:
        self._ads.append((record, facts))

    def close(self) -> None:
        """Apply the cross-record rules, then emit every record and its truth."""
        if self._closed:
            raise RuntimeError("ledger already closed")
        self._closed = True
        self._apply_rules()
        for kind, record, flags in self._entries:
            self.ctx.emit(kind, record)
            self.ctx.expect(kind, record[ID_FIELD[kind]], self.network_id, flags)

    def _apply_rules(self) -> None:
        """Every registered truth rule, those that read the others' flags last."""
        network = NetworkRecords(
            customers=self.records("customer"),
            transactions=self.records("transaction"),
            kyc_events=self.records("kyc_event"),
            companies=self.records("company"),
            ads=self._ads,
            entries=self._entries,
        )
        for rule in rules_in_order():
            found = rule.find(network)
            if not found:
                continue
            id_field = ID_FIELD[rule.kind]
            for record in self.records(rule.kind):
                if record[id_field] in found:
                    self.flag(record, rule.indicator)
