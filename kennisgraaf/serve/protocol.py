"""The SPARQL 1.1 Protocol, query operation: what a GET or POST to /sparql asks for.

Three ways to send a query (https://www.w3.org/TR/sparql11-protocol/#query-operation):
GET with `?query=`, POST with a form body, POST with the query as the body
(`application/sparql-query`); `default-graph-uri` and `named-graph-uri` choose the
dataset. This endpoint is read-only: an update, in any of its forms, is refused with 403,
as is a query that would call another server (SERVICE). The request is sorted out here;
the query itself is parsed and checked by the guard in the worker process that runs it,
under the worker's time and memory limits.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass


@dataclass(frozen=True)
class SparqlRequest:
    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    fmt: str | None = None


class ProtocolError(Exception):
    def __init__(self, status: int, message: str):
        self.status, self.message = status, message
        super().__init__(message)


READ_ONLY = (
    "alleen-lezen: dit endpoint voert geen SPARQL Update uit (INSERT, DELETE, LOAD, ...); "
    "stuur een SELECT, ASK, CONSTRUCT of DESCRIBE"
)


def _form(text: str) -> dict[str, list[str]]:
    try:
        return urllib.parse.parse_qs(text, keep_blank_values=True, strict_parsing=False, errors="strict")
    except UnicodeDecodeError:
        raise ProtocolError(400, "de parameters zijn geen geldige UTF-8") from None


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise ProtocolError(400, f"parameter {name!r} mag maar één keer voorkomen")
    return values[0] if values else None


def _request(query: str | None, params: dict[str, list[str]]) -> SparqlRequest:
    if "update" in params:
        raise ProtocolError(403, READ_ONLY)
    if query is None or not query.strip():
        raise ProtocolError(
            400,
            "geen query: geef de parameter 'query' (GET of formulier) of stuur "
            "de query als body met Content-Type application/sparql-query",
        )
    graphs = {}
    for name in ("default-graph-uri", "named-graph-uri"):
        iris = tuple(params.get(name, []))
        for iri in iris:
            if not urllib.parse.urlsplit(iri).scheme:
                raise ProtocolError(400, f"{name}: {iri!r} is geen absolute IRI")
        graphs[name] = iris
    return SparqlRequest(query, graphs["default-graph-uri"], graphs["named-graph-uri"], _one(params, "format"))


def from_get(query_string: str) -> SparqlRequest:
    params = _form(query_string)
    return _request(_one(params, "query"), params)


def from_post(content_type: str | None, body: bytes, query_string: str) -> SparqlRequest:
    media = (content_type or "").split(";", 1)[0].strip().lower()
    url_params = _form(query_string)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, "de body is geen geldige UTF-8") from None
    if media == "application/x-www-form-urlencoded":
        params = _form(text)
        for name in ("default-graph-uri", "named-graph-uri", "format"):
            params.setdefault(name, url_params.get(name, []))
        if "query" in url_params:
            raise ProtocolError(400, "geef de query in de body, niet ook in de URL")
        return _request(_one(params, "query"), params)
    if media == "application/sparql-query":
        if "query" in url_params:
            raise ProtocolError(400, "geef de query in de body, niet ook in de URL")
        return _request(text, url_params)
    if media == "application/sparql-update":
        raise ProtocolError(403, READ_ONLY)
    raise ProtocolError(
        415,
        f"onbekend Content-Type {media or '(geen)'}: gebruik application/x-www-form-urlencoded "
        "of application/sparql-query",
    )
