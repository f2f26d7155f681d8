"""FIN-PAYMENT-MEMO-CUES: sexual or "massage" cues in the notes buyers write on payments.

Memo wording is a lexicon problem, so this is a Python detector over the shared `txn_features`
table: the lexicon matcher reads every P2P or transfer memo once, and a receiving account fires
when some window of `window_days` (starting at one of its hits) holds at least `min_hits` hits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from redflags.catalogue.lexicons import load_lexicon
from redflags.catalogue.params.fin import PaymentMemoCuesParams
from redflags.detectors.base import Detector, register
from redflags.detectors.features import ensure_features
from redflags.detectors.lexicon_matcher import Hit, hit_evidence, matcher_for
from redflags.engines import Engine
from redflags.model import Finding

_MEMOS = """
SELECT txn_id, payee, ts, epoch_s, memo FROM txn_features
WHERE memo IS NOT NULL AND list_contains($channels, channel) AND NOT payee_is_business
"""


@register
class PaymentMemoCuesDetector(Detector):
    kind = "payment_memo_cues"
    p: PaymentMemoCuesParams
    record_kinds = ("transaction",)
    description = "A receiving account whose payment notes carry sexual or massage cues."

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        ensure_features(engine, self.options)
        lexicon = load_lexicon(self.p.lexicon)
        matcher = matcher_for(lexicon)
        channels = list(self.p.channels)
        by_payee: dict[str, list[tuple[dict[str, Any], list[Hit]]]] = defaultdict(list)
        for row in engine.sql(_MEMOS, {"channels": channels}):
            hits = matcher.find(row["memo"])
            if hits:
                by_payee[str(row["payee"])].append((row, hits))
        width = self.seconds("window_days")
        min_hits = self.p.min_hits
        for payee in sorted(by_payee):
            rows = sorted(
                by_payee[payee], key=lambda r: (int(r[0]["epoch_s"]), str(r[0]["txn_id"]))
            )
            chosen: dict[str, tuple[dict[str, Any], list[Hit]]] = {}
            best = 0
            for first, _ in rows:
                start = int(first["epoch_s"])
                inside = [r for r in rows if start <= int(r[0]["epoch_s"]) <= start + width]
                if len(inside) >= min_hits:
                    best = max(best, len(inside))
                    chosen.update({str(r[0]["txn_id"]): r for r in inside})
            if chosen:
                yield self._finding(payee, list(chosen.values()), best, lexicon.label)

    def _finding(
        self,
        payee: str,
        rows: list[tuple[dict[str, Any], list[Hit]]],
        best: int,
        label: Any,
    ) -> Finding:
        rows.sort(key=lambda r: (int(r[0]["epoch_s"]), str(r[0]["txn_id"])))
        concepts = sorted({h.concept for _, hits in rows for h in hits})
        start, end = rows[0][0]["ts"], rows[-1][0]["ts"]
        en = ", ".join(label(c, "en") for c in concepts)
        da = ", ".join(label(c, "da") for c in concepts)
        return self.finding(
            subject_kind="account",
            subject=payee,
            window_start=start.isoformat(),
            window_end=end.isoformat(),
            strength=min(1.0, best / (2 * self.p.min_hits)),
            facts={"hits": len(rows), "most_in_window": best, "concepts": concepts},
            summary_en=(
                f"{len(rows)} payments to this account carry cues in the note ({en}); "
                f"{best} of them within {self.p.window_days} days."
            ),
            summary_da=(
                f"{len(rows)} betalinger til kontoen har henvisninger i beskeden ({da}); "
                f"{best} af dem inden for {self.p.window_days} dage."
            ),
            evidence=tuple(
                e
                for row, hits in rows
                for e in hit_evidence("transaction", str(row["txn_id"]), {"memo": hits})
            ),
            pivots=(f"account:{payee}",),
        )
