"""The overlap axes: what a theme shares with another, as sets, bipartite graphs and projections.

overlap.py ranks pairs of themes and bridges.py finds clusters on these; the axis definitions
live here once so both read the same sets.
"""

from __future__ import annotations

import networkx as nx

from .graph import items_of, label, nodes_of, plans_of, targets

#: the overlap axes: what a theme shares with another (see `axis_sets`)
AXES = ("onderwerpen", "organisaties", "wetgeving", "overleggen")


def axis_sets(network: nx.MultiDiGraph, axis: str) -> dict[str, frozenset[str]]:
    """Per theme, its items on one overlap axis.

    onderwerpen   kn:raaktOnderwerp (its plan, products, meetings, events or raised topics are
                  about the topic or a narrower one), without the grouping concepts at the top
                  of the scheme (Stoffen, Water, Energie, ...) that would make every pair alike;
    organisaties  kn:werktMet (partner of the plan or a product, member of a meeting) and any
                  organisation the plan names as stakeholder;
    wetgeving     kn:noemtWet (the plan or a product names the law);
    overleggen    the organisations the theme meets at its own meetings, networks and working
                  groups (members and the body that runs it): two themes that each have a
                  table with IPO share IPO here, even when their meetings are different.
    """
    if axis not in AXES:
        raise ValueError(f"onbekende as {axis!r}; kies uit {', '.join(AXES)}")
    out: dict[str, frozenset[str]] = {}
    tops = _grouping_topics(network) if axis == "onderwerpen" else set()
    for thema in nodes_of(network, "thema"):
        if axis == "onderwerpen":
            found = targets(network, thema, "kn:raaktOnderwerp") - tops
        elif axis == "organisaties":
            found = targets(network, thema, "kn:werktMet")
            for plan in plans_of(network, thema):
                found |= targets(network, plan, "kn:partner", "kn:stakeholder", "kn:noemtOrganisatie")
        elif axis == "wetgeving":
            found = targets(network, thema, "kn:noemtWet")
        else:
            found = set()
            for meeting in items_of(network, thema, "overleg"):
                found |= targets(network, meeting, "org:hasMember", "kn:beheerder")
        found = {n for n in found if n in network}
        if found:
            out[thema] = frozenset(found)
    return out


def _grouping_topics(network) -> set[str]:
    """Topics only there to group others: a broader concept that no plan or item names itself."""
    named = {o for _, o, p in network.edges(keys=True) if p == "kn:onderwerp"}
    has_narrower = {o for _, o, p in network.edges(keys=True) if p == "skos:broader"}
    return has_narrower - named


def bipartite(network: nx.MultiDiGraph, axis: str, sets: dict[str, frozenset[str]] | None = None) -> nx.Graph:
    """Theme–item bipartite graph of one axis (themes bipartite=0, items bipartite=1); `sets`:
    that axis's `axis_sets`, when the caller has them already."""
    graph = nx.Graph(axis=axis)
    for thema, items in (axis_sets(network, axis) if sets is None else sets).items():
        graph.add_node(thema, bipartite=0, kind="thema", label=label(network, thema))
        for item in items:
            graph.add_node(item, bipartite=1, kind=network.nodes[item]["kind"], label=label(network, item))
            graph.add_edge(thema, item)
    return graph


def theme_projection(network: nx.MultiDiGraph, axis: str, sets: dict[str, frozenset[str]] | None = None) -> nx.Graph:
    """Theme–theme graph of one axis, weighted by the Jaccard similarity of their items."""
    graph = bipartite(network, axis, sets)
    themes = [n for n, d in graph.nodes(data=True) if d["bipartite"] == 0]
    return nx.bipartite.overlap_weighted_projected_graph(graph, themes, jaccard=True)


def theme_graph(network: nx.MultiDiGraph, axes=None) -> nx.Graph:
    """Theme–theme graph over several axes: `weight` is the mean Jaccard over the axes,
    and one attribute per axis holds that axis's similarity."""
    axes = tuple(axes or AXES)
    graph = nx.Graph(axes=axes)
    active = set()
    for axis in axes:
        projection = theme_projection(network, axis)
        active |= set(projection)
        for a, b, data in projection.edges(data=True):
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, **{ax: 0.0 for ax in axes})
            graph.edges[a, b][axis] = data["weight"]
    for thema in active:
        graph.add_node(thema, label=label(network, thema), code=network.nodes[thema].get("code"))
    for _, _, data in graph.edges(data=True):
        data["weight"] = sum(data[ax] for ax in axes) / len(axes)
    return graph
