"""`build -q` still printed its table, and a warm build reprinted the earlier build's timings
as if they were new."""

from __future__ import annotations

from typer.testing import CliRunner

from kennisgraaf.cli import app

runner = CliRunner()


def test_quiet_build_prints_nothing(build_2026, cache_dir):
    result = runner.invoke(app, ["build", "-q", "--cache-dir", str(cache_dir)])
    assert result.exit_code == 0
    assert result.stdout == ""


def test_warm_build_shows_no_stale_timings(build_2026, cache_dir):
    result = runner.invoke(app, ["build", "--cache-dir", str(cache_dir)])
    assert result.exit_code == 0
    assert "uit de cache" in result.stdout and "triples (totaal)" in result.stdout
    assert "tijd " not in result.stdout
