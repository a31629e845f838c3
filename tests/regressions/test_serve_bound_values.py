"""Regression: a value from the request reached the server's SPARQL as text.

The resource page's editor link once pasted the resource IRI into an example query
(`<{iri}> ?eigenschap ?waarde`); since wave 1 the page has no such link, and every value a
request carries (the IRI of a path under /id/ and /graph/, a named query's parameter) is
checked as one RDF term (pyoxigraph `NamedNode` / the catalogue's parameter kinds) and
bound through `store.values_clause`, Oxigraph's own term serialiser. A hostile path or
parameter can only be an unknown resource or a bad value: a 4xx with a Dutch message,
never the answer of a query it wrote.
"""

from __future__ import annotations

import urllib.parse

import pyoxigraph as ox
import pytest
from serve_helpers import http

from kennisgraaf.namespaces import BASE
from kennisgraaf.serve import KennisgraafServer, ServeConfig
from kennisgraaf.store import bind

#: decoded, each would close the IRI and add patterns if it were pasted into `<…>`
HOSTILE = [
    "waterkwaliteit> ?p ?o } #",
    'waterkwaliteit"} UNION { ?s ?p ?o }',
    "waterkwaliteit>\u0020<x",
    "x> . } SELECT * WHERE { ?s ?p ?o",
]


@pytest.fixture(scope="module")
def server(build_2026, folder_2026):
    config = ServeConfig(graph_file=build_2026.entry.graph_file, queries_dir=folder_2026.queries_dir, port=0, workers=1)
    with KennisgraafServer(config) as running:
        yield running


@pytest.mark.parametrize("slug", HOSTILE)
@pytest.mark.parametrize("accept", ["text/html", "text/turtle", "application/ld+json"])
def test_a_hostile_resource_path_is_an_unknown_resource(server, slug, accept):
    for prefix in ("id/thema/", "graph/"):
        response = http("GET", server.url + prefix + urllib.parse.quote(slug), headers={"Accept": accept})
        assert response.status == 404, (prefix, slug, response.status)
        assert "niet" in response.text.lower() or "geen" in response.text.lower()
        assert "Waterkwaliteit" not in response.text  # no triples of the resource the slug tried to close


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_parameter_is_a_bad_value(server, value):
    for name, param in (("producten-van-thema", "thema"), ("gedeelde-onderwerpen", "minimum")):
        url = f"{server.url}api/queries/{name}/run?" + urllib.parse.urlencode({param: value})
        response = http("GET", url, headers={"Accept": "application/sparql-results+json"})
        assert response.status == 400, (name, value, response.status, response.text)
        assert response.media_type == "text/plain"


def test_a_bound_iri_is_one_term_in_the_query_text():
    """The serialiser the server binds with: a real IRI is one `<…>` term; a hostile one is refused."""
    for slug in HOSTILE:
        with pytest.raises(ValueError):
            ox.NamedNode(BASE + "id/thema/" + slug)
    iri = ox.NamedNode(BASE + "id/thema/waterkwaliteit")
    text = bind("SELECT ?p ?o WHERE { ?s ?p ?o }", {"s": iri})
    assert f"VALUES ?s {{ <{iri.value}> }}" in text
    assert text.count("{") == text.count("}") == 2
