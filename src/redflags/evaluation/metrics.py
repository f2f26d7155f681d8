"""Detection quality against ground truth: per indicator, per network, per case."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from math import comb
from typing import Any

from redflags.model import Case, Finding

# Record kinds that carry identity; transactions and device events join cases as evidence but
# are not "members" of a network for the membership comparison.
MEMBER_KINDS = ("ad", "customer", "message")


def _prf(true_positives: int, predicted: int, support: int) -> dict[str, float | int | None]:
    precision = true_positives / predicted if predicted else None
    recall = true_positives / support if support else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision and recall
        else (0.0 if predicted and support else None)
    )
    return {
        "precision": _round(precision),
        "recall": _round(recall),
        "f1": _round(f1),
        "support": support,
        "predicted": predicted,
        "true_positives": true_positives,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def indicator_metrics(
    findings: Sequence[Finding], expected: Mapping[str, set[str]], evaluated: Iterable[str]
) -> dict[str, dict[str, Any]]:
    """Record-level precision/recall/F1 per evaluated indicator.

    A record counts as predicted for an indicator when it is evidence of one of its findings;
    as expected when the truth lists the indicator for it."""
    predicted: dict[str, set[str]] = defaultdict(set)
    for finding in findings:
        for evidence in finding.evidence:
            predicted[finding.indicator_id].add(f"{evidence.kind}:{evidence.record_id}")
    result = {}
    for indicator in sorted(evaluated):
        hits = predicted.get(indicator, set())
        wanted = expected.get(indicator, set())
        result[indicator] = _prf(len(hits & wanted), len(hits), len(wanted))
    return result


def adjusted_rand_index(truth_labels: Sequence[str], predicted_labels: Sequence[str]) -> float:
    """Hubert and Arabie's adjusted Rand index of two labelings of the same items."""
    n = len(truth_labels)
    if n != len(predicted_labels):
        raise ValueError("labelings differ in length")
    if n < 2:
        return 1.0
    pairs = Counter(zip(truth_labels, predicted_labels, strict=True))
    index = sum(comb(c, 2) for c in pairs.values())
    rows = sum(comb(c, 2) for c in Counter(truth_labels).values())
    cols = sum(comb(c, 2) for c in Counter(predicted_labels).values())
    expected = rows * cols / comb(n, 2)
    maximum = (rows + cols) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


def assign_cases(
    cases: Sequence[Case], network_records: Mapping[str, set[str]]
) -> dict[str, str | None]:
    """Each case belongs to the network sharing most of its records (None: no network)."""
    owner = {record: network for network, records in network_records.items() for record in records}
    assigned: dict[str, str | None] = {}
    for case in cases:
        counts = Counter(owner[r] for r in case.records if r in owner)
        assigned[case.case_id] = min(counts, key=lambda n: (-counts[n], n)) if counts else None
    return assigned


def network_metrics(
    cases: Sequence[Case],
    networks: Mapping[str, Mapping[str, Any]],
    network_records: Mapping[str, set[str]],
    buyer_records: Iterable[str] = (),
) -> dict[str, Any]:
    """`buyer_records`: identity records of the truth's buyers ("customer" role). By design a
    buyer is not a network member (payments never join), so besides the ARI over all identity
    records, `ari_without_buyers` leaves them out of the comparison."""
    assigned = assign_cases(cases, network_records)
    positives = {n for n, row in networks.items() if row["positive"]}
    raised = {n for n in assigned.values() if n in positives}
    true_cases = sum(1 for n in assigned.values() if n in positives)
    hard_negative_of = {
        c: n for c, n in assigned.items() if n is not None and networks[n]["hard_negative"]
    }
    by_typology: dict[str, dict[str, int]] = defaultdict(
        lambda: {"networks": 0, "raised": 0, "cases": 0}
    )
    owners = [n for n in assigned.values() if n is not None]
    for network, row in networks.items():
        by_typology[row["typology"]]["networks"] += 1
        by_typology[row["typology"]]["raised"] += network in owners
        by_typology[row["typology"]]["cases"] += owners.count(network)

    # Membership: identity records of positive networks and of every case.
    case_of = {r: c.case_id for c in cases for r in c.records if r.split(":", 1)[0] in MEMBER_KINDS}
    owner = {r: n for n, records in network_records.items() for r in records}
    items = sorted(
        {
            r
            for n in positives
            for r in network_records.get(n, set())
            if r.split(":", 1)[0] in MEMBER_KINDS
        }
        | set(case_of)
    )
    truth = [owner.get(r) or f"none:{r}" for r in items]
    predicted = [case_of.get(r) or f"none:{r}" for r in items]
    buyers = set(buyer_records)
    kept = [i for i, r in enumerate(items) if r not in buyers]
    ari_without_buyers = (
        _round(adjusted_rand_index([truth[i] for i in kept], [predicted[i] for i in kept]))
        if kept
        else None
    )
    case_sizes = sorted(
        sum(1 for r in c.records if r.split(":", 1)[0] in MEMBER_KINDS) for c in cases
    )
    return {
        "recall": _round(len(raised) / len(positives)) if positives else None,
        "precision": _round(true_cases / len(cases)) if cases else None,
        "ari": _round(adjusted_rand_index(truth, predicted)) if items else None,
        "ari_without_buyers": ari_without_buyers,
        "largest_case_members": case_sizes[-1] if case_sizes else 0,
        "positive_networks": len(positives),
        "raised": len(raised),
        "cases": len(cases),
        "true_cases": true_cases,
        "hard_negative_cases": len(hard_negative_of),
        "hard_negative_typologies_with_cases": sorted(
            {networks[n]["typology"] for n in hard_negative_of.values()}
        ),
        "unassigned_cases": sum(1 for n in assigned.values() if n is None),
        "by_typology": {t: dict(v) for t, v in sorted(by_typology.items())},
    }


def queue_metrics(
    items: Sequence[Any],
    records: Mapping[str, str | None],
    networks: Mapping[str, Mapping[str, Any]],
    id_field: str,
) -> dict[str, Any]:
    """Where the youth-queue items or alerts land: on a true network, a hard negative (a lawful
    look-alike the truth names) or the unlabelled background. An item counts for the network most
    of its member records belong to."""
    landed: Counter[str] = Counter()
    typologies: Counter[str] = Counter()
    for item in items:
        owners = Counter(records.get(r) for r in item.records if r.split(":", 1)[0] in MEMBER_KINDS)
        owners.pop(None, None)
        if not owners:
            landed["background"] += 1
            continue
        network = owners.most_common(1)[0][0]
        row = networks.get(str(network), {})
        landed["hard_negative" if row.get("hard_negative") else "true_network"] += 1
        typologies[str(row.get("typology", "?"))] += 1
    return {
        "items": len(items),
        "true_network": landed["true_network"],
        "hard_negative": landed["hard_negative"],
        "background": landed["background"],
        "by_typology": dict(sorted(typologies.items())),
        "ids": [str(getattr(i, id_field)) for i in items[:50]],
    }
