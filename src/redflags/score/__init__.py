"""Risk models: findings of a group -> a score made of explanation steps."""

from redflags.catalogue import Catalogue
from redflags.score.risk_v1 import MODEL_NAME, RiskV1, RiskV1Settings
from redflags.score.risk_v2 import RiskV2

MODELS: dict[str, type[RiskV1]] = {"risk-v1": RiskV1, "risk-v2": RiskV2}


def model_for(name: str, catalogue: Catalogue) -> RiskV1:
    """The named risk model (ValueError for a name no model has)."""
    try:
        return MODELS[name](catalogue)
    except KeyError:
        raise ValueError(f"no risk model {name!r} (known: {', '.join(MODELS)})") from None


__all__ = ["MODELS", "MODEL_NAME", "RiskV1", "RiskV1Settings", "RiskV2", "model_for"]
