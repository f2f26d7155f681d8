"""Vietnamese and Polish in the recruitment lexicons (issue #13, item 3, a language gap): per
language, recall and false alarms on the vi and pl development texts of the seven recruitment
indicators (tests/lexicon_dev/, ids vi-* and pl-*, written before the lexicons were extended; not
the blind sets), and single texts whose folding traps the lexicons must avoid (Vietnamese "nợ",
"chỗ", "Lào" and Polish "dania" fold onto other words)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from redflags.catalogue import load_catalogue
from redflags.evaluation.paraphrases import measure, strengths

DEV = Path(__file__).parent / "lexicon_dev"
INDICATORS = (
    "RCS-REC-FEES-DEBT",
    "RCS-REC-EARLY-ID-REQUEST",
    "RCS-REC-MESSENGER-JOB-AD",
    "RCS-REC-PAID-TRAVEL-HOUSING",
    "RCS-REC-SCAM-COMPOUND",
    "RCS-REC-URGENCY",
    "RCS-REC-TOO-GOOD",
)
LANGUAGES = ("vi", "pl")
CATALOGUE = load_catalogue()
CASES = [(i, lang) for i in INDICATORS for lang in LANGUAGES]


def _set(indicator: str, lang: str) -> dict[str, Any]:
    data = yaml.safe_load((DEV / f"{indicator}.yaml").read_text(encoding="utf-8"))
    assert data["indicator"] == indicator
    data["items"] = [i for i in data["items"] if i["lang"] == lang]
    return data


@pytest.mark.parametrize(("indicator", "lang"), CASES)
def test_the_language_is_declared(indicator: str, lang: str) -> None:
    assert lang in CATALOGUE.get(indicator).param("languages", [])


@pytest.mark.parametrize(("indicator", "lang"), CASES)
def test_the_language_has_fire_texts_and_near_misses(indicator: str, lang: str) -> None:
    items = _set(indicator, lang)["items"]
    assert len([i for i in items if i["expect"] == "fire"]) >= 6
    assert len([i for i in items if i["expect"] == "no_fire"]) >= 3


@pytest.mark.parametrize(("indicator", "lang"), CASES)
def test_recall_per_language_is_at_least_085(indicator: str, lang: str) -> None:
    result = measure(_set(indicator, lang), CATALOGUE)
    assert result.recall is not None and result.recall >= 0.85, result.missed


@pytest.mark.parametrize(("indicator", "lang"), CASES)
def test_no_near_miss_fires_strongly(indicator: str, lang: str) -> None:
    data = _set(indicator, lang)
    fired = strengths(data, CATALOGUE)
    near_misses = [i["id"] for i in data["items"] if i["expect"] == "no_fire"]
    strong = [i for i in near_misses if fired.get(i) == "strong"]
    assert strong == []


@pytest.mark.parametrize(
    ("indicator", "kind", "text", "expected"),
    [
        # "nợ" (debt) folds to "no": a family's repaid bank debt is no recruitment debt
        ("RCS-REC-FEES-DEBT", "message", "Con trả hết nợ ngân hàng rồi, mẹ yên tâm nhé.", None),
        ("RCS-REC-FEES-DEBT", "message", "Tiền vé máy bay sẽ trừ vào lương của em.", "strong"),
        # an agency that charges no fees ("nie" is not in the negation list: a mask)
        (
            "RCS-REC-FEES-DEBT",
            "ad",
            "Nasza agencja pośrednictwa pracy nie pobiera żadnych opłat od kandydatów.",
            None,
        ),
        ("RCS-REC-FEES-DEBT", "ad", "Opłata za pośrednictwo 500 euro, płatna z góry.", "strong"),
        # rent deducted under a contract is lawful
        ("RCS-REC-FEES-DEBT", "message", "Czynsz jest potrącany z wypłaty co miesiąc.", None),
        # "bao giờ" (when) is no "bao" (covers it all)
        ("RCS-REC-PAID-TRAVEL-HOUSING", "message", "Bao giờ em mua vé máy bay?", None),
        ("RCS-REC-PAID-TRAVEL-HOUSING", "ad", "Bilet lotniczy na koszt firmy.", "strong"),
        # a passport sent by a mother by post is no request
        ("RCS-REC-URGENCY", "message", "Hôm nay mẹ gửi hộ chiếu cho con qua bưu điện.", None),
        # "chỗ" (a place) folds to "cho" (for): a yoga class is no deadline
        ("RCS-REC-URGENCY", "message", "Chỉ còn 3 chỗ trong lớp yoga tối nay.", None),
        # "lao động" (labour) is not Laos
        (
            "RCS-REC-SCAM-COMPOUND",
            "ad",
            "Tuyển lao động chăm sóc khách hàng, công ty lo vé máy bay, lương cao.",
            None,
        ),
        (
            "RCS-REC-SCAM-COMPOUND",
            "ad",
            "Tuyển nhân viên chăm sóc khách hàng đi Lào, công ty lo vé máy bay, lương cao.",
            "strong",
        ),
        # "dania" (dishes) is not Denmark
        (
            "RCS-REC-MESSENGER-JOB-AD",
            "ad",
            "Restauracja w Krakowie: dania kuchni polskiej, dobre zarobki, pisz na WhatsApp.",
            None,
        ),
    ],
)
def test_folding_traps(indicator: str, kind: str, text: str, expected: str | None) -> None:
    data = {"indicator": indicator, "record_kind": kind, "items": [{"id": "x1", "text": text}]}
    assert strengths(data, CATALOGUE).get("x1") == expected
