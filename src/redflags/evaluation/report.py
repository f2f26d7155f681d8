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
    lines += ["", "## Stages", "", "| stage | seconds | peak MB |", "|---|---|---|"]
    for stage, row in metrics["stages"].items():
        lines.append(f"| {stage} | {row['seconds']:.2f} | {row['peak_mb']:.0f} |")
    return "\n".join(lines) + "\n"
