"""Regression: every answer carried `Access-Control-Allow-Origin: *`, so any web page a
user opened could read a LAN instance. CORS is now off unless `--cors ORIGIN` is given."""

from __future__ import annotations

import urllib.parse

import pytest
from serve_helpers import http
from typer.testing import CliRunner

from kennisgraaf.cli import app
from kennisgraaf.serve import KennisgraafServer, ServeConfig

ASK = "ASK { thema:waterkwaliteit a kn:Thema }"


def ask(server, origin="http://evil.example"):
    url = server.url + "sparql?" + urllib.parse.urlencode({"query": ASK})
    return http("GET", url, headers={"Origin": origin, "Accept": "application/sparql-results+json"})


@pytest.fixture(scope="module")
def config(build_2026, folder_2026):
    return dict(graph_file=build_2026.entry.graph_file, queries_dir=folder_2026.queries_dir, port=0, workers=1)


def test_no_cors_by_default(config):
    with KennisgraafServer(ServeConfig(**config)) as server:
        response = ask(server)
        assert response.status == 200
        assert "access-control-allow-origin" not in response.headers
        preflight = http("OPTIONS", server.url + "sparql", headers={"Origin": "http://evil.example"})
        assert "access-control-allow-origin" not in preflight.headers


def test_cors_for_one_origin_when_asked(config):
    with KennisgraafServer(ServeConfig(**config, cors="https://viewer.example")) as server:
        response = ask(server)
        assert response.headers["access-control-allow-origin"] == "https://viewer.example"
        assert "Origin" in response.headers.get("vary", "")
        preflight = http("OPTIONS", server.url + "sparql", headers={"Origin": "https://viewer.example"})
        assert preflight.status == 204
        assert preflight.headers["access-control-allow-origin"] == "https://viewer.example"
        assert "POST" in preflight.headers["access-control-allow-methods"]


def test_serve_has_a_cors_option():
    result = CliRunner().invoke(app, ["serve", "--help"], terminal_width=200)
    assert "--cors" in result.output
