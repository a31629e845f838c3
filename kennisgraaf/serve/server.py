"""The HTTP server: its configuration, its worker pool, and the routes it answers.

    /                         the static site's home page (the network in numbers, themes, findings)
    /vragen                   the query page (named queries as examples, results as a table)
    /sparql                   SPARQL 1.1 Protocol endpoint (GET, POST form, POST query), read-only
    /api/queries              the named queries as JSON
    /api/queries/<name>/run   a named query with its parameters resolved (?onderwerp=pfas)
    /id/                      the kinds of resources; /id/<kind>/ lists one kind
    /id/<kind>/<slug>         one resource: HTML, or RDF by Accept, ?format= or extension (.ttl .nt .jsonld .rdf)
    /def, /def/               the ontology: pyLODE's documentation, or RDF likewise (/def.ttl, /def/index.ttl)
    /graph/, /graph/<name>    the build's named graphs; one of them as a page or as RDF likewise
    /site/...                 the network views and the report (files from --site)
    /static/...               the page's own script and style sheet

Queries from the network run in worker processes (see worker.py) with a time and a row
limit; the server's own fixed queries (resource pages, parameter lookup) run on a local
copy of the graph in this process.
"""

from __future__ import annotations

import functools
import os
import shutil
import socket
import tempfile
import threading
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

from .. import ontology_docs
from ..namespaces import GRAPH_BASE
from ..queries import Catalogue
from ..store import OxigraphStore
from . import graph_pages
from .handler import Handler
from .results import graph_body
from .worker import MB, Limits, WorkerPool


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
    max_bytes: int = 50 * MB  # bytes in one answer
    max_memory: int | None = 512 * MB  # address space of one worker process (RLIMIT_AS)
    body_timeout: float = 10.0  # seconds to receive a whole request body
    queue_wait: float = 0.5  # seconds a query may wait for a free worker before 503
    cors: str | None = None  # the origin allowed to read answers from a browser (Access-Control-Allow-Origin)
    log: object = None  # callable(str) for one line per request; None: silent


def default_workers() -> int:
    """Worker processes when none are asked for: one per cpu, at least 1, at most 4."""
    return max(1, min(4, os.cpu_count() or 1))


class KennisgraafServer:
    """The server with its worker pool; `serve_forever` blocks, `start` runs it in a thread.

    `store` is the build already loaded in this process (by `kennisgraaf serve`, which made
    the views from it), so it is not loaded a second time; without one it is loaded here.
    """

    def __init__(self, config: ServeConfig, store: OxigraphStore | None = None):
        self.config = config
        self._thread: threading.Thread | None = None
        # A private copy of the build: the cache may prune or replace it while we serve.
        self._tmp = Path(tempfile.mkdtemp(prefix="kennisgraaf-serve-"))
        try:
            graph_file = self._tmp / "graph.nq"
            shutil.copyfile(config.graph_file, graph_file)
            self.store = store if store is not None else OxigraphStore(graph_file)
            self.catalogue = Catalogue.load(config.queries_dir)
            limits = Limits(config.max_rows, config.max_bytes, config.max_memory)
            self.pool = WorkerPool(
                graph_file, size=config.workers, timeout=config.timeout, limits=limits, queue_wait=config.queue_wait
            )
            server_class = _HTTPServer6 if ":" in config.host else _HTTPServer
            self.httpd = server_class((config.host, config.port), Handler)
        except BaseException:
            self.close()
            raise
        self.httpd.app = self

    #: the ontology as the build loaded it (ontology/kennisgraaf.ttl): what /def/ serves
    ontology_graph = GRAPH_BASE + "ontology/kennisgraaf"

    @functools.cached_property
    def ontology_page(self) -> str:
        """The pyLODE page of the build's ontology: made on the first visit to /def/ (seconds), then kept."""
        triples = graph_pages.triples(self.store, self.ontology_graph)
        return ontology_docs.render_turtle(graph_body(triples, "turtle").decode("utf-8"))

    @functools.cached_property
    def home_page(self) -> str:
        """The site's home page on this build: made on the first visit to / (the analysis), then kept."""
        from .pages import home_page

        return home_page(self.store)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
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


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    app: KennisgraafServer

    def handle_error(self, request, client_address) -> None:
        """One line in the log for a connection that failed outside a route, never a traceback."""
        import sys

        err = sys.exc_info()[1]
        log = getattr(getattr(self, "app", None), "config", None)
        if log is not None and log.log:
            log.log(f"{client_address[0]} verbinding afgebroken: {type(err).__name__}: {err}")


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6
