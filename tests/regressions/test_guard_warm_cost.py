"""Regression: once the guard parsed every query with rdflib (issue 10), each warm command paid
rdflib's import and parse again — `stats` went from 0.24 s to 0.8 s, against issue 12's goal of
0.3 s. Accepted verdicts are now kept in the cache folder; these tests pin what that may and
may not do."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kennisgraaf import sparql_guard
from kennisgraaf.errors import QueryError

PROBE = """
import sys
from kennisgraaf.cli import main
sys.argv = ["kennisgraaf", "stats", "--format", "csv", "--cache-dir", sys.argv[1]]
try:
    main()
except SystemExit as stop:
    assert not stop.code, stop.code
print("PARSER", "rdflib.plugins.sparql.parser" in sys.modules, file=sys.stderr)
"""


def _stats_loads_the_parser(cache_dir) -> bool:
    done = subprocess.run([sys.executable, "-c", PROBE, str(cache_dir)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return "PARSER True" in done.stderr


def test_a_warm_stats_does_not_parse_its_queries_again(cache_dir):
    _stats_loads_the_parser(cache_dir)  # builds if needed, and checks the queries once
    assert not _stats_loads_the_parser(cache_dir)


@pytest.fixture
def memo(tmp_path):
    sparql_guard.remember_in(tmp_path)
    sparql_guard._checked.cache_clear()
    yield tmp_path / sparql_guard.MEMO_FOLDER
    sparql_guard.remember_in(None)
    sparql_guard._checked.cache_clear()


def test_a_refused_query_is_never_remembered(memo):
    for _ in range(2):
        with pytest.raises(QueryError, match="SERVICE"):
            sparql_guard.check_read_only("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
        sparql_guard._checked.cache_clear()
    assert not memo.exists() or not list(memo.glob("*.json"))


def test_a_remembered_verdict_is_for_that_exact_text_only(memo):
    assert sparql_guard.check_read_only("ASK { ?s ?p ?o }").form == "ASK"
    assert len(list(memo.glob("*.json"))) == 1
    sparql_guard._checked.cache_clear()
    with pytest.raises(QueryError, match="SERVICE"):
        sparql_guard.check_read_only("ASK { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")


def test_an_unwritable_memo_only_costs_speed(tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    sparql_guard.remember_in(blocker)
    sparql_guard._checked.cache_clear()
    try:
        assert sparql_guard.check_read_only("SELECT ?s { ?s ?p ?o }").form == "SELECT"
    finally:
        sparql_guard.remember_in(None)
        sparql_guard._checked.cache_clear()
