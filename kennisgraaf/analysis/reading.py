"""Reading what the analysis network needs from the reasoned store: four SELECTs, values bound.

The queries live in kennisgraaf/sparql/netwerk-*.rq; the properties they read are bound from
mapping.py (one list, so the loader reads exactly what the mapping knows how to place). The
store is the build's reasoned graph, so the theme-level relations (kn:raaktOnderwerp,
kn:werktMet, ...) arrive as the rule engine materialised them from the ontology's axioms.
The result is plain data (`Rows`), the seam where a cache can keep what was read.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

import pyoxigraph as ox

from .. import sparql
from ..namespaces import XSD
from ..tables import compact, plain
from .mapping import LINK_PROPERTIES, VALUE_PROPERTIES, expand


@dataclass
class Rows:
    """What the store holds for the network, keyed by IRI; properties compact ("kn:inPlan")."""

    kinds: dict[str, str]
    names: dict[str, dict[str, list[str]]]
    links: list[tuple[str, str, str]]
    values: dict[str, dict[str, list]]


#: a few dozen properties, each read thousands of times: compacted once each
_compact = cache(compact)


def _bound(properties: tuple[str, ...]) -> dict[str, list[ox.NamedNode]]:
    return {"p": [ox.NamedNode(expand(p)) for p in properties]}


def value(term):
    """A JSON-friendly Python value for a literal: `tables.plain`, with decimals as floats and a
    gYear as its number."""
    if term.datatype.value == XSD.gYear:
        return int(term.value[:4])
    found = plain(term)
    return float(found) if isinstance(found, Decimal) else found


def statements(store, query: str, properties: tuple[str, ...], kind: type) -> list[tuple[str, str, Any]]:
    """(subject IRI, compact property, object) for every distinct statement of `properties`
    whose subject is an IRI and whose object is of `kind` (an IRI or a literal): the answer to
    `query` (netwerk-relaties, netwerk-eigenschappen). A local store gives the same rows in the
    same order from its index (`with_predicate`; tests/test_analysis_network.py holds the two
    equal), without the query's cost: 31 s at 1 M for the SELECTs, most of the first analysis."""
    direct = getattr(store, "with_predicate", None)
    if direct is None:  # an endpoint
        rows = store.select(sparql.text(query), _bound(properties)).rows
        return [(r["s"].value, _compact(r["p"].value), r["o"]) for r in rows]
    found: dict[tuple[str, str, Any], None] = {}
    for prop in properties:
        iri = expand(prop)
        short = _compact(iri)
        for quad in direct(ox.NamedNode(iri)):
            if isinstance(quad.subject, ox.NamedNode) and isinstance(quad.object, kind):
                found.setdefault((quad.subject.value, short, quad.object))
    return list(found)


def read_links(store, properties: tuple[str, ...] = LINK_PROPERTIES) -> list[tuple[str, str, str]]:
    """(subject, compact property, object) for every IRI-to-IRI statement of `properties`."""
    return [(s, p, o.value) for s, p, o in statements(store, "netwerk-relaties", properties, ox.NamedNode)]


def read_rows(store) -> Rows:
    kinds = {r["node"].value: r["kind"].value for r in store.select(sparql.text("netwerk-knopen")).rows}
    names: dict[str, dict[str, list[str]]] = {}
    for row in store.select(sparql.text("netwerk-namen")).rows:
        names.setdefault(row["node"].value, {}).setdefault(row["soort"].value, []).append(row["tekst"].value)
    values: dict[str, dict[str, list]] = {}
    for s, p, o in statements(store, "netwerk-eigenschappen", VALUE_PROPERTIES, ox.Literal):
        values.setdefault(s, {}).setdefault(p, []).append(value(o))
    return Rows(kinds, names, read_links(store), values)


def read_plan_lines(store) -> list[tuple[str, str, int]]:
    """(item, plan, line) as each plan's own graph states it (a recurring item has one per plan)."""
    rows = store.select(sparql.text("netwerk-planregels")).rows
    return [(r["item"].value, r["plan"].value, int(r["regel"].value)) for r in rows]
