"""What the ontology entails from a network's own edges, by the build's rule engine.

A hand-built network (tests) or one cut to a single plan year (years.scope) has no reasoned
store behind it. Its edges go into a small Oxigraph store next to the ontology, `reason.
materialise` runs the rules derived from the ontology's axioms (subproperty, inverse,
transitive, property chains, ...), and the loader's own query (reading.read_links) reads the
links back: so the relations come from the same axioms as the build's, never from a copy of
them in Python.
"""

from __future__ import annotations

from functools import cache

import networkx as nx
import pyoxigraph as ox

from ..namespaces import GRAPH_BASE
from .mapping import edge_properties, expand

_ONTOLOGY = ox.NamedNode(GRAPH_BASE + "netwerk-ontologie")
_EDGES = ox.NamedNode(GRAPH_BASE + "netwerk-kanten")


@cache
def _ontology_quads() -> tuple[ox.Quad, ...]:
    from ..sources import shipped_root

    path = shipped_root() / "ontology" / "kennisgraaf.ttl"
    return tuple(
        ox.Quad(t.subject, t.predicate, t.object, _ONTOLOGY)
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
    )


def entailed_links(network: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    """(subject, compact property, object) between two nodes of `network` that the ontology
    entails from its edges and that it does not hold yet."""
    from ..reason import materialise
    from ..store import OxigraphStore
    from .reading import read_links

    store = ox.Store()
    store.extend(_ontology_quads())
    store.extend(
        ox.Quad(ox.NamedNode(s), ox.NamedNode(expand(p)), ox.NamedNode(o), _EDGES)
        for s, o, p in network.edges(keys=True)
    )
    materialise(store, asserted_graphs=[_ONTOLOGY, _EDGES])
    links = read_links(OxigraphStore(store=store), edge_properties())
    return sorted((s, p, o) for s, p, o in links if s in network and o in network and not network.has_edge(s, o, key=p))
