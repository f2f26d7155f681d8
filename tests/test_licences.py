"""Every runtime dependency, direct or transitive, carries a permissive licence (no GPL in the
core)."""

from __future__ import annotations

import re
from importlib import metadata

from packaging.requirements import Requirement

PERMISSIVE = re.compile(
    r"MIT|BSD|Apache|ISC|PSF|Python Software Foundation|Unlicense|Zlib|"
    r"MPL|Mozilla",
    re.I,
)
COPYLEFT = re.compile(r"\b(A|L)?GPL|General Public License", re.I)


def _runtime_closure(root: str, extra: str = "") -> set[str]:
    """`root`'s runtime requirements, transitively; with `extra`, that extra's own ones too."""
    seen: set[str] = set()
    todo = [root]
    if extra:
        todo += [
            Requirement(text).name
            for text in metadata.requires(root) or []
            if Requirement(text).marker and Requirement(text).marker.evaluate({"extra": extra})  # type: ignore[union-attr]
        ]
    while todo:
        name = todo.pop()
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        seen.add(key)
        for text in metadata.requires(name) or []:
            requirement = Requirement(text)
            # Extras (dev tools) are not shipped; platform-specific ones may not apply here.
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            todo.append(requirement.name)
    seen.discard("redflags")
    return seen


def _licence(name: str) -> str:
    meta = metadata.metadata(name)
    texts = [meta.get("License-Expression") or "", meta.get("License") or ""]
    texts += [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return " | ".join(t.splitlines()[0] for t in texts if t)


def test_runtime_dependencies_are_permissive() -> None:
    offenders = {}
    for name in sorted(_runtime_closure("redflags")):
        licence = _licence(name)
        if COPYLEFT.search(licence) or not PERMISSIVE.search(licence):
            offenders[name] = licence
    assert not offenders, offenders
    assert metadata.metadata("redflags").get("License-Expression") == "Apache-2.0"


def test_the_service_extra_is_permissive() -> None:
    """`redflags[service]` (the analyst service) adds only permissive licences; the PostgreSQL
    driver (psycopg, LGPL-3.0) is the separate `postgres` extra, installed by choice."""
    closure = _runtime_closure("redflags", extra="service")
    assert {"fastapi", "sqlalchemy", "alembic", "argon2-cffi"} <= closure
    offenders = {}
    for name in sorted(closure):
        licence = _licence(name)
        if COPYLEFT.search(licence) or not PERMISSIVE.search(licence):
            offenders[name] = licence
    assert not offenders, offenders
    assert "psycopg" not in closure
