"""metrics.json (a stable, documented interface) and a Markdown table of the same numbers."""

from __future__ import annotations

from typing import Any

SCHEMA_VERSION = 1


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def render_markdown(metrics: dict[str, Any]) -> str:
    world = metrics.get("world", {})
    nets = metrics["networks"]
    lines = [
        f"# Evaluation of run {metrics['run_id']}",
        "",
        f"World: scale `{world.get('scale', '?')}`, seed `{world.get('seed', '?')}`; "
        f"{metrics['entities']} entities (distinct identifiers), {nets['cases']} cases, "
        f"{metrics['cases_per_10k']:.2f} cases per 10,000 entities.",
        "",
        "## Networks",
        "",
        "| recall (true networks raised) | precision (cases that are true) | ARI | "
        "hard-negative cases |",
        "|---|---|---|---|",
        f"| {_cell(nets['recall'])} ({nets['raised']}/{nets['positive_networks']}) | "
        f"{_cell(nets['precision'])} ({nets['true_cases']}/{nets['cases']}) | "
        f"{_cell(nets['ari'])} | {metrics['hard_negative_cases']} |",
        "",
        "| typology | networks | raised as case | cases |",
        "|---|---|---|---|",
    ]
    for typology, row in nets["by_typology"].items():
        lines.append(f"| {typology} | {row['networks']} | {row['raised']} | {row['cases']} |")
    lines += [
        "",
        "## Indicators (record level)",
        "",
        "| indicator | precision | recall | F1 | support | predicted |",
        "|---|---|---|---|---|---|",
    ]
    for indicator, row in metrics["indicators"].items():
        lines.append(
            f"| {indicator} | {_cell(row['precision'])} | {_cell(row['recall'])} | "
            f"{_cell(row['f1'])} | {row['support']} | {row['predicted']} |"
        )
    waiting = metrics.get("indicators_without_detector", {})
    if waiting:
        lines += [
            "",
            "Expected by the truth but without a detector yet: "
            + ", ".join(f"{k} ({v})" for k, v in sorted(waiting.items()))
            + ".",
        ]
    lines += _lexicon_lines(metrics)
    lines += _queue_lines(metrics)
    lines += ["", "## Stages", "", "| stage | seconds | peak MB |", "|---|---|---|"]
    for stage, row in metrics["stages"].items():
        lines.append(f"| {stage} | {row['seconds']:.2f} | {row['peak_mb']:.0f} |")
    return "\n".join(lines) + "\n"


def _queue_lines(metrics: dict[str, Any]) -> list[str]:
    """Alert and case rates per 1,000 records (and ads), the budget, and where the youth queue
    and the alerts land against the truth."""
    vol = metrics.get("volume") or {}
    if not vol:
        return []
    budget = vol["budget"]
    lines = [
        "",
        "## Alerts, cases and the youth queue",
        "",
        "| records | ads | cases / 1,000 records | alerts / 1,000 records | "
        "cases / 1,000 ads | alerts / 1,000 ads | youth queue |",
        "|---|---|---|---|---|---|---|",
        f"| {vol['records']} | {vol['ads']} | {_cell(vol['cases_per_1k_records'])} | "
        f"{_cell(vol['alerts_per_1k_records'])} | {_cell(vol['cases_per_1k_ads'])} | "
        f"{_cell(vol['alerts_per_1k_ads'])} | {vol['youth_queue']} |",
        "",
        f"Budget on {budget['basis']}: cases ≤ {budget['case_line']} "
        f"({'within' if budget['cases_within'] else 'OVER'}), alerts ≤ {budget['alert_line']} "
        f"({'within' if budget['alerts_within'] else 'OVER'}; "
        f"{budget['alerts_below_line']} below the line).",
        "",
        "| queue | items | on a true network | on a hard negative | background |",
        "|---|---|---|---|---|",
    ]
    for name in ("youth_queue", "alerts"):
        row = metrics.get(name)
        if row:
            lines.append(
                f"| {name} | {row['items']} | {row['true_network']} | {row['hard_negative']} | "
                f"{row['background']} |"
            )
    return lines


def _lexicon_lines(metrics: dict[str, Any]) -> list[str]:
    """Per lexicon indicator: how it separates trafficking records from lawful ones."""
    table = metrics.get("lexicon") or {}
    if not table:
        return []
    lines = [
        "",
        "## Lexicon indicators against lawful records (synthetic)",
        "",
        "Positives: ads and messages of positive networks. Lawful: every other ad and message on "
        "the same sites and platforms. Strong and weak: the finding's graded cues.",
        "",
        "| indicator | positives | lawful | recall | precision | false alarms / 1,000 lawful "
        "(strong + weak) | LR strong | LR weak |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for indicator, row in table.items():
        lines.append(
            f"| {indicator} | {row['positives']} | {row['lawful']} | "
            f"{_cell(row['recall_on_positives'])} | {_cell(row['precision'])} | "
            f"{_cell(row['false_alarms_per_1000_lawful'])} "
            f"({_cell(row['strong_false_alarms_per_1000_lawful'])} + "
            f"{_cell(row['weak_false_alarms_per_1000_lawful'])}) | "
            f"{_cell(row['likelihood_ratio_strong'])} | {_cell(row['likelihood_ratio_weak'])} |"
        )
    return lines
