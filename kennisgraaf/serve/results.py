"""Query results written in the format a client asked for, with a cap on their size.

Solutions are written by `kennisgraaf.sparql_results` (the writer the CLI uses too), row by
row, so the row cap is checked while reading them; graphs are collected up to the cap and
written by Oxigraph.
"""

from __future__ import annotations

from itertools import islice

import pyoxigraph as ox

from ..namespaces import PREFIXES
from ..sparql_results import TooLarge, boolean_body, solutions_body

__all__ = ["TooLarge", "boolean_body", "capped", "graph_body", "limited", "solutions_body"]
RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def capped(items, limit: int) -> list:
    """The first `limit` items; TooLarge when there are more."""
    taken = list(islice(iter(items), limit + 1))
    if len(taken) > limit:
        raise TooLarge(limit)
    return taken


def limited(items, limit: int):
    """The items one by one; TooLarge as soon as there are more than `limit` (nothing is collected)."""
    for count, item in enumerate(items, 1):
        if count > limit:
            raise TooLarge(limit)
        yield item


def used_prefixes(triples: list) -> dict[str, str]:
    """The project prefixes whose namespace some IRI in `triples` starts with."""
    iris = {
        t.value
        for triple in triples
        for t in (triple.subject, triple.predicate, triple.object)
        if isinstance(t, ox.NamedNode)
    }
    iris |= {triple.object.datatype.value for triple in triples if isinstance(triple.object, ox.Literal)}
    return {p: ns for p, ns in PREFIXES.items() if any(iri.startswith(ns) for iri in iris)}


def graph_body(triples: list, key: str) -> bytes:
    fmt = RDF_FORMATS[key]
    prefixes = used_prefixes(triples) if key in ("turtle", "rdfxml") else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes) or b""
