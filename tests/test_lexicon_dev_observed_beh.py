"""Development sets of the lexicons over field notes and KYC staff notes (issue #13, item 3):
recall and precision of BEH-FEAR-INJURY, BEH-COACHED-ANSWERS, BEH-ACCOMPANIED,
BEH-FREQUENT-CHECKINS and RCS-ISOLATION on notes in tests/lexicon_dev/ written by the lexicon
helper (not blind: the blind sets measure the same indicators independently), and the lawful
notes none of them may flag: the generator's background KYC notes and routine inspection notes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from redflags.catalogue import load_catalogue
from redflags.evaluation.paraphrases import measure, strengths

DEV = Path(__file__).parent / "lexicon_dev"
OWNED = (
    "BEH-FEAR-INJURY",
    "BEH-COACHED-ANSWERS",
    "BEH-ACCOMPANIED",
    "BEH-FREQUENT-CHECKINS",
    "RCS-ISOLATION",
)
READS_KYC = tuple(i for i in OWNED if i != "RCS-ISOLATION")
CATALOGUE = load_catalogue()

# the generator's background KYC staff notes (synth/world/benign/kyc_log.py): all lawful
BACKGROUND_KYC_NOTES = (
    "Forbindelsen blev afbrudt",
    "Kunden har ingen smartphone",
    "Kunden ønskede ikke video",
    "Kunden ønskede ikke møde",
    "Fuldmagt registreret",
    "Ringede på kundens vegne",
)
# routine notes of the register staff write in: nothing to remark, lawful helpers, negations
ROUTINE_NOTES = (
    "Ingen bemærkninger.",
    "Kontrakt og lønsedler fremvist.",
    "Intet at bemærke. Arbejdstid registreres elektronisk.",
    "Bor i personaleboligen med lejekontrakt, betaler 2.800 kr. om måneden.",
    "Arbejdsgiveren opbevarer en kopi af passet i personalemappen.",
    "Har selv sit pas og sit sundhedskort.",
    "Ingen tegn på tvang. Medarbejderne virkede afslappede.",
    "Tolk deltog via telefon og oversatte; kunden svarede selv.",
    "Datteren ringede på vegne af sin mor på 84 år, fuldmagt registreret.",
    "Kunden var træt efter nattevagt og ville gerne have et kort møde.",
    "Kunden ringede to gange om sit nye kort.",
    "Telefonen ringede én gang under mødet; hun afviste opkaldet.",
    "Kunden kendte ikke sit nye kontonummer, det blev oplyst.",
    "Kan ikke adressen udenad endnu, flyttede for en uge siden.",
    "Må ikke ryge indendørs. Går i byen med kolleger i weekenden.",
    "No remarks. Contract and payslips shown.",
    "Worker lives in staff housing with a lease and has her own keys.",
    "Employer keeps a copy of the passport for the right-to-work file.",
    "No signs of fear or injuries; worker relaxed and talkative.",
    "Professional interpreter translated; the worker answered for herself.",
    "Son phoned on his elderly father's behalf; power of attorney on file.",
    "Tired after a double shift, otherwise nothing to note.",
    "Sprained ankle from football last week, sick note provided.",
    "Customer nervous about online banking, helped through MitID.",
    "Has her own phone and calls her family every Sunday.",
    "Not locked in; free to come and go.",
    "Manager waited outside while we spoke to the staff alone.",
    "Answers consistent with the timesheets and the employer's account.",
    "Customer asked us to call back later as she was at work.",
    "Elderly customer lives alone; her daughter visits every day.",
)


def _set(indicator: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DEV / f"{indicator}.yaml").read_text(encoding="utf-8"))
    assert data["indicator"] == indicator
    return data


def _notes_set(indicator: str, kind: str, texts: tuple[str, ...]) -> dict[str, Any]:
    items = [
        {"id": f"n{n}", "lang": "da", "expect": "no_fire", "text": t} for n, t in enumerate(texts)
    ]
    return {"indicator": indicator, "record_kind": kind, "items": items}


@pytest.mark.parametrize("indicator", OWNED)
def test_the_dev_set_is_big_and_varied_enough(indicator: str) -> None:
    items = _set(indicator)["items"]
    fire = [i for i in items if i["expect"] == "fire"]
    no_fire = [i for i in items if i["expect"] == "no_fire"]
    assert len(fire) >= 15
    assert len({i["lang"] for i in fire}) >= 5
    assert len(no_fire) >= 8
    assert len([i for i in fire if i["lang"] in ("da", "en")]) >= 10  # notes in da/en
    assert len([i for i in no_fire if i["lang"] in ("da", "en")]) >= 6


@pytest.mark.parametrize("indicator", OWNED)
def test_recall_and_no_strong_false_alarm_on_the_dev_set(indicator: str) -> None:
    data = _set(indicator)
    result = measure(data, CATALOGUE)
    assert result.recall is not None and result.recall >= 0.85, result.missed
    fired = strengths(data, CATALOGUE)
    no_fire = [i["id"] for i in data["items"] if i["expect"] == "no_fire"]
    strong_alarms = [i for i in no_fire if fired.get(i) == "strong"]
    assert strong_alarms == []
    assert result.precision is not None and result.precision >= 0.9, result.alarmed


@pytest.mark.parametrize("indicator", READS_KYC)
def test_the_background_kyc_notes_never_fire(indicator: str) -> None:
    data = _notes_set(indicator, "kyc_event", BACKGROUND_KYC_NOTES)
    assert strengths(data, CATALOGUE) == {}


@pytest.mark.parametrize("indicator", OWNED)
@pytest.mark.parametrize("kind", ["observation", "kyc_event"])
def test_routine_lawful_notes_never_fire(indicator: str, kind: str) -> None:
    data = _notes_set(indicator, kind, ROUTINE_NOTES)
    fired = strengths(data, CATALOGUE)
    assert {data["items"][int(i[1:])]["text"] for i in fired} == set()


def test_isolation_reads_field_notes_only() -> None:
    text = "Må ikke gå ud alene. Har ingen kontakt til familien."
    note = _notes_set("RCS-ISOLATION", "observation", (text,))
    kyc = _notes_set("RCS-ISOLATION", "kyc_event", (text,))
    assert strengths(note, CATALOGUE) and not strengths(kyc, CATALOGUE)


@pytest.mark.parametrize(
    ("indicator", "fires", "text"),
    [
        ("BEH-FEAR-INJURY", True, "Hun ville ikke tale og virkede bange."),
        ("BEH-FEAR-INJURY", False, "Hun virkede ikke bange."),
        ("BEH-FEAR-INJURY", False, "Ingen synlige skader eller blå mærker."),
        ("BEH-FEAR-INJURY", False, "Employer cut back her hours last month."),
        ("BEH-FEAR-INJURY", False, "Hun er 25 år og har bløde hænder."),
        ("BEH-COACHED-ANSWERS", True, "Kender ikke sin egen adresse."),
        ("BEH-COACHED-ANSWERS", False, "Svarene virkede ikke indøvede."),
        ("BEH-ACCOMPANIED", True, "The man answered for her every time."),
        ("BEH-ACCOMPANIED", False, "She answered for herself every time."),
        ("BEH-FREQUENT-CHECKINS", True, "Telefonen ringede konstant under mødet."),
        ("BEH-FREQUENT-CHECKINS", False, "Telefonen ringede ikke under mødet."),
        ("BEH-FREQUENT-CHECKINS", False, "Telefonen var slukket hele tiden."),
        ("BEH-FREQUENT-CHECKINS", False, "Had to answer a call from her son's school."),
        ("BEH-COACHED-ANSWERS", False, "Told the same story as her employer."),
        ("RCS-ISOLATION", True, "Locked in at night."),
        ("RCS-ISOLATION", False, "Not locked in at night."),
        ("RCS-ISOLATION", False, "Kunden har ingen smartphone."),
    ],
)
def test_negations_and_everyday_words(indicator: str, fires: bool, text: str) -> None:
    data = _notes_set(indicator, "observation", (text,))
    assert bool(strengths(data, CATALOGUE)) is fires
