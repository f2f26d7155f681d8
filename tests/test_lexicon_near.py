"""`near` rules: a concept carried by words of several groups close together, in any order."""

from __future__ import annotations

import pytest

from redflags.catalogue.lexicons import Concept, Lexicon, Near, load_negations
from redflags.detectors.lexicon_matcher import LexiconMatcher

TRAVEL = ("flight*", "ticket*", "bilet*", "билет*", "ตั๋วเครื่องบิน")
FREE = ("free", "paid", "pay*", "platit*", "оплач*", "ฟรี")
PASSPORT = ("passport*", "pas", "паспорт*", "พาสปอร์ต")
HOLD = ("keep*", "hold*", "behold*", "держ*", "เก็บ")


def matcher(within: int = 5) -> LexiconMatcher:
    return LexiconMatcher(
        Lexicon(
            name="test",
            concepts={
                "paid": Concept(
                    description="paid travel", near=(Near(groups=(TRAVEL, FREE), within=within),)
                ),
                "docs": Concept(
                    description="papers held",
                    near=(Near(groups=(PASSPORT, HOLD), within=4, unless_negated=True),),
                ),
            },
        )
    )


def concepts(text: str, within: int = 5) -> list[str]:
    return [hit.concept for hit in matcher(within).find(text)]


@pytest.mark.parametrize(
    "text",
    [
        "We pay your flight to Denmark",
        "The ticket is of course paid by the company",
        "Biletul de avion este plătit de firmă",
        "Билет оплачиваем сразу",
        "ตั๋วเครื่องบินฟรี",
    ],
)
def test_words_of_every_group_close_together_match_in_any_order_and_language(text: str) -> None:
    assert concepts(text) == ["paid"]


def test_the_span_covers_the_words_in_the_original_text() -> None:
    text = "Good news: the TICKET is PAID by us"
    (hit,) = matcher().find(text)
    assert text[hit.start : hit.end] == "TICKET is PAID"
    assert hit.term == "ticket ~ paid"


@pytest.mark.parametrize(
    "text",
    [
        "ticket lorem ipsum dolor sit amet consectetur free",  # too far apart
        "Tickets: ask at the desk. Pay: good",  # separate sentences
        "Flight schedule attached",  # one group only
        "a freelance pilot",  # no word boundary: "free" is not "freelance"
    ],
)
def test_words_apart_alone_or_inside_other_words_do_not_match(text: str) -> None:
    assert concepts(text) == []


def test_within_is_counted_in_words() -> None:
    text = "ticket one two three free"
    assert concepts(text, within=4) == ["paid"]
    assert concepts(text, within=3) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I will keep your passport until the debt is paid", ["docs"]),
        ("We never keep your passport", []),
        ("We do not hold anyone's passport", []),
        ("Vi beholder ikke dit pas", []),
        ("Мы не держим паспорт", []),
        ("เราไม่เก็บพาสปอร์ต", []),
        ("เราเก็บพาสปอร์ตของคุณ", ["docs"]),
        ("Your passport stays with me. Not up for discussion", []),  # "with me": no hold word
        ("Passport: we hold it. No questions", ["docs"]),  # negation after the match
        ("No. We keep your passport", ["docs"]),  # a negation in the sentence before
        ("We can't hold your passport", []),  # "can't" reads "can", "t"
    ],
)
def test_unless_negated_drops_a_match_with_a_negation_before_or_inside(
    text: str, expected: list[str]
) -> None:
    assert concepts(text) == expected


def test_a_negation_in_another_clause_or_an_abbreviation_does_not_cut_a_match() -> None:
    near = LexiconMatcher(
        Lexicon(
            name="t",
            concepts={
                "paid": Concept(
                    description="x",
                    near=(Near(groups=(TRAVEL, ("included", "betalt")), unless_negated=True),),
                )
            },
        )
    )
    assert [h.concept for h in near.find("No experience needed, flight included")] == ["paid"]
    assert [h.concept for h in near.find("Flight not included")] == []
    # "kr." is an amount, not the end of a sentence
    assert [h.concept for h in near.find("Flight til 1.500 kr. betalt af os")] == ["paid"]


def test_a_rule_without_unless_negated_ignores_negations() -> None:
    assert concepts("You don't pay for the flight") == ["paid"]


def test_every_language_of_the_negation_list_has_words() -> None:
    negations = load_negations()
    assert set(negations.words) >= {"da", "en", "ro", "bg", "ru", "uk", "th", "es"}
    assert all(words for words in negations.words.values())
    assert all(isinstance(w, str) for words in negations.words.values() for w in words)


def test_a_rule_needs_two_groups() -> None:
    with pytest.raises(ValueError):
        Near(groups=(TRAVEL,))
