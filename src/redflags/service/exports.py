"""Per-case exports for download: the case as JSON (what the API shows), CSV (cases, findings
and evidence in one zip), FollowTheMoney entities (JSON lines), GEXF (Gephi) and the HTML
dossier. Each reuses the scanner's writer (report/) on the one case, under the case's
redaction (service/redaction.py)."""

from __future__ import annotations

import io
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from redflags import __version__
from redflags.catalogue import Catalogue
from redflags.model import Case
from redflags.report.context import ReportContext
from redflags.report.dossier import render_dossier
from redflags.report.exports import ftm_entities, write_csv, write_gexf
from redflags.report.html import content_security_policy
from redflags.report.json_export import dumps
from redflags.report.redact import Redactor
from redflags.service.case_view import CaseBodies, case_json
from redflags.service.cases import stamp
from redflags.service.db.models import CaseRow, Decision, User
from redflags.service.locking import case_row
from redflags.service.redaction import case_redaction

Format = Literal["json", "csv", "ftm", "gexf", "html"]
Lang = Literal["en", "da"]
# format -> (media type, file name ending)
FORMATS: dict[str, tuple[str, str]] = {
    "json": ("application/json", "json"),
    "csv": ("application/zip", "csv.zip"),
    "ftm": ("application/x-ndjson", "ftm.jsonl"),
    "gexf": ("application/xml", "gexf"),
    "html": ("text/html; charset=utf-8", "html"),
}


@dataclass(frozen=True)
class Export:
    body: bytes
    media_type: str
    filename: str
    headers: dict[str, str]


def _verdict(session: Session, row: CaseRow) -> dict[str, Any] | None:
    """The last decision applied to the case, as the dossier and cases.csv show a verdict."""
    found = session.execute(
        select(Decision, User.username)
        .join(User, User.id == Decision.proposed_by)
        .where(Decision.case_id == row.id, Decision.state == "applied")
        .order_by(Decision.id.desc())
        .limit(1)
    ).first()
    if found is None:
        return None
    decision, username = found
    return {
        "status": decision.status,
        "by": username,
        "at": stamp(decision.reviewed_at or decision.proposed_at),
        "note": decision.note,
    }


def _csv_zip(folder: Path, case_id: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ("cases.csv", "findings.csv", "evidence.csv"):
            archive.write(folder / name, f"{case_id}/{name}")
    return buffer.getvalue()


def _dossier(
    case: Case,
    row: CaseRow,
    redactor: Redactor,
    status: dict[str, Any],
    catalogue: Catalogue,
    lang: Lang,
) -> bytes:
    context = ReportContext(
        cases=[case],
        catalogue=catalogue,
        run={
            "run_id": row.last_run,
            "created": stamp(row.last_seen),
            "catalogue_version": catalogue.version,
            "model": case.score.model,
            "redflags_version": __version__,
        },
        redactor=redactor,
        record_texts=row.texts or {},
        lang=lang,
    )
    return render_dossier(case, context, status, report_href="#").encode()


def _written(
    case: Case, redactor: Redactor, fmt: Format, catalogue: Catalogue, status: dict[str, Any]
) -> bytes:
    """The CSV zip or the GEXF file, as the scanner's writers write them into a folder."""
    with tempfile.TemporaryDirectory(prefix="redflags-export-") as scratch:
        folder = Path(scratch)
        if fmt == "csv":
            write_csv(
                folder, [case], case.findings, catalogue, redactor, statuses={case.case_id: status}
            )
            return _csv_zip(folder, case.case_id)
        write_gexf(folder / "case.gexf", [case], redactor)
        return (folder / "case.gexf").read_bytes()


def export_case(
    session: Session,
    key: bytes,
    case_id: str,
    fmt: Format,
    catalogue: Catalogue,
    lang: Lang = "en",
    bodies: CaseBodies | None = None,
) -> Export:
    """One case as a file in `fmt`; `bodies` caches the JSON (see case_view.CaseBodies)."""
    media_type, ending = FORMATS[fmt]
    headers = {"Content-Disposition": f'attachment; filename="{case_id}.{ending}"'}
    if fmt == "json":
        body = case_json(session, key, case_id, bodies).encode()
        return Export(body, media_type, f"{case_id}.{ending}", headers)
    row = case_row(session, case_id)
    case, redaction = case_redaction(key, row.payload, row.names or ())
    status = {
        "status": row.status,
        "first_seen": stamp(row.first_seen),
        "reasons": list(row.change_reasons or ()),
        "verdict": _verdict(session, row),
    }
    if fmt == "ftm":
        entities = ftm_entities(case, catalogue, redaction.redactor, lang)
        body = "".join(dumps(e, sort_keys=True) + "\n" for e in entities).encode()
    elif fmt == "html":
        body = _dossier(case, row, redaction.redactor, status, catalogue, lang)
        headers["Content-Security-Policy"] = str(content_security_policy("dossier.css"))
    else:
        body = _written(case, redaction.redactor, fmt, catalogue, status)
    return Export(body, media_type, f"{case_id}.{ending}", headers)
