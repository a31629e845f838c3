"""The HTTP server: routes, limits and the headers every response carries.

    /                         the query page (named queries as examples, results as a table)
    /sparql                   SPARQL 1.1 Protocol endpoint (GET, POST form, POST query), read-only
    /api/queries              the named queries as JSON
    /api/queries/<name>/run   a named query with its parameters resolved (?onderwerp=pfas)
    /id/                      the kinds of resources; /id/<kind>/ lists one kind
    /id/<kind>/<slug>         the page of one resource (Turtle with Accept or ?format=turtle)
    /site/...                 the network views and the report (files from --site)
    /static/...               the page's own script and style sheet

Queries from the network run in worker processes (see worker.py) with a time and a row
limit; the server's own fixed queries (resource pages, parameter lookup) run on a local
copy of the graph in this process.
"""

from __future__ import annotations

import json
import mimetypes
import shutil
import tempfile
import threading
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources as importlib_resources
from pathlib import Path

import pyoxigraph as ox

from ..errors import KennisgraafError
from ..queries import Catalogue
from ..store import OxigraphStore, bind
from . import negotiate, pages, protocol
from .resources import iri_for, kinds, members, resource_view
from .results import graph_body
from .worker import Job, Outcome, QueryFailed, WorkerPool

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'self'")


@dataclass
class ServeConfig:
    graph_file: Path
    queries_dir: Path
    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 10.0  # seconds per query from the network
    max_rows: int = 10_000  # solutions or triples per answer
    workers: int = 2
    site: Path | None = None  # the views and the report, served under /site/
    max_body: int = 1_000_000  # bytes in a POST body
    log: object = None  # callable(str) for one line per request; None: silent


def static_file(name: str) -> bytes:
    return importlib_resources.files(__package__).joinpath("static", name).read_bytes()


class KennisgraafServer:
    """The server with its worker pool; `serve_forever` blocks, `start` runs it in a thread."""

    def __init__(self, config: ServeConfig):
        self.config = config
        # A private copy of the build: the cache may prune or replace it while we serve.
        self._tmp = Path(tempfile.mkdtemp(prefix="kennisgraaf-serve-"))
        try:
            graph_file = self._tmp / "graph.nq"
            shutil.copyfile(config.graph_file, graph_file)
            self.store = OxigraphStore(graph_file)
            self.catalogue = Catalogue.load(config.queries_dir)
            self.pool = WorkerPool(graph_file, size=config.workers, timeout=config.timeout,
                                   max_rows=config.max_rows)
            self.httpd = _HTTPServer((config.host, config.port), Handler)
        except BaseException:
            self.close()
            raise
        self.httpd.app = self
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    def serve_forever(self) -> None:
        self.httpd.serve_forever(poll_interval=0.2)

    def start(self) -> KennisgraafServer:
        self._thread = threading.Thread(target=self.serve_forever, name="kennisgraaf-http", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        httpd = getattr(self, "httpd", None)
        if httpd is not None:
            if self._thread is not None:
                httpd.shutdown()
                self._thread.join(5)
            httpd.server_close()
        pool = getattr(self, "pool", None)
        if pool is not None:
            pool.close()
        shutil.rmtree(self._tmp, ignore_errors=True)

    def __enter__(self) -> KennisgraafServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    # -- what the routes need -----------------------------------------------------------

    def run_query(self, job: Job) -> Outcome:
        try:
            return self.pool.run(job)
        except QueryFailed as failed:
            return failed.outcome


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    app: KennisgraafServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "kennisgraaf"
    timeout = 30  # a client that stalls mid-request does not hold a thread for ever
    server: _HTTPServer

    # -- plumbing -----------------------------------------------------------------------

    @property
    def app(self) -> KennisgraafServer:
        return self.server.app

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        if self.app.config.log:
            self.app.config.log(f"{self.address_string()} {format % args}")

    def send(self, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_text(self, status: int, message: str, headers: dict | None = None) -> None:
        self.send(status, (message.rstrip() + "\n").encode("utf-8"), "text/plain; charset=utf-8", headers)

    def send_html(self, status: int, html: str, headers: dict | None = None) -> None:
        self.send(status, html.encode("utf-8"), "text/html; charset=utf-8",
                  {"Content-Security-Policy": CSP, "Referrer-Policy": "same-origin", **(headers or {})})

    def send_error_page(self, status: int, message: str) -> None:
        title = HTTPStatus(status).phrase
        self.send_html(status, pages.error_page(status, title, message, site=self.has_site))

    @property
    def has_site(self) -> bool:
        return self.app.config.site is not None

    def read_body(self) -> bytes | None:
        length = self.headers.get("Content-Length")
        if length is None:
            if self.headers.get("Transfer-Encoding"):
                self.send_text(411, "stuur de body met een Content-Length")
                self.close_connection = True
                return None
            return b""
        try:
            size = int(length)
        except ValueError:
            self.send_text(400, "ongeldige Content-Length")
            self.close_connection = True
            return None
        if size > self.app.config.max_body:
            self.send_text(413, f"de body is te groot (meer dan {self.app.config.max_body} bytes)")
            self.close_connection = True
            return None
        return self.rfile.read(size)

    # -- methods ------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.route("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self.route("GET")

    def do_POST(self) -> None:  # noqa: N802
        self.route("POST")

    def do_OPTIONS(self) -> None:  # noqa: N802
        path = urllib.parse.urlsplit(self.path).path
        if path == "/sparql":
            self.send(204, b"", "text/plain", {
                "Access-Control-Allow-Origin": "*",
                "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers": "Content-Type, Accept",
                "Access-Control-Max-Age": "600",
            })
        else:
            self.send_text(405, "OPTIONS alleen op /sparql", {"Allow": "GET, HEAD"})

    def do_PUT(self) -> None:  # noqa: N802
        self.refuse_write()

    def do_DELETE(self) -> None:  # noqa: N802
        self.refuse_write()

    def do_PATCH(self) -> None:  # noqa: N802
        self.refuse_write()

    def refuse_write(self) -> None:
        self.read_body()
        self.send_text(405, "alleen-lezen: deze server wijzigt de graaf niet (gebruik kennisgraaf publish "
                            "naar een triplestore om te schrijven)", {"Allow": "GET, HEAD, POST"})

    def route(self, method: str) -> None:
        parts = urllib.parse.urlsplit(self.path)
        path = parts.path
        try:
            if path == "/sparql":
                return self.sparql(method, parts.query)
            if method == "POST":
                self.read_body()
                return self.send_text(405, "POST alleen op /sparql", {"Allow": "GET, HEAD"})
            if path in ("/", "/index.html"):
                return self.query_page()
            if path.startswith("/static/"):
                return self.static(path[len("/static/"):])
            if path == "/api/queries":
                return self.send(200, json.dumps(pages.catalogue_data(self.app.catalogue), ensure_ascii=False)
                                 .encode("utf-8"), "application/json; charset=utf-8")
            if path.startswith("/api/queries/") and path.endswith("/run"):
                name = urllib.parse.unquote(path[len("/api/queries/"):-len("/run")])
                return self.named_query(name, parts.query)
            if path == "/id" or path == "/id/":
                return self.send_html(200, pages.kinds_page(kinds(self.app.store), site=self.has_site))
            if path.startswith("/id/"):
                return self.resource(path[len("/id/"):], parts.query)
            if path == "/site" or path.startswith("/site/"):
                return self.site(path[len("/site"):])
            return self.send_error_page(404, f"niets op {path}")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except KennisgraafError as err:
            self.send_text(400, str(err))

    # -- routes -------------------------------------------------------------------------

    def sparql(self, method: str, query_string: str) -> None:
        cors = {"Access-Control-Allow-Origin": "*", "Vary": "Accept"}
        try:
            if method == "POST":
                body = self.read_body()
                if body is None:
                    return
                request = protocol.from_post(self.headers.get("Content-Type"), body, query_string)
            else:
                if not query_string and "text/html" in (self.headers.get("Accept") or ""):
                    return self.send(303, b"", "text/plain", {"Location": "/"})
                request = protocol.from_get(query_string)
        except protocol.ProtocolError as err:
            return self.send_text(err.status, err.message, cors)
        job = Job(request.query, self.headers.get("Accept"), request.fmt, request.default_graphs, request.named_graphs)
        self.answer(self.app.run_query(job), cors)

    def answer(self, outcome: Outcome, headers: dict) -> None:
        self.send(outcome.status, outcome.body, outcome.content_type, {**headers, **outcome.headers})

    def named_query(self, name: str, query_string: str) -> None:
        params = {k: v[-1] for k, v in urllib.parse.parse_qs(query_string, keep_blank_values=False).items()}
        fmt = params.pop("format", None)
        catalogue = self.app.catalogue
        try:
            query = catalogue.get(name)
            text = bind(query.text, catalogue.bindings(self.app.store, query, params))
        except KennisgraafError as err:
            return self.send_text(404 if name not in catalogue.queries else 400, str(err))
        self.answer(self.app.run_query(Job(text, self.headers.get("Accept"), fmt)), {})

    def query_page(self) -> None:
        limits = {"timeout": f"{self.app.config.timeout:g}", "max_rows": self.app.config.max_rows}
        self.send_html(200, pages.query_page(self.app.catalogue, site=self.has_site, limits=limits))

    def static(self, name: str) -> None:
        if name not in ("query.js", "style.css"):
            return self.send_error_page(404, "onbekend bestand")
        kind = "text/javascript; charset=utf-8" if name.endswith(".js") else "text/css; charset=utf-8"
        self.send(200, static_file(name), kind, {"Cache-Control": "no-cache"})

    def resource(self, rest: str, query_string: str) -> None:
        kind, _, slug = urllib.parse.unquote(rest).partition("/")
        if not slug:
            if iri_for(kind, "x") is None:
                return self.send_error_page(404, f"onbekende soort bron: {kind}")
            found, truncated = members(self.app.store, kind)
            return self.send_html(200, pages.listing_page(kind, found, truncated, site=self.has_site))
        iri = iri_for(kind, slug)
        view = resource_view(self.app.store, iri) if iri else None
        if view is None:
            return self.send_error_page(404, f"de graaf kent geen bron {iri or '/id/' + rest}")
        fmt = urllib.parse.parse_qs(query_string).get("format", [None])[-1]
        choice = negotiate.choose(self.headers.get("Accept"), negotiate.PAGE, fmt)
        if choice is None:
            return self.send_text(406, "kies text/html, text/turtle of application/n-triples")
        if choice[1] == "html":
            return self.send_html(200, pages.resource_page(view, site=self.has_site), {"Vary": "Accept"})
        triples = self.app.store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                                           {"s": ox.NamedNode(iri)})
        self.send(200, graph_body(triples, choice[1]), f"{choice[0]}; charset=utf-8", {"Vary": "Accept"})

    def site(self, rest: str) -> None:
        root = self.app.config.site
        if root is None:
            return self.send_error_page(404, "geen map met weergaven: start de server met --site MAP")
        root = root.resolve()
        target = (root / urllib.parse.unquote(rest).lstrip("/")).resolve()
        if target != root and root not in target.parents:
            return self.send_error_page(404, "buiten de map met weergaven")
        if target.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return self.send(301, b"", "text/plain", {"Location": self.path.split("?", 1)[0] + "/"})
            index = target / "index.html"
            if not index.is_file():
                entries = sorted(
                    (p.name + ("/" if p.is_dir() else ""), urllib.parse.quote(p.name) + ("/" if p.is_dir() else ""))
                    for p in target.iterdir() if not p.name.startswith(".")
                )
                return self.send_html(200, pages.site_index(entries))
            target = index
        if not target.is_file():
            return self.send_error_page(404, f"niet gevonden: /site{rest}")
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        self.send(200, target.read_bytes(), kind)
