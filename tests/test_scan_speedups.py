"""The speed-ups of ads-only scans (issue #12, item 8) change no result: each fast path or cache
is checked against the plain computation it replaced (written out here as the reference)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redflags.detectors import kyc_vulnerability, lexicon_matcher
from redflags.detectors.ad_contacts import contact_ads, contact_ads_kept
from redflags.detectors.lexicon_matcher import _LEET, clear_prepared_texts, leet_fold, prepared
from redflags.link.groups import Group, LinkResult, attach_modifiers
from redflags.model import Evidence, Finding
from redflags.normalise import contacts
from redflags.normalise.contacts import KINDS, clear_contact_cache, find_contacts
from redflags.normalise.text import fold, fold_with_map
from redflags.pipeline import ScanOptions, run_scan
from redflags.report.json_export import dumps
from redflags.report.redact import FILTERED_VALUES, Redactor, Scrubber, finite

# letters, digits, leet and look-alike characters, characters that fold to two or to none
# (ß, ﬁ, a combining accent), emoji with a variation selector, Thai, Arabic-Indic digits
ALPHABET = "aAbBzZ0134579@_-. ßİı𝗮Ｔé\u0301ﬁ🍭❤\ufe0f٣ก่\n"
TEXTS = st.text(alphabet=ALPHABET, max_size=40)


def _fold_with_map_reference(text: str) -> tuple[str, list[int]]:
    pieces, origin = [], []
    for index, char in enumerate(text):
        folded = fold(char)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return "".join(pieces), origin


def _leet_fold_reference(folded: str) -> str:
    """leet_fold as first written: every [\\w@]+ token through the rule."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        letters = sum(c.isalpha() for c in token)
        digits = sum(c.isdigit() for c in token)
        if not letters or (digits > letters and "@" not in token):
            return token
        chars = list(token)
        for i, c in enumerate(chars):
            if c not in _LEET:
                continue
            if c == "@":
                if 0 < i < len(chars) - 1 and chars[i - 1].isalpha() and chars[i + 1].isalpha():
                    chars[i] = "a"
            elif digits <= letters:
                chars[i] = _LEET[c]
        return "".join(chars)

    return re.sub(r"[\w@]+", replace, folded)


@settings(max_examples=400, derandomize=True)
@given(TEXTS)
def test_fold_with_map_fast_paths_match_the_character_walk(text: str) -> None:
    assert fold_with_map(text) == _fold_with_map_reference(text)


@pytest.mark.parametrize("text", ["Plain ASCII 24/7", "Søde 🍭 pige", "ﬁne ß", "e\u0301 x", ""])
def test_fold_with_map_examples(text: str) -> None:
    assert fold_with_map(text) == _fold_with_map_reference(text)


@settings(max_examples=400, derandomize=True)
@given(TEXTS)
def test_leet_fold_changes_the_same_tokens(text: str) -> None:
    folded = fold(text)
    assert leet_fold(folded) == _leet_fold_reference(folded)


def test_leet_fold_examples_and_a_long_token() -> None:
    assert leet_fold("t33n fr3sh 415-555-0199 3000eur 24/7 b@be 4@@") == (
        "teen fresh 415-555-0199 3000eur 24/7 babe 4@@"
    )
    assert leet_fold("1" * 100_000 + "a") == "1" * 100_000 + "a"  # linear, not quadratic


PHONE_TEXTS = [
    "Call me 415-555-0199 or mail mia@example.com",
    "Ring 22 33 44 55, telegram: bella_cph",
    "four one five five five five zero one nine nine",
    "snap: roxy.sf https://t.me/roxy 0046 70 123 45 67",
]


@pytest.mark.parametrize("text", PHONE_TEXTS)
@pytest.mark.parametrize("region", ["US", "DK"])
def test_contacts_of_some_kinds_are_all_contacts_filtered(text: str, region: str) -> None:
    clear_contact_cache()
    everything = find_contacts(text, region)
    for kinds in ({"phone"}, {"email"}, {"handle"}, {"phone", "email"}, ("handle", "phone")):
        assert find_contacts(text, region, kinds) == [c for c in everything if c.kind in kinds]
    uncached = list(contacts._find(text, region, KINDS, True))
    assert everything == uncached


def test_kept_contacts_are_a_new_list_each_call_and_can_be_forgotten() -> None:
    text = PHONE_TEXTS[0]
    first = find_contacts(text, "US")
    first.clear()  # a caller's list is its own
    second = find_contacts(text, "US")
    assert second and second is not first
    assert contacts._cached.cache_info().currsize > 0
    clear_contact_cache()
    assert contacts._cached.cache_info().currsize == 0
    long_text = "x " * contacts.CACHED_TEXT_CHARS + text  # too long to keep: still read
    assert [c.value for c in find_contacts(long_text, "US")] == [c.value for c in second]
    assert contacts._cached.cache_info().currsize == 0


def _scrub_reference(redactor: Redactor, pairs: set[tuple[str, str]], text: str) -> str:
    """Scrubber as first written: one pattern of every value, longest first."""
    scrubber = Scrubber(redactor, pairs)
    tokens = scrubber._tokens
    values = sorted(tokens, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![0-9A-Za-z])(?:" + "|".join(re.escape(v) for v in values) + r")(?![0-9A-Za-z])",
        re.IGNORECASE,
    )
    return pattern.sub(lambda m: tokens.get(m.group().casefold(), m.group()), text)


SCRUB_PAIRS = {
    ("phone", "+14155550199"),
    ("phone", "+4522334455"),
    ("email", "Mia.Rose@Example.com"),
    ("handle", "telegram:bella_cph"),
}
SCRUB_PIECES = [
    "14155550199",
    "+14155550199",
    "55550199",
    "4522334455",
    "MIA.ROSE@EXAMPLE.COM",
    "mia.rose",
    "BELLA_CPH",
    "x",
    " ",
    "9",
    "-",
    "ſ",
]
SCRUB_TEXTS = st.lists(
    st.sampled_from(SCRUB_PIECES),
    max_size=12,
).map("".join)


def _scrubs_as_the_one_pattern(pairs: set[tuple[str, str]], text: str) -> bool:
    redactor = Redactor(b"k" * 32)
    return Scrubber(redactor, pairs)(text) == _scrub_reference(redactor, pairs, text)


@settings(max_examples=300, derandomize=True)
@given(SCRUB_TEXTS)
def test_scrubber_matches_the_one_pattern_of_every_value(text: str) -> None:
    assert _scrubs_as_the_one_pattern(SCRUB_PAIRS, text)


def test_a_large_scrubber_uses_its_whole_pattern() -> None:
    redactor = Redactor(b"k" * 32)
    pairs = {("phone", f"+1415555{i:04d}") for i in range(FILTERED_VALUES + 1)}
    text = "call 14155550007 or 4155550012, not 4155550012345"
    assert Scrubber(redactor, pairs)(text) == _scrub_reference(redactor, pairs, text)
    assert "4155550007" not in Scrubber(redactor, pairs)(text)


# more values than FILTERED_VALUES: the large scrubber's lookup of its values (ASCII ones with
# letters in any case, look-alikes a caseless pattern matches, values with other letters)
LARGE_SCRUB_PAIRS = SCRUB_PAIRS | {
    *{("account", f"DK90WRK{i:06d}") for i in range(FILTERED_VALUES)},
    ("email", "søren@example.dk"),
    ("handle", "instagram:kiss_kat"),
}
LARGE_SCRUB_TEXTS = st.lists(
    st.sampled_from(
        [
            *SCRUB_PIECES,
            "dk90wrk000007",
            "DK90WRK000031",
            "Dk90Wrk000012x",
            "SØREN@EXAMPLE.DK",
            "KISS_\u212aAT",  # a Kelvin sign for the k
            "\u017fØren@example.dk",  # a long s for the s
            "kiss_kat",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=300, derandomize=True)
@given(LARGE_SCRUB_TEXTS)
def test_a_large_scrubber_matches_the_one_pattern_of_every_value(text: str) -> None:
    assert _scrubs_as_the_one_pattern(LARGE_SCRUB_PAIRS, text)


def _finding(facts: dict[str, Any], summary: str, record: str = "a1") -> Finding:
    return Finding(
        indicator_id="BEH-CONTACT-PROXY",
        indicator_version=1,
        subject_kind="ad",
        subject=record,
        facts=facts,
        summary_en=summary,
        summary_da=summary,
        evidence=(Evidence(kind="ad", record_id=record, field="body"),),
    )


def test_a_redacted_finding_is_kept_until_names_change() -> None:
    redactor = Redactor(b"k" * 32)
    finding = _finding({"note": "Roxanne Vale books"}, "Roxanne Vale fronts three ads")
    first = redactor.finding(finding)
    assert redactor.finding(finding) is first  # kept: a run writes it to several files
    assert "Roxanne Vale" in first["summary_en"]
    redactor.add_names(["Roxanne Vale"])  # a name learnt later must reach the same finding
    again = redactor.finding(finding)
    assert "Roxanne Vale" not in again["summary_en"]
    assert "Roxanne Vale" not in json.dumps(again["facts"])
    other = _finding({"note": "x"}, "Roxanne Vale again", record="a2")
    assert redactor.finding(other) is not again


def test_name_spans_find_names_of_several_words_only_from_their_first_word() -> None:
    redactor = Redactor(b"k" * 32)
    redactor.add_names(["Anne-Marie Holm", "Bodil"])
    text = redactor.text("Holm, anne marie  holm and BODIL met anne; Bodilsen stayed")
    assert "anne marie" not in text.lower() and "BODIL " not in text
    assert "Holm," in text and "anne;" in text and "Bodilsen" in text


def _modifier_reference(result: LinkResult, modifiers: list[Finding]) -> LinkResult:
    groups = []
    for group in result.groups:
        records = set(group.records)
        extra = [
            f for f in modifiers if any(f"{e.kind}:{e.record_id}" in records for e in f.evidence)
        ]
        if extra:
            found = sorted([*group.findings, *extra], key=lambda f: (f.indicator_id, f.finding_id))
            group = Group(group.group_id, group.records, group.pivots, tuple(found))
        groups.append(group)
    return LinkResult(groups=tuple(groups))


def test_modifiers_join_the_groups_that_hold_their_records() -> None:
    base = [_finding({}, "s", record=f"a{i}") for i in range(6)]
    groups = tuple(
        Group(f"G{i}", tuple(f"ad:a{j}" for j in members), (), (base[members[0]],))
        for i, members in enumerate([(0, 1), (2,), (3, 4, 5)])
    )
    modifiers = [
        _finding({}, "m1", record="a1"),
        _finding({}, "m2", record="a9"),  # in no group: left out
        _finding({}, "m3", record="a4"),
        _finding({}, "m1", record="a1"),  # the same finding twice stays twice
    ]
    result = LinkResult(groups=groups)
    assert attach_modifiers(result, modifiers) == _modifier_reference(result, modifiers)
    assert len(attach_modifiers(result, modifiers).groups[0].findings) == 3


def test_vulnerability_context_reads_no_catalogue_without_customers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse() -> None:
        raise AssertionError("the catalogue was read for a scan without customers")

    folder = tmp_path / "ads"
    folder.mkdir()
    ads = [
        {
            "ad_id": f"ad{i}",
            "posted_at": f"2017-03-0{i + 1}T12:00:00+00:00",
            "title": "Sweet young girl 🍭",
            "body": f"100% real, call 415-555-01{i:02d} 24/7",
        }
        for i in range(3)
    ]
    (folder / "ads.jsonl").write_text("\n".join(json.dumps(a) for a in ads), encoding="utf-8")
    monkeypatch.setattr(kyc_vulnerability, "load_catalogue", refuse)
    result = run_scan(
        [folder], ScanOptions(out=tmp_path / "run", redaction_key=b"k" * 32, region="US")
    )
    assert result.findings
    assert not any(f.indicator_id == "KYC-VULNERABILITY-CONTEXT" for f in result.findings)
    # the stages a benchmark prints, and each evaluated indicator's seconds
    assert {"ingest", "evaluate", "link", "score", "cases", "report"} <= set(result.stages)
    run = json.loads((tmp_path / "run" / "run.json").read_text(encoding="utf-8"))
    assert set(result.indicator_seconds) == set(run["evaluated"])
    assert all(s >= 0 for s in result.indicator_seconds.values())


def _dumps_reference(value: Any, notes: list[str] | None = None, **options: Any) -> str:
    return json.dumps(finite(value, notes), ensure_ascii=False, allow_nan=False, **options)


@pytest.mark.parametrize(
    "value",
    [
        {"a": [1, 2.5, (3, "ø")], "b": {"c": None, 1: True}},
        {"a": [1.0, float("inf")], "b": {"c": float("nan")}},
        [MappingProxyType({"x": 1.5}), {"y": float("-inf")}],
        "plain",
    ],
)
def test_dumps_writes_what_it_wrote_after_making_numbers_finite(value: Any) -> None:
    notes: list[str] = []
    expected_notes: list[str] = []
    assert dumps(value, notes, indent=2) == _dumps_reference(value, expected_notes, indent=2)
    assert notes == expected_notes


@settings(max_examples=300, derandomize=True)
@given(TEXTS)
def test_fold_of_a_text_is_the_fold_of_each_character(text: str) -> None:
    assert fold(text) == "".join(fold(c) for c in text)
    assert fold(text) == _fold_with_map_reference(text)[0]


def test_fold_examples() -> None:
    assert fold("Câștig Ｔｅｌ ß 𝕊") == "castig tel ss s"
    assert fold("e\u0301") == "e"  # a combining accent folds to nothing


def test_prepared_texts_are_kept_first_come_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_prepared_texts()
    monkeypatch.setattr(lexicon_matcher, "PREPARED_TEXTS", 2)
    texts = ["Sw33t Ｔｅｅｎ", "fresh ß", "third", "x" * (lexicon_matcher.PREPARED_TEXT_CHARS + 1)]
    for text in texts:
        folded, origin = fold_with_map(text)
        got = prepared(text)
        assert (got[0], list(got[1]), got[2]) == (folded, origin, leet_fold(folded))
        assert prepared(text) == got  # the same again, kept or not
    assert set(lexicon_matcher._prepared) == set(texts[:2])  # the first two, none evicted
    clear_prepared_texts()
    assert not lexicon_matcher._prepared


def test_contact_groups_are_shared_only_inside_a_scan_stage(engine_for: Any) -> None:
    engine = engine_for(
        {
            "ads": [
                {"ad_id": "a1", "posted_at": "2024-01-01T10:00:00Z", "body": "ring 22334455"},
                {"ad_id": "a2", "posted_at": "2024-01-02T10:00:00Z", "body": "sms 22 33 44 55"},
            ]
        }
    )
    outside = contact_ads(engine, "DK")
    assert contact_ads(engine, "DK") is not outside  # no scan: read afresh every time
    with contact_ads_kept():
        inside = contact_ads(engine, "DK")
        assert contact_ads(engine, "DK") is inside
        assert contact_ads(engine, "US") is not inside  # another region reads phones anew
        assert inside.uses == outside.uses
        assert [u.ad_id for u in inside.uses["phone:+4522334455"]] == ["a1", "a2"]
    assert contact_ads(engine, "DK") is not inside


LARGE_PAIRS = SCRUB_PAIRS | {("phone", f"+1415555{i:04d}") for i in range(FILTERED_VALUES)}


@settings(max_examples=300, derandomize=True)
@given(SCRUB_TEXTS)
def test_a_scrubber_of_many_values_matches_the_one_pattern_too(text: str) -> None:
    redactor = Redactor(b"k" * 32)
    text = text + " 14155550007 " + text
    scrubbed = Scrubber(redactor, LARGE_PAIRS)(text)
    assert scrubbed == _scrub_reference(redactor, LARGE_PAIRS, text)
    assert "14155550007" not in scrubbed
