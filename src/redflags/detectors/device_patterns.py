"""Device indicators: one phone running several people's bank apps, logins from abroad while the
holder pays at home, and a device registered to one customer driving other customers' accounts.

All three are aggregate definitions over `device_event_features` (one row per app event, with
whole epoch seconds and the local day) and `customer_features` (KYC, normalised in Python once),
so they run on DuckDB and Spark alike. A household is two users with the same surname or the
same normalised address: families share tablets, which is not what these rules are about.

- BEH-SHARED-DEVICE: a device used for the bank app within `window_days` by >= `min_users`
  accounts whose holders have >= `min_users` surnames and >= `min_addresses` addresses (workers
  housed at one clinic share an address but not a household; residents of one shelter using its
  computer all share the address). Accounts without a KYC record here count as their own
  household. Platform events (ad removed, chat cleared, device unlinked) are not app use.
- BEH-REMOTE-CONTROL-LOGIN: a day on which an account logs in from a country where its card
  was not used, while it was used card-present or at an ATM elsewhere; >= `min_mismatch_days`
  such days within `window_days`, and the holder also logs in from a card country within
  `window_days` of them (two places at once; a customer whose every login geolocates abroad has
  a VPN or a foreign SIM). Roaming is excluded by construction (a card used in the login country
  that day is a trip). We have no VPN or ASN data, and the "login IP shared with other flagged
  accounts" part is left out: it needs other findings as input, which is the scoring layer's job.
  Remote logins on days without card use cannot be seen by this rule at all.
- RCS-SURV-ACCOUNT-CONTROL: events of account A on device D, where D is the KYC device of
  another customer (the earliest onboarded on D, its owner) from another household. The other
  two signals of the catalogue rule, a changed two-factor phone and ad profiles edited from one
  login, need a KYC change log and ad-platform login data that the records do not carry.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redflags.catalogue.params.device import (
    AccountControlParams,
    RemoteLoginParams,
    SharedDeviceParams,
)
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register
from redflags.detectors.features import ensure_kyc_features
from redflags.engines import Engine

# Account -> its holder's household keys (the first KYC record by customer id, as everywhere).
HOLDERS = """
holders AS (
    SELECT account_id, surname, address, customer_id, device_id, onboard_s FROM (
        SELECT *, row_number() OVER (PARTITION BY account_id ORDER BY customer_id) AS place
        FROM customer_features WHERE account_id IS NOT NULL
    ) WHERE place = 1
)"""

SHARED_DEVICE = f"""
WITH {HOLDERS},
ev AS (
    SELECT e.event_id, e.device_id, e.account, e.epoch_s, e.ts,
           coalesce(h.surname, concat('account:', e.account)) AS surname,
           coalesce(h.address, concat('account:', e.account)) AS address
    FROM device_event_features e
    LEFT JOIN holders h ON h.account_id = e.account
    WHERE e.device_id IS NOT NULL AND list_contains($app_events, e.event)
),
busy AS (  -- only devices that ever see enough accounts are windowed
    SELECT device_id FROM ev GROUP BY device_id HAVING count(DISTINCT account) >= $min_users
),
anchors AS (
    SELECT DISTINCT e.device_id, e.epoch_s AS start_s FROM ev e JOIN busy b USING (device_id)
),
windows AS (
    SELECT a.device_id, a.start_s, count(DISTINCT e.account) AS users,
           count(DISTINCT e.surname) AS surnames, count(DISTINCT e.address) AS addresses,
           min(e.ts) AS first_ts, max(e.ts) AS last_ts, list(e.event_id) AS evidence
    FROM anchors a
    JOIN ev e ON e.device_id = a.device_id
        AND e.epoch_s >= a.start_s AND e.epoch_s < a.start_s + $window_s
    GROUP BY a.device_id, a.start_s
)
SELECT device_id AS subject, first_ts AS window_start, last_ts AS window_end, evidence,
       users AS rank, users, surnames, addresses
FROM windows
WHERE users >= $min_users AND surnames >= $min_users AND addresses >= $min_addresses
"""

REMOTE_LOGIN = """
WITH card_days AS (
    SELECT payer AS account, local_day, upper(country) AS country
    FROM txn_features
    WHERE list_contains($card_channels, channel) AND country IS NOT NULL
    GROUP BY payer, local_day, upper(country)
),
logins AS (
    SELECT event_id, account, local_day, country, epoch_s, ts
    FROM device_event_features
    WHERE list_contains($login_events, event) AND country IS NOT NULL
),
mismatched AS (  -- a login from a country where the card was not used that day ...
    SELECT l.* FROM logins l
    WHERE EXISTS (  -- ... while the card was used somewhere else
        SELECT 1 FROM card_days c
        WHERE c.account = l.account AND c.local_day = l.local_day AND c.country <> l.country)
      AND NOT EXISTS (
        SELECT 1 FROM card_days c
        WHERE c.account = l.account AND c.local_day = l.local_day AND c.country = l.country)
),
home AS (  -- logins from a country where the account's card is used: the holder's own
    SELECT DISTINCT l.account, l.epoch_s FROM logins l
    JOIN (SELECT DISTINCT account, country FROM card_days) c
        ON c.account = l.account AND c.country = l.country
),
anchors AS (SELECT DISTINCT account, epoch_s AS start_s FROM mismatched),
windows AS (
    SELECT a.account, a.start_s, count(DISTINCT m.local_day) AS mismatch_days,
           count(DISTINCT m.country) AS login_countries, min(m.ts) AS first_ts,
           max(m.ts) AS last_ts, list(m.event_id) AS evidence
    FROM anchors a
    JOIN mismatched m ON m.account = a.account
        AND m.epoch_s >= a.start_s AND m.epoch_s < a.start_s + $window_s
    GROUP BY a.account, a.start_s
)
SELECT account AS subject, first_ts AS window_start, last_ts AS window_end, evidence,
       mismatch_days AS rank, mismatch_days, login_countries
FROM windows w WHERE mismatch_days >= $min_mismatch_days
  AND EXISTS (SELECT 1 FROM home h WHERE h.account = w.account
              AND h.epoch_s > w.start_s - $window_s AND h.epoch_s < w.start_s + $window_s)
"""

ACCOUNT_CONTROL = f"""
WITH {HOLDERS},
owners AS (  -- the customer a device was registered to first
    SELECT device_id, customer_id, account_id, surname, address, others FROM (
        SELECT device_id, customer_id, account_id, surname, address,
               row_number() OVER (PARTITION BY device_id ORDER BY onboard_s, customer_id) AS place,
               count(*) OVER (PARTITION BY device_id) - 1 AS others
        FROM customer_features WHERE device_id IS NOT NULL AND onboard_s IS NOT NULL
    ) WHERE place = 1
),
foreign_use AS (
    SELECT e.event_id, e.account, e.device_id, e.ts, o.customer_id AS owner, o.others
    FROM device_event_features e
    JOIN owners o ON o.device_id = e.device_id
    JOIN holders h ON h.account_id = e.account
    WHERE list_contains($app_events, e.event) AND e.account <> coalesce(o.account_id, '')
      AND h.customer_id <> o.customer_id
      AND coalesce(h.surname, '') <> coalesce(o.surname, '#')
      AND coalesce(h.address, '') <> coalesce(o.address, '#')
)
SELECT account AS subject, min(ts) AS window_start, max(ts) AS window_end,
       list(event_id) AS evidence, count(*) AS rank,
       min(device_id) AS device, min(owner) AS device_owner, count(*) AS events,
       max(others) + 1 AS customers_on_device
FROM foreign_use
GROUP BY account
HAVING count(*) >= $min_events
"""


class _DeviceAggregate(AggregateDetector):
    """An aggregate indicator over the KYC and device features."""

    evidence_kind = "device_event"

    def feature_tables(self, engine: Engine) -> dict[str, Any]:
        return ensure_kyc_features(engine, self.options)


@register
class SharedDeviceDetector(_DeviceAggregate):
    kind = "shared_device"
    p: SharedDeviceParams
    record_kinds = ("device_event", "customer")
    description = "A device used by >= N accounts of different households within a window."
    definition = SHARED_DEVICE
    subject_kind = "device"
    pivot_kind = "device"
    facts = ("users", "surnames", "addresses")
    summary_en = (
        "One device was used for {users} accounts whose holders have {surnames} surnames and "
        "{addresses} addresses, within {days} days."
    )
    summary_da = (
        "Én enhed blev brugt til {users} konti, hvis indehavere har {surnames} efternavne og "
        "{addresses} adresser, inden for {days} dage."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {**super().sql_params(run_settings), "window_s": self.seconds("window_days")}

    def strength(self, facts: Mapping[str, Any]) -> float:
        return 1.0 if int(facts["users"]) >= self.p.high_min_users else 0.6


@register
class RemoteLoginDetector(_DeviceAggregate):
    kind = "remote_login"
    p: RemoteLoginParams
    record_kinds = ("device_event", "transaction")
    description = "Logins from one country on days the card is used in another."
    definition = REMOTE_LOGIN
    facts = ("mismatch_days", "login_countries")
    summary_en = (
        "On {mismatch_days} days within {days} days the account was logged in to from another "
        "country than the one where its card was used the same day."
    )
    summary_da = (
        "På {mismatch_days} dage inden for {days} dage blev der logget ind på kontoen fra et "
        "andet land end det, hvor kortet blev brugt samme dag."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {**super().sql_params(run_settings), "window_s": self.seconds("window_days")}

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.4 + 0.1 * int(facts["mismatch_days"]))


@register
class AccountControlDetector(_DeviceAggregate):
    kind = "account_control"
    p: AccountControlParams
    record_kinds = ("device_event", "customer")
    description = "An account used on a device registered to another household's customer."
    definition = ACCOUNT_CONTROL
    facts = ("device", "device_owner", "events", "customers_on_device")
    summary_en = (
        "The account was used {events} times on device {device}, which is registered to "
        "customer {device_owner} of another household ({customers_on_device} customers onboarded "
        "on it)."
    )
    summary_da = (
        "Kontoen blev brugt {events} gange på enheden {device}, som er registreret til kunde "
        "{device_owner} i en anden husstand ({customers_on_device} kunder oprettet på den)."
    )

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.5 + 0.1 * int(facts["customers_on_device"]))
