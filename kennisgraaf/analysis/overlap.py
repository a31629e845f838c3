"""Where themes overlap: Jaccard similarity of their items per axis.

For each axis (onderwerpen, organisaties, wetgeving, overleggen) the weight of a pair is
|shared| / |together|, the weight networkx's `overlap_weighted_projected_graph(jaccard=True)`
gives the theme–item graph's projection (axes.theme_projection; a test holds them equal). It
is computed from the shared items each pair needs anyway: the projection would walk every
theme's neighbours' neighbours once more per axis, a third of the time at 100 k. The overall
score of a pair is the mean over the axes asked for, so it lies in [0, 1] and never drops
when the pair gains a shared item.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import combinations
from typing import TYPE_CHECKING

from ..bulk import collector_paused
from .findings import Overlap

if TYPE_CHECKING:  # networkx and the network load when an overlap is computed, not when one is shown
    import networkx as nx

ALL = "alles"
#: the plain sentence every rendering uses for the specific overlap
SPECIFIC = (
    "Overlap = hoeveel van wat twee thema's noemen ze delen (0 = niets, 1 = alles), waarbij iets dat "
    "weinig thema's noemen zwaar telt en iets dat (bijna) elk thema noemt nauwelijks, en een klein plan "
    "niet wegvalt naast een groot."
)
#: an item is generic when at least this share of the themes on its axis names it
GENERIC_SHARE = 0.8


def item_weights(sets: dict[str, frozenset[str]]) -> tuple[dict[str, float], set[str]]:
    """Per item of one axis its weight ln(N / n) (N themes on the axis, n of them name it: the
    inverse document frequency), and the generic items (n / N ≥ GENERIC_SHARE)."""
    total = len(sets)
    counts: dict[str, int] = {}
    for items in sets.values():
        for item in items:
            counts[item] = counts.get(item, 0) + 1
    weights = {i: math.log(total / n) for i, n in counts.items()}
    generic = {i for i, n in counts.items() if total >= 2 and n / total >= GENERIC_SHARE}
    return weights, generic


def specific_similarity(common: frozenset, weight_a: float, weight_b: float, weights: dict) -> float:
    """Σ weight of the shared items / √(Σ weight of A · Σ weight of B): the weighted cosine
    (Ochiai) of the two item sets, 0..1. Unlike Jaccard (shared / together), a small plan that
    shares most of what it names is not drowned by a big one; unlike shared / smaller, one
    shared item does not make a tiny plan 100 % alike (0 when either has nothing specific).
    Given the shared items and each set's own weight (`_weight`): a theme's weight is the same
    for every pair it is in, so `overlaps` sums it once per theme."""
    # math.fsum: exact sums, so the result never depends on the order a set iterates in
    norm = math.sqrt(weight_a * weight_b)
    return math.fsum(map(weights.__getitem__, common)) / norm if norm > 0 else 0.0


def _weight(items: frozenset, weights: dict[str, float]) -> float:
    return math.fsum(weights[i] for i in items)


def parse_axes(axes) -> tuple[str, ...]:
    """None, "alles", one axis, a comma-separated string or a list → a tuple of axes."""
    from .network import AXES

    if axes is None:
        return AXES
    if isinstance(axes, str):
        axes = [a.strip() for a in axes.split(",") if a.strip()]
    chosen: list[str] = []
    for axis in axes:
        if axis == ALL:
            return AXES
        if axis not in AXES:
            from ..errors import KennisgraafError

            raise KennisgraafError(f"onbekende as {axis!r}; kies uit {', '.join(AXES)} of {ALL}")
        if axis not in chosen:
            chosen.append(axis)
    return tuple(chosen) or AXES


def overlaps(network: nx.MultiDiGraph, axes=None, thema: str | None = None) -> list[Overlap]:
    """Every pair of themes that have items on the chosen axes, ranked by overall score
    (then by the number of shared items); with `thema` (an IRI) only the pairs with it."""
    from .network import axis_sets, find_theme, label

    axes = parse_axes(axes)
    if thema is not None and thema not in network:
        thema = find_theme(network, thema)
    sets = {axis: axis_sets(network, axis) for axis in axes}
    specific = {axis: item_weights(sets[axis]) for axis in axes}
    own = {axis: {t: _weight(i, specific[axis][0]) for t, i in sets[axis].items()} for axis in axes}
    themes = sorted(set().union(*(s.keys() for s in sets.values())), key=lambda t: label(network, t))
    if thema is not None and thema not in themes:
        return []
    # items as their rank in the reading order: a pair's shared items are then sorted ints, and
    # the 2.7 million pairs of a 1 M build are a third of the time they took with IRIs
    by_rank = sorted(
        set().union(*(i for s in sets.values() for i in s.values())), key=lambda n: (label(network, n).casefold(), n)
    )
    rank = {n: i for i, n in enumerate(by_rank)}
    ranked = {axis: {t: frozenset(map(rank.__getitem__, i)) for t, i in sets[axis].items()} for axis in axes}
    weights = {axis: {rank[i]: w for i, w in specific[axis][0].items()} for axis in axes}
    generic_ranks = {axis: frozenset(map(rank.__getitem__, specific[axis][1])) for axis in axes}
    pairs: Iterable[tuple[str, str]]
    if thema is None:
        pairs = combinations(themes, 2)
    else:  # the pairs with `thema`, in the order `combinations` gives them
        at = themes.index(thema)
        pairs = [(t, thema) for t in themes[:at]] + [(thema, t) for t in themes[at + 1 :]]
    empty: frozenset[int] = frozenset()
    with collector_paused():  # millions of dicts and tuples, no cycles: bulk.py says why
        found = []
        for a, b in pairs:
            shared: dict[str, tuple[str, ...]] = {}
            generic: dict[str, tuple[str, ...]] = {}
            similarity: dict[str, float] = {}
            spec: dict[str, float] = {}
            for axis in axes:
                items_a, items_b = ranked[axis].get(a, empty), ranked[axis].get(b, empty)
                common = items_a & items_b
                if not common:
                    shared[axis], similarity[axis], spec[axis], generic[axis] = (), 0.0, 0.0, ()
                    continue
                ordered = sorted(common)
                shared[axis] = tuple(map(by_rank.__getitem__, ordered))
                # networkx's projection weight, from the sets in hand (the module docstring says why)
                similarity[axis] = len(common) / (len(items_a) + len(items_b) - len(common))
                spec[axis] = specific_similarity(common, own[axis].get(a, 0.0), own[axis].get(b, 0.0), weights[axis])
                algemeen = generic_ranks[axis]
                generic[axis] = tuple(by_rank[r] for r in ordered if r in algemeen) if algemeen else ()
            score = sum(similarity.values()) / len(axes)
            found.append(Overlap(a, b, shared, similarity, score, spec, math.fsum(spec.values()) / len(axes), generic))
    order = {t: i for i, t in enumerate(themes)}
    found.sort(key=lambda o: (-o.score, -o.shared_count(), order[o.thema_a], order[o.thema_b]))
    return found


def by_specific(found: list[Overlap]) -> list[Overlap]:
    """The overlaps ranked by their specific score (see SPECIFIC), then by the Jaccard order."""
    order = {id(o): i for i, o in enumerate(found)}
    return sorted(found, key=lambda o: (-o.specifiek_score, order[id(o)]))


def jaccard(a: set, b: set) -> float:
    """|a ∩ b| / |a ∪ b|, and 0 for two empty sets (the reference the projection must match)."""
    together = a | b
    return len(a & b) / len(together) if together else 0.0


def matrix(found: list[Overlap], themes: list[str] | None = None) -> tuple[list[str], list[list[float | None]]]:
    """The theme × theme view: the themes (in the given order, else by appearance) and a square
    table of scores, None on the diagonal."""
    if themes is None:
        themes = []
        for o in found:
            for t in (o.thema_a, o.thema_b):
                if t not in themes:
                    themes.append(t)
        themes.sort()
    index = {t: i for i, t in enumerate(themes)}
    table: list[list[float | None]] = [[0.0] * len(themes) for _ in themes]
    for i in range(len(themes)):
        table[i][i] = None
    for o in found:
        if o.thema_a in index and o.thema_b in index:
            i, j = index[o.thema_a], index[o.thema_b]
            table[i][j] = table[j][i] = o.score
    return themes, table


def weighted_graph(found: list[Overlap], axes=None) -> nx.Graph:
    """Theme–theme graph from computed overlaps: `weight` = mean similarity over `axes` (all
    axes of the overlaps by default); pairs that share nothing on those axes get no edge."""
    import networkx as nx

    graph = nx.Graph()
    for o in found:
        chosen = tuple(axes or o.similarity)
        graph.add_node(o.thema_a)
        graph.add_node(o.thema_b)
        weight = sum(o.similarity[a] for a in chosen) / len(chosen)
        if weight > 0:
            graph.add_edge(o.thema_a, o.thema_b, weight=weight)
    return graph
