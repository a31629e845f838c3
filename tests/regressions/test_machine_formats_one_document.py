"""`stats` printed two JSON arrays one after the other, two CSV tables in one stream, and
`--out s.csv` wrote s-thema-overzicht.csv and s-klassen.csv: one call, one valid document."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from kennisgraaf.cli import app

runner = CliRunner()


def _stats(cache_dir, *args):
    result = runner.invoke(app, ["stats", *args, "-q", "--cache-dir", str(cache_dir)])
    assert result.exit_code == 0, result.output
    return result


def test_stats_json_is_one_object(build_2026, cache_dir):
    payload = json.loads(_stats(cache_dir, "--format", "json").stdout)
    assert list(payload) == ["themas", "tellingen"]
    assert {row["telling"]: row["aantal"] for row in payload["tellingen"]}["organisaties"] == 51


def test_stats_csv_is_one_table(build_2026, cache_dir):
    rows = list(csv.reader(io.StringIO(_stats(cache_dir, "--format", "csv").stdout)))
    assert rows[0][:2] == ["thema", "kennisplan"]
    assert all(len(row) == len(rows[0]) for row in rows)
    assert sum(1 for row in rows if row and row[0] == "thema") == 1
    counts = list(csv.reader(io.StringIO(_stats(cache_dir, "--format", "csv", "--tabel", "tellingen").stdout)))
    assert counts[0] == ["telling", "aantal"]


def test_stats_out_writes_exactly_the_file_asked_for(build_2026, cache_dir, tmp_path):
    for name, fmt in (("s.csv", "csv"), ("s.json", "json"), ("s.md", "md"), ("s.xlsx", "xlsx")):
        _stats(cache_dir, "--format", fmt, "--out", str(tmp_path / name))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.csv", "s.json", "s.md", "s.xlsx"]
    json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    markdown = (tmp_path / "s.md").read_text(encoding="utf-8")
    assert markdown.count("### ") == 2 and "### Tellingen" in markdown
