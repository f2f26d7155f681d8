"""Offline language identification (lingua, restricted to the project's languages)."""

from __future__ import annotations

import pytest

from redflags.normalise.language import detect_language, language_confidence

TEXTS = {
    "da": "Hej, jeg er ny i byen og glæder mig til at møde dig i aften.",
    "en": "Hi, I am new in town and looking forward to meeting you tonight.",
    "ro": "Bună, sunt nouă în oraș și abia aștept să te cunosc în seara asta.",
    "bg": "Здравей, нова съм в града и нямам търпение да се запознаем довечера.",
    "ru": "Привет, я новенькая в городе и жду встречи с тобой сегодня вечером.",
    "uk": "Привіт, я нова в місті і з нетерпінням чекаю на зустріч з тобою ввечері.",
    "th": "สวัสดีค่ะ ฉันเพิ่งมาถึงเมืองนี้และอยากพบคุณคืนนี้",
    "es": "Hola, soy nueva en la ciudad y tengo ganas de conocerte esta noche.",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_short_texts_are_identified(code: str) -> None:
    assert detect_language(TEXTS[code]) == code


@pytest.mark.parametrize("text", ["ok 123", "", None, "☺☺ 55 66 77 88"])
def test_too_short_or_unsure_is_none(text: str | None) -> None:
    assert detect_language(text) is None
    assert language_confidence(text) == (None, 0.0)


def test_confidence_of_a_long_danish_text_is_high() -> None:
    code, confidence = language_confidence(TEXTS["da"] * 3)
    assert code == "da"
    assert confidence >= 0.8
