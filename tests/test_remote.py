"""RemoteStore: the SPARQL 1.1 Protocol client that `--endpoint` uses.

Against `kennisgraaf serve` it must give exactly what the local store gives, for every
golden query case; against a stub endpoint every failure must become one clear error.
The real-triple-store run (Virtuoso) is in test_virtuoso.py.
"""

from __future__ import annotations

import base64
import json
import socket
import time
import urllib.parse

import pyoxigraph as ox
import pytest
from golden import cases
from serve_helpers import Canned, StubEndpoint

from kennisgraaf.access import open_store
from kennisgraaf.errors import QueryError, StoreError
from kennisgraaf.publish import GraphStore
from kennisgraaf.remote import RemoteStore
from kennisgraaf.serve import KennisgraafServer, ServeConfig

SELECT_JSON = json.dumps(
    {
        "head": {"vars": ["t"]},
        "results": {"bindings": [{"t": {"type": "uri", "value": "https://w3id.org/kennisgraaf/id/thema/x"}}]},
    }
).encode()


@pytest.fixture(scope="module")
def served(build_2026, folder_2026):
    config = ServeConfig(
        graph_file=build_2026.entry.graph_file, queries_dir=folder_2026.queries_dir, port=0, workers=2, timeout=30
    )
    with KennisgraafServer(config) as server:
        yield server


@pytest.fixture(scope="module")
def remote(served) -> RemoteStore:
    return RemoteStore(served.url + "sparql", timeout=30)


@pytest.fixture
def stub():
    endpoint = StubEndpoint()
    yield endpoint
    endpoint.close()


# -- against kennisgraaf serve: the same answers as the local store -----------------------


def test_open_store_with_endpoint_gives_a_remote_store(served):
    store = open_store(endpoint=served.url + "sparql")
    assert isinstance(store, RemoteStore)
    assert store.ask("ASK { thema:waterkwaliteit a kn:Thema }")


@pytest.mark.parametrize("case", cases(), ids=lambda c: c["file"].rsplit(".", 1)[0])
def test_named_query_through_remote_store_equals_local(case, remote, store, catalogue):
    """Parameters are resolved through the endpoint too (resolve.py asks the store)."""
    local = catalogue.execute(store, case["query"], case.get("params", {}))
    over_http = catalogue.execute(remote, case["query"], case.get("params", {}))
    assert over_http.variables == local.variables
    # the same engine behind the endpoint: every term, datatype and language tag survives
    assert sorted(map(_row_key, over_http.rows)) == sorted(map(_row_key, local.rows))


def _row_key(row: dict) -> tuple:
    """A row as comparable text; GROUP_CONCAT promises no order (two processes, two hash seeds),
    so the parts of a '; '-joined literal are sorted, as for the golden files."""

    def text(term) -> str:
        if isinstance(term, ox.Literal) and "; " in term.value:
            return str(
                ox.Literal(
                    "; ".join(sorted(term.value.split("; "))),
                    language=term.language or None,
                    datatype=None if term.language else term.datatype,
                )
            )
        return str(term)

    return tuple(sorted((name, text(term)) for name, term in row.items()))


def test_ask_and_construct_round_trip(remote, store):
    assert remote.ask("ASK { thema:waterkwaliteit a kn:Thema }") is True
    assert remote.ask("ASK { thema:waterkwaliteit a kn:Kennisproduct }") is False
    query = (
        "CONSTRUCT { ?t skos:prefLabel ?n ; skos:altLabel ?a } WHERE { ?t a kn:Thema ; skos:prefLabel ?n "
        "OPTIONAL { ?t skos:altLabel ?a } }"
    )
    assert set(remote.construct(query)) == set(store.construct(query))
    assert remote.run("DESCRIBE thema:waterkwaliteit")


def test_bound_values_travel_as_terms_not_text(remote):
    """A value with quotes and braces is one literal: it cannot add a pattern."""
    nasty = 'x" } ?s ?p ?o { "'
    result = remote.select("SELECT ?v WHERE { BIND(?v AS ?w) }", {"v": ox.Literal(nasty)})
    assert [row["v"].value for row in result.rows] == [nasty]


def test_a_query_error_is_caught_before_sending_and_an_endpoint_400_is_a_query_error(remote, stub):
    with pytest.raises(QueryError, match="SPARQL-fout"):  # the guard parses every query first
        remote.select("SELECT ?x WHERE { ?x ?p }")
    stub.answer = Canned(status=400, content_type="text/plain", body=b"Parse error: unknown function")
    with pytest.raises(QueryError, match="HTTP 400.*unknown function"):
        RemoteStore(stub.url).select("SELECT ?x WHERE { ?x ?p ?o }")


# -- against a stub: the protocol as sent, and every way it can fail ----------------------


def test_query_is_sent_as_a_form_post_with_prefixes_and_accept(stub):
    stub.answer = Canned(body=SELECT_JSON)
    rows = RemoteStore(stub.url).select("SELECT ?t WHERE { ?t a kn:Thema }").rows
    assert rows == [{"t": ox.NamedNode("https://w3id.org/kennisgraaf/id/thema/x")}]
    [request] = stub.requests
    assert request["headers"]["Content-Type"].startswith("application/x-www-form-urlencoded")
    assert "application/sparql-results+json" in request["headers"]["Accept"]
    sent = urllib.parse.parse_qs(request["body"].decode())["query"][0]
    assert sent.startswith("PREFIX kn: <https://w3id.org/kennisgraaf/def#>")
    assert sent.rstrip().endswith("SELECT ?t WHERE { ?t a kn:Thema }")


def test_an_update_never_leaves_the_client(stub):
    with pytest.raises(QueryError, match="alleen-lezen"):
        RemoteStore(stub.url).select("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(QueryError, match="SERVICE"):
        RemoteStore(stub.url).select("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert stub.requests == []


def test_virtuoso_style_ask_answer_is_understood(stub):
    """Virtuoso 7 answers ASK as a one-column SELECT named __ASK_RETVAL."""
    row = {
        "__ASK_RETVAL": {"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "1"}
    }
    stub.answer = Canned(body=json.dumps({"head": {"vars": ["__ASK_RETVAL"]}, "results": {"bindings": [row]}}).encode())
    assert RemoteStore(stub.url).ask("ASK { ?s ?p ?o }") is True
    stub.answer = Canned(body=json.dumps({"head": {"vars": ["__ASK_RETVAL"]}, "results": {"bindings": []}}).encode())
    assert RemoteStore(stub.url).ask("ASK { ?s ?p ?o }") is False


def test_construct_accepts_turtle_back(stub):
    stub.answer = Canned(content_type="text/turtle; charset=utf-8", body='<urn:a> <urn:b> "ç"@nl .\n'.encode())
    [triple] = RemoteStore(stub.url).construct("CONSTRUCT WHERE { ?s ?p ?o }")
    assert triple.object == ox.Literal("ç", language="nl")


@pytest.mark.parametrize(
    ("answer", "error", "message"),
    [
        (Canned(status=400, content_type="text/plain", body=b"syntax error at 'SELEC'"), QueryError, "HTTP 400.*SELEC"),
        (Canned(status=500, content_type="text/plain", body=b"out of memory"), StoreError, "HTTP 500.*out of memory"),
        (Canned(status=403, content_type="text/plain", body=b"nope"), StoreError, "geen toegang"),
        (Canned(content_type="text/html", body=b"<html>login</html>"), StoreError, "text/html"),
        (Canned(body=b"{not json"), StoreError, "onleesbare SPARQL-resultaten"),
    ],
    ids=["400", "500", "403", "html", "bad-json"],
)
def test_endpoint_failures_become_one_clear_error(stub, answer, error, message):
    stub.answer = answer
    with pytest.raises(error, match=message):
        RemoteStore(stub.url).select("SELECT * WHERE { ?s ?p ?o }")


def test_slow_endpoint_hits_the_client_timeout(stub):
    stub.answer = Canned(body=SELECT_JSON, delay=10)
    started = time.monotonic()
    with pytest.raises(StoreError, match="geen antwoord"):
        RemoteStore(stub.url, timeout=0.5).select("SELECT * WHERE { ?s ?p ?o }")
    assert time.monotonic() - started < 5


def test_unreachable_endpoint_and_bad_url():
    with socket.socket() as sock:  # a port that nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(StoreError, match="niet bereikbaar"):
        RemoteStore(f"http://127.0.0.1:{port}/sparql", timeout=5).ask("ASK {}")
    with pytest.raises(StoreError, match="http"):
        RemoteStore("file:///etc/passwd")


def test_basic_auth_is_answered(stub):
    stub.require_basic = "Basic " + base64.b64encode(b"lezer:geheim").decode()
    stub.answer = Canned(body=SELECT_JSON)
    with pytest.raises(StoreError, match="401"):
        RemoteStore(stub.url).select("SELECT * WHERE { ?s ?p ?o }")
    assert RemoteStore(stub.url, user="lezer", password="geheim").select("SELECT * WHERE { ?s ?p ?o }").rows


def test_graph_store_urls_identify_graphs_indirectly():
    assert GraphStore("http://h:1/data").graph_url("https://w3id.org/kennisgraaf/graph/inferred") == (
        "http://h:1/data?graph=https%3A%2F%2Fw3id.org%2Fkennisgraaf%2Fgraph%2Finferred"
    )
    assert GraphStore("http://h:1/gsp?x=1").graph_url("urn:g") == "http://h:1/gsp?x=1&graph=urn%3Ag"
    assert GraphStore("http://h:1/data").graph_url("") == "http://h:1/data?default"
    with pytest.raises(StoreError):
        GraphStore("ftp://h/data")


def test_endpoint_credentials_come_from_the_environment(stub, monkeypatch):
    stub.require_basic = "Basic " + base64.b64encode(b"lezer:geheim").decode()
    stub.answer = Canned(body=SELECT_JSON)
    monkeypatch.setenv("KENNISGRAAF_ENDPOINT_USER", "lezer")
    monkeypatch.setenv("KENNISGRAAF_ENDPOINT_PASSWORD", "geheim")
    assert open_store(endpoint=stub.url).select("SELECT * WHERE { ?s ?p ?o }").rows


@pytest.mark.parametrize(
    ("status", "meaning"),
    [(400, "verzoek geweigerd"), (401, "geen toegang"), (403, "geen toegang"), (503, "serverfout")],
)
def test_both_http_clients_word_an_error_status_the_same_way(stub, status, meaning):
    """One error path (httpclient.status_error) for the SPARQL client and the Graph Store client."""
    stub.answer = Canned(status=status, content_type="text/plain", body=b"nee\n  dus")
    with pytest.raises((QueryError, StoreError)) as query:
        RemoteStore(stub.url).select("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(StoreError) as put:
        GraphStore(stub.url).put("https://w3id.org/kennisgraaf/graph/x", [])
    for caught, what in ((query, f"{stub.url}: query"), (put, f"{stub.url}: PUT https://w3id.org/kennisgraaf/graph/x")):
        assert str(caught.value).startswith(f"{what}: HTTP {status} ({meaning}): nee dus")
    assert query.type is (QueryError if status == 400 else StoreError)


def test_both_stores_implement_the_store_protocol_with_the_same_result_kinds(remote, store):
    """`run` answers each form with its result kind, locally and over HTTP alike."""
    from kennisgraaf.store import AskResult, GraphResult, SelectResult, Store

    forms = {
        "SELECT ?t WHERE { ?t a kn:Thema } ORDER BY ?t": SelectResult,
        "ASK { thema:waterkwaliteit a kn:Thema }": AskResult,
        "ASK { thema:waterkwaliteit a kn:Persoon }": AskResult,
        "CONSTRUCT WHERE { thema:waterkwaliteit skos:prefLabel ?l }": GraphResult,
    }
    for each in (store, remote):
        assert isinstance(each, Store)
    for query, kind in forms.items():
        local, over_http = store.run(query), remote.run(query)
        assert type(local) is type(over_http) is kind, query
        if kind is SelectResult:
            assert local.rows == over_http.rows and len(local.rows) >= 5
        elif kind is AskResult:
            assert local.value == over_http.value == bool(local) == ("Persoon" not in query)
        else:
            assert list(local) == over_http.triples and len(local) == 1
