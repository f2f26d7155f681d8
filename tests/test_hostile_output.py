"""Hostile input, safe output (issue #11): what traffickers write — ad titles, bodies, personas,
cities, file names, account numbers in memos — must reach our pages only as escaped text, every
page forbids script by its Content-Security-Policy, numbers that overflowed never make invalid
JSON or 'inf' in a sentence, a huge ad never makes a huge dossier, and the redaction key is
handled as a secret."""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import re
import stat
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from demo_world import case1_controller, rewrite_records, write_demo_world
from redflags.catalogue import load_catalogue
from redflags.model import Case, Evidence, Finding
from redflags.pipeline import ScanOptions, ScanResult, run_scan
from redflags.report import ReportContext
from redflags.report.dossier import render_dossier
from redflags.report.exports import write_exports
from redflags.report.html import safe_href, write_html_report
from redflags.report.json_export import write_cases_json, write_findings_jsonl
from redflags.report.redact import RedactionKeyError, Redactor, default_key

KEY = b"0123456789abcdef0123456789abcdef-hostile"
PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
)
HOSTILE = " ".join(PAYLOADS) + ' <a href="javascript:alert(1)">click</a>'
# identifiers written into free text: bank numbers and the name of the demo's Case 1 controller
CONTROLLER = case1_controller()
NAME = f"{CONTROLLER['first_name']} {CONTROLLER['last_name']}".lower()
IN_TEXT = f" Betal til DK50 0040 0440 1162 43 eller 5201-3795742288, spørg efter {NAME}."
SECRETS_IN_TEXT = (
    "0040 0440 1162",
    "DK5000400440116243",
    "3795742288",
    CONTROLLER["last_name"].lower(),
)


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the CSP meta tag's content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k.lower(): v or "" for k, v in attrs}))


def assert_safe_page(html: str) -> None:
    parser = _Tags()
    parser.feed(html)
    tags = parser.tags
    assert tags, "not a page"
    assert not [t for t, _ in tags if t in ("script", "img", "iframe", "object", "embed")]
    handlers = [(t, k) for t, attrs in tags for k in attrs if k.startswith("on")]
    assert not handlers, handlers
    for tag, attrs in tags:
        for name in ("href", "src", "xlink:href", "action", "formaction"):
            value = attrs.get(name, "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (tag, attrs)
    csp = [
        a["content"]
        for t, a in tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert len(csp) == 1, "one Content-Security-Policy per page"
    policy = csp[0]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert "'unsafe-inline'" not in policy and "style-src 'sha256-" in policy
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert len(styles) == 1  # the one stylesheet, allowed by its hash and nothing else
    digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy
    assert not [t for t, attrs in tags if "style" in attrs]  # no inline style attributes


def _hostile_demo(root: Path) -> Path:
    """The demo world with every ad's title, body, persona and city carrying the payloads,
    and the bodies carrying an IBAN, a reg+konto number and the controller's name."""
    data = write_demo_world(root / "data")

    def hostile(ad: dict[str, Any]) -> dict[str, Any]:
        ad["title"] = f"{PAYLOADS[1]} {ad.get('title') or ''}"
        ad["body"] = f"{ad.get('body') or ''} {HOSTILE}{IN_TEXT}"
        if ad.get("persona"):
            ad["persona"] = f"{ad['persona']}{PAYLOADS[0]}"
        ad["city"] = f"{ad.get('city') or 'Herning'}{PAYLOADS[2]}"
        return ad

    rewrite_records(data, "ads", hostile)
    return data


@pytest.fixture(scope="module")
def revealed(tmp_path_factory: pytest.TempPathFactory) -> ScanResult:
    # --reveal is the worst case: every value of a record is written as it came
    root = tmp_path_factory.mktemp("hostile")
    data = _hostile_demo(root)
    return run_scan([data], ScanOptions(out=root / "run", redaction_key=KEY, reveal=True))


@pytest.fixture(scope="module")
def redacted(tmp_path_factory: pytest.TempPathFactory) -> ScanResult:
    root = tmp_path_factory.mktemp("hostile-redacted")
    data = _hostile_demo(root)
    return run_scan([data], ScanOptions(out=root / "run", redaction_key=KEY))


def test_identifiers_written_into_ad_bodies_are_redacted_everywhere(
    redacted: ScanResult, revealed: ScanResult
) -> None:
    def files(run: ScanResult) -> dict[str, str]:
        return {
            str(p.relative_to(run.run_dir)): p.read_text(encoding="utf-8").lower()
            for p in sorted(run.run_dir.rglob("*"))
            if p.is_file() and p.suffix not in (".duckdb", ".wal")
        }

    shown = files(revealed)
    assert any(s.lower() in text for text in shown.values() for s in SECRETS_IN_TEXT)
    for name, text in files(redacted).items():
        leaked = [s for s in SECRETS_IN_TEXT if s.lower() in text]
        assert not leaked, f"{name} leaks {leaked}"


def _pages(run_dir: Path) -> list[Path]:
    return sorted(run_dir.rglob("*.html"))


def test_every_page_escapes_hostile_records_and_forbids_script(revealed: ScanResult) -> None:
    pages = _pages(revealed.run_dir)
    assert len(pages) >= 2 and revealed.shown
    reached = False
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert_safe_page(html)
        reached |= "&lt;img src=x onerror=alert(1)&gt;" in html
    assert reached, "the payloads reached a page, escaped (else this test proves nothing)"


def test_hostile_file_names_and_texts_in_a_rendered_report(
    tmp_path: Path, revealed: ScanResult
) -> None:
    record = next(
        f"{e.kind}:{e.record_id}"
        for c in revealed.shown
        for f in c.findings
        for e in f.evidence
        if e.kind == "ad" and e.start is not None
    )
    texts = {record: {"body": HOSTILE * 3, "title": HOSTILE}}
    for redactor in (Redactor(KEY), Redactor(reveal=True)):
        path = tmp_path / "report.html"
        write_html_report(
            path,
            ReportContext(
                cases=revealed.shown,
                findings=revealed.findings,
                catalogue=load_catalogue(),
                run={"run_id": PAYLOADS[2], "created": PAYLOADS[0]},
                ingest=[{"file": f"{PAYLOADS[2]}.csv", "read": 1, "stored": 1, "quarantined": 0}],
                record_texts=texts,
                redactor=redactor,
                dossiers=True,
            ),
        )
        assert_safe_page(path.read_text(encoding="utf-8"))
        for case in revealed.shown:
            assert_safe_page(
                render_dossier(
                    case,
                    ReportContext(
                        cases=[case],
                        catalogue=load_catalogue(),
                        run={"run_id": PAYLOADS[1]},
                        record_texts=texts,
                        redactor=redactor,
                    ),
                )
            )


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.org/ad?id=1", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html;base64,PHNjcmlwdD4=", False),
        ("vbscript:msgbox(1)", False),
        ("/relative/path", False),
        ("//example.org/x", False),
        ('https://example.org/"onmouseover=alert(1)', False),
    ],
)
def test_only_absolute_http_urls_become_links(url: str, link: bool) -> None:
    assert (safe_href(url) is not None) is link


# --- redaction of free text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret", "kind"),
    [
        ("Overfør til DK50 0040 0440 1162 43 i dag", "DK50 0040 0440 1162 43", "account#"),
        ("IBAN GB29NWBK60161331926819 please", "GB29NWBK60161331926819", "account#"),
        ("reg 1234 konto 1234567890", "1234567890", "account#"),
        ("betal til 1234 1234567890 nu", "1234 1234567890", "account#"),
        ("betal til 1234-1234567890 nu", "1234-1234567890", "account#"),
        ("kort 4111 1111 1111 1111 udløb", "4111 1111 1111 1111", "card#"),
        ("skriv til anna.k@mail.example", "anna.k@mail.example", "email#"),
        ("ring 52 61 47 83 i aften", "52 61 47 83", "phone#"),
        ("Ring +45 42 53 08 29", "+45 42 53 08 29", "phone#"),
    ],
)
def test_free_text_identifiers_become_tokens(text: str, secret: str, kind: str) -> None:
    redactor = Redactor(KEY)
    out = redactor.text(text)
    assert secret not in out and kind in out
    assert Redactor(reveal=True).text(text) == text


def test_names_and_customer_ids_in_free_text_become_stable_tokens() -> None:
    redactor = Redactor(KEY)
    redactor.add_names(["Andrei Munteanu", "Bella"])
    redactor.add_customer_ids(["K00001"])
    out = redactor.text("Contact made by ANDREI MUNTEANU for K00001 (persona bella, Isabella)")
    assert "munteanu" not in out.lower() and "K00001" not in out
    assert " bella" not in out.lower() and "Isabella" in out  # whole words only
    assert out.count(redactor.token("name", "andrei munteanu")) == 1
    assert redactor.token("customer", "K00001") in out


def test_dates_amounts_and_ids_are_not_taken_for_identifiers() -> None:
    text = "2026-09-26 – 2026-10-03: 12,500 DKK from 4 payers; finding 280c37d83c73d526"
    assert Redactor(KEY).text(text) == text


# --- non-finite numbers -----------------------------------------------------------------------


def _context(cases: list[Case], redactor: Redactor, **fields: Any) -> ReportContext:
    """What a writer needs to write these cases alone (a run of one id, "r", by default)."""
    return ReportContext(
        **{"cases": cases, "catalogue": load_catalogue(), "run": {"run_id": "r"}, **fields},
        redactor=redactor,
    )


def _strict(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise ValueError(f"invalid JSON constant {constant}")

    return json.loads(text, parse_constant=refuse)


def _overflowed(case: Case) -> Case:
    finding = case.findings[0].model_copy(
        update={
            "facts": {**case.findings[0].facts, "inflow": math.inf, "share": math.nan},
            "summary_en": "In 2026-09 the account received inf from 3 payers (nan%).",
        }
    )
    score = case.score.model_copy(update={"total": math.inf})
    edges = tuple(e.model_copy(update={"amount": math.inf}) for e in case.edges)
    return case.model_copy(
        update={"score": score, "findings": (finding, *case.findings[1:]), "edges": edges}
    )


def test_non_finite_numbers_write_valid_json_and_readable_text(
    tmp_path: Path, revealed: ScanResult
) -> None:
    case = _overflowed(revealed.shown[0])
    case = case.model_copy(
        update={
            "timeline": tuple(
                t.model_copy(update={"summary_en": "received inf"}) for t in case.timeline
            )
        }
    )
    redactor = Redactor(KEY)
    revealing = Redactor(reveal=True)
    write_cases_json(tmp_path / "revealed.json", _context([case], revealing))
    text = (tmp_path / "revealed.json").read_text(encoding="utf-8")
    assert "received inf" not in text and "Infinity" not in text
    _strict(text)
    write_cases_json(tmp_path / "cases.json", _context([case], redactor))
    document = _strict((tmp_path / "cases.json").read_text(encoding="utf-8"))
    assert document["cases"][0]["score"]["total"] is None
    assert document["cases"][0]["non_finite"]
    write_findings_jsonl(tmp_path / "findings.jsonl", case.findings, redactor)
    for line in (tmp_path / "findings.jsonl").read_text(encoding="utf-8").splitlines():
        data = _strict(line)
        assert " inf " not in data["summary_en"] and "nan%" not in data["summary_en"]
    write_exports(tmp_path, _context([case], redactor, findings=list(case.findings)))
    for line in (tmp_path / "entities.ftm.jsonl").read_text(encoding="utf-8").splitlines():
        _strict(line)
    assert "inf" not in (tmp_path / "cases.csv").read_text(encoding="utf-8").split(",")
    html = render_dossier(case, _context([case], redactor, run={}))
    words = html.replace(">", " ").replace("<", " ").split()
    assert "inf" not in words and "nan" not in words


# --- huge texts -------------------------------------------------------------------------------


def test_a_huge_ad_body_gives_a_bounded_dossier(revealed: ScanResult) -> None:
    case = min(revealed.shown, key=lambda c: len(c.records))  # the bound is for the huge text
    finding = Finding(
        indicator_id=case.findings[0].indicator_id,
        indicator_version=1,
        subject_kind="ad",
        subject="A-huge",
        summary_en="huge",
        summary_da="huge",
        evidence=tuple(
            Evidence(kind="ad", record_id="A-huge", field="body", value="x", start=s, end=s + 5)
            for s in range(1_000, 10_000_000, 200_000)  # 50 matches across the body
        ),
    )
    big = case.model_copy(update={"findings": (*case.findings, finding)})
    body = ("lorem ipsum dolor sit amet " * 400_000)[:10_000_000]
    html = render_dossier(
        big, _context([big], Redactor(KEY), run={}, record_texts={"ad:A-huge": {"body": body}})
    )
    assert len(html) < 400_000, len(html)
    assert "more passages of this text" in html


# --- the redaction key ------------------------------------------------------------------------


def test_a_short_key_is_refused_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDFLAGS_REDACTION_KEY", "short-key")
    with pytest.raises(RedactionKeyError) as raised:
        default_key()
    message = str(raised.value)
    assert "\n" not in message and "32" in message and "short-key" not in message


def test_the_key_file_and_folder_are_created_owner_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("REDFLAGS_REDACTION_KEY")
    home = tmp_path / "home" / ".redflags"
    monkeypatch.setenv("REDFLAGS_HOME", str(home))
    created: list[tuple[str, int]] = []
    real_open = os.open

    def watching_open(path: Any, flags: int, mode: int = 0o777, *args: Any) -> int:
        created.append((str(path), mode))
        return real_open(path, flags, mode, *args)

    monkeypatch.setattr(os, "open", watching_open)
    old = os.umask(0o022)
    try:
        key = default_key()
    finally:
        os.umask(old)
    path = home / "redaction.key"
    assert (str(path), 0o600) in created  # created with its final mode, not chmodded later
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert len(key) >= 32 and default_key() == key  # kept and reused


def test_hostile_values_in_the_network_and_timeline_pictures(revealed: ScanResult) -> None:
    case = revealed.shown[0]
    payload = PAYLOADS[2] + PAYLOADS[0]
    edges = tuple(
        e.model_copy(update={"currency": payload, "source": f"phone:{payload}"})
        if i == 0
        else e.model_copy(update={"currency": payload})
        for i, e in enumerate(case.edges)
    )
    timeline = tuple(
        t.model_copy(update={"summary_en": payload, "indicator_id": "", "event": payload})
        for t in case.timeline
    )
    hostile = case.model_copy(update={"edges": edges, "timeline": timeline})
    html = render_dossier(hostile, _context([hostile], Redactor(reveal=True), run={}))
    assert_safe_page(html)
    assert "&lt;script&gt;" in html or "&#34;&gt;&lt;svg" in html


def test_persona_names_a_finding_quotes_are_redacted() -> None:
    finding = Finding(
        indicator_id="BEH-CONTACT-PROXY",
        indicator_version=1,
        subject_kind="phone",
        subject="+4552614783",
        summary_en="One phone fronts 2 personas (Bella, Anna).",
        summary_da="Én telefon for 2 personaer (Bella, Anna).",
        facts={"persona_names": ["Bella", "Anna"], "personas": 2},
    )
    data = Redactor(KEY).finding(finding)
    written = json.dumps(data)
    assert "Bella" not in written and "Anna" not in written and "name#" in written


def test_redacting_twice_changes_nothing() -> None:
    redactor = Redactor(KEY)
    redactor.add_names(["Bella"])
    once = redactor.text("Bella: ring 52 61 47 83, konto 1234-1234567890, DK5000400440116243")
    assert redactor.text(once) == once
    assert once.count("#") == 4


@pytest.mark.parametrize(
    "text", ["WhatsApp +4542530829.", "ring 0045 42530829", "tlf. 4542530829", "+45 4253 0829"]
)
def test_a_phone_is_a_phone_not_an_account(text: str) -> None:
    out = Redactor(KEY).text(text)
    assert "phone#" in out and "account#" not in out and "card#" not in out


def test_evidence_windows_give_each_identifier_one_token(revealed: ScanResult) -> None:
    from redflags.report.html import _text_views

    case = revealed.shown[0]
    record = next(
        (f"{e.kind}:{e.record_id}", e.field)
        for f in case.findings
        for e in f.evidence
        if e.kind == "ad" and e.start is not None and e.field
    )
    texts = {record[0]: {record[1]: "Skriv på WhatsApp +4542530829 eller DK5000400440116243."}}
    views, _ = _text_views(case, texts, Redactor(KEY))
    shown = "".join(s.text for v in views for p in v["parts"] for s in p["segments"])
    assert shown.count("phone#") == 1 and shown.count("account#") == 1
    assert "4542530829" not in shown and "0040" not in shown


def test_the_page_scrubber_leaves_markup_and_policy_alone() -> None:
    from redflags.report.redact import Scrubber

    scrub = Scrubber(
        Redactor(KEY), [("handle", "meta"), ("handle", "none"), ("phone", "+4552614783")]
    )
    page = (
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
        "<style>.meta { color: red }</style><p>meta 52614783 none</p>"
    )
    out = scrub.page(page)
    assert out.startswith(
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
    )
    assert "<style>.meta { color: red }</style>" in out
    assert "52614783" not in out and "<p>handle#" in out


def test_the_run_id_is_never_scrubbed_as_a_phone() -> None:
    """A run id's date (20261207T...) reads as a phone number to the free-text scrubber; the
    run's own metadata is escaped but not redacted (issue #12 speed work found it)."""
    from redflags.report.html import own_run

    run = own_run({"run_id": "20261207T113142Z-ab12", "created": "2026-12-07T11:31:42+00:00"})
    assert str(run["run_id"]) == "20261207T113142Z-ab12"
    hostile = own_run({"run_id": "<b>x</b>"})
    assert str(hostile["run_id"]) == "&lt;b&gt;x&lt;/b&gt;"
