"""A Store that asks a SPARQL 1.1 endpoint (Virtuoso, Fuseki, GraphDB, `kennisgraaf serve`).

Queries go out as the SPARQL 1.1 Protocol prescribes: an HTTP POST with a form body
(`query=…`), so long queries and non-ASCII text travel safely. SELECT and ASK results are
read as SPARQL JSON, CONSTRUCT and DESCRIBE results as N-Triples or Turtle, and every
term comes back as the same pyoxigraph term the local store gives, so a command cannot
tell the difference. The project prefixes are declared in front of every query, as the
local store predeclares them.

The endpoint must answer over the union of its graphs when a query names none, as the
local build does (Virtuoso and GraphDB do by default; Fuseki needs `unionDefaultGraph`).
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from .errors import QueryError, StoreError
from .namespaces import sparql_prologue
from .store import ResultSet, Store

DEFAULT_TIMEOUT = 60.0
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


def http_opener(url: str, user: str | None = None, password: str | None = None) -> urllib.request.OpenerDirector:
    """An opener that answers a Basic or Digest challenge for `url` with these credentials.

    Shared with `publish`: Virtuoso asks for Digest on its -auth endpoints, Fuseki and
    GraphDB for Basic; urllib answers whichever the server offers.
    """
    handlers: list[urllib.request.BaseHandler] = []
    if user is not None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, user, password or "")
        handlers += [urllib.request.HTTPDigestAuthHandler(passwords), urllib.request.HTTPBasicAuthHandler(passwords)]
    return urllib.request.build_opener(*handlers)


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
    ):
        self.endpoint = check_url(endpoint)
        self.timeout = timeout
        self._opener = http_opener(endpoint, user, password)
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
            with self._opener.open(request, timeout=self.timeout) as response:
                return media_type(response.headers.get("Content-Type")), response.read()
        except urllib.error.HTTPError as err:
            detail = error_text(err.read() or b"") or err.reason
            if err.code == 400:
                raise QueryError(f"het endpoint weigert de query (HTTP 400): {detail}") from None
            if err.code in (401, 403):
                raise StoreError(f"{self.endpoint}: geen toegang (HTTP {err.code}): {detail}") from None
            raise StoreError(f"{self.endpoint} antwoordt met HTTP {err.code}: {detail}") from None
        except TimeoutError:
            raise StoreError(f"{self.endpoint} gaf binnen {self.timeout:g} s geen antwoord") from None
        except urllib.error.URLError as err:
            reason = err.reason
            if isinstance(reason, TimeoutError):
                raise StoreError(f"{self.endpoint} gaf binnen {self.timeout:g} s geen antwoord") from None
            raise StoreError(f"{self.endpoint} is niet bereikbaar: {reason}") from None
        except (ConnectionError, OSError) as err:
            raise StoreError(f"{self.endpoint} is niet bereikbaar: {err}") from None

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

    def _select(self, query: str) -> ResultSet:
        solutions = self._results(query)
        if isinstance(solutions, ox.QueryBoolean):
            raise StoreError(f"{self.endpoint} gaf een ja/nee-antwoord op een SELECT-query")
        return ResultSet.from_solutions(solutions)

    def _ask(self, query: str) -> bool:
        answer = self._results(query)
        if isinstance(answer, ox.QueryBoolean):
            return bool(answer)
        # Virtuoso 7 answers ASK as a one-column SELECT (`__ASK_RETVAL`): no row is false,
        # one row holding 1 (or true) is true.
        if len(answer.variables) == 1:
            rows = [solution[0] for solution in answer]
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
