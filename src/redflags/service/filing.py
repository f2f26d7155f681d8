"""Filing a case from the case store: the goAML report for the FIU and the referral package for
the police (redflags.filing builds both), shared by `redflags file …` and the API.

Only a case the team has decided — `confirmed` or `reported` — is filed. The case comes from the
store (its JSON in clear); its transactions and KYC persons come from a record store, the DuckDB
file a scan kept (`--db`; the service's `<state dir>/records.duckdb`), opened read-only. Both
exports are in clear: every attempt, made or refused, is one audit row."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from redflags import __version__
from redflags.catalogue import Catalogue
from redflags.engines import DuckDBEngine
from redflags.filing.goaml import GoamlReport, build_goaml
from redflags.filing.indicators import IndicatorMap
from redflags.filing.package import Referral, build_referral
from redflags.filing.pdf import print_pdf
from redflags.filing.settings import InstitutionSettings
from redflags.filing.signing import key_id
from redflags.model import Case
from redflags.report.detail import CaseDetail, read_case_detail
from redflags.report.redact import Redactor
from redflags.service.audit import Actor, record
from redflags.service.cases import stamp
from redflags.service.casework_errors import Conflict, Invalid
from redflags.service.db import Database
from redflags.service.db.models import CaseRow
from redflags.service.exports import _verdict
from redflags.service.locking import case_row
from redflags.service.publish import case_from_payload
from redflags.store import Store, StoreError

FILABLE = frozenset({"confirmed", "reported"})


def filable_case(session: Session, case_id: str) -> tuple[Case, CaseRow]:
    """The stored case, if the team confirmed or reported it (else Conflict)."""
    row = case_row(session, case_id)
    if row.status not in FILABLE:
        raise Conflict(
            f"case {case_id} is {row.status}: only a confirmed or reported case is filed"
        )
    return case_from_payload(row.payload), row


def case_detail(records_db: Path, case: Case) -> CaseDetail:
    """The case's rows from the record store at `records_db` (read-only)."""
    if not records_db.is_file():
        raise Invalid(
            f"no record store at {records_db}: filing reads the case's transactions and KYC "
            "persons from the store a scan kept (scan --db FILE, then file … --db FILE)"
        )
    try:
        with Store.open(records_db, read_only=True) as store:
            return read_case_detail(DuckDBEngine(store.connection), case)
    except StoreError as exc:
        raise Invalid(str(exc)) from None


def _audited(
    db: Database, actor: Actor, action: str, case_id: str, ok: bool, **details: object
) -> None:
    with db.write() as session:
        record(session, actor, action, "case", case_id, ok=ok, details=dict(details))


def file_goaml(
    db: Database,
    case_id: str,
    records_db: Path,
    institution: InstitutionSettings,
    indicators: IndicatorMap,
    catalogue: Catalogue,
    actor: Actor,
    why: str = "",
) -> GoamlReport:
    """The goAML report of a confirmed or reported case; audited whether it is fit or not."""
    try:
        with db.read() as session:
            case, _ = filable_case(session, case_id)
        report = build_goaml(
            case, case_detail(records_db, case), institution, catalogue, indicators
        )
    except (Conflict, Invalid) as exc:
        _audited(db, actor, "case.file_goaml", case_id, False, refused=exc.detail, reason=why)
        raise
    _audited(
        db,
        actor,
        "case.file_goaml",
        case_id,
        report.ok,
        reason=why,
        transactions=report.transactions,
        check=report.check.method,
        problems=len(report.all_problems()),
        sha256=hashlib.sha256(report.xml).hexdigest(),
    )
    return report


@dataclass(frozen=True)
class Package:
    body: bytes
    public_key_id: str
    sha256: str


def referral_package(
    db: Database,
    case_id: str,
    records_db: Path,
    catalogue: Catalogue,
    key: Ed25519PrivateKey,
    actor: Actor,
    lang: str = "da",
    why: str = "",
    pdf: Callable[[str], bytes] = print_pdf,
) -> Package:
    """The signed referral package (identifiers in clear) of a confirmed or reported case."""
    try:
        with db.read() as session:
            case, row = filable_case(session, case_id)
            status = {
                "status": row.status,
                "first_seen": stamp(row.first_seen),
                "reasons": list(row.change_reasons or ()),
                "verdict": _verdict(session, row),
            }
            run = {
                "run_id": row.last_run,
                "created": stamp(row.last_seen),
                "catalogue_version": catalogue.version,
                "model": case.score.model,
                "redflags_version": __version__,
            }
            texts = dict(row.texts or {})
        referral = Referral(
            detail=case_detail(records_db, case),
            catalogue=catalogue,
            redactor=Redactor(reveal=True),
            exported_by=actor.name,
            texts=texts,
            status=status,
            run=run,
            lang=lang,
        )
        body = build_referral(case, referral, key, pdf=pdf)
    except (Conflict, Invalid) as exc:
        _audited(db, actor, "case.referral_package", case_id, False, refused=exc.detail, reason=why)
        raise
    digest = hashlib.sha256(body).hexdigest()
    _audited(
        db,
        actor,
        "case.referral_package",
        case_id,
        True,
        reason=why,
        sha256=digest,
        signing_key_id=key_id(key),
        bytes=len(body),
    )
    return Package(body, key_id(key), digest)
