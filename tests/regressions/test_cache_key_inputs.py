"""Every input of validation is in the cache key (issue 10: a cut plan text said "al gebouwd")."""

from __future__ import annotations

import shutil

from cli_helpers import assert_one_clean_error, run

TEXT = "graph/bronnen/2026/kennisplan-2026-energietransitie.txt"


def test_cut_plan_text_rebuilds_and_fails(mini_data, tmp_path):
    cache = tmp_path / "c"
    assert run("build", "-q", "--data", mini_data, "--cache-dir", cache).returncode == 0
    text = mini_data / TEXT
    text.write_text("\n".join(text.read_text().splitlines()[:50]) + "\n")  # line 194 is gone
    result = run("build", "--data", mini_data, "--cache-dir", cache)
    assert "al gebouwd" not in result.stderr
    assert_one_clean_error(result, 1, "regel 194 bestaat niet")


def test_new_integrity_check_rebuilds(mini_data, tmp_path, data_root):
    cache = tmp_path / "c"
    shutil.copytree(data_root / "queries", mini_data / "queries")
    assert run("build", "-q", "--data", mini_data, "--cache-dir", cache).returncode == 0
    (mini_data / "queries" / "checks" / "geen-waterstof-violation.rq").write_text(
        "# Titel: Geen waterstof\nPREFIX kn: <https://w3id.org/kennisgraaf/def#>\n"
        "SELECT ?item ?eigenschap ?waarde WHERE { ?item kn:onderwerp ?waarde . "
        "FILTER(CONTAINS(STR(?waarde), 'waterstof')) BIND(kn:onderwerp AS ?eigenschap) }\n"
    )
    result = run("build", "--data", mini_data, "--cache-dir", cache)
    assert "al gebouwd" not in result.stderr
    assert_one_clean_error(result, 1, "Geen waterstof (geen-waterstof-violation.rq)")
