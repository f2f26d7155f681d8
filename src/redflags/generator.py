"""Where the scanner meets the world generator, a separate distribution (`redflags-synth`).

The scanner never imports the generator (an import-linter contract holds it to that): the
generator registers its `generate_world` under the entry point group below, and `redflags synth`
and `redflags demo` look it up when they run. Without the generator installed they say what to
install, in one line.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Protocol

ENTRY_POINT_GROUP = "redflags.generator"
ENTRY_POINT_NAME = "world"
INSTALL_HINT = (
    "the world generator is not installed: run `pip install -e packages/redflags-synth` in a "
    "checkout of redflags (or `pip install redflags-synth`)"
)
# `redflags demo` scans this world: the generator's demo scale with a fixed seed
DEMO_SCALE = "demo"
DEMO_SEED = 7


class GeneratorMissing(Exception):
    """No installed distribution offers the world generator (one line, says what to install)."""


class WorldError(Exception):
    """A world cannot be generated as asked (one line, for the command line). The generator
    raises it; it lives here so that the command line knows it without importing the generator."""


class GenerateWorld(Protocol):
    def __call__(
        self,
        out: Path,
        scale: Any,
        seed: int,
        fmt: str = ...,
        progress: Any = ...,
        overrides: Any = ...,
        overwrite: bool = ...,
    ) -> Any: ...


def load_generator() -> GenerateWorld:
    """The installed generator's `generate_world`; GeneratorMissing if there is none."""
    found = entry_points(group=ENTRY_POINT_GROUP, name=ENTRY_POINT_NAME)
    if not found:
        raise GeneratorMissing(INSTALL_HINT)
    generate: GenerateWorld = next(iter(found)).load()
    return generate
