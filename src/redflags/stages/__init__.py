"""A scan's stages, one module each: ingest -> evaluate -> link -> score -> publish.

`run.py` orders them (`run_scan`); `context.py` holds what they all read (`ScanContext`) and
the store they share (`Workspace`); `meter.py` measures each stage's time and peak memory.
Import the stage modules directly; this package only re-exports the meter, a leaf utility."""

from redflags.stages.meter import StageMeter, peak_mb

__all__ = ["StageMeter", "peak_mb"]
