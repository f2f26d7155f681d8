"""The background's personal ads carry everyday ad vocabulary at the rates of real ads
(/work/shared/data/real-ads/vocabulary.md, copied with its source into
redflags_synth/world/data/ad_vocabulary.yaml), in every language, and truth never marks them for it.

Shares are measured per ad. Every advertiser draws her terms once and keeps them in all her ads,
so ads are clustered by advertiser: the binomial standard error uses Kish's effective sample size
over advertisers (sum of ads squared over the sum of squared ads per advertiser), not the number
of ads, which would be far too tight. The band is 4 standard errors plus a floor, not 3: some
200 shares are checked (45 English terms, ~25 per other language), and at 3 errors one of them
would miss by chance about every other seed.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import phonenumbers
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from redflags.catalogue.lexicons import load_lexicon
from redflags.detectors.lexicon_matcher import LexiconMatcher
from redflags_synth.world.background import Background
from redflags_synth.world.benign.ad_vocabulary import (
    LOOKALIKE_STYLES,
    AdVocabulary,
    ad_vocabulary,
    lookalike,
)
from redflags_synth.world.benign.texts import texts
from redflags_synth.world.benign.wording import Wording
from redflags_synth.world.context import WorldContext
from redflags_synth.world.generate import generate_world, resolve_scale

ADS = 200_000  # background ads of the measured world (~6,000 English personal ads)
FLOOR = 0.01  # on top of SPREAD standard errors: the rates are drawn, not fitted
SPREAD = 4
LANGUAGES = ("da", "ro", "bg", "ru", "uk", "th")
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf]")


@pytest.fixture(scope="module")
def vocabulary() -> AdVocabulary:
    return ad_vocabulary()


@pytest.fixture(scope="module")
def personal(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    """The background's personal ads of a world with many ads (no typologies, no images), with
    each ad's category, language and its text folded as measured (NFKC)."""
    scale = resolve_scale("demo", {"ads": ADS, "customers": 400})
    ctx = WorldContext(5, scale, tmp_path_factory.mktemp("world"))
    background = Background(ctx, scale, None)
    ads = pa.concat_tables([table for table, _ in background.stream("ad")]).to_pandas()
    category = {
        str(phone): name
        for name in ("massage", "escort")
        for phone in background._ads.advertisers[name].phone.tolist()  # type: ignore[union-attr]
    }
    ads = ads[ads.persona.notna()].copy()
    ads["category"] = ads.phone.map(category)
    ads["language"] = ads.languages.map(lambda langs: langs[0])
    ads["text"] = (ads.title + "\n" + ads.body).map(lambda s: unicodedata.normalize("NFKC", s))
    return ads.sort_values("posted_at", kind="stable")


def _within(ads: pd.DataFrame, hit: pd.Series, expected: float, what: str) -> None:
    """`hit` (one bool per ad) is as common as `expected`, within SPREAD clustered errors."""
    sizes = ads.groupby("phone").size().to_numpy(dtype=float)
    effective = sizes.sum() ** 2 / (sizes**2).sum()
    error = math.sqrt(max(expected * (1 - expected), 1e-4) / effective)
    share = float(hit.mean())
    assert abs(share - expected) <= SPREAD * error + FLOOR, (
        f"{what}: {share:.3f} of {len(ads)} ads (effective n {effective:.0f}), "
        f"real ads {expected:.3f} ± {SPREAD * error + FLOOR:.3f}"
    )


def test_english_terms_at_the_real_rates(personal: pd.DataFrame, vocabulary: AdVocabulary) -> None:
    english = personal[personal.language == "en"]
    assert len(english) > 3000
    measured = 0
    for term in vocabulary.terms:
        if term.match is None:
            continue
        ads = (
            english if term.categories is None else english[english.category.isin(term.categories)]
        )
        _within(ads, ads.text.str.contains(term.match), term.share, term.name)
        measured += 1
    assert measured >= 40


def test_massage_ads_keep_saying_massage(personal: pd.DataFrame) -> None:
    """The 11.6 % of real ads that mention massage are escort ads; a massage ad always does."""
    english = personal[(personal.language == "en") & (personal.category == "massage")]
    assert english.text.str.contains("massage", case=False).mean() > 0.95


def test_english_traits_at_the_real_rates(personal: pd.DataFrame, vocabulary: AdVocabulary) -> None:
    english = personal[personal.language == "en"]
    _within(english, english.text.map(lambda s: bool(_EMOJI.search(s))), 0.89, "any emoji")
    _within(english, english.text.str.contains(vocabulary.stated_age), 0.048, "age 18 or 19")
    folded = english.title.map(lambda s: unicodedata.normalize("NFKC", s))
    _within(english, english.title != folded, 0.036, "look-alike letters")
    no_plain_phone = english.body.map(lambda s: not list(phonenumbers.PhoneNumberMatcher(s, "DK")))
    _within(english, no_plain_phone, 0.07, "phone only obfuscated")
    assert no_plain_phone.any()


def test_reposts_at_the_real_rate(personal: pd.DataFrame, vocabulary: AdVocabulary) -> None:
    """Exact reposts (title and body) are drawn per post: a plain binomial error."""
    for ads in (personal, personal[personal.language == "en"]):
        share = float(ads.duplicated(["title", "body"]).mean())
        error = math.sqrt(vocabulary.repost_share * (1 - vocabulary.repost_share) / len(ads))
        assert abs(share - vocabulary.repost_share) <= 3 * error + FLOOR, share


def test_every_language_carries_its_equivalents(
    personal: pd.DataFrame, vocabulary: AdVocabulary
) -> None:
    for language in LANGUAGES:
        ads = personal[personal.language == language]
        folded = ads.text.str.casefold()
        carried = 0
        for term in vocabulary.terms:
            phrases = term.phrases.get(language)
            if not phrases:
                continue
            pool = ads if term.categories is None else ads[ads.category.isin(term.categories)]
            text = folded.loc[pool.index]
            hit = text.map(lambda s, ps=phrases: any(p.casefold() in s for p in ps))
            if term.share < 0.02:  # too rare to be sure of in a few hundred advertisers
                continue
            assert hit.any(), f"{language}: no ad says {term.name}"
            # comparable rates (the assumption stated in docs/data.md)
            _within(pool, hit, term.share, f"{language} {term.name}")
            carried += 1
        assert carried >= 20, language
        ages = "|".join(
            re.escape(p).replace(re.escape("{age}"), "1[89]")
            for p in vocabulary.age_phrases[language]
        )
        assert folded.str.contains(ages).any(), f"{language}: no stated age 18 or 19"


def test_an_advertiser_keeps_her_terms(personal: pd.DataFrame, vocabulary: AdVocabulary) -> None:
    """Her ads differ by a day marker and a sign-off, not by the vocabulary she uses."""
    english = personal[personal.language == "en"]
    busy = english.groupby("phone").filter(lambda ads: len(ads) >= 5)
    assert len(busy) > 500
    for term in vocabulary.terms:
        if term.match is not None and not term.emoji:
            said = busy.text.str.contains(term.match).groupby(busy.phone).mean()
            assert said.isin([0.0, 1.0]).all(), term.name


def test_draw_is_independent_per_term_at_its_share(vocabulary: AdVocabulary) -> None:
    n = 200_000
    rng = np.random.default_rng(3)
    female = rng.random(n) < 0.9
    used = vocabulary.draw(rng, "massage", n, female, 0.9)
    words = [i for i, t in enumerate(vocabulary.terms) if not t.emoji]
    assert not used[~female][:, words].any()  # men write none of the women's words
    shares = np.asarray(
        [
            0.0 if t.categories and "massage" not in t.categories else t.share
            for t in vocabulary.terms
        ]
        + [
            vocabulary.traits[name]
            for name in ("lookalike", "obfuscated_phone", "stated_age_18_19")
        ]
    )
    error = np.sqrt(shares * (1 - shares) / n)
    assert np.all(np.abs(used.mean(axis=0) - shares) <= 4 * error + 1e-9)
    correlation = np.corrcoef(used[female][:, shares > 0.05], rowvar=False)  # independent
    assert np.abs(correlation - np.eye(len(correlation))).max() < 0.02


def _english_pieces() -> list[tuple[str, str]]:
    """Everything the background writes in English personal ads besides the drawn terms, with
    the category it is written for ("" for both)."""
    pieces: list[tuple[str, str]] = []
    for name in ("massage", "escort"):
        wording = Wording.parse(texts()["ads"][name]["compose"]["en"])
        pieces += [(name, s) for s in wording.sentences()]
    markers, signoffs = ad_vocabulary().editions["en"]
    return [*pieces, *(("", p) for p in (*markers, *signoffs))]


def test_each_english_phrase_says_its_term_and_no_other(vocabulary: AdVocabulary) -> None:
    """Otherwise the measured shares would not be the drawn ones."""
    patterns = {t.name: t.match for t in vocabulary.terms if t.match is not None}
    for term in vocabulary.terms:
        for phrase in term.options("en"):
            said = {name for name, p in patterns.items() if p.search(phrase)}
            assert said == ({term.name} if term.match else set()), (term.name, phrase, said)
    drawn_for = {t.name: t.categories for t in vocabulary.terms}
    for category, piece in _english_pieces():
        text = re.sub(r"\{(persona|city|price|phone|age)\}", "x", piece)
        said = {
            name
            for name, p in patterns.items()
            if p.search(text) and (drawn_for[name] is None or category in drawn_for[name])
        }
        assert not said and not vocabulary.stated_age.search(text), (piece, said)


def test_obfuscated_phones_escape_a_plain_parser(vocabulary: AdVocabulary) -> None:
    for phone in ("+4522334455", "+4540123456", "+40712345678", "+66812054350"):
        plain = phone[3:] if phone.startswith("+45") else phone
        assert list(phonenumbers.PhoneNumberMatcher(f"Call {plain}", "DK"))
        for style in range(4):
            for language in ("en", "da", "ru", "th"):
                hidden = vocabulary.obfuscated(phone, language, style)
                assert not list(phonenumbers.PhoneNumberMatcher(f"Call {hidden}", "DK")), hidden


def test_lookalike_letters_fold_back() -> None:
    for style in LOOKALIKE_STYLES:
        shown = lookalike("Mia, 24 – Odense", style)
        assert shown != "Mia, 24 – Odense"
        assert unicodedata.normalize("NFKC", shown) == "Mia, 24 – Odense"


def test_no_new_phrase_names_a_destination_abroad(vocabulary: AdVocabulary) -> None:
    """As for texts.yaml (test_synth_world): background wording never reads as recruitment
    abroad."""
    matcher = LexiconMatcher(load_lexicon("recruitment_job_ad"))
    phrases = [p for t in vocabulary.terms for ps in t.phrases.values() for p in ps]
    phrases += [p for ps in vocabulary.age_phrases.values() for p in ps]
    phrases += [p for m, s in vocabulary.editions.values() for p in (*m, *s)]
    found = [p for p in phrases if "destination" in {h.concept for h in matcher.find(p)}]
    assert found == []


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("truth") / "world"
    generate_world(out, "demo", seed=4, overrides={"ads": 2000, "instances": 1})
    return out


def test_truth_marks_no_lawful_ad(world: Path, vocabulary: AdVocabulary) -> None:
    """Truth labels only typology records: as many labelled ads as the typologies wrote, so the
    background's ads, everyday vocabulary and all, carry no label."""
    meta: dict[str, Any] = json.loads((world / "truth" / "world.json").read_text())
    truth = pq.read_table(world / "truth" / "records.parquet").to_pandas()
    labelled = set(truth[truth.kind == "ad"].record_id)
    assert len(labelled) == meta["counts"]["ad"]["typology"]
    ads = pq.read_table(world / "ads").to_pandas()
    background = ads[~ads.ad_id.isin(labelled) & ads.persona.notna()]
    english = background[background.languages.map(lambda langs: list(langs) == ["en"])]
    patterns = [t.match for t in vocabulary.terms if t.match is not None and not t.emoji]
    worded = english.apply(
        lambda ad: any(p.search(f"{ad.title} {ad.body}") for p in patterns), axis=1
    )
    assert worded.mean() > 0.5  # the vocabulary is there, and none of these ads is in truth
