"""The scanner and the world generator (redflags-synth) meet at one entry point: the commands
that need the generator find it there, and say what to install when it is missing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from redflags import generator
from redflags.cli import app
from redflags_synth.world.generate import generate_world

runner = CliRunner()


def test_the_installed_generator_is_found_by_its_entry_point() -> None:
    assert generator.load_generator() is generate_world


@pytest.mark.parametrize("command", ["synth", "demo"])
def test_without_the_generator_the_command_says_what_to_install(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def nothing(**_: Any) -> list[Any]:
        return []

    monkeypatch.setattr(generator, "entry_points", nothing)
    out = tmp_path / "out"
    result = runner.invoke(app, [command, "--out", str(out)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines == [f"error: {generator.INSTALL_HINT}"]
    assert "Traceback" not in result.output
    assert not out.exists()
