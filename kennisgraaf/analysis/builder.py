"""Making an analysis network node by node: the loader's own tool, and the way tests and
benchmarks hand-build one.

`Builder.infer()` adds what the ontology entails from the edges built so far, by running the
build's rule engine (rules.py) on them (entailment.py): a hand-built network and a loaded one
get their theme-level relations from the same axioms, never from a copy of them in Python.
"""

from __future__ import annotations

import networkx as nx

from .graph import slug
from .kinds import INFERRED, KINDS


class Builder:
    """Build a network the way `load_network` does: for tests, benchmarks and the loader."""

    def __init__(self, graph: nx.MultiDiGraph | None = None):
        self.graph = graph if graph is not None else nx.MultiDiGraph()

    def node(self, iri: str, kind: str, label: str | None = None, **attrs) -> str:
        if kind not in KINDS:
            raise ValueError(f"unknown node kind {kind!r}")
        data = self.graph.nodes[iri] if iri in self.graph else {}
        data.update(attrs)
        data.update(kind=kind, iri=iri, label=label or data.get("label") or slug(iri))
        self.graph.add_node(iri, **data)
        return iri

    def edge(self, subject: str, prop: str, obj: str, inferred: bool | None = None) -> None:
        if inferred is None:
            inferred = prop in INFERRED
        if self.graph.has_edge(subject, obj, key=prop):
            self.graph.edges[subject, obj, prop]["inferred"] &= inferred
            return
        self.graph.add_edge(subject, obj, key=prop, property=prop, inferred=inferred)

    # conveniences for hand-built graphs --------------------------------------------

    def thema(self, iri: str, label: str, code: str | None = None, **attrs) -> str:
        return self.node(iri, "thema", label, code=code or label[:3].upper(), **attrs)

    def plan(self, iri: str, thema: str, bestand: str | None = None, **attrs) -> str:
        self.node(
            iri,
            "plan",
            attrs.pop("label", None) or f"Kennisplan {self.graph.nodes[thema]['label']}",
            thema=thema,
            bestand=bestand,
            **attrs,
        )
        self.edge(iri, "kn:thema", thema)
        return iri

    def item(self, kind: str, iri: str, plan: str, label: str | None = None, regel: int | None = None, **attrs) -> str:
        """An item stated by `plan` (kn:inPlan); its kn:vanThema follows from infer()."""
        thema = self.graph.nodes[plan]["thema"]
        bestand = self.graph.nodes[plan].get("bestand")
        bron = f"{bestand}:{regel}" if bestand and regel else bestand
        self.node(iri, kind, label, plan=plan, themas=(thema,), regel=regel, bron=bron, **attrs)
        self.edge(iri, "kn:inPlan", plan)
        return iri

    def infer(self) -> nx.MultiDiGraph:
        """Add the edges the ontology's axioms entail from the edges so far (the build's rule
        engine on them, see entailment.py), and drop the organisation mentions a stated
        partner or stakeholder makes redundant, as the loader does."""
        from .entailment import entailed_links
        from .mapping import drop_subsumed_mentions

        g = self.graph
        for s, p, o in entailed_links(g):
            self.edge(s, p, o)
        drop_subsumed_mentions(g)
        return g
