"""Fairness audit of KYC-VULNERABILITY-CONTEXT: what the modifier changes, by nationality.

    PYTHONPATH=src .venv/bin/python bench/fairness_audit.py --world W [--out RUN] [--json F]

Evaluates a synthetic world (`redflags synth`; the run folder gets metrics.json as from
`redflags evaluate`), then links and scores the findings twice: with the
modifier's findings and without them (the same records, identifiers and payments). For every
customer the modifier names, it compares that customer's group with and without: whether it is a
case, its priority. Reported per nationality group (DK, other EU/EEA, outside the EU/EEA) and per
nationality: customers touched by another BEH/FIN finding, how many of them the modifier names
(the factor rate), their mean multiplier, whose case changes priority, and who is in a case
only when the modifier's finding is there (0 since the scan attaches fairness-sensitive
findings after linking instead of linking them; the column checks that it stays so). Over the
whole run: cases the modifier alone creates, which must be 0 (risk-v1 takes the case decision
without it), and cases after relinking without it that share no finding with a case of the
run. Nationality is read
here only to audit; the detector never reads it.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Sequence
from itertools import chain
from pathlib import Path
from typing import Any

from redflags.catalogue import load_catalogue
from redflags.catalogue.lists import default_list_path, load_allow_list
from redflags.detectors import detector_for
from redflags.detectors.kyc_vulnerability import VulnerabilityContextDetector
from redflags.engines import DuckDBEngine
from redflags.link import Linker
from redflags.link.groups import Group
from redflags.model import Finding, Score
from redflags.normalise.identifiers import normalise_address
from redflags.pipeline import ScanOptions, run_evaluation
from redflags.resolve import resolve_people
from redflags.score import RiskV1
from redflags.stages.link import all_identifiers, payment_pairs
from redflags.store import Store

MODIFIER = "KYC-VULNERABILITY-CONTEXT"
EU_EEA = frozenset(
    "AT BE BG CY CZ DE EE ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK".split()  # noqa: SIM905
)


def nationality_group(nationality: str | None) -> str:
    if (nationality or "DK") == "DK":
        return "DK"
    return "EU/EEA" if nationality in EU_EEA else "outside EU/EEA"


def _by_customer(groups: Sequence[Group], model: RiskV1) -> dict[str, Score]:
    """Customer id -> the score of the group that holds the customer's record."""
    scores: dict[str, Score] = {}
    for group in groups:
        score = model.score(group.findings)
        for record in group.records:
            if record.startswith("customer:"):
                scores[record.split(":", 1)[1]] = score
    return scores


def _link(engine: DuckDBEngine, findings: list[Finding]) -> tuple[Group, ...]:
    allowed = {
        f"address:{a}"
        for e in load_allow_list(default_list_path("address_allow_list")).entries
        if (a := normalise_address(e.address))
    }
    # as the scan links: fairness-sensitive findings are attached afterwards, never linked
    sensitive = [i.id for i in load_catalogue() if i.fairness_sensitive]
    linked = Linker(ScanOptions().max_pivot_degree, allowed, modifier_indicators=sensitive).link(
        chain(all_identifiers(engine), resolve_people(engine)),
        findings,
        lambda accounts: payment_pairs(engine, accounts),
    )
    return linked.groups


def audit(world: Path, out: Path) -> dict[str, Any]:
    # keep the store (a scan's is temporary unless asked): the audit reads it below
    store_path = out / "redflags.duckdb"
    evaluation = run_evaluation(world, ScanOptions(out=out, db=store_path))  # and metrics.json
    scan = evaluation.scan
    catalogue = load_catalogue()
    model = RiskV1(catalogue)
    modified = [f for f in scan.findings if f.indicator_id == MODIFIER]
    others = [f for f in scan.findings if f.indicator_id != MODIFIER]
    with Store.open(store_path) as store:
        engine = DuckDBEngine(store.connection)
        nationality = {
            str(r["customer_id"]): r["nationality"]
            for r in engine.query("SELECT customer_id, nationality FROM customers")
        }
        groups_without = _link(engine, others)
        detector = detector_for(catalogue.get(MODIFIER))
        assert isinstance(detector, VulnerabilityContextDetector)
        # the customers the modifier reads at all (a BEH/FIN finding touches them): its rate per
        # nationality among them is the first thing to compare
        _, touched = detector.touched_customers(engine, others)
    with_scores = _by_customer(scan.link.groups, model)
    without_scores = _by_customer(groups_without, model)
    rows: dict[str, dict[str, Any]] = defaultdict(
        lambda: {
            "touched": 0,
            "modified": 0,
            "multiplier_sum": 0.0,
            "in_case": 0,
            "priority_changed": 0,
            "joined_a_case": 0,
            "left_a_case": 0,
        }
    )
    modified_ids = {f.subject: f for f in modified}
    for cid in set(touched) | set(modified_ids):
        nat = nationality.get(cid) or "DK"
        for key in (nationality_group(nat), f"  {nat}"):
            rows[key]["touched"] += 1
            finding = modified_ids.get(cid)
            if finding is None:
                continue
            row = rows[key]
            row["modified"] += 1
            row["multiplier_sum"] += float(finding.facts["multiplier"])
            with_score, without_score = with_scores.get(cid), without_scores.get(cid)
            was = bool(without_score and without_score.is_case)
            now = bool(with_score and with_score.is_case)
            row["in_case"] += int(now)
            # in a case only when linked with the modifier's finding (see module docstring)
            row["joined_a_case"] += int(now and not was)
            row["left_a_case"] += int(was and not now)
            if now and was and with_score and without_score:
                row["priority_changed"] += int(with_score.priority != without_score.priority)
    cases_with = [g for g in scan.link.groups if model.score(g.findings).is_case]
    cases_without = [g for g in groups_without if model.score(g.findings).is_case]
    # A case the modifier creates: a case whose group, scored without the modifier's findings,
    # is none (0 by risk-v1's rule); and, after linking without them, a case that shares no
    # finding with any case of the other linking (0 unless linking itself moved).
    by_rule = sum(
        1
        for g in cases_with
        if not model.score([f for f in g.findings if f.indicator_id != MODIFIER]).is_case
    )
    without_ids = {f.finding_id for g in cases_without for f in g.findings}
    by_linking = sum(
        1
        for g in cases_with
        if not {f.finding_id for f in g.findings if f.indicator_id != MODIFIER} & without_ids
    )
    priorities = sum(
        1
        for g in cases_with
        if model.score(g.findings).priority
        != model.score([f for f in g.findings if f.indicator_id != MODIFIER]).priority
    )
    groups_out = {
        key: {
            **{k: v for k, v in row.items() if k != "multiplier_sum"},
            "rate": round(row["modified"] / row["touched"], 3) if row["touched"] else 0.0,
            "mean_multiplier": (
                round(row["multiplier_sum"] / row["modified"], 3) if row["modified"] else None
            ),
        }
        for key, row in sorted(rows.items(), key=lambda kv: (kv[0].startswith(" "), kv[0]))
    }
    return {
        "world": str(world),
        "record_level": evaluation.metrics["indicators"].get(MODIFIER),
        "modifier_findings": len(modified),
        "cases_with_modifier": len(cases_with),
        "cases_without_modifier": len(cases_without),
        "cases_created_by_modifier": by_rule,
        "cases_new_after_relinking": by_linking,
        "cases_priority_changed": priorities,
        "groups": groups_out,
    }


def render(result: dict[str, Any]) -> str:
    lines = [
        f"world {result['world']}: {result['modifier_findings']} modifier findings; cases "
        f"{result['cases_without_modifier']} without, {result['cases_with_modifier']} with; "
        f"created by the modifier alone: {result['cases_created_by_modifier']} (by the rule), "
        f"{result['cases_new_after_relinking']} (after relinking); priority changed: "
        f"{result['cases_priority_changed']}; record level: {result['record_level']}",
        "| nationality | touched by BEH/FIN | modifier | rate | mean x | in a case "
        "| priority changed | in a case only when linked with it |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for key, r in result["groups"].items():
        lines.append(
            f"| {key.strip()}{'' if key.startswith(' ') else ' (all)'} | {r['touched']} "
            f"| {r['modified']} | {r['rate']:.3f} | {r['mean_multiplier'] or '-'} "
            f"| {r['in_case']} | {r['priority_changed']} | {r['joined_a_case']} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--world", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("runs/fairness-audit"))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = audit(args.world, args.out)
    print(render(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
