"""The alert budget and alert line as run settings (issue #12, item 4): `--max-alert-share`,
`--max-case-share`, `--alert-min-score` and the same keys in the settings file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redflags.cli import app
from redflags.settings import SettingsError, load_settings

runner = CliRunner()


def us_ads() -> list[dict[str, object]]:
    """Forty ads, four phones shared by ten ads each (555-01xx numbers are reserved for fiction)."""
    return [
        {
            "ad_id": f"ad-{n}",
            "posted_at": f"2026-03-{1 + n % 28:02d}T10:00:00+00:00",
            "persona": f"Persona{n}",
            "city": "Oakland",
            "title": "Sweet and fun",
            "body": f"Incall only, call (415) 555-01{n % 4:02d}, no blocked calls",
        }
        for n in range(40)
    ]


def write_ads(folder: Path, ads: list[dict[str, object]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ads.jsonl"
    path.write_text("".join(json.dumps(ad) + "\n" for ad in ads), encoding="utf-8")
    return path


def test_budget_keys_in_the_settings_file_and_flags_over_them(tmp_path: Path) -> None:
    path = tmp_path / "redflags.toml"
    path.write_text("max_alert_share = 0.02\nalert_min_score = 3\n", encoding="utf-8")
    settings = load_settings(path)
    assert (settings.max_alert_share, settings.alert_min_score) == (0.02, 3.0)
    assert settings.max_case_share is None  # QueueSettings' default applies
    merged = settings.overridden(max_alert_share=0.1)
    assert (merged.max_alert_share, merged.alert_min_score) == (0.1, 3.0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("max_alert_share = 2\n", "between 0 and 1"),
        ("max_case_share = 0\n", "between 0 and 1"),
        ('max_alert_share = "5%"\n', "must be a number"),
        ("alert_min_score = true\n", "must be a number"),
        ("alert_min_score = -1\n", "between 0 and 100"),
    ],
)
def test_a_bad_budget_is_refused_in_one_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match=message):
        load_settings(path)
    data = write_ads(tmp_path / "data", us_ads()[:1])
    result = runner.invoke(app, ["scan", str(data), "--settings", str(path)])
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.strip()] == [
        line for line in result.output.splitlines() if message in line
    ]


def _budget(tmp_path: Path, name: str, *flags: str) -> dict[str, object]:
    data = write_ads(tmp_path / "data", us_ads())
    result = runner.invoke(app, ["scan", str(data), "--out", str(tmp_path / name), *flags])
    assert result.exit_code == 0, result.output
    run = json.loads((tmp_path / name / "run.json").read_text(encoding="utf-8"))
    budget: dict[str, object] = run["volume"]["budget"]
    return budget


def test_the_flags_set_the_budget_of_the_scan(tmp_path: Path) -> None:
    default = _budget(tmp_path, "default")
    assert (default["max_alert_share"], default["alert_min_score"]) == (0.05, 4.0)
    wide = _budget(
        tmp_path, "wide", "--max-alert-share", "0.5", "--alert-min-score", "2", "--region", "US"
    )
    assert (wide["max_alert_share"], wide["alert_min_score"]) == (0.5, 2.0)
    assert int(str(wide["alert_line"])) > int(str(default["alert_line"]))


def test_a_bad_flag_is_refused_before_the_scan(tmp_path: Path) -> None:
    data = write_ads(tmp_path / "data", us_ads()[:1])
    result = runner.invoke(app, ["scan", str(data), "--max-alert-share", "1.5"])
    assert result.exit_code == 1
    assert "max_alert_share must be between 0 and 1" in result.output
    assert "Traceback" not in result.output
