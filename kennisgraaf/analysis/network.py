"""The reasoned RDF as a typed networkx graph: the one entry point the analyses load through.

`load_network(store, texts)` reads the reasoned store (reading.py: four bound SELECTs) and
maps the rows to a `networkx.MultiDiGraph` (mapping.py):

- nodes are IRIs (plain strings) with attributes `kind` (one of KINDS), `label`, `iri` and,
  where the plan text is known, `bron` ("kennisplan-2026-x.txt:123"); plus per kind the
  values the analyses need (a product's budget, quarters, form; a plan's totals; ...);
- edges run from subject to object, keyed by their property ("kn:inPlan") with the same
  value in the attribute `property` and `inferred=True` for the theme-level relations the
  build's reasoner materialised from the ontology's axioms (kn:vanThema, kn:raaktOnderwerp,
  kn:werktMet, kn:noemtWet, kn:verwantMet).

Every value is JSON-friendly (str, int, float, bool, tuple, dict) and the graph holds no
function, so a view can dump the attributes as they are and a cache can pickle the network.
The helpers the analyses read it with live in graph.py and axes.py and are named here too.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..bulk import collector_paused
from .axes import AXES, axis_sets, bipartite, theme_graph, theme_projection
from .builder import Builder
from .graph import (
    broader_graph,
    counted_themes,
    find_theme,
    items_of,
    label,
    nodes_of,
    plans_of,
    sources,
    targets,
    theme_choices,
)
from .graph import slug as _slug  # noqa: F401  (the themakaart command names its files with it)
from .kinds import INFERRED, ITEM_KINDS, KINDS
from .mapping import assemble
from .reading import read_plan_lines, read_rows
from .textlines import PlanTexts

__all__ = [
    "AXES",
    "INFERRED",
    "ITEM_KINDS",
    "KINDS",
    "Builder",
    "axis_sets",
    "bipartite",
    "broader_graph",
    "counted_themes",
    "find_theme",
    "items_of",
    "label",
    "load_network",
    "nodes_of",
    "plans_of",
    "sources",
    "targets",
    "theme_choices",
    "theme_graph",
    "theme_projection",
]


def load_network(store, texts: Path | None = None) -> nx.MultiDiGraph:
    """The typed networkx graph of everything the analyses use, read through `store`.

    `texts` is the folder of plan texts (graph/bronnen); it lets plan-level facts that carry
    no kn:bronRegel (totals, budgets, stated relations) point at the line that states them.
    """
    with collector_paused():  # a million edges, each a dict: bulk.py says why
        network = assemble(read_rows(store), PlanTexts(texts))
        _lines_per_plan(store, network)
    return network


def _lines_per_plan(store, network: nx.MultiDiGraph) -> None:
    """A recurring item (a meeting named by the plans of two years) has one line per plan, each
    stated in that plan's graph: kept as `regels_per_plan` so a view of one year cites its own."""
    recurring = {
        n
        for n, d in network.nodes(data=True)
        if d["kind"] in ITEM_KINDS and sum(1 for _, _, p in network.out_edges(n, keys=True) if p == "kn:inPlan") > 1
    }
    if not recurring:
        return
    for item, plan, regel in read_plan_lines(store):
        if item in recurring:
            network.nodes[item].setdefault("regels_per_plan", {})[plan] = regel
