"""The REST API (`/api/v1`, OpenAPI at `/api/docs`): FastAPI routes over the case store."""

from redflags.service.api.app import create_app

__all__ = ["create_app"]
