"""Who and what links the themes: bridging organisations and topics, and clusters of themes.

- Bridges: betweenness centrality (networkx) in the graph of themes, their topics and their
  organisations (the overlap axes onderwerpen and organisaties), over the shortest paths
  between themes only. An organisation or topic that lies on many of them connects the
  themes; only nodes next to two or more themes count. On large graphs the paths start from
  a seeded sample of `SAMPLE` themes, so runs repeat.
- Clusters: Louvain communities (networkx, fixed seed) of the theme–theme graph weighted by
  the mean Jaccard similarity over topics and laws (CLUSTER_AXES).
"""

from __future__ import annotations

import random

import networkx as nx

from .findings import Bridge
from .network import axis_sets, label, theme_graph

#: the one definition of "verbindend", used by the rapport, the themakaart and the query
#: organisaties-per-thema.rq
VERBINDEND = (
    "Een organisatie is verbindend als twee of meer thema's met haar werken: als partner van het plan "
    "of van een product, of als deelnemer aan een overleg van het thema. Alleen genoemd worden "
    "(als stakeholder) telt niet."
)
SEED = 2026
SAMPLE = 100  # themes to start shortest paths from on large graphs
BRIDGE_AXES = ("organisaties", "onderwerpen")
#: clusters follow what themes work on (topics, laws); nearly every theme shares the big
#: partners (gemeenten, provincies, IenW), which would melt everything into one cluster
CLUSTER_AXES = ("onderwerpen", "wetgeving")


def connecting_organisations(network: nx.MultiDiGraph, minimum: int = 2) -> list[tuple[str, tuple[str, ...]]]:
    """Every organisation that is verbindend (VERBINDEND: kn:werktMet from `minimum` or more
    themes), with those themes; the most themes first, then by name."""
    from .network import nodes_of, sources

    found = []
    for org in nodes_of(network, "organisatie"):
        themes = tuple(sorted(sources(network, org, "kn:werktMet"), key=lambda n: label(network, n)))
        if len(themes) >= minimum:
            found.append((org, themes))
    return sorted(found, key=lambda pair: (-len(pair[1]), label(network, pair[0]).casefold()))


def bridge_graph(network: nx.MultiDiGraph, axes=BRIDGE_AXES) -> nx.Graph:
    """Themes linked to their organisations and topics (one undirected graph)."""
    graph = nx.Graph()
    for axis in axes:
        for thema, items in axis_sets(network, axis).items():
            graph.add_node(thema, kind="thema")
            for item in items:
                graph.add_node(item, kind=network.nodes[item]["kind"])
                graph.add_edge(thema, item)
    return graph


def bridges(network: nx.MultiDiGraph, top: int | None = 10, axes=BRIDGE_AXES) -> list[Bridge]:
    """Organisations and topics by betweenness between themes (highest first), each next to
    ≥ 2 themes; `top` per kind (None: all).

    The betweenness counts only shortest paths from theme to theme (networkx
    `betweenness_centrality_subset`), divided by the number of theme pairs: 0.25 means a
    quarter of all theme pairs are linked through this organisation or topic (shared paths
    split evenly). With more than SAMPLE themes the paths start from a seeded sample of them.
    """
    graph = bridge_graph(network, axes)
    themes = sorted(n for n, d in graph.nodes(data=True) if d["kind"] == "thema")
    if len(themes) < 2:
        return []
    sources = themes if len(themes) <= SAMPLE else sorted(random.Random(SEED).sample(themes, SAMPLE))
    raw = nx.betweenness_centrality_subset(graph, sources=sources, targets=themes, normalized=False)
    pairs = len(sources) * (len(themes) - 1) / 2
    found: dict[str, list[Bridge]] = {}
    for node, score in raw.items():
        kind = graph.nodes[node]["kind"]
        if kind == "thema":
            continue
        near = tuple(
            sorted((n for n in graph[node] if graph.nodes[n]["kind"] == "thema"), key=lambda n: label(network, n))
        )
        if len(near) < 2:
            continue
        found.setdefault(kind, []).append(Bridge(node, kind, score / pairs, near))
    out: list[Bridge] = []
    for kind in sorted(found):
        ranked = sorted(found[kind], key=lambda b: (-b.betweenness, -len(b.themas), label(network, b.node)))
        out.extend(ranked if top is None else ranked[:top])
    return out


def clusters(network: nx.MultiDiGraph, axes=CLUSTER_AXES, resolution: float = 1.0, found=None) -> list[tuple[str, ...]]:
    """Groups of themes that overlap most with each other (Louvain, fixed seed), largest first.
    `found`: overlaps already computed over (at least) these axes, to reuse their similarities."""
    if found is not None:
        from .overlap import weighted_graph

        graph = weighted_graph(found, axes)
    else:
        graph = theme_graph(network, axes)
    if graph.number_of_nodes() == 0:
        return []
    communities = nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=SEED)
    groups = [tuple(sorted(c, key=lambda n: label(network, n))) for c in communities]
    return sorted(groups, key=lambda g: (-len(g), label(network, g[0])))
