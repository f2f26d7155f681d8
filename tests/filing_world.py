"""Shared by the export and filing tests: the demo world scanned once with `--reveal` and a
kept record store (so the store's people and transactions can be read), and the
followthemoney check every FtM entity must pass."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest

from conftest import shared_folder
from redflags.model import Case
from redflags.pipeline import ScanOptions, run_scan
from redflags.service.publish import case_from_payload


def revealed_scan(tmp_path_factory: pytest.TempPathFactory, name: str, world: Path) -> Path:
    """A shared folder with `run/` (`world` scanned with --reveal) and `store.duckdb`."""

    def make(folder: Path) -> None:
        options = ScanOptions(
            out=folder / "run", db=folder / "store.duckdb", reveal=True, redaction_key=b"k"
        )
        run_scan([world], options)

    return shared_folder(tmp_path_factory, name, make)


@pytest.fixture(scope="session")
def revealed_demo(tmp_path_factory: pytest.TempPathFactory, demo_data: Path) -> Path:
    """A folder with `run/` (the demo world scanned with --reveal) and `store.duckdb`."""
    return revealed_scan(tmp_path_factory, "demo-revealed", demo_data)


def revealed_cases(folder: Path) -> list[Case]:
    """The scan's cases again from its cases.json (written in clear with --reveal)."""
    document = json.loads((folder / "run" / "cases.json").read_text(encoding="utf-8"))
    assert document["redacted"] is False
    return [
        case_from_payload({k: v for k, v in c.items() if k in Case.model_fields})
        for c in document["cases"]
    ]


def ftm_problems(entities: Iterable[Mapping[str, Any]]) -> list[str]:
    """What the followthemoney model refuses: an unknown or abstract schema, a property the
    schema lacks, a value its type does not accept, a reference to an entity that is not there
    or of the wrong schema."""
    from followthemoney import model

    entities = list(entities)
    by_id = {e["id"]: e for e in entities}
    problems = []
    for entity in entities:
        schema = model.get(entity["schema"])
        if schema is None or schema.abstract:
            problems.append(f"{entity['id']}: no concrete schema {entity['schema']}")
            continue
        proxy = model.get_proxy(dict(entity), cleaned=False)
        for name, values in entity["properties"].items():
            prop = schema.get(name)
            if prop is None or prop.stub:
                problems.append(f"{schema.name}.{name} is not a property")
                continue
            for value in values:
                if prop.type.name == "entity":
                    target = by_id.get(value)
                    if target is None:
                        problems.append(f"{schema.name}.{name} points at a missing entity")
                    elif not model.get(target["schema"]).is_a(prop.range):
                        problems.append(f"{schema.name}.{name} -> {target['schema']}")
                elif prop.type.clean(value, proxy=proxy) is None:
                    problems.append(f"{schema.name}.{name} refuses {value!r} ({prop.type.name})")
            if len(proxy.get(name)) != len(set(values)):
                problems.append(f"{schema.name}.{name}: the model dropped a value")
    return problems


FILING_KEY = b"0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"


def case_store(folder: Path, revealed: Path, confirmed: Iterable[str] = ()) -> str:
    """A SQLite case store in `folder` with the revealed demo's cases published (status new,
    or confirmed for the ids given); its URL."""
    from types import SimpleNamespace

    from sqlalchemy import select

    from redflags.service.audit import SYSTEM
    from redflags.service.db import open_database
    from redflags.service.db.migrate import upgrade
    from redflags.service.db.models import CaseRow
    from redflags.service.publish import publish_scan

    url = f"sqlite:///{folder / 'cases.sqlite'}"
    db = open_database(url)
    try:
        upgrade(db)
        scan = SimpleNamespace(
            run_id="demo-revealed", cases=revealed_cases(revealed), alerts=[], youth_queue=[]
        )
        publish_scan(db, FILING_KEY, scan, SYSTEM)
        with db.write() as session:
            for row in session.scalars(select(CaseRow).where(CaseRow.id.in_(list(confirmed)))):
                row.status = "confirmed"
    finally:
        db.dispose()
    return url


def institution_file(folder: Path, codes: str = '["TRAF"]', **extra: str) -> Path:
    """Institution settings and a completed indicator map (every indicator `codes`)."""
    from redflags.filing.indicators import PLACEHOLDER, shipped_template

    (folder / "indicators.yaml").write_text(
        shipped_template().replace(f"[{PLACEHOLDER}]", codes), encoding="utf-8"
    )
    lines = [
        "rentity_id = 4711",
        'rentity_branch = "Hovedkontor"',
        'name = "Eksempel Bank A/S"',
        'swift = "EXBKDKKK"',
        'reporting_user_code = "AML-REDFLAGS"',
        'indicator_map = "indicators.yaml"',
        *(f"{k} = {v}" for k, v in extra.items()),
        "[reporting_person]",
        'first_name = "Anne"',
        'last_name = "Analytiker"',
    ]
    path = folder / "institution.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def file_goaml(scan: Path, folder: Path, case_id: str, *extra: str) -> tuple[Any, Path]:
    """`redflags file goaml` on a revealed scan (a folder with run/ and store.duckdb, left
    unchanged) with `case_id` confirmed in a fresh case store in `folder`: the CLI result and
    the report's path."""
    from typer.testing import CliRunner

    from redflags.cli import app

    url = case_store(folder, scan, [case_id])
    out = folder / "report.xml"
    arguments = ["file", "goaml", case_id, "--out", str(out)]
    arguments += ["--institution", str(institution_file(folder)), "--database", url]
    arguments += ["--db", str(scan / "store.duckdb"), "--reason", "confirmed", *extra]
    return CliRunner().invoke(app, arguments), out
