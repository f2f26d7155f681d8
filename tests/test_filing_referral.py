"""`redflags file referral` and `redflags verify-package`: a signed package whose every file is
hashed in the manifest; one byte changed inside, or the wrong key, and verification fails."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from filing_world import case_store, revealed_cases, revealed_demo
from redflags.cli import app
from redflags.filing.package import MANIFEST, verify_package
from redflags.filing.pdf import a4_page, print_pdf
from redflags.filing.signing import load_or_create_signing_key, public_pem

runner = CliRunner()
__all__ = ["revealed_demo"]
needs_chromium = pytest.mark.skipif(
    shutil.which("chromium") is None,
    reason="Chromium prints the dossier (apt-get install chromium)",
)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory, revealed_demo: Path) -> dict:
    """One referral package made by the command line (real Chromium), and its public key."""
    if shutil.which("chromium") is None:
        pytest.skip("Chromium prints the dossier")
    folder = tmp_path_factory.mktemp("referral")
    cases = revealed_cases(revealed_demo)
    small = min(cases, key=lambda c: len(c.records))
    url = case_store(folder, revealed_demo, [small.case_id])
    key = folder / "home" / "signing.key"
    out = folder / "case.zip"
    result = runner.invoke(
        app,
        [
            "file",
            "referral",
            small.case_id,
            "--out",
            str(out),
            "--db",
            str(revealed_demo / "store.duckdb"),
            "--database",
            url,
            "--signing-key",
            str(key),
        ],
    )
    assert result.exit_code == 0, result.output
    return {"zip": out, "public": folder / "case.pub.pem", "key": key, "case": small}


def test_the_package_holds_every_file_and_verifies(package: dict) -> None:
    assert package["key"].stat().st_mode & 0o777 == 0o600
    archive = zipfile.ZipFile(package["zip"])
    names = set(archive.namelist())
    assert {
        "dossier.pdf",
        "dossier.html",
        "entities.ftm.jsonl",
        "evidence.csv",
        "case.json",
        MANIFEST,
        "manifest.sig",
        "public_key.pem",
    } <= names
    manifest = json.loads(archive.read(MANIFEST))
    assert manifest["case_id"] == package["case"].case_id
    assert manifest["exported_by"].startswith("cli") and manifest["exported_at"]
    assert {f["name"] for f in manifest["files"]} == names - {
        MANIFEST,
        "manifest.sig",
        "public_key.pem",
    }
    assert archive.read("dossier.pdf").startswith(b"%PDF")
    case = json.loads(archive.read("case.json"))
    assert case["case_id"] == package["case"].case_id and case["status"]["status"] == "confirmed"
    result = runner.invoke(
        app, ["verify-package", str(package["zip"]), "--public-key", str(package["public"])]
    )
    assert result.exit_code == 0, result.output
    assert "verified with the --public-key given" in result.output


def _rewritten(data: bytes, name: str, change: bytes) -> bytes:
    """The package with one file's first byte replaced (everything else as it was)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            target.writestr(info, change + body[1:] if info.filename == name else body)
    return buffer.getvalue()


def test_one_changed_byte_fails_verification(package: dict, tmp_path: Path) -> None:
    data = package["zip"].read_bytes()
    public = package["public"].read_bytes()
    assert verify_package(data, public).ok
    tampered = tmp_path / "tampered.zip"
    tampered.write_bytes(_rewritten(data, "evidence.csv", b"X"))
    result = runner.invoke(
        app, ["verify-package", str(tampered), "--public-key", str(package["public"])]
    )
    assert result.exit_code == 1
    assert "evidence.csv: its SHA-256 differs from the manifest's" in result.output
    forged = _rewritten(data, MANIFEST, b" ")
    assert any("signature does not match" in p for p in verify_package(forged, public).problems)


def test_the_wrong_key_fails_verification(package: dict, tmp_path: Path) -> None:
    other = load_or_create_signing_key(tmp_path / "other.key")
    (tmp_path / "other.pem").write_bytes(public_pem(other))
    result = runner.invoke(
        app, ["verify-package", str(package["zip"]), "--public-key", str(tmp_path / "other.pem")]
    )
    assert result.exit_code == 1
    assert "the signature does not match" in result.output


@needs_chromium
def test_chromium_prints_a4() -> None:
    html = (
        '<!doctype html><html><head><meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'sha256-AAAA'\"></head>"
        "<body><p>Sagsmappe</p></body></html>"
    )
    assert "sha256-AAAA" in a4_page(html) and "size: A4" in a4_page(html)
    pdf = print_pdf(html)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert boxes
    width, height = (float(v) for v in boxes[0])
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points, not Letter
