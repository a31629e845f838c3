"""The whole graph (`alles`): every thing of the kinds in visuals/views.toml and every stated
relation between two of them, read straight from the store (asserted triples only: what the
reasoner derives would double every line)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePosixPath

import pyoxigraph as ox

from ..labels import name_of
from ..namespaces import GRAPH_BASE, INFERRED_GRAPH
from ..tables import compact
from .config import Config
from .context import Context
from .model import MAX_NODES, TOO_BIG, Edge, Node, Tip, TooManyNodes, ViewGraph
from .nodes import display_label, theme_tip, thing_tip
from .themes import new_view

TYPES = """
SELECT ?s ?type WHERE { ?s a ?type . FILTER(isIRI(?s)) }
"""

LINKS = """
SELECT DISTINCT ?s ?p ?o ?g WHERE {
  GRAPH ?g { ?s ?p ?o }
  FILTER(isIRI(?s) && isIRI(?o) && ?p != rdf:type && ?g != ?inferred)
}
"""

SOURCES = """
SELECT ?item ?g ?line ?file WHERE {
  GRAPH ?g { ?item kn:inPlan ?plan . OPTIONAL { ?item kn:bronRegel ?line } }
  ?plan kn:bronDocument ?doc .
  ?doc kn:bestandsnaam ?file .
}
"""


def _too_many(kinds: dict[str, str], config: Config) -> TooManyNodes:
    counts: dict[str, int] = defaultdict(int)
    for kind in kinds.values():
        counts[kind] += 1
    listed = "; ".join(f"{config.kinds[k].label.lower()}: {n}" for k, n in sorted(counts.items(), key=lambda c: -c[1]))
    return TooManyNodes(
        f"de weergave 'alles' zou {len(kinds)} knopen tonen ({listed}); boven {MAX_NODES} {TOO_BIG}. "
        "Kies een kleinere weergave: "
        "kennisgraaf view themas, kennisgraaf view thema --thema NAAM of kennisgraaf view organisaties"
    )


NETWORK_TIPS = ("product", "overleg", "bijeenkomst", "overdracht", "aangedragen", "organisatie", "wet", "onderwerp")


def alles(ctx: Context, config: Config, thema: str | None = None) -> ViewGraph:
    view = new_view(config, "alles")
    kinds = classify(ctx.store, config, view.definition.kinds)
    if len(kinds) > MAX_NODES:
        raise _too_many(kinds, config)
    sources = item_sources(ctx.store)
    labels = ctx.labels(kinds)
    for iri, kind in sorted(kinds.items()):
        view.add_node(_node(ctx, config, iri, kind, labels, sources))
    links: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for row in ctx.store.select(LINKS, {"inferred": ox.NamedNode(INFERRED_GRAPH)}).rows:
        s, o = row["s"].value, row["o"].value
        if s in kinds and o in kinds and s != o:
            links[(s, o)].append((row["p"].value, row["g"].value))
    names = ctx.labels({p for pairs in links.values() for p, _ in pairs})
    for (s, o), stated in sorted(links.items()):
        tip = Tip(f"{view.nodes[s].label} → {view.nodes[o].label}", "Relatie")
        for p, g in sorted(set(stated)):
            tip.add(names.get(p, compact(p)), view.nodes[o].label, *_statement_bron(s, g, sources))
        view.add_edge(Edge(s, o, "relatie", tip))
    view.focus = thema
    return view


def classify(store, config: Config, allowed) -> dict[str, str]:
    """IRI → kind, for every thing whose classes match one of the `allowed` kinds."""
    classes: dict[str, set[str]] = defaultdict(set)
    wanted = sorted({c for k in allowed for c in config.kinds[k].classes})
    for row in store.select(TYPES, {"type": [ox.NamedNode(c) for c in wanted]}).rows:
        classes[row["s"].value].add(row["type"].value)
    found = {}
    for iri, types in classes.items():
        kind = config.kind_of(types, iri)
        if kind is not None and kind in allowed:
            found[iri] = kind
    return found


def item_sources(store) -> dict[str, list[tuple[str, str]]]:
    """Item → [(named graph, "kennisplan-2026-x.txt:123")]: its line in each plan that names it."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in store.select(SOURCES).rows:
        name = PurePosixPath(row["file"].value).name
        bron = f"{name}:{row['line'].value}" if "line" in row else name
        out[row["item"].value].append((row["g"].value, bron))
    return {k: sorted(set(v)) for k, v in out.items()}


def _statement_bron(subject: str, graph: str, sources) -> tuple[str, ...]:
    """Where a triple is stated: the subject's line in that plan, else the file it is in."""
    same = [b for g, b in sources.get(subject, ()) if g == graph]
    if same:
        return tuple(same)
    if graph.startswith(GRAPH_BASE):
        return (graph[len(GRAPH_BASE) :] + ".ttl",)
    return ()


SUBTHEME = "subthema"


def _node(ctx: Context, config: Config, iri: str, kind: str, labels, sources) -> Node:
    name = name_of(iri, labels.get(iri))
    if kind == "thema" and iri in ctx.network:
        tip = theme_tip(ctx, config, iri)
    elif kind in NETWORK_TIPS and iri in ctx.network and ctx.kind(iri) == kind:
        tip = thing_tip(ctx, config, iri)
    else:
        tip = Tip(name, config.kinds[kind].label, bron=tuple(sorted({b for _, b in sources.get(iri, ())})))
    node = Node(iri, kind, display_label(ctx, iri) if iri in ctx.network else name, tip)
    if kind == "thema" and iri in ctx.network and iri not in ctx.themes():
        node.group = SUBTHEME  # shown, but counted apart (tellingen.rq: one definition of "thema")
    return node
