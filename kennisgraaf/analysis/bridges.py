"""Who and what links the themes: bridging organisations and topics, and clusters of themes.

- Bridges: betweenness centrality (networkx) in the graph of themes, their topics and their
  organisations (the overlap axes onderwerpen and organisaties). An organisation or topic
  that lies on many shortest paths between themes connects them; only nodes next to two or
  more themes count as bridges. On large graphs betweenness is estimated from a fixed sample
  of `SAMPLE` source nodes (seeded, so runs repeat).
- Clusters: Louvain communities (networkx, fixed seed) of the theme–theme graph weighted by
  the mean Jaccard similarity over topics and laws (CLUSTER_AXES).
"""

from __future__ import annotations

import networkx as nx

from .findings import Bridge
from .network import axis_sets, label, theme_graph

SEED = 2026
SAMPLE = 400
BRIDGE_AXES = ("organisaties", "onderwerpen")
#: clusters follow what themes work on (topics, laws); nearly every theme shares the big
#: partners (gemeenten, provincies, IenW), which would melt everything into one cluster
CLUSTER_AXES = ("onderwerpen", "wetgeving")


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
    """Organisations and topics by betweenness (highest first), each next to ≥ 2 themes;
    `top` per kind (None: all)."""
    graph = bridge_graph(network, axes)
    if graph.number_of_nodes() == 0:
        return []
    k = SAMPLE if graph.number_of_nodes() > 2 * SAMPLE else None
    centrality = nx.betweenness_centrality(graph, k=k, seed=SEED if k else None, normalized=True)
    found: dict[str, list[Bridge]] = {}
    for node, score in centrality.items():
        kind = graph.nodes[node]["kind"]
        if kind == "thema":
            continue
        themes = tuple(sorted((n for n in graph[node] if graph.nodes[n]["kind"] == "thema"),
                              key=lambda n: label(network, n)))
        if len(themes) < 2:
            continue
        found.setdefault(kind, []).append(Bridge(node, kind, score, themes))
    out: list[Bridge] = []
    for kind in sorted(found):
        ranked = sorted(found[kind], key=lambda b: (-b.betweenness, -len(b.themas), label(network, b.node)))
        out.extend(ranked if top is None else ranked[:top])
    return out


def clusters(network: nx.MultiDiGraph, axes=CLUSTER_AXES, resolution: float = 1.0) -> list[tuple[str, ...]]:
    """Groups of themes that overlap most with each other (Louvain, fixed seed), largest first."""
    graph = theme_graph(network, axes)
    if graph.number_of_nodes() == 0:
        return []
    communities = nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=SEED)
    groups = [tuple(sorted(c, key=lambda n: label(network, n))) for c in communities]
    return sorted(groups, key=lambda g: (-len(g), label(network, g[0])))
