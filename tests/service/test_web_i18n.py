"""Danish and English, complete: the Danish catalogue translates every message of the pages
(extracted from the templates and the Python that shows words), its compiled .mo is the .po's,
no Danish page shows a word of the English interface, and numbers and dates are written as a
Danish reader writes them. The language is the browser's, until the toggle chooses one."""

from __future__ import annotations

import io
import re
from importlib.resources import files
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from redflags.service.roles import Role
from redflags.service.web.i18n import Formats, from_accept_language

from .test_web_pages import pages
from .test_web_support import Web, visible_text

WEB = Path(str(files("redflags.service.web")))
LOCALE = WEB / "locale"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "translate": (2,)}
METHODS = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
OPTIONS = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}

_HEX_TOKEN = re.compile(r"\b[0-9a-f]{4,}\b")


def _danish() -> Catalog:
    with (LOCALE / "da" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale="da")


def _ids(catalog: Catalog) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def test_every_message_has_its_danish_translation() -> None:
    catalog = _danish()
    assert len(catalog) > 300
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        texts = [message.string] if isinstance(message.string, str) else list(message.string)
        assert all(t.strip() for t in texts), f"no Danish for {ids[0]!r}"
        assert "fuzzy" not in message.flags, f"fuzzy: {ids[0]!r}"
        wanted = set(PLACEHOLDER.findall(" ".join(ids)))
        for text in texts:
            assert set(PLACEHOLDER.findall(text)) <= wanted | {"num"}, ids[0]
            assert set(PLACEHOLDER.findall(text)) >= wanted - {"num"}, ids[0]


def test_the_compiled_catalogue_is_the_po_file() -> None:
    made = io.BytesIO()
    write_mo(made, _danish())
    stored = (LOCALE / "da" / "LC_MESSAGES" / "messages.mo").read_bytes()
    assert made.getvalue() == stored, "run: pybabel compile -d locale -D messages (docs/ui.md)"


def test_the_catalogues_hold_every_message_of_the_sources() -> None:
    found = {
        message[2] if isinstance(message[2], str) else message[2][0]
        for message in extract_from_dir(str(WEB), METHODS, options_map=OPTIONS, keywords=KEYWORDS)
    }
    with (LOCALE / "messages.pot").open("rb") as handle:
        template = _ids(read_po(handle))
    assert found - template == set(), "run pybabel extract and update (docs/ui.md)"
    assert template - found == set(), "the template has messages no source uses"
    assert _ids(_danish()) == template


def english_words() -> set[str]:
    """Words of the English interface that Danish never uses: what a Danish page must not
    show (from the msgids, less every word of the Danish translations)."""

    def words(text: str) -> set[str]:
        return {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", PLACEHOLDER.sub(" ", text))}

    english: set[str] = set()
    danish: set[str] = set()
    for message in _danish():
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        texts = [message.string] if isinstance(message.string, str) else list(message.string)
        for text in ids:
            english |= words(text)
        for text in texts:
            danish |= words(text)
    return english - danish


def test_the_english_word_list_is_the_interface() -> None:
    listed = english_words()
    for word in ("priority", "score", "assigned", "comments", "approve", "network", "timeline"):
        assert word in listed
    assert "status" not in listed  # the same word in Danish


def _english_in(text: str, listed: set[str]) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{3,}", text) if w.casefold() in listed}


def test_danish_pages_show_no_english_interface_word(web: Web) -> None:
    listed = english_words()
    english_inbox = web.as_role(Role.admin, lang="en").client.get("/").text
    assert len(_english_in(visible_text(english_inbox, "en"), listed)) > 20  # the check sees
    admin = web.as_role(Role.admin, lang="da")
    paths = [p for p in pages(web) if p != "/checklist"]  # the checklist is bilingual itself
    paths += [f"/cases/{case_id}" for case_id in web.case_ids()]
    for path in paths:
        answer = admin.client.get(path)
        assert answer.status_code == 200, path
        assert '<html lang="da">' in answer.text
        english = _english_in(visible_text(answer.text, "da"), listed)
        assert not english, f"{path}: {sorted(english)}"
    # a label ends in its token's first hex digits ("Konto 0add"): not a word of any language
    for path in [f"/cases/{c}/network.json" for c in web.case_ids()]:
        network = admin.client.get(path).json()
        shown = " ".join(
            [
                *(
                    _HEX_TOKEN.sub("", n["label"]) + " " + n["kind_word"] + " " + n["role_word"]
                    for n in network["nodes"]
                ),
                *(e["label"] for e in network["edges"]),
                *network["groups"].values(),
                *network["words"].values(),
            ]
        )
        assert not _english_in(shown, listed), (path, sorted(_english_in(shown, listed)))
    signed_out = web.client
    signed_out.cookies.set("redflags_lang", "da")
    login = signed_out.get("/login").text
    assert not _english_in(visible_text(login, "da"), listed)


def test_danish_numbers_dates_and_amounts() -> None:
    da, en = Formats("da"), Formats("en")
    assert da.score(156.298926) == "156,3" and en.score(156.298926) == "156.3"
    assert da.number(1250) == "1.250" and en.number(1250) == "1,250"
    assert da.money(31950, "DKK") == "31.950,00\xa0kr."
    assert da.date("2026-06-13T06:57:12+00:00") == "13. jun. 2026"
    assert en.date("2026-06-13T06:57:12+00:00") == "Jun 13, 2026"
    assert da.datetime("2026-06-13T06:57:12+00:00") == "13. jun. 2026 08.57"  # Copenhagen
    assert da.date(None) == "" and da.date("not a date") == ""


def test_a_danish_case_page_writes_danish_numbers(web: Web) -> None:
    case_id = web.case_ids()[0]
    page = web.as_role(Role.viewer, lang="da").client.get(f"/cases/{case_id}").text
    score = re.search(r'data-testid="case-score">([^<]+)<', page)
    assert score and "," in score.group(1) and "." not in score.group(1)
    assert re.search(r"\d{1,2}\. (jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\. \d{4}", page)


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        ("da-DK,da;q=0.9,en;q=0.8", "da"),
        ("en-GB,en;q=0.9,da;q=0.8", "en"),
        ("de-DE,de;q=0.9", "en"),
        ("de-DE, da;q=0.5", "da"),
        ("", "en"),
        ("da;q=nonsense, en", "en"),
    ],
)
def test_the_language_follows_the_browser(header: str, lang: str) -> None:
    assert from_accept_language(header) == lang


def test_the_toggle_chooses_the_language(web: Web) -> None:
    client = web.client
    assert '<html lang="da">' in client.get("/login", headers={"Accept-Language": "da"}).text
    answer = client.get("/lang/en?next=/login", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/login"
    assert "redflags_lang=en" in answer.headers["set-cookie"]
    assert '<html lang="en">' in client.get("/login", headers={"Accept-Language": "da"}).text
    elsewhere = client.get("/lang/da?next=//evil.example/", follow_redirects=False)
    assert elsewhere.headers["location"] == "/"
