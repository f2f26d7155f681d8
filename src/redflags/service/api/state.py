"""What every request shares: settings, the case store and the installation's key."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from redflags.service.db import Database
from redflags.service.settings import ServiceSettings


@dataclass
class ServiceState:
    settings: ServiceSettings
    db: Database
    key: bytes
    extras: dict[str, Any] = field(default_factory=dict)  # job runner, online scorer, ...


def service(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.service
    return state


def client_of(request: Request) -> str:
    return request.client.host if request.client else ""
