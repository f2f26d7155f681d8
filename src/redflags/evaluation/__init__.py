"""Measure a scan against a synthetic world's ground truth."""

from redflags.evaluation.metrics import (
    adjusted_rand_index,
    indicator_metrics,
    network_metrics,
)
from redflags.evaluation.truth import WorldTruth, load_truth

__all__ = [
    "WorldTruth",
    "adjusted_rand_index",
    "indicator_metrics",
    "load_truth",
    "network_metrics",
]
