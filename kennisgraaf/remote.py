"""A Store that asks a SPARQL 1.1 endpoint (Virtuoso, Fuseki, GraphDB, `kennisgraaf serve`).

Queries go out as the SPARQL 1.1 Protocol prescribes: an HTTP POST with a form body
(`query=…`), so long queries and non-ASCII text travel safely. SELECT and ASK results are
read as SPARQL JSON, CONSTRUCT and DESCRIBE results as N-Triples or Turtle, and every
term comes back as the same pyoxigraph term the local store gives, so a command cannot
tell the difference. The project prefixes are declared in front of every query, as the
local store predeclares them.

The endpoint must answer over the union of its graphs when a query names none, as the
local build does (Virtuoso and GraphDB do by default; Fuseki needs `unionDefaultGraph`).

Every call is bounded: a total deadline (not a per-packet timeout, which a server sending
one byte every few seconds never trips), a cap on the answer's size, redirects followed
for GET only (urllib would silently turn a POST into a GET), and every malformed answer
(bad status line, truncated or badly chunked body, too many headers, unreadable results)
becomes one StoreError line.
"""

from __future__ import annotations

import functools
import http.client
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from .errors import QueryError, StoreError
from .namespaces import sparql_prologue
from .store import ResultSet, Store

DEFAULT_TIMEOUT = 60.0
MAX_ANSWER_BYTES = 100 * 1024 * 1024
_RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
_RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
#: media type of an RDF answer → how Oxigraph parses it (shared with publish)
GRAPH_FORMATS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
_USER_AGENT = "kennisgraaf (SPARQL 1.1 Protocol client)"


class Deadline:
    """One total time limit for a request, its redirects and its authentication round trips.

    Every connection opened under it is shut down when the time is up, which ends any read
    that is still waiting, however slowly the server drips its bytes.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def left(self) -> float:
        return max(0.01, self.at - time.monotonic())

    def track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _DeadlineMixin:
    """A connection whose socket timeout never outlasts the call's deadline, and whose socket
    the deadline can shut when time is up (http and https alike)."""

    def __init__(self, *args, deadline: Deadline, **kwargs):
        kwargs["timeout"] = min(kwargs.get("timeout") or deadline.left(), deadline.left())
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def connect(self) -> None:
        super().connect()
        self._deadline.track(self.sock)


class _Connection(_DeadlineMixin, http.client.HTTPConnection):
    pass


class _SecureConnection(_DeadlineMixin, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: Deadline):
        super().__init__()
        self.deadline = deadline

    def http_open(self, req):
        return self.do_open(functools.partial(_Connection, deadline=self.deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: Deadline):
        super().__init__()
        self.deadline = deadline

    def https_open(self, req):
        return self.do_open(functools.partial(_SecureConnection, deadline=self.deadline), req, context=self._context)


class _RedirectGetOnly(urllib.request.HTTPRedirectHandler):
    """Follow a redirect for GET and HEAD; for POST, PUT or DELETE say where it points instead."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        method = req.get_method()
        if method not in ("GET", "HEAD"):
            raise StoreError(
                f"{req.full_url} stuurt door (HTTP {code}) naar {newurl}; een {method} wordt niet "
                "doorgestuurd (dat zou er stil een GET van maken): gebruik het nieuwe adres"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def http_opener(
    url: str, user: str | None = None, password: str | None = None, deadline: Deadline | None = None
) -> urllib.request.OpenerDirector:
    """An opener that answers a Basic or Digest challenge for `url` with these credentials.

    Shared with `publish`: Virtuoso asks for Digest on its -auth endpoints, Fuseki and
    GraphDB for Basic; urllib answers whichever the server offers. With a `deadline`,
    every connection it opens is bounded by it; redirects are followed for GET only.
    """
    handlers: list[urllib.request.BaseHandler] = [_RedirectGetOnly()]
    if deadline is not None:
        handlers += [_HTTPHandler(deadline), _HTTPSHandler(deadline)]
    if user is not None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, user, password or "")
        handlers += [urllib.request.HTTPDigestAuthHandler(passwords), urllib.request.HTTPBasicAuthHandler(passwords)]
    return urllib.request.build_opener(*handlers)


def read_capped(response, limit: int, what: str) -> bytes:
    """The whole body, or StoreError once it is larger than `limit` bytes."""
    chunks, size = [], 0
    while True:
        chunk = response.read(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise StoreError(f"{what}: het antwoord is groter dan {limit // (1024 * 1024)} MB en is afgebroken")
        chunks.append(chunk)


def fetch(
    request: urllib.request.Request,
    *,
    url: str,
    user: str | None,
    password: str | None,
    timeout: float,
    max_bytes: int = MAX_ANSWER_BYTES,
    what: str = "",
) -> tuple[int, str, bytes]:
    """Send one request within a total deadline; (status, media type, body).

    HTTPError is passed on (with its body already read, capped) for the caller to word;
    every other failure becomes one StoreError line.
    """
    what = what or url
    deadline = Deadline(timeout)
    opener = http_opener(url, user, password, deadline)
    try:
        with opener.open(request, timeout=timeout) as response:
            body = read_capped(response, max_bytes, what)
            if deadline.expired:
                raise TimeoutError
            return response.status, media_type(response.headers.get("Content-Type")), body
    except urllib.error.HTTPError as err:
        try:
            err.capped_body = read_capped(err, 64 * 1024, what)
        except (OSError, http.client.HTTPException, ValueError, StoreError):
            err.capped_body = b""
        raise
    except TimeoutError:
        raise StoreError(f"{what} gaf binnen {timeout:g} s geen antwoord (totale tijdslimiet)") from None
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError) or deadline.expired:
            raise StoreError(f"{what} gaf binnen {timeout:g} s geen antwoord (totale tijdslimiet)") from None
        raise StoreError(f"{what} is niet bereikbaar: {err.reason}") from None
    except (http.client.HTTPException, ValueError) as err:
        if deadline.expired:
            raise StoreError(f"{what} gaf binnen {timeout:g} s geen antwoord (totale tijdslimiet)") from None
        kind = type(err).__name__
        detail = " ".join(str(err).split())[:160]
        raise StoreError(f"{what}: ongeldig HTTP-antwoord ({kind}{': ' + detail if detail else ''})") from None
    except OSError as err:
        if deadline.expired:
            raise StoreError(f"{what} gaf binnen {timeout:g} s geen antwoord (totale tijdslimiet)") from None
        raise StoreError(f"{what} is niet bereikbaar: {err}") from None
    finally:
        deadline.cancel()


def check_url(url: str, what: str = "endpoint") -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise StoreError(f"{what} moet een http(s)-URL zijn, niet {url!r}")
    return url


def media_type(content_type: str | None) -> str:
    """`application/sparql-results+json; charset=utf-8` → `application/sparql-results+json`."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def error_text(body: bytes, limit: int = 400) -> str:
    """The first lines of an error body, readable on one terminal line."""
    text = body.decode("utf-8", errors="replace").strip()
    text = " ".join(text.split())
    return text[:limit] + ("…" if len(text) > limit else "")


class RemoteStore(Store):
    """A SPARQL 1.1 Protocol endpoint, read-only, with a timeout per request."""

    name = "endpoint"

    def __init__(
        self,
        endpoint: str,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        user: str | None = None,
        password: str | None = None,
        max_bytes: int = MAX_ANSWER_BYTES,
    ):
        self.endpoint = check_url(endpoint)
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._user, self._password = user, password
        self._prologue = sparql_prologue()

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint!r})"

    # -- the protocol -------------------------------------------------------------------

    def request(self, query: str, accept: str) -> tuple[str, bytes]:
        """POST the query (with the project prologue); the response's media type and body."""
        body = urllib.parse.urlencode({"query": self._prologue + query}).encode("utf-8")
        request = urllib.request.Request(
            self.endpoint,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                "Accept": accept,
                "User-Agent": _USER_AGENT,
            },
        )
        try:
            _, kind, data = fetch(
                request,
                url=self.endpoint,
                user=self._user,
                password=self._password,
                timeout=self.timeout,
                max_bytes=self.max_bytes,
            )
            return kind, data
        except urllib.error.HTTPError as err:
            detail = error_text(getattr(err, "capped_body", b"")) or err.reason
            if err.code == 400:
                raise QueryError(f"het endpoint weigert de query (HTTP 400): {detail}") from None
            if err.code in (401, 403):
                raise StoreError(f"{self.endpoint}: geen toegang (HTTP {err.code}): {detail}") from None
            raise StoreError(f"{self.endpoint} antwoordt met HTTP {err.code}: {detail}") from None

    def _results(self, query: str):
        kind, body = self.request(query, _RESULTS_ACCEPT)
        fmt = _RESULT_FORMATS.get(kind)
        if fmt is None:
            raise StoreError(
                f"{self.endpoint} gaf {kind or 'geen mediatype'} terug in plaats van SPARQL-resultaten: "
                f"{error_text(body, 200)}"
            )
        try:
            return ox.parse_query_results(body, format=fmt)
        except (SyntaxError, ValueError) as err:
            raise StoreError(f"{self.endpoint}: onleesbare SPARQL-resultaten ({kind}): {err}") from None

    # -- the Store interface ------------------------------------------------------------

    def _unreadable(self, err: Exception) -> StoreError:
        return StoreError(f"{self.endpoint}: onleesbare SPARQL-resultaten: {' '.join(str(err).split())[:200]}")

    def _select(self, query: str) -> ResultSet:
        solutions = self._results(query)
        if isinstance(solutions, ox.QueryBoolean):
            raise StoreError(f"{self.endpoint} gaf een ja/nee-antwoord op een SELECT-query")
        try:  # Oxigraph parses the solutions lazily, while they are read
            return ResultSet.from_solutions(solutions)
        except (SyntaxError, ValueError, TypeError) as err:
            problem = self._unreadable(err)
        del solutions  # not kept alive by the traceback: Oxigraph's results belong to this thread
        raise problem

    def _ask(self, query: str) -> bool:
        answer = self._results(query)
        if isinstance(answer, ox.QueryBoolean):
            return bool(answer)
        # Virtuoso 7 answers ASK as a one-column SELECT (`__ASK_RETVAL`): no row is false,
        # one row holding 1 (or true) is true.
        if len(answer.variables) == 1:
            try:
                rows = [solution[0] for solution in answer]
            except (SyntaxError, ValueError, TypeError) as err:
                problem = self._unreadable(err)
                del answer
                raise problem from None
            if len(rows) <= 1:
                return bool(rows) and rows[0] is not None and rows[0].value in ("1", "true")
        raise StoreError(f"{self.endpoint} gaf rijen terug op een ASK-query")

    def _construct(self, query: str) -> list[ox.Triple]:
        kind, body = self.request(query, _GRAPH_ACCEPT)
        fmt = GRAPH_FORMATS.get(kind)
        if fmt is None:
            raise StoreError(
                f"{self.endpoint} gaf {kind or 'geen mediatype'} terug in plaats van RDF: {error_text(body, 200)}"
            )
        try:
            return [quad.triple for quad in ox.parse(body, format=fmt)]
        except (SyntaxError, ValueError) as err:
            raise StoreError(f"{self.endpoint}: onleesbare RDF ({kind}): {err}") from None
