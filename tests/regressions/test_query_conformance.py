"""Regression: two conformance faults of the local engine and the endpoint.

A relative IRI in a query (`CONSTRUCT { <s> <p> 1 } WHERE {}`) was refused with "IRI
parsing failed" (the one failing test of the W3C SPARQL 1.1 protocol suite): relative
IRIs now resolve against the project's namespace. And the XML results writer emitted a
raw carriage return, which XML parsers read as a newline: it is now written as `&#13;`.
"""

from __future__ import annotations

import urllib.parse
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from serve_helpers import http

from kennisgraaf.namespaces import BASE
from kennisgraaf.serve import KennisgraafServer, ServeConfig
from kennisgraaf.serve.results import solutions_body
from kennisgraaf.store import OxigraphStore

RELATIVE = "CONSTRUCT { <s> <p> 1 } WHERE {}"


def test_relative_iri_resolves_against_the_project_namespace_locally():
    triples = OxigraphStore(store=ox.Store()).run(RELATIVE)
    assert [(t.subject.value, t.predicate.value) for t in triples] == [(BASE + "s", BASE + "p")]


@pytest.fixture(scope="module")
def server(build_2026, folder_2026):
    config = ServeConfig(graph_file=build_2026.entry.graph_file, queries_dir=folder_2026.queries_dir, port=0, workers=1)
    with KennisgraafServer(config) as running:
        yield running


def test_relative_iri_over_the_protocol(server):
    url = server.url + "sparql?" + urllib.parse.urlencode({"query": RELATIVE})
    response = http("GET", url, headers={"Accept": "application/n-triples"})
    assert response.status == 200, response.text
    assert f"<{BASE}s> <{BASE}p>" in response.text


def test_carriage_return_survives_the_xml_results_writer(server):
    body = solutions_body(["x"], [(ox.Literal("a\r\nb\rc"),)], "xml")
    assert b"\r" not in body and b"&#13;" in body
    literal = ET.fromstring(body).find(".//{http://www.w3.org/2005/sparql-results#}literal")
    assert literal.text == "a\r\nb\rc"
    query = 'SELECT ?x WHERE { BIND("a\\rb" AS ?x) }'
    url = server.url + "sparql?" + urllib.parse.urlencode({"query": query})
    response = http("GET", url, headers={"Accept": "application/sparql-results+xml"})
    assert response.status == 200
    parsed = ox.parse_query_results(response.body, format=ox.QueryResultsFormat.XML)
    assert [s["x"].value for s in parsed] == ["a\rb"]
