"""WhatsApp chat exports (`_chat.txt`) read through a descriptor (`format: whatsapp`)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from redflags.ingest import IngestError, ingest_file, load_descriptor
from redflags.store import Store

IOS = (
    "\u200e[07.12.26, 14:05:33] Messages and calls are end-to-end encrypted.\n"
    "[07.12.26, 14:06:01] Ana M: Salut, am văzut anunțul\n"
    "[07.12.26, 14:07:12] Boss DK: Biletul e plătit. Trimite poza la pașaport.\n"
    "Și adresa ta.\n"
    "\n"
    "[07.12.26, 14:08:00] Ana M: \u200e<attached: 00000012-PHOTO.jpg>\n"
)
ANDROID = (
    "12/7/26, 2:05\u202fPM - Boss DK: Delete this chat after reading\n"
    "12/7/26, 2:06\u202fPM - Ana M: ok\n"
)
DESCRIPTOR = """\
name: {name}
kind: message
file: {file}
format: whatsapp
columns:
  thread_id: chat
  sent_at: timestamp
  sender: sender
  text: text
defaults:
  platform: whatsapp
  recipient: exporter
derive:
  message_id: {{hash: [timestamp, sender, text]}}
formats:
  sent_at: ["{fmt}"]
"""


def _ingest(store: Store, folder: Path, text: str, fmt: str) -> Any:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "_chat.txt").write_text(text, encoding="utf-8")
    path = folder / "chat.source.yaml"
    path.write_text(DESCRIPTOR.format(name="chat", file="_chat.txt", fmt=fmt), encoding="utf-8")
    return ingest_file(store, folder / "_chat.txt", load_descriptor(path))


def _messages(store: Store) -> list[tuple[Any, ...]]:
    return store.connection.execute(
        "SELECT sent_at, sender, text FROM messages ORDER BY sent_at"
    ).fetchall()


def test_an_ios_export_is_one_row_per_message_with_its_further_lines(
    store: Store, tmp_path: Path
) -> None:
    report = _ingest(store, tmp_path, IOS, "%d.%m.%y %H:%M:%S")
    # the app's notice has no sender: quarantined with its line, not stored as a message
    assert (report.read, report.stored, report.quarantined) == (4, 3, 1)
    rows = _messages(store)  # the phone's local time, Copenhagen in December: UTC+1
    assert rows[0] == (
        datetime(2026, 12, 7, 13, 6, 1, tzinfo=UTC),
        "Ana M",
        "Salut, am văzut anunțul",
    )
    assert rows[1][2] == "Biletul e plătit. Trimite poza la pașaport.\nȘi adresa ta."
    assert rows[2][2] == "<attached: 00000012-PHOTO.jpg>"
    threads = store.connection.execute("SELECT DISTINCT thread_id FROM messages").fetchall()
    assert threads == [("_chat",)]  # the export's file name names the chat
    (line, reason) = store.connection.execute("SELECT _line, reason FROM quarantine").fetchone()
    assert line == 1 and "sender" in reason


def test_an_android_export_with_am_pm_and_a_narrow_space(store: Store, tmp_path: Path) -> None:
    report = _ingest(store, tmp_path, ANDROID, "%m/%d/%y %I:%M %p")
    assert (report.stored, report.quarantined) == (2, 0)
    rows = _messages(store)
    assert rows[0][:2] == (datetime(2026, 12, 7, 13, 5, tzinfo=UTC), "Boss DK")
    assert rows[0][2] == "Delete this chat after reading"


def test_lines_before_the_first_message_are_refused_with_their_line(
    store: Store, tmp_path: Path
) -> None:
    report = _ingest(store, tmp_path, "exported by the phone\n" + ANDROID, "%m/%d/%y %I:%M %p")
    assert (report.read, report.stored, report.quarantined) == (3, 2, 1)
    (line, reason) = store.connection.execute("SELECT _line, reason FROM quarantine").fetchone()
    assert line == 1 and "before the first message" in reason


def test_a_file_that_is_not_a_chat_export_is_one_clear_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="not a WhatsApp chat export"):
        _ingest(store, tmp_path, "kundenr;navn\nK1;Ana\n", "%d.%m.%y %H:%M:%S")


def test_a_message_of_too_many_lines_is_quarantined_not_kept_in_memory(
    store: Store, tmp_path: Path
) -> None:
    flood = (
        "[07.12.26, 14:06:01] Ana M: start\n"
        + "x\n" * 5000
        + ANDROID.replace("12/7/26", "[07.12.26")
        .replace(", 2:05\u202fPM - ", ", 14:09:00] ")
        .replace(", 2:06\u202fPM - ", ", 14:10:00] ")
    )
    report = _ingest(store, tmp_path, flood, "%d.%m.%y %H:%M:%S")
    assert (report.read, report.stored, report.quarantined) == (3, 2, 1)
    (line, reason) = store.connection.execute("SELECT _line, reason FROM quarantine").fetchone()
    assert line == 1 and "more than 200 lines" in reason
