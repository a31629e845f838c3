"""Regression: with a 2027 plan next to the 2026 ones, outputs mixed the two years.

Found by adding a (fictional) 2027 ZZS plan copied from 2026 (issue 13): `query regisseurs`
listed Luuk van Wel 8 times (the person block copied into the 2027 file, each copy returned),
`stats` counted 24 ZZS products in each year, `budget-per-thema` gave two ZZS rows without a
year, the rapport title read "2026, 2027" and five "geen kennisplan voor 2027" findings topped
the high group.
"""

from __future__ import annotations

import csv
import io

from typer.testing import CliRunner

from kennisgraaf.analysis import analyse
from kennisgraaf.analysis.years import scope
from kennisgraaf.cli import app

runner = CliRunner()


def _csv(*args) -> list[dict]:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_regisseur_stated_once_is_listed_once(jaren27_root, cache_dir):
    found = _csv("query", "regisseurs", "--format", "csv", "--data", jaren27_root, "--cache-dir", cache_dir, "-q")
    assert [r["regisseur"] for r in found].count("Luuk van Wel") == 1


def test_stats_counts_the_products_of_one_year(jaren27_root, cache_dir):
    for jaar in ("2026", "2027"):
        found = _csv("stats", "--jaar", jaar, "--format", "csv", "--data", jaren27_root, "--cache-dir", cache_dir, "-q")
        assert next(r for r in found if r["thema"] == "Zeer zorgwekkende stoffen")["producten"] == "12"


def test_budget_per_thema_has_one_zzs_row_per_year(jaren27_root, cache_dir):
    default = _csv(
        "query", "budget-per-thema", "--format", "csv", "--data", jaren27_root, "--cache-dir", cache_dir, "-q"
    )
    assert [r["thema"] for r in default].count("Zeer zorgwekkende stoffen") == 1
    every = _csv(
        "query",
        "budget-per-thema",
        "--jaar",
        "alle",
        "--format",
        "csv",
        "--data",
        jaren27_root,
        "--cache-dir",
        cache_dir,
        "-q",
    )
    assert [r["jaar"] for r in every if r["thema"] == "Zeer zorgwekkende stoffen"] == ["2026", "2027"]


def test_rapport_is_about_one_year(jaren27_network):
    for jaar in (2026, 2027):
        result = analyse(scope(jaren27_network, jaar))
        assert result.jaren == (jaar,)
        assert not [
            f
            for f in result.findings
            if f.severity == "hoog" and f"geen kennisplan voor {jaar}" in f.uitleg and jaar == 2027
        ]
