"""Risk models: findings of a group -> a score made of explanation steps."""

from redflags.score.risk_v1 import MODEL_NAME, RiskV1, RiskV1Settings

__all__ = ["MODEL_NAME", "RiskV1", "RiskV1Settings"]
