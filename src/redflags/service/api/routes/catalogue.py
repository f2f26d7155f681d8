"""The indicator catalogue, in English and Danish: what each red flag means, how it is
detected, its weight and known false positives (read-only; viewer)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from redflags.catalogue import Catalogue, load_catalogue
from redflags.catalogue.schema import CATEGORY_TITLES, Indicator
from redflags.service.api.deps import ViewerUser
from redflags.service.api.problems import ServiceError
from redflags.service.api.state import ServiceState, service

router = APIRouter(prefix="/catalogue", tags=["catalogue"])


def catalogue_of(state: ServiceState) -> Catalogue:
    """The catalogue the service was started with (parsed once)."""
    found = state.extras.get("catalogue")
    if found is None:
        found = state.extras["catalogue"] = load_catalogue()
    return found


def _summary(indicator: Indicator) -> dict[str, Any]:
    return {
        "id": indicator.id,
        "version": indicator.version,
        "status": indicator.status.value,
        "category": indicator.category.value,
        "title": indicator.title.model_dump(),
        "weight": indicator.weight,
        "data_sources": list(indicator.data_sources),
        "requires_human": indicator.requires_human,
        "fairness_sensitive": indicator.fairness_sensitive,
        "negative_control": indicator.negative_control,
    }


@router.get("")
def catalogue(who: ViewerUser, request: Request) -> dict[str, Any]:
    found = catalogue_of(service(request))
    return {
        "version": found.version,
        "categories": [
            {"id": category.value, "title": titles} for category, titles in CATEGORY_TITLES.items()
        ],
        "indicators": [_summary(i) for i in found],
    }


@router.get("/{indicator_id}")
def indicator(indicator_id: str, who: ViewerUser, request: Request) -> dict[str, Any]:
    found = catalogue_of(service(request))
    try:
        chosen = found.get(indicator_id)
    except KeyError:
        raise ServiceError(404, "not found", f"no indicator {indicator_id!r}") from None
    return {
        **chosen.model_dump(mode="json"),
        "category_title": CATEGORY_TITLES[chosen.category],
        "examples": len(found.examples.get(chosen.id, ())),
    }
