"""The ASGI application for `uvicorn redflags.service.asgi:app` (and `redflags serve`): settings
from REDFLAGS_SERVICE_* and REDFLAGS_SERVICE_CONFIG_FILE."""

from __future__ import annotations

import os
from pathlib import Path

from redflags.service.api import create_app
from redflags.service.settings import load_service_settings

_config = os.environ.pop("REDFLAGS_SERVICE_CONFIG_FILE", None)
app = create_app(load_service_settings(Path(_config) if _config else None))
