"""The typology contract."""

from __future__ import annotations

from typing import ClassVar, Protocol

from redflags_synth.world.context import WorldContext


class Typology(Protocol):
    name: ClassVar[str]  # e.g. "case1_sexual_exploitation"
    positive: ClassVar[bool]  # a trafficking typology
    hard_negative: ClassVar[bool]  # a look-alike that must not become a case

    def generate(self, ctx: WorldContext, instance: int) -> None:
        """Emit one varied instance: records via ctx.emit, truth via ctx.network/member/expect."""
