"""Regression: /id/ pages refused JSON-LD and RDF/XML with 406, and said no `Vary: Accept`,
though /sparql serves both; a cache in between could then hand Turtle to a browser. Every
resource page now negotiates all four RDF syntaxes besides HTML, and every negotiated answer
(the 406 too) varies on Accept."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from serve_helpers import http

from kennisgraaf.serve import KennisgraafServer, ServeConfig

IRI = "https://w3id.org/kennisgraaf/id/thema/waterkwaliteit"


@pytest.fixture(scope="module")
def server(build_2026, folder_2026):
    config = ServeConfig(graph_file=build_2026.entry.graph_file, queries_dir=folder_2026.queries_dir, port=0, workers=1)
    with KennisgraafServer(config) as running:
        yield running


@pytest.mark.parametrize(
    "media, fmt", [("application/ld+json", ox.RdfFormat.JSON_LD), ("application/rdf+xml", ox.RdfFormat.RDF_XML)]
)
def test_id_serves_json_ld_and_rdf_xml(server, media, fmt):
    response = http("GET", server.url + "id/thema/waterkwaliteit", headers={"Accept": media})
    assert response.status == 200
    assert response.media_type == media
    assert any(t.subject == ox.NamedNode(IRI) for t in ox.parse(response.body, format=fmt))


@pytest.mark.parametrize("accept", ["text/html", "text/turtle", "application/ld+json", "image/png"])
def test_id_answers_vary_on_accept(server, accept):
    response = http("GET", server.url + "id/thema/waterkwaliteit", headers={"Accept": accept})
    assert response.headers.get("vary") == "Accept"
