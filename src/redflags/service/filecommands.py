"""`redflags file goaml | referral | indicator-map` and `redflags verify-package`: a confirmed or
reported case of the case store filed as a goAML report for the FIU, or packed and signed for
the police (service/filing.py does the work; docs/exports.md shows each)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from redflags.service.commands import (
    Config,
    DatabaseUrl,
    StateDir,
    _database,
    _fail,
    _operator,
    _settings,
    console,
    errors,
)

file_app = typer.Typer(
    help="File a confirmed case: goAML for the FIU, a signed referral package for the police.",
    no_args_is_help=True,
)

RecordsDb = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="The record store the case was scanned into (scan --db FILE); default: "
        "<state dir>/records.duckdb.",
    ),
]
Why = Annotated[str, typer.Option("--reason", help="Why it is filed (kept in the audit log).")]


def _problems(lines: list[str], headline: str) -> None:
    errors.print(f"[bold red]error:[/] {headline}", markup=True)
    for line in lines:
        errors.print(f"  {line}", markup=False)
    raise typer.Exit(code=1)


@file_app.command("goaml")
def file_goaml_command(
    case_id: Annotated[str, typer.Argument(help="The case (confirmed or reported).")],
    out: Annotated[Path, typer.Option("--out", help="The report to write (XML).")],
    institution: Annotated[
        Path,
        typer.Option(
            "--institution", help="The institution settings file (TOML; docs/exports.md)."
        ),
    ],
    xsd: Annotated[
        Path | None,
        typer.Option("--xsd", help="Your FIU's goAML XSD (XSD 1.1); beats the settings' xsd."),
    ] = None,
    db: RecordsDb = None,
    reason: Why = "",
    config: Config = None,
    database: DatabaseUrl = None,
    state_dir: StateDir = None,
) -> None:
    """Write the goAML STR of a case; an invalid report is not written (exit 1, the reasons)."""
    from redflags.catalogue import load_catalogue
    from redflags.filing.indicators import load_indicator_map
    from redflags.filing.settings import SettingsError, load_institution
    from redflags.service.audit import Actor
    from redflags.service.casework_errors import CaseworkError
    from redflags.service.filing import file_goaml

    try:
        settings = load_institution(institution)
        if xsd is not None:
            settings = settings.model_copy(update={"xsd": xsd})
        if settings.indicator_map is None:
            _fail(f"{institution}: give indicator_map (redflags file indicator-map writes one)")
        indicators = load_indicator_map(settings.indicator_map)
    except (SettingsError, ValueError) as exc:
        _fail(str(exc))
    service = _settings(config, database, state_dir)
    store = _database(service)
    try:
        made = file_goaml(
            store,
            case_id,
            db or service.records_db,
            settings,
            indicators,
            load_catalogue(),
            Actor(_operator()),
            reason,
        )
    except CaseworkError as exc:
        _fail(exc.detail)
    finally:
        store.dispose()
    for indicator in made.unmapped:
        errors.print(f"warning: {indicator} is not in the indicator map: no code reported")
    if not made.ok:
        _problems(
            made.all_problems(), f"the report is not fit to file; not written ({made.check.line()})"
        )
    out.write_bytes(made.xml)
    console.print(
        f"{out}: goAML STR of {case_id}, {made.transactions} transaction(s); {made.check.line()}"
    )


@file_app.command("referral")
def file_referral_command(
    case_id: Annotated[str, typer.Argument(help="The case (confirmed or reported).")],
    out: Annotated[Path, typer.Option("--out", help="The package to write (zip).")],
    db: RecordsDb = None,
    lang: Annotated[str, typer.Option(help="The dossier's language: da or en.")] = "da",
    signing_key: Annotated[
        Path | None,
        typer.Option(
            "--signing-key",
            help="The Ed25519 key (PEM, made on first use, 0600); default: "
            "$REDFLAGS_HOME/signing.key.",
        ),
    ] = None,
    reason: Why = "",
    config: Config = None,
    database: DatabaseUrl = None,
    state_dir: StateDir = None,
) -> None:
    """Pack a case for the police: dossier (PDF), FtM, CSV, JSON, a signed manifest."""
    from redflags.catalogue import load_catalogue
    from redflags.filing.pdf import PdfError
    from redflags.filing.signing import (
        SigningKeyError,
        default_key_path,
        load_or_create_signing_key,
        public_pem,
    )
    from redflags.service.audit import Actor
    from redflags.service.casework_errors import CaseworkError
    from redflags.service.filing import referral_package

    if lang not in ("da", "en"):
        _fail(f"--lang must be da or en, not {lang!r}")
    try:
        key = load_or_create_signing_key(signing_key or default_key_path())
    except (SigningKeyError, OSError) as exc:
        _fail(str(exc))
    service = _settings(config, database, state_dir)
    store = _database(service)
    try:
        made = referral_package(
            store,
            case_id,
            db or service.records_db,
            load_catalogue(),
            key,
            Actor(_operator()),
            lang,
            reason,
        )
    except CaseworkError as exc:
        _fail(exc.detail)
    except PdfError as exc:
        _fail(str(exc))
    finally:
        store.dispose()
    out.write_bytes(made.body)
    public = out.with_name(out.stem + ".pub.pem")
    public.write_bytes(public_pem(key))
    console.print(
        f"{out}: referral package of {case_id} (SHA-256 {made.sha256[:16]}…), signed by key "
        f"{made.public_key_id}; public key {public}"
    )


@file_app.command("indicator-map")
def indicator_map_command(
    out: Annotated[Path, typer.Option("--out", help="The map to write (YAML).")],
) -> None:
    """Write the template that maps CMM's indicators to your FIU's report indicator codes."""
    from redflags.catalogue import load_catalogue
    from redflags.filing.indicators import indicator_template

    if out.exists():
        _fail(f"{out} exists; it may hold your codes: choose another --out")
    out.write_text(indicator_template(load_catalogue()), encoding="utf-8")
    console.print(f"{out}: replace every REPLACE-ME with your FIU's codes")


def verify_package_command(
    package: Annotated[Path, typer.Argument(help="A referral package (zip).")],
    public_key: Annotated[
        Path | None,
        typer.Option("--public-key", help="The sender's public key (PEM) to check against."),
    ] = None,
) -> None:
    """Check a referral package's signature and the SHA-256 of every file (exit 1 on any)."""
    from redflags.filing.package import verify_package

    if not package.is_file():
        _fail(f"{package}: no such file")
    if public_key is not None and not public_key.is_file():
        _fail(f"{public_key}: no such public key file")
    verified = verify_package(
        package.read_bytes(), public_key.read_bytes() if public_key is not None else None
    )
    if not verified.ok:
        _problems(verified.problems, f"{package} does not verify")
    files = len(verified.manifest.get("files", ()))
    console.print(
        f"{package}: signature and {files} file hash(es) verified with {verified.key_source}; "
        f"case {verified.manifest.get('case_id')}, exported by "
        f"{verified.manifest.get('exported_by')} at {verified.manifest.get('exported_at')}"
    )
    if public_key is None:
        console.print(
            "note: checked with the key inside the package, which proves it is intact, not who "
            "sent it; give --public-key with the sender's key for that"
        )


__all__ = ["file_app", "verify_package_command"]
