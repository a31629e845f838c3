"""Regression: the rapport ranked overlaps by the specific (weighted) measure, while
`kennisgraaf overlap` still ranked and scored them by plain Jaccard, so the two answers to
"which themes overlap most?" disagreed (issue 16: one definition, used everywhere)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kennisgraaf.analysis import analyse
from kennisgraaf.analysis.network import load_network
from kennisgraaf.analysis.overlap import by_specific
from kennisgraaf.cli import app


def test_overlap_command_ranks_and_scores_as_the_rapport(store, cache_dir):
    result = CliRunner().invoke(app, ["overlap", "--format", "json", "-q", "--cache-dir", str(cache_dir)])
    assert result.exit_code == 0, result.output
    pairs = json.loads(result.stdout)
    rapport = by_specific(list(analyse(load_network(store)).overlaps))
    shown = [(p["thema_a"]["iri"], p["thema_b"]["iri"], round(p["score"], 9)) for p in pairs]
    expected = [(o.thema_a, o.thema_b, round(o.specifiek_score, 9)) for o in rapport]
    assert shown == expected
    assert any(abs(p["score"] - p["jaccard"]) > 0.01 for p in pairs)  # the two measures do differ
