"""Property-based tests (hypothesis) for the normalisers, value coercion and the readers.

Each property is one the code promises in its docstring or contract: normalisers never raise on
any text and return their documented form (E.164 or None, lower-case e-mail, single-spaced
folded names); folding keeps a map back to the original; coercion raises only CoercionError;
readers raise only IngestError and number their rows. Idempotence is asserted only where the
function says what its output is (normalising that output must give it back).
"""

from __future__ import annotations

import contextlib
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from tempfile import TemporaryDirectory
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from redflags.ingest.coerce import CoercionError, to_date, to_datetime, to_float, to_text, to_texts
from redflags.ingest.descriptor import load_descriptor
from redflags.ingest.errors import IngestError
from redflags.ingest.readers import BadRow, open_rows
from redflags.normalise.contacts import find_contacts
from redflags.normalise.identifiers import (
    normalise_address,
    normalise_email,
    normalise_handle,
    normalise_name,
)
from redflags.normalise.obfuscation import digit_runs
from redflags.normalise.phones import find_phones, normalise_phone
from redflags.normalise.text import fold, fold_with_map, original_span

E164 = re.compile(r"\+[1-9]\d{1,14}")
# In CI the examples are derived from the test's name, so a run is repeatable; locally they are
# random, so every run can find something new (add what it finds as an @example).
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),
)

# Text that looks like what traffickers write: digits spelled and disguised, separators,
# look-alikes, emoji, markup and control characters, mixed with anything at all.
_PIECES = [
    "+45",
    "0045",
    "20 12 34 56",
    "2O1234S6",
    "two zero",
    "fem",
    "５",
    "5️⃣",
    "(at)",
    " at ",
    "dot",
    "@",
    "t.me/",
    "wa.me/45",
    "telegram:",
    "snap",
    "gmail",
    ".com",
    "<script>",
    "\x00",
    "\u2028",
    "\u200b",
    "ß",
    "İ",
    "ﬁ",
    "ǅ",
    "\u0301",
    "😘",
    " ",
    "-",
    ".",
    "/",
    "\n",
]
hostile_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=5)), max_size=30).map("".join),
)
phone_like = st.lists(
    st.one_of(
        st.sampled_from(["+", "00", " ", "-", "(0)", "45", "46", "49", "40"]),
        st.from_regex(r"\d{1,4}", fullmatch=True),
    ),
    max_size=12,
).map("".join)


# -- text folding ----------------------------------------------------------------------------------


@SETTINGS
@given(hostile_text)
def test_fold_with_map_points_back_into_the_text(text: str) -> None:
    folded, origin = fold_with_map(text)
    assert folded == fold(text)
    assert len(origin) == len(folded)
    assert origin == sorted(origin)
    assert all(0 <= i < len(text) for i in origin)


@SETTINGS
@given(hostile_text, st.integers(0, 300), st.integers(0, 300))
def test_original_span_stays_inside_the_text(text: str, a: int, b: int) -> None:
    folded, origin = fold_with_map(text)
    start, end = sorted((min(a, len(folded)), min(b, len(folded))))
    if start == end:
        return
    first, last = original_span(origin, start, end, len(text))
    assert 0 <= first <= last <= len(text)


@SETTINGS
@given(hostile_text)
@example("𝕊")  # mathematical capital: decomposes to "S", which must fold again (CI, stop 19)
def test_names_and_addresses_normalise_to_a_fixed_point(text: str) -> None:
    for normalise in (normalise_name, normalise_address):
        once = normalise(text)
        if once is None:
            assert not text.strip() or normalise is normalise_address
            continue
        if not once:
            continue  # punctuation only: "" (extract/identifiers.py drops empty values)
        assert once == " ".join(once.split())
        assert normalise(once) == once, (normalise.__name__, text, once)


@SETTINGS
@given(hostile_text)
def test_address_has_no_punctuation(text: str) -> None:
    value = normalise_address(text)
    assert value is None or not re.search(r"[^\w\s]", value)


# -- phones, e-mails, handles ----------------------------------------------------------------------


@SETTINGS
@given(st.one_of(hostile_text, phone_like), st.sampled_from(["DK", "SE", "DE", "RO", "GB"]))
@example("+45 20 12 34 56", "DK")
@example("0045 2012 3456", "SE")
@example("30000000000000", "DE")  # a bug found here: '+4930000000000000', 16 digits
def test_phone_normalisation_is_e164_or_none(text: str, region: str) -> None:
    value = normalise_phone(text, region)
    assert value is None or E164.fullmatch(value), value
    if value is not None:
        assert normalise_phone(value, region) == value
        assert normalise_phone(value, "DK") == value  # E.164 does not depend on the region


@SETTINGS
@given(hostile_text)
def test_email_normalisation(text: str) -> None:
    value = normalise_email(text)
    if value is None:
        assert "@" not in text or not text
        return
    assert "@" in value and value == value.strip()
    assert normalise_email(value) == value


@SETTINGS
@given(hostile_text, st.sampled_from([None, "telegram", "whatsapp", "snapchat", "Signal", "x"]))
def test_handle_normalisation_names_a_platform(text: str, platform: str | None) -> None:
    value = normalise_handle(text, platform)
    if value is not None:
        kind, sep, name = value.partition(":")
        assert sep and kind and name, value


@SETTINGS
@given(hostile_text)
@example("0.AL/0(AT)0.AL")  # a link's path once ran into the blanked-out e-mail after it
def test_contacts_point_at_what_was_written(text: str) -> None:
    contacts = find_contacts(text)
    assert [c.start for c in contacts] == sorted(c.start for c in contacts)
    for contact in contacts:
        assert 0 <= contact.start < contact.end <= len(text)
        assert contact.raw == text[contact.start : contact.end]
        if contact.kind == "phone":
            assert E164.fullmatch(contact.value), contact
        if contact.kind == "email":
            assert "@" in contact.value and contact.value == contact.value.lower()


@SETTINGS
@given(hostile_text)
def test_phones_in_text_are_e164_with_spans(text: str) -> None:
    for match in find_phones(text):
        assert E164.fullmatch(match.e164)
        assert match.raw == text[match.start : match.end]
    for run in digit_runs(text):
        for atom in run.atoms:
            assert 0 <= atom.start < atom.end <= len(text)
            assert re.fullmatch(r"[0-9+]+", atom.digits), atom


# -- value coercion --------------------------------------------------------------------------------


@SETTINGS
@given(st.one_of(hostile_text, st.from_regex(r"[+-]?\d{1,400}([.,]\d{0,5})?([eE][+-]?\d{1,4})?")))
@example("1e309")
@example("NaN")
def test_numbers_are_finite_or_refused(text: str) -> None:
    try:
        value = to_float(text)
    except CoercionError:
        return
    assert value is None or (value == value and abs(value) != float("inf"))


timestamp_like = st.one_of(
    hostile_text,
    st.builds(
        lambda y, mo, d, h, tz: f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:00:00{tz}",
        st.integers(0, 9999),
        st.integers(0, 13),
        st.integers(0, 32),
        st.integers(0, 25),
        st.sampled_from(["", "Z", "+01:00", "-05:00", "+14:00", "-12:00", "+99:00"]),
    ),
)


@SETTINGS
@given(timestamp_like, st.sampled_from(["Europe/Copenhagen", "UTC", "Pacific/Kiritimati"]))
@example("0001-01-01", "Europe/Copenhagen")
@example("9999-12-31T23:59:59-05:00", "UTC")
def test_timestamps_are_utc_or_refused(text: str, zone: str) -> None:
    """A bug found here: years 1 and 9999 overflow on the way to UTC (OverflowError)."""
    try:
        value = to_datetime(text, ZoneInfo(zone))
    except CoercionError:
        return
    assert value is None or (isinstance(value, datetime) and value.tzinfo == UTC)


@SETTINGS
@given(timestamp_like)
def test_dates_and_texts_are_refused_only_with_coercion_error(text: str) -> None:
    with contextlib.suppress(CoercionError):
        to_date(text)
    value = to_text(text)
    assert value is None or (value == value.strip() and value)
    assert all(item == item.strip() and item for item in to_texts(text, ";"))


# -- readers and descriptors -----------------------------------------------------------------------

_CSV_PIECES = [
    b"ad_id,posted_at,body\n",
    b"A1,2026-01-01T00:00:00Z,x\n",
    b'"',
    b",",
    b"\n",
    b"\r\n",
    b"\r",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x00",
    b"\xe2\x80\xa8",
    b"\xed\xa0\x80",
    b"\xc3",
    b'{"ad_id": ',
    b"[",
    b"]",
    b"{",
    b"}",
    b"1e999",
    b"NaN",
    b"PAR1",
    b"\x1f\x8b",
]
file_bytes = st.one_of(
    st.binary(max_size=400),
    st.lists(st.one_of(st.sampled_from(_CSV_PIECES), st.binary(max_size=4)), max_size=40).map(
        b"".join
    ),
)


def _read_all(directory: Path, name: str, content: bytes, fmt: str, encoding: str) -> None:
    path = directory / name
    path.write_bytes(content)
    try:
        with open_rows(path, fmt, encoding=encoding) as stream:  # type: ignore[arg-type]
            previous = 0
            for line, row in stream.rows:
                assert isinstance(line, int) and line > previous
                previous = line
                assert isinstance(row, dict | BadRow)
    except IngestError as exc:
        assert "\n" not in str(exc)


@settings(max_examples=120, deadline=None)
@given(
    file_bytes,
    st.sampled_from(["csv", "jsonl"]),
    st.booleans(),
    st.sampled_from(["utf-8", "utf-16", "cp1252"]),
)
def test_readers_raise_only_ingest_error(content: bytes, fmt: str, gz: bool, encoding: str) -> None:
    import gzip

    name = f"ads.{fmt}" + (".gz" if gz else "")
    if gz and content[:1] != b"\x1f":
        content = gzip.compress(content)
    with TemporaryDirectory() as directory:
        _read_all(Path(directory), name, content, fmt, encoding)


_YAML_PIECES = [
    "name: bank\n",
    "kind: transaction\n",
    "file: bank.csv\n",
    "columns: {",
    "}",
    "[",
    "]",
    "&a ",
    "*a ",
    "!!python/name:os.system ",
    "!!binary ",
    "!x ",
    "<<: ",
    "- ",
    "  ",
    ": ",
    "\n",
    "'",
    '"',
    "\t",
    "\x00",
    "encoding: rot13\n",
    "delimiter: '\"'\n",
    "timezone: ../x\n",
    "? ",
]
descriptor_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(_YAML_PIECES), st.text(max_size=4)), max_size=30).map(
        "".join
    ),
)


@settings(max_examples=150, deadline=None)
@given(descriptor_text)
@example("name: bank\nkind: ad\ndescription: !!python/name:os.system\n")
@example("a: " + "[" * 3000 + "]" * 3000 + "\n")
def test_descriptors_raise_only_descriptor_errors(text: str) -> None:
    with TemporaryDirectory() as directory:
        path = Path(directory) / "bank.source.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_descriptor(path)
        except IngestError as exc:  # DescriptorError is an IngestError
            assert "\n" not in str(exc)


def test_fold_is_a_fixed_point_for_every_code_point() -> None:
    # Exhaustive, not sampled: hypothesis found "𝕊" only on its 19th CI run.
    unstable = [
        hex(code)
        for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF and fold(fold(chr(code))) != fold(chr(code))
    ]
    assert unstable == []
