"""What incremental scans keep between processes to go faster: parsed catalogue files on disk;
image hashes, profile comparisons and redaction's contact searches in the store. Each must give
exactly what computing afresh gives."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest
from PIL import Image

from redflags.catalogue import loader, parse_cache
from redflags.catalogue.lexicons import Lexicon, lexicon_path
from redflags.catalogue.loader import default_root, load_catalogue
from redflags.extract.image_hashes import hash_file
from redflags.normalise.contacts import find_contacts
from redflags.report import kept_contacts
from redflags.report.kept_contacts import KeptContacts
from redflags.report.redact import Redactor
from redflags.resolve import Resolution, resolve
from redflags.resolve.kept import KeptComparisons
from redflags.resolve.profiles import Profile, ad_profiles, customer_profiles
from redflags.store import image_hashes
from redflags.store.image_hashes import KeptImageHashes


def test_a_kept_parse_is_read_instead_of_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDFLAGS_CACHE_DIR", str(tmp_path / "cache"))
    calls: list[int] = []

    def parse() -> dict[str, int]:
        calls.append(1)
        return {"parsed": len(calls)}

    assert parse_cache.cached_parse("x", "digest-1", parse) == {"parsed": 1}
    assert parse_cache.cached_parse("x", "digest-1", parse) == {"parsed": 1}  # from disk
    assert parse_cache.cached_parse("x", "digest-2", parse) == {"parsed": 2}  # other contents
    assert len(calls) == 2
    for kept in (tmp_path / "cache").glob("*.pickle"):
        kept.write_bytes(b"damaged")
    assert parse_cache.cached_parse("x", "digest-1", parse) == {"parsed": 3}


def test_a_parse_kept_by_other_code_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDFLAGS_CACHE_DIR", str(tmp_path / "cache"))
    assert parse_cache.cached_parse("x", "d", lambda: "old code") == "old code"
    monkeypatch.setattr(parse_cache, "_code_digest", lambda: "another version")
    assert parse_cache.cached_parse("x", "d", lambda: "new code") == "new code"


def test_an_empty_cache_dir_turns_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDFLAGS_CACHE_DIR", "")
    assert parse_cache.cache_dir() is None
    assert parse_cache.cached_parse("x", "d", lambda: 1) == 1
    assert parse_cache.cached_parse("x", "d", lambda: 2) == 2


def test_the_catalogue_read_from_the_cache_equals_a_fresh_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "indicators"
    shutil.copytree(default_root(), root)
    monkeypatch.setenv("REDFLAGS_CACHE_DIR", str(tmp_path / "cache"))
    loader._parse_catalogue.cache_clear()
    fresh = load_catalogue(root)
    assert list((tmp_path / "cache").glob("catalogue-*.pickle"))
    loader._parse_catalogue.cache_clear()  # a new process: only the disk remembers
    monkeypatch.setattr(loader, "_read_catalogue", lambda root: pytest.fail("parsed again"))
    kept = load_catalogue(root)
    assert kept.version == fresh.version
    assert kept.indicators == fresh.indicators and kept.examples == fresh.examples
    # an edited file is other contents: parsed again
    loader._parse_catalogue.cache_clear()
    monkeypatch.undo()
    monkeypatch.setenv("REDFLAGS_CACHE_DIR", str(tmp_path / "cache"))
    edited = next(root.rglob("*.yaml"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    calls: list[Path] = []
    read = loader._read_catalogue
    monkeypatch.setattr(loader, "_read_catalogue", lambda r: calls.append(r) or read(r))
    assert load_catalogue(root).version == fresh.version
    assert calls == [root]
    loader._parse_catalogue.cache_clear()


def _photos(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for i, colour in enumerate(((200, 30, 30), (20, 160, 40))):
        image = Image.new("RGB", (64, 48), colour)
        for x in range(0, 64, 8):  # some structure, so the hashes are not all zero
            for y in range(48):
                image.putpixel((x, y), (i * 90, 255 - x * 3, y * 5))
        image.save(folder / f"p{i}.png")
        paths.append(folder / f"p{i}.png")
    (folder / "broken.jpg").write_bytes(b"not an image")
    return [*paths, folder / "broken.jpg", folder / "missing.jpg"]


def test_kept_image_hashes_equal_hashing_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _photos(tmp_path / "photos")
    con = duckdb.connect(str(tmp_path / "store.duckdb"))
    first = KeptImageHashes(con)
    computed = [first.hash_file(p) for p in paths]
    assert computed == [hash_file(p) for p in paths]
    assert computed[2] == (None, "corrupt") and computed[3] == (None, "missing")
    first.flush()
    # the next scan: nothing is hashed again, and the answers are the same
    monkeypatch.setattr(image_hashes, "hash_file", lambda p: pytest.fail(f"hashed {p}"))
    again = KeptImageHashes(con)
    assert [again.hash_file(p) for p in paths[:3]] == computed[:3]
    # a file whose bytes changed is hashed again, whatever its name
    monkeypatch.undo()
    shutil.copy(paths[1], paths[0])
    assert KeptImageHashes(con).hash_file(paths[0]) == hash_file(paths[1])


def test_photos_hashed_in_a_pool_equal_hashing_them_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from redflags.extract.image_hashes import hash_files

    paths = _photos(tmp_path / "photos")
    alone = [hash_file(p) for p in paths]
    assert hash_files(paths, workers=2, pool_min=1) == alone  # spawned workers, in order
    con = duckdb.connect(str(tmp_path / "store.duckdb"))
    kept = KeptImageHashes(con)
    assert kept.hash_files(paths) == alone
    kept.flush()
    # the next scan hashes nothing again: only the missing file is asked about
    asked: list[list[Path]] = []
    monkeypatch.setattr(image_hashes, "hash_files", lambda ps: asked.append(ps) or [])
    assert KeptImageHashes(con).hash_files(paths) == alone
    assert asked == [[]]


def test_a_read_only_store_keeps_nothing(tmp_path: Path) -> None:
    paths = _photos(tmp_path / "photos")
    duckdb.connect(str(tmp_path / "store.duckdb")).close()
    con = duckdb.connect(str(tmp_path / "store.duckdb"), read_only=True)
    kept = KeptImageHashes(con)
    assert kept.hash_file(paths[0]) == hash_file(paths[0])
    kept.flush()


def _people(phone_of_c3: str) -> list[Profile]:
    kyc = customer_profiles(
        [
            {"customer_id": "C1", "first_name": "Ana-Maria", "last_name": "Popescu",
             "birth_date": date(2001, 3, 4), "phone": "+4528519790",
             "address": "Vestergade 3, 7400 Herning"},
            {"customer_id": "C2", "first_name": "Anna Maria", "last_name": "Popesku",
             "birth_date": date(2001, 3, 4), "address": "Nygade 1, 7400 Herning"},
            {"customer_id": "C3", "first_name": "Maria", "last_name": "Popescu",
             "birth_date": date(1975, 5, 5), "phone": phone_of_c3},
        ]
    )  # fmt: skip
    ads = ad_profiles(
        [
            {"ad_id": f"A{i}", "persona": "Ana", "phone": "+45 28 51 97 90", "city": "Herning"}
            for i in range(2)
        ]
    )
    return [*kyc, *ads]


def _outcome(result: Resolution) -> tuple[object, ...]:
    return (result.clusters, result.ids, result.linked_pairs, sorted(result.reasons.items()))


def test_kept_comparisons_resolve_as_comparing_every_pair(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "store.duckdb"))
    first = KeptComparisons(con)
    expected = resolve(_people("+4520000009"))
    assert _outcome(resolve(_people("+4520000009"), kept=first)) == _outcome(expected)
    assert first.compared == expected.candidate_pairs > 0
    first.save()
    again = KeptComparisons(con)  # the next scan, same profiles: nothing compared again
    assert _outcome(resolve(_people("+4520000009"), kept=again)) == _outcome(expected)
    assert again.compared == 0
    again.save()
    # C3 now holds the phone C1 and the ads hold: the pairs whose inputs changed (C3's, and
    # those sharing the phone, whose holders changed) are compared again, the answers whole
    changed = KeptComparisons(con)
    fresh = resolve(_people("+4528519790"))
    assert _outcome(resolve(_people("+4528519790"), kept=changed)) == _outcome(fresh)
    assert 0 < changed.compared < fresh.candidate_pairs or fresh.candidate_pairs == 1


def test_a_lexicon_read_from_the_cache_equals_a_fresh_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDFLAGS_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "always_available.yaml"
    shutil.copy(lexicon_path("always_available"), path)
    loader._parse_cached.cache_clear()
    fresh = loader.parse_file_once(path, Lexicon)
    loader._parse_cached.cache_clear()  # a new process
    monkeypatch.setattr(loader, "_parse_or_raise", lambda *a: pytest.fail("parsed again"))
    assert loader.parse_file_once(path, Lexicon) == fresh
    loader._parse_cached.cache_clear()


_TEXTS = [
    "Sexy latina in Miami, text 305 614 2290",  # read in the country the text names
    "Sună-mă acum, sunt nouă aici: 0744 512 930",  # the language says where
    "Ny i Oslo, ring 52 61 47 83 eller skriv til anna.k@example.com",
    "Ny pige i byen, ring 0744 512 930",  # no answer
]


def test_kept_contact_searches_equal_searching_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    con = duckdb.connect(str(tmp_path / "store.duckdb"))
    first = KeptContacts.load(con)
    searched = [first.find(text, "DK") for text in _TEXTS]
    assert searched == [find_contacts(text, "DK", kinds={"phone", "email"}) for text in _TEXTS]
    assert sum(map(len, searched)) == 4  # what is compared holds phones, an e-mail and nothing
    first.save(con)
    # the next scan reads the answers back instead of searching
    monkeypatch.setattr(kept_contacts, "find_contacts", lambda *a, **k: pytest.fail("searched"))
    second = KeptContacts.load(con)
    assert [second.find(text, "DK") for text in _TEXTS[:2]] == searched[:2]
    second.save(con)
    monkeypatch.undo()
    # only what the last scan used is kept; another region is another question
    assert con.execute(f"SELECT count(*) FROM {kept_contacts.TABLE}").fetchall() == [(2,)]
    assert KeptContacts.load(con).find(_TEXTS[0], "US") == find_contacts(
        _TEXTS[0], "US", kinds={"phone", "email"}
    )


def test_redaction_with_kept_answers_equals_redaction_without(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "store.duckdb"))
    plain, kept = Redactor(b"k" * 32), Redactor(b"k" * 32)
    kept.kept_contacts = KeptContacts.load(con)
    assert [kept.text(t) for t in _TEXTS] == [plain.text(t) for t in _TEXTS]
    assert "305 614 2290" not in kept.text(_TEXTS[0])
