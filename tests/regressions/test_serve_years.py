"""Regression: `serve` ran a year-scoped named query unbound, so with plans of two years its
answer mixed them (issue 13: "named queries sent to the server run unbound"), and its query
page offered no way to ask for another year."""

from __future__ import annotations

import json
import urllib.parse

import pytest
from serve_helpers import http

from kennisgraaf.access import ensure_build
from kennisgraaf.serve.server import KennisgraafServer, ServeConfig
from kennisgraaf.sources import DataFolder

JSON = "application/sparql-results+json"


@pytest.fixture(scope="module")
def server27(jaren27_root, cache_dir, tmp_path_factory):
    build = ensure_build(jaren27_root, cache_dir)
    config = ServeConfig(
        graph_file=build.entry.graph_file,
        queries_dir=DataFolder.resolve(jaren27_root).queries_dir,
        port=0,
        workers=1,
        timeout=30,
        max_rows=5000,
        site=tmp_path_factory.mktemp("site27"),
    )
    with KennisgraafServer(config) as running:
        yield running


def _titles(server, **params) -> set[str]:
    url = (
        server.url
        + "api/queries/producten-van-thema/run?"
        + urllib.parse.urlencode({"thema": "Zeer zorgwekkende stoffen", **params})
    )
    response = http("GET", url, headers={"Accept": JSON})
    assert response.status == 200, response.text
    return {b["titel"]["value"] for b in json.loads(response.body)["results"]["bindings"]}


def _expected(store, catalogue, jaar) -> set[str]:
    found = catalogue.execute(store, "producten-van-thema", {"thema": "Zeer zorgwekkende stoffen"}, jaar)
    return {row["titel"].value for row in found.rows}


@pytest.fixture(scope="module")
def catalogue27(jaren27_root):
    from kennisgraaf.queries import Catalogue

    return Catalogue.load(DataFolder.resolve(jaren27_root).queries_dir)


def test_named_query_is_scoped_to_the_latest_year_by_default(server27, jaren27_store, catalogue27):
    latest = _titles(server27)
    assert latest == _expected(jaren27_store, catalogue27, 2027)
    assert len(latest) == 12  # the fictional ZZS 2027 plan: 12 products, not 24 of two years pooled


def test_named_query_takes_another_year(server27, jaren27_store, catalogue27):
    earlier = _titles(server27, jaar="2026")
    assert earlier == _expected(jaren27_store, catalogue27, 2026)
    assert earlier != _titles(server27)


def test_a_year_without_plans_is_one_dutch_message(server27):
    url = (
        server27.url
        + "api/queries/producten-van-thema/run?"
        + urllib.parse.urlencode({"thema": "Zeer zorgwekkende stoffen", "jaar": "1999"})
    )
    response = http("GET", url, headers={"Accept": JSON})
    assert response.status == 400
    assert "geen kennisplannen voor dat jaar" in response.text


def test_query_page_offers_the_year(server27):
    response = http("GET", server27.url + "api/queries")
    query = next(q for q in json.loads(response.body) if q["name"] == "producten-van-thema")
    year = next(p for p in query["params"] if p["name"] == "jaar")
    assert year["default"] == "2027" and "2026" in year["help"]
