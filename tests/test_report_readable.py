"""The run report and the dossier read in a minute, in English or Danish, and print on A4: an
index of cases first, numbers rounded in the page's language, roles summarised by group, evidence
in words with the matched text in context, undated timeline entries last, a large network drawn
collapsed, proper plural forms, and an @page rule. Built on small hand-made cases (fast)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from redflags.catalogue import load_catalogue
from redflags.model import Case, Evidence, Finding
from redflags.model.cases import NetworkEdge, Role, TimelineEntry
from redflags.model.scores import Score, Step
from redflags.report import ReportContext
from redflags.report.case_view import role_groups, timeline_rows
from redflags.report.dossier import render_dossier
from redflags.report.formats import Formats
from redflags.report.html import stylesheet, write_html_report
from redflags.report.redact import Redactor
from redflags.report.svg import COLLAPSE_AT, build_network, collapse, network_svg
from redflags.report.vocabulary import concept_label, pivot_label

KEY = b"a-test-key-of-at-least-32-characters!"
AD_TEXT = "Ny pige i byen. Hun er sød og hun venter på dig, ring nu."


def _finding(indicator: str, start: str | None, evidence: tuple[Evidence, ...] = ()) -> Finding:
    return Finding(
        indicator_id=indicator,
        indicator_version=1,
        subject_kind="ad",
        subject="A1",
        window_start=start,
        summary_en=f"{indicator} summary",
        summary_da=f"{indicator} resumé",
        evidence=evidence,
    )


def _case(case_id: str = "C-1", roles: tuple[Role, ...] = (), **extra: object) -> Case:
    third = Evidence(
        kind="ad", record_id="A1", field="body", value="third_feminine", start=16, end=19
    )
    findings = (
        _finding("BEH-AD-THIRD-PERSON", None, (third,)),
        _finding("BEH-MOVEMENT-WORDS", "2026-03-05T10:00:00+00:00"),
    )
    steps = (
        Step(code="BEH-AD-THIRD-PERSON", delta=21.99612, detail_en="a", detail_da="a"),
        Step(code="BEH-MOVEMENT-WORDS", delta=37.59368, detail_en="b", detail_da="b"),
    )
    timeline = (
        TimelineEntry(
            start=None, end=None, indicator_id="BEH-AD-THIRD-PERSON", summary_en="u", summary_da="u"
        ),
        TimelineEntry(
            start="2026-03-05T10:00:00+00:00",
            end=None,
            indicator_id="BEH-MOVEMENT-WORDS",
            summary_en="d",
            summary_da="d",
        ),
    )
    return Case(
        case_id=case_id,
        group_id="g",
        score=Score(
            model="risk-v1",
            total=sum(s.delta for s in steps),
            steps=steps,
            source_types=("ad",),
            is_case=True,
            priority="high",
        ),
        findings=findings,
        records=("ad:A1",),
        pivots=("phone:+4552614783",),
        timeline=timeline,
        roles=roles,
        **extra,  # type: ignore[arg-type]
    )


def _buyers(n: int) -> tuple[Role, ...]:
    return tuple(
        Role(
            entity=f"account:DK00{i:08d}",
            role="buyer",
            reasons_en=("pays a network account once or twice",),
            reasons_da=("betaler en netværkskonto én eller to gange",),
            confidence=0.75,
        )
        for i in range(n)
    )


def _context(cases: list[Case], lang: str = "en", **fields: object) -> ReportContext:
    return ReportContext(
        cases=cases,
        catalogue=load_catalogue(),
        run={"run_id": "r"},
        redactor=Redactor(KEY),
        lang=lang,
        record_texts={"ad:A1": {"body": AD_TEXT}},
        **fields,  # type: ignore[arg-type]
    )


def _visible(html: str) -> str:
    """The page's text without tags (what a reader sees)."""
    return re.sub(r"<[^>]+>", " ", html)


def test_numbers_are_rounded_in_the_pages_language() -> None:
    en, da = Formats("en"), Formats("da")
    assert (en.score(59.5898), da.score(59.5898)) == ("59.6", "59,6")
    assert (en.delta(21.9961), da.delta(-2.04)) == ("+22.0", "−2,0")
    assert en.money(3400, "DKK") == "3,400\xa0DKK" and da.money(3400, "DKK") == "3.400\xa0kr."
    assert da.money(5, "<b>") == "5 <b>"  # not a currency code: shown as text (escaped later)
    assert da.date("2026-03-05T10:00:00+00:00") == "5. mar. 2026"
    assert en.score(float("inf")) == "(too large to show)"
    html = render_dossier(_case(), _context([_case()], "da"))
    assert "Score 59,6" in html and "+22,0" in html and "59.58980" not in html
    assert "21.99612" not in html and "21,99612" not in html


def test_danish_plural_forms_have_no_brackets() -> None:
    da = Formats("da")
    assert da.plural(1, "{n} anden kunde", "{n} andre kunder") == "1 anden kunde"
    assert da.plural(3, "{n} anden kunde", "{n} andre kunder") == "3 andre kunder"
    one = role_groups(_case(roles=_buyers(1)), Redactor(KEY), "da")
    many = role_groups(_case(roles=_buyers(25)), Redactor(KEY), "da")
    assert one[0]["line"].startswith("1 køber:")
    assert many[0]["line"].startswith("25 købere:")
    html = render_dossier(_case(), _context([_case()], "da"))
    assert "(r)" not in _visible(html) and "(er)" not in _visible(html)


def test_roles_are_one_line_per_group_without_a_made_up_confidence() -> None:
    case = _case(roles=_buyers(25))
    groups = role_groups(case, Redactor(KEY), "en")
    assert len(groups) == 1
    assert groups[0]["line"] == "25 buyers: pays a network account once or twice"
    assert len(groups[0]["members"]) == 1 and len(groups[0]["members"][0]["entities"]) == 25
    html = render_dossier(case, _context([case]))
    assert html.count("pays a network account once or twice") == 2  # the line and its details
    assert "<details>" in html and "0.75" not in html and "Confidence" not in html


def test_role_reasons_that_differ_in_numbers_merge_into_a_range() -> None:
    roles = tuple(
        Role(
            entity=f"phone:+45526147{n:02d}",
            role="organiser",
            reasons_en=(f"fronts {n} personas",),
            reasons_da=(f"står bag {n} personaer",),
        )
        for n in (6, 7)
    )
    groups = role_groups(_case(roles=roles), Redactor(KEY), "en")
    assert groups[0]["line"] == "2 organisers: fronts 6–7 personas"


def test_evidence_shows_words_in_context_not_internal_labels() -> None:
    html = render_dossier(_case(), _context([_case()]))
    assert concept_label("en", "third_feminine") == "she/her forms"
    assert "she/her forms" in html
    assert "third_feminine" not in html and "[16–19]" not in html
    # the matched word, marked, with the words around it
    assert re.search(r"er sød|Ny pige", html) and '<mark title="she/her forms">' in html
    danish = render_dossier(_case(), _context([_case()], "da"))
    assert "hun/hende-former" in danish and "third_feminine" not in danish


def test_one_kind_prefix_per_token() -> None:
    assert pivot_label("account:account#9f00aa11bb") == "account#9f00aa11bb"
    assert pivot_label("phone:+4512345678") == "phone:+4512345678"  # revealed: kind kept once
    html = render_dossier(_case(), _context([_case()]))
    assert not re.search(r"\b(\w+):\1#", html)


def test_undated_timeline_entries_come_last() -> None:
    rows = timeline_rows(_case().timeline, load_catalogue(), Redactor(KEY), "en")
    assert [r["key"] for r in rows] == ["BEH-MOVEMENT-WORDS", "BEH-AD-THIRD-PERSON"]
    assert rows[0]["when"] == "5 Mar 2026" and rows[1]["when"] == ""
    html = render_dossier(_case(), _context([_case()]))
    table = html[html.index('class="compact timeline"') :]
    assert table.index("5 Mar 2026") < table.index(">undated<")


def test_the_run_report_starts_with_a_linked_index(tmp_path: Path) -> None:
    cases = [_case("C-first"), _case("C-second")]
    path = tmp_path / "report.html"
    write_html_report(path, _context(cases, dossiers=True))
    html = path.read_text(encoding="utf-8")
    index = html.index('<table class="index">')
    assert index < html.index('<section class="case"') and index < html.index("youth-queue")
    rows = html[index : html.index("</table>", index)]
    for case in cases:
        assert f'href="#{case.case_id}"' in rows
        assert f'href="cases/{case.case_id}.html"' in rows
        assert f'id="{case.case_id}"' in html  # the card the index links to
    assert "59.6" in rows and "5 Mar 2026" in rows


def test_pages_print_on_a4_without_orphaned_headings() -> None:
    for name in ("report.css", "dossier.css"):
        css = str(stylesheet(name))
        assert re.search(r"@page\s*\{\s*size:\s*A4", css), name
        assert re.search(r"h2[^{]*\{[^}]*break-after:\s*avoid", css), name
        assert re.search(r"tr[^{]*\{[^}]*break-inside:\s*avoid", css), name
    html = render_dossier(_case(), _context([_case()]))
    assert "size: A4" in html  # the stylesheet is inlined (allowed by its hash)
    assert html.index('class="network"') < html.index("<h2>Indicators by CMM category")


def _paid(payer: str, hub: str, count: int, amount: float) -> NetworkEdge:
    return NetworkEdge(
        source=payer, target=hub, kind="payment", count=count, amount=amount, currency="DKK"
    )


def _star_case(workers: int, buyers: int) -> Case:
    """An organiser's account paid by many buyers and fed by workers' accounts."""
    hub = "account:DK0000000001"
    edges = [_paid(f"account:DK1{i:09d}", hub, 2, 1700.0) for i in range(buyers)]
    edges += [_paid(f"account:DK2{i:09d}", hub, 1, 500.0) for i in range(workers)]
    roles = [Role(entity=hub, role="organiser", reasons_en=("x",), reasons_da=("x",))]
    roles += [
        Role(entity=f"account:DK2{i:09d}", role="worker", reasons_en=("y",), reasons_da=("y",))
        for i in range(workers)
    ]
    return _case(roles=tuple(roles), edges=tuple(edges))


def test_a_large_network_is_drawn_collapsed() -> None:
    case = _star_case(workers=3, buyers=55)
    full = build_network(case, Redactor(KEY).pivot, max_nodes=None)
    assert len(full.nodes) == 59 >= COLLAPSE_AT
    net = collapse(full)
    groups = [n for n in net.nodes.values() if n.members]
    assert len(net.nodes) == 5 and net.collapsed == 55
    assert [(g.kind, g.members) for g in groups] == [("account", 55)]
    paid = [e for e in net.edges if e.kind == "payment" and e.source.startswith("group:")]
    assert len(paid) == 1 and paid[0].count == 110 and paid[0].amount == 55 * 1700.0
    svg = str(network_svg(net, "en"))
    assert "55 accounts" in svg and "110× paid 93,500\xa0DKK" in svg
    danish = str(network_svg(net, "da"))
    assert "55 konti" in danish and "110× betalt 93.500\xa0kr." in danish
    assert "arbejder" in danish and "worker" not in _visible(danish)
    small = _star_case(workers=2, buyers=10)
    assert collapse(build_network(small, Redactor(KEY).pivot)).collapsed == 0


@pytest.mark.parametrize("english", ["paid", "device event", "Timeline", "undated", "Network"])
def test_a_danish_dossier_has_no_english_words(english: str) -> None:
    case = _star_case(workers=3, buyers=55)
    html = render_dossier(case, _context([case], "da"))
    assert english not in _visible(html)
