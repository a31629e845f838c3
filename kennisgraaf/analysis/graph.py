"""Reading the analysis network: the helpers every analysis and view shares.

One definition each of "the plans of a theme", "the topics under a topic", "the themes a
report counts" and "the theme a person means", so that the gap rules, the overlap axes
and the views (views/context.py) cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

import networkx as nx

from ..labels import name_of
from ..slugs import local_name as slug

T = TypeVar("T")

#: per network: its size when last read, and what was read from it then
_MEMO: WeakKeyDictionary[nx.Graph, tuple[int, dict[str, Any]]] = WeakKeyDictionary()


def memo(network: nx.Graph, key: str, compute: Callable[[], T]) -> T:
    """What `compute` reads from the whole network, read once per network rather than once per
    finding (a gap rule asks for the plans of a kind thousands of times: quadratic at 100 k).
    Only what the nodes hold belongs here: read again when the network gains or loses a node
    (the builder still growing it); counting edges would cost a pass over them (networkx)."""
    size = network.number_of_nodes()
    kept = _MEMO.get(network)
    if kept is None or kept[0] != size:
        kept = (size, {})
        _MEMO[network] = kept
    if key not in kept[1]:
        kept[1][key] = compute()
    return kept[1][key]


def _by_kind(network: nx.Graph) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for n, d in network.nodes(data=True):
        found.setdefault(d.get("kind"), []).append(n)
    return {kind: sorted(nodes) for kind, nodes in found.items()}


def nodes_of(network: nx.MultiDiGraph, kind: str) -> list[str]:
    return list(memo(network, "kinds", lambda: _by_kind(network)).get(kind, ()))


def targets(network: nx.MultiDiGraph, node: str, *props: str) -> set[str]:
    # per neighbour its keys (the properties), read from networkx's own adjacency dicts rather
    # than an edge view yielding every (s, o, key): a theme has 15 k in-edges at 1 M, and
    # the view's generator was most of the gap rules' time
    return {o for o, keys in network._succ[node].items() if not keys.keys().isdisjoint(props)}


def sources(network: nx.MultiDiGraph, node: str, *props: str) -> set[str]:
    return {s for s, keys in network._pred[node].items() if not keys.keys().isdisjoint(props)}


def label(network: nx.MultiDiGraph, node: str) -> str:
    return name_of(node, network.nodes[node].get("label") if node in network else None)


def label_of(network: nx.MultiDiGraph) -> Callable[[str], str]:
    """`label(network, ·)` from every node's label read once per network: at 1 M a finding
    names 1,200 themes and the gap rules ask for 7 million labels. For a finished network
    (the rules and reports), not one the builder still relabels."""
    labels = memo(network, "labels", lambda: {n: label(network, n) for n in network})
    return lambda node: labels.get(node) or label(network, node)


def broader_graph(g: nx.MultiDiGraph) -> nx.DiGraph:
    """The topics, with an arc from each topic to its broader one (skos:broader)."""
    view = nx.DiGraph()
    view.add_edges_from((s, o) for s, o, p in g.edges(keys=True) if p == "skos:broader")
    view.add_nodes_from(n for n, d in g.nodes(data=True) if d["kind"] == "onderwerp")
    return view


def broader_closure(network: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Topic → every broader topic above it (skos:broader, transitively)."""
    graph = broader_graph(network)
    return {n: nx.descendants(graph, n) for n in graph}


def narrower_closure(network: nx.MultiDiGraph, topic: str) -> set[str]:
    """The topic and every topic under it (skos:broader read backwards, transitively)."""
    found, todo = {topic}, [topic]
    while todo:
        for narrower in sources(network, todo.pop(), "skos:broader"):
            if narrower not in found:
                found.add(narrower)
                todo.append(narrower)
    return found


def bron(network: nx.MultiDiGraph, node: str | None) -> str | None:
    """Where the plan text states this item ("kennisplan-2026-x.txt:123"), when known."""
    return network.nodes[node].get("bron") if node in network else None


def plan_bron(network: nx.MultiDiGraph, plan: str, fact: str | None = None) -> str | None:
    """The plan file, with the line of a plan-level fact ("kn:wet <IRI>") where it was found."""
    data = network.nodes[plan]
    name = data.get("bestand")
    line = (data.get("regels") or {}).get(fact) if fact else None
    return f"{name}:{line}" if name and line else name


def plans_of(network: nx.MultiDiGraph, thema: str) -> set[str]:
    """The plans of a theme: read from each plan's own kn:thema (exactly one per plan, the
    shapes say), once per network, not from the theme's in-edges, which hold every item of
    the theme as well (a gap rule asks this per finding: quadratic at 1 M)."""
    return set(memo(network, "plans_of", lambda: _plans_by_theme(network)).get(thema, ()))


def _plans_by_theme(network: nx.MultiDiGraph) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for plan in nodes_of(network, "plan"):
        for thema in targets(network, plan, "kn:thema"):
            found.setdefault(thema, set()).add(plan)
    return found


def items_of(network: nx.MultiDiGraph, thema: str, kind: str | None = None) -> set[str]:
    found = {s for s, _, p in network.in_edges(thema, keys=True) if p == "kn:vanThema"}
    return {n for n in found if kind is None or network.nodes[n]["kind"] == kind}


def counted_themes(network: nx.MultiDiGraph) -> list[str]:
    """The themes a report or view counts: every main theme, and a sub-theme only when it has
    a plan of its own (Energiebesparing runs its own programme and has none: not a gap)."""
    found = [t for t in nodes_of(network, "thema") if not targets(network, t, "kn:subthemaVan") or plans_of(network, t)]
    return sorted(found, key=lambda t: (label(network, t).casefold(), t))


def find_theme(network: nx.MultiDiGraph, text: str) -> str:
    """The theme IRI for what a person types: IRI, slug, name, abbreviation or code."""
    from ..errors import KennisgraafError

    key = text.casefold().strip()
    table: dict[str, set[str]] = {}
    for thema in nodes_of(network, "thema"):
        data = network.nodes[thema]
        for name in (thema, slug(thema), data["label"], data.get("code") or "", *data.get("namen", ())):
            table.setdefault(name.casefold().strip(), set()).add(thema)
    found = table.get(key, set())
    if len(found) == 1:
        return next(iter(found))
    import difflib

    known = sorted({network.nodes[t]["label"] for t in nodes_of(network, "thema")})
    close = difflib.get_close_matches(text, known, n=3, cutoff=0.4)
    from ..resolve import unknown_name

    raise KennisgraafError(unknown_name("", "thema", text, close, theme_choices(network)))


def theme_choices(network: nx.MultiDiGraph) -> str:
    """The themes a person can pick, sub-themes shown as such (one definition: counted_themes)."""
    counted = counted_themes(network)
    subs = [t for t in nodes_of(network, "thema") if t not in counted]
    text = "Thema's: " + ", ".join(label(network, t) for t in counted)
    if subs:
        text += "; subthema's: " + ", ".join(
            f"{label(network, t)} (van {', '.join(label(network, p) for p in targets(network, t, 'kn:subthemaVan'))})"
            for t in subs
        )
    return text
