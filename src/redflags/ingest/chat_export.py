"""A WhatsApp chat export (`_chat.txt`, "Export chat" on a phone) read as rows.

Police and NGOs receive chats this way more often than as a forensic tool's table: one text file
per chat, one message per header line, a message's further lines following it. Both layouts the
apps write are read, in any locale's date order and separators:

    [07.12.26, 14:05:33] Ana: Hello            (iOS)
    07/12/2026, 14:05 - Ana: Hello             (Android)

Each message is one row, numbered by its header's line, with the columns `timestamp` (date and
time as written, for the descriptor's `formats:`), `date`, `time`, `sender`, `text` and `chat`
(the file's name without its extension, "WhatsApp-chat med Mama": the app names the export
after the chat, so it serves as the thread); further lines are joined with a line break. A
header without "name: " is the app's own notice ("Messages and calls are end-to-end
encrypted"): it is quarantined with its line and that reason, not stored as somebody's message.
Lines before the first header belong to no message and are refused with their line number. The
chat names no recipient: a descriptor gives it (`defaults:`), since whoever exported it knows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from redflags.ingest.errors import IngestError
from redflags.ingest.limits import IngestLimits
from redflags.ingest.readers import BadRow, LineSource, Row, RowStream, shorten

NOTICE = "a notice of the app (no sender), not a message"
COLUMNS = ("timestamp", "date", "time", "sender", "text", "chat")

# Marks the apps put around names and at line starts (left-to-right mark, BOM), and the narrow
# no-break space newer exports put before AM/PM.
_INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\ufeff\u202a\u202c"), None) | {0x202F: " "}
_HEADER = re.compile(
    r"^\[?(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4}),?\s+"
    r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?)"
    r"(?:\]\s?|\s[-–]\s)(?P<rest>.*)$",
    re.DOTALL,
)
_AUTHOR = re.compile(r"^(?P<sender>[^:\n]{1,120}?):\s(?P<text>.*)$", re.DOTALL)


def _header(line: str) -> dict[str, Any] | None:
    match = _HEADER.match(line)
    if match is None:
        return None
    date, time, rest = match.group("date"), match.group("time").upper(), match.group("rest")
    author = _AUTHOR.match(rest)
    sender, text = (author.group("sender"), author.group("text")) if author else ("", rest)
    return {
        "timestamp": f"{date} {time}",
        "date": date,
        "time": time,
        "sender": sender.strip(),
        "text": text,
    }


def whatsapp_rows(path: Path, source: LineSource, limits: IngestLimits) -> RowStream:
    def rows() -> Iterator[Row]:
        current: tuple[int, dict[str, Any]] | None = None
        lines: list[str] = []  # the current message's further lines, up to the limit
        extra = 0  # how many further lines it has
        headers = 0

        def finish() -> Row:
            assert current is not None
            number, row = current
            text = "\n".join([row["text"], *lines]).rstrip("\r\n")
            if extra + 1 > limits.max_record_lines:
                problem = f"message of more than {limits.max_record_lines} lines"
                return number, BadRow(problem, shorten(text))
            if len(text.encode("utf-8")) > limits.max_field_bytes:
                return number, BadRow(
                    f"message longer than {limits.max_field_bytes} bytes", shorten(text)
                )
            if not row["sender"]:
                return number, BadRow(NOTICE, shorten(text))
            return number, {**row, "text": text, "chat": path.stem}

        while (line := source.next_line(True)) is not None:
            if line.too_long:
                yield (
                    line.number,
                    BadRow(f"line longer than {limits.max_line_bytes} bytes", line.text),
                )
                continue
            text = line.text.translate(_INVISIBLE).rstrip("\r\n")
            parsed = _header(text)
            if parsed is not None:
                if current is not None:
                    yield finish()
                current, lines, extra = (line.number, parsed), [], 0
                headers += 1
            elif current is not None:
                extra += 1
                if extra < limits.max_record_lines:
                    lines.append(text)
            elif text.strip():
                yield line.number, BadRow("before the first message (no date and time)", text)
        if current is not None:
            yield finish()
        if not headers:
            raise IngestError(
                path, "not a WhatsApp chat export: no line starts with a date and a time"
            )

    return RowStream(COLUMNS, rows(), lambda: source.lines)
