"""The referral package for the police or CMM: one zip per case holding the dossier (HTML and an
A4 PDF), the FollowTheMoney entities, the CSVs (cases, findings, evidence), the case as JSON and
a manifest with the SHA-256 of every file and who exported it when, signed with Ed25519
(`manifest.sig`; the public key is `public_key.pem` inside and beside the zip).

`verify_package` checks the signature and every hash and returns one line per problem;
`redflags verify-package` prints them. Identifiers are in clear unless the redactor redacts."""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from redflags.catalogue import Catalogue
from redflags.filing.pdf import print_pdf
from redflags.filing.signing import (
    SigningKeyError,
    key_id,
    load_public_key,
    public_pem,
    sign,
    signature_holds,
)
from redflags.model import Case
from redflags.report.context import ReportContext
from redflags.report.detail import CaseDetail
from redflags.report.dossier import render_dossier
from redflags.report.exports import write_csv
from redflags.report.ftm import ftm_entities
from redflags.report.json_export import case_to_dict, dumps
from redflags.report.redact import Redactor

MANIFEST, SIGNATURE, PUBLIC_KEY = "manifest.json", "manifest.sig", "public_key.pem"
CSV_FILES = ("cases.csv", "findings.csv", "evidence.csv")


def _redflags_version() -> str:
    try:
        return version("redflags")
    except PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class Referral:
    """What goes into one case's package besides the case."""

    detail: CaseDetail
    catalogue: Catalogue
    redactor: Redactor  # reveal=True for the police; a redacting one for a redacted package
    exported_by: str
    texts: Mapping[str, Mapping[str, str]]
    status: Mapping[str, Any]  # the case's status and verdict, as the dossier shows it
    run: Mapping[str, Any]  # what the dossier says about the run the case came from
    lang: str = "da"


def package_files(
    case: Case, referral: Referral, pdf: Callable[[str], bytes] = print_pdf
) -> dict[str, bytes]:
    """Every file of the package but the manifest and its signature."""
    redactor, catalogue, lang = referral.redactor, referral.catalogue, referral.lang
    context = ReportContext(
        cases=[case],
        catalogue=catalogue,
        run=dict(referral.run),
        redactor=redactor,
        record_texts=referral.texts,
        lang=lang,
    )
    dossier = render_dossier(case, context, dict(referral.status), report_href="#")
    entities = ftm_entities(case, catalogue, redactor, lang, referral.texts, referral.detail)
    document = {**case_to_dict(case, redactor), "status": dict(referral.status)}
    files = {
        "dossier.html": dossier.encode("utf-8"),
        "dossier.pdf": pdf(dossier),
        "entities.ftm.jsonl": "".join(dumps(e, sort_keys=True) + "\n" for e in entities).encode(),
        "case.json": dumps(document, indent=2).encode("utf-8"),
    }
    with tempfile.TemporaryDirectory(prefix="redflags-referral-") as scratch:
        folder = Path(scratch)
        statuses = {case.case_id: dict(referral.status)}
        write_csv(folder, [case], case.findings, catalogue, redactor, statuses=statuses)
        for name in CSV_FILES:
            files[name] = (folder / name).read_bytes()
    return files


def manifest(
    case: Case, files: Mapping[str, bytes], exported_by: str, key: Ed25519PrivateKey, now: datetime
) -> bytes:
    document = {
        "case_id": case.case_id,
        "exported_by": exported_by,
        "exported_at": now.astimezone(UTC).isoformat(timespec="seconds"),
        "redflags_version": _redflags_version(),
        "signing_key_id": key_id(key),
        "files": [
            {"name": name, "sha256": hashlib.sha256(body).hexdigest(), "bytes": len(body)}
            for name, body in sorted(files.items())
        ],
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def build_referral(
    case: Case,
    referral: Referral,
    key: Ed25519PrivateKey,
    now: datetime | None = None,
    pdf: Callable[[str], bytes] = print_pdf,
) -> bytes:
    """The signed zip of one case."""
    moment = now or datetime.now(UTC)
    files = package_files(case, referral, pdf)
    listed = manifest(case, files, referral.exported_by, key, moment)
    everything = {
        **files,
        MANIFEST: listed,
        SIGNATURE: sign(key, listed),
        PUBLIC_KEY: public_pem(key),
    }
    stamp = moment.astimezone(UTC).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in everything.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=stamp), body, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


@dataclass(frozen=True)
class Verified:
    problems: list[str]
    key_source: str  # which public key the signature was checked with
    manifest: dict[str, Any]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_package(data: bytes, public_key: bytes | None = None) -> Verified:
    """Check the signature (with `public_key`, else the key inside the package) and the hash
    of every listed file; one problem line per mismatch."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        contents = {info.filename: archive.read(info) for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return Verified([f"not a readable zip ({exc})"], "", {})
    missing = [n for n in (MANIFEST, SIGNATURE) if n not in contents]
    if missing:
        return Verified([f"{n} is missing" for n in missing], "", {})
    source = "the --public-key given" if public_key is not None else f"{PUBLIC_KEY} in the package"
    key_bytes = public_key if public_key is not None else contents.get(PUBLIC_KEY)
    problems = []
    try:
        if key_bytes is None:
            raise SigningKeyError(f"{PUBLIC_KEY} is missing: give --public-key")
        key = load_public_key(key_bytes, source)
        if not signature_holds(key, contents[MANIFEST], contents[SIGNATURE]):
            problems.append(f"{SIGNATURE}: the signature does not match {MANIFEST} ({source})")
    except SigningKeyError as exc:
        problems.append(str(exc))
    try:
        listed = json.loads(contents[MANIFEST])
        entries = {e["name"]: e for e in listed["files"]}
    except (ValueError, KeyError, TypeError):
        return Verified([*problems, f"{MANIFEST} cannot be read"], source, {})
    for name, entry in sorted(entries.items()):
        if name not in contents:
            problems.append(f"{name}: listed in the manifest, missing from the package")
        elif hashlib.sha256(contents[name]).hexdigest() != entry.get("sha256"):
            problems.append(f"{name}: its SHA-256 differs from the manifest's")
    for name in sorted(set(contents) - set(entries) - {MANIFEST, SIGNATURE, PUBLIC_KEY}):
        problems.append(f"{name}: in the package but not in the manifest")
    return Verified(problems, source, listed)
