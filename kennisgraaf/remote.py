"""A Store that asks a SPARQL 1.1 endpoint (Virtuoso, Fuseki, GraphDB, `kennisgraaf serve`).

Queries go out as the SPARQL 1.1 Protocol prescribes: an HTTP POST with a form body
(`query=…`), so long queries and non-ASCII text travel safely. SELECT and ASK results are
read as SPARQL JSON, CONSTRUCT and DESCRIBE results as N-Triples or Turtle, and every
term comes back as the same pyoxigraph term the local store gives, so a command cannot
tell the difference. The project prefixes are declared in front of every query, as the
local store predeclares them.

The endpoint must answer over the union of its graphs when a query names none, as the
local build does (Virtuoso and GraphDB do by default; Fuseki needs `unionDefaultGraph`).

Every call is bounded and every failure is one StoreError line (`httpclient`: the deadline,
the size cap, GET-only redirects, the wording of an error status); unreadable results are
one line too.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from .errors import QueryError, StoreError
from .httpclient import GRAPH_FORMATS, MAX_ANSWER_BYTES, check_url, error_text, fetch, status_error
from .namespaces import sparql_prologue
from .store import BaseStore, SelectResult

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
_USER_AGENT = "kennisgraaf (SPARQL 1.1 Protocol client)"


class RemoteStore(BaseStore):
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
            message = status_error(f"{self.endpoint}: query", err)
            # a 400 is the query's fault (the user fixes the text), anything else the store's
            raise (QueryError if err.code == 400 else StoreError)(message) from None

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

    def _select(self, query: str) -> SelectResult:
        solutions = self._results(query)
        if isinstance(solutions, ox.QueryBoolean):
            raise StoreError(f"{self.endpoint} gaf een ja/nee-antwoord op een SELECT-query")
        try:  # Oxigraph parses the solutions lazily, while they are read
            return SelectResult.from_solutions(solutions)
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
