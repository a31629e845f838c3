"""One definition of every count (queries/tellingen.rq), and stats, the rapport, the views
and the exports agree on it."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from kennisgraaf.cli import app

runner = CliRunner()
THEMES, SUBTHEMES = "thema's", "subthema's"


@pytest.fixture(scope="module")
def counts(store, catalogue) -> dict[str, int]:
    return {row[0]: row[1] for row in catalogue.run(store, "tellingen").rows}


@pytest.fixture(scope="module")
def network(store, folder_2026):
    from kennisgraaf.analysis.network import load_network

    return load_network(store, folder_2026.sources_texts_dir)


def test_counts_of_the_2026_data(counts):
    """Checked by hand: 7 priority themes in graph/registers/themas.ttl plus the sub-theme
    Energiebesparing; 51 organisations in registers/organisaties.ttl; 86 products in the six
    plans."""
    assert counts["thema's"] == 7 and counts["subthema's"] == 1
    assert counts["organisaties"] == 51 and counts["kennisproducten"] == 86 and counts["kennisplannen"] == 6


def test_analysis_and_rapport_use_the_same_counts(counts, network):
    from kennisgraaf.analysis import analyse
    from kennisgraaf.reports.rapport import render

    analysis = analyse(network)
    assert len(analysis.themas) == counts["thema's"]
    for kind, name in (
        ("product", "kennisproducten"),
        ("organisatie", "organisaties"),
        ("overleg", "overleggen"),
        ("onderwerp", "onderwerpen"),
        ("wet", "wetten en regelingen"),
        ("overdracht", "regieoverdrachten"),
        ("bijeenkomst", "bijeenkomsten"),
    ):
        assert analysis.counts[f"knopen:{kind}"] == counts[name], kind
    text = render(analysis, "md")
    assert f"van de {counts[THEMES]} thema's" in text
    for name in ("kennisproducten", "overleggen", "organisaties", "onderwerpen", "regieoverdrachten"):
        assert f"{counts[name]} {name}" in text, name


def test_exports_have_one_row_per_counted_thing(counts, store, folder_2026):
    from kennisgraaf.exports import export_table

    for table, name in (
        ("producten", "kennisproducten"),
        ("organisaties", "organisaties"),
        ("overleggen", "overleggen"),
        ("wetgeving", "wetten en regelingen"),
        ("bijeenkomsten", "bijeenkomsten"),
        ("overdrachten", "regieoverdrachten"),
    ):
        assert len(export_table(store, folder_2026.queries_dir, table).rows) == counts[name], table


def test_stats_prints_the_same_counts(counts, build_2026, cache_dir):
    result = runner.invoke(app, ["stats", "--format", "json", "-q", "--cache-dir", str(cache_dir)])
    payload = json.loads(result.stdout)
    assert {r["telling"]: r["aantal"] for r in payload["tellingen"]} == counts
    assert len(payload["themas"]) == counts["thema's"]


def test_views_and_theme_choices_count_sub_themes_apart(counts, network, build_2026, cache_dir, tmp_path):
    from kennisgraaf.analysis.network import theme_choices

    choices = theme_choices(network)
    main, _, subs = choices.partition("; subthema's: ")
    assert len(main.removeprefix("Thema's: ").split(", ")) == counts["thema's"]
    assert subs == "Energiebesparing (van Energietransitie)"
    out = tmp_path / "alles.html"
    result = runner.invoke(app, ["view", "alles", "--out", str(out), "-q", "--cache-dir", str(cache_dir)])
    assert result.exit_code == 0, result.output
    legend = re.search(r"<span>Thema \(([^)]*)\)</span>", out.read_text(encoding="utf-8")).group(1)
    assert legend == f"{counts[THEMES]} + {counts[SUBTHEMES]} subthema"
    result = runner.invoke(app, ["overlap", "--thema", "Energiebesparing", "-q", "--cache-dir", str(cache_dir)])
    assert result.exit_code != 0 and "subthema van Energietransitie" in result.output
