"""BEH-AD-TEMPLATE: slot masking, the template explanation, the MinHash index and the report."""

from __future__ import annotations

import numpy as np
import pytest

from redflags.catalogue import load_catalogue
from redflags.detectors import detector_for
from redflags.detectors.ad_template import (
    ad_persona,
    cluster_ads,
    count_personas,
    explain,
    fingerprint_tokens,
    masked_tokens,
    pair_strength,
    personal_ads,
    shingle_hashes,
)
from redflags.detectors.minhash import MinHashIndex
from redflags.engines import DuckDBEngine
from redflags.ingest import ingest_records
from redflags.model import RecordKind
from redflags.report.html import _template_markup
from redflags.store import Store

ANNA = "Smukke Anna er ny i Vejle! Hun er 22 år og rumænsk. 1.500 kr. Ring 52 61 47 83 @anna_dk"
BELLA = (
    "Smukke Bella er ny i Odense! Hun er 25 år og thai. 900 kr. "
    "Ring fem to seks en fire syv otte tre"
)


def test_slots_are_masked_and_the_rest_folded() -> None:
    shown: list[str] = []
    tokens = masked_tokens(ANNA, "Anna", "Vejle", shown)
    assert tokens == [
        "smukke", "{persona}", "er", "ny", "i", "{city}", "!", "hun", "er", "{number}", "ar",
        "og", "{nationality}", ".", "{number}", "kr", ".", "ring", "{phone}", "{handle}",
    ]  # fmt: skip
    assert shown[10] == "år" and shown[1] == "{persona}"
    # Names, cities, numbers, nationalities and (obscured) phones swapped: the same tokens.
    bella = masked_tokens(BELLA, "Bella", "Odense")
    assert bella == tokens[:-1]


def test_the_template_marks_what_varies() -> None:
    texts = [
        ("Anna", "Vejle", "Anna er ny i Vejle! Hun er 22 år. Ring 52 61 47 83, kun i dag."),
        ("Bella", "Odense", "Bella er ny i Odense! Hun er 24 år. Ring 30112233, hele ugen."),
        ("Lina", "Aarhus", "Lina er ny i Aarhus! Hun er 21 år. Ring +45 41 22 33 44, kun i dag."),
    ]
    ads = []
    for persona, city, text in texts:
        shown: list[str] = []
        ads.append((masked_tokens(text, persona, city, shown), shown))
    assert explain(ads) == "{persona} er ny i {city}! Hun er {number} år. Ring {phone}, {…}."


def test_shingles_are_distinct_hashes_of_word_windows() -> None:
    tokens = masked_tokens("a b c d e f a b c d e f", None, None)
    hashes = shingle_hashes(tokens, 5)
    assert hashes.dtype == np.uint64 and len(hashes) == 6  # 8 windows, 2 repeats
    assert len(shingle_hashes(["kort", "."], 5)) == 1


def test_the_index_pairs_near_duplicates_only() -> None:
    index = MinHashIndex(num_perm=128, bands=32)
    near = np.arange(100, dtype=np.uint64)
    index.add([near, near + np.uint64(3), near + np.uint64(1000), np.zeros(0, np.uint64)])
    assert list(index.candidate_pairs()) == [(0, 1)]
    assert index.query(near) == [0, 1]


def test_clusters_need_two_personas_and_skip_one_persona_reposting() -> None:
    body = "Smukke {p} er nu hos os i {c}. Hun er 22 år, sød og diskret. Ring til 52 61 47 83."
    rows = [
        {"ad_id": f"a{i}", "persona": p, "city": c, "body": body.format(p=p, c=c)}
        for i, (p, c) in enumerate([("Anna", "Vejle"), ("Bella", "Odense"), ("Lina", "Aarhus")])
    ]
    (cluster,) = cluster_ads(rows)
    assert sorted(a.ad_id for a in cluster) == ["a0", "a1", "a2"]
    same = [dict(r, persona="Maja", body=body.format(p="Maja", c=r["city"])) for r in rows]
    assert cluster_ads(same) == []
    (pair,) = cluster_ads(rows[:2])
    assert sorted(a.ad_id for a in pair) == ["a0", "a1"]
    assert cluster_ads(rows[:2], min_personas=3) == []
    # the command's way: one persona's re-posts are linked too
    (reposts,) = cluster_ads(same, min_personas=1, link_same_persona=True)
    assert len(reposts) == 3 and {a.persona for a in reposts} == {"maja"}


US_BODY = (
    "Sweet {n} just arrived in town, only a few days. Real pics, no fakes, no games. "
    "Incall only near the airport. Text me {phone} anytime."
)


def test_an_ad_without_a_persona_stands_for_its_contact_then_for_itself() -> None:
    rows = [
        {"ad_id": "u1", "body": US_BODY.format(n="Mia", phone="(619) 555-0143")},
        {"ad_id": "u2", "body": US_BODY.format(n="Mia", phone="six one nine 555 0143")},
        {"ad_id": "u3", "body": US_BODY.format(n="Mia", phone="")},
        {"ad_id": "u4", "phone": "+1 213 555 0100", "body": US_BODY.format(n="Mia", phone="")},
    ]
    (cluster,) = cluster_ads(rows, region="US")
    by_id = {a.ad_id: a.persona for a in cluster}
    assert by_id == {
        "u1": "phone:+16195550143",
        "u2": "phone:+16195550143",  # spelled out: the same phone, the same persona
        "u3": "ad:u3",
        "u4": "phone:+12135550100",  # the contact field before the text
    }
    assert ad_persona("x", None, (), "no contact here") == ("ad:x", "x")
    assert ad_persona("x", " Anna ", (), "@anna")[0] == "anna"


def test_phones_are_masked_whatever_the_region() -> None:
    """The fingerprint masks any run of seven or more digits however written, so a US number
    in a Danish run is a slot as in a US run (the issue's 'phones left as words')."""
    text = US_BODY.format(n="Mia", phone="four one five--555--0199")
    assert fingerprint_tokens(text, None, None, "DK") == fingerprint_tokens(text, None, None, "US")
    assert "{phone}" in fingerprint_tokens(text, None, None, "DK")
    other = US_BODY.format(n="Mia", phone="213.555.0100")
    assert fingerprint_tokens(other, None, None, "DK") == fingerprint_tokens(text, None, None, "DK")


def test_persona_fallback_modes() -> None:
    named = {"ad_id": "n", "persona": "Anna", "body": "x"}
    unnamed = {"ad_id": "u", "persona": None, "body": "y"}
    assert personal_ads([named, unnamed], "always") == [named, unnamed]
    assert personal_ads([named, unnamed], "unnamed_runs") == [named]
    assert personal_ads([unnamed], "unnamed_runs") == [unnamed]
    with pytest.raises(ValueError, match="persona_fallback"):
        personal_ads([named], "sometimes")


def test_a_pair_is_a_finding_of_lower_strength() -> None:
    assert pair_strength(2, 0.1) == 0.1
    assert pair_strength(3, 0.1) == 0.5 and pair_strength(9, 0.1) == 1.0
    indicator = load_catalogue().get("BEH-AD-TEMPLATE")
    body = "Smukke {p} er nu hos os i {c}. Hun er 22 år, sød og diskret. Ring til 52 61 47 83."
    people = [("Anna", "Vejle"), ("Bella", "Odense"), ("Lina", "Aarhus")]
    with Store.open(None) as store:
        rows = [
            {"ad_id": f"a{i}", "posted_at": "2026-09-01T10:00:00Z", "persona": p, "city": c,
             "body": body.format(p=p, c=c)}
            for i, (p, c) in enumerate(people[:2])
        ]  # fmt: skip
        ingest_records(store, RecordKind.AD, rows, "test")
        (finding,) = detector_for(indicator, {}).evaluate(DuckDBEngine(store.connection))
    assert finding.strength == 0.1 and finding.facts["pair"] is True
    assert finding.facts["personas"] == 2


def test_the_report_marks_template_slots() -> None:
    markup = _template_markup("<b> {persona} er ny i {city}")
    assert str(markup) == (
        '&lt;b&gt; <mark class="slot">{persona}</mark> er ny i <mark class="slot">{city}</mark>'
    )
    assert _template_markup(None) is None


def test_ads_without_a_name_that_share_a_contact_are_one_persona() -> None:
    """One advertiser gives her phone in one ad and her handle (and the phone) in the next:
    not a template for two people."""
    rows = [
        {"ad_id": "p1", "phone": "(619) 555-0143", "body": US_BODY.format(n="Mia", phone="")},
        {
            "ad_id": "p2",
            "handle": "@mia_sd",
            "body": US_BODY.format(n="Mia", phone="or call 619 555 0143"),
        },
    ]
    assert cluster_ads(rows, region="US") == []
    (together,) = cluster_ads(rows, region="US", min_personas=1, link_same_persona=True)
    assert count_personas(together) == 1
    rows[1]["body"] = US_BODY.format(n="Mia", phone="")
    (pair,) = cluster_ads(rows, region="US")  # nothing shared now: two personas
    assert count_personas(pair) == 2


def test_re_posts_stay_one_persona_when_the_region_cannot_read_their_phone() -> None:
    """US numbers in a Danish run: each number still counts as a contact (by its digits), so
    one advertiser's re-posts are not two personas."""
    rows = [
        {"ad_id": "r1", "body": US_BODY.format(n="Mia", phone="415 555 0199")},
        {"ad_id": "r2", "body": US_BODY.format(n="Mia", phone="four one five 555 0199")},
        {"ad_id": "r3", "body": US_BODY.format(n="Mia", phone="213 555 0100")},
    ]
    for region in ("DK", "US"):
        (cluster,) = cluster_ads(rows, region=region)  # r3 is another advertiser
        assert count_personas(cluster) == 2
        assert cluster_ads(rows[:2], region=region) == []


def test_the_command_keeps_clusters_above_the_detectors_cap() -> None:
    body = "Smukke {p} er nu hos os i {c}. Hun er 22 år, sød og diskret. Ring til 52 61 47 83."
    people = [("Anna", "Vejle"), ("Bella", "Odense"), ("Lina", "Aarhus")]
    rows = [
        {"ad_id": f"a{i}", "persona": p, "city": c, "body": body.format(p=p, c=c)}
        for i, (p, c) in enumerate(people)
    ]
    cap = {"max_personas": 2, "boilerplate_share": 1.0}  # no shingle is boilerplate here
    assert cluster_ads(rows, **cap) == []
    (kept,) = cluster_ads(rows, **cap, keep_large=True)
    assert count_personas(kept) == 3
