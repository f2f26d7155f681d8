"""RCS-REMOTE-CONTROLLER: one messenger account instructs several workers from another country.

Reads a platform's own login log: device events whose `account` is the messenger account as it
appears in the messages (e.g. "@handle" on Telegram), with the login country. A message counts
when, within `window_hours` of it, the sender logged in from some country and the recipient from
another, and from no shared one. A sender–recipient pair is dropped when they were ever logged in
from the same country within that window of each other (a sign they can meet). The finding needs
at least `min_worker_accounts` such recipients; the evidence is the messages sent to them while
apart. Banks hold no messenger logs: this runs where a platform or an investigation has them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redflags.catalogue.params.device import RemoteControllerParams
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register

DEFINITION = """
WITH msgs AS (
    SELECT message_id, lower(sender) AS sender, lower(recipient) AS recipient, sent_at,
           CAST(floor(epoch(sent_at)) AS BIGINT) AS epoch_s
    FROM messages WHERE recipient IS NOT NULL
),
accounts AS (
    SELECT sender AS account FROM msgs UNION SELECT recipient AS account FROM msgs
),
logins AS (
    SELECT lower(d.account) AS account, d.country, CAST(floor(epoch(d.ts)) AS BIGINT) AS epoch_s
    FROM device_events d
    JOIN accounts a ON a.account = lower(d.account)
    WHERE d.country IS NOT NULL AND list_contains($login_events, d.event)
),
sender_at AS (
    SELECT m.message_id, l.country FROM msgs m
    JOIN logins l ON l.account = m.sender
        AND l.epoch_s BETWEEN m.epoch_s - $window_seconds AND m.epoch_s + $window_seconds
    GROUP BY m.message_id, l.country
),
recipient_at AS (
    SELECT m.message_id, l.country FROM msgs m
    JOIN logins l ON l.account = m.recipient
        AND l.epoch_s BETWEEN m.epoch_s - $window_seconds AND m.epoch_s + $window_seconds
    GROUP BY m.message_id, l.country
),
shared AS (
    SELECT s.message_id FROM sender_at s
    JOIN recipient_at r ON r.message_id = s.message_id AND r.country = s.country
    GROUP BY s.message_id
),
apart AS (
    SELECT m.message_id, m.sender, m.recipient, m.sent_at, min(s.country) AS sender_country,
           min(r.country) AS recipient_country
    FROM msgs m
    JOIN sender_at s ON s.message_id = m.message_id
    JOIN recipient_at r ON r.message_id = m.message_id
    LEFT JOIN shared x ON x.message_id = m.message_id
    WHERE x.message_id IS NULL
    GROUP BY m.message_id, m.sender, m.recipient, m.sent_at
),
together AS (
    SELECT a.account AS sender, b.account AS recipient FROM logins a
    JOIN logins b ON b.country = a.country AND b.account <> a.account
        AND b.epoch_s BETWEEN a.epoch_s - $window_seconds AND a.epoch_s + $window_seconds
    JOIN (SELECT DISTINCT sender, recipient FROM apart) p
        ON p.sender = a.account AND p.recipient = b.account
    GROUP BY a.account, b.account
),
kept AS (
    SELECT a.* FROM apart a
    LEFT JOIN together t ON t.sender = a.sender AND t.recipient = a.recipient
    WHERE t.sender IS NULL
)
SELECT sender AS subject, min(sent_at) AS window_start, max(sent_at) AS window_end,
       list(message_id) AS evidence, count(DISTINCT recipient) AS rank,
       count(DISTINCT recipient) AS recipients, count(*) AS messages,
       min(sender_country) AS sender_country
FROM kept GROUP BY sender
HAVING count(DISTINCT recipient) >= $min_worker_accounts
"""


@register
class RemoteControllerDetector(AggregateDetector):
    kind = "remote_controller"
    p: RemoteControllerParams
    record_kinds = ("message", "device_event")
    description = "One messenger account instructs several workers while logged in abroad."
    definition = DEFINITION
    subject_kind = "handle"
    evidence_kind = "message"
    pivot_kind = None  # the sender's handle links through the messages' own identifiers
    facts = ("recipients", "messages", "sender_country")
    summary_en = (
        "One messenger account sent {messages} messages to {recipients} people while logged "
        "in from {sender_country} and they from elsewhere, never from one country together."
    )
    summary_da = (
        "Én beskedkonto sendte {messages} beskeder til {recipients} personer, mens den var "
        "logget ind fra {sender_country} og de andre steder fra, aldrig fra samme land samtidig."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "window_seconds": self.seconds("window_hours"),
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, int(facts["recipients"]) / 5)
