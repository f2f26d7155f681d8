"""`redflags templates ADS_FILE`: any ads file in, one row per ad out, one-line errors."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from typer.testing import CliRunner

from redflags.cli import app

runner = CliRunner()

BODY = (
    "Sweet {name} just arrived in town, only a few days. Real pics, no fakes, no games. "
    "Incall only near the airport, discreet and clean place. Text me {phone} anytime."
)
OWN = [
    "Certified therapist offering Swedish and deep tissue massage in a quiet studio downtown.",
    "Selling my old bike, barely used, pick up on Sunday.",
]


def _ads() -> list[dict[str, str]]:
    """Three ads from one template for three names and two phones, one re-post, two others."""
    rows = [
        {"ad_id": "a1", "name": "Mia", "phone": "(619) 555-0143"},
        {"ad_id": "a2", "name": "Nina", "phone": "six one nine 555 0143"},
        {"ad_id": "a3", "name": "Jade", "phone": "213.555.0100"},
        {"ad_id": "a4", "name": "Jade", "phone": "213.555.0100"},
    ]
    ads = [
        {"ad_id": r["ad_id"], "posted_at": "2017-03-01T10:00:00Z", "city": "San Diego",
         "body": BODY.format(**r)}
        for r in rows
    ]  # fmt: skip
    ads += [
        {"ad_id": f"o{i}", "posted_at": "2017-03-01T10:00:00Z", "body": text}
        for i, text in enumerate(OWN)
    ]
    return ads


def _write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _one_line_error(output: str) -> None:
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), output


def test_clusters_one_row_per_ad_with_its_template(tmp_path: Path) -> None:
    ads = _write_jsonl(tmp_path / "ads.jsonl", _ads())
    out = tmp_path / "templates.csv"
    result = runner.invoke(app, ["templates", str(ads), "--region", "US", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "read 6 = stored 6 + quarantined 0" in result.output
    assert "6 ads: 1 template clusters holding 4 ads" in result.output
    rows = {r["ad_id"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert list(rows) == ["a1", "a2", "a3", "a4", "o0", "o1"]
    cluster = {rows[a]["cluster"] for a in ("a1", "a2", "a3", "a4")}
    assert len(cluster) == 1 and cluster != {""}
    assert rows["a1"]["size"] == "4"
    # no persona field: each ad stands for its phone; a1 and a2 write the same phone two ways
    assert rows["a1"]["personas"] == "2"
    assert rows["a1"]["persona"] == rows["a2"]["persona"] != rows["a3"]["persona"]
    assert rows["a1"]["persona"].startswith("phone#")  # redacted by default
    template = rows["a1"]["template"]
    assert template.startswith("Sweet {…} just arrived") and "{phone}" in template
    assert float(rows["a1"]["similarity"]) >= 0.6
    assert rows["o0"]["cluster"] == "" and rows["o0"]["size"] == "1"


def test_persona_from_the_field_and_reveal_and_jsonl(tmp_path: Path) -> None:
    rows = _ads()
    for row, name in zip(rows, ["Mia", "Nina", "Jade", "Jade"], strict=False):
        row["persona"] = name
    ads = _write_jsonl(tmp_path / "ads.jsonl", rows)
    out = tmp_path / "t.jsonl"
    result = runner.invoke(
        app, ["templates", str(ads), "--region", "US", "--out", str(out), "--reveal"]
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_id = {line["ad_id"]: line for line in lines}
    assert by_id["a1"]["personas"] == 3 and by_id["a3"]["persona"] == "Jade"
    assert "{persona}" in by_id["a1"]["template"]


def test_reads_a_file_named_anyhow_and_a_descriptor(tmp_path: Path) -> None:
    plain = _write_jsonl(tmp_path / "scraped_2017.jsonl", _ads())
    result = runner.invoke(app, ["templates", str(plain), "--region", "US"])
    assert result.exit_code == 0, result.output
    assert "1 template clusters" in result.output
    folder = tmp_path / "export"
    folder.mkdir()
    with (folder / "listing.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "when", "text"])
        for ad in _ads():
            writer.writerow([ad["ad_id"], ad["posted_at"], ad["body"]])
    (folder / "listing.source.yaml").write_text(
        "name: site\nkind: ads\nfile: listing.csv\n"
        "columns: {ad_id: id, posted_at: when, body: text}\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["templates", str(folder / "listing.source.yaml"), "--region", "US"]
    )
    assert result.exit_code == 0, result.output
    assert "read 6 = stored 6" in result.output and "1 template clusters" in result.output


def test_bad_rows_are_quarantined_not_fatal(tmp_path: Path) -> None:
    rows = [*_ads(), {"ad_id": "bad", "body": "no date"}]
    ads = _write_jsonl(tmp_path / "ads.jsonl", rows)
    result = runner.invoke(app, ["templates", str(ads), "--region", "US"])
    assert result.exit_code == 0, result.output
    assert "read 7 = stored 6 + quarantined 1" in result.output
    assert "quarantined" in result.output.splitlines()[0]


def test_parameters_change_the_clustering(tmp_path: Path) -> None:
    ads = _write_jsonl(tmp_path / "ads.jsonl", _ads())
    strict = runner.invoke(app, ["templates", str(ads), "--region", "US", "--threshold", "1"])
    assert strict.exit_code == 0, strict.output
    assert "1 template clusters holding 2 ads" in strict.output  # only the exact re-post
    big = runner.invoke(app, ["templates", str(ads), "--region", "US", "--min-cluster", "5"])
    assert "0 template clusters" in big.output


def test_problems_are_one_line_errors(tmp_path: Path) -> None:
    ads = _write_jsonl(tmp_path / "ads.jsonl", _ads())
    txns = tmp_path / "transactions.csv"
    txns.write_text("txn_id,ts,payer,payee,amount\nT1,2026-01-01T10:00:00Z,a,b,5\n")
    for args in (
        [str(tmp_path / "missing.jsonl")],
        [str(txns)],
        [str(ads), "--out", str(tmp_path / "x.xlsx")],
        [str(ads), "--threshold", "0"],
        [str(ads), "--shingle", "0"],
        [str(ads), "--min-cluster", "1"],
        [str(ads), "--region", "XX"],
        [str(tmp_path / "notes.txt")],
    ):
        if args[0].endswith("notes.txt"):
            Path(args[0]).write_text("hello")
        result = runner.invoke(app, ["templates", *args])
        assert result.exit_code == 1, (args, result.output)
        _one_line_error(result.output)


def test_a_cell_that_would_start_a_formula_is_quoted(tmp_path: Path) -> None:
    rows = _ads()
    for row in rows[:4]:
        row["body"] = "=HYPERLINK(1) " + row["body"]
    ads = _write_jsonl(tmp_path / "ads.jsonl", rows)
    out = tmp_path / "t.csv"
    result = runner.invoke(app, ["templates", str(ads), "--region", "US", "--out", str(out)])
    assert result.exit_code == 0, result.output
    templates = [r["template"] for r in csv.DictReader(out.open(encoding="utf-8"))]
    assert all(not t.startswith("=") for t in templates)
    assert any(t.startswith("'=") for t in templates)


def test_no_phone_in_clear_without_reveal_whatever_the_region(tmp_path: Path) -> None:
    ads = _write_jsonl(tmp_path / "ads.jsonl", _ads())
    for region in ("US", "DK"):  # DK cannot read these US numbers; they are still redacted
        out = tmp_path / f"t_{region}.csv"
        result = runner.invoke(app, ["templates", str(ads), "--region", region, "--out", str(out)])
        assert result.exit_code == 0, result.output
        written = re.sub(r"[\s.()-]", "", out.read_text(encoding="utf-8"))
        assert "5550143" not in written and "5550100" not in written
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
        assert all(r["persona"].startswith("phone#") for r in rows if r["cluster"])
