"""`kennisgraaf serve` over real HTTP on localhost: SPARQL 1.1 Protocol conformance, the
limits, read-only, the pages (escaped), the static mount, and the query page in Chromium."""

from __future__ import annotations

import html.parser
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
from http.client import HTTPConnection

import pyoxigraph as ox
import pytest
from serve_helpers import form, http

from kennisgraaf.access import ensure_build
from kennisgraaf.namespaces import GRAPH_BASE
from kennisgraaf.serve import KennisgraafServer, ServeConfig

SELECT_THEMES = "SELECT ?t ?naam WHERE { ?t a kn:Thema ; skos:prefLabel ?naam } ORDER BY ?naam"
CONSTRUCT_THEMES = "CONSTRUCT { ?t skos:prefLabel ?naam } WHERE { ?t a kn:Thema ; skos:prefLabel ?naam }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
JSON = "application/sparql-results+json"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    (root / "index.html").write_text("<!doctype html><title>weergaven</title><p>netwerk</p>", encoding="utf-8")
    (root / "views").mkdir()
    (root / "views" / "themas.html").write_text("<p>thema-netwerk</p>", encoding="utf-8")
    (root.parent / "geheim.txt").write_text("niet voor de server", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def server(build_2026, folder_2026, site):
    config = ServeConfig(
        graph_file=build_2026.entry.graph_file,
        queries_dir=folder_2026.queries_dir,
        port=0,
        workers=2,
        timeout=30,
        max_rows=5000,
        site=site,
    )
    with KennisgraafServer(config) as running:
        yield running


@pytest.fixture(scope="module")
def tight(build_2026, folder_2026):
    """A server with small limits: one worker, 1 s per query, 10 rows per answer."""
    config = ServeConfig(
        graph_file=build_2026.entry.graph_file,
        queries_dir=folder_2026.queries_dir,
        port=0,
        workers=1,
        timeout=1.0,
        max_rows=10,
    )
    with KennisgraafServer(config) as running:
        yield running


def sparql_get(server, query: str, accept: str = JSON, **extra):
    params = urllib.parse.urlencode({"query": query, **extra})
    return http("GET", f"{server.url}sparql?{params}", headers={"Accept": accept})


def rows_of(body: bytes, fmt=ox.QueryResultsFormat.JSON) -> list[tuple]:
    solutions = ox.parse_query_results(body, format=fmt)
    names = [v.value for v in solutions.variables]
    return [tuple(str(s[n]) for n in names) for s in solutions]


def local_rows(store, query: str) -> list[tuple]:
    result = store.select(query)
    return [tuple(str(row.get(v)) for v in result.variables) for row in result.rows]


# -- the protocol: three ways to send a query, one answer -------------------------------


def test_get_post_form_and_post_query_give_the_local_answer(server, store):
    expected = local_rows(store, SELECT_THEMES)
    assert len(expected) >= 7
    get = sparql_get(server, SELECT_THEMES)
    post_form = http(
        "POST",
        server.url + "sparql",
        form(query=SELECT_THEMES),
        {"Content-Type": "application/x-www-form-urlencoded", "Accept": JSON},
    )
    post_query = http(
        "POST",
        server.url + "sparql",
        SELECT_THEMES,
        {"Content-Type": "application/sparql-query; charset=utf-8", "Accept": JSON},
    )
    for response in (get, post_form, post_query):
        assert response.status == 200, response.text
        assert response.media_type == JSON
        assert rows_of(response.body) == expected


@pytest.mark.parametrize(
    ("accept", "media", "fmt"),
    [
        (JSON, JSON, ox.QueryResultsFormat.JSON),
        ("application/sparql-results+xml", "application/sparql-results+xml", ox.QueryResultsFormat.XML),
        ("text/tab-separated-values", "text/tab-separated-values", ox.QueryResultsFormat.TSV),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml", ox.QueryResultsFormat.XML),
        ("*/*", JSON, ox.QueryResultsFormat.JSON),
        (
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "application/xml",
            ox.QueryResultsFormat.XML,
        ),
    ],
    ids=["json", "xml", "tsv", "q-values", "any", "browser"],
)
def test_accept_header_chooses_the_results_format(server, store, accept, media, fmt):
    response = sparql_get(server, SELECT_THEMES, accept)
    assert response.status == 200, response.text
    assert response.media_type == media
    assert rows_of(response.body, fmt) == local_rows(store, SELECT_THEMES)


def test_csv_results(server, store):
    response = sparql_get(server, SELECT_THEMES, "text/csv")
    assert response.media_type == "text/csv"
    lines = response.text.split("\r\n")
    assert lines[0] == "t,naam"
    assert lines[1:-1] == [f"{row['t'].value},{row['naam'].value}" for row in store.select(SELECT_THEMES).rows]


def test_format_parameter_overrides_accept(server):
    response = sparql_get(server, SELECT_THEMES, JSON, format="tsv")
    assert response.media_type == "text/tab-separated-values"


def test_ask_in_json_and_xml(server):
    ask = "ASK { thema:waterkwaliteit a kn:Thema }"
    assert bool(ox.parse_query_results(sparql_get(server, ask).body, format=ox.QueryResultsFormat.JSON))
    xml = sparql_get(server, ask, "application/sparql-results+xml")
    assert bool(ox.parse_query_results(xml.body, format=ox.QueryResultsFormat.XML))
    assert sparql_get(server, ask, "text/csv").status == 406


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
    ],
    ids=["turtle", "ntriples", "rdfxml", "jsonld"],
)
def test_construct_in_each_rdf_format(server, store, accept, fmt):
    response = sparql_get(server, CONSTRUCT_THEMES, accept)
    assert response.status == 200, response.text
    assert response.media_type == accept
    assert {q.triple for q in ox.parse(response.body, format=fmt)} == set(store.construct(CONSTRUCT_THEMES))


def test_unacceptable_media_type_is_406(server):
    response = sparql_get(server, SELECT_THEMES, "image/png")
    assert response.status == 406
    assert "text/csv" in response.text


def test_dataset_from_protocol_parameters(server, store):
    graph = GRAPH_BASE + "registers/themas"
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    response = sparql_get(server, query, **{"default-graph-uri": graph})
    [(count,)] = rows_of(response.body)
    expected = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": ox.NamedNode(graph)})
    assert count == str(expected.rows[0]["n"])


def test_from_clause_chooses_the_dataset(server, store):
    graph = GRAPH_BASE + "registers/themas"
    response = sparql_get(server, f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}")
    [(count,)] = rows_of(response.body)
    expected = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": ox.NamedNode(graph)})
    assert count == str(expected.rows[0]["n"])
    named = sparql_get(server, f"SELECT DISTINCT ?g FROM NAMED <{graph}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}")
    assert rows_of(named.body) == [(f"<{graph}>",)]


def test_preflight_without_cors_by_default_and_head(server):
    """CORS is off unless `--cors ORIGIN` is given (see tests/regressions/test_serve_cors.py)."""
    options = http("OPTIONS", server.url + "sparql", headers={"Origin": "http://example.org"})
    assert options.status == 204
    assert "access-control-allow-origin" not in options.headers
    head = http("HEAD", server.url)
    assert head.status == 200 and head.body == b""


# -- read-only, no reaching out, and proper errors ---------------------------------------


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
        (form(update="INSERT DATA { <urn:a> <urn:b> <urn:c> }"), "application/x-www-form-urlencoded"),
        (form(query="INSERT DATA { <urn:a> <urn:b> <urn:c> }"), "application/x-www-form-urlencoded"),
        (form(query="DROP ALL"), "application/x-www-form-urlencoded"),
        ("LOAD <http://example.org/data.ttl>", "application/sparql-query"),
    ],
    ids=["update-body", "update-form", "insert-as-query", "drop", "load"],
)
def test_updates_are_refused_with_403(server, body, content_type):
    response = http("POST", server.url + "sparql", body, {"Content-Type": content_type})
    assert response.status == 403
    assert "alleen-lezen" in response.text
    assert sparql_get(server, "ASK { <urn:a> ?p ?o }").body.find(b"false") > 0


def test_write_methods_are_not_allowed(server):
    assert http("PUT", server.url + "sparql", b"x", {"Content-Type": "text/turtle"}).status == 405
    assert http("DELETE", server.url + "sparql").status == 405


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { service silent <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?x ?y ?z . SERVICE ?endpoint { ?s ?p ?o } }",
    ],
    ids=["service", "silent-lowercase", "variable"],
)
def test_service_is_refused(server, query):
    response = sparql_get(server, query)
    assert response.status == 403
    assert "SERVICE" in response.text


def test_from_a_file_is_refused(server):
    response = sparql_get(server, "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }")
    assert response.status == 403
    assert "FROM <file:///etc/passwd>" in response.text


@pytest.mark.parametrize(
    ("method", "body", "headers", "status"),
    [
        ("GET", None, {}, 400),  # no query at all
        ("POST", "SELECT ?x WHERE { ?x ?p }", {"Content-Type": "application/sparql-query"}, 400),
        ("POST", "SELEC * WHERE { }", {"Content-Type": "application/sparql-query"}, 400),
        ("POST", b"query=SELECT%20%FF", {"Content-Type": "application/x-www-form-urlencoded"}, 400),
        ("POST", "SELECT * {}", {"Content-Type": "text/plain"}, 415),
        (
            "POST",
            form(query="SELECT * {}", **{"default-graph-uri": "relatief"}),
            {"Content-Type": "application/x-www-form-urlencoded"},
            400,
        ),
    ],
    ids=["missing", "syntax", "not-a-query", "bad-utf8", "content-type", "relative-graph"],
)
def test_malformed_requests_get_a_4xx_with_a_message(server, method, body, headers, status):
    response = http(method, server.url + "sparql", body, headers)
    assert response.status == status
    assert response.media_type == "text/plain" and response.text.strip()


def test_body_too_large_is_refused_before_it_is_read(server):
    host, port = urllib.parse.urlsplit(server.url).netloc.split(":")
    connection = HTTPConnection(host, int(port), timeout=10)
    connection.putrequest("POST", "/sparql")
    connection.putheader("Content-Type", "application/sparql-query")
    connection.putheader("Content-Length", str(50_000_000))
    connection.endheaders()  # the body is never sent: the server must answer without it
    response = connection.getresponse()
    assert response.status == 413
    assert "te groot" in response.read().decode()
    connection.close()


# -- limits ------------------------------------------------------------------------------


def test_slow_query_hits_the_time_limit_and_the_server_recovers(tight):
    started = time.monotonic()
    response = sparql_get(tight, SLOW)
    assert response.status == 503
    assert "tijdslimiet" in response.text
    assert time.monotonic() - started < 10
    # the worker was killed and replaced: the next query is answered
    deadline = time.monotonic() + 30
    while True:
        after = sparql_get(tight, "ASK { thema:waterkwaliteit a kn:Thema }")
        if after.status == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert after.status == 200, after.text


@pytest.mark.parametrize("query", ["SELECT * WHERE { ?s ?p ?o }", "CONSTRUCT WHERE { ?s ?p ?o }"])
def test_large_result_hits_the_row_limit(tight, query):
    response = sparql_get(tight, query, "*/*")
    assert response.status == 422
    assert "te groot" in response.text and "10" in response.text
    assert sparql_get(tight, "SELECT * WHERE { ?s ?p ?o } LIMIT 10").status == 200


# -- named queries with parameters ------------------------------------------------------


def test_named_query_api_resolves_parameters_like_the_cli(server, store, catalogue):
    url = server.url + "api/queries/producten-van-thema/run?" + urllib.parse.urlencode({"thema": "Waterkwaliteit"})
    response = http("GET", url, headers={"Accept": JSON})
    assert response.status == 200, response.text
    expected = catalogue.execute(store, "producten-van-thema", {"thema": "Waterkwaliteit"})
    assert sorted(rows_of(response.body)) == sorted(
        tuple(str(row.get(v)) for v in expected.variables) for row in expected.rows
    )
    assert len(expected.rows) > 0


def test_named_query_api_errors(server):
    base = server.url + "api/queries/"
    assert http("GET", base + "bestaat-niet/run").status == 404
    missing = http("GET", base + "producten-van-thema/run")
    assert missing.status == 400 and "thema" in missing.text
    unknown = http("GET", base + "producten-van-thema/run?thema=Waterkwaliteit&kleur=rood")
    assert unknown.status == 400 and "kleur" in unknown.text
    listing = http("GET", base[:-1])
    assert listing.status == 200 and "producten-van-thema" in listing.text


# -- pages -------------------------------------------------------------------------------


def test_resource_page_lists_properties_links_and_incoming(server, store):
    plan = store.select("SELECT ?plan WHERE { ?plan kn:thema thema:waterkwaliteit }").rows[0]["plan"].value
    plan_path = "/id/" + plan.split("/id/", 1)[1]
    page = http("GET", server.url + "id/thema/waterkwaliteit")
    assert page.status == 200 and page.media_type == "text/html"
    assert "<h1>Waterkwaliteit</h1>" in page.text
    assert f'href="{plan_path}"' in page.text  # a linked node, with a link to its own page
    assert "Verwijzingen naar deze bron" in page.text
    assert "content-security-policy" in page.headers
    plan_page = http("GET", server.url + plan_path.lstrip("/"))
    assert plan_page.status == 200 and "/id/thema/waterkwaliteit" in plan_page.text


def test_resource_as_turtle(server, store):
    iri = "https://w3id.org/kennisgraaf/id/thema/waterkwaliteit"
    for response in (
        http("GET", server.url + "id/thema/waterkwaliteit", headers={"Accept": "text/turtle"}),
        http("GET", server.url + "id/thema/waterkwaliteit?format=turtle"),
    ):
        assert response.media_type == "text/turtle"
        triples = {q.triple for q in ox.parse(response.body, format=ox.RdfFormat.TURTLE)}
        expected = store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": ox.NamedNode(iri)})
        assert triples == set(expected) and len(triples) > 3


def test_listings_and_unknown_resources(server):
    kinds = http("GET", server.url + "id/")
    assert kinds.status == 200 and 'href="/id/thema/"' in kinds.text
    themes = http("GET", server.url + "id/thema/")
    assert themes.status == 200 and 'href="/id/thema/waterkwaliteit"' in themes.text
    assert http("GET", server.url + "id/thema/bestaat-niet").status == 404
    assert http("GET", server.url + "id/geen-soort/x").status == 404
    assert http("GET", server.url + "nergens").status == 404


def test_site_mount_serves_views_and_nothing_outside(server):
    index = http("GET", server.url + "site/")
    assert index.status == 200 and "netwerk" in index.text
    view = http("GET", server.url + "site/views/themas.html")
    assert view.status == 200 and view.media_type == "text/html"
    assert http("GET", server.url + "site/views").status == 301
    listing = http("GET", server.url + "site/views/")
    assert 'href="themas.html"' in listing.text
    for attempt in ("site/../geheim.txt", "site/%2e%2e/geheim.txt", "site/views/%2e%2e/%2e%2e/geheim.txt"):
        response = http("GET", server.url + attempt)
        assert response.status == 404 and b"niet voor de server" not in response.body
    assert 'href="/site/"' in http("GET", server.url).text


def test_query_page_loads_only_its_own_assets(server):
    page = http("GET", server.url + "vragen")
    assert page.status == 200
    parser = _Assets()
    parser.feed(page.text)
    assert parser.urls == ["/site/static/site.css", "/static/style.css", "/static/query.js"]  # the site's frame
    for url in parser.urls:
        assert http("GET", server.url + url.lstrip("/")).status == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_home_page_is_the_sites_and_old_query_links_still_open_the_query_page(server, store):
    """/ is the static site's home page (one renderer); /?q=... (old links) goes to /vragen."""
    from kennisgraaf.site import overview

    home = http("GET", server.url)
    assert home.status == 200 and "<h1>Kennisnetwerk VTH in één graaf</h1>" in home.text
    assert 'href="/id/thema/waterkwaliteit"' in home.text and 'href="/vragen"' in home.text
    assert overview.LATEST_FINDINGS >= home.text.count('<li class="') > 0  # the latest findings
    old = http("GET", server.url + "?q=regisseurs&run=1")
    assert old.status == 303 and old.headers["location"] == "/vragen?q=regisseurs&run=1"
    browser = http("GET", server.url + "sparql", headers={"Accept": "text/html"})
    assert browser.status == 303 and browser.headers["location"] == "/vragen"


class _Assets(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.urls.append(attrs["href"])
        if tag == "script" and "src" in attrs:
            self.urls.append(attrs["src"])


def test_everything_shown_is_escaped(mini_data, tmp_path):
    """A label and a query title with markup in them reach the page as text."""
    nasty = "<script>alert(\"x\")</script> & 'quote'"
    plan = mini_data / "graph" / "plans" / "2026" / "proef.ttl"
    text = plan.read_text(encoding="utf-8")
    title = 'dcterms:title "Kennisopbouw waterstof (proef)"@nl'
    assert title in text
    plan.write_text(
        text.replace(title, f'dcterms:title "{nasty.replace(chr(34), chr(92) + chr(34))}"@nl'), encoding="utf-8"
    )
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "vies.rq").write_text(
        "# Titel: </script><script>alert(1)</script>\n# Vraag: <b>vet</b>?\n# Geeft: niets\n# Parameters: geen\n"
        "# Voorbeeld: kennisgraaf query vies\nSELECT * WHERE { ?s ?p ?o } LIMIT 1\n",
        encoding="utf-8",
    )
    build = ensure_build(mini_data, tmp_path / "cache")
    config = ServeConfig(graph_file=build.entry.graph_file, queries_dir=queries, port=0, workers=1)
    with KennisgraafServer(config) as running:
        product = http("GET", running.url + "id/product/et-2026-proef-waterstof")
        assert product.status == 200
        assert "<script>alert" not in product.text
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quote&#x27;" in product.text
        theme = http("GET", running.url + "id/thema/energietransitie")
        assert "<script>alert" not in theme.text and "&lt;script&gt;" in theme.text
        home = http("GET", running.url)  # the site's home page: the plan's title among the findings
        assert home.status == 200 and "<script>alert" not in home.text
        page = http("GET", running.url + "vragen")
        assert "<script>alert(1)" not in page.text and "<b>vet</b>" not in page.text
        assert page.text.count("</script>") == page.text.count("<script")


# -- the query page in a real browser -----------------------------------------------------


def chromium_dom(url: str, profile) -> str:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "chromium niet gevonden: installeer het Debian-pakket chromium (scripts/system-packages)"
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=15000",
        "--dump-dom",
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class _ResultTable(html.parser.HTMLParser):
    """The state of #results and the text of the result table's cells (tags left out)."""

    def __init__(self):
        super().__init__()
        self.state = None
        self.header: list[str] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._skip = 0
        self._in_table = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id") == "results":
            self.state = attrs.get("data-state")
        if attrs.get("id") == "result-table":
            self._in_table = True
        if not self._in_table:
            return
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "span" and attrs.get("class") == "tag":
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_table = False
        elif tag == "span" and self._skip:
            self._skip -= 1
        elif tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None and not self._skip:
            self._cell.append(data)


@pytest.mark.parametrize(
    ("name", "params"),
    [("thema-overzicht", {}), ("producten-van-thema", {"thema": "Waterkwaliteit"})],
)
def test_query_page_runs_a_named_query_in_headless_chromium(server, store, catalogue, tmp_path, name, params):
    from kennisgraaf.tables import compact

    url = server.url + "vragen?" + urllib.parse.urlencode({"q": name, **params, "run": "1"})
    table = _ResultTable()
    table.feed(chromium_dom(url, tmp_path / "profile"))
    assert table.state == "done", f"de pagina gaf geen resultaat (state={table.state})"
    expected = catalogue.execute(store, name, params)
    header, *rows = table.rows
    assert header == expected.variables
    shown = sorted(rows)
    wanted = sorted(
        [
            compact(t.value) if isinstance(t, ox.NamedNode) else ("" if t is None else t.value)
            for t in (row.get(v) for v in expected.variables)
        ]
        for row in expected.rows
    )
    assert shown == wanted
    assert len(rows) > 0


# -- the command ---------------------------------------------------------------------------


def test_serve_command_binds_to_localhost_serves_views_and_stops_on_sigterm(cache_dir, build_2026, tmp_path):
    """The real command: default host, the views and the report made from the same build,
    nothing written into the working directory, and a clean stop."""
    command = [
        sys.executable,
        "-c",
        "from kennisgraaf.cli import main; main()",
        "serve",
        "--port",
        "0",
        "--workers",
        "1",
        "--cache-dir",
        str(cache_dir),
        "--quiet",
    ]
    work = tmp_path / "werkmap"
    work.mkdir()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=work,
        env={**os.environ, "COLUMNS": "200"},
    )
    try:
        line = ""
        deadline = time.monotonic() + 60
        while "draait op" not in line and time.monotonic() < deadline:
            line = process.stderr.readline()
            if not line and process.poll() is not None:
                break
        assert "draait op http://127.0.0.1:" in line, line + process.stderr.read()
        url = line.split("draait op ", 1)[1].split()[0]
        assert http("GET", url).status == 200
        assert http("GET", url + "sparql?" + urllib.parse.urlencode({"query": "ASK {}"})).status == 200
        page = http("GET", url).text
        assert 'href="/site/"' in page and 'href="/site/rapport.html"' in page
        views = http("GET", url + "site/")
        assert views.status == 200 and views.media_type == "text/html"
        assert http("GET", url + "site/rapport.html").status == 200
        process.send_signal(signal.SIGTERM)
        assert process.wait(20) == 0
        assert list(work.iterdir()) == []
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
