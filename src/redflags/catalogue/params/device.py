"""Parameters of the device and deletion detector kinds (`detectors/device_patterns.py`,
`remote_controller.py`, `deletion_burst.py`)."""

from __future__ import annotations

from redflags.catalogue.params.base import DetectorParams, params_for


@params_for("shared_device")
class SharedDeviceParams(DetectorParams):
    window_days: int
    app_events: tuple[str, ...]
    min_users: int
    high_min_users: int
    min_addresses: int


@params_for("remote_login")
class RemoteLoginParams(DetectorParams):
    window_days: int
    min_mismatch_days: int
    card_channels: tuple[str, ...]
    login_events: tuple[str, ...]


@params_for("account_control")
class AccountControlParams(DetectorParams):
    app_events: tuple[str, ...]
    min_events: int


@params_for("remote_controller")
class RemoteControllerParams(DetectorParams):
    window_hours: int
    login_events: tuple[str, ...]
    min_worker_accounts: int


@params_for("deletion_burst")
class DeletionBurstParams(DetectorParams):
    events: tuple[str, ...]
    min_linked_items: int
    window_hours: int
