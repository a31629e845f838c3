"""Linked Data in `serve`: /id/, /def/ and /graph/ answer HTML or RDF as the client asks.

Every RDF answer is parsed twice, by rdflib and by Oxigraph, and must hold the resource it
was asked for; the choice must follow q-values; a negotiated answer says `Vary: Accept`;
nothing that fits is a 406 that names every type there is; HEAD answers the same headers
without a body. All on the real 2026 build, on 127.0.0.1.
"""

from __future__ import annotations

import re
import urllib.parse

import pyoxigraph as ox
import pytest
import rdflib
from serve_helpers import http

from kennisgraaf.namespaces import BASE, GRAPH_BASE, ID_KINDS, KN
from kennisgraaf.ontology_docs import local_name, render_html, style_hashes
from kennisgraaf.serve import KennisgraafServer, ServeConfig

RDF_TYPES = {
    "text/turtle": ("turtle", ox.RdfFormat.TURTLE, ".ttl"),
    "application/n-triples": ("nt", ox.RdfFormat.N_TRIPLES, ".nt"),
    "application/ld+json": ("json-ld", ox.RdfFormat.JSON_LD, ".jsonld"),
    "application/rdf+xml": ("xml", ox.RdfFormat.RDF_XML, ".rdf"),
}
ALL_TYPES = ("text/html", *RDF_TYPES)
THEME = "id/thema/waterkwaliteit"
#: (path, an IRI the RDF answer must have as a subject)
RESOURCES = (
    (THEME, BASE + THEME),
    ("def", KN.Thema),
    ("def/", KN.Kennisproduct),
    ("graph/ontology/kennisgraaf", KN.Thema),
    ("graph/registers/themas", BASE + THEME),
)


# rdflib's own JSON-LD parser still calls its deprecated ConjunctiveGraph
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@pytest.fixture(scope="module")
def server(build_2026, folder_2026):
    config = ServeConfig(graph_file=build_2026.entry.graph_file, queries_dir=folder_2026.queries_dir, port=0, workers=1)
    with KennisgraafServer(config) as running:
        yield running


def get(server, path: str, accept: str | None = None, method: str = "GET"):
    return http(method, server.url + path, headers={"Accept": accept} if accept else {})


def parsed(body: bytes, media: str) -> tuple[rdflib.Graph, list]:
    """The answer read by both parsers; either failing fails the test."""
    rdflib_format, ox_format, _ = RDF_TYPES[media]
    graph = rdflib.Graph().parse(data=body, format=rdflib_format)
    triples = list(ox.parse(body, format=ox_format))
    assert len(graph) == len(triples) > 0
    return graph, triples


@pytest.mark.parametrize("path, subject", RESOURCES)
@pytest.mark.parametrize("media", list(RDF_TYPES))
def test_every_rdf_type_parses_in_rdflib_and_oxigraph(server, path, subject, media):
    response = get(server, path, media)
    assert response.status == 200, response.body[:200]
    assert response.media_type == media
    assert response.headers["vary"] == "Accept"
    graph, triples = parsed(response.body, media)
    assert (rdflib.URIRef(subject), None, None) in graph
    assert any(t.subject == ox.NamedNode(subject) for t in triples)
    extension = RDF_TYPES[media][2]
    assert response.headers["content-location"] == "/" + path.rstrip("/") + extension


@pytest.mark.parametrize("path", [p for p, _ in RESOURCES] + ["graph/"])
def test_html_for_a_browser(server, path):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    for accept in (browser, None, "*/*"):
        response = get(server, path, accept)
        assert response.status == 200 and response.media_type == "text/html"
        assert "default-src 'none'" in response.headers["content-security-policy"]
        assert "<script src=" not in response.text.replace('src="/static/', "")
        assert response.headers["vary"] == "Accept"
        if path != "graph/":  # the page names its RDF twins
            assert 'rel="alternate"; type="text/turtle"' in response.headers["link"]


@pytest.mark.parametrize("path, subject", RESOURCES[:1] + RESOURCES[2:4])
@pytest.mark.parametrize("media", list(RDF_TYPES))
def test_extension_forms_answer_one_type_whatever_the_accept(server, path, subject, media):
    extension = RDF_TYPES[media][2]
    response = get(server, path.rstrip("/") + extension, "text/html")
    assert response.status == 200 and response.media_type == media
    assert "vary" not in response.headers  # the answer does not depend on Accept
    graph, _ = parsed(response.body, media)
    assert (rdflib.URIRef(subject), None, None) in graph


def test_def_index_forms(server):
    assert get(server, "def/index.html").media_type == "text/html"
    assert get(server, "def/index.ttl").media_type == "text/turtle"
    assert get(server, "def/elders").status == 404


@pytest.mark.parametrize(
    "accept, expected",
    [
        ("text/turtle;q=0.5, application/ld+json;q=0.9", "application/ld+json"),
        ("application/rdf+xml, text/turtle;q=0.9", "application/rdf+xml"),
        ("text/html;q=0, */*;q=0.1", "text/turtle"),  # html refused: the server's first RDF type
        ("*/*;q=0.1, application/n-triples", "application/n-triples"),
        ("text/*;q=0.3, application/n-triples;q=0.2", "text/html"),
        ("text/plain;q=0.1, application/json;q=0.1, application/*;q=0.5", "application/n-triples"),
    ],
)
def test_q_values_choose(server, accept, expected):
    for path in (THEME, "def", "graph/inferred"):
        response = get(server, path, accept)
        assert response.status == 200 and response.media_type == expected, (path, accept)


@pytest.mark.parametrize("path", [THEME, "def", "graph/inferred", "graph/"])
def test_406_names_every_type_and_varies(server, path):
    response = get(server, path, "image/png, application/json;q=0.5")
    assert response.status == 406
    assert response.headers["vary"] == "Accept"
    if path != "graph/":
        for media in ALL_TYPES:
            assert media in response.text
    refused = get(server, path, "text/turtle;q=0, text/html;q=0, application/ld+json;q=0")
    assert refused.status == 406


@pytest.mark.parametrize("path", [THEME, "def", "def.ttl", "graph/inferred.nt", "graph/"])
@pytest.mark.parametrize("media", ALL_TYPES)
def test_head_has_the_headers_and_no_body(server, path, media):
    full = get(server, path, media)
    head = get(server, path, media, method="HEAD")
    assert head.status == full.status and head.body == b""
    assert head.headers["content-type"] == full.headers["content-type"]
    if full.status == 200:
        assert int(head.headers["content-length"]) == len(full.body)


def test_format_parameter_still_works(server):
    response = get(server, THEME + "?format=jsonld", "text/html")
    assert response.status == 200 and response.media_type == "application/ld+json"
    parsed(response.body, "application/ld+json")


def test_every_named_graph_has_its_page_and_its_triples(server, build_2026):
    store = ox.Store()
    store.bulk_load(path=str(build_2026.entry.graph_file), format=ox.RdfFormat.N_QUADS)
    names = [g.value for g in store.named_graphs() if g.value.startswith(GRAPH_BASE)]
    listing = get(server, "graph/")
    assert listing.status == 200
    for iri in names:
        name = iri[len(GRAPH_BASE) :]
        assert f'href="/graph/{urllib.parse.quote(name)}"' in listing.text
        response = get(server, "graph/" + name + ".nt")
        assert response.status == 200, name
        expected = len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(iri))))
        assert len(list(ox.parse(response.body, format=ox.RdfFormat.N_TRIPLES))) == expected, name


def test_every_kind_maps_its_canonical_iris_onto_id(server, build_2026):
    """A resource IRI `https://w3id.org/kennisgraaf/id/<kind>/<slug>` is served at /id/<kind>/<slug>."""
    store = ox.Store()
    store.bulk_load(path=str(build_2026.entry.graph_file), format=ox.RdfFormat.N_QUADS)
    seen = {}
    for quad in store.quads_for_pattern(None, None, None, None):
        iri = quad.subject.value if isinstance(quad.subject, ox.NamedNode) else ""
        kind = iri[len(BASE + "id/") :].split("/", 1)[0] if iri.startswith(BASE + "id/") else None
        if kind in ID_KINDS.values() and kind not in seen:
            seen[kind] = iri
    assert len(seen) >= 8
    for iri in seen.values():
        response = get(server, iri[len(BASE) :], "application/n-triples")
        assert response.status == 200, iri
        assert any(t.subject == ox.NamedNode(iri) for t in ox.parse(response.body, format=ox.RdfFormat.N_TRIPLES))


def test_unknown_or_malformed_paths_are_404(server):
    for path in ("graph/bestaat-niet", "graph/bestaat-niet.ttl", "graph/a%20b", "graph/../x", "id/thema/x%22y.ttl"):
        response = get(server, path, "text/turtle")
        assert response.status == 404, path
        assert response.media_type == "text/html"


def test_graph_page_escapes_and_links_resources(server):
    page = get(server, "graph/registers/themas").text
    assert 'href="/id/thema/waterkwaliteit"' in page
    assert 'href="/graph/registers/themas.ttl"' in page
    assert "<script>" not in page


# -- the ontology page ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def ontology_page(folder_2026) -> str:
    return render_html(folder_2026.ontology_dir)


def _own_terms(folder) -> set[str]:
    graph = rdflib.Graph().parse(folder.ontology_dir / "kennisgraaf.ttl")
    return {str(s) for s in graph.subjects() if isinstance(s, rdflib.URIRef) and str(s).startswith(KN)}


def test_ontology_page_has_an_anchor_per_term_by_local_name(ontology_page, folder_2026):
    anchors = set(re.findall(r'id="([^"]+)"', ontology_page))
    terms = _own_terms(folder_2026)
    assert len(terms) > 30
    missing = sorted(local_name(t) for t in terms if local_name(t) and local_name(t) not in anchors)
    assert not missing


def test_ontology_page_links_own_terms_on_the_page(ontology_page):
    anchors = set(re.findall(r'id="([^"]+)"', ontology_page))
    local_links = set(re.findall(r'href="#([^"]+)"', ontology_page))
    assert {"Thema", "Kennisproduct"} <= local_links
    assert local_links <= anchors
    assert f'href="{KN}Thema"' not in ontology_page


def test_ontology_page_loads_nothing_from_elsewhere(ontology_page):
    assert not re.search(r"<link[^>]+stylesheet[^>]+href=\"https?:", ontology_page)
    assert not re.search(r"<script[^>]+src=", ontology_page)
    assert "@import" not in ontology_page and "fonts.googleapis" not in ontology_page
    assert '<html lang="nl">' in ontology_page
    assert "<title>kennisgraaf-ontologie</title>" in ontology_page


def test_def_is_served_under_a_csp_that_allows_only_its_own_style(server):
    response = get(server, "def/", "text/html")
    csp = response.headers["content-security-policy"]
    hashes = style_hashes(response.text)
    assert hashes and all(h in csp for h in hashes)
    assert "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert re.search(r'id="Kennisproduct"', response.text)
    # the hash is of the style block itself: a different style would not pass
    assert style_hashes("<style>x{}</style>")[0] not in csp


def test_serve_and_the_static_site_show_the_same_ontology_page(server, ontology_page):
    """One page for both: /def/ (from the build's ontology graph) and render_html (from the file)."""
    served = get(server, "def/", "text/html").text
    assert re.findall(r'id="([^"]+)"', served) and sorted(re.findall(r'id="([^"]+)"', served)) == sorted(
        re.findall(r'id="([^"]+)"', ontology_page)
    )
    assert style_hashes(served) == style_hashes(ontology_page)


def test_canonical_iris_of_terms_and_graphs_link_to_their_local_paths(server):
    """A resource page links its class (kn:Thema) to /def#Thema, which the ontology page has."""
    page = get(server, THEME, "text/html").text
    assert 'href="/def#Thema"' in page
    assert f'href="{KN}Thema"' not in page
    assert 'id="Thema"' in get(server, "def", "text/html").text
