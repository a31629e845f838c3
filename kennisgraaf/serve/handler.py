"""The request handler: one method per route, every response with its length and headers.

Routes are listed in server.py. Answers to /sparql come from the worker pool; pages are
rendered by pages.py from data that resources.py reads from the server's local store.
The Linked Data routes (/id/, /def/, /graph/) share one negotiation (`linked_data`): the
same URL answers a browser with HTML and an RDF client with its syntax, says so with
`Vary: Accept`, and has a fixed-format twin with a file extension (`.ttl`, `.nt`,
`.jsonld`, `.rdf`) for links and downloads.
"""

from __future__ import annotations

import functools
import json
import mimetypes
import re
import time
import urllib.parse
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources as importlib_resources

import pyoxigraph as ox

from .. import ontology_docs, sparql
from .. import site as site_package
from ..errors import KennisgraafError
from ..store import bind
from ..years import plan_years
from . import graph_pages, negotiate, pages, protocol
from .pages import QUERY_PAGE
from .resources import iri_for, kinds, members, resource_view
from .results import graph_body
from .worker import Job, Outcome, error

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
)


class _Truncated(Exception):
    """The client closed the connection before the body was complete."""


def valid_path(path: str) -> bool:
    """Whether a request path is printable ASCII and percent-decodes to UTF-8 without control characters."""
    if not path.isascii() or any(ord(c) < 0x21 or ord(c) == 0x7F for c in path):
        return False
    try:
        decoded = urllib.parse.unquote_to_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in decoded)


@functools.cache  # the page's own script and style sheet: read once, not per request
def static_file(name: str) -> bytes:
    return importlib_resources.files(__package__).joinpath("static", name).read_bytes()


@functools.cache
def site_static(name: str) -> bytes:
    """One of the static site's own files (kennisgraaf/site/static), the same bytes `site` copies."""
    return importlib_resources.files(site_package).joinpath("static", name).read_bytes()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "kennisgraaf"
    timeout = 30  # a client that stalls mid-request does not hold a thread for ever
    # headers and body are separate writes: without TCP_NODELAY, Nagle and the client's
    # delayed ACK add ~40 ms to every keep-alive response
    disable_nagle_algorithm = True
    server: ThreadingHTTPServer  # with .app: the KennisgraafServer

    # -- plumbing -----------------------------------------------------------------------

    @property
    def app(self):
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
        self.answer(error(status, message), headers or {})

    def send_html(self, status: int, html: str, headers: dict | None = None, styles: tuple[str, ...] = ()) -> None:
        """An HTML page under the CSP; `styles`: hashes of inline style blocks the page may use."""
        csp = CSP.replace("style-src 'self'", " ".join(("style-src 'self'", *styles))) if styles else CSP
        self.send(
            status,
            html.encode("utf-8"),
            "text/html; charset=utf-8",
            {"Content-Security-Policy": csp, "Referrer-Policy": "same-origin", **(headers or {})},
        )

    def send_error_page(self, status: int, message: str) -> None:
        title = {400: "Ongeldig verzoek", 404: "Niet gevonden"}.get(status, HTTPStatus(status).phrase)
        self.send_html(status, pages.error_page(status, title, message))

    def read_body(self) -> bytes | None:
        """The request body within the size and time limits; None when an error was sent.

        A length must be one plain decimal number (no sign, no second Content-Length, not
        next to Transfer-Encoding); a chunked body is read chunk by chunk under the same
        cap; the whole body must arrive within `body_timeout` seconds, else 408.
        """
        lengths = self.headers.get_all("Content-Length") or []
        coding = (self.headers.get("Transfer-Encoding") or "").strip().lower()
        if len(lengths) > 1 or (lengths and coding):
            return self._refuse_body(400, "ongeldige body: twee lengtes (Content-Length en/of Transfer-Encoding)")
        if coding and coding != "chunked":
            return self._refuse_body(
                501, f"Transfer-Encoding {coding!r} wordt niet ondersteund; gebruik chunked of Content-Length"
            )
        if not lengths and not coding:
            return b""
        if lengths and not re.fullmatch(r"[0-9]{1,18}", lengths[0].strip()):
            return self._refuse_body(400, f"ongeldige Content-Length {lengths[0]!r}: verwacht een getal ≥ 0")
        limit = self.app.config.max_body
        too_large = f"de body is te groot (meer dan {limit} bytes)"
        deadline = time.monotonic() + self.app.config.body_timeout
        try:
            if lengths:
                size = int(lengths[0])
                if size > limit:
                    return self._refuse_body(413, too_large)
                return self._read_exactly(size, deadline)
            parts: list[bytes] = []
            total = 0
            while True:
                line = self._read_line(deadline)
                try:
                    size = int(line.split(b";", 1)[0].strip(), 16)
                except ValueError:
                    return self._refuse_body(400, "ongeldige chunked body: verwacht een lengte in hexadecimalen")
                if size < 0:
                    return self._refuse_body(400, "ongeldige chunked body: negatieve lengte")
                if size == 0:
                    while self._read_line(deadline).strip():  # trailers, up to the empty line
                        pass
                    return b"".join(parts)
                total += size
                if total > limit:
                    return self._refuse_body(413, too_large)
                parts.append(self._read_exactly(size, deadline))
                self._read_line(deadline)  # the CRLF after each chunk
        except TimeoutError:
            return self._refuse_body(408, f"de body kwam niet binnen {self.app.config.body_timeout:g} s binnen")
        except _Truncated:
            self.close_connection = True
            return None

    def _refuse_body(self, status: int, message: str) -> bytes | None:
        """Send the refusal and close; always None, the answer `read_body` gives after an error."""
        self.send_text(status, message)
        self.close_connection = True
        return None

    def _wait(self, deadline: float) -> None:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        self.connection.settimeout(left)

    def _read_exactly(self, size: int, deadline: float) -> bytes:
        chunks, left = [], size
        while left:
            self._wait(deadline)
            data = self.rfile.read1(min(left, 65536))
            if not data:
                raise _Truncated
            chunks.append(data)
            left -= len(data)
        return b"".join(chunks)

    def _read_line(self, deadline: float) -> bytes:
        self._wait(deadline)
        line = self.rfile.readline(1024)
        if not line.endswith(b"\n"):
            if len(line) >= 1024:
                raise ValueError("chunk line too long")
            raise _Truncated
        return line

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
            self.send(
                204,
                b"",
                "text/plain",
                {
                    "Allow": "GET, HEAD, POST, OPTIONS",
                    **self.cors(
                        {
                            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                            "Access-Control-Allow-Headers": "Content-Type, Accept",
                            "Access-Control-Max-Age": "600",
                        }
                    ),
                },
            )
        else:
            self.send_text(405, "OPTIONS alleen op /sparql", {"Allow": "GET, HEAD"})

    def do_PUT(self) -> None:  # noqa: N802
        self.refuse_write()

    def do_DELETE(self) -> None:  # noqa: N802
        self.refuse_write()

    def do_PATCH(self) -> None:  # noqa: N802
        self.refuse_write()

    def cors(self, extra: dict | None = None) -> dict:
        """CORS headers only when the server was started with --cors ORIGIN (off by default)."""
        origin = self.app.config.cors
        if not origin:
            return {}
        return {"Access-Control-Allow-Origin": origin, **({"Vary": "Origin"} if origin != "*" else {}), **(extra or {})}

    def refuse_write(self) -> None:
        if self.read_body() is None:
            return
        self.send_text(
            405,
            "alleen-lezen: deze server wijzigt de graaf niet (gebruik kennisgraaf publish "
            "naar een triplestore om te schrijven)",
            {"Allow": "GET, HEAD, POST"},
        )

    def route(self, method: str) -> None:
        parts = urllib.parse.urlsplit(self.path)
        path = parts.path
        if not valid_path(path):
            self.close_connection = method == "POST"
            return self.send_text(400, "ongeldig pad: alleen UTF-8 zonder stuurtekens (zoals NUL) is toegestaan")
        try:
            if path == "/sparql":
                return self.sparql(method, parts.query)
            if method == "POST":
                if self.read_body() is None:
                    return None
                return self.send_text(405, "POST alleen op /sparql", {"Allow": "GET, HEAD"})
            if path in ("/", "/index.html"):
                if parts.query:  # an older link to the query page (/?q=naam&run=1) still opens it
                    return self.send(303, b"", "text/plain", {"Location": QUERY_PAGE + "?" + parts.query})
                return self.send_html(200, self.app.home_page)
            if path in (QUERY_PAGE, QUERY_PAGE + "/"):
                return self.query_page()
            if path.startswith("/static/"):
                return self.static(path[len("/static/") :])
            if path == "/api/queries":
                data = pages.catalogue_data(self.app.catalogue, plan_years(self.app.store))
                return self.send(
                    200, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8"
                )
            if path.startswith("/api/queries/") and path.endswith("/run"):
                name = urllib.parse.unquote(path[len("/api/queries/") : -len("/run")])
                return self.named_query(name, parts.query)
            if path == "/id" or path == "/id/":
                return self.send_html(200, pages.kinds_page(kinds(self.app.store)))
            if path.startswith("/id/"):
                return self.resource(path[len("/id/") :], parts.query)
            if path == "/def" or path.startswith(("/def/", "/def.")):
                return self.ontology(path[len("/def") :], parts.query)
            if path == "/graph" or path.startswith("/graph/"):
                return self.graph(path[len("/graph") :], parts.query)
            if path == "/site" or path.startswith("/site/"):
                return self.site(path[len("/site") :])
            return self.send_error_page(404, f"niets op {path}")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except KennisgraafError as err:
            self.send_text(400, str(err))
        except Exception as err:  # one bad request gets a 500, not a dropped connection
            self.log_error("interne fout bij %s: %r", self.path, err)
            self.send_text(500, "interne fout van de server; zie het log van kennisgraaf serve")

    # -- routes -------------------------------------------------------------------------

    def sparql(self, method: str, query_string: str) -> None:
        cors = {"Vary": "Accept", **self.cors()}
        try:
            if method == "POST":
                body = self.read_body()
                if body is None:
                    return
                request = protocol.from_post(self.headers.get("Content-Type"), body, query_string)
            else:
                if not query_string and "text/html" in (self.headers.get("Accept") or ""):
                    return self.send(303, b"", "text/plain", {"Location": QUERY_PAGE})
                request = protocol.from_get(query_string)
        except protocol.ProtocolError as err:
            return self.send_text(err.status, err.message, cors)
        job = Job(request.query, self.headers.get("Accept"), request.fmt, request.default_graphs, request.named_graphs)
        self.answer(self.app.pool.run(job), cors)

    def answer(self, outcome: Outcome, headers: dict) -> None:
        self.send(outcome.status, outcome.body, outcome.content_type, {**headers, **outcome.headers})

    def named_query(self, name: str, query_string: str) -> None:
        params = {k: v[-1] for k, v in urllib.parse.parse_qs(query_string, keep_blank_values=False).items()}
        fmt = params.pop("format", None)
        jaar = params.pop("jaar", None)
        catalogue = self.app.catalogue
        try:
            query, bound = catalogue.one_year(self.app.store, name, params, jaar, option="jaar")
            text = bind(query.text, bound)
        except KennisgraafError as err:
            return self.send_text(404 if name not in catalogue.queries else 400, str(err))
        self.answer(self.app.pool.run(Job(text, self.headers.get("Accept"), fmt)), {})

    def query_page(self) -> None:
        limits = {"timeout": f"{self.app.config.timeout:g}", "max_rows": self.app.config.max_rows}
        self.send_html(200, pages.query_page(self.app.catalogue, plan_years(self.app.store), limits=limits))

    def static(self, name: str) -> None:
        if name not in ("query.js", "style.css"):
            return self.send_error_page(404, "onbekend bestand")
        kind = "text/javascript; charset=utf-8" if name.endswith(".js") else "text/css; charset=utf-8"
        self.send(200, static_file(name), kind, {"Cache-Control": "no-cache"})

    # -- Linked Data ----------------------------------------------------------------------

    def linked_data(
        self,
        url: str,
        forced: str | None,
        query_string: str,
        triples: Callable[[], list],
        html: Callable[[], str],
        styles: Callable[[str], list[str]] | None = None,
    ) -> None:
        """Answer for the resource at `url` (its path without extension) in the negotiated form.

        `forced` is the key of a file-extension form (`.ttl` → turtle): that form answers the
        same whatever the Accept header says, so it has no Vary. Otherwise `?format=` or
        the Accept header (q-values, wildcards) chooses, and nothing that fits means 406
        with the list of media types there are.
        """
        fmt = forced or urllib.parse.parse_qs(query_string).get("format", [None])[-1]
        choice = negotiate.choose(self.headers.get("Accept"), negotiate.PAGE, fmt)
        vary = {} if forced else {"Vary": "Accept"}
        if choice is None:
            return self.send_text(406, negotiate.refusal(negotiate.PAGE), vary)
        quoted = urllib.parse.quote(url)
        if choice[1] == "html":
            page = html()
            alternates = ", ".join(
                f'<{quoted}{ext}>; rel="alternate"; type="{media}"'
                for ext, key in negotiate.EXTENSIONS.items()
                for media, k in negotiate.PAGE
                if k == key and key != "html"
            )
            return self.send_html(200, page, {**vary, "Link": alternates}, tuple(styles(page) if styles else ()))
        extension = next(ext for ext, key in negotiate.EXTENSIONS.items() if key == choice[1])
        located = {} if forced else {"Content-Location": quoted + extension}
        self.send(200, graph_body(triples(), choice[1]), negotiate.with_charset(choice[0]), {**vary, **located})

    def resource_html(self, view) -> str:
        """The page of one resource: the one call to the page renderer for /id/ (the site's when it has one)."""
        return pages.resource_page(view)

    def resource(self, rest: str, query_string: str) -> None:
        kind, _, slug = urllib.parse.unquote(rest).partition("/")
        if not slug:
            if iri_for(kind, "x") is None:
                return self.send_error_page(404, f"onbekende soort bron: {kind}")
            found, truncated = members(self.app.store, kind)
            return self.send_html(200, pages.listing_page(kind, found, truncated))
        store = self.app.store

        def known(iri: str | None) -> bool:
            return iri is not None and store.ask(sparql.text("resource_exists"), {"s": ox.NamedNode(iri)})

        forced = None
        iri = _iri(iri_for(kind, slug))
        if not known(iri):  # /id/thema/x.ttl: the Turtle of /id/thema/x
            slug, forced = negotiate.split_extension(slug)
            iri = _iri(iri_for(kind, slug)) if forced else None
        if iri is None or not known(iri):
            return self.send_error_page(404, f"de graaf kent geen bron {iri or '/id/' + rest}")
        subject = ox.NamedNode(iri)

        def html() -> str:
            view = resource_view(store, subject.value)
            assert view is not None  # the graph mentions it (known above)
            return self.resource_html(view)

        self.linked_data(
            f"/id/{kind}/{slug}",
            forced,
            query_string,
            lambda: store.construct(sparql.text("resource_triples"), {"s": subject}),
            html,
        )

    def ontology(self, rest: str, query_string: str) -> None:
        """/def, /def/ and /def/index.html: the ontology, documented by pyLODE or as RDF."""
        stem, forced = negotiate.split_extension(rest)
        if stem not in ("", "/index") and (stem, forced) != ("/", None):
            return self.send_error_page(404, f"de ontologie heeft geen pagina /def{rest}; zie /def/")
        store, graph = self.app.store, self.app.ontology_graph
        if not graph_pages.exists(store, graph):
            return self.send_error_page(404, "deze build bevat geen ontologie (ontology/kennisgraaf.ttl)")
        self.linked_data(
            "/def" + stem.rstrip("/"),
            forced,
            query_string,
            lambda: graph_pages.triples(store, graph),
            lambda: self.app.ontology_page,
            ontology_docs.style_hashes,
        )

    def graph(self, rest: str, query_string: str) -> None:
        """/graph/ lists the named graphs; /graph/<name> is one of them, as a page or as RDF."""
        name = urllib.parse.unquote(rest).lstrip("/")
        store = self.app.store
        if not name:
            vary = {"Vary": "Accept"}
            if negotiate.choose(self.headers.get("Accept"), negotiate.LISTING) is None:
                return self.send_text(406, negotiate.refusal(negotiate.LISTING), vary)
            return self.send_html(200, graph_pages.listing_page(graph_pages.sizes(store)), vary)
        forced = None
        iri = _iri(graph_pages.graph_iri(name))
        if iri is None or not graph_pages.exists(store, iri):
            name, forced = negotiate.split_extension(name)
            iri = _iri(graph_pages.graph_iri(name)) if forced else None
            if iri is None or not graph_pages.exists(store, iri):
                return self.send_error_page(404, f"de build heeft geen graaf /graph/{urllib.parse.unquote(rest)}")
        graph = iri  # one answer reads the triples once: the page or the RDF, never both
        self.linked_data(
            "/graph/" + name,
            forced,
            query_string,
            lambda: graph_pages.triples(store, graph),
            lambda: graph_pages.graph_page(store, name, graph_pages.triples(store, graph)),
        )

    def site(self, rest: str) -> None:
        from ..site.writer import STATIC as SITE_STATIC  # here: the site's writer imports serve's modules

        root = self.app.config.site
        relative = urllib.parse.unquote(rest).lstrip("/")
        own = relative.removeprefix("static/") if relative.startswith("static/") else None
        if own in SITE_STATIC and (root is None or not (root / relative).is_file()):
            # the site's own style sheet and scripts, which every page loads: also without --site
            return self.send(200, site_static(own), _media_type(own))
        if root is None:
            return self.send_error_page(404, "geen map met weergaven: start de server met --site MAP")
        root = root.resolve()
        target = (root / relative).resolve()
        hidden = any(part.startswith(".") for part in relative.split("/"))
        if hidden or (target != root and root not in target.parents):
            return self.send_error_page(404, "niet in de map met weergaven")
        if target.is_dir():
            if not rest.endswith("/"):
                return self.send(301, b"", "text/plain", {"Location": f"/site{rest}/"})
            index = target / "index.html"
            if not index.is_file():
                entries = sorted(
                    (p.name + ("/" if p.is_dir() else ""), urllib.parse.quote(p.name) + ("/" if p.is_dir() else ""))
                    for p in target.iterdir()
                    if not p.name.startswith(".")
                )
                return self.send_html(200, pages.site_index(entries))
            target = index
        if not target.is_file():
            return self.send_error_page(404, f"niet gevonden: /site{rest}")
        self.send(200, target.read_bytes(), _media_type(target.name))


def _media_type(name: str) -> str:
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
        kind += "; charset=utf-8"
    return kind


def _iri(iri: str | None) -> str | None:
    """`iri` when Oxigraph takes it as an IRI (a path can decode to a space or a quote); else None."""
    if iri is None:
        return None
    try:
        ox.NamedNode(iri)
    except ValueError:
        return None
    return iri
