"""Merging a case from the case page: a reviewer picks a related case (or types a case number)
and confirms; the page of the survivor names what was merged into it, the merged case's page
where it went. Analysts see no merge form; an unconfirmed or refused merge is said in words."""

from __future__ import annotations

import re

from sqlalchemy import select

from redflags.service.db.models import CaseRow
from redflags.service.roles import Role

from .test_web_casework import _audit, _case, _version
from .test_web_support import Web


def _two_cases(web: Web) -> tuple[str, str]:
    """Two demo cases with records apart (the demo's fragments share no identifier, so the
    reviewer types the case number)."""
    with web.db.read() as session:
        rows = session.execute(select(CaseRow.id, CaseRow.payload).order_by(CaseRow.score.desc()))
        records = [(case_id, set(payload["records"])) for case_id, payload in rows]
    first, mine = records[0]
    return first, next(case_id for case_id, theirs in records[1:] if not theirs <= mine)


def test_a_reviewer_merges_a_related_case_from_the_case_page(web: Web) -> None:
    into, away = _two_cases(web)
    analyst_page = web.as_role(Role.analyst).client.get(f"/cases/{into}").text
    assert 'data-testid="merge-form"' not in analyst_page
    rolf = web.as_role(Role.reviewer)
    page = rolf.client.get(f"/cases/{into}").text
    assert 'data-testid="merge-form"' in page
    assert 'data-testid="merge-from"' in page
    version = _version(page)
    # not confirmed: nothing happens, and the page says why
    answer = rolf.form_post(f"/cases/{into}/merge", {"from_case": away, "version": version})
    assert answer.status_code == 422 and "Tick the box" in answer.text
    assert _case(web, away).status != "merged"
    answer = rolf.form_post(
        f"/cases/{into}/merge", {"from_case": away, "version": version, "confirm": "yes"}
    )
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == f"/cases/{into}#case-related"
    assert (_case(web, away).status, _case(web, away).merged_into) == ("merged", into)
    assert _audit(web, "case.merge", into)[0]["details"]["from"] == away
    survivor = rolf.client.get(f"/cases/{into}").text
    assert re.search(r'data-testid="merged-from">[^<]*<a href="/cases/' + re.escape(away), survivor)
    for lang, status in (("en", "Merged into another case"), ("da", "Lagt sammen med en anden")):
        merged = web.as_role(Role.viewer, lang).client.get(f"/cases/{away}").text
        assert f'data-testid="merged-into">{away}' not in merged
        assert f'href="/cases/{into}" translate="no" data-testid="merged-into">{into}<' in merged
        assert status in merged
    assert 'data-testid="merge-form"' not in rolf.client.get(f"/cases/{away}").text
    # a stale page is refused in words, and nothing changes
    again = rolf.form_post(
        f"/cases/{away}/merge", {"from_case": into, "version": version, "confirm": "yes"}
    )
    assert again.status_code == 409 and "cannot be merged now" in again.text
